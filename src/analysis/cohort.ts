/**
 * Shared pieces of the cohort analyses (forecast, edition comparison, target progress): the record of
 * an invalid request, sums of money kept as Decimals until they are printed, and outcome counts.
 * Pure: no clock, no files.
 */
import type { Outcome } from '../core/decision.js';
import { formatMoney, type Money, ZERO } from '../core/money.js';
import type { PolicyIssue } from '../model/issues.js';

/** A request that failed validation: where it was, whose it seems to be, and every issue. */
export interface InvalidRequest {
  /** Position in the input (0-based). */
  index: number;
  /** Line of the input file (1-based), when the caller knows it (the CLI does). */
  line?: number;
  /** `enterprise.id` or `institution.id` when the input has a string there, else `null`. */
  id: string | null;
  issues: PolicyIssue[];
}

/** Where a request came from: its position, and its line when read from a file. */
export interface RequestRef {
  index: number;
  line?: number;
}

/** Counts of outcomes. */
export interface OutcomeCounts {
  eligible: number;
  ineligible: number;
  undetermined: number;
}

/** An entitlement and a payable amount, as two-decimal strings. */
export interface MoneyPair {
  /** Entitlement (the measures' `amount`). */
  amount: string;
  /** What is left to pay (the measures' `payable`). */
  payable: string;
}

/** A running sum of entitlement and payable, in Decimals (printed only at the end). */
export interface MoneySum {
  amount: Money;
  payable: Money;
}

/** An empty running sum. */
export function emptySum(): MoneySum {
  return { amount: ZERO, payable: ZERO };
}

/** Adds to a running sum (in place). */
export function addTo(sum: MoneySum, amount: Money, payable: Money): void {
  sum.amount = sum.amount.plus(amount);
  sum.payable = sum.payable.plus(payable);
}

/** A running sum as two-decimal strings. */
export function pairOf(sum: MoneySum): MoneyPair {
  return { amount: formatMoney(sum.amount), payable: formatMoney(sum.payable) };
}

/** Zero counts. */
export function emptyCounts(): OutcomeCounts {
  return { eligible: 0, ineligible: 0, undetermined: 0 };
}

/** Counts one outcome (in place). */
export function count(counts: OutcomeCounts, outcome: Outcome): void {
  counts[outcome] += 1;
}

/** The subject's id as the raw input writes it (`enterprise.id` / `institution.id`), for reports of invalid input. */
export function rawSubjectId(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  for (const key of ['enterprise', 'institution'] as const) {
    const subject = Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined;
    if (typeof subject === 'object' && subject !== null && Object.hasOwn(subject, 'id')) {
      const id = (subject as Record<string, unknown>).id;
      if (typeof id === 'string') return id;
    }
  }
  return null;
}

/** An invalid request's record. */
export function invalidRequest(input: unknown, ref: RequestRef, issues: PolicyIssue[]): InvalidRequest {
  const out: InvalidRequest = { index: ref.index, id: rawSubjectId(input), issues };
  if (ref.line !== undefined) out.line = ref.line;
  return out;
}
