/**
 * Edition comparison over the cohort of test/analysis/fixtures.ts (see forecast.test.ts for each
 * subject's figures under the built-in draft), with the deltas worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { compareEditions } from '../../src/analysis/compare-editions.js';
import { deriveEdition, EditionError } from '../../src/policy/derive.js';
import type { PolicyEdition } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { cohort, golden } from './fixtures.js';

const draft = mentougou2022Draft;
const reformM1 = deriveEdition(draft, { m1: { tiers: { 'municipal-sme': 300000, 'municipal-little-giant': 600000, 'national-little-giant': 1000000 } } }, { id: 'reform-m1' });

describe('compareEditions: the M1 reform (300,000 / 600,000 / 1,000,000)', () => {
  const c = compareEditions(cohort(), draft, reformM1);
  const subject = (id: string) => c.changed.find((s) => s.subject.id === id);

  it('lists only the subjects that change', () => {
    // I01 (M5 only) and E10 (its M1 step is ineligible in both; only its would-be amount moves) do not change.
    expect(c.changed.map((s) => s.subject.id)).toEqual(['E01', 'E02', 'E05', 'E07']);
    expect(c.totals.subjects).toBe(6);
    expect(c.totals.changedSubjects).toBe(4);
    expect(c.a).toEqual({ id: 'mentougou-2022-draft' });
    expect(c.b).toEqual({ id: 'reform-m1', derivedFrom: 'mentougou-2022-draft' });
  });

  it('E01, the climber: 1,000,000 instead of 800,000', () => {
    // Steps under the reform: sme 300,000; MLG 600,000 − 300,000 = 300,000 (unchanged); NLG 1,000,000 − 600,000 = 400,000.
    // The 200,000 paid sits on the first step: its payable goes 0 → 100,000. NLG payable 300,000 → 400,000.
    // Amount 800,000 → 1,000,000 (+200,000); payable 600,000 → 800,000 (+200,000).
    const e01 = subject('E01')!;
    expect(e01.amount).toEqual({ a: '800000.00', b: '1000000.00', delta: '200000.00' });
    expect(e01.payable).toEqual({ a: '600000.00', b: '800000.00', delta: '200000.00' });
    expect(e01.lines).toEqual([
      {
        measure: 'M1',
        lineId: 'municipal-sme@2022-06-15',
        outcome: { a: 'eligible', b: 'eligible' },
        amount: { a: '200000.00', b: '300000.00' },
        payable: { a: '0.00', b: '100000.00' },
      },
      {
        measure: 'M1',
        lineId: 'national-little-giant@2024-08-01',
        outcome: { a: 'eligible', b: 'eligible' },
        amount: { a: '300000.00', b: '400000.00' },
        payable: { a: '300000.00', b: '400000.00' },
      },
    ]);
    expect(e01.measures.map((m) => [m.measure, m.amount, m.payable])).toEqual([['M1', { a: '800000.00', b: '1000000.00' }, { a: '600000.00', b: '800000.00' }]]);
  });

  it('E02: NLG 800,000 → 1,000,000; M2 and M3 unchanged', () => {
    const e02 = subject('E02')!;
    // totals 1,500,000 → 1,700,000
    expect(e02.amount).toEqual({ a: '1500000.00', b: '1700000.00', delta: '200000.00' });
    expect(e02.payable).toEqual({ a: '1500000.00', b: '1700000.00', delta: '200000.00' });
    expect(e02.lines.map((l) => [l.measure, l.lineId, l.amount.a, l.amount.b])).toEqual([['M1', 'national-little-giant@2022-09-01', '800000.00', '1000000.00']]);
  });

  it('E05: entitlement 500,000 → 600,000, but nothing payable in either (commitment breached)', () => {
    // sme 200,000 → 300,000; MLG 500,000 − 200,000 = 300,000 → 600,000 − 300,000 = 300,000 (unchanged).
    const e05 = subject('E05')!;
    expect(e05.amount).toEqual({ a: '500000.00', b: '600000.00', delta: '100000.00' });
    expect(e05.payable).toEqual({ a: '0.00', b: '0.00', delta: '0.00' });
    expect(e05.lines.map((l) => [l.lineId, l.amount.b, l.payable.b])).toEqual([['municipal-sme@2022-04-01', '300000.00', '0.00']]);
  });

  it('E07: MLG 500,000 → 600,000 with 500,000 paid: 100,000 more payable', () => {
    const e07 = subject('E07')!;
    // amount 3,938,600 → 4,038,600; payable 3,219,600 → 3,319,600
    expect(e07.amount).toEqual({ a: '3938600.00', b: '4038600.00', delta: '100000.00' });
    expect(e07.payable).toEqual({ a: '3219600.00', b: '3319600.00', delta: '100000.00' });
  });

  it('totals a, b and delta', () => {
    // amount: 6,858,600 → + 200,000 (E01) + 200,000 (E02) + 100,000 (E05) + 100,000 (E07) = 7,458,600
    // payable: 5,419,600 → + 200,000 + 200,000 + 0 + 100,000 = 5,919,600
    expect(c.totals.amount).toEqual({ a: '6858600.00', b: '7458600.00', delta: '600000.00' });
    expect(c.totals.payable).toEqual({ a: '5419600.00', b: '5919600.00', delta: '500000.00' });
    // M1: 2,600,000 → 3,200,000; 1,400,000 → 1,900,000. No other measure moves.
    expect(c.totals.byMeasure).toEqual([
      { measure: 'M1', amount: { a: '2600000.00', b: '3200000.00', delta: '600000.00' }, payable: { a: '1400000.00', b: '1900000.00', delta: '500000.00' } },
    ]);
  });

  it('lists invalid requests by index', () => {
    expect(c.requests).toBe(7);
    expect(c.assessed).toBe(6);
    expect(c.invalid.map((i) => [i.index, i.id])).toEqual([[5, 'E08']]);
  });
});

describe('compareEditions: M3 for two years instead of three', () => {
  const c = compareEditions(cohort(), draft, deriveEdition(draft, { m3: { years: 2 } }, { id: 'm3-two-years' }));

  it('drops E02’s third support year (2025), a line present in a only', () => {
    // E02: S = 2023; three years 2023–2025 → two years 2023–2024. 2025 was eligible at 300,000.
    // E07's years are 2023–2024 either way (asOf 2024); E05's and E10's 2025 lines were ineligible: no change.
    expect(c.changed.map((s) => s.subject.id)).toEqual(['E02']);
    const e02 = c.changed[0]!;
    expect(e02.lines).toEqual([
      { measure: 'M3', lineId: '2025', outcome: { a: 'eligible', b: null }, amount: { a: '300000.00', b: null }, payable: { a: '300000.00', b: null } },
    ]);
    // 1,500,000 → 1,200,000
    expect(e02.payable).toEqual({ a: '1500000.00', b: '1200000.00', delta: '-300000.00' });
    expect(c.totals.payable).toEqual({ a: '5419600.00', b: '5119600.00', delta: '-300000.00' });
    expect(c.totals.byMeasure.map((m) => [m.measure, m.amount.delta])).toEqual([['M3', '-300000.00']]);
  });
});

describe('compareEditions: a shorter window changes outcomes', () => {
  it('E07’s listing on 2024-11-20 falls outside a window ending 2024-06-30', () => {
    const short = deriveEdition(draft, { window: { effectiveTo: '2024-06-30' } }, { id: 'short-window' });
    const c = compareEditions([golden('07-listing-and-park-subsidy')], draft, short);
    const e07 = c.changed[0]!;
    // M7: eligible → ineligible; the line still shows the 3,000,000 it would bring, but pays nothing.
    expect(e07.lines).toEqual([
      { measure: 'M7', lineId: 'star@2024-11-20', outcome: { a: 'eligible', b: 'ineligible' }, amount: { a: '3000000.00', b: '3000000.00' }, payable: { a: '3000000.00', b: '0.00' } },
    ]);
    // M8 (a service measure: listed as in R7) moves from undetermined to ineligible, with null money.
    expect(e07.measures.map((m) => [m.measure, m.outcome.a, m.outcome.b, m.amount.a])).toEqual([
      ['M7', 'eligible', 'ineligible', '3000000.00'],
      ['M8', 'undetermined', 'ineligible', null],
    ]);
    // 3,219,600 → 219,600
    expect(e07.payable).toEqual({ a: '3219600.00', b: '219600.00', delta: '-3000000.00' });
  });
});

describe('compareEditions: edge cases', () => {
  it('an edition against itself changes nothing', () => {
    const c = compareEditions(cohort(), draft, draft);
    expect(c.changed).toEqual([]);
    expect(c.totals.amount.delta).toBe('0.00');
    expect(c.totals.payable.delta).toBe('0.00');
    expect(c.totals.byMeasure).toEqual([]);
  });

  it('refuses an invalid edition', () => {
    const broken = { ...draft, id: '' } as PolicyEdition;
    expect(() => compareEditions([], draft, broken)).toThrow(EditionError);
  });
});
