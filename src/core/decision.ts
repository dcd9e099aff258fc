/**
 * Three-valued decisions, as in a fact graph: a condition is met, unmet or unknown, and an
 * unknown names the facts that would decide it.
 *
 * docs/contract.md § A measure: a measure is `ineligible` when any condition is unmet, `undetermined` when none is
 * unmet and some are unknown, else `eligible`. A measure of several lines is `eligible` when any
 * line is, else `undetermined` when any line is, else `ineligible`.
 */

/** The status of one condition. */
export type Status = 'met' | 'unmet' | 'unknown';

/** The outcome of a measure or of one of its lines. */
export type Outcome = 'eligible' | 'ineligible' | 'undetermined';

/**
 * Conjunction: unmet dominates, then unknown; all met (or none at all) is met.
 *
 * @example
 * ```ts
 * import { allOf } from 'mentougou-srdi';
 *
 * console.log(allOf(['met', 'unknown'])); // unknown
 * console.log(allOf(['met', 'unknown', 'unmet'])); // unmet
 * ```
 */
export function allOf(statuses: Iterable<Status>): Status {
  let result: Status = 'met';
  for (const s of statuses) {
    if (s === 'unmet') return 'unmet';
    if (s === 'unknown') result = 'unknown';
  }
  return result;
}

/**
 * Disjunction: met dominates, then unknown; all unmet (or none at all) is unmet.
 *
 * @example
 * ```ts
 * import { anyOf } from 'mentougou-srdi';
 *
 * console.log(anyOf(['unmet', 'unknown'])); // unknown
 * console.log(anyOf(['unmet', 'met'])); // met
 * ```
 */
export function anyOf(statuses: Iterable<Status>): Status {
  let result: Status = 'unmet';
  for (const s of statuses) {
    if (s === 'met') return 'met';
    if (s === 'unknown') result = 'unknown';
  }
  return result;
}

/** Negation: met and unmet swap; unknown stays unknown. */
export function not(status: Status): Status {
  return status === 'met' ? 'unmet' : status === 'unmet' ? 'met' : 'unknown';
}

/** A status from a boolean fact that may be absent (`undefined`: unknown). */
export function statusOf(fact: boolean | undefined): Status {
  return fact === undefined ? 'unknown' : fact ? 'met' : 'unmet';
}

/** The outcome that a combined status gives: met → eligible, unmet → ineligible, unknown → undetermined. */
export function outcomeOf(status: Status): Outcome {
  return status === 'met' ? 'eligible' : status === 'unmet' ? 'ineligible' : 'undetermined';
}

/** The outcome of a measure of several lines: eligible if any line is, else undetermined if any is, else ineligible. */
export function outcomeOfLines(outcomes: Iterable<Outcome>): Outcome {
  let result: Outcome = 'ineligible';
  for (const o of outcomes) {
    if (o === 'eligible') return 'eligible';
    if (o === 'undetermined') result = 'undetermined';
  }
  return result;
}
