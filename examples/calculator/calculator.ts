/**
 * The in-browser calculator of mentougou-srdi: a plain-DOM form that builds a request (docs/contract.md § The request) as the
 * user types, runs it through `safeAssessUnknown` (a form is untyped) and shows the result (docs/contract.md § The result): each measure's checklist of
 * conditions, amounts and payables, the total, what is still missing, the clause of every line and the
 * warnings. Invalid input shows the library's own issue message next to the field, and no result.
 *
 * Bundled by scripts/build-calculator.ts into dist/calculator.js (an IIFE, so index.html works from
 * file://). Nothing here computes policy: every number and every verdict comes from the library.
 */
import {
  BOARD_IDS,
  BOARDS,
  LEVELS,
  REGIONS,
  REGISTRATION_KINDS,
  safeAssessUnknown,
  STATEMENT_TERMS,
  type AssessmentResult,
  type LineResultOutput,
  type MeasureResultOutput,
  type PolicyIssue,
  type PolicyRequestInput,
  type Question,
  type SafeAssessResult,
  UNIT_NAMES,
} from '../../src/index.js';

// ------------------------------------------------------------------------------------------------
// Types of the form's description
// ------------------------------------------------------------------------------------------------

type Lang = 'zh' | 'en';
interface Bi {
  readonly zh: string;
  readonly en: string;
}
type Subject = 'enterprise' | 'institution';
const BOTH: readonly Subject[] = ['enterprise', 'institution'];
const ENTERPRISE: readonly Subject[] = ['enterprise'];
const INSTITUTION: readonly Subject[] = ['institution'];

/** How a field's text becomes a request value. */
type FieldType = 'text' | 'date' | 'decimal' | 'integer' | 'bool' | 'choice';

interface Option {
  readonly value: string;
  readonly label: Bi;
}

interface Field {
  readonly key: string;
  readonly label: Bi;
  readonly type: FieldType;
  readonly options?: readonly Option[];
  readonly placeholder?: string;
}

/**
 * One section of the form: `scalars` (fields of the subject itself), `list` (a repeatable section: an
 * array of the request, one row per item) or `object` (one nested object). `key` is the request key of
 * the array or object, or the section's own id for scalars; `rowLabel` names one row ("租约 2").
 */
interface Block {
  readonly kind: 'scalars' | 'list' | 'object';
  readonly key: string;
  readonly title: Bi;
  readonly rowLabel: Bi;
  readonly subjects: readonly Subject[];
  readonly fields: readonly Field[];
}

/** A field in the section table: key, zh label, en label, type, and the options (choice) or placeholder. */
type FieldSpec = readonly [key: string, zh: string, en: string, type: FieldType, extra?: readonly Option[] | string];
/** A section in the table: kind, key, zh title, en title, who it is for, its fields, and (lists) the row's name. */
type SectionSpec = readonly [kind: Block['kind'], key: string, zh: string, en: string, subjects: readonly Subject[], fields: readonly FieldSpec[], row?: readonly [zh: string, en: string]];

/** The one builder of every section, from its line in the table. */
function section([kind, key, zh, en, subjects, specs, row]: SectionSpec): Block {
  const fields = specs.map(([k, fzh, fen, type, extra]): Field => ({
    key: k,
    label: { zh: fzh, en: fen },
    type,
    ...(typeof extra === 'string' ? { placeholder: extra } : extra ? { options: extra } : {}),
  }));
  return { kind, key, title: { zh, en }, rowLabel: row ? { zh: row[0], en: row[1] } : { zh, en }, subjects, fields };
}

// Element types of the request's arrays, to keep the hand-written option lists in step with the contract.
type EnterpriseInput = NonNullable<PolicyRequestInput['enterprise']>;
type InstitutionInput = NonNullable<PolicyRequestInput['institution']>;
type Item<T> = NonNullable<T> extends readonly (infer U)[] ? U : never;
type DisbursementMeasure = Item<EnterpriseInput['disbursements']>['measure'];
type OverlapMeasure = Item<EnterpriseInput['otherBenefits']>['overlapsMeasure'];
type CaseByCaseKind = Item<EnterpriseInput['caseByCaseSupport']>['kind'];
type FindingKind = Item<EnterpriseInput['integrityFindings']>['kind'];
type HighestLevel = NonNullable<Item<InstitutionInput['introducedEnterprises']>['highestLevel']>;

// ------------------------------------------------------------------------------------------------
// Texts
// ------------------------------------------------------------------------------------------------

/** A term of the statements (STATEMENT_TERMS), as a label: its English with a capital. */
const label = (term: Bi): Bi => ({ zh: term.zh, en: `${term.en.charAt(0).toUpperCase()}${term.en.slice(1)}` });

const UI = {
  pageTitle: { zh: '门头沟区“专精特新”政策计算器', en: 'Mentougou SRDI measures calculator' },
  intro: {
    zh: '填写企业或服务机构的情况，计算器即时按《门头沟区促进“专精特新”中小企业高质量发展的若干措施》（征求意见稿）逐条判断。未填写的项目视为“未知”或“无”。',
    en: 'Describe an enterprise or a service institution; the calculator applies the Mentougou District SRDI measures (draft for comment) clause by clause as you type. Fields left empty count as unknown or none.',
  },
  langToggle: { zh: 'English', en: '中文' },
  loadExample: { zh: '载入示例（案例 02）', en: 'Load example (case 02)' },
  clear: { zh: '清空', en: 'Clear' },
  formTitle: { zh: '申请情况', en: 'The request' },
  asOf: { zh: '评估日', en: 'Assessed as of' },
  subjectKind: { zh: '主体类型', en: 'Subject' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  institution: { zh: '创新创业服务机构', en: 'Service institution' },
  unknown: { zh: '未知', en: 'unknown' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  choose: { zh: '—', en: '—' },
  add: { zh: '添加', en: 'Add' },
  remove: { zh: '删除', en: 'Remove' },
  results: { zh: '计算结果', en: 'Result' },
  notice: STATEMENT_TERMS.notice,
  totalPayable: STATEMENT_TERMS.totalPayableNow,
  yuan: { zh: '元', en: 'yuan' },
  invalidTitle: { zh: '输入有误，暂不计算', en: 'The input has errors; nothing is computed' },
  invalidHint: { zh: '请按字段旁的提示更正：', en: 'Correct the fields as marked:' },
  applicability: { zh: '适用范围（第八条第一款）', en: 'Applicability (G1)' },
  missing: { zh: '尚缺信息（填写后可判断）', en: 'Still missing (would decide the outcome)' },
  noneMissing: { zh: '无：所有措施均可判断。', en: 'Nothing: every measure can be decided.' },
  warnings: { zh: '提示', en: 'Warnings' },
  measures: { zh: '逐项措施', en: 'Measure by measure' },
  conditions: { zh: '条件', en: 'Conditions' },
  lines: { zh: '明细', en: 'Lines' },
  line: { zh: '项目', en: 'Line' },
  outcome: { zh: '结论', en: 'Outcome' },
  amount: label(STATEMENT_TERMS.entitlement),
  payable: label(STATEMENT_TERMS.payableNow),
  paid: label(STATEMENT_TERMS.paid),
  amountOpen: { zh: '待定', en: 'not known yet' },
  g1Here: { zh: '适用范围（G1）：{status}（见上文）', en: 'Applicability (G1): {status} (see above)' },
  clause: { zh: '条款', en: 'Clause' },
  serviceMeasure: { zh: '服务类措施（无金额）', en: 'service measure (no money)' },
  reasons: { zh: '说明', en: 'Reasons' },
  responsibleUnits: { zh: '责任单位', en: 'Responsible units' },
  clawback: { zh: '留区承诺与追回（第八条第三款）', en: 'Retention commitment and clawback (G5)' },
  breached: { zh: '已违反承诺', en: 'Breached' },
  breachedOn: { zh: '违反日', en: 'Breached on' },
  clawbackAmount: { zh: '可追回金额', en: 'Recoverable' },
  freeToLeaveAfter: { zh: '承诺期届满日', en: 'Free to leave after' },
  edition: { zh: '政策版本', en: 'Policy edition' },
  requestJson: { zh: '发送给 safeAssess 的请求（JSON）', en: 'The request sent to safeAssess (JSON)' },
  internalError: { zh: '计算出错：', en: 'The calculation failed: ' },
  row: { zh: '第 {n} 项', en: 'item {n}' },
  atLeast: { zh: '至少', en: 'at least' },
  atMost: { zh: '最多', en: 'at most' },
  noUpperBound: { zh: '暂无上限（尚缺的信息可能使金额更高）', en: 'no upper bound yet (a missing fact could raise it further)' },
  settled: { zh: '已确定', en: 'settled' },
  payableUpTo: { zh: '最多可兑现', en: 'Payable at most' },
  nextQuestion: { zh: '下一个问题', en: 'Next question' },
  noQuestions: { zh: '没有待回答的问题：结果已确定。', en: 'No open questions: the result is settled.' },
  atStake: { zh: '涉及金额', en: 'At stake' },
  atStakeNone: { zh: '不影响金额（服务类措施）', en: 'no money (service measures)' },
  holder: { zh: '谁掌握该信息', en: 'Who holds the fact' },
  helpsDecide: { zh: '有助于判断', en: 'Helps decide' },
  goToField: { zh: '去填写', en: 'Go to the field' },
  otherQuestions: { zh: '其余问题', en: 'Other questions' },
  saveCase: { zh: '保存案例（JSON 文件）', en: 'Save the case (JSON file)' },
  openCase: { zh: '打开案例…', en: 'Open a case…' },
  print: { zh: '打印摘要', en: 'Print a summary' },
  openFailed: { zh: '无法打开该文件：它不是本计算器保存的 JSON 请求。', en: 'The file cannot be opened: it is not a JSON request saved by this calculator.' },
  opened: { zh: '已打开：', en: 'Opened: ' },
  restored: { zh: '已恢复上次在本浏览器中填写的案例。', en: 'The case last entered in this browser was restored.' },
  summaryCase: { zh: '所填情况', en: 'The case as entered' },
  summaryMeasure: { zh: '措施', en: 'Measure' },
  amountsIn: { zh: '金额单位：元', en: 'amounts in yuan' },
} as const satisfies Record<string, Bi>;

const OUTCOME_NAMES: Record<'eligible' | 'ineligible' | 'undetermined', Bi> = {
  eligible: { zh: '符合', en: 'eligible' },
  ineligible: { zh: '不符合', en: 'ineligible' },
  undetermined: { zh: '待定（信息不足）', en: 'undetermined (facts missing)' },
};

const STATUS_ICONS: Record<'met' | 'unmet' | 'unknown', string> = { met: '✓', unmet: '✗', unknown: '?' };
const STATUS_NAMES: Record<'met' | 'unmet' | 'unknown', Bi> = {
  met: { zh: '满足', en: 'met' },
  unmet: { zh: '不满足', en: 'not met' },
  unknown: { zh: '未知', en: 'unknown' },
};

const REGISTRATION_NAMES: Record<(typeof REGISTRATION_KINDS)[number], Bi> = {
  business: { zh: '工商注册', en: 'business registration' },
  tax: { zh: '税务登记', en: 'tax registration' },
};
const REGION_NAMES: Record<(typeof REGIONS)[number], Bi> = {
  mentougou: { zh: '门头沟区', en: 'Mentougou' },
  'beijing-other': { zh: '北京市其他区', en: 'another Beijing district' },
  'outside-beijing': { zh: '北京市外', en: 'outside Beijing' },
};
const LEVEL_NAMES: Record<(typeof LEVELS)[number], Bi> = {
  'municipal-sme': { zh: '北京市“专精特新”中小企业', en: 'Beijing SRDI SME' },
  'municipal-little-giant': { zh: '北京市专精特新“小巨人”', en: 'Beijing SRDI little giant' },
  'national-little-giant': { zh: '国家级专精特新“小巨人”', en: 'national SRDI little giant' },
};
const MEASURE_SHORT: Record<DisbursementMeasure | OverlapMeasure, Bi> = {
  M1: { zh: 'M1 称号奖励', en: 'M1 designation reward' },
  M2: { zh: 'M2 入区奖励', en: 'M2 move-in reward' },
  M3: { zh: 'M3 房租补贴', en: 'M3 rent subsidy' },
  M5: { zh: 'M5 服务机构奖励', en: 'M5 institution reward' },
  M7: { zh: 'M7 上市奖励', en: 'M7 listing reward' },
};
const DISBURSED_MEASURES = ['M1', 'M2', 'M3', 'M5', 'M7'] as const satisfies readonly DisbursementMeasure[];
const OVERLAP_MEASURES = ['M1', 'M2', 'M3', 'M7'] as const satisfies readonly OverlapMeasure[];
const CASE_BY_CASE_NAMES: Record<CaseByCaseKind, Bi> = {
  'one-enterprise-one-policy': { zh: '一企一策', en: 'one enterprise, one policy' },
  'one-matter-one-discussion': { zh: '一事一议', en: 'one matter, one discussion' },
};
const FINDING_NAMES: Record<FindingKind, Bi> = {
  'false-materials': { zh: '提供虚假材料', en: 'false materials' },
  'breach-of-contract': { zh: '违约', en: 'breach of contract' },
  illegal: { zh: '违法', en: 'illegal conduct' },
  irregular: { zh: '违规', en: 'irregular conduct' },
  disciplinary: { zh: '违纪', en: 'disciplinary breach' },
};
const HIGHEST_LEVEL_NAMES: Record<HighestLevel, Bi> = { ...LEVEL_NAMES, none: { zh: '无称号', en: 'no designation' } };

const optionsOf = <K extends string>(values: readonly K[], names: Record<K, Bi>): Option[] => values.map((value) => ({ value, label: names[value] }));
const BOARD_NAMES = Object.fromEntries(BOARD_IDS.map((id) => [id, { zh: BOARDS[id].zh, en: BOARDS[id].en }])) as Record<(typeof BOARD_IDS)[number], Bi>;

const DATE = 'YYYY-MM-DD';

// ------------------------------------------------------------------------------------------------
// The form, described once: sections, fields and their request keys
// ------------------------------------------------------------------------------------------------

const SECTIONS: readonly SectionSpec[] = [
  ['scalars', 'basics', '基本信息', 'Basics', BOTH, [
    ['id', '编号（必填，可自拟）', 'ID (required, any name)', 'text'],
    ['name', '名称', 'Name', 'text'],
    ['creditCode', '统一社会信用代码', 'Unified social credit code', 'text', '18'],
    ['independentLegalPerson', '具有独立法人资格', 'Independent legal person', 'bool'],
  ]],
  ['list', 'registrations', '工商注册与税务登记（同类按时间先后）', 'Business and tax registrations (oldest first within a kind)', BOTH, [
    ['kind', '类别', 'Kind', 'choice', optionsOf(REGISTRATION_KINDS, REGISTRATION_NAMES)],
    ['region', '所在地', 'Region', 'choice', optionsOf(REGIONS, REGION_NAMES)],
    ['from', '起始日', 'From', 'date'],
  ], ['登记', 'Registration']],
  ['list', 'designations', '“专精特新”称号', 'SRDI designations', ENTERPRISE, [
    ['level', '级别', 'Level', 'choice', optionsOf(LEVELS, LEVEL_NAMES)],
    ['obtainedOn', '获得日期', 'Obtained on', 'date'],
    ['renewal', '重新认定', 'Renewal', 'bool'],
    ['expiresOn', '到期日', 'Expires on', 'date'],
  ], ['称号', 'Designation']],
  ['scalars', 'operations', '经营情况', 'Operations', ENTERPRISE, [
    ['physicalOperationInDistrict', '在本区实体经营', 'Operates physically in the district', 'bool'],
    ['smallOrMicro', '小微企业', 'Small or micro enterprise', 'bool'],
    ['expandsCapacityWithoutNewLand', '不新增用地扩大产能', 'Expands capacity without new land', 'bool'],
    ['jingxiTalents', '“京西聚智”高层次人才（人数）', '“Jingxi Juzhi” high-level talents (count)', 'integer'],
    ['fundraisingProjectInDistrict', '募投项目在本区落地', 'Fundraising project landed in the district', 'bool'],
    ['cultivationCandidate', '梯队培育库候选企业', 'Cultivation pool candidate', 'bool'],
  ]],
  ['list', 'contributions', '区级综合贡献（按年度）', 'District comprehensive contribution (by year)', ENTERPRISE, [
    ['year', '年度', 'Year', 'integer', '2024'],
    ['amount', '金额（元）', 'Amount (yuan)', 'decimal'],
  ], ['年度贡献', 'Contribution']],
  ['list', 'leases', '办公用房租约', 'Office leases', ENTERPRISE, [
    ['id', '编号', 'ID', 'text'],
    ['areaSqm', '面积（平方米）', 'Area (m²)', 'decimal'],
    ['start', '起租日', 'Start', 'date'],
    ['end', '到期日', 'End', 'date'],
    ['dailyRentPerSqm', '日租金（元/平方米/天）', 'Daily rent (yuan/m²/day)', 'decimal'],
    ['selfUse', '自用', 'Self-use', 'bool'],
    ['inDistrict', '位于本区', 'In the district', 'bool'],
  ], ['租约', 'Lease']],
  ['object', 'listing', '上市', 'Listing', ENTERPRISE, [
    ['board', '板块', 'Board', 'choice', optionsOf(BOARD_IDS, BOARD_NAMES)],
    ['listedOn', '上市日期', 'Listed on', 'date'],
    ['municipalStandardReward', '市级奖励标准（元）', 'Municipal standard reward (yuan)', 'decimal'],
  ]],
  ['scalars', 'institution', '服务机构情况', 'The institution', INSTITUTION, [
    ['certified', '经认定的创新创业服务机构', 'Certified innovation and entrepreneurship service institution', 'bool'],
    ['residentSrdiCount', '在驻“专精特新”企业（家）', 'SRDI SMEs now resident (count)', 'integer'],
  ]],
  ['list', 'introducedEnterprises', '引进的企业', 'Introduced enterprises', INSTITUTION, [
    ['enterpriseId', '企业编号', 'Enterprise ID', 'text'],
    ['movedInOn', '入驻日期', 'Moved in on', 'date'],
    ['highestLevel', '评估日最高称号（空 = 未知）', 'Highest level on asOf (empty = unknown)', 'choice', optionsOf([...LEVELS, 'none'], HIGHEST_LEVEL_NAMES)],
  ], ['引进企业', 'Introduced enterprise']],
  ['list', 'otherBenefits', '其他政策就同一事项的资金（从优不重复）', 'Money from other policies for the same matter (most favourable, no duplication)', BOTH, [
    ['program', '政策项目', 'Programme', 'text'],
    ['overlapsMeasure', '对应措施', 'Same matter as', 'choice', optionsOf(OVERLAP_MEASURES, MEASURE_SHORT)],
    ['year', '年度（M3 必填）', 'Year (M3: required)', 'integer'],
    ['amount', '金额（元）', 'Amount (yuan)', 'decimal'],
  ], ['其他资金', 'Other benefit']],
  ['list', 'disbursements', '本政策已兑现的资金', 'Already paid under these measures', BOTH, [
    ['measure', '措施', 'Measure', 'choice', optionsOf(DISBURSED_MEASURES, MEASURE_SHORT)],
    ['amount', '金额（元）', 'Amount (yuan)', 'decimal'],
    ['paidOn', '兑现日', 'Paid on', 'date'],
    ['year', '年度（M3 必填）', 'Year (M3: required)', 'integer'],
    ['enterpriseId', '企业编号（M5 必填）', 'Enterprise ID (M5: required)', 'text'],
  ], ['已兑现', 'Disbursement']],
  ['scalars', 'commitment', '留区承诺', 'Retention commitment', BOTH, [['retentionCommitmentSignedOn', '承诺签署日', 'Commitment signed on', 'date']]],
  ['list', 'caseByCaseSupport', '“一企一策”“一事一议”支持', 'Case-by-case support', BOTH, [
    ['kind', '方式', 'Kind', 'choice', optionsOf(['one-enterprise-one-policy', 'one-matter-one-discussion'], CASE_BY_CASE_NAMES)],
    ['from', '起始日', 'From', 'date'],
  ], ['个案支持', 'Case-by-case support']],
  ['list', 'integrityFindings', '诚信问题（虚假材料、违约、违法、违规、违纪）', 'Integrity findings', BOTH, [
    ['kind', '类别', 'Kind', 'choice', optionsOf(['false-materials', 'breach-of-contract', 'illegal', 'irregular', 'disciplinary'], FINDING_NAMES)],
    ['on', '认定日期', 'Found on', 'date'],
  ], ['诚信问题', 'Finding']],
];

/** The form: every section, built by the one builder from the table above. */
const BLOCKS: readonly Block[] = SECTIONS.map(section);

// ------------------------------------------------------------------------------------------------
// Golden case 02 (test/golden/02-newcomer-with-rent.json), for the "load example" button
// ------------------------------------------------------------------------------------------------

/** The request of golden case 02: moved in from outside Beijing in 2022, national little giant; M1 + M2 + M3. */
const EXAMPLE_02: PolicyRequestInput = {
  asOf: '2025-12-31',
  enterprise: {
    id: 'E02',
    name: '门城智能装备有限公司',
    creditCode: '91110109MA01D3E4FP',
    independentLegalPerson: true,
    registrations: [
      { kind: 'business', region: 'outside-beijing', from: '2010-03-01' },
      { kind: 'tax', region: 'outside-beijing', from: '2010-03-01' },
      { kind: 'business', region: 'mentougou', from: '2022-03-10' },
      { kind: 'tax', region: 'mentougou', from: '2022-03-10' },
    ],
    physicalOperationInDistrict: true,
    designations: [{ level: 'national-little-giant', obtainedOn: '2022-09-01' }],
    contributions: [
      { year: 2023, amount: '900000' },
      { year: 2024, amount: '790000' },
      { year: 2025, amount: '800000' },
    ],
    leases: [{ id: 'L1', areaSqm: '1000', start: '2022-03-10', end: '2025-12-31', dailyRentPerSqm: '2.5', selfUse: true, inDistrict: true }],
    retentionCommitmentSignedOn: '2022-03-15',
  },
};

// ------------------------------------------------------------------------------------------------
// DOM helpers and language
// ------------------------------------------------------------------------------------------------

let lang: Lang = 'zh';
/** Elements whose text follows the language, and the text in each language. */
const texts = new WeakMap<Element, Bi>();

const t = (text: Bi): string => text[lang];
/** A colon in the current language. */
const colon = (): string => (lang === 'zh' ? '：' : ': ');
const fill = (text: string, params: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** An element whose text is `text` in the current language and follows the toggle. */
function tr<K extends keyof HTMLElementTagNameMap>(tag: K, text: Bi, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = h(tag, { ...attrs, 'data-t': '' }, text[lang]);
  texts.set(node, text);
  return node;
}

function applyLanguage(): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t(UI.pageTitle);
  for (const node of document.querySelectorAll('[data-t]')) {
    const text = texts.get(node);
    if (text) node.textContent = text[lang];
  }
}

/** "1500000.00" → "1,500,000.00" (on the string: amounts are never turned into floats). */
function groupDigits(amount: string): string {
  const [whole = '', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

// ------------------------------------------------------------------------------------------------
// Building the form
// ------------------------------------------------------------------------------------------------

let fieldSerial = 0;

/** One labelled control with its issue slot; the control carries `data-key` (its key in the object). */
function fieldElement(field: Field): HTMLElement {
  const id = `f${++fieldSerial}`;
  const issueId = `${id}-issue`;
  let control: HTMLInputElement | HTMLSelectElement;
  if (field.type === 'bool' || field.type === 'choice') {
    const select = h('select', { id, 'data-key': field.key, 'data-type': field.type, 'aria-describedby': issueId });
    if (field.type === 'bool') {
      select.append(tr('option', UI.unknown, { value: '' }), tr('option', UI.yes, { value: 'true' }), tr('option', UI.no, { value: 'false' }));
    } else {
      select.append(tr('option', UI.choose, { value: '' }), ...(field.options ?? []).map((o) => tr('option', o.label, { value: o.value })));
    }
    control = select;
  } else {
    const attrs: Record<string, string> = { id, type: 'text', 'data-key': field.key, 'data-type': field.type, 'aria-describedby': issueId, autocomplete: 'off', spellcheck: 'false' };
    if (field.type === 'date') Object.assign(attrs, { placeholder: DATE, inputmode: 'numeric', maxlength: '10' });
    if (field.type === 'integer') attrs.inputmode = 'numeric';
    if (field.type === 'decimal') attrs.inputmode = 'decimal';
    if (field.placeholder !== undefined) attrs.placeholder = field.placeholder;
    control = h('input', attrs);
  }
  return h('div', { class: `field field-${field.type}` }, tr('label', field.label, { for: id }), control, h('span', { class: 'issue', id: issueId, role: 'alert' }));
}

function rowElement(block: Block): HTMLElement {
  const title = h('span', { class: 'row-title' });
  const remove = tr('button', UI.remove, { type: 'button', class: 'remove', 'data-remove': block.key });
  const row = h('div', { class: 'row', 'data-row': block.key }, h('div', { class: 'row-head' }, title, remove), h('div', { class: 'grid' }, ...block.fields.map(fieldElement)), h('span', { class: 'issue row-issue', role: 'alert' }));
  remove.addEventListener('click', () => {
    row.remove();
    renumber();
    update();
  });
  return row;
}

function addRow(block: Block): HTMLElement {
  const rows = document.querySelector<HTMLElement>(`[data-rows="${block.key}"]`);
  if (!rows) throw new Error(`no rows container for ${block.key}`);
  const row = rowElement(block);
  rows.append(row);
  renumber();
  return row;
}

function blockElement(block: Block): HTMLElement {
  const attrs = { class: `block block-${block.kind}`, 'data-block': block.key, 'data-subjects': block.subjects.join(' ') };
  const issue = h('span', { class: 'issue block-issue', role: 'alert' });
  if (block.kind === 'list') {
    const add = h('button', { type: 'button', class: 'add', 'data-add': block.key }, '+ ', tr('span', UI.add), ' ', tr('span', block.rowLabel));
    add.addEventListener('click', () => {
      const row = addRow(block);
      update();
      row.querySelector<HTMLElement>('input, select')?.focus();
    });
    return h('fieldset', attrs, tr('legend', block.title), h('div', { class: 'rows', 'data-rows': block.key }), issue, add);
  }
  return h('fieldset', attrs, tr('legend', block.title), h('div', { class: 'grid' }, ...block.fields.map(fieldElement)), issue);
}

/** Row titles ("租约 2") and every control's `data-path` (its request path, with the row's position). */
function renumber(): void {
  const subject = subjectKind();
  for (const block of BLOCKS) {
    const blockNode = document.querySelector<HTMLElement>(`[data-block="${block.key}"]`);
    if (!blockNode) continue;
    const active = block.subjects.includes(subject);
    blockNode.hidden = !active;
    if (block.kind === 'list') {
      blockNode.dataset.path = `${subject}.${block.key}`;
      blockNode.querySelectorAll<HTMLElement>('[data-row]').forEach((row, i) => {
        row.dataset.path = `${subject}.${block.key}.${i}`;
        const title = row.querySelector('.row-title');
        if (title) {
          title.textContent = `${t(block.rowLabel)} ${i + 1}`;
          texts.set(title, { zh: `${block.rowLabel.zh} ${i + 1}`, en: `${block.rowLabel.en} ${i + 1}` });
          title.setAttribute('data-t', '');
        }
        row.querySelectorAll<HTMLElement>('[data-key]').forEach((c) => (c.dataset.path = `${subject}.${block.key}.${i}.${c.dataset.key ?? ''}`));
      });
    } else if (block.kind === 'object') {
      blockNode.dataset.path = `${subject}.${block.key}`;
      blockNode.querySelectorAll<HTMLElement>('[data-key]').forEach((c) => (c.dataset.path = `${subject}.${block.key}.${c.dataset.key ?? ''}`));
    } else {
      blockNode.querySelectorAll<HTMLElement>('[data-key]').forEach((c) => (c.dataset.path = `${subject}.${c.dataset.key ?? ''}`));
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Reading the form into a request (empty = absent)
// ------------------------------------------------------------------------------------------------

type Control = HTMLInputElement | HTMLSelectElement;

function valueOf(control: Control): unknown {
  const raw = control.value.trim();
  if (raw === '') return undefined;
  switch (control.dataset.type as FieldType) {
    case 'bool':
      return raw === 'true';
    case 'integer':
      // A number when it reads as one; otherwise the text goes as typed and the library says what is wrong.
      return /^[+-]?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    default:
      return raw;
  }
}

/** What a request path points at in the form: the control's or row's or block's element. */
type Targets = Map<string, HTMLElement>;

/** Reads the fields of one object (a row, the listing, a scalars block) into `into`; true when any was filled. */
function readFields(container: Element, into: Record<string, unknown>, targets: Targets): boolean {
  let any = false;
  container.querySelectorAll<Control>('[data-key]').forEach((control) => {
    const path = control.dataset.path ?? '';
    const wrapper = control.closest<HTMLElement>('.field');
    if (wrapper) targets.set(path, wrapper);
    const value = valueOf(control);
    if (value === undefined) return;
    into[control.dataset.key ?? ''] = value;
    any = true;
  });
  return any;
}

function subjectKind(): Subject {
  return (document.getElementById('subject-kind') as HTMLSelectElement | null)?.value === 'institution' ? 'institution' : 'enterprise';
}

/** The request the form describes, and where each request path lives in the form. */
function readForm(): { request: Record<string, unknown>; targets: Targets } {
  renumber();
  const targets: Targets = new Map();
  const subject = subjectKind();
  const request: Record<string, unknown> = {};
  const asOf = document.getElementById('as-of') as HTMLInputElement;
  const asOfValue = valueOf(asOf);
  if (asOfValue !== undefined) request.asOf = asOfValue;
  const asOfField = asOf.closest<HTMLElement>('.field');
  if (asOfField) targets.set('asOf', asOfField);

  const body: Record<string, unknown> = {};
  const subjectNode = document.getElementById('subject-field');
  if (subjectNode) targets.set(subject, subjectNode);
  for (const block of BLOCKS) {
    if (!block.subjects.includes(subject)) continue;
    const node = document.querySelector<HTMLElement>(`[data-block="${block.key}"]`);
    if (!node) continue;
    if (block.kind === 'scalars') {
      readFields(node, body, targets);
    } else if (block.kind === 'object') {
      targets.set(`${subject}.${block.key}`, node);
      const object: Record<string, unknown> = {};
      if (readFields(node, object, targets)) body[block.key] = object;
    } else {
      targets.set(`${subject}.${block.key}`, node);
      const items: Record<string, unknown>[] = [];
      node.querySelectorAll<HTMLElement>('[data-row]').forEach((row) => {
        // An empty row is left out, so the request's indices count the filled rows only.
        const item: Record<string, unknown> = {};
        const rowTargets: Targets = new Map();
        if (!readFields(row, item, rowTargets)) return;
        const index = items.length;
        items.push(item);
        targets.set(`${subject}.${block.key}.${index}`, row);
        for (const [path, target] of rowTargets) targets.set(`${subject}.${block.key}.${index}.${path.split('.').pop() ?? ''}`, target);
      });
      if (items.length > 0) body[block.key] = items;
    }
  }
  request[subject] = body;
  return { request, targets };
}

// ------------------------------------------------------------------------------------------------
// Writing a request into the form ("load example")
// ------------------------------------------------------------------------------------------------

const textOf = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

function writeFields(container: Element, from: Record<string, unknown>): void {
  container.querySelectorAll<Control>('[data-key]').forEach((control) => {
    control.value = textOf(from[control.dataset.key ?? '']);
  });
}

/** Fills the form with a request (fields it does not name are emptied). */
function fillForm(request: PolicyRequestInput): void {
  const subject: Subject = request.institution ? 'institution' : 'enterprise';
  const body = (request.institution ?? request.enterprise ?? {}) as Record<string, unknown>;
  (document.getElementById('subject-kind') as HTMLSelectElement).value = subject;
  (document.getElementById('as-of') as HTMLInputElement).value = textOf(request.asOf);
  for (const block of BLOCKS) {
    const node = document.querySelector<HTMLElement>(`[data-block="${block.key}"]`);
    if (!node) continue;
    const ours = block.subjects.includes(subject);
    if (block.kind === 'scalars') {
      writeFields(node, ours ? body : {});
    } else if (block.kind === 'object') {
      const value = ours ? body[block.key] : undefined;
      writeFields(node, typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
    } else {
      node.querySelectorAll('[data-row]').forEach((row) => row.remove());
      const items = ours ? body[block.key] : undefined;
      if (Array.isArray(items)) {
        for (const item of items) writeFields(addRow(block), typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {});
      }
    }
  }
  renumber();
}

// ------------------------------------------------------------------------------------------------
// Paths → labels ("what is still missing", issue summaries)
// ------------------------------------------------------------------------------------------------

const ROOT_LABELS: Record<string, Bi> = { asOf: UI.asOf, enterprise: UI.enterprise, institution: UI.institution };

/** A request path in the form's words: `enterprise.leases.0.areaSqm` → "办公用房租约 › 租约 1 › 面积（平方米）". */
function describePath(path: readonly (string | number)[]): Bi {
  const parts = path.map(String);
  const zh: string[] = [];
  const en: string[] = [];
  const push = (text: Bi): void => {
    zh.push(text.zh);
    en.push(text.en);
  };
  const [root, key, ...rest] = parts;
  if (root === undefined) return { zh: '请求', en: 'the request' };
  if (key === undefined) return ROOT_LABELS[root] ?? { zh: root, en: root };
  const subject = root === 'institution' ? 'institution' : 'enterprise';
  const blocks = BLOCKS.filter((b) => b.subjects.includes(subject));
  const container = blocks.find((b) => b.kind !== 'scalars' && b.key === key);
  const scalar = blocks.flatMap((b) => (b.kind === 'scalars' ? b.fields : [])).find((f) => f.key === key);
  if (container) {
    push(container.title);
    let remaining = rest;
    if (container.kind === 'list' && remaining[0] !== undefined && /^\d+$/.test(remaining[0])) {
      const n = Number(remaining[0]) + 1;
      push({ zh: `${container.rowLabel.zh} ${n}`, en: `${container.rowLabel.en} ${n}` });
      remaining = remaining.slice(1);
    }
    const field = container.fields.find((f) => f.key === remaining[0]);
    if (field) push(field.label);
    else if (remaining.length > 0) push({ zh: remaining.join('.'), en: remaining.join('.') });
  } else if (scalar) {
    push(scalar.label);
  } else {
    push({ zh: [key, ...rest].join('.'), en: [key, ...rest].join('.') });
  }
  return { zh: zh.join(' › '), en: en.join(' › ') };
}

// ------------------------------------------------------------------------------------------------
// Rendering the outcome
// ------------------------------------------------------------------------------------------------

interface State {
  outcome: SafeAssessResult | null;
  error: string | null;
  targets: Targets;
  /** The request the form last built. */
  request: Record<string, unknown>;
}
const state: State = { outcome: null, error: null, targets: new Map(), request: {} };

function clearIssues(): void {
  document.querySelectorAll('.issue').forEach((node) => (node.textContent = ''));
  document.querySelectorAll('.invalid').forEach((node) => node.classList.remove('invalid'));
  document.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}

/** The element an issue belongs to: the deepest known prefix of its path. */
function targetOf(path: readonly (string | number)[]): HTMLElement | undefined {
  for (let n = path.length; n > 0; n--) {
    const target = state.targets.get(path.slice(0, n).join('.'));
    if (target) return target;
  }
  return undefined;
}

function showIssues(issues: readonly PolicyIssue[], results: HTMLElement): void {
  const general = h('ul', { class: 'issue-list' });
  for (const issue of issues) {
    const text = issue[lang];
    const target = targetOf(issue.path);
    if (target) {
      target.classList.add('invalid');
      const slot = target.querySelector(':scope > .issue');
      if (slot) slot.textContent = slot.textContent ? `${slot.textContent}${lang === 'zh' ? '；' : '; '}${text}` : text;
      target.querySelector(':scope > input, :scope > select')?.setAttribute('aria-invalid', 'true');
    }
    const where = t(describePath(issue.path));
    general.append(h('li', {}, h('span', { class: 'where' }, where), colon(), h('span', { class: 'what' }, text), h('code', { class: 'path' }, issue.path.join('.') || '/')));
  }
  results.append(h('div', { class: 'invalid-box', id: 'invalid-box', role: 'alert' }, h('h3', {}, t(UI.invalidTitle)), h('p', {}, t(UI.invalidHint)), general));
}

/**
 * One condition of a checklist; `ask`: whether to point at the fields that would decide it — only where
 * the measure (or line) still needs them: an ineligible one, or money stopped for good, asks for nothing.
 */
const statusItem = (c: MeasureResultOutput['conditions'][number], ask: boolean): HTMLElement =>
  h(
    'li',
    { class: `cond ${c.status}`, 'data-condition': c.id },
    h('span', { class: 'icon', title: t(STATUS_NAMES[c.status]), 'aria-label': t(STATUS_NAMES[c.status]) }, STATUS_ICONS[c.status]),
    h('span', { class: 'cond-text' }, c[lang]),
    h('span', { class: 'tag' }, c.ruling ? `${c.clause} · ${c.ruling}` : c.clause),
    ask && c.missing.length > 0 && h('span', { class: 'cond-missing' }, `→ ${c.missing.map((p) => t(describePath(p.split('.')))).join(lang === 'zh' ? '、' : ', ')}`),
  );

/**
 * The reasons that stop a money measure whatever facts are still to come (G3 case by case, G4 integrity,
 * a breach of G5): such a measure asks for nothing. (Without a commitment, R12, facts still count: the
 * commitment can be signed.)
 */
const FINAL_BLOCKERS: ReadonlySet<string> = new Set(['case-by-case-support', 'integrity-finding', 'commitment-breached']);
const stoppedForGood = (m: MeasureResultOutput): boolean => m.kind === 'money' && m.reasons.some((r) => FINAL_BLOCKERS.has(r.code));

/** Whether a measure still asks for the facts it misses: not when it is ineligible or its money is stopped for good. */
const asks = (m: MeasureResultOutput): boolean => m.outcome !== 'ineligible' && !stoppedForGood(m);

/** G1's conditions are shown once, above: a measure card says only when G1 is not met for it. */
function g1Item(m: MeasureResultOutput): HTMLElement | null {
  const statuses = m.conditions.filter((c) => c.clause === 'G1').map((c) => c.status);
  const status = statuses.includes('unmet') ? 'unmet' : statuses.includes('unknown') ? 'unknown' : 'met';
  if (status === 'met') return null;
  const text = (l: Lang): string => UI.g1Here[l].replace('{status}', STATUS_NAMES[status][l]);
  return h('li', { class: `cond ${status}`, 'data-condition': 'g1' }, h('span', { class: 'icon' }, STATUS_ICONS[status]), h('span', { class: 'cond-text' }, text(lang)), h('span', { class: 'tag' }, 'G1'));
}

const money = (amount: string | null): string => (amount === null ? '—' : groupDigits(amount));
/** An upper bound in words: "1,500,000.00 元", or "no upper bound yet" for `null` (DESIGN §7). */
const upperText = (amount: string | null): string => (amount === null ? t(UI.noUpperBound) : `${groupDigits(amount)} ${t(UI.yuan)}`);
/** The 责任单位 in the page's language (UNIT_NAMES gives the English names). */
const unitNames = (units: readonly string[]): string => (lang === 'zh' ? units.join('、') : units.map((u) => UNIT_NAMES[u] ?? u).join(', '));
/** What a question is worth, in words: DESIGN §7's `atStake` (`null` = unbounded, 0 = service measures only). */
const atStakeText = (q: Question): string => (q.atStake === null ? t(UI.noUpperBound) : q.atStake === '0.00' ? t(UI.atStakeNone) : `${t(UI.atMost)} ${groupDigits(q.atStake)} ${t(UI.yuan)}`);

/** The control that answers a yes/no question in place, when the question's path is one. */
const boolControlAt = (path: string): HTMLSelectElement | null => document.querySelector<HTMLSelectElement>(`select[data-type="bool"][data-path="${CSS.escape(path)}"]`);

/** The next question (`questions[0]`) in plain words, with its answers (yes / no) or a way to the field; then the others. */
function questionPanel(questions: readonly Question[]): HTMLElement {
  const [next, ...others] = questions;
  const panel = h('section', { class: 'next-question', id: 'next-question', 'data-question': next?.path ?? '' }, h('h3', {}, t(UI.nextQuestion)));
  if (next === undefined) {
    panel.append(h('p', {}, t(UI.noQuestions)));
    return panel;
  }
  const control = boolControlAt(next.path);
  const actions = h('div', { class: 'answers' });
  if (control) {
    for (const [value, label] of [['true', UI.yes], ['false', UI.no]] as const) {
      const button = h('button', { type: 'button', class: 'answer', 'data-answer': value }, t(label));
      button.addEventListener('click', () => {
        control.value = value;
        update();
      });
      actions.append(button);
    }
  }
  const go = h('button', { type: 'button', class: control ? 'link' : 'answer', 'data-go': next.path }, t(UI.goToField));
  go.addEventListener('click', () => focusPath(next.path));
  actions.append(go);
  panel.append(
    h('p', { class: 'question' }, next[lang]),
    h(
      'dl',
      { class: 'figures' },
      h('dt', {}, t(UI.atStake)),
      h('dd', { class: 'at-stake' }, atStakeText(next)),
      h('dt', {}, t(UI.holder)),
      h('dd', { class: 'holder' }, next.holder[lang]),
      h('dt', {}, t(UI.helpsDecide)),
      h('dd', {}, next.measures.join(lang === 'zh' ? '、' : ', ')),
    ),
    actions,
  );
  if (others.length > 0) {
    panel.append(
      h(
        'details',
        { class: 'other-questions' },
        h('summary', {}, `${t(UI.otherQuestions)} (${others.length})`),
        h(
          'ol',
          {},
          ...others.map((q) => {
            const button = h('button', { type: 'button', class: 'link', 'data-go': q.path }, q[lang]);
            button.addEventListener('click', () => focusPath(q.path));
            return h('li', { 'data-question': q.path }, button, ' ', h('span', { class: 'at-stake' }, atStakeText(q)));
          }),
        ),
      ),
    );
  }
  return panel;
}

/** A measure's clause: its id and the clause's heading in the policy text (zh); the id alone in English (the title says it). */
const clauseOf = (m: MeasureResultOutput): string => (lang === 'zh' ? `${m.measure} ${m.clause}` : m.measure);

/** A line's amount: what it brings; for a line not eligible with nothing known to bring, no “0.00”. */
function lineAmount(line: LineResultOutput): string {
  if (line.amount === null || line.outcome === 'eligible' || !/^0+\.00$/.test(line.amount)) return money(line.amount);
  return line.outcome === 'undetermined' ? t(UI.amountOpen) : '—';
}

/** The clause of a line: the measure's clause id and text, with the rulings its conditions apply. */
function lineClause(measure: MeasureResultOutput, line: LineResultOutput): string {
  const rulings = [...new Set(line.conditions.map((c) => c.ruling).filter((r): r is NonNullable<typeof r> => r !== undefined))];
  return [clauseOf(measure), ...rulings].join(' · ');
}

function measureCard(m: MeasureResultOutput): HTMLElement {
  const head = h(
    'header',
    {},
    h('span', { class: 'measure-id' }, m.measure),
    h('h4', {}, m.title[lang]),
    h('span', { class: `badge ${m.outcome}`, 'data-outcome': m.outcome }, t(OUTCOME_NAMES[m.outcome])),
  );
  const figures =
    m.kind === 'money'
      ? h(
          'dl',
          { class: 'figures' },
          h('dt', {}, t(UI.amount)),
          h('dd', { 'data-amount': m.measure }, `${money(m.amount)} ${t(UI.yuan)}`),
          h('dt', {}, t(UI.payable)),
          h('dd', { class: 'payable', 'data-payable': m.measure }, `${money(m.payable)} ${t(UI.yuan)}`),
          h('dt', {}, t(UI.payableUpTo)),
          h('dd', { class: 'payable-up-to', 'data-payable-up-to': m.measure }, upperText(m.payableUpTo)),
        )
      : h('p', { class: 'service' }, t(UI.serviceMeasure));
  const clause = h('p', { class: 'clause' }, `${t(UI.clause)}${colon()}${clauseOf(m)}`);
  const conditions = h('ul', { class: 'checklist' }, g1Item(m), ...m.conditions.filter((c) => c.clause !== 'G1').map((c) => statusItem(c, asks(m))));

  const lines =
    m.lines.length > 0
      ? h(
          'table',
          { class: 'lines' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', {}, t(UI.line)), h('th', {}, t(UI.outcome)), ...(m.kind === 'money' ? [h('th', {}, t(UI.amount)), h('th', {}, t(UI.paid)), h('th', {}, t(UI.payable)), h('th', {}, t(UI.payableUpTo))] : []), h('th', {}, t(UI.clause))),
          ),
          h(
            'tbody',
            {},
            ...m.lines.flatMap((line) => {
              const row = h(
                'tr',
                { 'data-line': line.id },
                h('td', {}, line.label[lang]),
                h('td', {}, h('span', { class: `badge ${line.outcome}` }, t(OUTCOME_NAMES[line.outcome]))),
                ...(m.kind === 'money' ? [h('td', { class: 'num' }, lineAmount(line)), h('td', { class: 'num' }, money(line.paid)), h('td', { class: 'num' }, money(line.payable)), h('td', { class: 'num' }, line.payableUpTo === null ? '∞' : money(line.payableUpTo))] : []),
                h('td', { class: 'line-clause' }, lineClause(m, line)),
              );
              if (line.conditions.length === 0) return [row];
              const span = String(m.kind === 'money' ? 7 : 3);
              const ask = asks(m) && line.outcome !== 'ineligible';
              return [row, h('tr', { class: 'line-conditions' }, h('td', { colspan: span }, h('ul', { class: 'checklist small' }, ...line.conditions.map((c) => statusItem(c, ask)))))];
            }),
          ),
        )
      : null;

  const reasons = m.reasons.length > 0 ? h('ul', { class: 'reasons' }, ...m.reasons.map((r) => h('li', {}, h('span', { class: 'tag' }, r.clause), ' ', r[lang]))) : null;
  const units = m.responsibleUnits.length > 0 ? h('p', { class: 'units' }, `${t(UI.responsibleUnits)}${colon()}${unitNames(m.responsibleUnits)}`) : null;
  return h(
    'article',
    { class: `measure ${m.outcome}`, 'data-measure': m.measure },
    head,
    figures,
    clause,
    h('h5', {}, t(UI.conditions)),
    conditions,
    lines && h('h5', {}, t(UI.lines)),
    lines,
    reasons,
    units,
  );
}

/** Every missing path of the result, once, in order of appearance. */
function missingPaths(result: AssessmentResult): string[] {
  // G1's facts unless G1 already fails; each measure's `missing` (none when it is ineligible), unless its money is stopped for good.
  const g1 = result.applicability.outcome === 'ineligible' ? [] : result.applicability.conditions.flatMap((c) => c.missing);
  return [...new Set([...g1, ...result.measures.filter((m) => !stoppedForGood(m)).flatMap((m) => m.missing)])];
}

function focusPath(path: string): void {
  const target = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  const control = target?.matches('input, select') ? target : target?.querySelector<HTMLElement>('input, select, button.add');
  (control ?? target)?.focus();
  (control ?? target)?.scrollIntoView({ block: 'center' });
}

function showResult(result: AssessmentResult, results: HTMLElement): void {
  const total = h(
    'div',
    { class: 'total' },
    h('span', { class: 'total-label' }, t(UI.totalPayable)),
    h('span', { class: 'bound-word' }, t(UI.atLeast)),
    h('output', { id: 'total-payable', 'data-value': result.totalPayable }, groupDigits(result.totalPayable)),
    h('span', { class: 'unit' }, t(UI.yuan)),
    h('span', { class: 'bound-word' }, t(UI.atMost)),
    h('output', { id: 'total-payable-up-to', 'data-value': result.totalPayableUpTo ?? 'null' }, result.totalPayableUpTo === null ? t(UI.noUpperBound) : groupDigits(result.totalPayableUpTo)),
    result.totalPayableUpTo !== null && h('span', { class: 'unit' }, t(UI.yuan)),
    result.totalPayableUpTo === result.totalPayable && h('span', { class: 'badge eligible settled' }, t(UI.settled)),
  );
  const summary = h(
    'p',
    { class: 'summary' },
    `${result.subject.kind === 'enterprise' ? t(UI.enterprise) : t(UI.institution)} ${result.subject.id} · ${t(UI.asOf)} ${result.asOf} · ${t(UI.edition)} ${result.edition.id}`,
  );

  const missing = missingPaths(result);
  const missingBox = h(
    'section',
    { class: 'missing', id: 'missing' },
    h('h3', {}, t(UI.missing)),
    missing.length === 0
      ? h('p', {}, t(UI.noneMissing))
      : h(
          'ul',
          {},
          ...missing.map((path) => {
            const button = h('button', { type: 'button', class: 'link', 'data-missing': path }, t(describePath(path.split('.'))));
            button.addEventListener('click', () => focusPath(path));
            return h('li', {}, button, ' ', h('code', { class: 'path' }, path));
          }),
        ),
  );

  const warnings =
    result.warnings.length > 0 ? h('section', { class: 'warnings', id: 'warnings' }, h('h3', {}, t(UI.warnings)), h('ul', {}, ...result.warnings.map((w) => h('li', { 'data-warning': w.code }, w[lang])))) : null;

  const applicability = h(
    'section',
    { class: 'applicability' },
    h('h3', {}, t(UI.applicability), ' ', h('span', { class: `badge ${result.applicability.outcome}` }, t(OUTCOME_NAMES[result.applicability.outcome]))),
    h('ul', { class: 'checklist' }, ...result.applicability.conditions.map((c) => statusItem(c, result.applicability.outcome !== 'ineligible'))),
    ...result.applicability.reasons.map((r) => h('p', { class: 'reason' }, r[lang])),
  );

  const cb = result.clawback;
  const clawback =
    cb.breached || cb.items.length > 0
      ? h(
          'section',
          { class: `clawback${cb.breached ? ' breached' : ''}` },
          h('h3', {}, t(UI.clawback)),
          h(
            'dl',
            { class: 'figures' },
            h('dt', {}, t(UI.breached)),
            h('dd', {}, cb.breached ? t(UI.yes) : t(UI.no)),
            cb.breachedOn !== null && h('dt', {}, t(UI.breachedOn)),
            cb.breachedOn !== null && h('dd', {}, `${cb.breachedOn}${cb.registration ? ` (${cb.registration})` : ''}`),
            h('dt', {}, t(UI.clawbackAmount)),
            h('dd', {}, `${groupDigits(cb.amount)} ${t(UI.yuan)}`),
            cb.freeToLeaveAfter !== null && h('dt', {}, t(UI.freeToLeaveAfter)),
            cb.freeToLeaveAfter !== null && h('dd', {}, cb.freeToLeaveAfter),
          ),
        )
      : null;

  results.append(total, summary, questionPanel(result.questions), missingBox, warnings ?? '', applicability, h('h3', {}, t(UI.measures)), ...result.measures.map(measureCard), clawback ?? '');
}

/** `{ a: { b: [1] } }` → `[['a.b.0', '1']]`: the facts of a request, one line each, for the printed summary. */
function flatten(value: unknown, prefix: string, into: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${prefix}.${i}`, into));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  else into.push([prefix, String(value)]);
  return into;
}

/**
 * The one-page summary the print stylesheet shows under the page's title and notice (the notice is on
 * the page once): results first (money measures with their bounds, the total, the next questions), then
 * the case as entered.
 */
function printSummary(result: AssessmentResult, request: Record<string, unknown>): HTMLElement {
  const money = result.measures.filter((m) => m.kind === 'money');
  const services = result.measures.filter((m) => m.kind !== 'money');
  const cell = (text: string, cls = ''): HTMLElement => h('td', cls ? { class: cls } : {}, text);
  const table = h(
    'table',
    { class: 'lines' },
    h('thead', {}, h('tr', {}, h('th', {}, t(UI.summaryMeasure)), h('th', {}, t(UI.outcome)), h('th', {}, `${t(UI.payable)} (${t(UI.atLeast)})`), h('th', {}, t(UI.payableUpTo)))),
    h('tbody', {}, ...money.map((m) => h('tr', { 'data-summary-measure': m.measure }, cell(`${m.measure} ${m.title[lang]}`), cell(t(OUTCOME_NAMES[m.outcome])), cell(groupDigits(m.payable ?? '0.00'), 'num'), cell(m.payableUpTo === null ? '∞' : groupDigits(m.payableUpTo), 'num')))),
    h('tfoot', {}, h('tr', {}, h('th', { colspan: '2' }, t(UI.totalPayable)), h('th', { class: 'num', id: 'summary-total' }, groupDigits(result.totalPayable)), h('th', { class: 'num', id: 'summary-total-up-to' }, result.totalPayableUpTo === null ? '∞' : groupDigits(result.totalPayableUpTo)))),
  );
  const facts = flatten(request, '');
  return h(
    'div',
    {},
    h('p', { class: 'summary' }, `${result.subject.kind === 'enterprise' ? t(UI.enterprise) : t(UI.institution)} ${result.subject.id} · ${t(UI.asOf)} ${result.asOf} · ${t(UI.edition)} ${result.edition.id} · ${t(UI.amountsIn)}`),
    table,
    result.totalPayableUpTo === null ? h('p', {}, `${t(UI.atMost)}${colon()}${t(UI.noUpperBound)}`) : null,
    h('p', { class: 'services' }, `${t(UI.serviceMeasure)}${colon()}${services.map((m) => `${m.measure} ${t(OUTCOME_NAMES[m.outcome])}`).join(lang === 'zh' ? '；' : '; ')}`),
    result.questions.length > 0 && h('h2', {}, t(UI.nextQuestion)),
    result.questions.length > 0 && h('ol', { class: 'summary-questions' }, ...result.questions.slice(0, 5).map((q) => h('li', {}, `${q[lang]} — ${atStakeText(q)} — ${q.holder[lang]}`))),
    h('h2', {}, t(UI.summaryCase)),
    h('dl', { class: 'summary-facts' }, ...facts.flatMap(([path, value]) => [h('dt', {}, t(describePath(path.split('.')))), h('dd', {}, value)])),
  );
}

/** Shows the current outcome (again, after a language switch). */
function render(): void {
  const results = document.getElementById('results-body');
  if (!results) return;
  clearIssues();
  results.replaceChildren();
  const outcome = state.outcome;
  if (state.error !== null) {
    results.append(h('p', { class: 'error', role: 'alert' }, t(UI.internalError), state.error));
  } else if (outcome && !outcome.ok) {
    showIssues(outcome.issues, results);
  } else if (outcome?.ok) {
    showResult(outcome.value, results);
  }
  document.getElementById('print-summary')?.replaceChildren(...(outcome?.ok ? [printSummary(outcome.value, state.request)] : []));
  results.dataset.state = state.error !== null ? 'error' : outcome === null ? 'empty' : outcome.ok ? 'ok' : 'invalid';
}

// ------------------------------------------------------------------------------------------------
// Wiring
// ------------------------------------------------------------------------------------------------

/** Builds the request from the form, assesses it and shows the outcome. */
function update(): void {
  const { request, targets } = readForm();
  state.targets = targets;
  state.request = request;
  storeCase(request);
  const json = document.getElementById('request-json');
  if (json) json.textContent = JSON.stringify(request, null, 2);
  try {
    state.outcome = safeAssessUnknown(request);
    state.error = null;
  } catch (error) {
    state.outcome = null;
    state.error = error instanceof Error ? error.message : String(error);
  }
  render();
}

// ------------------------------------------------------------------------------------------------
// The case: today's date, the browser's storage, a JSON file
// ------------------------------------------------------------------------------------------------

/** Today in the browser's time zone, `YYYY-MM-DD`: the page reads the clock, the library never does. */
function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The ID a new case starts with (the library requires one; any name will do). */
const DEFAULT_ID = 'my-case';

/** A new case: assessed as of today, an enterprise with the default ID and nothing else known. */
const blankCase = (): PolicyRequestInput => ({ asOf: today(), enterprise: { id: DEFAULT_ID } });

/** Where the browser keeps the case between visits. */
const STORAGE_KEY = 'mentougou-srdi-calculator.case';

/** Keeps the request in localStorage (quietly does nothing where storage is unavailable or full). */
function storeCase(request: Record<string, unknown>): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(request));
  } catch {
    // Private browsing or storage disabled: the case simply is not kept.
  }
}

/** A saved case read back: an object with an `enterprise` or `institution` object, or null. */
function asCase(value: unknown): PolicyRequestInput | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const body = record.enterprise ?? record.institution;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (record as PolicyRequestInput) : null;
}

function storedCase(): PolicyRequestInput | null {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text === null ? null : asCase(JSON.parse(text));
  } catch {
    return null;
  }
}

/** A line under the toolbar about the case (opened, restored, or why a file could not be opened). */
function caseMessage(text: Bi | null, suffix = '', isError = false): void {
  const node = document.getElementById('case-message');
  if (!node) return;
  node.classList.toggle('error', isError);
  if (text === null) {
    node.textContent = '';
    texts.delete(node);
    node.removeAttribute('data-t');
    return;
  }
  const full = { zh: text.zh + suffix, en: text.en + suffix };
  texts.set(node, full);
  node.setAttribute('data-t', '');
  node.textContent = full[lang];
}

/** Offers the request as a JSON file (`<id>-<asOf>.json`), the same JSON the CLI and `assess` read. */
function saveCaseFile(): void {
  const request = state.request;
  const body = (request.enterprise ?? request.institution ?? {}) as Record<string, unknown>;
  const name = `${String(body.id ?? 'case').replace(/[^\w.-]+/g, '_') || 'case'}-${String(request.asOf ?? '')}.json`;
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(request, null, 2)}\n`], { type: 'application/json' }));
  const link = h('a', { href: url, download: name, hidden: '' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function openCaseFile(file: File): Promise<void> {
  let parsed: PolicyRequestInput | null = null;
  try {
    parsed = asCase(JSON.parse(await file.text()));
  } catch {
    parsed = null;
  }
  if (parsed === null) {
    caseMessage(UI.openFailed, '', true);
    return;
  }
  fillForm(parsed);
  update();
  caseMessage(UI.opened, file.name);
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Debounced `update` (100 ms), for typing. */
function schedule(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    update();
  }, 100);
}

function buildPage(): void {
  const form = document.getElementById('calc-form');
  const toolbar = document.getElementById('toolbar');
  const resultsTitle = document.getElementById('results-title');
  const header = document.getElementById('page-header');
  if (!form || !toolbar || !resultsTitle || !header) throw new Error('calculator: index.html is missing its containers');

  header.replaceChildren(tr('h1', UI.pageTitle), tr('p', UI.notice, { class: 'notice', id: 'notice', role: 'note' }), tr('p', UI.intro, { class: 'intro' }));
  if (!document.getElementById('print-summary')) document.body.append(h('section', { id: 'print-summary', class: 'print-summary' }));

  const langButton = tr('button', UI.langToggle, { type: 'button', id: 'lang-toggle', lang: 'en' });
  langButton.addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    langButton.setAttribute('lang', lang === 'zh' ? 'en' : 'zh');
    applyLanguage();
    renumber();
    render();
  });
  const example = tr('button', UI.loadExample, { type: 'button', id: 'load-example' });
  example.addEventListener('click', () => {
    fillForm(EXAMPLE_02);
    update();
  });
  const clear = tr('button', UI.clear, { type: 'button', id: 'clear' });
  clear.addEventListener('click', () => {
    fillForm(blankCase());
    caseMessage(null);
    update();
  });
  const save = tr('button', UI.saveCase, { type: 'button', id: 'save-case' });
  save.addEventListener('click', saveCaseFile);
  const fileInput = h('input', { type: 'file', id: 'open-case-file', accept: 'application/json,.json', hidden: '' });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) void openCaseFile(file);
  });
  const open = tr('button', UI.openCase, { type: 'button', id: 'open-case' });
  open.addEventListener('click', () => fileInput.click());
  const print = tr('button', UI.print, { type: 'button', id: 'print' });
  print.addEventListener('click', () => window.print());
  toolbar.replaceChildren(example, clear, save, open, fileInput, print, langButton, h('span', { id: 'case-message', class: 'case-message', role: 'status' }));

  const subjectSelect = h('select', { id: 'subject-kind' }, tr('option', UI.enterprise, { value: 'enterprise' }), tr('option', UI.institution, { value: 'institution' }));
  subjectSelect.addEventListener('change', () => {
    renumber();
    update();
  });
  const top = h(
    'fieldset',
    { class: 'block block-top' },
    tr('legend', UI.formTitle),
    h(
      'div',
      { class: 'grid' },
      h('div', { class: 'field field-date' }, tr('label', UI.asOf, { for: 'as-of' }), h('input', { id: 'as-of', type: 'text', 'data-type': 'date', 'data-path': 'asOf', placeholder: DATE, inputmode: 'numeric', maxlength: '10', autocomplete: 'off', 'aria-describedby': 'as-of-issue' }), h('span', { class: 'issue', id: 'as-of-issue', role: 'alert' })),
      h('div', { class: 'field field-choice', id: 'subject-field' }, tr('label', UI.subjectKind, { for: 'subject-kind' }), subjectSelect, h('span', { class: 'issue', role: 'alert' })),
    ),
  );
  form.replaceChildren(top, ...BLOCKS.map(blockElement), h('details', { class: 'request' }, tr('summary', UI.requestJson), h('pre', { id: 'request-json' })));
  resultsTitle.replaceChildren(tr('span', UI.results));

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', (event) => event.preventDefault());

  document.getElementById('boot-note')?.remove();
  // The case kept in this browser, or a new one as of today: either way the page opens without errors.
  const kept = storedCase();
  fillForm(kept ?? blankCase());
  renumber();
  applyLanguage();
  update();
  if (kept) caseMessage(UI.restored);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', buildPage);
else buildPage();
