/**
 * The decision part of a full result, field by field (a test oracle): what `decide` must equal, taken from
 * `assess`'s result the obvious way. `decide` itself settles for its decisions only (src/decide.ts).
 */
import type { Decision } from '../../src/model/decision.js';
import type { AssessmentResult } from '../../src/model/result.js';

/** The decision of `result`: one literal per object, no texts. */
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

