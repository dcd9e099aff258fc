/**
 * The ledger: what this policy already paid (`disbursements`) is taken off what a line is entitled to,
 * never below 0 (R2 晋级补差, R6 per enterprise). M3 pays per support year, M5 per introduced enterprise;
 * M1, M2 and M7 pay per measure, and what was paid is set against their lines in order (for M1 the
 * earning steps, oldest first), so each line shows the difference still due at that step.
 *
 * Readings (DESIGN §8): `m3PaidMatching: 'total'` (M3 payments, of any year, are set against the total of
 * the M3 lines instead of each against its own year); `r1AllEvents` (only disbursements paid inside the
 * window count as already paid; the clawback, G5, still sees every one).
 */
import type { DayNumber } from '../core/calendar.js';
import type { MeasureResult } from '../core/measure-result.js';
import { minMoney, type Money, nonNegative, sumMoney, ZERO } from '../core/money.js';
import { countsByAsOf, type FactWindow } from '../facts/facts.js';
import type { Disbursement } from '../model/request.js';

/** Per line id: what the ledger shows was already paid on it. */
export type PaidByLine = Map<string, Money>;

/**
 * Allocates the measure's disbursements to its lines.
 *
 * @param entitlements per line id, what the line is entitled to before the ledger (0 for lines that pay nothing)
 */
export function paidByLine(measure: MeasureResult, disbursements: readonly Disbursement[], entitlements: ReadonlyMap<string, Money>): PaidByLine {
  const ours = disbursements.filter((d) => d.measure === measure.measure);
  const paid: PaidByLine = new Map();
  if (measure.measure === 'M3' || measure.measure === 'M5') {
    // Indexed once by the ledger key (M3 the support year, M5 the introduced enterprise): linear in the
    // disbursements and the lines, not their product (DESIGN §6).
    const byKey = new Map<number | string | undefined, Money>();
    for (const d of ours) {
      const key = measure.measure === 'M3' ? d.year : d.enterpriseId;
      byKey.set(key, (byKey.get(key) ?? ZERO).plus(d.amount));
    }
    for (const line of measure.lines) {
      // Stryker disable next-line OptionalChaining: equivalent — every M3 and M5 line has its ledger key (support year, introduced enterprise)
      const key = measure.measure === 'M3' ? line.ledger?.year : line.ledger?.enterpriseId;
      paid.set(line.id, byKey.get(key) ?? ZERO);
    }
    return paid;
  }
  let left = sumMoney(ours.map((d) => d.amount));
  for (const line of measure.lines) {
    const due = entitlements.get(line.id) ?? ZERO;
    const taken = minMoney(left, due);
    paid.set(line.id, taken);
    left = nonNegative(left.minus(taken));
  }
  return paid;
}

/** What the ledger finds for one money measure. */
export interface Ledger {
  /** Per line id: what was already paid on it (set against that line's payable). */
  byLine: PaidByLine;
  /** What is set against the measure's total instead of its lines (`m3PaidMatching: 'total'`; else 0). */
  onTotal: Money;
  /** The sum of the measure's disbursements that count as already paid (what the `already-paid` note shows). */
  disbursed: Money;
}

/**
 * The ledger of one money measure under the edition's readings.
 *
 * @param entitlements per line id, what the line is entitled to before the ledger
 * @param values the edition's window and readings (`r1AllEvents`, `m3PaidMatching`)
 */
export function ledgerOf(measure: MeasureResult, disbursements: readonly Disbursement[], entitlements: ReadonlyMap<string, Money>, asOf: DayNumber, values: FactWindow): Ledger {
  const counted = disbursements.filter((d) => d.measure === measure.measure && countsByAsOf(d.paidOn, asOf, values));
  const disbursed = sumMoney(counted.map((d) => d.amount));
  if (measure.measure === 'M3' && values.readings.m3PaidMatching === 'total') {
    return { byLine: new Map(measure.lines.map((l) => [l.id, ZERO])), onTotal: disbursed, disbursed };
  }
  return { byLine: paidByLine(measure, counted, entitlements), onTotal: ZERO, disbursed };
}
