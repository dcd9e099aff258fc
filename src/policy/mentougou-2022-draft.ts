/**
 * The built-in edition `mentougou-2022-draft`: 《门头沟区关于促进“专精特新”中小企业高质量发展的若干措施》
 * （征求意见稿）, every value with its clause and the words of the text that state it.
 */
import { deepFreeze, type PolicyEdition } from './edition.js';
import { defaultReadingParameters } from './readings.js';

const noFloor = {
  value: null,
  clause: 'M7',
  zh: '给予不低于市级标准的奖励',
  en: 'a reward no lower than the municipal standard; the draft sets no district floor',
} as const;

/**
 * The 2022 draft for public comment, as the library reads it. Deep-frozen: to change a number, derive
 * an edition (`deriveEdition`); the built-in one cannot be edited in place.
 *
 * @example
 * ```ts
 * import { mentougou2022Draft } from 'mentougou-srdi';
 *
 * const cap = mentougou2022Draft.m3.yearCap;
 * console.log(`${cap.value} (${cap.clause}: ${cap.zh})`); // 300000 (M3: 单个企业每年支持额度不超过30万元)
 * ```
 */
export const mentougou2022Draft: PolicyEdition = deepFreeze({
  id: 'mentougou-2022-draft',
  title: {
    zh: '门头沟区关于促进“专精特新”中小企业高质量发展的若干措施（征求意见稿）',
    en: 'Mentougou District measures for the high-quality development of SRDI SMEs (2022 draft for public comment)',
  },
  assumptions: [
    'window.effectiveFrom, window.effectiveTo (G6/R1): the draft leaves the period of validity blank (“自2022年XX月X日起实行，有效期至2025年XX月XX日”); this edition assumes 2022-01-01 to 2025-12-31.',
    'm3.lastYear (G6/R4): no rent-subsidy support year after 2025, the last year of validity.',
    'm3.contributionYearOffset (M3/R4): the contribution of the support year itself counts (the text does not say which year).',
  ],
  window: {
    effectiveFrom: { value: '2022-01-01', clause: 'G6', zh: '以上措施自2022年XX月X日起实行', en: 'in force from 2022 (day left blank)', assumed: true },
    effectiveTo: { value: '2025-12-31', clause: 'G6', zh: '有效期至2025年XX月XX日', en: 'valid until 2025 (day left blank)', assumed: true },
  },
  m1: {
    tiers: {
      'municipal-sme': { value: '200000', clause: 'M1', zh: '对首次获得北京市“专精特新”称号的中小企业，一次性给予20万元奖励' },
      'municipal-little-giant': { value: '500000', clause: 'M1', zh: '对首次获得北京市专精特新“小巨人”称号的企业，一次性给予50万元奖励' },
      'national-little-giant': { value: '800000', clause: 'M1', zh: '对首次获得国家级专精特新“小巨人”称号的企业，一次性给予80万元奖励' },
    },
  },
  m2: {
    amount: { value: '100000', clause: 'M2', zh: '再一次性给予10万元的入区奖励' },
    movedInOnOrAfter: { value: '2022-01-01', clause: 'M2', zh: '对2022年1月1日以来从北京市外新引进的符合条件的企业' },
  },
  m3: {
    maxDailyRentPerSqm: { value: '1', clause: 'M3', zh: '按照不高于1元/天/平米标准给予自用办公用房租金补贴' },
    yearCap: { value: '300000', clause: 'M3', zh: '单个企业每年支持额度不超过30万元' },
    contributionThreshold: { value: '800000', clause: 'M3', zh: '区级综合贡献达到80万元（含）及以上' },
    firstYear: { value: 2023, clause: 'M3', zh: '从2023年度起' },
    lastYear: {
      value: 2025,
      clause: 'G6',
      zh: '有效期至2025年XX月XX日',
      en: 'no support year after the last year of validity (R4)',
      assumed: true,
    },
    years: { value: 3, clause: 'M3', zh: '连续支持三年（每年认定）' },
    contributionYearOffset: {
      value: 0,
      clause: 'M3',
      zh: '区级综合贡献达到80万元（含）及以上',
      en: 'the text does not say which year’s contribution counts; this edition uses the support year itself (0; -1 would be the year before)',
      assumed: true,
    },
  },
  m5: {
    tiers: {
      'municipal-sme': { value: '20000', clause: 'M5', zh: '每增加1家北京市“专精特新”中小企业……一次性给予创新创业服务机构2万元' },
      'municipal-little-giant': { value: '50000', clause: 'M5', zh: '北京市级……专精特新“小巨人”称号的企业……5万元' },
      'national-little-giant': { value: '100000', clause: 'M5', zh: '国家级专精特新“小巨人”称号的企业……10万元奖励' },
    },
  },
  m7: {
    districtFloors: {
      'sse-main': noFloor,
      'szse-main': noFloor,
      'sme-board': noFloor,
      chinext: noFloor,
      star: noFloor,
      'neeq-select': noFloor,
      bse: noFloor,
    },
  },
  m13: {
    minResidentSrdi: { value: 5, clause: 'M13', zh: '创新创业服务机构（入驻专精特新中小企业5家及以上）' },
  },
  g5: {
    retentionYears: { value: 8, clause: 'G5', zh: '自资金兑现之日起8年内工商注册和税务登记不迁离本区' },
  },
  targets: {
    by: { value: '2025-12-31', clause: 'preamble', zh: '力争到“十四五”末', en: 'by the end of the 14th Five-Year Plan (end of 2025)' },
    levels: {
      'national-little-giant': { value: 15, clause: 'preamble', zh: '国家级专精特新“小巨人”企业达到15家', en: 'preamble target' },
      'municipal-little-giant': { value: 50, clause: 'preamble', zh: '市级专精特新“小巨人”企业达到50家', en: 'preamble target' },
      'municipal-sme': { value: 150, clause: 'preamble', zh: '市级专精特新中小企业达到150家', en: 'preamble target' },
    },
  },
  /** DESIGN §8: DESIGN's reading of every unclear passage (the first value of each in src/policy/readings.ts). */
  readings: defaultReadingParameters(),
});
