/**
 * The bilingual message catalogue: every input issue, reason and warning the library reports,
 * keyed by a stable code, in Chinese and in English. Codes never change meaning; texts may improve.
 */
import type { Bilingual } from './trace.js';

/** Parameters of a message: plain values, or a value in each language. */
export type MessageParams = Record<string, string | number | Bilingual>;

/**
 * A template split at its parameters once (its literal parts at even places, the parameters' names at
 * odd places); the templates are the catalogue's, a set of a few dozen strings.
 */
const TEMPLATE_PARTS = new Map<string, readonly string[]>();

const partsOf = (template: string): readonly string[] => {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) TEMPLATE_PARTS.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
};

const fill = (template: string, params: MessageParams, lang: 'zh' | 'en'): string => {
  const parts = partsOf(template);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    const value = params[key];
    text += value === undefined ? `{${key}}` : typeof value === 'object' ? value[lang] : String(value);
    text += parts[i + 1]!;
  }
  return text;
};

/**
 * Input issues: what is wrong with a request, at a path.
 *
 * @example
 * ```ts
 * import { ISSUE_MESSAGES } from 'mentougou-srdi';
 *
 * // Every input issue code with its Chinese and English message.
 * console.log(ISSUE_MESSAGES['unknown-key'].en); // unknown field: {key}
 * ```
 */
export const ISSUE_MESSAGES = {
  'invalid-type': { zh: '类型错误：应为{expected}', en: 'wrong type: expected {expected}' },
  required: { zh: '必填项缺失', en: 'required' },
  'unknown-key': { zh: '不允许的字段：{key}', en: 'unknown field: {key}' },
  'forbidden-key': { zh: '不允许的字段名：{key}', en: 'forbidden field name: {key}' },
  'invalid-value': { zh: '取值无效，应为：{options}', en: 'invalid value; expected one of: {options}' },
  'empty-string': { zh: '不能为空字符串', en: 'must not be empty' },
  'too-long': { zh: '过长：最多 {maximum} 个字符', en: 'too long: at most {maximum} characters' },
  'not-an-integer': { zh: '应为整数', en: 'must be a whole number' },
  'out-of-range': { zh: '超出范围：应在 {minimum} 至 {maximum} 之间', en: 'out of range: must be from {minimum} to {maximum}' },
  'invalid-date': { zh: '不是有效的日期（应为真实存在的 YYYY-MM-DD 日期）', en: 'not a real calendar date (YYYY-MM-DD)' },
  'invalid-money': { zh: '金额无效：应为非负的十进制数字字符串或数值（单位：元）', en: 'invalid amount: expected a non-negative decimal string or number of yuan' },
  'negative-money': { zh: '金额不能为负数', en: 'amount must not be negative' },
  'money-not-finite': { zh: '金额必须是有限数值', en: 'amount must be a finite number' },
  'money-too-large': { zh: '金额位数过多（整数部分最多 {maximum} 位，有效数字最多 {digits} 位）', en: 'amount has too many digits (at most {maximum} before the point and {digits} significant digits in all)' },
  'credit-code-format': { zh: '统一社会信用代码格式错误：应为 18 位（数字或不含 I、O、S、V、Z 的大写字母）', en: 'unified social credit code: expected 18 characters (digits or capital letters other than I, O, S, V, Z)' },
  'credit-code-check': { zh: '统一社会信用代码校验位错误（GB 32100-2015）：应为 {expected}', en: 'unified social credit code: wrong check character (GB 32100-2015): expected {expected}' },
  'event-after-as-of': { zh: '事件日期 {date} 晚于评估日 asOf {asOf}', en: 'event date {date} is after asOf {asOf}' },
  'registrations-order': { zh: '同一类登记（{kind}）须严格按时间先后排列：{date} 不晚于前一条 {previous}', en: 'registrations of one kind ({kind}) must be strictly oldest first: {date} is not after {previous}' },
  'lease-end-before-start': { zh: '租约结束日 {end} 早于开始日 {start}', en: 'lease end {end} is before its start {start}' },
  'board-not-existing': { zh: '{board} 板块在 {date} 不存在（{noteZh}）', en: 'the {board} board did not exist on {date} ({noteEn})' },
  'm3-year-required': { zh: 'M3（房租补贴）须注明所属年度 year', en: 'an M3 (rent subsidy) entry needs its support year' },
  'm5-enterprise-required': { zh: 'M5（服务机构奖励）须注明所引进的企业 enterpriseId', en: 'an M5 (institution reward) disbursement needs the enterpriseId of the introduced enterprise' },
  'subject-required': { zh: '须且仅须提供一个主体：enterprise 或 institution', en: 'exactly one subject is required: enterprise or institution' },
  'duplicate-id': { zh: '标识重复：{id}', en: 'duplicate id: {id}' },
  'duplicate-year': { zh: '年度重复：{year}', en: 'duplicate year: {year}' },
  'too-deep': { zh: '嵌套层级过深', en: 'nested too deeply' },
  'too-many': { zh: '条目过多：最多 {maximum} 条', en: 'too many entries: at most {maximum}' },
  unreadable: { zh: '无法读取请求：读取 {at} 时出错', en: 'the request cannot be read: reading {at} failed' },
  'window-reversed': { zh: '有效期起始日 {from} 晚于截止日 {to}', en: 'the period of validity starts ({from}) after it ends ({to})' },
  'years-reversed': { zh: '房租补贴首个支持年度 {first} 晚于最后支持年度 {last}', en: 'the first rent-subsidy support year ({first}) is after the last ({last})' },
  'not-an-edition-change': { zh: '版本修改须为对象（如 { m3: { years: 2 } }）', en: 'changes to an edition must be an object (such as { m3: { years: 2 } })' },
  'assignment-repeated': { zh: '参数 {path} 被赋值两次', en: 'parameter {path} is set twice' },
  'assignment-overlaps': { zh: '参数 {path} 与 {other} 重叠（一个包含另一个），不能同时赋值', en: 'parameter {path} and {other} overlap (one contains the other); set one of them' },
  invalid: { zh: '输入无效', en: 'invalid input' },
} as const satisfies Record<string, Bilingual>;

/** An input issue's code. */
export type IssueCode = keyof typeof ISSUE_MESSAGES;

/**
 * Reasons attached to a measure's result (why payable differs from amount, or why it is out).
 *
 * @example
 * ```ts
 * import { REASON_MESSAGES } from 'mentougou-srdi';
 *
 * // The reasons a measure's payable differs from its amount; `{name}` marks a parameter.
 * console.log(Object.keys(REASON_MESSAGES).includes('commitment-required')); // true
 * ```
 */
export const REASON_MESSAGES = {
  'not-applicable': { zh: '不符合适用范围（第八条第一款）：{detail}', en: 'outside the scope of the measures (G1): {detail}' },
  'already-paid': { zh: '已兑现 {paid} 元，仅补差额', en: '{paid} yuan already paid under this measure; only the difference is payable' },
  'overlap-other-more-favourable': { zh: '从优不重复：已享受的{program}（{other} 元）不低于本措施（{ours} 元），本措施不予兑现', en: 'most favourable, no duplication: {program} ({other} yuan) is at least what this measure gives ({ours} yuan), so this measure pays nothing' },
  'overlap-forgo-other': { zh: '从优不重复：本措施（{ours} 元）优于{program}（{other} 元），须放弃后者', en: 'most favourable, no duplication: this measure ({ours} yuan) beats {program} ({other} yuan), which must be forgone' },
  'case-by-case-support': { zh: '已通过“一企一策”“一事一议”方式给予支持（自 {from} 起），资金类措施不适用', en: 'already supported case by case (since {from}); money measures do not apply' },
  'integrity-finding': { zh: '存在{finding}（{on}），取消享受资金支持资格，计入企业诚信系统，不再予以政府财政资金支持', en: '{finding} found ({on}): the right to money support is cancelled, the case goes to the credit record, and no further fiscal funds are given' },
  'commitment-required': { zh: '申请资金支持须承诺 {years} 年内工商注册和税务登记不迁离本区，尚无承诺', en: 'money support requires the commitment not to move the business and tax registrations out of the district for {years} years; none is recorded' },
  'commitment-breached': { zh: '已违反留区承诺（{on} {registration}迁出），不再兑现资金支持', en: 'the retention commitment was breached ({registration} registration out of the district on {on}); no money is payable' },
} as const satisfies Record<string, Bilingual>;

/** A reason's code. */
export type ReasonCode = keyof typeof REASON_MESSAGES;

/**
 * Warnings on a whole result.
 *
 * @example
 * ```ts
 * import { WARNING_MESSAGES } from 'mentougou-srdi';
 *
 * console.log(WARNING_MESSAGES['credit-record'].zh); // 本案将计入企业诚信系统，不再予以政府财政资金支持
 * ```
 */
export const WARNING_MESSAGES = {
  'window-assumed': { zh: '政策有效期在征求意见稿中为空，本版本假定为 {from} 至 {to}', en: 'the draft leaves the period of validity blank; this edition assumes {from} to {to}' },
  'forgo-other-benefit': { zh: '{measure}：须放弃{program}（{other} 元），因本措施更优（从优不重复）', en: '{measure}: {program} ({other} yuan) must be forgone, as this measure gives more (most favourable, no duplication)' },
  'registration-timeline-unknown': { zh: '无{kind}记录，无法判断是否违反留区承诺', en: 'no {kind} registration timeline: whether the retention commitment holds cannot be told for it' },
  'credit-record': { zh: '本案将计入企业诚信系统，不再予以政府财政资金支持', en: 'this case goes to the enterprise credit record; no further fiscal funds are given' },
  'clawback-due': { zh: '已违反留区承诺，区政府有权追回 {amount} 元', en: 'the retention commitment is breached; the district may recover {amount} yuan' },
} as const satisfies Record<string, Bilingual>;

/** A warning's code. */
export type WarningCode = keyof typeof WARNING_MESSAGES;

/** The text of a catalogue entry with its parameters filled in. */
export function message(entry: Bilingual, params: MessageParams = {}): Bilingual {
  return { zh: fill(entry.zh, params, 'zh'), en: fill(entry.en, params, 'en') };
}

/** Chinese and English names of the designation levels, as the text writes them. */
export const LEVEL_NAMES = {
  'municipal-sme': { zh: '北京市“专精特新”中小企业', en: 'Beijing SRDI SME' },
  'municipal-little-giant': { zh: '北京市专精特新“小巨人”', en: 'Beijing SRDI little giant' },
  'national-little-giant': { zh: '国家级专精特新“小巨人”', en: 'national SRDI little giant' },
} as const satisfies Record<string, Bilingual>;

/**
 * The words every statement uses (`explain`, the CLI, the calculator, the analysis tables), once: what a
 * result is (a reference, not a decision) and what its two amounts are called.
 *
 * @example
 * ```ts
 * import { STATEMENT_TERMS } from 'mentougou-srdi';
 *
 * console.log(STATEMENT_TERMS.notice.zh); // 仅供参考，不构成行政决定
 * console.log(STATEMENT_TERMS.entitlement.en); // entitlement
 * ```
 */
export const STATEMENT_TERMS = {
  /** The notice on every statement and page: the result is an estimate, the decision is the district's. */
  notice: { zh: '仅供参考，不构成行政决定', en: 'for reference only, not an administrative decision' },
  /** A money measure's `amount`: the entitlement under the measure alone. */
  entitlement: { zh: '应享金额', en: 'entitlement' },
  /** A money measure's `payable`: what is left to pay after G2–G5 and what was already paid. */
  payableNow: { zh: '本次可兑现', en: 'payable now' },
  /** The result's `totalPayable`. */
  totalPayableNow: { zh: '本次可兑现合计', en: 'Total payable now' },
  /** A line's `paid`: what `disbursements` show was paid for it. */
  paid: { zh: '已兑现', en: 'already paid' },
} as const satisfies Record<string, Bilingual>;

/** The money measures by a short name, for summaries and tables where the full title does not fit. */
export const MONEY_MEASURE_NAMES = {
  M1: { zh: '称号奖励', en: 'designation reward' },
  M2: { zh: '入区奖励', en: 'move-in reward' },
  M3: { zh: '房租补贴', en: 'rent subsidy' },
  M5: { zh: '服务机构奖励', en: 'institution reward' },
  M7: { zh: '上市奖励', en: 'listing reward' },
} as const satisfies Record<string, Bilingual>;

/**
 * The names of the other programmes a request may name in `otherBenefits[].program`, where the policy
 * text names them: M3's “中关村门头沟园……房租补贴政策”. Any other id is shown as given.
 */
export const PROGRAM_NAMES: Readonly<Record<string, Bilingual>> = {
  'zgc-mentougou-park': { zh: '中关村门头沟园房租补贴', en: 'the ZGC Mentougou Park rent subsidy' },
};

/**
 * Programmes as a sentence names them: by their names where known (`zgc-mentougou-park` →
 * 中关村门头沟园房租补贴), else as “the other programme "<id>"”, so that a raw id never reads as a word of
 * the sentence. Ids are taken once each, in the order given.
 *
 * @example programNames(['zgc-mentougou-park']).zh // '中关村门头沟园房租补贴'
 * @example programNames(['city-srdi-award', 'park-award']).en // 'the other programmes “city-srdi-award”, “park-award”'
 */
export function programNames(programs: readonly string[]): Bilingual {
  const ids = [...new Set(programs)];
  const known = ids.flatMap((id) => (Object.hasOwn(PROGRAM_NAMES, id) ? [PROGRAM_NAMES[id]!] : []));
  const others = ids.filter((id) => !Object.hasOwn(PROGRAM_NAMES, id)).map((id) => `“${id}”`);
  const zh = known.map((n) => n.zh);
  const en = known.map((n) => n.en);
  if (others.length > 0) {
    zh.push(`其他政策${others.join('、')}`);
    en.push(`the other programme${others.length > 1 ? 's' : ''} ${others.join(', ')}`);
  }
  return { zh: zh.join('、'), en: en.join(' and ') };
}

/**
 * A request path as prose names it: the path itself, with a position in a list counted from 1 as people
 * count (`institution.introducedEnterprises.3.highestLevel` is the 4th introduced enterprise). Paths in
 * JSON (`missing`, issues) stay JSON paths, counted from 0; only statements use this.
 *
 * @example pathInProse('institution.introducedEnterprises.3.highestLevel').zh // 'institution.introducedEnterprises 第 4 项的 highestLevel'
 * @example pathInProse('institution.introducedEnterprises.3.highestLevel').en // 'highestLevel of item 4 of institution.introducedEnterprises'
 */
export function pathInProse(path: string): Bilingual {
  const parts = path.split('.');
  const at = parts.findIndex((part, i) => i > 0 && /^\d+$/.test(part));
  if (at < 0) return { zh: path, en: path };
  const list = parts.slice(0, at).join('.');
  const n = Number(parts[at]) + 1;
  const rest = parts.slice(at + 1).join('.');
  if (rest === '') return { zh: `${list} 第 ${n} 项`, en: `item ${n} of ${list}` };
  const inner = pathInProse(rest);
  return { zh: `${list} 第 ${n} 项的 ${inner.zh}`, en: `${inner.en} of item ${n} of ${list}` };
}
