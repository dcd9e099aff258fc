/**
 * The budget forecast over a hand-worked cohort (test/analysis/fixtures.ts):
 *
 *   #0 E01 (golden 01), asOf 2024-12-31: climbs sme 2022-06-15 → MLG 2023-07-20 → NLG 2024-08-01; M1 200,000 paid.
 *       M1 lines (R2 steps): 200,000 (pay 0, the 200,000 paid sits on it) / 300,000 (pay 300,000) / 300,000 (pay 300,000).
 *       M1 amount 800,000, payable 600,000. M2, M3, M7 ineligible. Disbursement 2022-12-20 → period end 2030-12-20.
 *   #1 E02 (golden 02), asOf 2025-12-31: NLG 2022-09-01 (M1 800,000 / 800,000), moved in 2022-03-10 (M2 100,000 / 100,000),
 *       M3 2023 300,000, 2024 ineligible (contribution 790,000 < 800,000), 2025 300,000: M3 600,000 / 600,000.
 *   #2 E05 (golden 05), asOf 2026-06-30: tax left 2026-03-01, breach. M1 lines 200,000 (2022-04-01) + 300,000 (2024-02-29):
 *       amount 500,000, payable 0. M3 ineligible. Clawback 650,000 (all three disbursements recovered).
 *   #3 I01 (golden 06), asOf 2024-12-31: M5 E11 100,000 (moved in 2022-05-01; 20,000 paid → pay 80,000), E12 20,000 (2023-01-10),
 *       E13 before the window (ineligible), E14 level unknown (undetermined): amount 120,000, payable 100,000.
 *       Disbursement 2022-10-01 → period end 2030-10-01.
 *   #4 E07 (golden 07), asOf 2024-12-31: M1 500,000 (2022-03-01, fully paid → 0); M3 2023 219,000 (park's 250,000 beats it → 0),
 *       2024 219,600 (pay 219,600): 438,600 / 219,600; M7 3,000,000 / 3,000,000 (listed 2024-11-20).
 *       Disbursement 2022-09-01 → period end 2030-09-01.
 *   #5 E08 (golden 08): invalid.
 *   #6 E10 (hand-made): designation expired 2024-12-31, asOf 2031-01-15 → G1 fails, every measure ineligible, amount 0.
 *       M1 paid 2022-06-30 → period ended 2030-06-30 < asOf (no longer at risk); M3 150,000.50 paid 2024-03-31 → 2032-03-31.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast, lineEntitlement, lineYear } from '../../src/analysis/forecast.js';
import { safeAssessUnknown } from '../../src/assess.js';
import { Money } from '../../src/core/money.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { cohort, E10, golden } from './fixtures.js';

const f = forecast(cohort());
const measure = (id: string) => f.byMeasure.find((m) => m.measure === id)!;

describe('forecast: requests and subjects', () => {
  it('assesses the valid requests and lists the invalid one by index with its issues (not thrown)', () => {
    expect(f.requests).toBe(7);
    expect(f.assessed).toBe(6);
    // Enterprises E01, E02, E05, E07, E10; institution I01.
    expect(f.subjects).toEqual({ enterprise: 5, institution: 1 });
    expect(f.invalid).toHaveLength(1);
    expect(f.invalid[0]!.index).toBe(5);
    expect(f.invalid[0]!.id).toBe('E08');
    expect(f.invalid[0]!.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['enterprise.creditCode', 'enterprise.designations.0.obtainedOn', 'enterprise.leases.0.areaSqm']),
    );
  });

  it('names the edition and its assumptions', () => {
    expect(f.edition.id).toBe('mentougou-2022-draft');
    expect(f.edition.assumptions).toEqual(mentougou2022Draft.assumptions);
  });
});

describe('forecast: totals by measure', () => {
  it('sums entitlement and payable per money measure', () => {
    // M1 amount: 800,000 (E01) + 800,000 (E02) + 500,000 (E05) + 500,000 (E07) + 0 (E10) = 2,600,000
    //    payable: 600,000 + 800,000 + 0 + 0 + 0 = 1,400,000
    expect([measure('M1').amount, measure('M1').payable]).toEqual(['2600000.00', '1400000.00']);
    // M2: E02 only, 100,000 / 100,000.
    expect([measure('M2').amount, measure('M2').payable]).toEqual(['100000.00', '100000.00']);
    // M3 amount: 600,000 (E02) + 438,600 (E07) = 1,038,600; payable 600,000 + 219,600 = 819,600.
    expect([measure('M3').amount, measure('M3').payable]).toEqual(['1038600.00', '819600.00']);
    // M5: I01 120,000 / 100,000.
    expect([measure('M5').amount, measure('M5').payable]).toEqual(['120000.00', '100000.00']);
    // M7: E07 3,000,000 / 3,000,000.
    expect([measure('M7').amount, measure('M7').payable]).toEqual(['3000000.00', '3000000.00']);
  });

  it('totals the money measures', () => {
    // amount: 2,600,000 + 100,000 + 1,038,600 + 120,000 + 3,000,000 = 6,858,600
    // payable: 1,400,000 + 100,000 + 819,600 + 100,000 + 3,000,000 = 5,419,600
    //   (= the goldens' totalPayable 600,000 + 1,500,000 + 0 + 100,000 + 3,219,600, plus E10's 0)
    expect(f.totals).toEqual({ amount: '6858600.00', payable: '5419600.00' });
  });

  it('gives service measures null money', () => {
    expect(measure('M4').amount).toBeNull();
    expect(measure('M13').payable).toBeNull();
  });
});

describe('forecast: outcome counts per measure', () => {
  it('counts eligible / ineligible / undetermined', () => {
    const counts = (id: string) => [measure(id).eligible, measure(id).ineligible, measure(id).undetermined];
    // M1: E01, E02, E05, E07 eligible; E10 ineligible (G1).
    expect(counts('M1')).toEqual([4, 1, 0]);
    // M2: only E02 moved in from outside Beijing.
    expect(counts('M2')).toEqual([1, 4, 0]);
    // M3: E02 and E07 eligible; E01 and E05 have support years but no self-use lease (each year unmet), E10 fails G1.
    expect(counts('M3')).toEqual([2, 3, 0]);
    // M4 (R8): expandsCapacityWithoutNewLand is absent for all → undetermined for the four with G1 met; E10 fails G1.
    expect(counts('M4')).toEqual([0, 1, 4]);
    // M5 and M13: the institution only.
    expect(counts('M5')).toEqual([1, 0, 0]);
    expect(counts('M13')).toEqual([1, 0, 0]);
    // M7: E07 only.
    expect(counts('M7')).toEqual([1, 4, 0]);
    // M10 (national little giant held): E01 and E02.
    expect(counts('M10')).toEqual([2, 3, 0]);
  });

  it('lists measures in the order of the text', () => {
    expect(f.byMeasure.map((m) => m.measure)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11', 'M12', 'M13']);
  });
});

describe('forecast: by year', () => {
  it('places M1 by each step’s obtainedOn, M2 by the move-in, M3 by support year, M5 by movedInOn, M7 by listedOn', () => {
    // 2022: M1 E01 sme 200,000/0 + E02 NLG 800,000/800,000 + E05 sme 200,000/0 + E07 MLG 500,000/0 = 1,700,000 / 800,000
    //       M2 E02 100,000/100,000; M5 E11 100,000/80,000
    //       → 1,900,000 / 980,000
    // 2023: M1 E01 MLG 300,000/300,000; M3 E02 300,000/300,000 + E07 219,000/0 = 519,000/300,000; M5 E12 20,000/20,000
    //       → 839,000 / 620,000
    // 2024: M1 E01 NLG 300,000/300,000 + E05 MLG 300,000/0 = 600,000/300,000; M3 E07 219,600/219,600 (E02 2024 ineligible);
    //       M7 3,000,000/3,000,000 → 3,819,600 / 3,519,600
    // 2025: M3 E02 300,000/300,000
    expect(f.byYear).toEqual([
      {
        year: 2022,
        amount: '1900000.00',
        payable: '980000.00',
        byMeasure: [
          { measure: 'M1', amount: '1700000.00', payable: '800000.00' },
          { measure: 'M2', amount: '100000.00', payable: '100000.00' },
          { measure: 'M5', amount: '100000.00', payable: '80000.00' },
        ],
      },
      {
        year: 2023,
        amount: '839000.00',
        payable: '620000.00',
        byMeasure: [
          { measure: 'M1', amount: '300000.00', payable: '300000.00' },
          { measure: 'M3', amount: '519000.00', payable: '300000.00' },
          { measure: 'M5', amount: '20000.00', payable: '20000.00' },
        ],
      },
      {
        year: 2024,
        amount: '3819600.00',
        payable: '3519600.00',
        byMeasure: [
          { measure: 'M1', amount: '600000.00', payable: '300000.00' },
          { measure: 'M3', amount: '219600.00', payable: '219600.00' },
          { measure: 'M7', amount: '3000000.00', payable: '3000000.00' },
        ],
      },
      { year: 2025, amount: '300000.00', payable: '300000.00', byMeasure: [{ measure: 'M3', amount: '300000.00', payable: '300000.00' }] },
    ]);
    // 1,900,000 + 839,000 + 3,819,600 + 300,000 = 6,858,600; 980,000 + 620,000 + 3,519,600 + 300,000 = 5,419,600
  });

  it('keeps fen exact (golden 03’s 36,146.16 rent year)', () => {
    // E01 + golden 03 (asOf 2024-12-31): M1 sme 2023-05-10 200,000 / 0 (paid); M3 2024 = 123.45 m² × 366 days × 0.8 = 36,146.16.
    // amount 800,000 + 200,000 + 36,146.16 = 1,036,146.16; payable 600,000 + 36,146.16 = 636,146.16
    const small = forecast([golden('01-climber'), golden('03-leap-year-rent')]);
    expect(small.totals).toEqual({ amount: '1036146.16', payable: '636146.16' });
    // 2022: E01 sme 200,000 / 0; 2023: E01 MLG 300,000/300,000 + E03 sme 200,000/0 = 500,000 / 300,000;
    // 2024: E01 NLG 300,000/300,000 + E03 M3 36,146.16 = 336,146.16 / 336,146.16
    expect(small.byYear.map((y) => [y.year, y.amount, y.payable])).toEqual([
      [2022, '200000.00', '0.00'],
      [2023, '500000.00', '300000.00'],
      [2024, '336146.16', '336146.16'],
    ]);
  });

  it('reads the year a line gives', () => {
    expect(lineYear('M1', { details: { obtainedOn: '2023-07-20' } })).toBe(2023);
    expect(lineYear('M2', { details: { movedInOn: '2022-03-10' } })).toBe(2022);
    expect(lineYear('M2', { details: { movedInOn: null } })).toBeNull();
    expect(lineYear('M3', { details: { year: 2025 } })).toBe(2025);
    expect(lineYear('M5', { details: { movedInOn: '2024-12-31' } })).toBe(2024);
    expect(lineYear('M7', { details: { listedOn: '2025-01-01' } })).toBe(2025);
  });

  it('counts a line’s amount only when it is eligible (an ineligible line only shows what it would bring)', () => {
    expect(lineEntitlement({ outcome: 'eligible', amount: '300000.00' }).toFixed(2)).toBe('300000.00');
    expect(lineEntitlement({ outcome: 'ineligible', amount: '300000.00' }).toFixed(2)).toBe('0.00');
    expect(lineEntitlement({ outcome: 'undetermined', amount: '50000.00' }).toFixed(2)).toBe('0.00');
  });
});

describe('forecast: by responsible unit (责任单位)', () => {
  it('counts a measure with two units under each, and says the unit totals overlap', () => {
    // 区科信局: M1 + M2 + M3 + M5 → 2,600,000 + 100,000 + 1,038,600 + 120,000 = 3,858,600;
    //           payable 1,400,000 + 100,000 + 819,600 + 100,000 = 2,419,600
    // 中关村门头沟园管委会: M3 + M5 + M7 → 1,038,600 + 120,000 + 3,000,000 = 4,158,600; payable 819,600 + 100,000 + 3,000,000 = 3,919,600
    // 区发改委: M7 → 3,000,000 / 3,000,000
    expect(f.byUnit.units).toEqual([
      { unit: '区科信局', measures: ['M1', 'M2', 'M3', 'M5'], amount: '3858600.00', payable: '2419600.00' },
      { unit: '中关村门头沟园管委会', measures: ['M3', 'M5', 'M7'], amount: '4158600.00', payable: '3919600.00' },
      { unit: '区发改委', measures: ['M7'], amount: '3000000.00', payable: '3000000.00' },
    ]);
    expect(f.byUnit.overlapping).toBe(true);
    expect(f.byUnit.note.zh).toContain('重叠');
    expect(f.byUnit.note.en).toContain('overlap');
    // 2,419,600 + 3,919,600 + 3,000,000 = 9,339,200 > 5,419,600
  });
});

describe('forecast: clawback exposure (G5, R13)', () => {
  it('sums disbursements inside their 8-year periods on each asOf and not recovered, by the year the period ends', () => {
    // E01 200,000 (→ 2030-12-20), I01 20,000 (→ 2030-10-01), E07 500,000 (→ 2030-09-01): 2030 = 720,000 in 3 disbursements.
    // E10 150,000.50 (→ 2032-03-31): 2032. E10's M1 (→ 2030-06-30) ended before its asOf 2031-01-15: left out.
    // E05's three disbursements are recovered (breach 2026-03-01): left out of the exposure, counted as recoverable 650,000.
    expect(f.clawbackExposure).toEqual({
      total: '870000.50',
      byPeriodEndYear: [
        { year: 2030, amount: '720000.00', disbursements: 3 },
        { year: 2032, amount: '150000.50', disbursements: 1 },
      ],
      subjects: 4,
      recoverable: '650000.00',
      breachedSubjects: 1,
    });
  });

  it('still counts a disbursement on the last day of its period, not the day after', () => {
    const paid = (asOf: string) => ({ ...E10, asOf, enterprise: { ...E10.enterprise, disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-06-30' }] } });
    // 2022-06-30 + 8 years = 2030-06-30 (Civil Code arts. 201–202).
    expect(forecast([paid('2030-06-30')]).clawbackExposure.total).toBe('200000.00');
    expect(forecast([paid('2030-07-01')]).clawbackExposure.total).toBe('0.00');
  });
});

describe('forecast: inputs and editions', () => {
  it('takes any iterable, one request at a time', () => {
    function* requests(): Generator<unknown> {
      yield* cohort();
    }
    expect(forecast(requests())).toEqual(f);
  });

  it('is all zeros for no requests', () => {
    const empty = forecast([]);
    expect(empty.totals).toEqual({ amount: '0.00', payable: '0.00' });
    expect(empty.byYear).toEqual([]);
    expect(empty.byMeasure).toEqual([]);
    expect(empty.clawbackExposure.total).toBe('0.00');
  });

  it('lists non-objects as invalid without throwing', () => {
    const odd = forecast([null, 42, 'x', { asOf: '2024-12-31' }]);
    expect(odd.assessed).toBe(0);
    expect(odd.invalid.map((i) => [i.index, i.id])).toEqual([
      [0, null],
      [1, null],
      [2, null],
      [3, null],
    ]);
  });

  it('applies the edition it is given', () => {
    // M1 tiers 300,000 / 600,000 / 1,000,000: E01 1,000,000, E02 1,000,000, E05 600,000, E07 600,000 = 3,200,000
    const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'municipal-sme': 300000, 'municipal-little-giant': 600000, 'national-little-giant': 1000000 } } }, { id: 'reform-m1' });
    const r = forecast(cohort(), { edition: reform });
    expect(r.edition.id).toBe('reform-m1');
    expect(r.byMeasure.find((m) => m.measure === 'M1')!.amount).toBe('3200000.00');
  });
});

describe('forecast: invariants', () => {
  const pool = cohort();
  it('the years add up to the totals, and payable to the results’ totalPayable, for any cohort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 8 }), (picks) => {
        const requests = picks.map((i) => pool[i]);
        const r = forecast(requests);
        const sum = (xs: string[]) => xs.reduce((a, x) => a.plus(x), new Money(0)).toFixed(2);
        expect(sum(r.byYear.map((y) => y.amount))).toBe(r.totals.amount);
        expect(sum(r.byYear.map((y) => y.payable))).toBe(r.totals.payable);
        const direct = requests.map((q) => safeAssessUnknown(q)).flatMap((x) => (x.ok ? [x.value.totalPayable] : []));
        expect(sum(direct)).toBe(r.totals.payable);
        expect(r.assessed + r.invalid.length).toBe(requests.length);
      }),
      { numRuns: 40 },
    );
  });
});
