import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/core/calendar.js';
import { MEASURE_IDS, PROVISION_IDS } from '../../src/core/clauses.js';
import { BOARD_IDS } from '../../src/model/boards.js';
import { validateEdition } from '../../src/policy/derive.js';
import { Money } from '../../src/core/money.js';
import { editionSchema, editionValues, type PolicyEdition } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';

interface Parameter {
  value: unknown;
  clause: string;
  zh: string;
  en?: string;
  assumed?: boolean;
}

/** Every parameter of an edition (an object with `value` and `clause`), with its dotted path. */
function parameters(node: unknown, path: string[] = []): [string, Parameter][] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
  if ('value' in node && 'clause' in node) return [[path.join('.'), node as Parameter]];
  return Object.entries(node).flatMap(([k, v]) => parameters(v, [...path, k]));
}

const edition = mentougou2022Draft;
const value = (p: { value: unknown }): unknown => p.value;

describe('the built-in edition mentougou-2022-draft', () => {
  it('is a valid edition (validateEdition passes and keeps every value)', () => {
    expect(validateEdition(edition)).toEqual(edition);
  });

  it('is the 2022 draft for public comment', () => {
    expect(edition.id).toBe('mentougou-2022-draft');
    expect(edition.title.zh).toContain('征求意见稿');
    expect(edition.derivedFrom).toBeUndefined();
  });

  it('every parameter names its clause and the Chinese words of the text that state it', () => {
    const all = parameters(edition);
    // 2 window + 3 M1 + 2 M2 + 7 M3 + 3 M5 + 7 M7 boards + 1 M13 + 1 G5 + 1 + 3 targets = 30, + 22 readings (DESIGN §8) = 52.
    expect(all).toHaveLength(52);
    const clauses = new Set<string>([...MEASURE_IDS, ...PROVISION_IDS, 'preamble']);
    for (const [path, p] of all) {
      expect(clauses.has(p.clause), path).toBe(true);
      // The words are the text's own, word for word: checked against docs/policy/measures.zh.txt by test/policy/text.test.ts.
      expect(p.zh, path).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('M1 tiers: 20万 / 50万 / 80万 (一、1)', () => {
    expect(value(edition.m1.tiers['municipal-sme'])).toBe('200000');
    expect(value(edition.m1.tiers['municipal-little-giant'])).toBe('500000');
    expect(value(edition.m1.tiers['national-little-giant'])).toBe('800000');
    expect(edition.m1.tiers['municipal-sme'].zh).toContain('20万元');
    expect(edition.m1.tiers['municipal-little-giant'].zh).toContain('50万元');
    expect(edition.m1.tiers['national-little-giant'].zh).toContain('80万元');
  });

  it('M2: 10万, for moves since 2022-01-01 (一、2)', () => {
    expect(value(edition.m2.amount)).toBe('100000');
    expect(edition.m2.amount.zh).toContain('10万元');
    expect(value(edition.m2.movedInOnOrAfter)).toBe('2022-01-01');
    expect(edition.m2.movedInOnOrAfter.zh).toContain('2022年1月1日');
  });

  it('M3: 1元/天/平米, 30万 a year, contribution 80万 (inclusive), from 2023, three years (二、3)', () => {
    expect(value(edition.m3.maxDailyRentPerSqm)).toBe('1');
    expect(edition.m3.maxDailyRentPerSqm.zh).toContain('1元/天/平米');
    expect(value(edition.m3.yearCap)).toBe('300000');
    expect(edition.m3.yearCap.zh).toContain('30万元');
    expect(value(edition.m3.contributionThreshold)).toBe('800000');
    expect(edition.m3.contributionThreshold.zh).toContain('80万元（含）');
    expect(value(edition.m3.firstYear)).toBe(2023);
    expect(edition.m3.firstYear.zh).toContain('2023年度');
    expect(value(edition.m3.years)).toBe(3);
    expect(edition.m3.years.zh).toContain('三年');
  });

  it('M3: the last year (2025) and the contribution year (the same year) are assumptions, marked as such', () => {
    expect(value(edition.m3.lastYear)).toBe(2025);
    expect(edition.m3.lastYear.assumed).toBe(true);
    expect(value(edition.m3.contributionYearOffset)).toBe(0);
    expect(edition.m3.contributionYearOffset.assumed).toBe(true);
  });

  it('M5 tiers: 2万 / 5万 / 10万 (三、5)', () => {
    expect(value(edition.m5.tiers['municipal-sme'])).toBe('20000');
    expect(value(edition.m5.tiers['municipal-little-giant'])).toBe('50000');
    expect(value(edition.m5.tiers['national-little-giant'])).toBe('100000');
    expect(edition.m5.tiers['municipal-sme'].zh).toContain('2万元');
    expect(edition.m5.tiers['municipal-little-giant'].zh).toContain('5万元');
    expect(edition.m5.tiers['national-little-giant'].zh).toContain('10万元');
  });

  it('M7: no district floor on any board (不低于市级标准)', () => {
    for (const board of BOARD_IDS) {
      expect(value(edition.m7.districtFloors[board]), board).toBeNull();
      expect(edition.m7.districtFloors[board].zh).toContain('不低于市级标准');
    }
  });

  it('M13: 5 institutions (5家及以上); G5: 8 years (8年内)', () => {
    expect(value(edition.m13.minResidentSrdi)).toBe(5);
    expect(edition.m13.minResidentSrdi.zh).toContain('5家及以上');
    expect(value(edition.g5.retentionYears)).toBe(8);
    expect(edition.g5.retentionYears.zh).toContain('8年内');
  });

  it('targets by the end of the 14th Five-Year Plan: 15 national, 50 municipal little giants, 150 municipal SMEs', () => {
    expect(value(edition.targets.levels['national-little-giant'])).toBe(15);
    expect(value(edition.targets.levels['municipal-little-giant'])).toBe(50);
    expect(value(edition.targets.levels['municipal-sme'])).toBe(150);
    expect(value(edition.targets.by)).toBe('2025-12-31');
    expect(edition.targets.by.zh).toContain('十四五');
  });

  it('R1 window: the draft leaves it blank; the edition assumes 2022-01-01 .. 2025-12-31 and says so', () => {
    expect(value(edition.window.effectiveFrom)).toBe('2022-01-01');
    expect(value(edition.window.effectiveTo)).toBe('2025-12-31');
    expect(edition.window.effectiveFrom.assumed).toBe(true);
    expect(edition.window.effectiveTo.assumed).toBe(true);
    expect(edition.window.effectiveFrom.zh).toContain('XX');
    expect(edition.window.effectiveTo.zh).toContain('XX');
    expect(edition.assumptions.some((a) => a.includes('2022-01-01') && a.includes('2025-12-31'))).toBe(true);
  });

  it('only the window, the last rent year and the contribution year are assumed', () => {
    const assumed = parameters(edition)
      .filter(([, p]) => p.assumed === true)
      .map(([path]) => path)
      .sort();
    expect(assumed).toEqual(['m3.contributionYearOffset', 'm3.lastYear', 'window.effectiveFrom', 'window.effectiveTo']);
  });
});

describe('editionValues: the computing form', () => {
  const v = editionValues(edition);

  it('money as exact Decimals', () => {
    expect(v.m1.tiers['municipal-sme'].toFixed()).toBe('200000');
    expect(v.m1.tiers['municipal-little-giant'].toFixed()).toBe('500000');
    expect(v.m1.tiers['national-little-giant'].toFixed()).toBe('800000');
    expect(v.m2.amount.toFixed()).toBe('100000');
    expect(v.m3.maxDailyRentPerSqm.toFixed()).toBe('1');
    expect(v.m3.yearCap.toFixed()).toBe('300000');
    expect(v.m3.contributionThreshold.toFixed()).toBe('800000');
    expect(v.m5.tiers['municipal-sme'].toFixed()).toBe('20000');
    expect(v.m5.tiers['municipal-little-giant'].toFixed()).toBe('50000');
    expect(v.m5.tiers['national-little-giant'].toFixed()).toBe('100000');
    for (const board of BOARD_IDS) expect(v.m7.districtFloors[board]).toBeNull();
  });

  it('dates as day numbers', () => {
    expect(v.window.effectiveFrom).toBe(parseCalendarDate('2022-01-01'));
    expect(v.window.effectiveTo).toBe(parseCalendarDate('2025-12-31'));
    expect(v.m2.movedInOnOrAfter).toBe(parseCalendarDate('2022-01-01'));
    expect(v.targets.by).toBe(parseCalendarDate('2025-12-31'));
  });

  it('counts and years as numbers', () => {
    expect([v.m3.firstYear, v.m3.lastYear, v.m3.years, v.m3.contributionYearOffset]).toEqual([2023, 2025, 3, 0]);
    expect(v.m13.minResidentSrdi).toBe(5);
    expect(v.g5.retentionYears).toBe(8);
    expect(v.targets.levels).toEqual({ 'municipal-sme': 150, 'municipal-little-giant': 50, 'national-little-giant': 15 });
  });

  it('is computed once per edition object', () => {
    expect(editionValues(edition)).toBe(v);
    const copy: PolicyEdition = structuredClone(edition);
    expect(editionValues(copy)).not.toBe(v);
    expect(editionValues(copy).m1.tiers['national-little-giant'].toFixed()).toBe('800000');
  });

  it('a district floor set in an edition is read as a Decimal', () => {
    const withFloor: PolicyEdition = {
      ...edition,
      m7: { districtFloors: { ...edition.m7.districtFloors, star: { ...edition.m7.districtFloors.star, value: '1000000' } } },
    };
    expect(editionValues(withFloor).m7.districtFloors.star?.toFixed()).toBe('1000000');
    expect(editionValues(withFloor).m7.districtFloors.bse).toBeNull();
  });
});

describe('one table of parameters: the schema, the edition and the computing form have the same parameters', () => {
  /** The dotted paths of the leaves of the computing form (a Decimal, a number or null is a leaf). */
  function valuePaths(node: unknown, path: string[] = []): string[] {
    if (typeof node !== 'object' || node === null || node instanceof Money) return [path.join('.')];
    return Object.entries(node).flatMap(([k, v]) => valuePaths(v, [...path, k]));
  }

  it('every parameter of the built-in edition has its computed value at the same path, and no other value exists', () => {
    const editionPaths = parameters(edition).map(([path]) => path).sort();
    expect(valuePaths(editionValues(edition)).sort()).toEqual(editionPaths);
    // 2 window + 3 M1 + 2 M2 + 7 M3 + 3 M5 + 7 M7 + 1 M13 + 1 G5 + 1 + 3 targets = 30 parameters, + 22 readings = 52
    expect(editionPaths).toHaveLength(52);
  });

  it('the edition schema refuses an edition missing any one parameter, naming it', () => {
    for (const [path] of parameters(edition)) {
      const broken = structuredClone(edition) as unknown as Record<string, Record<string, unknown>>;
      const keys = path.split('.');
      let node: Record<string, unknown> = broken;
      for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
      delete node[keys.at(-1)!];
      const r = editionSchema.safeParse(broken);
      expect(r.success, path).toBe(false);
      expect(r.error?.issues.map((i) => i.path.join('.')), path).toContain(path);
    }
  });
});
