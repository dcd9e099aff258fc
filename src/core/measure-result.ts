/**
 * What a measure decides, before the general provisions: its conditions, its lines, its outcome,
 * the facts that would decide it, and (for money measures) its entitlement.
 *
 * `settleMeasure` is the one place where the outcome rules of docs/contract.md § A measure are applied: a line's outcome comes
 * from the measure's conditions and its own; the measure is eligible when any line is (or, with no
 * lines, when its conditions are met); its amount sums the eligible lines only.
 */
import type { MeasureId } from './clauses.js';
import { type Outcome, outcomeOf, type Status } from './decision.js';
import { type Money, roundToFen, ZERO } from './money.js';
import type { Bilingual, Condition, Reason } from './trace.js';

export type { Reason } from './trace.js';

/** The money measures' ledger keys: which disbursements a line's payment is matched against. */
export interface LedgerKey {
  /** M3: the support year. */
  year?: number;
  /** M5: the introduced enterprise. */
  enterpriseId?: string;
}

/** One item of a measure (an M1 earning step, an M3 support year, an M5 enterprise, an M6 product). */
export interface MeasureLine {
  /** Stable within the measure: `municipal-sme@2022-06-15`, `2024`, `E11`. */
  id: string;
  label: Bilingual;
  /** The line's own conditions (the measure's conditions apply to it as well). */
  conditions: Condition[];
  /** Outcome from the measure's conditions and the line's own (set by `settleMeasure`). */
  outcome: Outcome;
  /** What the line brings if eligible, rounded to the fen (R14); `null` for service lines. */
  amount: Money | null;
  /** The line's key in the ledger of what was already paid. */
  ledger?: LedgerKey;
  /** Figures a reviewer checks the amount with (days, area, rate used, uncapped and capped sums). */
  details: Record<string, string | number | boolean | null>;
}

/** A line as a measure builds it, before its outcome is settled. */
export type MeasureLineDraft = Omit<MeasureLine, 'outcome'>;

/** Static facts of a measure: which clause, what it is called, who is responsible. */
export interface MeasureInfo {
  measure: MeasureId;
  /** The section of the text, e.g. `一、1 加强本区企业培育`. */
  clause: string;
  title: Bilingual;
  kind: 'money' | 'service';
  /** 责任单位, as the text lists them. */
  responsibleUnits: readonly string[];
}

/** A measure's decision on the facts, before G2–G5 and the ledger. */
export interface MeasureResult extends MeasureInfo {
  outcome: Outcome;
  /** Request paths whose values would decide it. */
  missing: string[];
  /** Entitlement: the sum of the eligible lines (money measures); `null` for service measures. */
  amount: Money | null;
  /** Conditions that apply to the whole measure (and so to every line). */
  conditions: Condition[];
  lines: MeasureLine[];
  reasons: Reason[];
}

/** A measure as built, before its outcome, amount and missing facts are settled. */
export interface MeasureDraft extends MeasureInfo {
  conditions: Condition[];
  lines: MeasureLineDraft[];
  reasons?: Reason[];
}

/** The status of all the conditions together (`allOf`), from `status` on. */
function statusWith(status: Status, conditions: readonly Condition[]): Status {
  let result = status;
  for (const c of conditions) {
    if (c.status === 'unmet') return 'unmet';
    if (c.status === 'unknown') result = 'unknown';
  }
  return result;
}

/** Adds the request paths of the unknown conditions to `into` (a set keeps each path once, in first-seen order); made when the first is found. */
function addMissing(into: Set<string> | null, conditions: readonly Condition[]): Set<string> | null {
  let paths = into;
  for (const c of conditions) if (c.status === 'unknown') for (const path of c.missing) (paths ??= new Set()).add(path);
  return paths;
}

/**
 * Settles a measure (docs/contract.md § A measure): each line's outcome from the measure's conditions and its own; the
 * measure's outcome from its lines (or, with none, from its conditions); its amount from the eligible
 * lines; `missing` from the unknown conditions of what is not already decided against.
 */
export function settleMeasure(draft: MeasureDraft): MeasureResult {
  return settled(draft, draft.lines, (amount) => roundToFen(amount));
}

/**
 * The settling of `settleMeasure`, on lines whose amounts `amountOf` gives (rounded to the fen from a
 * draft, as they are from lines already settled).
 */
function settled(info: MeasureInfo & { conditions: Condition[]; reasons?: Reason[] }, drafts: readonly MeasureLineDraft[], amountOf: (amount: Money) => Money): MeasureResult {
  const measureStatus = statusWith('met', info.conditions);
  const lines: MeasureLine[] = [];
  let anyEligible = false;
  let anyUndetermined = false;
  for (const line of drafts) {
    const outcome = outcomeOf(measureStatus === 'unmet' ? 'unmet' : statusWith(measureStatus, line.conditions));
    const settledLine: MeasureLine = {
      id: line.id,
      label: line.label,
      conditions: line.conditions,
      amount: line.amount === null ? null : amountOf(line.amount),
      details: line.details,
      outcome,
    };
    if (line.ledger) settledLine.ledger = line.ledger;
    lines.push(settledLine);
    if (outcome === 'eligible') anyEligible = true;
    else if (outcome === 'undetermined') anyUndetermined = true;
  }
  const fromLines: Outcome = anyEligible ? 'eligible' : anyUndetermined ? 'undetermined' : 'ineligible';
  const outcome = lines.length > 0 && measureStatus !== 'unmet' ? fromLines : outcomeOf(measureStatus);
  let missing: Set<string> | null = null;
  if (outcome !== 'ineligible') {
    missing = addMissing(missing, info.conditions);
    for (const l of lines) if (l.outcome !== 'ineligible') missing = addMissing(missing, l.conditions);
  }
  let amount: Money | null = null;
  if (info.kind !== 'service') {
    amount = ZERO;
    for (const l of lines) if (l.outcome === 'eligible') amount = amount.plus(l.amount ?? ZERO);
  }
  return {
    measure: info.measure,
    clause: info.clause,
    title: info.title,
    kind: info.kind,
    responsibleUnits: info.responsibleUnits,
    outcome,
    missing: missing ? [...missing] : [],
    amount,
    conditions: info.conditions,
    lines,
    reasons: info.reasons ?? [],
  };
}

/**
 * The same measure with further conditions that apply to all of it (the G1 applicability conditions,
 * R9), placed first, and settled again.
 */
export function withMeasureConditions(result: MeasureResult, conditions: readonly Condition[]): MeasureResult {
  // All met: nothing changes but the list of conditions (met conditions decide nothing and miss nothing).
  const all = [...conditions, ...result.conditions];
  if (conditions.every((c) => c.status === 'met')) {
    return {
      measure: result.measure,
      clause: result.clause,
      title: result.title,
      kind: result.kind,
      responsibleUnits: result.responsibleUnits,
      outcome: result.outcome,
      missing: result.missing,
      amount: result.amount,
      conditions: all,
      lines: result.lines,
      reasons: result.reasons,
    };
  }
  // Settled again on the lines as they are: their amounts are already rounded to the fen.
  return settled({ ...result, conditions: all }, result.lines, (amount) => amount);
}
