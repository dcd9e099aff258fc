/**
 * G2 most favourable, no duplication (八、第二款 “从优不重复”; ruling R5), with M3's own words
 * “已享受中关村门头沟园或其他房租补贴政策支持的不重复享受”.
 *
 * R5: other benefits for the same matter (same measure; for M3 the same support year) are summed and
 * compared with our entitlement for that matter (the amount, not what is left to pay): if their sum is
 * at least ours, ours pays 0 (reason `overlap-other-more-favourable`); else ours is payable and a
 * warning says the other must be forgone. Within this policy M1 and M2 stack (“除上述奖励外”), so
 * only benefits from other programmes are compared.
 */
import type { MeasureLine, MeasureResult, Reason } from '../core/measure-result.js';
import { message, programNames, REASON_MESSAGES, WARNING_MESSAGES } from '../core/messages.js';
import { formatMoneyGrouped, type Money, sumMoney, ZERO } from '../core/money.js';
import type { Bilingual } from '../core/trace.js';
import type { OtherBenefit } from '../model/request.js';
import type { Warning } from './g5-retention.js';

/** What G2 decides for one measure. */
export interface MostFavourableDecision {
  /** Lines whose matter another programme serves at least as well: they pay 0. */
  overtakenLines: Set<string>;
  reasons: Reason[];
  warnings: Warning[];
}

/**
 * The programmes, by their names where known (`programNames`), in the order of their ids, so that the
 * text does not depend on the order of the request.
 */
const programs = (benefits: readonly OtherBenefit[]): Bilingual => programNames(benefits.map((b) => b.program).sort());

/** The matters of a measure: M3 one per support year, any other measure one for the whole measure. */
function mattersOf(measure: MeasureResult): { lines: MeasureLine[]; year?: number }[] {
  const eligible = measure.lines.filter((l) => l.outcome === 'eligible' && l.amount !== null && l.amount.greaterThan(ZERO));
  // Stryker disable next-line OptionalChaining: equivalent — every M3 line has its ledger key (the support year)
  if (measure.measure === 'M3') return eligible.map((l) => ({ lines: [l], year: l.ledger?.year }));
  return eligible.length > 0 ? [{ lines: eligible }] : [];
}

/** G2 (R5) for one money measure against the subject's other benefits. */
export function mostFavourable(measure: MeasureResult, otherBenefits: readonly OtherBenefit[]): MostFavourableDecision {
  const decision: MostFavourableDecision = { overtakenLines: new Set(), reasons: [], warnings: [] };
  const relevant = otherBenefits.filter((b) => b.overlapsMeasure === measure.measure);
  if (relevant.length === 0) return decision;
  for (const matter of mattersOf(measure)) {
    const theirs = relevant.filter((b) => matter.year === undefined || b.year === matter.year);
    if (theirs.length === 0) continue;
    const other: Money = sumMoney(theirs.map((b) => b.amount));
    const ours: Money = sumMoney(matter.lines.map((l) => l.amount ?? ZERO));
    const params = {
      program: programs(theirs),
      other: formatMoneyGrouped(other),
      ours: formatMoneyGrouped(ours),
      measure: matter.year === undefined ? measure.measure : `${measure.measure} ${matter.year}`,
    };
    if (other.greaterThanOrEqualTo(ours)) {
      matter.lines.forEach((l) => decision.overtakenLines.add(l.id));
      decision.reasons.push({ code: 'overlap-other-more-favourable', clause: 'G2', ...message(REASON_MESSAGES['overlap-other-more-favourable'], params) });
    } else {
      decision.reasons.push({ code: 'overlap-forgo-other', clause: 'G2', ...message(REASON_MESSAGES['overlap-forgo-other'], params) });
      decision.warnings.push({ code: 'forgo-other-benefit', ...message(WARNING_MESSAGES['forgo-other-benefit'], params) });
    }
  }
  return decision;
}
