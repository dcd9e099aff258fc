/**
 * The ledger: what this policy already paid (`disbursements`) is taken off what a line is entitled to,
 * never below 0 (R2 晋级补差, R6 per enterprise). M3 pays per support year, M5 per introduced enterprise;
 * M1, M2 and M7 pay per measure, and what was paid is set against their lines in order (for M1 the
 * earning steps, oldest first), so each line shows the difference still due at that step.
 */
import type { MeasureResult } from '../core/measure-result.js';
import { minMoney, type Money, nonNegative, sumMoney, ZERO } from '../core/money.js';
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
