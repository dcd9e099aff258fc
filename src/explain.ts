/**
 * `explain`: a statement a caseworker can hand to the enterprise or institution — per measure the
 * conditions with ✓ / ✗ / ?, the amounts, what is payable now, what to provide next, and the clause of
 * each line; then the total, the retention commitment and the warnings.
 */
import { formatMoneyGrouped, Money } from './core/money.js';
import type { AssessmentResult, MeasureResultOutput } from './model/result.js';

/** Options of `explain`. */
export interface ExplainOptions {
  /** Language of the statement: Chinese (default) or English. */
  lang?: 'zh' | 'en';
}

const MARK = { met: '✓', unmet: '✗', unknown: '?' } as const;

const TEXT = {
  zh: {
    colon: '：',
    semicolon: '；',
    heading: (r: AssessmentResult) => `评估结论 — ${r.subject.kind === 'enterprise' ? '企业' : '服务机构'} ${r.subject.id}，评估日 ${r.asOf}，政策版本 ${r.edition.id}`,
    applicability: '适用范围（G1）',
    outcome: { eligible: '符合', ineligible: '不符合', undetermined: '待定（信息不足）' },
    amount: '核定金额',
    payable: '本次可兑现',
    service: '服务类措施（无资金）',
    provide: '请补充',
    responsible: '责任单位',
    reasons: '说明',
    total: '合计可兑现',
    clawback: '留区承诺（G5）',
    breached: (on: string, reg: string, amount: string) => `已于 ${on} 违反承诺（${reg}迁出），可追回 ${amount} 元`,
    registration: { business: '工商注册', tax: '税务登记', both: '工商注册和税务登记' },
    notBreached: '未违反承诺',
    free: (d: string | null) => (d ? `最后一笔资金的 8 年期限至 ${d} 届满` : '尚无已兑现资金'),
    warnings: '提示',
    yuan: '元',
    line: '明细',
    wouldBring: (amount: string) => `如符合可得 ${amount} 元，不计入核定金额`,
  },
  en: {
    colon: ': ',
    semicolon: '; ',
    heading: (r: AssessmentResult) => `Assessment — ${r.subject.kind} ${r.subject.id}, as of ${r.asOf}, policy edition ${r.edition.id}`,
    applicability: 'Applicability (G1)',
    outcome: { eligible: 'eligible', ineligible: 'not eligible', undetermined: 'undetermined (facts missing)' },
    amount: 'entitlement',
    payable: 'payable now',
    service: 'service measure (no money)',
    provide: 'please provide',
    responsible: 'responsible units',
    reasons: 'notes',
    total: 'Total payable',
    clawback: 'Retention commitment (G5)',
    breached: (on: string, reg: string, amount: string) => `breached on ${on} (${reg}); ${amount} yuan may be recovered`,
    registration: { business: 'business', tax: 'tax', both: 'business and tax' },
    notBreached: 'not breached',
    free: (d: string | null) => (d ? `the 8-year period of the latest payment ends on ${d}` : 'nothing paid yet'),
    warnings: 'Warnings',
    yuan: 'yuan',
    line: 'line',
    wouldBring: (amount: string) => `would bring ${amount} yuan if met; not counted in the entitlement`,
  },
} as const;

const grouped = (amount: string): string => formatMoneyGrouped(new Money(amount));

/**
 * A readable statement of a result.
 *
 * @param result a result of `assess`
 * @param options `lang`: `'zh'` (default) or `'en'`
 */
export function explain(result: AssessmentResult, options: ExplainOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const t = TEXT[lang];
  const out: string[] = [t.heading(result), ''];
  out.push(`${t.applicability}${t.colon}${t.outcome[result.applicability.outcome]}`);
  for (const c of result.applicability.conditions) out.push(`  ${MARK[c.status]} ${c[lang]} [${c.clause}${c.ruling ? ` / ${c.ruling}` : ''}]`);
  for (const r of result.applicability.reasons) out.push(`  · ${r[lang]}`);
  for (const m of result.measures) {
    out.push('');
    out.push(`${m.measure} ${m.title[lang]} — ${t.outcome[m.outcome]}  [${m.clause}]`);
    if (m.amount === null) out.push(`  ${t.service}`);
    else out.push(`  ${t.amount} ${grouped(m.amount)} ${t.yuan}${t.semicolon}${t.payable} ${grouped(m.payable ?? '0')} ${t.yuan}`);
    // G1's conditions are listed once above; a measure repeats only those that are not met.
    for (const c of m.conditions) if (c.clause !== 'G1' || c.status !== 'met') out.push(`  ${MARK[c.status]} ${c[lang]} [${c.clause}${c.ruling ? ` / ${c.ruling}` : ''}]`);
    for (const line of m.lines) {
      const money =
        line.amount === null
          ? ''
          : line.outcome === 'eligible'
            ? ` — ${grouped(line.amount)} ${t.yuan}${t.semicolon}${t.payable} ${grouped(line.payable ?? '0')} ${t.yuan}`
            : ` — ${t.wouldBring(grouped(line.amount))}`;
      out.push(`  • ${line.label[lang]}${t.colon}${t.outcome[line.outcome]}${money}`);
      for (const c of line.conditions) if (c.status !== 'met' || line.outcome !== 'eligible') out.push(`      ${MARK[c.status]} ${c[lang]} [${c.clause}${c.ruling ? ` / ${c.ruling}` : ''}]`);
    }
    if (m.missing.length > 0) out.push(`  ${t.provide}${t.colon}${m.missing.join(', ')}`);
    for (const r of m.reasons) out.push(`  · ${r[lang]} [${r.clause}]`);
    out.push(`  ${t.responsible}${t.colon}${m.responsibleUnits.join('、')}`);
  }
  out.push('');
  out.push(`${t.total}${t.colon}${grouped(result.totalPayable)} ${t.yuan}`);
  out.push(...boundsLines(result, lang), ...questionLines(result, lang));
  const cb = result.clawback;
  out.push(
    `${t.clawback}${t.colon}${cb.breached ? t.breached(cb.breachedOn ?? '', cb.registration ? t.registration[cb.registration] : '', grouped(cb.amount)) : t.notBreached}${t.semicolon}${t.free(cb.freeToLeaveAfter)}`,
  );
  if (result.warnings.length > 0) {
    out.push('');
    out.push(`${t.warnings}${t.colon.trim()}`);
    for (const w of result.warnings) out.push(`  ! ${w[lang]}`);
  }
  return `${out.join('\n')}\n`;
}

/** The words of the bounds and the questions (DESIGN §7). */
const OPEN_TEXT = {
  zh: {
    range: '可兑现范围',
    between: (low: string, high: string | null) => (high === null ? `至少 ${low} 元，最多金额尚无上限（待补充的事实决定）` : `至少 ${low} 元，最多 ${high} 元`),
    questions: '待补充事项（涉及金额多者在前）',
    ask: (holder: string) => `来源：${holder}`,
    stake: (amount: string | null) => (amount === null ? '涉及金额无上限' : `涉及至多 ${amount} 元`),
    service: '仅涉及服务类措施',
    more: (n: number) => `另有 ${n} 项`,
    list: '、',
  },
  en: {
    range: 'Range',
    between: (low: string, high: string | null) => (high === null ? `at least ${low} yuan, with no upper bound yet (the missing facts decide it)` : `at least ${low} yuan, at most ${high} yuan`),
    questions: 'Still to find out (most money first)',
    ask: (holder: string) => `from: ${holder}`,
    stake: (amount: string | null) => (amount === null ? 'no upper bound on the money at stake' : `up to ${amount} yuan at stake`),
    service: 'service measures only',
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
 * The first questions of a result (DESIGN §7), numbered, each with who to ask, the money at stake and
 * the measures it decides; then how many more there are.
 *
 * @param limit how many to show (3 by default)
 */
export function questionLines(result: AssessmentResult, lang: 'zh' | 'en' = 'zh', limit = 3): string[] {
  if (result.questions.length === 0) return [];
  const o = OPEN_TEXT[lang];
  const t = TEXT[lang];
  const out = [`${o.questions}${t.colon.trim()}`];
  result.questions.slice(0, limit).forEach((q, i) => {
    const serviceOnly = q.measures.every((id) => result.measures.find((m) => m.measure === id)?.kind === 'service');
    const stake = serviceOnly ? o.service : o.stake(q.atStake === null ? null : grouped(q.atStake));
    out.push(`  ${i + 1}. ${q[lang]} — ${o.ask(q.holder[lang])}${t.semicolon}${stake} [${q.measures.join(o.list)}]`);
  });
  if (result.questions.length > limit) out.push(`  … ${o.more(result.questions.length - limit)}`);
  return out;
}
