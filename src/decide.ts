/**
 * `decide` (issue 13, frozen name): the decisions of `assess` without its texts — for a system that only
 * needs outcomes and money (a batch, a dashboard). Each field is `assess`'s field of the same name
 * (test/decide.test.ts checks it property by property).
 *
 * `decide` does not build the result and drop most of it: it settles the request for its decisions only
 * (`settleRequest` with detail `'decisions'`: the same outcomes, money, missing paths and bounds, without
 * the reasons, the warnings, the questions or the copies a result makes of the measures' texts).
 */
import { type AssessOptions, safelyRun, settleRequest } from './assess.js';
import { formatCalendarDate } from './core/calendar.js';
import { allOf, outcomeOf } from './core/decision.js';
import { formatMoney } from './core/money.js';
import { PolicyInputError } from './errors.js';
import type { Facts } from './facts/facts.js';
import type { Decision } from './model/decision.js';
import type { PolicyIssue } from './model/issues.js';
import type { PolicyRequestInput } from './model/request.js';
import type { PolicyEdition } from './policy/edition.js';

/**
 * Decides one enterprise or institution under the measures: `assess`'s outcomes, amounts, payables,
 * missing paths, total and clawback, without conditions, lines, reasons or warnings.
 *
 * @param request `{ asOf, enterprise }` or `{ asOf, institution }` (docs/contract.md § The request)
 * @param options `edition`: any `PolicyEdition` (default `mentougou-2022-draft`)
 * @returns the decision (`mentougou-srdi/schema/decision.json`)
 * @throws PolicyInputError with every issue when the request is invalid (nothing is computed)
 *
 * @example
 * ```ts
 * import { decide } from 'mentougou-srdi';
 *
 * const decision = decide({ asOf: '2024-12-31', enterprise: { id: 'E1', designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }] } });
 * // The enterprise's eleven measures (M1–M4, M6–M12), each with its outcome and money; nothing payable yet.
 * console.log(decision.measures.length); // 11
 * console.log(decision.measures[0]?.outcome); // undetermined
 * console.log(decision.totalPayable); // 0.00
 * ```
 */
export function decide(request: PolicyRequestInput, options?: AssessOptions): Decision {
  const decided = safeDecideUnknown(request, options);
  if (!decided.ok) throw new PolicyInputError(decided.issues);
  return decided.value;
}

/**
 * `decide` for a value of unknown type, without throwing on bad input: `{ ok: true, value }` with the
 * decision, or `{ ok: false, issues }` exactly as `safeAssessUnknown` gives them (for the CLI's
 * `batch --decisions`).
 *
 * @throws EditionError only when `options.edition` is not a valid edition
 */
export function safeDecideUnknown(request: unknown, options?: AssessOptions): { ok: true; value: Decision } | { ok: false; issues: PolicyIssue[] } {
  return safelyRun(request, options, decideFacts);
}

/** The decision on a validated request: `decisionOf(assess(…))`, field by field, settled for its decisions only. */
function decideFacts(facts: Facts, edition: PolicyEdition): Decision {
  const settled = settleRequest(facts, edition, [], 'decisions');
  const { clawback } = settled.blocking.clawback;
  return {
    subject: { kind: facts.subject, id: facts.subject === 'enterprise' ? facts.enterprise.id : facts.institution.id },
    asOf: formatCalendarDate(facts.asOf),
    edition: { id: edition.id },
    applicability: { outcome: outcomeOf(allOf(settled.generalConditions.map((c) => c.status))) },
    // each measure's `missing` is its own copy (measureOutput), so the decision shares it with nothing
    measures: settled.measures.map((m) => ({ measure: m.measure, outcome: m.outcome, amount: m.amount, payable: m.payable, amountUpTo: m.amountUpTo, payableUpTo: m.payableUpTo, missing: m.missing })),
    totalPayable: formatMoney(settled.totalPayable),
    totalPayableUpTo: settled.totalPayableUpTo === null ? null : formatMoney(settled.totalPayableUpTo),
    clawback: { breached: clawback.breached, breachedOn: clawback.breachedOn, amount: clawback.amount, freeToLeaveAfter: clawback.freeToLeaveAfter },
  };
}
