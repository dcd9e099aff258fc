/**
 * `decide` (issue 13, frozen name): the decisions of `assess` without its texts — for a system that only
 * needs outcomes and money (a batch, a dashboard). Each field is `assess`'s field of the same name
 * (test/decide.test.ts checks it property by property).
 */
import { assess, type AssessOptions } from './assess.js';
import type { Decision } from './model/decision.js';
import type { PolicyRequestInput } from './model/request.js';
import type { AssessmentResult } from './model/result.js';

/** The decision part of an assessment: one literal per object, no texts. */
export function decisionOf(result: AssessmentResult): Decision {
  return {
    subject: { kind: result.subject.kind, id: result.subject.id },
    asOf: result.asOf,
    edition: { id: result.edition.id },
    applicability: { outcome: result.applicability.outcome },
    measures: result.measures.map((m) => ({ measure: m.measure, outcome: m.outcome, amount: m.amount, payable: m.payable, amountUpTo: m.amountUpTo, payableUpTo: m.payableUpTo, missing: m.missing })),
    totalPayable: result.totalPayable,
    totalPayableUpTo: result.totalPayableUpTo,
    clawback: {
      breached: result.clawback.breached,
      breachedOn: result.clawback.breachedOn,
      amount: result.clawback.amount,
      freeToLeaveAfter: result.clawback.freeToLeaveAfter,
    },
  };
}

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
  return decisionOf(assess(request, options));
}
