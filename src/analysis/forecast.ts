/**
 * The budget forecast: what the measures cost over a cohort of requests (the district's question for a
 * draft out for public comment). Each request goes through `safeAssess`; the results are summed
 * by measure, by year, by responsible unit (责任单位), with the outcome counts of every measure, the
 * invalid requests listed (never thrown), and the clawback exposure of G5 (R13).
 *
 * Years: M3 by support year (the line's `details.year`); the one-off measures by the year of their
 * triggering event as the measure's lines give it in `details`: M1 by each earning step's
 * `obtainedOn`, M2 by `movedInOn`, M5 by the introduced enterprise's `movedInOn`, M7 by `listedOn`.
 * A line whose date is missing falls in the year `null` (unknown); with the measures as they are, only
 * lines that bring nothing lack a date.
 *
 * Money is summed as Decimals (`Money`) and printed as two-decimal strings. Pure: no I/O, no clock.
 */
import { parseCalendarDate, yearOf } from '../core/calendar.js';
import { MEASURE_IDS, type MeasureId } from '../core/clauses.js';
import { formatMoney, Money, sumMoney, ZERO } from '../core/money.js';
import type { Bilingual } from '../core/trace.js';
import { type AssessOptions, safeAssessUnknown } from '../assess.js';
import type { AssessmentResult, LineResultOutput, MeasureResultOutput } from '../model/result.js';
import { trustedEdition } from '../policy/derive.js';
import { mentougou2022Draft } from '../policy/mentougou-2022-draft.js';
import type { PolicyEdition } from '../policy/edition.js';
import {
  addTo,
  count,
  emptyCounts,
  emptySum,
  type InvalidRequest,
  invalidRequest,
  type MoneyPair,
  type MoneySum,
  type OutcomeCounts,
  pairOf,
  type RequestRef,
} from './cohort.js';

/** Options of `forecast`. */
export interface ForecastOptions {
  /** The policy edition to apply; the built-in `mentougou-2022-draft` by default. */
  edition?: PolicyEdition;
}

/** One measure over the cohort. */
export interface ForecastMeasure extends OutcomeCounts {
  measure: MeasureId;
  kind: 'money' | 'service';
  title: Bilingual;
  responsibleUnits: string[];
  /** Sum of the entitlements; `null` for a service measure. */
  amount: string | null;
  /** Sum of what is payable; `null` for a service measure. */
  payable: string | null;
}

/** One year of the forecast, with the money measures that fall in it. */
export interface ForecastYear extends MoneyPair {
  /** The calendar year; `null` when a line gives no date. */
  year: number | null;
  /** The money measures with a non-zero entitlement or payable amount in the year, in the order of the text. */
  byMeasure: (MoneyPair & { measure: MeasureId })[];
}

/** One responsible unit: the money measures it is named for, and their sums. */
export interface ForecastUnit extends MoneyPair {
  unit: string;
  measures: MeasureId[];
}

/** One year in which retention periods end, with the disbursements still at risk. */
export interface ExposureYear {
  year: number;
  amount: string;
  /** Number of disbursements. */
  disbursements: number;
}

/** What the district could still recover under G5 (R13). */
export interface ClawbackExposure {
  /**
   * Sum of the disbursements still inside their retention periods on each request's `asOf`
   * (`periodEnd ≥ asOf`) and not already recovered.
   */
  total: string;
  /** The same, by the year the retention period ends. */
  byPeriodEndYear: ExposureYear[];
  /** Subjects with at least one disbursement at risk. */
  subjects: number;
  /** Sum of the clawback amounts of subjects that have already breached their commitment (due now). */
  recoverable: string;
  /** Subjects that have breached their commitment. */
  breachedSubjects: number;
}

/** The forecast of a cohort. */
export interface Forecast {
  edition: { id: string; assumptions: string[] };
  /** Requests read. */
  requests: number;
  /** Requests assessed (valid). */
  assessed: number;
  subjects: { enterprise: number; institution: number };
  /** Requests that failed validation, by position, with their issues. */
  invalid: InvalidRequest[];
  /** Entitlement and payable over all money measures. */
  totals: MoneyPair;
  /** Every measure that appears in a result, in the order of the text. */
  byMeasure: ForecastMeasure[];
  /** Years in ascending order (`null` last), those with a non-zero amount only. */
  byYear: ForecastYear[];
  /** Money by responsible unit. A measure with two units counts under each: the unit totals overlap. */
  byUnit: { overlapping: true; note: Bilingual; units: ForecastUnit[] };
  clawbackExposure: ClawbackExposure;
  /** How the figures are built (bilingual). */
  notes: Bilingual[];
}

/** The note that unit totals overlap. */
export const UNIT_OVERLAP_NOTE: Bilingual = {
  zh: '责任单位合计相互重叠：一项措施列有两个责任单位时，分别计入每个单位，各单位合计之和大于总额。',
  en: 'Unit totals overlap: a measure with two responsible units is counted in full under each, so the unit totals add up to more than the total.',
};

/** How lines are placed in years. */
export const YEAR_BASIS_NOTE: Bilingual = {
  zh: '年度口径：M1 按各晋级步骤的获得称号日期，M2 按迁入日期，M3 按支持年度，M5 按引进企业入驻日期，M7 按上市日期。',
  en: 'Years: M1 by the date each earning step was obtained, M2 by the move-in date, M3 by the support year, M5 by the introduced enterprise’s move-in date, M7 by the listing date.',
};

/** Where each one-off measure's line gives the date of its triggering event. */
const EVENT_DATE_DETAIL: Partial<Record<MeasureId, string>> = { M1: 'obtainedOn', M2: 'movedInOn', M5: 'movedInOn', M7: 'listedOn' };

/**
 * The year a line of a money measure falls in: M3 by its support year, the one-off measures by the
 * date of their triggering event (see {@link EVENT_DATE_DETAIL}); `null` when the line gives none.
 *
 * @example
 * ```ts
 * import { lineYear } from 'mentougou-srdi/analysis';
 *
 * // The year a line's money belongs to: an M3 line's support year.
 * console.log(lineYear('M3', { details: { year: 2024 } })); // 2024
 * ```
 */
export function lineYear(measure: MeasureId, line: Pick<LineResultOutput, 'details'>): number | null {
  const key = EVENT_DATE_DETAIL[measure];
  if (key === undefined) {
    const year = line.details.year;
    return typeof year === 'number' && Number.isInteger(year) ? year : null;
  }
  const date = line.details[key];
  const day = typeof date === 'string' ? parseCalendarDate(date) : null;
  return day === null ? null : yearOf(day);
}

/** What a line adds to the entitlement: its amount when eligible (docs/contract.md § A measure), else nothing. */
export function lineEntitlement(line: Pick<LineResultOutput, 'outcome' | 'amount'>): Money {
  return line.outcome === 'eligible' && line.amount !== null ? new Money(line.amount) : ZERO;
}

const money = (text: string | null): Money => (text === null ? ZERO : new Money(text));

interface MeasureAcc {
  kind: 'money' | 'service';
  title: Bilingual;
  responsibleUnits: string[];
  sum: MoneySum;
  counts: OutcomeCounts;
}

/** A forecast built one request at a time (the CLI streams a file through one). */
export interface ForecastBuilder {
  /** Assesses one request and adds it; an invalid request is recorded, not thrown. */
  add(request: unknown, ref?: Partial<RequestRef>): void;
  /** Adds a result already assessed (under the builder's edition). */
  addResult(result: AssessmentResult): void;
  /** The forecast of what has been added so far. */
  result(): Forecast;
}

/**
 * A forecast builder.
 *
 * @throws EditionError when `options.edition` is not a valid edition
 *
 * @example
 * ```ts
 * import { forecastBuilder } from 'mentougou-srdi/analysis';
 *
 * // One request at a time (a stream of JSON Lines, say), then the forecast.
 * const builder = forecastBuilder();
 * builder.add({ asOf: '2024-12-31', enterprise: { id: 'E1' } });
 * builder.add({ asOf: 'not a date', enterprise: { id: 'E2' } });
 * const result = builder.result();
 * console.log(`${result.assessed} assessed, ${result.invalid.length} invalid`); // 1 assessed, 1 invalid
 * ```
 */
export function forecastBuilder(options: ForecastOptions = {}): ForecastBuilder {
  // Validated once here (a frozen copy), so that each request's assess trusts it as it is.
  const edition = trustedEdition(options.edition ?? mentougou2022Draft);
  const assessOptions: AssessOptions = { edition };
  let requests = 0;
  let assessed = 0;
  const subjects = { enterprise: 0, institution: 0 };
  const invalid: InvalidRequest[] = [];
  const totals = emptySum();
  const measures = new Map<MeasureId, MeasureAcc>();
  const years = new Map<number | null, { sum: MoneySum; byMeasure: Map<MeasureId, MoneySum> }>();
  const units = new Map<string, { measures: Set<MeasureId>; sum: MoneySum }>();
  let exposure = ZERO;
  const exposureYears = new Map<number, { amount: Money; disbursements: number }>();
  let exposedSubjects = 0;
  let recoverable = ZERO;
  let breachedSubjects = 0;

  const addToYear = (year: number | null, measure: MeasureId, amount: Money, payable: Money): void => {
    if (amount.isZero() && payable.isZero()) return;
    let entry = years.get(year);
    if (!entry) {
      entry = { sum: emptySum(), byMeasure: new Map() };
      years.set(year, entry);
    }
    addTo(entry.sum, amount, payable);
    let perMeasure = entry.byMeasure.get(measure);
    if (!perMeasure) {
      perMeasure = emptySum();
      entry.byMeasure.set(measure, perMeasure);
    }
    addTo(perMeasure, amount, payable);
  };

  const addMeasure = (m: MeasureResultOutput): void => {
    let acc = measures.get(m.measure);
    if (!acc) {
      acc = { kind: m.kind, title: { zh: m.title.zh, en: m.title.en }, responsibleUnits: [...m.responsibleUnits], sum: emptySum(), counts: emptyCounts() };
      measures.set(m.measure, acc);
    }
    count(acc.counts, m.outcome);
    if (m.kind !== 'money') return;
    const amount = money(m.amount);
    const payable = money(m.payable);
    addTo(acc.sum, amount, payable);
    addTo(totals, amount, payable);
    for (const unit of m.responsibleUnits) {
      let u = units.get(unit);
      if (!u) {
        u = { measures: new Set(), sum: emptySum() };
        units.set(unit, u);
      }
      u.measures.add(m.measure);
      addTo(u.sum, amount, payable);
    }
    // By year, line by line; whatever the lines do not account for (nothing, as the measures are
    // built) goes to the unknown year, so that the years always add up to the totals.
    const lineAmounts: Money[] = [];
    const linePayables: Money[] = [];
    for (const line of m.lines) {
      const a = lineEntitlement(line);
      const p = money(line.payable);
      lineAmounts.push(a);
      linePayables.push(p);
      addToYear(lineYear(m.measure, line), m.measure, a, p);
    }
    addToYear(null, m.measure, amount.minus(sumMoney(lineAmounts)), payable.minus(sumMoney(linePayables)));
  };

  const addResult = (result: AssessmentResult): void => {
    assessed += 1;
    subjects[result.subject.kind] += 1;
    for (const m of result.measures) addMeasure(m);
    const asOf = parseCalendarDate(result.asOf);
    let exposed = false;
    for (const item of result.clawback.items) {
      const end = parseCalendarDate(item.periodEnd);
      if (item.recovered || end === null || asOf === null || end < asOf) continue;
      exposed = true;
      const amount = new Money(item.amount);
      exposure = exposure.plus(amount);
      const year = yearOf(end);
      const entry = exposureYears.get(year) ?? { amount: ZERO, disbursements: 0 };
      exposureYears.set(year, { amount: entry.amount.plus(amount), disbursements: entry.disbursements + 1 });
    }
    if (exposed) exposedSubjects += 1;
    if (result.clawback.breached) {
      breachedSubjects += 1;
      recoverable = recoverable.plus(result.clawback.amount);
    }
  };

  return {
    add(request, ref) {
      const index = ref?.index ?? requests;
      requests += 1;
      const outcome = safeAssessUnknown(request, assessOptions);
      if (!outcome.ok) {
        invalid.push(invalidRequest(request, { index, ...(ref?.line === undefined ? {} : { line: ref.line }) }, outcome.issues));
        return;
      }
      addResult(outcome.value);
    },
    addResult(result) {
      requests += 1;
      addResult(result);
    },
    result() {
      const byMeasure: ForecastMeasure[] = MEASURE_IDS.filter((id) => measures.has(id)).map((id) => {
        const acc = measures.get(id)!;
        const pair = acc.kind === 'money' ? pairOf(acc.sum) : { amount: null, payable: null };
        return { measure: id, kind: acc.kind, title: acc.title, responsibleUnits: acc.responsibleUnits, ...pair, ...acc.counts };
      });
      const yearKeys = [...years.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
      const byYear: ForecastYear[] = yearKeys.flatMap((year) => {
        const entry = years.get(year)!;
        if (entry.sum.amount.isZero() && entry.sum.payable.isZero()) return [];
        const perMeasure = MEASURE_IDS.flatMap((id) => {
          const sum = entry.byMeasure.get(id);
          return sum && !(sum.amount.isZero() && sum.payable.isZero()) ? [{ measure: id, ...pairOf(sum) }] : [];
        });
        return [{ year, ...pairOf(entry.sum), byMeasure: perMeasure }];
      });
      const unitList: ForecastUnit[] = [...units.entries()].map(([unit, u]) => ({
        unit,
        measures: MEASURE_IDS.filter((id) => u.measures.has(id)),
        ...pairOf(u.sum),
      }));
      return {
        edition: { id: edition.id, assumptions: [...edition.assumptions] },
        requests,
        assessed,
        subjects: { ...subjects },
        invalid: [...invalid],
        totals: pairOf(totals),
        byMeasure,
        byYear,
        byUnit: { overlapping: true, note: UNIT_OVERLAP_NOTE, units: unitList },
        clawbackExposure: {
          total: formatMoney(exposure),
          byPeriodEndYear: [...exposureYears.entries()]
            .sort(([a], [b]) => a - b)
            .map(([year, e]) => ({ year, amount: formatMoney(e.amount), disbursements: e.disbursements })),
          subjects: exposedSubjects,
          recoverable: formatMoney(recoverable),
          breachedSubjects,
        },
        notes: [YEAR_BASIS_NOTE, UNIT_OVERLAP_NOTE],
      };
    },
  };
}

/**
 * The budget forecast of a cohort: each request assessed with `safeAssess`, the money summed by
 * measure, by year and by responsible unit, outcome counts per measure, invalid requests listed by
 * index with their issues, and the clawback exposure on each request's `asOf`.
 *
 * @param requests requests as `safeAssess` takes them (`{ asOf, enterprise }` / `{ asOf, institution }`)
 * @param options `edition`: any `PolicyEdition` (default `mentougou-2022-draft`)
 * @throws EditionError only when `options.edition` is not a valid edition
 *
 * @example
 * ```ts
 * import { forecast } from 'mentougou-srdi/analysis';
 *
 * const cohort = [
 *   { asOf: '2024-12-31', enterprise: { id: 'E1' } },
 *   { asOf: '2024-12-31', enterprise: { id: 'E2', designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }] } },
 * ];
 * const result = forecast(cohort);
 * console.log(`${result.assessed} of ${result.requests} assessed; payable ${result.totals.payable}`); // 2 of 2 assessed; payable 0.00
 * ```
 */
export function forecast(requests: readonly unknown[] | Iterable<unknown>, options: ForecastOptions = {}): Forecast {
  const builder = forecastBuilder(options);
  for (const request of requests) builder.add(request);
  return builder.result();
}
