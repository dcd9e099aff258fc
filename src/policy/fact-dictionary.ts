/**
 * The fact dictionary (DESIGN §7): every request path a rule can miss, and the other facts of the
 * request a caseworker gathers, each with a label, a question a person can answer, who holds the fact,
 * whether a department holds it or the subject declares it, and whether the holder is assumed.
 *
 * Holders are administrative knowledge, not policy text. `assumed: false` where the text of the
 * measures names the unit that holds or checks the fact: a fact the subject declares for one measure
 * is checked by that measure's 责任单位 (M2 区科信局 for physical operation, M3 区科信局 and
 * 中关村门头沟园管委会 for leases, M4/M6/M8/M12 for theirs, M9 区委组织部 for 京西聚智 talents, M13
 * for resident SRDI SMEs). `assumed: true` for DESIGN §7's defaults that the text does not state
 * (registrations 区市场监管局 / 区税务局, designations 市经济和信息化局, contributions 区财政局, and so on).
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

/** The English names of the units the text and DESIGN §7 name (责任单位 and holders). */
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
        en: `Where have the ${who.en}'s business and tax registrations been, and since which day (every move included)?`,
      },
      holder: { zh: '区市场监管局（工商注册）、区税务局（税务登记）', en: 'District Administration for Market Regulation (business), District Tax Bureau (tax)' },
      source: 'department',
      assumed: true,
    },
    retentionCommitmentSignedOn: {
      label: { zh: '留区承诺（签署日期）', en: 'retention commitment (day signed)' },
      question: { zh: `该${who.zh}是否已签署 8 年内不迁离本区的承诺，签署于哪一天？`, en: `Has the ${who.en} signed the commitment to stay in the district for 8 years, and on which day?` },
      holder: units('区科信局'),
      source: 'department',
      assumed: true,
    },
    disbursements: {
      label: { zh: '本政策已兑现的资金', en: 'money this policy already paid' },
      question: { zh: `本政策已向该${who.zh}兑现过哪些资金（措施、金额、日期）？`, en: `What has this policy already paid the ${who.en} (measure, amount, day)?` },
      holder: units('区科信局'),
      source: 'department',
      assumed: true,
    },
    otherBenefits: {
      label: { zh: '其他政策就同一事项给予的资金', en: 'other policies’ money for the same matter' },
      question: { zh: `该${who.zh}是否已就同一事项享受其他政策的资金（如中关村门头沟园房租补贴）？`, en: `Has the ${who.en} received other policies' money for the same matter (such as the Zhongguancun Mentougou Park rent subsidy)?` },
      holder: { zh: '发放该资金的单位（园区房租补贴：中关村门头沟园管委会）', en: 'the paying body (the park rent subsidy: Zhongguancun Mentougou Park Administrative Committee)' },
      source: 'department',
      assumed: true,
    },
    caseByCaseSupport: {
      label: { zh: '“一企一策”“一事一议”支持', en: 'case-by-case support' },
      question: { zh: `该${who.zh}是否已通过“一企一策”或“一事一议”获得支持，自哪一天起？`, en: `Has the ${who.en} been supported case by case (one enterprise one policy, one matter one discussion), and since when?` },
      holder: units('区发改委'),
      source: 'department',
      assumed: true,
    },
    integrityFindings: {
      label: { zh: '诚信记录（虚假材料、违约、违法、违规、违纪）', en: 'integrity record (false materials, breaches, illegal or irregular acts)' },
      question: { zh: `该${who.zh}是否有提供虚假材料或违约、违法、违规、违纪的记录？`, en: `Does the ${who.en} have a record of false materials, a breach of contract, or an illegal, irregular or disciplinary act?` },
      holder: { zh: '区市场监管局（企业信用记录）', en: 'District Administration for Market Regulation (credit records)' },
      source: 'department',
      assumed: true,
    },
  };
}

const DESIGNATION_LISTS: Bilingual = { zh: '市经济和信息化局（公布的名单）', en: 'Beijing Municipal Bureau of Economy and Information Technology (published lists)' };

/** The facts of an enterprise only. */
const ENTERPRISE_FACTS: Record<string, Entry> = {
  designations: {
    label: { zh: '“专精特新”称号', en: 'SRDI designations' },
    question: { zh: '企业获得过哪些“专精特新”称号（级别、认定日期、是否重新认定、有效期）？', en: 'Which SRDI designations has the enterprise obtained (level, day, renewal or not, expiry)?' },
    holder: DESIGNATION_LISTS,
    source: 'department',
    assumed: true,
  },
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
  leases: {
    label: { zh: '在本区租赁的办公用房', en: 'office space rented in the district' },
    question: { zh: '企业在本区租赁了哪些自用办公用房（面积、租期、日租金）？', en: 'Which self-use office space does the enterprise rent in the district (area, term, daily rent)?' },
    holder: { zh: '企业（租赁合同；区科信局、中关村门头沟园管委会核实）', en: 'the enterprise (lease contracts; checked by the District Bureau of Science, Technology and Informatization and the Zhongguancun Mentougou Park Administrative Committee)' },
    source: 'self-declared',
    assumed: false,
  },
  listing: {
    label: { zh: '上市（板块、上市日）', en: 'listing (board, day)' },
    question: { zh: '企业是否已上市，在哪个板块、哪一天？', en: 'Has the enterprise listed, on which board and on which day?' },
    holder: { zh: '证券交易所（上市公告）', en: "the exchange (listing announcement)" },
    source: 'department',
    assumed: false,
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
  introducedEnterprises: {
    label: { zh: '新引进入驻的企业', en: 'enterprises introduced' },
    question: { zh: '机构新引进了哪些企业入驻，各于哪一天入驻？', en: 'Which enterprises has the institution introduced, and when did each move in?' },
    holder: declared(INSTITUTION, '区科信局', '中关村门头沟园管委会'),
    source: 'self-declared',
    assumed: false,
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
 * name only these), and the other facts of the request, enterprise first. Deep-frozen.
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
 */
export function factFor(path: string): FactEntry | undefined {
  return BY_PATH.get(factPattern(path));
}
