/**
 * M3's words that a number alone does not show (R4): what the trigger condition names (a designation, or,
 * under reading `foundingCountsAsMoveIn`, the founding in the district: “新入区的”); the year's registration
 * condition under reading `m3RegisteredKinds: 'business+tax'` (“注册和税务登记均在本区”), kind by kind; and
 * the leases a year counts, named in the order of their ids whatever the order of the request.
 */
import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../src/core/measure-result.js';
import { rentSubsidy } from '../../src/measures/m03-rent-subsidy.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import type { PolicyEdition } from '../../src/policy/edition.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';

type Enterprise = Parameters<typeof enterpriseFacts>[1];
type Lease = NonNullable<Enterprise['leases']>[number];
const lease = (id: string, changes: Partial<Lease> = {}): Lease => ({ id, areaSqm: 100, start: '2022-01-01', end: '2026-12-31', dailyRentPerSqm: 1, selfUse: true, inDistrict: true, ...changes });
/** 1,000,000 of contribution each year (above the 800,000 threshold), one lease, assessed on 2024-12-31. */
const m3 = (enterprise: Enterprise, edition: PolicyEdition = mentougou2022Draft): MeasureResult =>
  rentSubsidy(enterpriseFacts('2024-12-31', { contributions: [2022, 2023, 2024].map((year) => ({ year, amount: '1000000' })), leases: [lease('L1')], ...enterprise }), edition);
const condition = (conditions: MeasureResult['conditions'], id: string) => conditions.find((c) => c.id === id)!;
const TRIGGER = { zh: '新获得“专精特新”称号（含重新认定）或持有称号新入区（在措施有效期内）', en: 'newly designated (renewals included), or newly moved in while designated, inside the period of validity' };

describe('M3 the trigger condition names the event that starts the support years', () => {
  /** Founded in Mentougou on 2022-03-01 (inside the window), designated on 2023-06-01. */
  const FOUNDED_2022: Enterprise = { registrations: registeredIn('mentougou', '2022-03-01'), designations: [{ level: 'municipal-sme', obtainedOn: '2023-06-01' }] };

  it('default reading: the designation of 2023-06-01 (a founding is no move in)', () => {
    const c = condition(m3(FOUNDED_2022).conditions, 'm3.newly-designated-or-moved-in');
    expect([c.status, c.zh, c.en]).toEqual(['met', `${TRIGGER.zh}：满足（2023-06-01 获得称号）`, `${TRIGGER.en}: met (designated on 2023-06-01)`]);
  });

  it('reading foundingCountsAsMoveIn = true: the founding of 2022-03-01 comes first and is named as such', () => {
    const edition = deriveEdition(mentougou2022Draft, { readings: { foundingCountsAsMoveIn: true } }, { id: 'founding-counts' });
    const c = condition(m3(FOUNDED_2022, edition).conditions, 'm3.newly-designated-or-moved-in');
    expect([c.status, c.zh, c.en]).toEqual(['met', `${TRIGGER.zh}：满足（2022-03-01 在本区设立（新入区））`, `${TRIGGER.en}: met (founded in the district on 2022-03-01 (newly in the district))`]);
  });

  it('a renewal is named as one (“含重新认定”)', () => {
    const c = condition(m3({ registrations: registeredIn('mentougou', '2015-01-01'), designations: [{ level: 'municipal-sme', obtainedOn: '2023-06-01', renewal: true }] }).conditions, 'm3.newly-designated-or-moved-in');
    expect([c.zh, c.en]).toEqual([`${TRIGGER.zh}：满足（2023-06-01 获得称号（重新认定））`, `${TRIGGER.en}: met (designated on 2023-06-01 (renewal))`]);
  });
});

describe('reading m3RegisteredKinds = business+tax: each year’s registration condition, kind by kind', () => {
  const edition = deriveEdition(mentougou2022Draft, { readings: { m3RegisteredKinds: 'business+tax' } }, { id: 'business-and-tax' });
  const BOTH = { zh: '年末（或评估日）工商注册和税务登记均在本区', en: 'business and tax registrations in the district on 31 December of the year (or on asOf, if earlier)' };
  /** Business registration in Mentougou since 2015; tax registration outside Beijing until 2024-03-01; designated 2023-01-10 (years 2023, 2024). */
  const TAX_LATE: Enterprise = {
    registrations: [
      { kind: 'business', region: 'mentougou', from: '2015-01-01' },
      { kind: 'tax', region: 'outside-beijing', from: '2015-01-01' },
      { kind: 'tax', region: 'mentougou', from: '2024-03-01' },
    ],
    designations: [{ level: 'municipal-sme', obtainedOn: '2023-01-10' }],
  };

  it('2023 unmet (tax outside Beijing on 31 December), 2024 met; the detail names both kinds', () => {
    const r = m3(TAX_LATE, edition);
    const registered = r.lines.map((l) => condition(l.conditions, 'm3.registered-in-district'));
    expect(r.lines.map((l) => l.id)).toEqual(['2023', '2024']);
    expect(registered.map((c) => [c.status, c.ruling, c.zh, c.en])).toEqual([
      ['unmet', 'R4', `${BOTH.zh}：不满足（工商：2023-12-31 在门头沟区；税务：2023-12-31 在北京市外）`, `${BOTH.en}: not met (business: Mentougou District on 2023-12-31; tax: outside Beijing on 2023-12-31)`],
      ['met', 'R4', `${BOTH.zh}：满足（工商：2024-12-31 在门头沟区；税务：2024-12-31 在门头沟区）`, `${BOTH.en}: met (business: Mentougou District on 2024-12-31; tax: Mentougou District on 2024-12-31)`],
    ]);
  });

  it('no tax timeline: unknown by enterprise.registrations, and the detail names only the business one', () => {
    const r = m3({ registrations: [{ kind: 'business', region: 'mentougou', from: '2015-01-01' }], designations: [{ level: 'municipal-sme', obtainedOn: '2023-01-10' }] }, edition);
    const c = condition(r.lines[0]!.conditions, 'm3.registered-in-district');
    expect([c.status, c.missing, c.zh]).toEqual(['unknown', ['enterprise.registrations'], `${BOTH.zh}：未知（工商：2023-12-31 在门头沟区）`]);
  });

  it('the default reading (business only) keeps the one-kind wording', () => {
    const c = condition(m3(TAX_LATE).lines[0]!.conditions, 'm3.registered-in-district');
    expect([c.status, c.zh]).toEqual(['met', '年末（或评估日）工商注册在本区：满足（2023-12-31 在门头沟区）']);
  });
});

describe('M3 the leases a year counts are named by id, in id order', () => {
  it('leases given as L2, L1 are stated as L1, L2 (condition and details), each lease’s figures under its own id', () => {
    const r = m3({ registrations: registeredIn('mentougou', '2015-01-01'), designations: [{ level: 'municipal-sme', obtainedOn: '2023-01-10' }], leases: [lease('L2', { areaSqm: 50 }), lease('L1')] });
    const year2023 = r.lines[0]!;
    const c = condition(year2023.conditions, 'm3.self-use-lease-in-district');
    expect([c.zh, c.en]).toEqual(['在本区租赁自用办公用房（租期与该年度重叠）：满足（计入租约 L1、L2）', 'rents self-use office space in the district during the year: met (leases counted: L1, L2)']);
    // 100 m² and 50 m², 365 days at 1 yuan: 36,500 + 18,250 = 54,750
    expect(year2023.details).toMatchObject({ leases: 'L1,L2', 'lease[L1].areaSqm': '100', 'lease[L2].areaSqm': '50', 'lease[L2].subtotal': '18250', capped: '54750' });
    expect(Object.keys(year2023.details).filter((k) => k.endsWith('.days'))).toEqual(['lease[L1].days', 'lease[L2].days']);
  });
});
