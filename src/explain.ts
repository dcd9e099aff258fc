/**
 * `explain`: a statement a caseworker can hand to the enterprise or institution, for reference only
 * (it is not an administrative decision, and says so first).
 *
 * A summary comes first and fits on one screen: the subject, the total payable now and each money
 * measure's entitlement and payable, why money is not payable (G3, G4, G5, once), which measures are
 * met, open or out, what is still needed (each path once, with the measures it would decide), G1, the
 * retention commitment and the warnings. Then measure by measure: G1's conditions once, and per measure
 * its own conditions with ✓ / ✗ / ?, its lines, its reasons and its clause.
 *
 * The rules of the statement (issue 14): one set of terms (应享金额 / 本次可兑现, entitlement / payable
 * now, `STATEMENT_TERMS`); money always grouped; an ineligible measure, and a money measure that can
 * pay nothing whatever the facts (G3, G4, a breach), asks for nothing; positions in lists counted from
 * 1 (`pathInProse`); “not breached” only where a commitment was signed or a payment implies one.
 */
import { MONEY_MEASURE_NAMES, pathInProse, STATEMENT_TERMS } from './core/messages.js';
import type { Bilingual } from './core/trace.js';
import { formatMoneyGrouped, Money } from './core/money.js';
import type { Status } from './core/decision.js';
import type { AssessmentResult, LineResultOutput, MeasureResultOutput } from './model/result.js';

/** Options of `explain`. */
export interface ExplainOptions {
  /** Language of the statement: Chinese (default) or English. */
  lang?: 'zh' | 'en';
}

type Lang = 'zh' | 'en';
type Condition = MeasureResultOutput['conditions'][number];

const MARK = { met: '✓', unmet: '✗', unknown: '?' } as const;

/**
 * The reasons that stop every money measure of the subject (R10, R11, R12, R13): the same on each, so
 * stated once, in the summary.
 */
const MONEY_BLOCKERS: ReadonlySet<string> = new Set(['case-by-case-support', 'integrity-finding', 'commitment-required', 'commitment-breached']);
/** Of those, the ones no fact still to provide can lift (G3, G4, a breach): such a measure asks for nothing. */
const FINAL_BLOCKERS: ReadonlySet<string> = new Set(['case-by-case-support', 'integrity-finding', 'commitment-breached']);

const TEXT = {
  zh: {
    colon: '：',
    semicolon: '；',
    list: '、',
    title: `门头沟区“专精特新”措施评估（${STATEMENT_TERMS.notice.zh}）`,
    subject: (r: AssessmentResult) => `${r.subject.kind === 'enterprise' ? '企业' : '服务机构'} ${r.subject.id} · 评估日 ${r.asOf} · 政策版本 ${r.edition.id}`,
    applicability: '适用范围（G1）',
    outcome: { eligible: '符合', ineligible: '不符合', undetermined: '待定（信息不足）' },
    status: { met: '符合', unmet: '不符合', unknown: '待定' } satisfies Record<Status, string>,
    g1Here: (status: string) => `适用范围（G1）：${status}（见上文）`,
    service: '服务类措施（无资金）',
    responsible: '责任单位',
    blocked: '资金类措施本次均不予兑现',
    blockedHere: (clauses: string) => `本次不予兑现（${clauses}），见摘要`,
    eligibleServices: '符合的服务类措施',
    undetermined: '待定',
    ineligible: '不符合',
    needed: '尚需提供',
    neededNone: '尚需提供：无（各项措施均可判断）',
    forAll: 'G1，各项措施',
    details: '—— 逐项说明 ——',
    clawback: '留区承诺（G5）',
    breached: (on: string, reg: string, amount: string) => `已于 ${on} 违反承诺（${reg}迁出），可追回 ${amount} 元`,
    registration: { business: '工商注册', tax: '税务登记', both: '工商注册和税务登记' },
    notBreached: '未违反承诺',
    implied: '（已兑现资金视为已承诺）',
    noCommitment: '尚未作出承诺',
    free: (d: string | null, years: number) => (d ? `最后一笔资金的 ${years} 年期限至 ${d} 届满` : '尚无已兑现资金'),
    warnings: '提示',
    yuan: (amount: string) => `${amount} 元`,
    wouldBring: (amount: string) => `如符合可得 ${amount} 元，不计入${STATEMENT_TERMS.entitlement.zh}`,
    amountOpen: '金额待定',
  },
  en: {
    colon: ': ',
    semicolon: '; ',
    list: ', ',
    title: `Mentougou SRDI measures — assessment (${STATEMENT_TERMS.notice.en})`,
    subject: (r: AssessmentResult) => `${r.subject.kind} ${r.subject.id} · as of ${r.asOf} · policy edition ${r.edition.id}`,
    applicability: 'Applicability (G1)',
    outcome: { eligible: 'eligible', ineligible: 'not eligible', undetermined: 'undetermined (facts missing)' },
    status: { met: 'met', unmet: 'not met', unknown: 'unknown' } satisfies Record<Status, string>,
    g1Here: (status: string) => `applicability (G1): ${status} (see above)`,
    service: 'service measure (no money)',
    responsible: 'responsible units',
    blocked: 'No money measure is payable now',
    blockedHere: (clauses: string) => `not payable now (${clauses}); see the summary`,
    eligibleServices: 'Service measures met',
    undetermined: 'Undetermined',
    ineligible: 'Not eligible',
    needed: 'Still needed',
    neededNone: 'Still needed: nothing (every measure can be decided)',
    forAll: 'G1, every measure',
    details: '—— Measure by measure ——',
    clawback: 'Retention commitment (G5)',
    breached: (on: string, reg: string, amount: string) => `breached on ${on} (${reg}); ${amount} yuan may be recovered`,
    registration: { business: 'business', tax: 'tax', both: 'business and tax' },
    notBreached: 'not breached',
    implied: ' (a payment made implies the commitment)',
    noCommitment: 'no commitment made yet',
    free: (d: string | null, years: number) => (d ? `the ${years}-year period of the latest payment ends on ${d}` : 'nothing paid yet'),
    warnings: 'Warnings',
    yuan: (amount: string) => `${amount} yuan`,
    wouldBring: (amount: string) => `would bring ${amount} yuan if met; not counted in the ${STATEMENT_TERMS.entitlement.en}`,
    amountOpen: 'amount not known yet',
  },
} as const;

const grouped = (amount: string): string => formatMoneyGrouped(new Money(amount));
const isZero = (amount: string): boolean => new Money(amount).isZero();

/** The words of one statement: the texts of its language and the helpers built on them. */
function wordsOf(lang: Lang) {
  const t = TEXT[lang];
  const term = (key: keyof typeof STATEMENT_TERMS): string => STATEMENT_TERMS[key][lang];
  const yuan = (amount: string): string => t.yuan(grouped(amount));
  const condition = (c: Condition, indent: string): string => `${indent}${MARK[c.status]} ${c[lang]} [${c.clause}${c.ruling ? ` / ${c.ruling}` : ''}]`;
  const money = (amount: string, payable: string): string => `${term('entitlement')} ${yuan(amount)}${t.semicolon}${term('payableNow')} ${yuan(payable)}`;
  return { t, term, yuan, condition, money };
}

/** A money measure's short name (the summary's lines fit a terminal); its title for any other. */
const shortName = (m: MeasureResultOutput): Bilingual => (Object.hasOwn(MONEY_MEASURE_NAMES, m.measure) ? MONEY_MEASURE_NAMES[m.measure as keyof typeof MONEY_MEASURE_NAMES] : m.title);

/** The combined status of a measure's G1 conditions (met when it has none). */
function g1Status(m: MeasureResultOutput): Status {
  const statuses = m.conditions.filter((c) => c.clause === 'G1').map((c) => c.status);
  return statuses.includes('unmet') ? 'unmet' : statuses.includes('unknown') ? 'unknown' : 'met';
}

/** A money measure that no fact still to provide can make payable (G3, G4, a breach of G5). */
const finallyBlocked = (m: MeasureResultOutput): boolean => m.kind === 'money' && m.reasons.some((r) => FINAL_BLOCKERS.has(r.code));

/**
 * What is still needed, each path once: G1's open facts (needed by every measure, unless G1 already
 * fails), then each measure's `missing` in measure order, with the measures it would help decide. A
 * measure that is ineligible has no `missing`; a money measure stopped for good asks for nothing.
 */
function stillNeeded(result: AssessmentResult): { path: string; by: string[] }[] {
  const needed = new Map<string, string[]>();
  if (result.applicability.outcome !== 'ineligible') {
    for (const c of result.applicability.conditions) for (const path of c.missing) needed.set(path, ['G1']);
  }
  for (const m of result.measures) {
    if (finallyBlocked(m)) continue;
    for (const path of m.missing) {
      const by = needed.get(path);
      if (by === undefined) needed.set(path, [m.measure]);
      else if (by[0] !== 'G1') by.push(m.measure);
    }
  }
  return [...needed].map(([path, by]) => ({ path, by }));
}

/** Whether a retention commitment is in force: signed (no measure asks for it), or implied by a payment (R13). */
function commitment(result: AssessmentResult): 'signed' | 'implied' | 'none' {
  const signed = !result.measures.some((m) => m.reasons.some((r) => r.code === 'commitment-required'));
  if (signed) return 'signed';
  return result.clawback.items.length > 0 ? 'implied' : 'none';
}

function summary(result: AssessmentResult, lang: Lang): string[] {
  const { t, term, yuan, money } = wordsOf(lang);
  const out: string[] = [];
  out.push(`${term('totalPayableNow')}${t.colon}${yuan(result.totalPayable)}`);
  const moneyMeasures = result.measures.filter((m) => m.kind === 'money' && m.amount !== null && (m.outcome === 'eligible' || !isZero(m.amount) || !isZero(m.payable ?? '0')));
  for (const m of moneyMeasures) out.push(`  ${m.measure} ${shortName(m)[lang]}${t.colon}${money(m.amount ?? '0', m.payable ?? '0')}`);
  out.push(...boundsLines(result, lang));

  // The blockers of all money, once (they are the same on every money measure).
  const blockers = result.measures.find((m) => m.kind === 'money')?.reasons.filter((r) => MONEY_BLOCKERS.has(r.code)) ?? [];
  if (blockers.length > 0) {
    out.push(`${t.blocked}${t.colon.trim()}`);
    for (const r of blockers) out.push(`  · ${r[lang]} [${r.clause}]`);
  }

  const ids = (pick: (m: MeasureResultOutput) => boolean): string => result.measures.filter(pick).map((m) => m.measure).join(t.list);
  const groups: [string, string][] = [
    [t.eligibleServices, ids((m) => m.kind === 'service' && m.outcome === 'eligible')],
    [t.undetermined, ids((m) => m.outcome === 'undetermined')],
    [t.ineligible, ids((m) => m.outcome === 'ineligible')],
  ];
  for (const [label, list] of groups) if (list !== '') out.push(`${label}${t.colon}${list}`);

  const needed = stillNeeded(result);
  if (needed.length === 0) out.push(t.neededNone);
  else {
    out.push(`${t.needed}${t.colon.trim()}`);
    for (const { path, by } of needed) {
      const where = by[0] === 'G1' ? t.forAll : by.join(t.list);
      out.push(`  ${pathInProse(path)[lang]}${lang === 'zh' ? `（${where}）` : ` (${where})`}`);
    }
    out.push(...questionLines(result, lang));
  }

  const a = result.applicability;
  // G1: its outcome, or, when it fails, its reason (which names the conditions that fail).
  out.push(a.reasons.length > 0 ? a.reasons.map((r) => r[lang]).join(t.semicolon) : `${t.applicability}${t.colon}${t.outcome[a.outcome]}`);
  out.push(`${t.clawback}${t.colon}${clawbackText(result, lang)}`);
  if (result.warnings.length > 0) {
    out.push(`${t.warnings}${t.colon.trim()}`);
    for (const w of result.warnings) out.push(`  ! ${w[lang]}`);
  }
  return out;
}

function clawbackText(result: AssessmentResult, lang: Lang): string {
  const { t } = wordsOf(lang);
  const cb = result.clawback;
  const free = t.free(cb.freeToLeaveAfter, cb.retentionYears);
  if (cb.breached) return `${t.breached(cb.breachedOn ?? '', cb.registration ? t.registration[cb.registration] : '', grouped(cb.amount))}${t.semicolon}${free}`;
  const held = commitment(result);
  if (held === 'none') return `${t.noCommitment}${t.semicolon}${free}`;
  return `${t.notBreached}${held === 'implied' ? t.implied : ''}${t.semicolon}${free}`;
}

/** A line's money: its entitlement and payable when eligible; else what it would bring, if that is known and not nothing. */
function lineMoney(line: LineResultOutput, lang: Lang): string {
  const { t, term, yuan, money } = wordsOf(lang);
  if (line.amount === null) return '';
  if (line.outcome === 'eligible') {
    const paid = line.paid !== null && !isZero(line.paid) ? `${t.semicolon}${term('paid')} ${yuan(line.paid)}` : '';
    return ` — ${money(line.amount, line.payable ?? '0')}${paid}`;
  }
  if (!isZero(line.amount)) return ` — ${t.wouldBring(grouped(line.amount))}`;
  return line.outcome === 'undetermined' ? ` — ${t.amountOpen}` : '';
}

function measureDetail(m: MeasureResultOutput, lang: Lang): string[] {
  const { t, condition, money } = wordsOf(lang);
  const out: string[] = [`${m.measure} ${m.title[lang]} — ${t.outcome[m.outcome]}  [${m.clause}]`];
  out.push(`  ${m.amount === null ? t.service : money(m.amount, m.payable ?? '0')}`);
  // G1's conditions are stated once, above; a measure only says when G1 is not met for it.
  const g1 = g1Status(m);
  if (g1 !== 'met') out.push(`  ${MARK[g1]} ${t.g1Here(t.status[g1])}`);
  for (const c of m.conditions) if (c.clause !== 'G1') out.push(condition(c, '  '));
  for (const line of m.lines) {
    out.push(`  • ${line.label[lang]}${t.colon}${t.outcome[line.outcome]}${lineMoney(line, lang)}`);
    // A line's own conditions, where one of them decides it (not met): all of them, the met ones carrying what
    // was found; a line that only the measure's conditions hold back adds nothing to them.
    if (line.conditions.some((c) => c.status !== 'met')) for (const c of line.conditions) out.push(condition(c, '      '));
  }
  const blockers = m.reasons.filter((r) => MONEY_BLOCKERS.has(r.code));
  if (blockers.length > 0 && m.outcome !== 'ineligible') out.push(`  · ${t.blockedHere([...new Set(blockers.map((r) => r.clause))].join(t.list))}`);
  for (const r of m.reasons) if (!MONEY_BLOCKERS.has(r.code)) out.push(`  · ${r[lang]} [${r.clause}]`);
  out.push(`  ${t.responsible}${t.colon}${m.responsibleUnits.join('、')}`);
  return out;
}

/**
 * A readable statement of a result, for reference only: the summary first, then measure by measure.
 *
 * @param result a result of `assess`
 * @param options `lang`: `'zh'` (default) or `'en'`
 * @throws RangeError for any other `lang`, naming it and the two that exist
 *
 * @example
 * ```ts
 * import { assess } from 'mentougou-srdi';
 * import { explain } from 'mentougou-srdi/explain';
 *
 * const result = assess({ asOf: '2024-12-31', enterprise: { id: 'E1' } });
 * // The statement in Chinese, then in English; its first line is the reference-only notice.
 * console.log(explain(result));
 * console.log(explain(result, { lang: 'en' }));
 * ```
 */
export function explain(result: AssessmentResult, options: ExplainOptions = {}): string {
  const lang = options.lang ?? 'zh';
  // 'zh' or 'en' only (so neither 'fr' nor 'constructor' reaches the texts): a clear error, in both languages.
  if (lang !== 'zh' && lang !== 'en') {
    const given = typeof lang === 'string' ? JSON.stringify(lang) : `(${typeof lang})`;
    throw new RangeError(`explain：不支持的语言 ${given}，应为 "zh" 或 "en" / explain: unknown lang ${given}; expected "zh" or "en"`);
  }
  const { t, condition } = wordsOf(lang);
  const out: string[] = [t.title, t.subject(result), '', ...summary(result, lang), '', t.details, ''];
  out.push(`${t.applicability}${t.colon}${t.outcome[result.applicability.outcome]}`);
  for (const c of result.applicability.conditions) out.push(condition(c, '  '));
  for (const r of result.applicability.reasons) out.push(`  · ${r[lang]}`);
  for (const m of result.measures) out.push('', ...measureDetail(m, lang));
  return `${out.join('\n')}\n`;
}

/** The words of the bounds and the questions (DESIGN §7). */
const OPEN_TEXT = {
  zh: {
    range: '可兑现范围',
    between: (low: string, high: string | null) => (high === null ? `至少 ${low} 元，最多金额尚无上限（待补充的事实决定）` : `至少 ${low} 元，最多 ${high} 元`),
    questions: '建议先问（涉及金额多者在前）',
    ask: (holder: string) => `来源：${holder}`,
    stake: (amount: string | null) => (amount === null ? '涉及金额无上限' : `涉及至多 ${amount} 元`),
    open: (measures: string) => `（${measures}）`,
    more: (n: number) => `另有 ${n} 项`,
    list: '、',
  },
  en: {
    range: 'Range',
    between: (low: string, high: string | null) => (high === null ? `at least ${low} yuan, with no upper bound yet (the missing facts decide it)` : `at least ${low} yuan, at most ${high} yuan`),
    questions: 'Ask first (most money first)',
    ask: (holder: string) => `from: ${holder}`,
    stake: (amount: string | null) => (amount === null ? 'no upper bound on the money at stake' : `up to ${amount} yuan at stake`),
    open: (measures: string) => ` (${measures})`,
    more: (n: number) => `${n} more`,
    list: ', ',
  },
} as const;

/**
 * A measure's bounds as words, when a missing fact could still change its money: `至少 … 元，最多 … 元`
 * / `at least … yuan, at most … yuan`; `''` when nothing is open (or for a service measure).
 */
export function measureBoundsText(measure: MeasureResultOutput, lang: 'zh' | 'en' = 'zh'): string {
  if (measure.kind !== 'money' || measure.payable === null || measure.payableUpTo === measure.payable) return '';
  return OPEN_TEXT[lang].between(grouped(measure.payable), measure.payableUpTo === null ? null : grouped(measure.payableUpTo));
}

/**
 * The line of a statement that gives the result's bounds (`可兑现范围：至少 … 元，最多 … 元`), when the
 * missing facts could still change what is payable; none when `totalPayableUpTo` is `totalPayable`.
 */
export function boundsLines(result: AssessmentResult, lang: 'zh' | 'en' = 'zh'): string[] {
  if (result.totalPayableUpTo === result.totalPayable) return [];
  const o = OPEN_TEXT[lang];
  const high = result.totalPayableUpTo === null ? null : grouped(result.totalPayableUpTo);
  return [`${o.range}${TEXT[lang].colon}${o.between(grouped(result.totalPayable), high)}`];
}

/**
 * The first questions of a result that have money at stake (DESIGN §7: `atStake` above 0, or without a
 * bound), numbered, most money first: the question, then who holds the fact, then the money at stake
 * and the measures it decides; then how many more such questions there are. The facts that decide only
 * services, or no money any more, are in the statement's list of what is still needed.
 *
 * @param limit how many to show (3 by default)
 */
export function questionLines(result: AssessmentResult, lang: 'zh' | 'en' = 'zh', limit = 3): string[] {
  const asked = result.questions.filter((q) => q.atStake === null || !new Money(q.atStake).isZero());
  if (asked.length === 0) return [];
  const o = OPEN_TEXT[lang];
  const t = TEXT[lang];
  const out = [`${o.questions}${t.colon.trim()}`];
  asked.slice(0, limit).forEach((q, i) => {
    out.push(`  ${i + 1}. ${q[lang]}`, `     ${o.ask(q.holder[lang])}`, `     ${o.stake(q.atStake === null ? null : grouped(q.atStake))}${o.open(q.measures.join(o.list))}`);
  });
  if (asked.length > limit) out.push(`  … ${o.more(asked.length - limit)}`);
  return out;
}
