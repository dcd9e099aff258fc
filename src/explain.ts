/**
 * `explain`: a statement a caseworker can hand to the enterprise or institution — per measure the
 * conditions with ✓ / ✗ / ?, the amounts, what is payable now, what to provide next, and the clause of
 * each line; then the total, the retention commitment and the warnings.
 */
import { formatMoneyGrouped, Money } from './core/money.js';
import type { AssessmentResult } from './model/result.js';

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
    free: (d: string | null, years: number) => (d ? `最后一笔资金的 ${years} 年期限至 ${d} 届满` : '尚无已兑现资金'),
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
    free: (d: string | null, years: number) => (d ? `the ${years}-year period of the latest payment ends on ${d}` : 'nothing paid yet'),
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
  const cb = result.clawback;
  out.push(
    `${t.clawback}${t.colon}${cb.breached ? t.breached(cb.breachedOn ?? '', cb.registration ? t.registration[cb.registration] : '', grouped(cb.amount)) : t.notBreached}${t.semicolon}${t.free(cb.freeToLeaveAfter, cb.retentionYears)}`,
  );
  if (result.warnings.length > 0) {
    out.push('');
    out.push(`${t.warnings}${t.colon.trim()}`);
    for (const w of result.warnings) out.push(`  ! ${w[lang]}`);
  }
  return `${out.join('\n')}\n`;
}
