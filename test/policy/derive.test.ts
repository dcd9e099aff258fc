import { describe, expect, it } from 'vitest';
import { changesFromAssignments, deriveEdition, EditionError, validateEdition } from '../../src/policy/derive.js';
import { editionValues } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';

const base = mentougou2022Draft;

/** The EditionError a call throws (fails the test if it throws nothing or something else). */
function editionError(f: () => unknown): EditionError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(EditionError);
    return error as EditionError;
  }
  throw new Error('expected an EditionError');
}

/** `path code` of each issue of an EditionError. */
const issues = (e: EditionError): string[] => e.issues.map((i) => `${i.path.join('.')} ${i.code}`);

describe('deriveEdition', () => {
  const reform = deriveEdition(base, { m1: { tiers: { 'national-little-giant': 1000000 } } }, { id: 'reform-a' });

  it('changes the tier it names', () => {
    expect(reform.m1.tiers['national-little-giant'].value).toBe(1000000);
    expect(editionValues(reform).m1.tiers['national-little-giant'].toFixed()).toBe('1000000');
  });

  it('keeps the changed parameter’s clause and words', () => {
    expect(reform.m1.tiers['national-little-giant'].clause).toBe('M1');
    expect(reform.m1.tiers['national-little-giant'].zh).toBe(base.m1.tiers['national-little-giant'].zh);
  });

  it('keeps everything else', () => {
    const { id, derivedFrom, m1, ...rest } = reform;
    const { id: _baseId, m1: baseM1, ...baseRest } = base;
    expect(rest).toEqual(baseRest);
    expect(m1.tiers['municipal-sme']).toEqual(baseM1.tiers['municipal-sme']);
    expect(m1.tiers['municipal-little-giant']).toEqual(baseM1.tiers['municipal-little-giant']);
    expect(id).toBe('reform-a');
    expect(derivedFrom).toBe('mentougou-2022-draft');
  });

  it('records derivedFrom and keeps the base’s assumptions unless replaced', () => {
    expect(reform.derivedFrom).toBe('mentougou-2022-draft');
    expect(reform.assumptions).toEqual(base.assumptions);
    const replaced = deriveEdition(base, {}, { id: 'reform-b', assumptions: ['window to 2026'] });
    expect(replaced.assumptions).toEqual(['window to 2026']);
  });

  it('no change at all is the base under a new id', () => {
    const same = deriveEdition(base, {}, { id: 'copy' });
    expect({ ...same, id: base.id, derivedFrom: undefined }).toEqual({ ...base, derivedFrom: undefined });
  });

  it('does not change the base edition', () => {
    const before = structuredClone(base);
    deriveEdition(base, { m1: { tiers: { 'national-little-giant': 1000000 } }, window: { effectiveTo: '2026-12-31' }, m3: { years: 2 } }, { id: 'reform-c' });
    expect(base).toEqual(before);
    expect(editionValues(base).m1.tiers['national-little-giant'].toFixed()).toBe('800000');
  });

  it('a changed assumed value is no longer marked assumed (the reform states it)', () => {
    const r = deriveEdition(base, { window: { effectiveTo: '2026-12-31' } }, { id: 'reform-d' });
    expect(r.window.effectiveTo.value).toBe('2026-12-31');
    expect(r.window.effectiveTo).not.toHaveProperty('assumed');
    expect(r.window.effectiveFrom.assumed).toBe(true);
    // 2025-12-31 → 2026-12-31: 365 days (2026 is a common year).
    expect(editionValues(r).window.effectiveTo - editionValues(base).window.effectiveTo).toBe(365);
  });

  it('several changes at several places', () => {
    const r = deriveEdition(base, { m3: { years: 2, contributionYearOffset: -1, yearCap: '250000' }, m7: { districtFloors: { star: '500000' } } }, { id: 'reform-e' });
    const v = editionValues(r);
    expect([v.m3.years, v.m3.contributionYearOffset, v.m3.yearCap.toFixed()]).toEqual([2, -1, '250000']);
    expect(v.m7.districtFloors.star?.toFixed()).toBe('500000');
    expect(v.m7.districtFloors.bse).toBeNull();
  });

  it('a negative amount is an EditionError at the parameter’s value', () => {
    const e = editionError(() => deriveEdition(base, { m1: { tiers: { 'municipal-sme': -1 } } }, { id: 'bad' }));
    expect(issues(e)).toEqual(['m1.tiers.municipal-sme.value invalid-money']);
    expect(e.message).toContain('m1.tiers.municipal-sme.value');
    expect(editionError(() => deriveEdition(base, { m3: { yearCap: '-300000' } }, { id: 'bad' })).issues).toHaveLength(1);
  });

  it('an impossible date, a wrong type and a count below its minimum are EditionErrors', () => {
    expect(issues(editionError(() => deriveEdition(base, { window: { effectiveTo: '2025-02-29' } }, { id: 'bad' })))).toEqual(['window.effectiveTo.value invalid-date']);
    expect(issues(editionError(() => deriveEdition(base, { m3: { years: 'three' } }, { id: 'bad' })))).toEqual(['m3.years.value invalid-type']);
    expect(issues(editionError(() => deriveEdition(base, { m3: { years: 0 } }, { id: 'bad' })))).toEqual(['m3.years.value out-of-range']);
  });

  it('an unknown key is an EditionError naming it, at any level', () => {
    expect(issues(editionError(() => deriveEdition(base, { m99: { x: 1 } }, { id: 'bad' })))).toEqual(['m99 unknown-key']);
    expect(issues(editionError(() => deriveEdition(base, { m1: { tiers: { 'county-sme': 1 } } }, { id: 'bad' })))).toEqual(['m1.tiers.county-sme unknown-key']);
    // Unknown keys are reported before the changed edition is validated.
    expect(issues(editionError(() => deriveEdition(base, { m3: { years: 2, cap: 1 } }, { id: 'bad' })))).toEqual(['m3.cap unknown-key']);
  });

  it('a key that is not a parameter (id, title, assumptions) cannot be changed this way', () => {
    expect(issues(editionError(() => deriveEdition(base, { id: 'x' }, { id: 'bad' })))).toEqual(['id unknown-key']);
    expect(issues(editionError(() => deriveEdition(base, { title: { zh: 'x' } }, { id: 'bad' })))).toEqual(['title.zh unknown-key']);
    expect(issues(editionError(() => deriveEdition(base, { assumptions: 'x' }, { id: 'bad' })))).toEqual(['assumptions unknown-key']);
  });

  it('a value where a group of parameters is expected is an EditionError', () => {
    expect(issues(editionError(() => deriveEdition(base, { m1: 5 }, { id: 'bad' })))).toEqual(['m1 invalid-type']);
  });

  it('__proto__, constructor and prototype are refused and pollute nothing', () => {
    const changes = JSON.parse('{"__proto__":{"polluted":1},"m1":{"constructor":{"prototype":{"polluted":1}}}}') as Parameters<typeof deriveEdition>[1];
    const e = editionError(() => deriveEdition(base, changes, { id: 'bad' }));
    expect(issues(e).sort()).toEqual(['__proto__ unknown-key', 'm1.constructor unknown-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an empty id is refused', () => {
    expect(issues(editionError(() => deriveEdition(base, {}, { id: '' })))).toEqual(['id empty-string']);
  });
});

describe('validateEdition', () => {
  it('accepts the built-in edition', () => {
    expect(() => validateEdition(mentougou2022Draft)).not.toThrow();
  });

  it('accepts an edition that went through JSON', () => {
    const copy: unknown = JSON.parse(JSON.stringify(mentougou2022Draft));
    expect(validateEdition(copy)).toEqual(mentougou2022Draft);
  });

  it('refuses what is not an edition, an unknown key, a missing parameter', () => {
    expect(editionError(() => validateEdition({})).issues.length).toBeGreaterThan(0);
    expect(editionError(() => validateEdition(null)).issues.length).toBeGreaterThan(0);
    expect(issues(editionError(() => validateEdition({ ...mentougou2022Draft, extra: 1 })))).toEqual(['extra unknown-key']);
    const { m13: _m13, ...withoutM13 } = mentougou2022Draft;
    expect(issues(editionError(() => validateEdition(withoutM13)))).toEqual(['m13 required']);
  });

  it('refuses a parameter without its clause', () => {
    const broken = structuredClone(mentougou2022Draft);
    const { clause: _clause, ...amountWithoutClause } = broken.m2.amount;
    (broken.m2 as Record<string, unknown>).amount = amountWithoutClause;
    expect(issues(editionError(() => validateEdition(broken)))).toEqual(['m2.amount.clause required']);
  });
});

describe('changesFromAssignments', () => {
  it('reads path=value assignments as a command line writes them', () => {
    expect(changesFromAssignments(['m1.tiers.national-little-giant=1000000', 'm3.years=2', 'window.effectiveTo=2026-12-31', 'm7.districtFloors.star=null', 'm3.yearCap=250000.50'])).toEqual({
      m1: { tiers: { 'national-little-giant': 1000000 } },
      m3: { years: 2, yearCap: 250000.5 },
      window: { effectiveTo: '2026-12-31' },
      m7: { districtFloors: { star: null } },
    });
  });

  it('a value that is not a JSON number, boolean or null stays a string', () => {
    expect(changesFromAssignments(['b="x"', 'c=', 'd=1e5', 'e=x=y', 'f=True', 'g=yes'])).toEqual({ b: '"x"', c: '', d: 100000, e: 'x=y', f: 'True', g: 'yes' });
  });

  it('true and false read as booleans, for the readings that are switches (DESIGN §8: readings.m3ClipToAsOf=true)', () => {
    expect(changesFromAssignments(['readings.m3ClipToAsOf=true', 'readings.g1InAmount=false', 'readings.g2Aggregate=any-one'])).toEqual({
      readings: { m3ClipToAsOf: true, g1InAmount: false, g2Aggregate: 'any-one' },
    });
  });

  it('siblings merge', () => {
    expect(changesFromAssignments(['m3.years=2', 'm3.firstYear=2024'])).toEqual({ m3: { years: 2, firstYear: 2024 } });
  });

  it('--set twice on one parameter is an EditionError naming it (no silent “later wins”)', () => {
    const e = editionError(() => changesFromAssignments(['m3.years=2', 'm3.years=4']));
    expect(issues(e)).toEqual(['m3.years assignment-repeated']);
    expect(e.issues[0]).toMatchObject({ zh: '参数 m3.years 被赋值两次', en: 'parameter m3.years is set twice' });
  });

  it('--set on a parameter and on its parent (either order) is an EditionError naming both', () => {
    expect(issues(editionError(() => changesFromAssignments(['m3.years=2', 'm3=5'])))).toEqual(['m3 assignment-overlaps']);
    const e = editionError(() => changesFromAssignments(['m1.tiers=1', 'm1.tiers.municipal-sme=300000']));
    expect(issues(e)).toEqual(['m1.tiers.municipal-sme assignment-overlaps']);
    expect(e.issues[0]!.en).toBe('parameter m1.tiers.municipal-sme and m1.tiers overlap (one contains the other); set one of them');
    // a path that merely starts with the same letters is no parent: m3.years and m3.yearsX are siblings
    expect(changesFromAssignments(['m3.years=2', 'm3.yearsX=1'])).toEqual({ m3: { years: 2, yearsX: 1 } });
  });

  it('every bad assignment is reported at once, not only the first', () => {
    expect(issues(editionError(() => changesFromAssignments(['m3.years', 'g5.retentionYears=5', 'g5.retentionYears=6', '__proto__.x=1'])))).toEqual([
      'm3.years invalid',
      'g5.retentionYears assignment-repeated',
      '__proto__.x forbidden-key',
    ]);
  });

  it('an assignment without = or without a path is an EditionError', () => {
    expect(issues(editionError(() => changesFromAssignments(['m3.years'])))).toEqual(['m3.years invalid']);
    expect(issues(editionError(() => changesFromAssignments(['=5'])))).toEqual(['=5 invalid']);
    expect(issues(editionError(() => changesFromAssignments(['.=5'])))).toEqual(['.=5 invalid']);
  });

  it('__proto__, constructor and prototype are refused (no prototype pollution)', () => {
    for (const assignment of ['__proto__.polluted=1', 'constructor.prototype.polluted=1', 'm1.__proto__.polluted=1', 'prototype=1']) {
      const e = editionError(() => changesFromAssignments([assignment]));
      expect(e.issues.map((i) => i.code)).toEqual(['forbidden-key']);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('feeds deriveEdition', () => {
    const r = deriveEdition(base, changesFromAssignments(['m1.tiers.national-little-giant=1000000', 'window.effectiveTo=2026-12-31']), { id: 'reform-cli' });
    expect(r.m1.tiers['national-little-giant'].value).toBe(1000000);
    expect(r.window.effectiveTo.value).toBe('2026-12-31');
  });
});

describe('deriveEdition drops the assumptions a change settles', () => {
  it('setting the window removes the G6/R1 window assumption and keeps the M3 ones', () => {
    const reform = deriveEdition(mentougou2022Draft, { window: { effectiveFrom: '2022-07-01', effectiveTo: '2026-06-30' } }, { id: 'window-set' });
    expect(reform.assumptions.some((a) => a.startsWith('window.'))).toBe(false);
    expect(reform.assumptions.some((a) => a.startsWith('m3.lastYear'))).toBe(true);
    expect(reform.assumptions.some((a) => a.startsWith('m3.contributionYearOffset'))).toBe(true);
  });
  it('setting one window date leaves the window assumption (the other date is still assumed)', () => {
    const reform = deriveEdition(mentougou2022Draft, { window: { effectiveTo: '2026-06-30' } }, { id: 'to-set' });
    expect(reform.assumptions.some((a) => a.startsWith('window.'))).toBe(true);
  });
  it('a change to an unassumed parameter keeps every assumption', () => {
    const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'municipal-sme': 300000 } } }, { id: 'm1' });
    expect(reform.assumptions).toEqual(mentougou2022Draft.assumptions);
  });
});
