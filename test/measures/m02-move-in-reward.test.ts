/**
 * M2 move-in reward (一、2) under ruling R3. Expected amounts are the edition's 100,000 (or a derived
 * edition's amount), stated by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/decision.js';
import type { MeasureResult } from '../../src/core/measure-result.js';
import { moveInReward } from '../../src/measures/m02-move-in-reward.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { goldenEnterpriseFacts as goldenFacts } from '../helpers/golden.js';

type Region = 'mentougou' | 'beijing-other' | 'outside-beijing';
type EnterpriseInput = Parameters<typeof enterpriseFacts>[1];

const SINCE = 'm2.moved-in-since';
const FROM_OUTSIDE = 'm2.from-outside-beijing';
const ON_TOP_OF_M1 = 'm2.has-m1-entitlement';
const PHYSICAL = 'm2.physical-operation-in-district';

/** Both registrations along a path of regions: `[region, from]` pairs, oldest first. */
const path = (...steps: [Region, string][]) => steps.flatMap(([region, from]) => registeredIn(region, from));

/** A national little giant (2022-09-01) that moved in from outside Beijing on 2022-03-10 and operates here. */
const newcomer: EnterpriseInput = {
  independentLegalPerson: true,
  registrations: path(['outside-beijing', '2010-03-01'], ['mentougou', '2022-03-10']),
  designations: [{ level: 'national-little-giant', obtainedOn: '2022-09-01' }],
  physicalOperationInDistrict: true,
};

const m2 = (asOf: string, changes: Partial<EnterpriseInput> = {}, edition = mentougou2022Draft): MeasureResult =>
  moveInReward(enterpriseFacts(asOf, { ...newcomer, ...changes }), edition);

const statusOf = (result: MeasureResult, id: string): Status | undefined => result.conditions.find((c) => c.id === id)?.status;
const statuses = (result: MeasureResult) => Object.fromEntries(result.conditions.map((c) => [c.id, c.status]));

describe('R3 move-in reward', () => {
  it('pays 100,000 once for a move in from outside Beijing since 2022-01-01, as one line keyed {} in the ledger', () => {
    const result = m2('2025-12-31');
    expect(result.measure).toBe('M2');
    expect(result.clause).toBe('一、2 吸引企业入区发展');
    expect(result.responsibleUnits).toEqual(['区科信局']);
    expect(result.outcome).toBe('eligible');
    // 10万元 = 100,000.00
    expect(result.amount?.toFixed(2)).toBe('100000.00');
    expect(result.missing).toEqual([]);
    expect(statuses(result)).toEqual({ [SINCE]: 'met', [FROM_OUTSIDE]: 'met', [ON_TOP_OF_M1]: 'met', [PHYSICAL]: 'met' });
    expect(result.lines).toHaveLength(1);
    const [line] = result.lines;
    expect(line?.id).toBe('move-in');
    expect(line?.ledger).toEqual({});
    expect(line?.outcome).toBe('eligible');
    expect(line?.amount?.toFixed(2)).toBe('100000.00');
    expect(line?.details).toMatchObject({ movedInOn: '2022-03-10', movedInFrom: 'outside-beijing' });
  });

  it('names each condition for the words it tests, and cites M2 / R3', () => {
    const result = m2('2025-12-31');
    const zh = Object.fromEntries(result.conditions.map((c) => [c.id, c.zh]));
    expect(zh[SINCE]).toContain('2022年1月1日以来');
    expect(zh[FROM_OUTSIDE]).toContain('从北京市外新引进');
    expect(zh[ON_TOP_OF_M1]).toContain('除上述奖励外');
    expect(zh[PHYSICAL]).toContain('需在我区实体经营');
    for (const c of result.conditions) {
      expect(c.clause).toBe('M2');
      expect(c.ruling).toBe('R3');
    }
  });

  it('golden 02: eligible 100000.00; golden 01 (founded in the district): ineligible 0.00', () => {
    const g02 = moveInReward(goldenFacts('02-newcomer-with-rent.json'), mentougou2022Draft);
    expect(g02.outcome).toBe('eligible');
    expect(g02.amount?.toFixed(2)).toBe('100000.00');
    const g01 = moveInReward(goldenFacts('01-climber.json'), mentougou2022Draft);
    expect(g01.outcome).toBe('ineligible');
    expect(g01.amount?.toFixed(2)).toBe('0.00');
    expect(statusOf(g01, FROM_OUTSIDE)).toBe('unmet');
  });
});

describe('R3 “2022年1月1日以来” and the window (R1)', () => {
  it('a move on 2021-12-31 is before the start date: unmet, ineligible', () => {
    const result = m2('2024-12-31', { registrations: path(['outside-beijing', '2010-03-01'], ['mentougou', '2021-12-31']) });
    expect(statusOf(result, SINCE)).toBe('unmet');
    expect(statusOf(result, FROM_OUTSIDE)).toBe('met');
    expect(result.outcome).toBe('ineligible');
    expect(result.amount?.toFixed(2)).toBe('0.00');
  });

  it('a move on 2022-01-01 (the start date itself) counts: 100,000', () => {
    const result = m2('2024-12-31', { registrations: path(['outside-beijing', '2010-03-01'], ['mentougou', '2022-01-01']) });
    expect(statusOf(result, SINCE)).toBe('met');
    expect(result.outcome).toBe('eligible');
    expect(result.amount?.toFixed(2)).toBe('100000.00');
  });

  it('a move on the window’s last day 2025-12-31 counts (asOf after it)', () => {
    const result = m2('2026-01-15', {
      registrations: path(['outside-beijing', '2010-03-01'], ['mentougou', '2025-12-31']),
      designations: [{ level: 'municipal-sme', obtainedOn: '2025-06-01' }],
    });
    expect(statusOf(result, SINCE)).toBe('met');
    expect(result.outcome).toBe('eligible');
    expect(result.amount?.toFixed(2)).toBe('100000.00');
  });

  it('a move on 2026-01-01, the day after the window, does not', () => {
    const result = m2('2026-01-15', {
      registrations: path(['outside-beijing', '2010-03-01'], ['mentougou', '2026-01-01']),
      designations: [{ level: 'municipal-sme', obtainedOn: '2025-06-01' }],
    });
    expect(statusOf(result, SINCE)).toBe('unmet');
    expect(statusOf(result, FROM_OUTSIDE)).toBe('met');
    expect(result.outcome).toBe('ineligible');
  });

  it('the start date and the amount come from the edition (a derived edition from 2023-01-01 paying 150,000)', () => {
    const later = deriveEdition(mentougou2022Draft, { m2: { movedInOnOrAfter: '2023-01-01', amount: 150000 } }, { id: 'm2-later' });
    const before = m2('2024-12-31', {}, later);
    expect(statusOf(before, SINCE)).toBe('unmet');
    expect(before.conditions.find((c) => c.id === SINCE)?.zh).toContain('2023年1月1日以来');
    const on = m2('2024-12-31', { registrations: path(['outside-beijing', '2010-03-01'], ['mentougou', '2023-01-01']) }, later);
    expect(on.outcome).toBe('eligible');
    // the derived amount: 150,000.00
    expect(on.amount?.toFixed(2)).toBe('150000.00');
  });
});

describe('R3 “从北京市外新引进”', () => {
  it('a move from another Beijing district does not qualify', () => {
    const result = m2('2024-12-31', { registrations: path(['beijing-other', '2010-03-01'], ['mentougou', '2022-03-10']) });
    expect(statusOf(result, FROM_OUTSIDE)).toBe('unmet');
    expect(statusOf(result, SINCE)).toBe('met');
    expect(result.outcome).toBe('ineligible');
    expect(result.amount?.toFixed(2)).toBe('0.00');
  });

  it('a firm that returns from outside Beijing qualifies', () => {
    const result = m2('2024-12-31', {
      registrations: path(['mentougou', '2010-03-01'], ['outside-beijing', '2015-05-01'], ['mentougou', '2023-05-01']),
    });
    expect(result.outcome).toBe('eligible');
    expect(result.lines[0]?.details.movedInOn).toBe('2023-05-01');
  });

  it('founding in the district is not a move (the first entry of a kind is its founding)', () => {
    const result = m2('2024-12-31', { registrations: registeredIn('mentougou', '2022-05-01') });
    expect(statusOf(result, FROM_OUTSIDE)).toBe('unmet');
    expect(statusOf(result, SINCE)).toBe('unmet');
    expect(result.outcome).toBe('ineligible');
  });

  it('outside Beijing → another district → Mentougou is a move from another district', () => {
    const result = m2('2024-12-31', {
      registrations: path(['outside-beijing', '2010-03-01'], ['beijing-other', '2022-02-01'], ['mentougou', '2023-01-01']),
    });
    expect(statusOf(result, FROM_OUTSIDE)).toBe('unmet');
    expect(result.outcome).toBe('ineligible');
  });

  it('a move from outside Beijing before 2022 and a later one from another district: no move qualifies', () => {
    const result = m2('2024-12-31', {
      registrations: path(['outside-beijing', '2010-03-01'], ['mentougou', '2021-06-01'], ['beijing-other', '2022-02-01'], ['mentougou', '2023-01-01']),
    });
    expect(statusOf(result, FROM_OUTSIDE)).toBe('met');
    expect(statusOf(result, SINCE)).toBe('unmet');
    expect(result.outcome).toBe('ineligible');
  });

  it('of two moves from outside Beijing, the one since 2022-01-01 counts', () => {
    const result = m2('2024-12-31', {
      registrations: path(['outside-beijing', '2010-03-01'], ['mentougou', '2021-06-01'], ['outside-beijing', '2022-02-01'], ['mentougou', '2023-03-01']),
    });
    expect(result.outcome).toBe('eligible');
    expect(result.lines[0]?.details.movedInOn).toBe('2023-03-01');
  });

  it('only the business registration counts: a tax move alone is no move of the business registration', () => {
    const result = m2('2024-12-31', {
      registrations: [
        { kind: 'business', region: 'mentougou', from: '2010-03-01' },
        { kind: 'tax', region: 'outside-beijing', from: '2010-03-01' },
        { kind: 'tax', region: 'mentougou', from: '2022-03-10' },
      ],
    });
    expect(statusOf(result, FROM_OUTSIDE)).toBe('unmet');
    expect(result.outcome).toBe('ineligible');
  });

  it('no business timeline at all: unknown, needs enterprise.registrations; the line still shows 100,000', () => {
    for (const registrations of [undefined, [{ kind: 'tax' as const, region: 'mentougou' as const, from: '2022-03-10' }]]) {
      const result = m2('2024-12-31', { registrations });
      expect(statusOf(result, FROM_OUTSIDE)).toBe('unknown');
      expect(statusOf(result, SINCE)).toBe('unknown');
      expect(result.outcome).toBe('undetermined');
      expect(result.missing).toEqual(['enterprise.registrations']);
      expect(result.amount?.toFixed(2)).toBe('0.00');
      expect(result.lines[0]?.outcome).toBe('undetermined');
      expect(result.lines[0]?.amount?.toFixed(2)).toBe('100000.00');
    }
  });
});

describe('R3 “除上述奖励外” (an M1 entitlement)', () => {
  it('met when a designation earns an M1 tier (R2)', () => {
    expect(statusOf(m2('2024-12-31'), ON_TOP_OF_M1)).toBe('met');
  });

  it('unmet with no designation, with only a renewal, or with a designation before the window', () => {
    for (const designations of [
      [],
      [{ level: 'municipal-sme' as const, obtainedOn: '2023-05-01', renewal: true }],
      [{ level: 'municipal-sme' as const, obtainedOn: '2021-12-31' }],
    ]) {
      const result = m2('2024-12-31', { designations });
      expect(statusOf(result, ON_TOP_OF_M1)).toBe('unmet');
      expect(statusOf(result, FROM_OUTSIDE)).toBe('met');
      expect(result.outcome).toBe('ineligible');
      expect(result.amount?.toFixed(2)).toBe('0.00');
    }
  });

  it('a first designation on 2022-01-01 earns M1, so M2 stacks', () => {
    const result = m2('2024-12-31', { designations: [{ level: 'municipal-sme', obtainedOn: '2022-01-01' }] });
    expect(statusOf(result, ON_TOP_OF_M1)).toBe('met');
    expect(result.outcome).toBe('eligible');
  });
});

describe('R3 “需在我区实体经营”', () => {
  it('false: unmet, ineligible', () => {
    const result = m2('2024-12-31', { physicalOperationInDistrict: false });
    expect(statusOf(result, PHYSICAL)).toBe('unmet');
    expect(result.outcome).toBe('ineligible');
    expect(result.missing).toEqual([]);
  });

  it('absent: unknown, undetermined, needs enterprise.physicalOperationInDistrict', () => {
    const result = m2('2024-12-31', { physicalOperationInDistrict: undefined });
    expect(statusOf(result, PHYSICAL)).toBe('unknown');
    expect(result.outcome).toBe('undetermined');
    expect(result.missing).toEqual(['enterprise.physicalOperationInDistrict']);
    expect(result.conditions.find((c) => c.id === PHYSICAL)?.missing).toEqual(['enterprise.physicalOperationInDistrict']);
    expect(result.amount?.toFixed(2)).toBe('0.00');
    expect(result.lines[0]?.amount?.toFixed(2)).toBe('100000.00');
  });

  it('absent together with the timeline: both paths are missing', () => {
    const result = m2('2024-12-31', { physicalOperationInDistrict: undefined, registrations: undefined });
    expect(result.outcome).toBe('undetermined');
    expect([...result.missing].sort()).toEqual(['enterprise.physicalOperationInDistrict', 'enterprise.registrations']);
  });

  it('absent but another condition unmet: ineligible, nothing missing', () => {
    const result = m2('2024-12-31', { physicalOperationInDistrict: undefined, designations: [] });
    expect(result.outcome).toBe('ineligible');
    expect(result.missing).toEqual([]);
  });
});
