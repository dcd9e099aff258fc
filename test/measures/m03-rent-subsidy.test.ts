/**
 * M3 rent subsidy (二、3) under ruling R4. Every expected amount is worked out by hand in a comment:
 * area × days in the calendar year × min(1, rent), the year's sum capped at 300,000, rounded once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, formatCalendarDate } from '../../src/core/calendar.js';
import type { Status } from '../../src/core/decision.js';
import type { MeasureLine, MeasureResult } from '../../src/core/measure-result.js';
import type { EnterpriseFacts } from '../../src/facts/facts.js';
import { findRentSubsidyTrigger, rentSubsidyTriggers } from '../../src/facts/rent-years.js';
import { rentSubsidy, rentSubsidyYear } from '../../src/measures/m03-rent-subsidy.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { editionValues } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { goldenEnterpriseFacts as goldenFacts } from '../helpers/golden.js';

type EnterpriseInput = Parameters<typeof enterpriseFacts>[1];
type LeaseInput = NonNullable<EnterpriseInput['leases']>[number];
type Region = 'mentougou' | 'beijing-other' | 'outside-beijing';

const TRIGGER = 'm3.newly-designated-or-moved-in';
const YEARS = 'm3.support-year-reached';
const REGISTERED = 'm3.registered-in-district';
const CONTRIBUTION = 'm3.contribution-threshold';
const LEASE = 'm3.self-use-lease-in-district';

const lease = (changes: Partial<LeaseInput> = {}): LeaseInput => ({
  id: 'L1',
  areaSqm: 100,
  start: '2022-01-01',
  end: '2026-12-31',
  dailyRentPerSqm: 1,
  selfUse: true,
  inDistrict: true,
  ...changes,
});

/**
 * Registered in the district since 2015, a municipal SME since 2022-06-15 (the trigger: S = 2023),
 * 1,000,000 of contribution each year, 100 m² at 1 yuan/day: 100 × 365 = 36,500 a year (36,600 in 2024).
 */
const tenant: EnterpriseInput = {
  independentLegalPerson: true,
  registrations: registeredIn('mentougou', '2015-01-01'),
  designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
  contributions: [2022, 2023, 2024, 2025, 2026].map((year) => ({ year, amount: '1000000' })),
  leases: [lease()],
};

const facts = (asOf: string, changes: Partial<EnterpriseInput> = {}): EnterpriseFacts => enterpriseFacts(asOf, { ...tenant, ...changes });
const m3 = (asOf: string, changes: Partial<EnterpriseInput> = {}, edition = mentougou2022Draft): MeasureResult => rentSubsidy(facts(asOf, changes), edition);
/** One support year's line, settled through the measure. */
const yearLine = (asOf: string, year: number, changes: Partial<EnterpriseInput> = {}, edition = mentougou2022Draft): MeasureLine => {
  const line = m3(asOf, changes, edition).lines.find((l) => l.id === String(year));
  if (!line) throw new Error(`no line for ${year}`);
  return line;
};

const path = (...steps: [Region, string][]) => steps.flatMap(([region, from]) => registeredIn(region, from));
const statusOf = (conditions: readonly { id: string; status: Status }[], id: string): Status | undefined => conditions.find((c) => c.id === id)?.status;
const yuan = (amount: { toFixed(n: number): string } | null | undefined): string | undefined => amount?.toFixed(2);

describe('R4 rent subsidy golden vectors', () => {
  it('02: 2023 capped at 300,000, 2024 contribution 790,000 unmet, 2025 300,000: 600000.00', () => {
    const result = rentSubsidy(goldenFacts('02-newcomer-with-rent.json'), mentougou2022Draft);
    expect(result.outcome).toBe('eligible');
    // 2023: 1000 × 365 × min(1, 2.5) = 365,000 → cap 300,000; 2025: likewise 300,000 → 600,000
    expect(yuan(result.amount)).toBe('600000.00');
    expect(result.lines.map((l) => [l.id, l.outcome, yuan(l.amount)])).toEqual([
      ['2023', 'eligible', '300000.00'],
      // 1000 × 366 = 366,000 → cap 300,000 shown, but 790,000 < 800,000
      ['2024', 'ineligible', '300000.00'],
      ['2025', 'eligible', '300000.00'],
    ]);
    expect(statusOf(result.lines[1]!.conditions, CONTRIBUTION)).toBe('unmet');
  });

  it('03: 123.45 × 366 × 0.8 = 36146.16 in 2024; the sublet lease is ignored; 2023 has no lease', () => {
    const result = rentSubsidy(goldenFacts('03-leap-year-rent.json'), mentougou2022Draft);
    expect(result.outcome).toBe('eligible');
    // 123.45 × 366 = 45182.70; × 0.8 = 36146.16
    expect(yuan(result.amount)).toBe('36146.16');
    const [y2023, y2024] = result.lines;
    expect(y2023?.id).toBe('2023');
    expect(statusOf(y2023!.conditions, LEASE)).toBe('unmet');
    expect(y2023?.outcome).toBe('ineligible');
    expect(y2024?.details).toMatchObject({ 'lease[L1].days': 366, 'lease[L1].areaSqm': '123.45', 'lease[L1].rateUsed': '0.8', leases: 'L1' });
    expect(y2024?.details['lease[L2].days']).toBeUndefined();
  });

  it('07: 600 × 365 × 1 + 600 × 366 × 1 = 219,000 + 219,600 = 438600.00', () => {
    const result = rentSubsidy(goldenFacts('07-listing-and-park-subsidy.json'), mentougou2022Draft);
    expect(yuan(result.amount)).toBe('438600.00');
    expect(result.lines.map((l) => yuan(l.amount))).toEqual(['219000.00', '219600.00']);
  });

  it('01: no leases, so every year is unmet: ineligible 0.00', () => {
    const result = rentSubsidy(goldenFacts('01-climber.json'), mentougou2022Draft);
    expect(result.outcome).toBe('ineligible');
    expect(yuan(result.amount)).toBe('0.00');
    expect(result.missing).toEqual([]);
  });
});

describe('R4 rent subsidy years', () => {
  it('a 2022 trigger starts the support years in 2023 (S = max(2023, 2022)): 2023, 2024, 2025, keyed by year', () => {
    const result = m3('2025-12-31');
    expect(result.measure).toBe('M3');
    // the text: “（区科信局、中关村门头沟园管委会）”
    expect(result.responsibleUnits).toEqual(['区科信局', '中关村门头沟园管委会']);
    expect(statusOf(result.conditions, TRIGGER)).toBe('met');
    expect(statusOf(result.conditions, YEARS)).toBe('met');
    expect(result.lines.map((l) => l.id)).toEqual(['2023', '2024', '2025']);
    expect(result.lines.map((l) => l.ledger)).toEqual([{ year: 2023 }, { year: 2024 }, { year: 2025 }]);
    // 36,500 + 36,600 + 36,500 = 109,600
    expect(yuan(result.amount)).toBe('109600.00');
  });

  it('a 2023 trigger starts in 2023 (the year of T)', () => {
    const result = m3('2025-12-31', { designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-10' }] });
    expect(result.lines.map((l) => l.id)).toEqual(['2023', '2024', '2025']);
  });

  it('cut by asOf: asOf 2024-06-30 gives 2023 and 2024, the year of asOf counted over the whole year', () => {
    const result = m3('2024-06-30');
    expect(result.lines.map((l) => l.id)).toEqual(['2023', '2024']);
    // 36,500 + 100 × 366 = 36,600 → 73,100
    expect(yuan(result.amount)).toBe('73100.00');
  });

  it('cut by the last year 2025: a 2024 trigger with asOf 2026-06-30 gives 2024 and 2025 only', () => {
    const result = m3('2026-06-30', { designations: [{ level: 'municipal-sme', obtainedOn: '2024-03-01' }] });
    expect(result.lines.map((l) => l.id)).toEqual(['2024', '2025']);
    // 36,600 + 36,500
    expect(yuan(result.amount)).toBe('73100.00');
  });

  it('the number of years comes from the edition (m3.years = 2: 2023 and 2024)', () => {
    const two = deriveEdition(mentougou2022Draft, { m3: { years: 2 } }, { id: 'm3-two-years' });
    expect(m3('2025-12-31', {}, two).lines.map((l) => l.id)).toEqual(['2023', '2024']);
  });

  it('a trigger with no support year reached yet: the measure is ineligible', () => {
    const result = m3('2022-12-31');
    expect(statusOf(result.conditions, TRIGGER)).toBe('met');
    expect(statusOf(result.conditions, YEARS)).toBe('unmet');
    expect(result.lines).toEqual([]);
    expect(result.outcome).toBe('ineligible');
    expect(yuan(result.amount)).toBe('0.00');
  });

  it('a renewal inside the window is a trigger (含重新认定)', () => {
    const result = m3('2025-12-31', {
      designations: [
        { level: 'municipal-sme', obtainedOn: '2019-05-01' },
        { level: 'municipal-sme', obtainedOn: '2023-05-01', renewal: true },
      ],
    });
    expect(statusOf(result.conditions, TRIGGER)).toBe('met');
    expect(result.conditions.find((c) => c.id === TRIGGER)?.en).toContain('2023-05-01 (renewal)');
    expect(result.lines.map((l) => l.id)).toEqual(['2023', '2024', '2025']);
  });

  it('a designation on 2021-12-31 (before the window) and no move: no trigger, ineligible', () => {
    const result = m3('2025-12-31', { designations: [{ level: 'municipal-sme', obtainedOn: '2021-12-31' }] });
    expect(statusOf(result.conditions, TRIGGER)).toBe('unmet');
    expect(statusOf(result.conditions, YEARS)).toBe('unmet');
    expect(result.lines).toEqual([]);
    expect(result.outcome).toBe('ineligible');
  });

  it('a designation on 2022-01-01 (the window’s first day) is a trigger', () => {
    expect(statusOf(m3('2025-12-31', { designations: [{ level: 'municipal-sme', obtainedOn: '2022-01-01' }] }).conditions, TRIGGER)).toBe('met');
  });

  it('a designation on the window’s last day 2025-12-31 triggers (asOf after it): support year 2025', () => {
    const result = m3('2026-01-10', { designations: [{ level: 'municipal-sme', obtainedOn: '2025-12-31' }] });
    expect(statusOf(result.conditions, TRIGGER)).toBe('met');
    expect(result.lines.map((l) => l.id)).toEqual(['2025']);
    expect(result.outcome).toBe('eligible');
  });

  it('a designation on 2026-01-01, the day after the window, does not', () => {
    const result = m3('2026-01-10', { designations: [{ level: 'municipal-sme', obtainedOn: '2026-01-01' }] });
    expect(statusOf(result.conditions, TRIGGER)).toBe('unmet');
    expect(result.outcome).toBe('ineligible');
  });

  it('a move in from another district while designated is a trigger (新入区的)', () => {
    const result = m3('2025-12-31', {
      registrations: path(['beijing-other', '2015-01-01'], ['mentougou', '2023-03-01']),
      designations: [{ level: 'municipal-sme', obtainedOn: '2019-05-01' }],
    });
    expect(statusOf(result.conditions, TRIGGER)).toBe('met');
    expect(result.conditions.find((c) => c.id === TRIGGER)?.en).toContain('moved in from another Beijing district on 2023-03-01');
    expect(result.lines.map((l) => l.id)).toEqual(['2023', '2024', '2025']);
  });

  it('a move in from outside Beijing while designated is a trigger too', () => {
    const result = m3('2025-12-31', {
      registrations: path(['outside-beijing', '2015-01-01'], ['mentougou', '2024-03-01']),
      designations: [{ level: 'municipal-sme', obtainedOn: '2019-05-01' }],
    });
    expect(result.lines.map((l) => l.id)).toEqual(['2024', '2025']);
  });

  it('a move in is no trigger when no designation is held that day (expired before it)', () => {
    const result = m3('2025-12-31', {
      registrations: path(['beijing-other', '2015-01-01'], ['mentougou', '2023-03-01']),
      designations: [{ level: 'municipal-sme', obtainedOn: '2019-05-01', expiresOn: '2022-05-01' }],
    });
    expect(statusOf(result.conditions, TRIGGER)).toBe('unmet');
  });

  it('a move on 2021-12-31 is outside the window; on 2022-01-01 it triggers', () => {
    const designations = [{ level: 'municipal-sme' as const, obtainedOn: '2019-05-01' }];
    const before = m3('2025-12-31', { designations, registrations: path(['beijing-other', '2015-01-01'], ['mentougou', '2021-12-31']) });
    expect(statusOf(before.conditions, TRIGGER)).toBe('unmet');
    const on = m3('2025-12-31', { designations, registrations: path(['beijing-other', '2015-01-01'], ['mentougou', '2022-01-01']) });
    expect(statusOf(on.conditions, TRIGGER)).toBe('met');
    expect(on.lines.map((l) => l.id)).toEqual(['2023', '2024', '2025']);
  });

  it('T is the first trigger: a move in 2022 while designated comes before a designation in 2024', () => {
    const result = m3('2025-12-31', {
      registrations: path(['beijing-other', '2015-01-01'], ['mentougou', '2022-03-01']),
      designations: [
        { level: 'municipal-sme', obtainedOn: '2019-05-01' },
        { level: 'municipal-little-giant', obtainedOn: '2024-05-01' },
      ],
    });
    // T = 2022-03-01 → S = 2023, not 2024
    expect(result.lines.map((l) => l.id)).toEqual(['2023', '2024', '2025']);
  });

  it('no business timeline and a designation held in the window but none obtained in it: unknown trigger', () => {
    const result = m3('2025-12-31', { registrations: undefined, designations: [{ level: 'municipal-sme', obtainedOn: '2019-05-01' }] });
    expect(statusOf(result.conditions, TRIGGER)).toBe('unknown');
    expect(result.outcome).toBe('undetermined');
    expect(result.missing).toEqual(['enterprise.registrations']);
    expect(result.lines).toEqual([]);
  });

  it('no business timeline and no designation held in the window: no trigger', () => {
    const result = m3('2025-12-31', {
      registrations: undefined,
      designations: [{ level: 'municipal-sme', obtainedOn: '2019-05-01', expiresOn: '2021-12-31' }],
    });
    expect(statusOf(result.conditions, TRIGGER)).toBe('unmet');
    expect(result.outcome).toBe('ineligible');
  });
});

describe('R4 rent subsidy certified each year (每年认定)', () => {
  it('business registration in the district on 31 Dec: moved out on 2024-12-31 fails 2024, 2023 still holds', () => {
    const result = m3('2025-06-30', { registrations: path(['mentougou', '2015-01-01'], ['beijing-other', '2024-12-31']) });
    expect(result.lines.map((l) => [l.id, statusOf(l.conditions, REGISTERED)])).toEqual([
      ['2023', 'met'],
      ['2024', 'unmet'],
      ['2025', 'unmet'],
    ]);
    // only 2023 pays: 36,500
    expect(yuan(result.amount)).toBe('36500.00');
  });

  it('moved out on 2025-01-01: 2024 holds (checked on 2024-12-31); 2025 is checked on asOf 2025-06-30', () => {
    const result = m3('2025-06-30', { registrations: path(['mentougou', '2015-01-01'], ['beijing-other', '2025-01-01']) });
    expect(result.lines.map((l) => [l.id, statusOf(l.conditions, REGISTERED), l.details.registrationCheckedOn])).toEqual([
      ['2023', 'met', '2023-12-31'],
      ['2024', 'met', '2024-12-31'],
      ['2025', 'unmet', '2025-06-30'],
    ]);
  });

  it('asOf before 31 Dec: the registration on asOf decides (moved out 2024-06-01, asOf 2024-07-01)', () => {
    const line = yearLine('2024-07-01', 2024, { registrations: path(['mentougou', '2015-01-01'], ['beijing-other', '2024-06-01']) });
    expect(statusOf(line.conditions, REGISTERED)).toBe('unmet');
    expect(line.details.registrationCheckedOn).toBe('2024-07-01');
  });

  it('registration: not yet founded at the end of the year is unmet; no business entry at all is unknown', () => {
    const founded = rentSubsidyYear(facts('2025-06-30', { registrations: registeredIn('mentougou', '2024-02-01') }), mentougou2022Draft, 2023);
    expect(statusOf(founded.conditions, REGISTERED)).toBe('unmet');
    const none = rentSubsidyYear(
      facts('2025-06-30', { registrations: [{ kind: 'tax', region: 'mentougou', from: '2015-01-01' }] }),
      mentougou2022Draft,
      2023,
    );
    expect(statusOf(none.conditions, REGISTERED)).toBe('unknown');
    expect(none.conditions.find((c) => c.id === REGISTERED)?.missing).toEqual(['enterprise.registrations']);
  });

  it('contribution 799,999.99 is below 800,000: unmet', () => {
    const line = yearLine('2025-12-31', 2023, { contributions: [{ year: 2023, amount: '799999.99' }, { year: 2024, amount: 1000000 }] });
    expect(statusOf(line.conditions, CONTRIBUTION)).toBe('unmet');
    expect(line.outcome).toBe('ineligible');
    // the amount is still shown: 100 × 365 × 1 = 36,500
    expect(yuan(line.amount)).toBe('36500.00');
  });

  it('contribution of exactly 800,000.00 meets the threshold (含)', () => {
    const line = yearLine('2025-12-31', 2023, { contributions: [{ year: 2023, amount: '800000.00' }] });
    expect(statusOf(line.conditions, CONTRIBUTION)).toBe('met');
    expect(line.outcome).toBe('eligible');
    expect(line.details.contribution).toBe('800000.00');
  });

  it('contribution absent: unknown, the year undetermined, needs enterprise.contributions; the amount is shown', () => {
    for (const contributions of [undefined, [], [{ year: 2022, amount: 5000000 }]]) {
      const result = m3('2023-12-31', { contributions });
      const [line] = result.lines;
      expect(statusOf(line!.conditions, CONTRIBUTION)).toBe('unknown');
      expect(line?.outcome).toBe('undetermined');
      expect(yuan(line?.amount)).toBe('36500.00');
      expect(result.outcome).toBe('undetermined');
      expect(result.missing).toEqual(['enterprise.contributions']);
      expect(yuan(result.amount)).toBe('0.00');
    }
  });

  it('contributionYearOffset −1 (derived edition): each year is certified on the year before', () => {
    const previous = deriveEdition(mentougou2022Draft, { m3: { contributionYearOffset: -1 } }, { id: 'm3-previous-year' });
    const contributions = [
      { year: 2022, amount: '800000' },
      { year: 2023, amount: '0' },
    ];
    const result = m3('2024-12-31', { contributions }, previous);
    // 2023 looks at 2022 (800,000: met); 2024 looks at 2023 (0: unmet)
    expect(result.lines.map((l) => [l.id, l.details.contributionYear, statusOf(l.conditions, CONTRIBUTION)])).toEqual([
      ['2023', 2022, 'met'],
      ['2024', 2023, 'unmet'],
    ]);
    expect(yuan(result.amount)).toBe('36500.00');
    // under the built-in edition (offset 0) the same facts fail 2023 and leave 2024 unknown
    const same = m3('2024-12-31', { contributions });
    expect(same.lines.map((l) => statusOf(l.conditions, CONTRIBUTION))).toEqual(['unmet', 'unknown']);
  });

  it('a lease: none, only sublet, only outside the district, or not overlapping the year is unmet', () => {
    for (const leases of [
      undefined,
      [],
      [lease({ selfUse: false })],
      [lease({ inDistrict: false })],
      [lease({ start: '2022-01-01', end: '2022-12-31' })],
      [lease({ start: '2024-01-01', end: '2024-12-31' })],
    ]) {
      const line = yearLine('2025-12-31', 2023, { leases });
      expect(statusOf(line.conditions, LEASE)).toBe('unmet');
      expect(line.outcome).toBe('ineligible');
      expect(yuan(line.amount)).toBe('0.00');
    }
  });

  it('a lease that covers the year only on its last day is met (1 day)', () => {
    const line = yearLine('2025-12-31', 2023, { leases: [lease({ start: '2023-12-31', end: '2024-12-31' })] });
    expect(statusOf(line.conditions, LEASE)).toBe('met');
    // 100 × 1 × 1 = 100
    expect(yuan(line.amount)).toBe('100.00');
  });

  it('each line’s conditions cite M3 / R4', () => {
    const result = m3('2025-12-31');
    for (const c of [...result.conditions, ...result.lines.flatMap((l) => l.conditions)]) {
      expect(c.clause).toBe('M3');
      expect(c.ruling).toBe('R4');
    }
    expect(result.lines[0]!.conditions.find((c) => c.id === CONTRIBUTION)?.zh).toContain('区级综合贡献达到80万元（含）及以上');
  });
});

describe('R4 rent subsidy amount', () => {
  const in2023 = (leases: LeaseInput[]) => yearLine('2025-12-31', 2023, { leases });

  it('exactly the cap: 1000 m² × 300 days (2023-01-01..2023-10-27) × 1 = 300,000', () => {
    // Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 = 273; + 27 = 300 days
    const line = in2023([lease({ areaSqm: 1000, start: '2023-01-01', end: '2023-10-27' })]);
    expect(line.details['lease[L1].days']).toBe(300);
    expect(line.details.uncapped).toBe('300000');
    expect(line.details.capped).toBe('300000');
    expect(yuan(line.amount)).toBe('300000.00');
  });

  it('one day more (301 days: 301,000) or 0.01 m² more (1000.01 × 300 = 300,003) is capped at 300,000', () => {
    const day = in2023([lease({ areaSqm: 1000, start: '2023-01-01', end: '2023-10-28' })]);
    expect(day.details.uncapped).toBe('301000');
    expect(yuan(day.amount)).toBe('300000.00');
    const area = in2023([lease({ areaSqm: '1000.01', start: '2023-01-01', end: '2023-10-27' })]);
    expect(area.details.uncapped).toBe('300003');
    expect(yuan(area.amount)).toBe('300000.00');
  });

  it('one day less: 1000 × 299 = 299,000, not capped', () => {
    expect(yuan(in2023([lease({ areaSqm: 1000, start: '2023-01-01', end: '2023-10-26' })]).amount)).toBe('299000.00');
  });

  it('leap year 2024 has 366 days: 10 m² × 366 = 3,660; 2023 has 365: 3,650', () => {
    const leases = [lease({ areaSqm: 10 })];
    expect(yuan(yearLine('2025-12-31', 2023, { leases }).amount)).toBe('3650.00');
    const y2024 = yearLine('2025-12-31', 2024, { leases });
    expect(y2024.details['lease[L1].days']).toBe(366);
    expect(yuan(y2024.amount)).toBe('3660.00');
  });

  it('a lease straddling two years is split by calendar year: 2023-07-01..2024-06-30, 100 m² at 0.5', () => {
    const leases = [lease({ start: '2023-07-01', end: '2024-06-30', dailyRentPerSqm: '0.5' })];
    // 2023: Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 184 days → 100 × 184 × 0.5 = 9,200
    const y2023 = yearLine('2025-12-31', 2023, { leases });
    expect(y2023.details['lease[L1].days']).toBe(184);
    expect(yuan(y2023.amount)).toBe('9200.00');
    // 2024: Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 = 182 days → 100 × 182 × 0.5 = 9,100
    const y2024 = yearLine('2025-12-31', 2024, { leases });
    expect(y2024.details['lease[L1].days']).toBe(182);
    expect(yuan(y2024.amount)).toBe('9100.00');
    expect(yearLine('2025-12-31', 2025, { leases }).outcome).toBe('ineligible');
  });

  it('a rent above 1 yuan/day/m² is capped to 1; below 1 it is kept', () => {
    const above = in2023([lease({ dailyRentPerSqm: '1.5' })]);
    expect(above.details['lease[L1].rateUsed']).toBe('1');
    expect(above.details['lease[L1].dailyRentPerSqm']).toBe('1.5');
    // 100 × 365 × 1 = 36,500
    expect(yuan(above.amount)).toBe('36500.00');
    const below = in2023([lease({ dailyRentPerSqm: '0.75' })]);
    expect(below.details['lease[L1].rateUsed']).toBe('0.75');
    // 100 × 365 × 0.75 = 27,375
    expect(yuan(below.amount)).toBe('27375.00');
  });

  it('several leases are summed, then capped: 800 × 365 + 100 × 365 = 292,000 + 36,500 = 328,500 → 300,000', () => {
    const line = in2023([lease({ id: 'A', areaSqm: 800 }), lease({ id: 'B', areaSqm: 100 })]);
    expect(line.details.leases).toBe('A,B');
    expect(line.details['lease[A].subtotal']).toBe('292000');
    expect(line.details['lease[B].subtotal']).toBe('36500');
    expect(line.details.uncapped).toBe('328500');
    expect(yuan(line.amount)).toBe('300000.00');
  });

  it('the year is rounded to the fen once, not lease by lease: 0.0125 + 0.0125 = 0.025 → 0.03', () => {
    // each lease: 1 m² × 1 day × 0.0125 = 0.0125 (rounded alone: 0.01 each, 0.02 together)
    const line = in2023([
      lease({ id: 'A', areaSqm: 1, start: '2023-03-01', end: '2023-03-01', dailyRentPerSqm: '0.0125' }),
      lease({ id: 'B', areaSqm: 1, start: '2023-03-02', end: '2023-03-02', dailyRentPerSqm: '0.0125' }),
    ]);
    expect(line.details.uncapped).toBe('0.025');
    expect(line.amount?.toFixed()).toBe('0.03');
  });

  it('the year of asOf counts the whole calendar year as the lease covers it, even days after asOf', () => {
    // asOf 2024-03-31, lease all of 2024: 10 × 366 = 3,660
    expect(yuan(yearLine('2024-03-31', 2024, { leases: [lease({ areaSqm: 10, start: '2024-01-01', end: '2024-12-31' })] }).amount)).toBe('3660.00');
    // a lease starting after asOf (2024-06-01..2024-12-31): Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 214 → 2,140
    const later = yearLine('2024-03-31', 2024, { leases: [lease({ areaSqm: 10, start: '2024-06-01', end: '2024-12-31' })] });
    expect(later.details['lease[L1].days']).toBe(214);
    expect(yuan(later.amount)).toBe('2140.00');
  });

  it('rentSubsidyYear gives the unrounded capped sum; the measure rounds the line', () => {
    // 3 m² × 365 × 0.333 = 364.635 → 364.64 (half up)
    const f = facts('2025-12-31', { leases: [lease({ areaSqm: 3, dailyRentPerSqm: '0.333' })] });
    const draft = rentSubsidyYear(f, mentougou2022Draft, 2023);
    expect(draft.amount?.toString()).toBe('364.635');
    expect(draft.details.amount).toBe('364.64');
    expect(rentSubsidy(f, mentougou2022Draft).lines[0]?.amount?.toFixed()).toBe('364.64');
  });

  it('the cap and the rate come from the edition (cap 200,000; rate 2)', () => {
    const reform = deriveEdition(mentougou2022Draft, { m3: { yearCap: 200000, maxDailyRentPerSqm: 2 } }, { id: 'm3-reform' });
    // 1000 × 365 × min(2, 2.5) = 730,000 → 200,000
    expect(yuan(yearLine('2025-12-31', 2023, { leases: [lease({ areaSqm: 1000, dailyRentPerSqm: '2.5' })] }, reform).amount)).toBe('200000.00');
    // 10 × 365 × min(2, 1.5) = 5,475
    expect(yuan(yearLine('2025-12-31', 2023, { leases: [lease({ areaSqm: 10, dailyRentPerSqm: '1.5' })] }, reform).amount)).toBe('5475.00');
  });
});

describe('R4 rent subsidy properties', () => {
  const FIRST = dayNumberOf(2021, 1, 1);
  const LAST = dayNumberOf(2027, 12, 31);
  const leaseArb = fc
    .record({
      start: fc.integer({ min: FIRST, max: LAST }),
      length: fc.integer({ min: 0, max: 1500 }),
      areaHundredths: fc.integer({ min: 0, max: 500_000 }),
      rateThousandths: fc.integer({ min: 0, max: 3000 }),
      selfUse: fc.boolean(),
      inDistrict: fc.boolean(),
    })
    .map((l) => ({
      areaSqm: (l.areaHundredths / 100).toFixed(2),
      start: formatCalendarDate(l.start),
      end: formatCalendarDate(l.start + l.length),
      dailyRentPerSqm: (l.rateThousandths / 1000).toFixed(3),
      selfUse: l.selfUse,
      inDistrict: l.inDistrict,
    }));
  const leasesArb = fc.array(leaseArb, { maxLength: 3 }).map((ls) => ls.map((l, i) => ({ id: `L${i}`, ...l })));
  // contribution in fen per year 2023–2025, or absent; and a raise in fen
  const contributionArb = fc.option(fc.integer({ min: 0, max: 200_000_000 }), { nil: undefined });
  const raiseArb = fc.integer({ min: 0, max: 100_000_000 });
  const toYuan = (fen: number) => (fen / 100).toFixed(2);

  it('raising a contribution never lowers the M3 amount', () => {
    fc.assert(
      fc.property(leasesArb, fc.tuple(contributionArb, contributionArb, contributionArb), fc.tuple(raiseArb, raiseArb, raiseArb), (leases, fen, raise) => {
        const years = [2023, 2024, 2025];
        const base = years.flatMap((year, i) => (fen[i] === undefined ? [] : [{ year, amount: toYuan(fen[i]!) }]));
        const raised = years.flatMap((year, i) => (fen[i] === undefined ? [] : [{ year, amount: toYuan(fen[i]! + raise[i]!) }]));
        const before = m3('2025-12-31', { leases, contributions: base }).amount!;
        const after = m3('2025-12-31', { leases, contributions: raised }).amount!;
        expect(after.greaterThanOrEqualTo(before)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a year’s amount is never above the 300,000 cap nor below 0', () => {
    fc.assert(
      fc.property(fc.array(leaseArb, { maxLength: 6 }), fc.integer({ min: 2020, max: 2028 }), (ls, year) => {
        const leases = ls.map((l, i) => ({ id: `L${i}`, ...l }));
        const line = rentSubsidyYear(facts('2025-12-31', { leases }), mentougou2022Draft, year);
        expect(line.amount!.lessThanOrEqualTo(300000)).toBe(true);
        expect(line.amount!.isNegative()).toBe(false);
        for (const settled of m3('2025-12-31', { leases }).lines) expect(settled.amount!.lessThanOrEqualTo(300000)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

/** The R4 triggers as the shared derivation finds them, under the built-in edition's window (2022-01-01 .. 2025-12-31). */
const values = editionValues(mentougou2022Draft);
const day = (y: number, m: number, d: number) => dayNumberOf(y, m, d);

describe('R4 the triggers of the rent subsidy (facts/rent-years)', () => {
  it('a title obtained and a move in made on the same day (2023-05-05): both are triggers, the title first', () => {
    const found = enterpriseFacts('2024-12-31', {
      registrations: [...registeredIn('beijing-other', '2015-01-01'), ...registeredIn('mentougou', '2023-05-05')],
      designations: [
        { level: 'municipal-sme', obtainedOn: '2021-01-01' },
        { level: 'municipal-little-giant', obtainedOn: '2023-05-05' },
      ],
    });
    const triggers = rentSubsidyTriggers(found, values);
    expect(triggers.map((t) => [t.kind, t.on])).toEqual([
      ['designation', day(2023, 5, 5)],
      ['move', day(2023, 5, 5)],
    ]);
    // the order does not depend on which comes first in the request
    const reversed = enterpriseFacts('2024-12-31', {
      registrations: [...registeredIn('beijing-other', '2015-01-01'), ...registeredIn('mentougou', '2023-05-05')],
      designations: [
        { level: 'municipal-little-giant', obtainedOn: '2023-05-05' },
        { level: 'municipal-sme', obtainedOn: '2021-01-01' },
      ],
    });
    expect(rentSubsidyTriggers(reversed, values).map((t) => t.kind)).toEqual(['designation', 'move']);
    const first = findRentSubsidyTrigger(found, values);
    expect(first.status === 'met' && first.trigger.kind).toBe('designation');
  });

  it('a move in while designated, with no title obtained in the window, is the trigger (kind “move”)', () => {
    const found = enterpriseFacts('2024-12-31', {
      registrations: [...registeredIn('outside-beijing', '2015-01-01'), ...registeredIn('mentougou', '2023-08-08')],
      designations: [{ level: 'municipal-sme', obtainedOn: '2021-01-01' }],
    });
    expect(findRentSubsidyTrigger(found, values)).toMatchObject({ status: 'met', trigger: { kind: 'move', on: day(2023, 8, 8) } });
  });

  it('no title obtained in the window and no move in: the finding is unmet', () => {
    const found = enterpriseFacts('2024-12-31', { registrations: registeredIn('mentougou', '2015-01-01'), designations: [{ level: 'municipal-sme', obtainedOn: '2021-01-01' }] });
    expect(findRentSubsidyTrigger(found, values)).toEqual({ status: 'unmet' });
  });
});

describe('R4 trigger without a business timeline: unknown only if a move in while designated could have happened in the window', () => {
  const noTimeline = (asOf: string, designations: { level: 'municipal-sme'; obtainedOn: string; expiresOn?: string }[]) =>
    findRentSubsidyTrigger(enterpriseFacts(asOf, { designations }), values);

  it('a title held since 2020 (before the window, still held in it): unknown, needs enterprise.registrations', () => {
    expect(noTimeline('2024-06-30', [{ level: 'municipal-sme', obtainedOn: '2020-05-01' }])).toEqual({ status: 'unknown', missing: ['enterprise.registrations'] });
  });

  it('an expired 2019 title beside a 2020 title still held: unknown (one title held in the window is enough)', () => {
    expect(
      noTimeline('2024-06-30', [
        { level: 'municipal-sme', obtainedOn: '2019-01-01', expiresOn: '2020-12-31' },
        { level: 'municipal-sme', obtainedOn: '2020-05-01' },
      ]),
    ).toMatchObject({ status: 'unknown' });
  });

  it('a title that expires on 2022-01-01, the window’s first day, is held that one day: unknown', () => {
    expect(noTimeline('2024-06-30', [{ level: 'municipal-sme', obtainedOn: '2020-01-01', expiresOn: '2022-01-01' }])).toMatchObject({ status: 'unknown' });
  });

  it('a title that expired on 2021-12-31, the day before the window: unmet', () => {
    expect(noTimeline('2024-06-30', [{ level: 'municipal-sme', obtainedOn: '2020-01-01', expiresOn: '2021-12-31' }])).toEqual({ status: 'unmet' });
  });

  it('designated only after the window (2026-01-10), assessed 2026-06-01: unmet — a move in then could not trigger (R1)', () => {
    // the title itself is no trigger either: 2026-01-10 is after effectiveTo 2025-12-31
    expect(noTimeline('2026-06-01', [{ level: 'municipal-sme', obtainedOn: '2026-01-10' }])).toEqual({ status: 'unmet' });
  });
});
