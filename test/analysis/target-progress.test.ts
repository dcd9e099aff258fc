/**
 * District target progress (preamble targets: 15 national little giants, 50 municipal little giants,
 * 150 municipal SRDI SMEs), counted "at least" on a given day with R9's held-on semantics.
 */
import { describe, expect, it } from 'vitest';
import { targetProgress } from '../../src/analysis/target-progress.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { E10, golden } from './fixtures.js';

/** A bare enterprise (not a request): validated as of the progress day. */
const E20 = { id: 'E20', designations: [{ level: 'national-little-giant', obtainedOn: '2022-12-01', expiresOn: '2025-12-31' }] };
/** Holds an SME designation without expiry, and a national one that expired on 2025-12-30. */
const E21 = {
  id: 'E21',
  designations: [
    { level: 'municipal-sme', obtainedOn: '2020-01-01' },
    { level: 'national-little-giant', obtainedOn: '2022-12-01', expiresOn: '2025-12-30' },
  ],
};

/**
 * On 2025-12-31 the highest level held is:
 *   #0 E01 (golden 01): NLG since 2024-08-01        #1 E02 (golden 02): NLG since 2022-09-01
 *   #2 E03 (golden 03): SME since 2023-05-10        #3 E05 (golden 05): MLG since 2024-02-29 (its tax move does not end a designation)
 *   #4 I01 (golden 06): an institution, left out     #5 E07 (golden 07): MLG since 2022-03-01
 *   #6 E08 (golden 08): invalid                      #7 E10: SME expired 2024-12-31 → none
 *   #8 E20: NLG expiring 2025-12-31 → still held (the expiry day counts)
 *   #9 E21: NLG expired 2025-12-30 → falls back to its SME
 */
const records = (): unknown[] => [
  golden('01-climber'),
  golden('02-newcomer-with-rent'),
  golden('03-leap-year-rent'),
  golden('05-clawback-tax-move'),
  golden('06-institution'),
  golden('07-listing-and-park-subsidy'),
  golden('08-bad-input'),
  E10,
  E20,
  E21,
];

describe('targetProgress: the "at least" rule', () => {
  const p = targetProgress(records(), '2025-12-31');
  const level = (l: string) => p.levels.find((x) => x.level === l)!;

  it('counts national little giants toward every lower target too', () => {
    // NLG: E01, E02, E20 = 3 → gap 15 − 3 = 12
    expect(level('national-little-giant')).toMatchObject({ target: 15, count: 3, gap: 12, met: false, holders: ['E01', 'E02', 'E20'] });
    // ≥ MLG: the 3 above + E05, E07 = 5 → gap 50 − 5 = 45
    expect(level('municipal-little-giant')).toMatchObject({ target: 50, count: 5, gap: 45, met: false, holders: ['E01', 'E02', 'E05', 'E07', 'E20'] });
    // ≥ SME: the 5 above + E03, E21 = 7 → gap 150 − 7 = 143 (E10's expired designation does not count)
    expect(level('municipal-sme')).toMatchObject({ target: 150, count: 7, gap: 143, met: false, holders: ['E01', 'E02', 'E03', 'E05', 'E07', 'E20', 'E21'] });
  });

  it('lists the levels from the highest down, with their names', () => {
    expect(p.levels.map((l) => l.level)).toEqual(['national-little-giant', 'municipal-little-giant', 'municipal-sme']);
    expect(p.levels[0]!.name.zh).toBe('国家级专精特新“小巨人”');
    expect(p.rule.en).toContain('at least');
  });

  it('counts invalid records and institutions separately', () => {
    expect(p.records).toBe(10);
    // E01, E02, E03, E05, E07, E10, E20, E21
    expect(p.enterprises).toBe(8);
    expect(p.institutions).toBe(1);
    expect(p.invalid.map((i) => [i.index, i.id])).toEqual([[6, 'E08']]);
    expect(p.asOf).toBe('2025-12-31');
    expect(p.targetsBy).toBe('2025-12-31');
    expect(p.edition).toEqual({ id: 'mentougou-2022-draft' });
  });
});

describe('targetProgress: expiry and dates (R9 isHeldOn)', () => {
  it('a designation expired the day before does not count; on its expiry day it still does', () => {
    // E20's NLG expires 2025-12-31: held on 2025-12-31, not on 2026-01-01.
    expect(targetProgress([E20], '2025-12-31').levels[0]!.count).toBe(1);
    const after = targetProgress([E20], '2026-01-01');
    expect(after.levels.map((l) => l.count)).toEqual([0, 0, 0]);
  });

  it('a higher designation that expired leaves the lower one counting', () => {
    // E21 on 2025-12-31: NLG expired 2025-12-30 → only ≥ SME.
    expect(targetProgress([E21], '2025-12-31').levels.map((l) => l.count)).toEqual([0, 0, 1]);
    // On 2025-12-30 the NLG is still held → counts at every level.
    expect(targetProgress([E21], '2025-12-30').levels.map((l) => l.count)).toEqual([1, 1, 1]);
  });

  it('a designation obtained after the day does not count yet', () => {
    // E01 on 2024-07-31: SME (2022-06-15) and MLG (2023-07-20) held, NLG only from 2024-08-01.
    expect(targetProgress([golden('01-climber')], '2024-07-31').levels.map((l) => l.count)).toEqual([0, 1, 1]);
    expect(targetProgress([golden('01-climber')], '2024-08-01').levels.map((l) => l.count)).toEqual([1, 1, 1]);
  });

  it('validates a bare enterprise as of the day: an event after it is invalid', () => {
    const late = { id: 'E30', designations: [{ level: 'municipal-sme', obtainedOn: '2026-02-01' }] };
    const p = targetProgress([late], '2025-12-31');
    expect(p.enterprises).toBe(0);
    expect(p.invalid[0]!.id).toBe('E30');
    expect(p.invalid[0]!.issues.map((i) => i.path.join('.'))).toEqual(['enterprise.designations.0.obtainedOn']);
  });

  it('refuses a day that is not a real date', () => {
    expect(() => targetProgress([], '2025-02-29')).toThrow(RangeError);
  });
});

describe('targetProgress: targets met and gaps', () => {
  it('a met target has gap 0, never below', () => {
    const lower = deriveEdition(mentougou2022Draft, { targets: { levels: { 'national-little-giant': 3, 'municipal-little-giant': 2 } } }, { id: 'lower-targets' });
    const p = targetProgress(records(), '2025-12-31', lower);
    // NLG: 3 of 3 → gap 0, met. MLG: 5 of 2 → gap max(0, 2 − 5) = 0, met. SME: 7 of 150 → 143.
    expect(p.levels.map((l) => [l.target, l.count, l.gap, l.met])).toEqual([
      [3, 3, 0, true],
      [2, 5, 0, true],
      [150, 7, 143, false],
    ]);
    expect(p.edition.id).toBe('lower-targets');
  });
});

describe('targetProgress: duplicates', () => {
  it('counts an enterprise once, by its record with the latest asOf', () => {
    // An older snapshot of E01 (2023-12-31, SME only) after golden 01 (2024-12-31, up to NLG): golden 01 counts.
    const older = { asOf: '2023-12-31', enterprise: { id: 'E01', designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }] } };
    const p = targetProgress([golden('01-climber'), older], '2025-12-31');
    expect(p.enterprises).toBe(1);
    expect(p.duplicates).toEqual([{ id: 'E01', indices: [0, 1] }]);
    expect(p.levels.map((l) => l.count)).toEqual([1, 1, 1]);
  });
});
