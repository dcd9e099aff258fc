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

/** Request paths that would decide an unknown condition: at least one. */
export type MissingPaths = readonly [string, ...string[]];

/**
 * A decided or undecided finding on one condition, before it is written into the trace: met and unmet
 * carry nothing more, an unknown carries the request paths whose values would decide it (never none).
 */
export type Verdict = { readonly status: 'met' } | { readonly status: 'unmet' } | { readonly status: 'unknown'; readonly missing: MissingPaths };

const MET: Verdict = Object.freeze({ status: 'met' });
const UNMET: Verdict = Object.freeze({ status: 'unmet' });

/** The condition holds. */
export function met(): Verdict {
  return MET;
}

/** The condition does not hold. */
export function unmet(): Verdict {
  return UNMET;
}

/**
 * The condition is not known: `missing` names the request paths whose values would decide it (kept
 * once each, in order).
 *
 * @throws TypeError when `missing` is empty (an unknown that nothing could decide is a bug in the rule)
 */
export function unknown(missing: MissingPaths): Verdict {
  const [first, ...rest] = new Set(missing);
  if (first === undefined) throw new TypeError('an unknown condition must name the request paths that would decide it');
  return { status: 'unknown', missing: [first, ...rest] };
}

/** Met when `holds`, else unmet: for a condition on facts that are known. */
export function known(holds: boolean): Verdict {
  return holds ? MET : UNMET;
}

/** The verdict on a boolean fact that may be absent: absent is unknown, to be decided by `path`. */
export function verdictOf(fact: boolean | undefined, path: string): Verdict {
  return fact === undefined ? unknown([path]) : known(fact);
}

/**
 * Disjunction of verdicts: met dominates, then unknown (with the paths of every unknown one, in order,
 * without repeats); all unmet (or none at all) is unmet.
 */
export function anyVerdict(verdicts: Iterable<Verdict>): Verdict {
  const missing: string[] = [];
  for (const v of verdicts) {
    if (v.status === 'met') return MET;
    if (v.status === 'unknown') missing.push(...v.missing);
  }
  const [first, ...rest] = [...new Set(missing)];
  return first === undefined ? UNMET : unknown([first, ...rest]);
}

/**
 * Conjunction of verdicts: unmet dominates, then unknown (with the paths of every unknown one, in order,
 * without repeats); all met (or none at all) is met.
 */
export function allVerdicts(verdicts: Iterable<Verdict>): Verdict {
  const missing: string[] = [];
  for (const v of verdicts) {
    if (v.status === 'unmet') return UNMET;
    if (v.status === 'unknown') missing.push(...v.missing);
  }
  const [first, ...rest] = [...new Set(missing)];
  return first === undefined ? MET : unknown([first, ...rest]);
}
