/**
 * The trace: every condition a measure tests, with its clause, its status, a sentence in Chinese
 * and in English that a calculator can show, and the request paths whose values would decide it.
 *
 * The condition and the reason are the result's own parts (docs/contract.md § A condition, § Reasons and warnings): their
 * zod schemas live here, in the lowest layer, so that the rules build exactly what the result schema
 * (src/model/result.ts, which imports them) describes, and their types are inferred from them, not
 * written twice.
 */
import * as z from 'zod/mini';
import { type ClauseId, MEASURE_IDS, PROVISION_IDS, RULING_IDS, type RulingId } from './clauses.js';
import { allOf, type Outcome, outcomeOf, type Status, type Verdict } from './decision.js';

/** A sentence in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A clause id of the text (M1–M13, G1–G6). */
export const clauseIdSchema = z.enum([...MEASURE_IDS, ...PROVISION_IDS]);
const rulingIdSchema = z.enum(RULING_IDS);
const conditionText = {
  /** Stable id, e.g. `m3.contribution-threshold`. */
  id: z.string(),
  /** The clause whose words the condition tests. */
  clause: clauseIdSchema,
  /** The ruling that reads those words, where one does. */
  ruling: z.optional(rulingIdSchema),
  zh: z.string(),
  en: z.string(),
};

/**
 * One checked condition (docs/contract.md § A condition), a union on `status`: a met or unmet condition has no
 * missing paths; an unknown one names at least one request path whose value would decide it.
 */
export const conditionSchema = z.discriminatedUnion('status', [
  z.object({ ...conditionText, status: z.enum(['met', 'unmet']), /** None: a decided condition needs nothing more. */ missing: z.array(z.never()) }),
  z.object({
    ...conditionText,
    status: z.literal('unknown'),
    /** Request paths that would decide it (at least one). */
    missing: z.array(z.string()).check(z.minLength(1)),
  }),
]);

/** A reason attached to a measure or to applicability (why nothing is payable, what must be forgone). */
export const reasonSchema = z.object({ code: z.string(), clause: clauseIdSchema, zh: z.string(), en: z.string() });

/** One checked condition of a measure or provision (docs/contract.md § A condition). */
export type Condition = z.infer<typeof conditionSchema>;

/** A reason attached to a measure (why nothing is payable, what must be forgone). */
export type Reason = z.infer<typeof reasonSchema>;

/** What a condition tests, before it is evaluated. */
export interface ConditionSpec {
  id: string;
  clause: ClauseId;
  ruling?: RulingId;
  /** The condition as a statement, e.g. `区级综合贡献 2024 年 ≥ 80 万元`. */
  zh: string;
  en: string;
}

const STATUS_TEXT: Record<Status, Bilingual> = {
  met: { zh: '满足', en: 'met' },
  unmet: { zh: '不满足', en: 'not met' },
  unknown: { zh: '未知', en: 'unknown' },
};

/** The texts of a condition with no detail, made once per spec and status. */
const TEXT_CACHE = new WeakMap<ConditionSpec, Partial<Record<Status, Bilingual>>>();

/** The texts of a condition: `"<statement>：<status>（<detail>）"`. */
function textOf(spec: ConditionSpec, status: Status, detail: Bilingual | undefined): Bilingual {
  if (detail) return { zh: `${spec.zh}：${STATUS_TEXT[status].zh}（${detail.zh}）`, en: `${spec.en}: ${STATUS_TEXT[status].en} (${detail.en})` };
  let texts = TEXT_CACHE.get(spec);
  if (!texts) TEXT_CACHE.set(spec, (texts = {}));
  return (texts[status] ??= { zh: `${spec.zh}：${STATUS_TEXT[status].zh}`, en: `${spec.en}: ${STATUS_TEXT[status].en}` });
}

/**
 * Evaluates a condition into its trace entry: `"<statement>：<status>（<detail>）"`. The text states the
 * condition and what was found, never what to provide: an unknown condition names the paths that would
 * decide it in `missing`, and a statement asks for them only where the measure still needs them (an
 * ineligible measure asks for nothing).
 *
 * @param verdict `met()`, `unmet()` or `unknown(paths)` (the paths that would decide it)
 * @param detail what was found, e.g. `{ zh: '2024 年为 790,000.00 元', en: '790,000.00 yuan in 2024' }` (money grouped: it is prose)
 * @example checkCondition(CONTRIBUTION, unmet(), { zh: '2024 年为 790,000.00 元', en: '790,000.00 yuan in 2024' })
 * @example checkCondition(PHYSICAL, unknown(['enterprise.physicalOperationInDistrict'])) // “需在我区实体经营：未知”, missing that path
 */
export function checkCondition(spec: ConditionSpec, verdict: Verdict, detail?: Bilingual): Condition {
  const text = textOf(spec, verdict.status, detail);
  const condition: Condition =
    verdict.status === 'unknown'
      ? { id: spec.id, clause: spec.clause, status: 'unknown', zh: text.zh, en: text.en, missing: [...verdict.missing] }
      : { id: spec.id, clause: spec.clause, status: verdict.status, zh: text.zh, en: text.en, missing: [] };
  if (spec.ruling) condition.ruling = spec.ruling;
  return condition;
}

/** The combined status of a list of conditions (unmet dominates, then unknown). */
export function statusOfConditions(conditions: readonly Condition[]): Status {
  return allOf(conditions.map((c) => c.status));
}

/** The outcome of a list of conditions (docs/contract.md § A measure). */
export function outcomeOfConditions(conditions: readonly Condition[]): Outcome {
  return outcomeOf(statusOfConditions(conditions));
}

/**
 * The request paths that would decide a list of conditions, as a fact graph names them: none
 * when a condition is already unmet (the outcome is decided), else those of the unknown ones.
 */
export function missingOf(conditions: readonly Condition[]): string[] {
  if (conditions.some((c) => c.status === 'unmet')) return [];
  return [...new Set(conditions.flatMap((c) => (c.status === 'unknown' ? c.missing : [])))];
}
