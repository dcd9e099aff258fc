/**
 * The fact dictionary (DESIGN §7): every request path a rule can miss, and only those (a fact whose
 * absence a rule reads as "none", such as designations, leases or disbursements, is never missing),
 * each with a label, a question a person can answer, who holds the fact, whether a department holds it
 * or the subject declares it, and whether the holder is assumed.
 *
 * Holders are administrative knowledge, not policy text. `assumed: false` where the text of the
 * measures names the unit that holds or checks the fact: a fact the subject declares for one measure
 * is checked by that measure's 责任单位 (M2 区科信局 for physical operation, M4/M6/M8/M12 for theirs,
 * M9 区委组织部 for 京西聚智 talents, M13 for resident SRDI SMEs). `assumed: true` for DESIGN §7's
 * defaults that the text does not state (registrations 区市场监管局 / 区税务局, designations — so an
 * introduced enterprise's level — 市经济和信息化局, contributions 区财政局, certification 区科信局) and
 * for the holders DESIGN does not list (independent legal person 区市场监管局, the municipal listing
 * standard 区发改委, M7's unit).
 *
 * A path with an array index in it (`institution.introducedEnterprises.2.highestLevel`) is listed with
 * `*` in place of the index; {@link factFor} finds the entry of any concrete path.
 */
import type { Bilingual } from '../core/trace.js';

/** One fact of the request (DESIGN §7 `FACTS`). */
export interface FactEntry {
  /** Dotted path from the request root; `*` stands for an array index. */
  readonly path: string;
  readonly label: Readonly<Bilingual>;
  /** The fact asked as a question a person can answer. */
  readonly question: Readonly<Bilingual>;
  /** Who holds the fact (the office to ask, or the subject, with who checks it). */
  readonly holder: Readonly<Bilingual>;
  /** `department`: an office holds it in its records; `self-declared`: the subject states it. */
  readonly source: 'department' | 'self-declared';
  /** True where the holder is administrative knowledge that neither the text nor DESIGN's sources state. */
  readonly assumed: boolean;
}

/**
 * The English names of the units the text and DESIGN §7 name (责任单位 and holders).
 *
 * @example
 * ```ts
 * import { UNIT_NAMES } from 'mentougou-srdi';
 *
 * console.log(UNIT_NAMES['区财政局']); // District Finance Bureau
 * ```
 */
export const UNIT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  区科信局: 'District Bureau of Science, Technology and Informatization',
  中关村门头沟园管委会: 'Zhongguancun Mentougou Park Administrative Committee',
  区规自分局: 'District Branch of the Planning and Natural Resources Commission',
  区发改委: 'District Development and Reform Commission',
  区财政局: 'District Finance Bureau',
  区生态环境局: 'District Ecology and Environment Bureau',
  区人力资源社会保障局: 'District Human Resources and Social Security Bureau',
  区政务服务局: 'District Government Services Bureau',
  区委组织部: 'Organization Department of the District Party Committee',
  区住房建设委: 'District Housing and Construction Commission',
  区教委: 'District Education Commission',
  区市场监督管理局: 'District Administration for Market Regulation',
  区市场监管局: 'District Administration for Market Regulation',
  区司法局: 'District Justice Bureau',
  区税务局: 'District Tax Bureau',
  市经济和信息化局: 'Beijing Municipal Bureau of Economy and Information Technology',
});

/** A unit's name in a language (the Chinese name when no English one is known). */
export const unitName = (unit: string, lang: 'zh' | 'en'): string => (lang === 'zh' ? unit : (UNIT_NAMES[unit] ?? unit));

/** A holder that is one or more units: `区发改委、区财政局` / `District …, District …`. */
const units = (...names: string[]): Bilingual => ({ zh: names.join('、'), en: names.map((n) => unitName(n, 'en')).join(', ') });

/** The subject declares the fact; the measure's 责任单位 check it. */
const declared = (who: Bilingual, ...checkers: string[]): Bilingual => {
  const by = units(...checkers);
  return { zh: `${who.zh}自报（${by.zh}核实）`, en: `the ${who.en} (checked by the ${by.en})` };
};

const ENTERPRISE: Bilingual = { zh: '企业', en: 'enterprise' };
const INSTITUTION: Bilingual = { zh: '机构', en: 'institution' };

type Entry = Omit<FactEntry, 'path'>;

/** The facts both subjects have, worded for the subject. */
function common(who: Bilingual): Record<string, Entry> {
  return {
    independentLegalPerson: {
      label: { zh: '独立法人资格', en: 'independent legal person' },
      question: { zh: `该${who.zh}是否具有独立法人资格？`, en: `Is the ${who.en} an independent legal person?` },
      holder: units('区市场监管局'),
      source: 'department',
      assumed: true,
    },
    registrations: {
      label: { zh: '工商注册和税务登记（登记地及变更）', en: 'business and tax registrations (regions and moves)' },
      question: {
        zh: `该${who.zh}的工商注册和税务登记各在哪里、自哪一天起（含历次迁入迁出）？`,
        en: `Where have the ${who.en}'s business and tax registrations been, and since when (every move)?`,
      },
      holder: { zh: '区市场监管局（工商注册）、区税务局（税务登记）', en: 'District Administration for Market Regulation (business), District Tax Bureau (tax)' },
      source: 'department',
      assumed: true,
    },
  };
}

const DESIGNATION_LISTS: Bilingual = { zh: '市经济和信息化局（公布的名单）', en: 'Beijing Municipal Bureau of Economy and Information Technology (published lists)' };

/** The facts of an enterprise only. */
const ENTERPRISE_FACTS: Record<string, Entry> = {
  physicalOperationInDistrict: {
    label: { zh: '在本区实体经营', en: 'physical operation in the district' },
    question: { zh: '企业是否在门头沟区实体经营？', en: 'Does the enterprise operate physically in Mentougou District?' },
    holder: declared(ENTERPRISE, '区科信局'),
    source: 'self-declared',
    assumed: false,
  },
  contributions: {
    label: { zh: '区级综合贡献（按年度）', en: 'district comprehensive contribution (by year)' },
    question: { zh: '企业各年度的区级综合贡献是多少元？', en: "What was the enterprise's district comprehensive contribution in each year, in yuan?" },
    holder: units('区财政局'),
    source: 'department',
    assumed: true,
  },
  'listing.municipalStandardReward': {
    label: { zh: '市级上市奖励标准', en: 'municipal standard listing reward' },
    question: { zh: '按市级标准，企业这次上市可获得多少元奖励？', en: 'Under the municipal standard, what reward does this listing bring, in yuan?' },
    holder: units('区发改委'),
    source: 'department',
    assumed: true,
  },
  smallOrMicro: {
    label: { zh: '小微企业', en: 'small or micro enterprise' },
    question: { zh: '企业是否为小微企业？', en: 'Is the enterprise a small or micro enterprise?' },
    holder: declared(ENTERPRISE, '区发改委', '区财政局', '区科信局'),
    source: 'self-declared',
    assumed: false,
  },
  expandsCapacityWithoutNewLand: {
    label: { zh: '不新增用地扩大产能', en: 'capacity expanded without new land' },
    question: { zh: '企业是否在不新增用地的情况下扩大产能（提高容积率）？', en: 'Does the enterprise expand its capacity without new land (a higher plot ratio)?' },
    holder: declared(ENTERPRISE, '区规自分局'),
    source: 'self-declared',
    assumed: false,
  },
  jingxiTalents: {
    label: { zh: '“京西聚智”高层次人才人数', en: '“Jingxi Juzhi” high-level talents (count)' },
    question: { zh: '企业有几名经推荐被认定为“京西聚智”高层次人才？', en: 'How many of the enterprise’s people are recognised as “Jingxi Juzhi” high-level talents?' },
    holder: units('区委组织部'),
    source: 'department',
    assumed: false,
  },
  fundraisingProjectInDistrict: {
    label: { zh: '募投项目在本区落地', en: 'fundraising project landed in the district' },
    question: { zh: '企业上市后的募投项目是否在门头沟区落地？', en: 'Does the enterprise’s post-listing fundraising project land in Mentougou District?' },
    holder: declared(ENTERPRISE, '区规自分局', '区生态环境局', '区人力资源社会保障局', '区政务服务局'),
    source: 'self-declared',
    assumed: false,
  },
  cultivationCandidate: {
    label: { zh: '梯队培育库候选企业', en: 'cultivation pool candidate' },
    question: { zh: '企业是否为“专精特新”梯队培育库的候选企业？', en: 'Is the enterprise a candidate for the tiered SRDI cultivation pool?' },
    holder: declared(ENTERPRISE, '区科信局', '区发改委', '中关村门头沟园管委会'),
    source: 'self-declared',
    assumed: false,
  },
};

/** The facts of a service institution only. */
const INSTITUTION_FACTS: Record<string, Entry> = {
  certified: {
    label: { zh: '经认定的创新创业服务机构', en: 'certified service institution' },
    question: { zh: '该机构是否为经认定的创新创业服务机构？', en: 'Is the institution a certified innovation and entrepreneurship service institution?' },
    holder: units('区科信局'),
    source: 'department',
    assumed: true,
  },
  'introducedEnterprises.*.highestLevel': {
    label: { zh: '引进企业持有的最高称号', en: 'highest designation of an introduced enterprise' },
    question: { zh: '这家引进企业目前持有的最高“专精特新”称号是哪一级（或没有称号）？', en: 'Which is the highest SRDI designation this introduced enterprise holds now (or none)?' },
    holder: DESIGNATION_LISTS,
    source: 'department',
    assumed: true,
  },
  residentSrdiCount: {
    label: { zh: '入驻的专精特新中小企业数', en: 'resident SRDI SMEs (count)' },
    question: { zh: '目前入驻该机构的专精特新中小企业有几家？', en: 'How many SRDI SMEs are resident at the institution now?' },
    holder: declared(INSTITUTION, '区市场监督管理局', '区司法局'),
    source: 'self-declared',
    assumed: false,
  },
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const entries = (root: 'enterprise' | 'institution', facts: Record<string, Entry>): FactEntry[] =>
  Object.entries(facts).map(([key, entry]) => ({ path: `${root}.${key}`, ...entry }));

/**
 * The fact dictionary: every request path a rule can miss (each result's `missing` and `questions`
 * name only these), enterprise first. Deep-frozen.
 *
 * @example
 * ```ts
 * import { FACTS } from 'mentougou-srdi';
 *
 * const contributions = FACTS.find((f) => f.path === 'enterprise.contributions');
 * console.log(contributions?.holder.zh); // 区财政局
 * console.log(FACTS.length); // 15
 * ```
 */
export const FACTS: readonly FactEntry[] = deepFreeze([
  ...entries('enterprise', { ...common(ENTERPRISE), ...ENTERPRISE_FACTS }),
  ...entries('institution', { ...common(INSTITUTION), ...INSTITUTION_FACTS }),
]);

const BY_PATH: ReadonlyMap<string, FactEntry> = new Map(FACTS.map((f) => [f.path, f]));

/** A concrete path in the dictionary's form: every array index becomes `*`. */
export const factPattern = (path: string): string => path.replace(/\.\d+(?=\.|$)/g, '.*');

/**
 * The dictionary entry of a request path (`institution.introducedEnterprises.2.highestLevel` finds
 * `institution.introducedEnterprises.*.highestLevel`), or `undefined` when the path is not a fact.
 *
 * @example
 * ```ts
 * import { factFor } from 'mentougou-srdi';
 *
 * console.log(factFor('institution.introducedEnterprises.2.highestLevel')?.path); // institution.introducedEnterprises.*.highestLevel
 * console.log(factFor('enterprise.physicalOperationInDistrict')?.source); // self-declared
 * ```
 */
export function factFor(path: string): FactEntry | undefined {
  return BY_PATH.get(factPattern(path));
}
