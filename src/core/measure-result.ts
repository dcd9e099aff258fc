/**
 * What a measure decides, before the general provisions: its conditions, its lines, its outcome,
 * the facts that would decide it, and (for money measures) its entitlement.
 *
 * `settleMeasure` is the one place where the outcome rules of docs/contract.md § A measure are applied: a line's outcome comes
 * from the measure's conditions and its own; the measure is eligible when any line is (or, with no
 * lines, when its conditions are met); its amount sums the eligible lines only.
 */
import type { MeasureId } from './clauses.js';
import { allOf, type Outcome, outcomeOf, outcomeOfLines } from './decision.js';
import { type Money, roundToFen, sumMoney, ZERO } from './money.js';
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

const unique = (paths: Iterable<string>): string[] => [...new Set(paths)];

/**
 * Settles a measure (docs/contract.md § A measure): each line's outcome from the measure's conditions and its own; the
 * measure's outcome from its lines (or, with none, from its conditions); its amount from the eligible
 * lines; `missing` from the unknown conditions of what is not already decided against.
 */
export function settleMeasure(draft: MeasureDraft): MeasureResult {
  const measureStatus = allOf(draft.conditions.map((c) => c.status));
  const lines: MeasureLine[] = draft.lines.map((line) => {
    const settled: MeasureLine = {
      id: line.id,
      label: line.label,
      conditions: line.conditions,
      amount: line.amount === null ? null : roundToFen(line.amount),
      details: line.details,
      outcome: outcomeOf(allOf([measureStatus, ...line.conditions.map((c) => c.status)])),
    };
    if (line.ledger) settled.ledger = line.ledger;
    return settled;
  });
  const outcome = lines.length > 0 && measureStatus !== 'unmet' ? outcomeOfLines(lines.map((l) => l.outcome)) : outcomeOf(measureStatus);
  const missing =
    outcome === 'ineligible'
      ? []
      : unique([
          ...draft.conditions.flatMap((c) => (c.status === 'unknown' ? c.missing : [])),
          ...lines.flatMap((l) => (l.outcome === 'ineligible' ? [] : l.conditions.flatMap((c) => (c.status === 'unknown' ? c.missing : [])))),
        ]);
  const amount = draft.kind === 'service' ? null : sumMoney(lines.filter((l) => l.outcome === 'eligible').map((l) => l.amount ?? ZERO));
  return {
    measure: draft.measure,
    clause: draft.clause,
    title: draft.title,
    kind: draft.kind,
    responsibleUnits: draft.responsibleUnits,
    outcome,
    missing,
    amount,
    conditions: draft.conditions,
    lines,
    reasons: draft.reasons ?? [],
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
  return settleMeasure({
    measure: result.measure,
    clause: result.clause,
    title: result.title,
    kind: result.kind,
    responsibleUnits: result.responsibleUnits,
    conditions: all,
    lines: result.lines,
    reasons: result.reasons,
  });
}
