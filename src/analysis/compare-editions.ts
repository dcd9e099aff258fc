/**
 * Edition comparison: what a changed draft would change, subject by subject and in total. Each request
 * is assessed under edition `a` and edition `b` (typically the built-in draft and a reform from
 * `deriveEdition`); only the subjects where something changes are listed, with the measures and the
 * measure lines that moved.
 *
 * A line has moved when its outcome changes, its payable amount changes, or its amount changes while
 * it counts in either edition (eligible or undetermined there: an ineligible line's amount is only what
 * it would have brought, and adds nothing). A line present in one edition only (an M3 support year
 * that a shorter `m3.years` drops) is compared with an absent line, which counts as ineligible with
 * nothing payable; its side shows `null`.
 *
 * Money is summed as Decimals and printed as two-decimal strings; a delta is `b − a` and may be
 * negative (`"-300000.00"`). Pure: no I/O, no clock.
 */
import { MEASURE_IDS, type MeasureId } from '../core/clauses.js';
import type { Outcome } from '../core/decision.js';
import { formatMoney, Money, ZERO } from '../core/money.js';
import { safeAssessUnknown } from '../assess.js';
import type { AssessmentResult, LineResultOutput, MeasureResultOutput } from '../model/result.js';
import { validateEdition } from '../policy/derive.js';
import type { PolicyEdition } from '../policy/edition.js';
import { mentougou2022Draft } from '../policy/mentougou-2022-draft.js';
import { addTo, emptySum, type InvalidRequest, invalidRequest, type MoneySum, type RequestRef } from './cohort.js';

/** A value under edition `a` and under edition `b`. */
export interface Change<T> {
  a: T;
  b: T;
}

/** Money under both editions and the difference `b − a`. */
export interface MoneyDelta {
  a: string;
  b: string;
  delta: string;
}

/** A measure line that moved. */
export interface LineChange {
  measure: MeasureId;
  lineId: string;
  /** `null` on the side where the line does not exist. */
  outcome: Change<Outcome | null>;
  amount: Change<string | null>;
  payable: Change<string | null>;
}

/** A measure whose outcome, amount or payable amount changed. */
export interface MeasureChange {
  measure: MeasureId;
  outcome: Change<Outcome | null>;
  amount: Change<string | null>;
  payable: Change<string | null>;
}

/** A subject for which something changes. */
export interface SubjectChange {
  index: number;
  line?: number;
  subject: { kind: 'enterprise' | 'institution'; id: string };
  asOf: string;
  amount: MoneyDelta;
  payable: MoneyDelta;
  measures: MeasureChange[];
  lines: LineChange[];
}

/** A money measure's totals under both editions. */
export interface MeasureTotals {
  measure: MeasureId;
  amount: MoneyDelta;
  payable: MoneyDelta;
}

/** The comparison of two editions over a cohort. */
export interface EditionComparison {
  a: { id: string; derivedFrom?: string };
  b: { id: string; derivedFrom?: string };
  requests: number;
  assessed: number;
  invalid: InvalidRequest[];
  /** Subjects with any change, in input order. */
  changed: SubjectChange[];
  totals: {
    subjects: number;
    changedSubjects: number;
    amount: MoneyDelta;
    payable: MoneyDelta;
    /** Money measures whose totals differ, in the order of the text. */
    byMeasure: MeasureTotals[];
  };
}

const money = (text: string | null | undefined): Money => (text === null || text === undefined ? ZERO : new Money(text));

/** `{ a, b, delta }` of two sums. */
export function moneyDelta(a: Money, b: Money): MoneyDelta {
  return { a: formatMoney(a), b: formatMoney(b), delta: formatMoney(b.minus(a)) };
}

/** Whether a line counts for money in an edition: present and not ineligible. */
const counts = (line: LineResultOutput | undefined): boolean => line !== undefined && line.outcome !== 'ineligible';

function lineMoved(a: LineResultOutput | undefined, b: LineResultOutput | undefined): boolean {
  const outcomeA = a?.outcome ?? 'ineligible';
  const outcomeB = b?.outcome ?? 'ineligible';
  if (outcomeA !== outcomeB) return true;
  if (!money(a?.payable).equals(money(b?.payable))) return true;
  if ((counts(a) || counts(b)) && !money(a?.amount).equals(money(b?.amount))) return true;
  return false;
}

function compareLines(measure: MeasureId, a: MeasureResultOutput | undefined, b: MeasureResultOutput | undefined): LineChange[] {
  const linesA = new Map((a?.lines ?? []).map((l) => [l.id, l]));
  const linesB = new Map((b?.lines ?? []).map((l) => [l.id, l]));
  const ids = [...linesA.keys(), ...[...linesB.keys()].filter((id) => !linesA.has(id))];
  return ids.flatMap((id) => {
    const la = linesA.get(id);
    const lb = linesB.get(id);
    if (!lineMoved(la, lb)) return [];
    return [
      {
        measure,
        lineId: id,
        outcome: { a: la?.outcome ?? null, b: lb?.outcome ?? null },
        amount: { a: la?.amount ?? null, b: lb?.amount ?? null },
        payable: { a: la?.payable ?? null, b: lb?.payable ?? null },
      },
    ];
  });
}

function measureMoved(a: MeasureResultOutput | undefined, b: MeasureResultOutput | undefined): boolean {
  return a?.outcome !== b?.outcome || a?.amount !== b?.amount || a?.payable !== b?.payable;
}

/** What changes for one subject between its results under `a` and `b` (the same request). */
export function compareResults(a: AssessmentResult, b: AssessmentResult, ref: RequestRef): SubjectChange | null {
  const measuresA = new Map(a.measures.map((m) => [m.measure, m]));
  const measuresB = new Map(b.measures.map((m) => [m.measure, m]));
  const measures: MeasureChange[] = [];
  const lines: LineChange[] = [];
  for (const id of MEASURE_IDS) {
    const ma = measuresA.get(id);
    const mb = measuresB.get(id);
    if (!ma && !mb) continue;
    const moved = compareLines(id, ma, mb);
    lines.push(...moved);
    if (measureMoved(ma, mb) || moved.length > 0) {
      measures.push({
        measure: id,
        outcome: { a: ma?.outcome ?? null, b: mb?.outcome ?? null },
        amount: { a: ma?.amount ?? null, b: mb?.amount ?? null },
        payable: { a: ma?.payable ?? null, b: mb?.payable ?? null },
      });
    }
  }
  if (measures.length === 0) return null;
  const out: SubjectChange = {
    index: ref.index,
    subject: { kind: a.subject.kind, id: a.subject.id },
    asOf: a.asOf,
    amount: moneyDelta(totalAmount(a), totalAmount(b)),
    payable: moneyDelta(money(a.totalPayable), money(b.totalPayable)),
    measures,
    lines,
  };
  if (ref.line !== undefined) out.line = ref.line;
  return out;
}

/** The entitlement of a result: the sum of its money measures' `amount`. */
function totalAmount(result: AssessmentResult): Money {
  return result.measures.reduce((sum, m) => sum.plus(money(m.amount)), ZERO);
}

/** An edition comparison built one request at a time (the CLI streams a file through one). */
export interface ComparisonBuilder {
  /** Assesses one request under both editions and adds it; an invalid request is recorded, not thrown. */
  add(request: unknown, ref?: Partial<RequestRef>): void;
  result(): EditionComparison;
}

const editionRef = (e: PolicyEdition): { id: string; derivedFrom?: string } => (e.derivedFrom === undefined ? { id: e.id } : { id: e.id, derivedFrom: e.derivedFrom });

/**
 * An edition comparison builder.
 *
 * @throws EditionError when `a` or `b` is not a valid edition
 *
 * @example
 * ```ts
 * import { mentougou2022Draft } from 'mentougou-srdi';
 * import { comparisonBuilder } from 'mentougou-srdi/analysis';
 * import { deriveEdition } from 'mentougou-srdi/edition';
 *
 * const builder = comparisonBuilder(mentougou2022Draft, deriveEdition(mentougou2022Draft, { m3: { years: 2 } }, { id: 'm3-two-years' }));
 * builder.add({ asOf: '2024-12-31', enterprise: { id: 'E1' } });
 * console.log(builder.result().totals.payable.delta); // 0.00
 * ```
 */
export function comparisonBuilder(a: PolicyEdition, b: PolicyEdition): ComparisonBuilder {
  for (const e of [a, b]) if (e !== mentougou2022Draft) validateEdition(e);
  let requests = 0;
  let assessed = 0;
  const invalid: InvalidRequest[] = [];
  const changed: SubjectChange[] = [];
  const totalA = emptySum();
  const totalB = emptySum();
  const byMeasure = new Map<MeasureId, { a: MoneySum; b: MoneySum }>();
  const addMeasures = (result: AssessmentResult, side: 'a' | 'b'): void => {
    for (const m of result.measures) {
      if (m.kind !== 'money') continue;
      let entry = byMeasure.get(m.measure);
      if (!entry) {
        entry = { a: emptySum(), b: emptySum() };
        byMeasure.set(m.measure, entry);
      }
      addTo(entry[side], money(m.amount), money(m.payable));
      addTo(side === 'a' ? totalA : totalB, money(m.amount), money(m.payable));
    }
  };
  return {
    add(request, ref) {
      const where: RequestRef = { index: ref?.index ?? requests, ...(ref?.line === undefined ? {} : { line: ref.line }) };
      requests += 1;
      const ra = safeAssessUnknown(request, { edition: a });
      if (!ra.ok) {
        invalid.push(invalidRequest(request, where, ra.issues));
        return;
      }
      const rb = safeAssessUnknown(request, { edition: b });
      if (!rb.ok) {
        // Validation does not depend on the edition; kept for completeness.
        invalid.push(invalidRequest(request, where, rb.issues));
        return;
      }
      assessed += 1;
      addMeasures(ra.value, 'a');
      addMeasures(rb.value, 'b');
      const change = compareResults(ra.value, rb.value, where);
      if (change) changed.push(change);
    },
    result() {
      const measureTotals: MeasureTotals[] = MEASURE_IDS.flatMap((id) => {
        const entry = byMeasure.get(id);
        if (!entry) return [];
        if (entry.a.amount.equals(entry.b.amount) && entry.a.payable.equals(entry.b.payable)) return [];
        return [{ measure: id, amount: moneyDelta(entry.a.amount, entry.b.amount), payable: moneyDelta(entry.a.payable, entry.b.payable) }];
      });
      return {
        a: editionRef(a),
        b: editionRef(b),
        requests,
        assessed,
        invalid: [...invalid],
        changed: [...changed],
        totals: {
          subjects: assessed,
          changedSubjects: changed.length,
          amount: moneyDelta(totalA.amount, totalB.amount),
          payable: moneyDelta(totalA.payable, totalB.payable),
          byMeasure: measureTotals,
        },
      };
    },
  };
}

/**
 * Compares two editions over a cohort: per subject and in total, what changes from `a` to `b`.
 * Only the subjects where something changes are listed, each with the measures and lines that moved.
 *
 * @throws EditionError when `a` or `b` is not a valid edition
 *
 * @example
 * ```ts
 * import { mentougou2022Draft } from 'mentougou-srdi';
 * import { compareEditions } from 'mentougou-srdi/analysis';
 * import { deriveEdition } from 'mentougou-srdi/edition';
 *
 * const twoYears = deriveEdition(mentougou2022Draft, { m3: { years: 2 } }, { id: 'm3-two-years' });
 * const comparison = compareEditions([{ asOf: '2024-12-31', enterprise: { id: 'E1' } }], mentougou2022Draft, twoYears);
 * console.log(`${comparison.totals.changedSubjects} of ${comparison.totals.subjects} change`); // 0 of 1 change
 * ```
 */
export function compareEditions(requests: readonly unknown[] | Iterable<unknown>, a: PolicyEdition, b: PolicyEdition): EditionComparison {
  const builder = comparisonBuilder(a, b);
  for (const request of requests) builder.add(request);
  return builder.result();
}
