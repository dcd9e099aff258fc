/**
 * The decision (issue 13): what `decide` returns — the same decisions as `assess`'s result without its
 * texts, conditions, lines or checklists. A zod schema, the single source of the type and of the JSON
 * Schema (`mentougou-srdi/schema/decision.json`). Every field is the field of the same name in
 * `assess`'s result (docs/contract.md § The result): money a string with exactly two decimals, dates
 * `YYYY-MM-DD`.
 */
import * as z from 'zod/mini';
import { MEASURE_IDS } from '../core/clauses.js';

const moneyString = z.string().check(z.regex(/^\d+\.\d{2}$/));
const dateString = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const outcome = z.enum(['eligible', 'ineligible', 'undetermined']);

/** One measure's decision: its outcome, entitlement, payable (null for a service measure) and missing paths. */
export const measureDecisionSchema = z.object({
  measure: z.enum(MEASURE_IDS),
  outcome,
  amount: z.nullable(moneyString),
  payable: z.nullable(moneyString),
  /** DESIGN §7: the most `amount` can become once the missing facts are known (`null`: no bound). */
  amountUpTo: z.nullable(moneyString),
  /** DESIGN §7: as `amountUpTo`, for `payable`. */
  payableUpTo: z.nullable(moneyString),
  missing: z.array(z.string()),
});

/**
 * The zod/mini schema of a decision: what `decide` returns, as a value to validate with.
 *
 * @example
 * ```ts
 * import { decide } from 'mentougou-srdi';
 * import { decisionSchema } from 'mentougou-srdi/schemas';
 *
 * const decision = decide({ asOf: '2024-12-31', enterprise: { id: 'E1' } });
 * console.log(decisionSchema.safeParse(decision).success); // true
 * ```
 */
export const decisionSchema = z.object({
  subject: z.object({ kind: z.enum(['enterprise', 'institution']), id: z.string() }),
  asOf: dateString,
  edition: z.object({ id: z.string() }),
  applicability: z.object({ outcome }),
  measures: z.array(measureDecisionSchema),
  totalPayable: moneyString,
  /** DESIGN §7: the sum of the money measures' `payableUpTo`; `null` when any is. */
  totalPayableUpTo: z.nullable(moneyString),
  /** G5 (R13): whether the retention commitment was breached, on which day, what is recovered, and when the subject may leave freely. */
  clawback: z.object({
    breached: z.boolean(),
    breachedOn: z.nullable(dateString),
    amount: moneyString,
    freeToLeaveAfter: z.nullable(dateString),
  }),
});

/** What `decide` returns. */
export type Decision = z.infer<typeof decisionSchema>;
/** One measure in a decision. */
export type MeasureDecision = z.infer<typeof measureDecisionSchema>;
