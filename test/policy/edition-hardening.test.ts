/**
 * Editions tried as an attacker would (issue 12, item 3): the built-in edition and every derived one
 * are deep-frozen; an edition is validated as a whole, cross-field rules included (R1's window, M3's
 * years), with bounds on years, the G5 period and amounts; every failure is an EditionError naming the
 * parameter's path in Chinese and English; a hand-built edition changed after use is checked again.
 */
import { describe, expect, it } from 'vitest';
import { assessUnknown, safeAssessUnknown } from '../../src/assess.js';
import { checkClawback } from '../../src/check-clawback.js';
import { deriveEdition, EditionError, trustedEdition, validateEdition } from '../../src/policy/derive.js';
import { editionValues, type PolicyEdition } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { editionError, issues } from '../helpers/edition-error.js';
import { goldenRequest } from '../helpers/golden.js';

const base = mentougou2022Draft;

/** Every object and array inside a value, with its path. */
function containers(node: unknown, path = ''): [string, object][] {
  if (typeof node !== 'object' || node === null) return [];
  return [[path, node], ...Object.entries(node).flatMap(([k, v]) => containers(v, path ? `${path}.${k}` : k))];
}

describe('frozen editions', () => {
  it('the built-in edition cannot be mutated: every object in it is frozen, and a write throws (strict mode)', () => {
    for (const [path, node] of containers(base)) expect(Object.isFrozen(node), path || '(edition)').toBe(true);
    expect(() => {
      (base.g5.retentionYears as { value: number }).value = 1e15;
    }).toThrow(TypeError);
    expect(() => {
      (base.assumptions as string[]).push('x');
    }).toThrow(TypeError);
    expect(base.g5.retentionYears.value).toBe(8);
  });

  it('an edition deriveEdition returns is deep-frozen, and so is one validateEdition returns', () => {
    const derived = deriveEdition(base, { m3: { years: 2 } }, { id: 'frozen-check' });
    for (const [path, node] of containers(derived)) expect(Object.isFrozen(node), path || '(edition)').toBe(true);
    const validated = validateEdition(JSON.parse(JSON.stringify(base)));
    for (const [path, node] of containers(validated)) expect(Object.isFrozen(node), path || '(edition)').toBe(true);
  });

  it('validateEdition returns a frozen copy: the caller’s object stays theirs, and changing it does not change the copy', () => {
    const mine = structuredClone(base) as PolicyEdition;
    const checked = validateEdition(mine);
    expect(checked).not.toBe(mine);
    mine.m1.tiers['national-little-giant'].value = '1';
    expect(checked.m1.tiers['national-little-giant'].value).toBe('800000');
  });
});

describe('deriveEdition refuses what would give nonsense (each an EditionError at the parameter’s path)', () => {
  it('deriveEdition refuses a reversed window (effectiveFrom after effectiveTo)', () => {
    const e = editionError(() => deriveEdition(base, { window: { effectiveFrom: '2026-01-01' } }, { id: 'reversed' }));
    expect(issues(e)).toEqual(['window.effectiveTo.value window-reversed']);
    expect(e.issues[0]).toMatchObject({ zh: '有效期起始日 2026-01-01 晚于截止日 2025-12-31', en: 'the period of validity starts (2026-01-01) after it ends (2025-12-31)' });
    // a window of one day is not reversed
    expect(deriveEdition(base, { window: { effectiveFrom: '2025-12-31' } }, { id: 'one-day' }).window.effectiveFrom.value).toBe('2025-12-31');
  });

  it('deriveEdition refuses m3.firstYear after m3.lastYear; equal is one support year and is fine', () => {
    expect(issues(editionError(() => deriveEdition(base, { m3: { firstYear: 2026 } }, { id: 'years' })))).toEqual(['m3.lastYear.value years-reversed']);
    expect(deriveEdition(base, { m3: { firstYear: 2025 } }, { id: 'one-year' }).m3.firstYear.value).toBe(2025);
  });

  it('deriveEdition refuses g5.retentionYears = 1e15 (which gave freeToLeaveAfter "1000000000002024-03-03"), and 0 and 101; 1 and 100 pass', () => {
    for (const years of [1e15, 0, 101]) {
      expect(issues(editionError(() => deriveEdition(base, { g5: { retentionYears: years } }, { id: 'g5' }))), String(years)).toEqual(['g5.retentionYears.value out-of-range']);
    }
    expect(issues(editionError(() => deriveEdition(base, { g5: { retentionYears: 2.5 } }, { id: 'g5' })))).toEqual(['g5.retentionYears.value invalid-type']);
    expect(deriveEdition(base, { g5: { retentionYears: 1 } }, { id: 'g5-1' }).g5.retentionYears.value).toBe(1);
    expect(deriveEdition(base, { g5: { retentionYears: 100 } }, { id: 'g5-100' }).g5.retentionYears.value).toBe(100);
  });

  it('deriveEdition refuses years and dates outside 1900–2200', () => {
    expect(issues(editionError(() => deriveEdition(base, { m3: { lastYear: 2201 } }, { id: 'y' })))).toEqual(['m3.lastYear.value out-of-range']);
    expect(issues(editionError(() => deriveEdition(base, { m3: { firstYear: 1899 } }, { id: 'y' })))).toEqual(['m3.firstYear.value out-of-range']);
    const e = editionError(() => deriveEdition(base, { window: { effectiveTo: '2201-01-01' } }, { id: 'd' }));
    expect(issues(e)).toEqual(['window.effectiveTo.value out-of-range']);
    expect(e.issues[0]!.en).toBe('out of range: must be from 1900-01-01 to 2200-12-31');
    expect(issues(editionError(() => deriveEdition(base, { targets: { by: '1899-12-31' } }, { id: 'd' })))).toEqual(['targets.by.value out-of-range']);
    expect(deriveEdition(base, { window: { effectiveTo: '2200-12-31' } }, { id: 'edge' }).window.effectiveTo.value).toBe('2200-12-31');
  });

  it('deriveEdition refuses an amount above 10^12 yuan; 10^12 itself passes', () => {
    const e = editionError(() => deriveEdition(base, { m1: { tiers: { 'municipal-sme': '1000000000000.01' } } }, { id: 'a' }));
    expect(issues(e)).toEqual(['m1.tiers.municipal-sme.value out-of-range']);
    expect(e.issues[0]!.zh).toBe('超出范围：应在 0 至 1000000000000 之间');
    expect(issues(editionError(() => deriveEdition(base, { m7: { districtFloors: { star: 1e13 } } }, { id: 'a' })))).toEqual(['m7.districtFloors.star.value out-of-range']);
    expect(deriveEdition(base, { m3: { yearCap: '1000000000000' } }, { id: 'cap' }).m3.yearCap.value).toBe('1000000000000');
  });

  it('every issue of one change is reported at once', () => {
    const e = editionError(() => deriveEdition(base, { g5: { retentionYears: 0 }, m2: { amount: -1 } }, { id: 'two' }));
    expect(issues(e).sort()).toEqual(['g5.retentionYears.value out-of-range', 'm2.amount.value invalid-money']);
  });
});

describe('deriveEdition on what is not a change or not an edition: an EditionError, never a TypeError', () => {
  it('deriveEdition(base, null) and other non-object changes give an EditionError at the root', () => {
    for (const changes of [null, undefined, 5, 'm3.years=2', [], [{ m3: { years: 2 } }]]) {
      const e = editionError(() => deriveEdition(base, changes as unknown as Parameters<typeof deriveEdition>[1], { id: 'x' }));
      expect(issues(e), JSON.stringify(changes)).toEqual([' not-an-edition-change']);
      expect(e.issues[0]!.zh).toContain('版本修改须为对象');
    }
  });

  it('a base that is not a valid edition, or missing options, give an EditionError', () => {
    expect(editionError(() => deriveEdition({} as PolicyEdition, {}, { id: 'x' })).issues.length).toBeGreaterThan(0);
    expect(editionError(() => deriveEdition(null as unknown as PolicyEdition, {}, { id: 'x' })).issues.length).toBeGreaterThan(0);
    expect(issues(editionError(() => deriveEdition(base, {}, undefined as unknown as { id: string })))).toEqual(['id required']);
  });

  it('an edition whose getter throws is an EditionError, not the getter’s error', () => {
    const hostile = { ...structuredClone(base) } as Record<string, unknown>;
    Object.defineProperty(hostile, 'm1', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(issues(editionError(() => validateEdition(hostile)))).toEqual([' invalid']);
  });
});

describe('a hand-built edition is not trusted after it changes', () => {
  it('a hand-built edition mutated after a first assess is validated again: an invalid change is an EditionError', () => {
    const mine = structuredClone(base) as PolicyEdition;
    expect(assessUnknown(goldenRequest('01-climber'), { edition: mine }).clawback.retentionYears).toBe(8);
    mine.g5.retentionYears.value = 1e15;
    expect(issues(editionError(() => safeAssessUnknown(goldenRequest('01-climber'), { edition: mine })))).toEqual(['g5.retentionYears.value out-of-range']);
    expect(issues(editionError(() => checkClawback([], [], '2024-12-31', mine)))).toEqual(['g5.retentionYears.value out-of-range']);
  });

  it('a valid change to a hand-built edition is used as changed (its computing form is not cached stale)', () => {
    const mine = structuredClone(base) as PolicyEdition;
    expect(assessUnknown(goldenRequest('01-climber'), { edition: mine }).clawback.freeToLeaveAfter).toBe('2030-12-20');
    mine.g5.retentionYears.value = 5;
    // golden 01's M1 payment of 2022-12-20 + 5 years = 2027-12-20
    expect(assessUnknown(goldenRequest('01-climber'), { edition: mine }).clawback.freeToLeaveAfter).toBe('2027-12-20');
  });

  it('trustedEdition: the built-in and validated editions as they are; a hand-built one as a fresh frozen copy each time', () => {
    expect(trustedEdition(base)).toBe(base);
    const derived = deriveEdition(base, {}, { id: 'same' });
    expect(trustedEdition(derived)).toBe(derived);
    const mine = structuredClone(base) as PolicyEdition;
    const a = trustedEdition(mine);
    expect(a).not.toBe(mine);
    expect(Object.isFrozen(a)).toBe(true);
    expect(trustedEdition(mine)).not.toBe(a);
  });

  it('the computing form of an unfrozen edition is not cached (it could change under the cache)', () => {
    const mine = structuredClone(base) as PolicyEdition;
    expect(editionValues(mine)).not.toBe(editionValues(mine));
    expect(editionValues(base)).toBe(editionValues(base));
  });
});
