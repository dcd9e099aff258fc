import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/core/calendar.js';
import { MEASURE_IDS, PROVISION_IDS } from '../../src/core/clauses.js';
import { BOARD_IDS } from '../../src/model/boards.js';
import { validateEdition } from '../../src/policy/derive.js';
import { Money } from '../../src/core/money.js';
import { editionSchema, editionValues, type PolicyEdition } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';

/**
 * The words of the text (policy/measures.zh.txt, 征求意见稿) that state the edition's values, verbatim:
 * the preamble's targets, 一、1–2, 二、3, 三、5, 四、6, 五、7, 七、13 and 八 (G1, G2, G5, G6; the readings quote
 * G1, G2 and M6 as well).
 */
const TEXT = [
  '力争到“十四五”末，国家级专精特新“小巨人”企业达到15家，市级专精特新“小巨人”企业达到50家，市级专精特新中小企业达到150家。',
  '1、加强本区企业培育。经认定，对首次获得北京市“专精特新”称号的中小企业，一次性给予20万元奖励；对首次获得北京市专精特新“小巨人”称号的企业，一次性给予50万元奖励；对首次获得国家级专精特新“小巨人”称号的企业，一次性给予80万元奖励，单个企业不重复享受，晋级补差。（责任单位：区科信局）',
  '2、吸引企业入区发展。对2022年1月1日以来从北京市外新引进的符合条件的企业除上述奖励外，再一次性给予10万元的入区奖励（需在我区实体经营），促进企业稳定发展。（责任单位：区科信局）',
  '3、对新获得“专精特新”称号（含重新认定）的和新入区的，区级综合贡献达到80万元（含）及以上，且在本区租赁自用办公用房的企业，经认定，从2023年度起按照不高于1元/天/平米标准给予自用办公用房租金补贴，连续支持三年（每年认定），单个企业每年支持额度不超过30万元。已享受中关村门头沟园或其他房租补贴政策支持的不重复享受。（区科信局、中关村门头沟园管委会）',
  '5、对区内积极引进专精特新中小企业的创新创业服务机构给予引导鼓励。新引进入驻的企业中，每增加1家北京市“专精特新”中小企业、北京市级、国家级专精特新“小巨人”称号的企业，分别一次性给予创新创业服务机构2万元、5万元、10万元奖励，鼓励创新创业服务机构提质增效，助力地区产业转型。（责任单位：区科信局、中关村门头沟园管委会）',
  '6、鼓励金融机构积极推广“专精特新”小微企业专属信贷产品，根据企业需求定期组织对接活动。设立区级引导基金，发挥引领作用，通过股权投资、母子基金等运行模式，优先用于专精特新中小企业发展需求，激发企业创新活力。（责任单位：区发改委、区财政局、区科信局）',
  '7、对在区内登陆主板、中小板、创业板、科创板、新三板精选层、北交所的专精特新中小企业，给予不低于市级标准的奖励。（责任单位：区发改委、中关村门头沟园管委会）',
  '13、将创新创业服务机构（入驻专精特新中小企业5家及以上）优先纳入市场监管领域“双承诺”试点，在优化执法检查、提供法律服务、楼宇安全“体检”等方面给予优先保障。（责任单位：区市场监督管理局、区司法局）',
  '以上措施适用于在门头沟区登记注册，具有独立法人资格，经认定的各级创新创业服务机构和获得“专精特新”各级称号的中小企业。',
  '以上措施按照“从优不重复”的原则执行。',
  '申请以上措施中资金支持的企业须自愿承诺自资金兑现之日起8年内工商注册和税务登记不迁离本区，若违反承诺我区有权追回全部支持资金。',
  '以上措施自2022年XX月X日起实行，有效期至2025年XX月XX日。',
].join('\n');

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
      expect(p.zh, path).toMatch(/[\u4e00-\u9fff]/);
      // The words are the text's own: each piece between ellipses occurs in it verbatim.
      for (const piece of p.zh.split('……')) expect(TEXT, `${path}: ${piece}`).toContain(piece);
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
