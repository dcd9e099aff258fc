/**
 * G2 most favourable, no duplication (八、第二款 “从优不重复”; ruling R5), with M3's own words
 * “已享受中关村门头沟园或其他房租补贴政策支持的不重复享受”.
 *
 * R5: other benefits for the same matter (same measure; for M3 the same support year) are summed and
 * compared with our entitlement for that matter (the amount, not what is left to pay): if their sum is
 * at least ours, ours pays 0 (reason `overlap-other-more-favourable`); else ours is payable and a
 * warning says the other must be forgone. Within this policy M1 and M2 stack (“除上述奖励外”), so
 * only benefits from other programmes are compared.
 *
 * Readings (DESIGN §8): `g2Base: 'payable'` (ours is what is still owed: the matter's amount less what the
 * ledger set against it, never below 0); `g2Aggregate: 'any-one'` (ours pays 0 only when a single other
 * benefit reaches the base); `m3OtherRentSubsidy: 'exclude'` (any M3 other benefit above 0, of any year,
 * zeroes every M3 line, with no comparison and no forgo warning).
 */
import type { MeasureLine, MeasureResult, Reason } from '../core/measure-result.js';
import { message, programNames, REASON_MESSAGES, WARNING_MESSAGES } from '../core/messages.js';
import { formatMoneyGrouped, maxMoney, type Money, nonNegative, sumMoney, ZERO } from '../core/money.js';
import type { Bilingual } from '../core/trace.js';
import type { OtherBenefit } from '../model/request.js';
import { DEFAULT_READINGS, type Readings } from '../policy/readings.js';
import type { Warning } from './g5-retention.js';
import type { PaidByLine } from './ledger.js';

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

/** `m3OtherRentSubsidy: 'exclude'`: “已享受……不重复享受” as an exclusion, under the overlap code. */
const EXCLUDED = {
  zh: '不重复享受：已享受{program}（{other} 元），本措施不予兑现',
  en: 'no duplication: {program} ({other} yuan) was received, so this measure pays nothing',
};

/** Reading `m3OtherRentSubsidy: 'exclude'`: any other rent subsidy above 0 zeroes every M3 line. */
function excludeRentSubsidy(measure: MeasureResult, relevant: readonly OtherBenefit[]): MostFavourableDecision {
  const decision: MostFavourableDecision = { overtakenLines: new Set(), reasons: [], warnings: [] };
  const received = relevant.filter((b) => b.amount.greaterThan(ZERO));
  if (received.length === 0) return decision;
  measure.lines.forEach((l) => decision.overtakenLines.add(l.id));
  if (measure.lines.some((l) => l.outcome === 'eligible')) {
    const params = { program: programs(received), other: formatMoneyGrouped(sumMoney(received.map((b) => b.amount))) };
    decision.reasons.push({ code: 'overlap-other-more-favourable', clause: 'G2', ...message(EXCLUDED, params) });
  }
  return decision;
}

/**
 * G2 (R5) for one money measure against the subject's other benefits.
 *
 * @param paid what the ledger set against each line (for `g2Base: 'payable'`)
 * @param readings the edition's readings (`g2Base`, `g2Aggregate`, `m3OtherRentSubsidy`)
 */
export function mostFavourable(measure: MeasureResult, otherBenefits: readonly OtherBenefit[], paid: PaidByLine = new Map(), readings: Readings = DEFAULT_READINGS): MostFavourableDecision {
  const decision: MostFavourableDecision = { overtakenLines: new Set(), reasons: [], warnings: [] };
  const relevant = otherBenefits.filter((b) => b.overlapsMeasure === measure.measure);
  if (relevant.length === 0) return decision;
  if (measure.measure === 'M3' && readings.m3OtherRentSubsidy === 'exclude') return excludeRentSubsidy(measure, relevant);
  for (const matter of mattersOf(measure)) {
    const theirs = relevant.filter((b) => matter.year === undefined || b.year === matter.year);
    if (theirs.length === 0) continue;
    const entitled: Money = sumMoney(matter.lines.map((l) => l.amount ?? ZERO));
    // g2Base: the entitlement (R5), or what is still owed on it.
    const ours = readings.g2Base === 'payable' ? nonNegative(entitled.minus(sumMoney(matter.lines.map((l) => paid.get(l.id) ?? ZERO)))) : entitled;
    // g2Aggregate: the sum of the other benefits reaches ours (R5), or (any-one) a single one does.
    let shown = theirs;
    let other: Money = sumMoney(theirs.map((b) => b.amount));
    let beaten = other.greaterThanOrEqualTo(ours);
    if (readings.g2Aggregate === 'any-one') {
      const reaching = theirs.filter((b) => b.amount.greaterThanOrEqualTo(ours));
      beaten = reaching.length > 0;
      if (beaten) {
        shown = reaching;
        other = reaching.map((b) => b.amount).reduce(maxMoney);
      }
    }
    const params = {
      program: programs(shown),
      other: formatMoneyGrouped(other),
      ours: formatMoneyGrouped(ours),
      measure: matter.year === undefined ? measure.measure : `${measure.measure} ${matter.year}`,
    };
    if (beaten) {
      matter.lines.forEach((l) => decision.overtakenLines.add(l.id));
      decision.reasons.push({ code: 'overlap-other-more-favourable', clause: 'G2', ...message(REASON_MESSAGES['overlap-other-more-favourable'], params) });
    } else {
      decision.reasons.push({ code: 'overlap-forgo-other', clause: 'G2', ...message(REASON_MESSAGES['overlap-forgo-other'], params) });
      decision.warnings.push({ code: 'forgo-other-benefit', ...message(WARNING_MESSAGES['forgo-other-benefit'], params) });
    }
  }
  return decision;
}
