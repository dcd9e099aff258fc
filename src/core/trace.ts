/**
 * The trace: every condition a measure tests, with its clause, its status, a sentence in Chinese
 * and in English that a calculator can show, and the request paths whose values would decide it.
 */
import type { ClauseId, RulingId } from './clauses.js';
import { allOf, type Outcome, outcomeOf, type Status } from './decision.js';

/** A sentence in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One checked condition of a measure or provision (docs/contract.md § A condition). */
export interface Condition {
  /** Stable id, e.g. `m3.contribution-threshold`. */
  id: string;
  /** The clause whose words the condition tests. */
  clause: ClauseId;
  /** The ruling that reads those words, where one does. */
  ruling?: RulingId;
  status: Status;
  zh: string;
  en: string;
  /** Request paths whose values would decide this condition (empty unless `status` is unknown). */
  missing: string[];
}

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

/** The texts of a condition with no detail and nothing missing, made once per spec and status. */
const TEXT_CACHE = new WeakMap<ConditionSpec, Partial<Record<Status, Bilingual>>>();

/**
 * Evaluates a condition into its trace entry: `"<statement>：<status>（<detail>） — 需提供 <paths>"`.
 *
 * @param missing the request paths that would decide it; kept only when `status` is unknown
 * @param detail what was found, e.g. `{ zh: '2024 年为 790000.00 元', en: '790000.00 yuan in 2024' }`
 */
export function checkCondition(spec: ConditionSpec, status: Status, missing: readonly string[] = [], detail?: Bilingual): Condition {
  if (!detail && status !== 'unknown') {
    let texts = TEXT_CACHE.get(spec);
    if (!texts) TEXT_CACHE.set(spec, (texts = {}));
    const text = (texts[status] ??= { zh: `${spec.zh}：${STATUS_TEXT[status].zh}`, en: `${spec.en}: ${STATUS_TEXT[status].en}` });
    const condition: Condition = { id: spec.id, clause: spec.clause, status, zh: text.zh, en: text.en, missing: [] };
    if (spec.ruling) condition.ruling = spec.ruling;
    return condition;
  }
  const need = status === 'unknown' ? [...new Set(missing)] : [];
  let zh = `${spec.zh}：${STATUS_TEXT[status].zh}`;
  let en = `${spec.en}: ${STATUS_TEXT[status].en}`;
  if (detail) {
    zh += `（${detail.zh}）`;
    en += ` (${detail.en})`;
  }
  if (need.length > 0) {
    zh += ` — 需提供 ${need.join('、')}`;
    en += ` — needs ${need.join(', ')}`;
  }
  const condition: Condition = { id: spec.id, clause: spec.clause, status, zh, en, missing: need };
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
