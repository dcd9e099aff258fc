/**
 * The result (docs/contract.md § The result, frozen names), as a zod schema: the single source of the result's types and
 * of its JSON Schema (`mentougou-srdi/schema/result.json`). Money is a string with exactly two decimals;
 * dates are `YYYY-MM-DD` strings.
 */
import * as z from 'zod/mini';
import { MEASURE_IDS } from '../core/clauses.js';
import { conditionSchema, reasonSchema } from '../core/trace.js';
import { INTEGRITY_FINDING_KINDS, PAID_MEASURES } from './request.js';

/** A money string: yuan with exactly two decimals. */
export const moneyString = z.string().check(z.regex(/^\d+\.\d{2}$/)).register(z.globalRegistry, { description: 'Yuan with exactly two decimals, e.g. "600000.00".' });
const dateString = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)).register(z.globalRegistry, { format: 'date' });
const outcome = z.enum(['eligible', 'ineligible', 'undetermined']);
const bilingual = { zh: z.string(), en: z.string() };

/** One checked condition (a union on `status`: only an unknown one has missing paths). */
export const conditionResultSchema = conditionSchema;

export const reasonResultSchema = reasonSchema;

export const lineResultSchema = z.object({
  id: z.string(),
  label: z.object(bilingual),
  outcome,
  amount: z.nullable(moneyString),
  /** What is left to pay on this line after G2–G5 and the ledger. */
  payable: z.nullable(moneyString),
  /**
   * DESIGN §7: the most the line's entitlement can become once every missing fact is known (everything
   * else unchanged): an eligible line's `amount`; an undetermined line's largest outcome; "0.00" for an
   * ineligible line; `null` for a service line or when there is no bound (M7 with the municipal standard
   * unknown).
   */
  amountUpTo: z.nullable(moneyString),
  /** DESIGN §7: the most the line's `payable` can become, as `amountUpTo` (after G2–G5 and the ledger). */
  payableUpTo: z.nullable(moneyString),
  /** What the ledger shows was already paid on this line. */
  paid: z.nullable(moneyString),
  conditions: z.array(conditionResultSchema),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const measureResultSchema = z.object({
  measure: z.enum(MEASURE_IDS),
  clause: z.string(),
  title: z.object(bilingual),
  kind: z.enum(['money', 'service']),
  outcome,
  missing: z.array(z.string()),
  amount: z.nullable(moneyString),
  payable: z.nullable(moneyString),
  /**
   * DESIGN §7: the sum of the lines' `amountUpTo` (`null` if any is), or more when a missing fact could
   * add lines the result does not list yet (M3 whose support years are open); "0.00" when ineligible;
   * `null` for a service measure.
   */
  amountUpTo: z.nullable(moneyString),
  /** DESIGN §7: as `amountUpTo`, for `payable`. */
  payableUpTo: z.nullable(moneyString),
  conditions: z.array(conditionResultSchema),
  lines: z.array(lineResultSchema),
  reasons: z.array(reasonResultSchema),
  responsibleUnits: z.array(z.string()),
});

export const clawbackItemSchema = z.object({
  measure: z.enum(PAID_MEASURES),
  amount: moneyString,
  paidOn: dateString,
  /** The last day of the retention period (Civil Code arts. 201–202). */
  periodEnd: dateString,
  /** Whether the breach day falls inside this disbursement's period (its amount is recovered). */
  recovered: z.boolean(),
  year: z.optional(z.number().check(z.int())),
  enterpriseId: z.optional(z.string()),
});

export const clawbackResultSchema = z.object({
  breached: z.boolean(),
  breachedOn: z.nullable(dateString),
  registration: z.nullable(z.enum(['business', 'tax', 'both'])),
  amount: moneyString,
  items: z.array(clawbackItemSchema),
  freeToLeaveAfter: z.nullable(dateString),
  /** The edition's G5 period (自资金兑现之日起 N 年内), in years: what each period end counts from `paidOn`. */
  retentionYears: z.number().check(z.int(), z.gte(1)),
});

/**
 * One question (DESIGN §7): a missing fact, the measures it would help decide, how much money hangs on
 * it, who holds it and the question to ask, in both languages.
 */
export const questionSchema = z.object({
  /** The missing request path, as the measures' `missing` name it. */
  path: z.string(),
  /** The measures whose `missing` lists the path, in the order of the text. */
  measures: z.array(z.enum(MEASURE_IDS)),
  /**
   * How much `totalPayableUpTo − totalPayable` depends on the fact: the sum, over the money lines whose
   * open conditions name the path, of `payableUpTo − payable`, plus what lines not yet listed could add
   * to a measure whose own conditions name it; `null` when one of those is unbounded; "0.00" for a fact
   * that decides only service measures.
   */
  atStake: z.nullable(moneyString),
  /** Who holds the fact (the fact dictionary's holder). */
  holder: z.object(bilingual),
  ...bilingual,
});

/**
 * The zod/mini schema of a result (docs/contract.md § The result): what `assess` returns, as a value to validate with.
 *
 * @example
 * ```ts
 * import { assess } from 'mentougou-srdi';
 * import { resultSchema } from 'mentougou-srdi/schemas';
 *
 * const result = assess({ asOf: '2024-12-31', enterprise: { id: 'E1' } });
 * console.log(resultSchema.safeParse(result).success); // true
 * ```
 */
export const resultSchema = z.object({
  subject: z.object({ kind: z.enum(['enterprise', 'institution']), id: z.string() }),
  asOf: dateString,
  edition: z.object({ id: z.string(), assumptions: z.array(z.string()) }),
  applicability: z.object({ outcome, reasons: z.array(reasonResultSchema), conditions: z.array(conditionResultSchema) }),
  measures: z.array(measureResultSchema),
  totalPayable: moneyString,
  /** DESIGN §7: the sum of the money measures' `payableUpTo`; `null` when any is. */
  totalPayableUpTo: z.nullable(moneyString),
  /** DESIGN §7: one per missing path; unbounded first, then `atStake` descending, then service-only facts in measure order; ties by path. */
  questions: z.array(questionSchema),
  clawback: clawbackResultSchema,
  /** G4 (R11): an integrity finding sends the case to the credit record; no further fiscal funds. */
  creditRecord: z.object({
    recorded: z.boolean(),
    noFurtherFiscalFunds: z.boolean(),
    findings: z.array(z.object({ kind: z.enum(INTEGRITY_FINDING_KINDS), on: dateString })),
  }),
  warnings: z.array(z.object({ code: z.string(), ...bilingual })),
});

/** The result of `assess`. */
export type AssessmentResult = z.infer<typeof resultSchema>;
/** One measure in a result. */
export type MeasureResultOutput = z.infer<typeof measureResultSchema>;
/** One line of a measure in a result. */
export type LineResultOutput = z.infer<typeof lineResultSchema>;
/** One question of a result (DESIGN §7). */
export type Question = z.infer<typeof questionSchema>;
/** The clawback part of a result (R13). */
export type ClawbackResult = z.infer<typeof clawbackResultSchema>;
