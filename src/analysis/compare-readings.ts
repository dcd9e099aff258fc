/**
 * Readings comparison (DESIGN §8): what each unclear passage of the draft costs. Every request of a cohort
 * is assessed under the base edition (the built-in draft by default) and under each alternative reading
 * (the base with that one reading switched to its other value); per reading the comparison gives the
 * subjects whose result changes, the change in total entitlement, payable and clawback (and by measure),
 * one example subject, the clause words, and a wording for the final text that would settle it either way.
 *
 * A subject's result changes when a measure or line moves as `compareEditions` sees it (outcome, amount,
 * payable), when its applicability outcome changes, or when its clawback changes (breached, breach day,
 * registration, amount, the items recovered). The money at stake of a subject is the largest of |Δ
 * entitlement|, |Δ payable| and |Δ clawback|; a reading's is the sum over its subjects, so changes that
 * cancel in the totals still show. Readings are listed most money at stake first, then by the number of
 * subjects changed, then in the order of readings.md.
 *
 * Money is summed as Decimals and printed as two-decimal strings; a delta is `alternative − base`. Pure:
 * no I/O, no clock.
 */
import { MEASURE_IDS, type ClauseId, type MeasureId, type RulingId } from '../core/clauses.js';
import { formatMoney, maxMoney, Money, ZERO } from '../core/money.js';
import type { Bilingual } from '../core/trace.js';
import { safeAssessUnknown } from '../assess.js';
import type { AssessmentResult } from '../model/result.js';
import { ISSUE_MESSAGES, message } from '../core/messages.js';
import { deriveEdition, EditionError, trustedEdition } from '../policy/derive.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';
import { mentougou2022Draft } from '../policy/mentougou-2022-draft.js';
import { otherValue, READING_NAMES, type ReadingName, type Readings, READINGS } from '../policy/readings.js';
import { addTo, emptySum, type InvalidRequest, invalidRequest, type MoneySum, type RequestRef } from './cohort.js';
import { compareResults, type MeasureChange, type MeasureTotals, type MoneyDelta, moneyDelta } from './compare-editions.js';

/** Options of `compareReadings`. */
export interface CompareReadingsOptions {
  /** The base edition (default: the built-in `mentougou-2022-draft`); each alternative switches one of its readings. */
  edition?: PolicyEdition;
  /** The readings to try (default: all 22, in the order of readings.md). */
  readings?: readonly ReadingName[];
}

/** A subject whose result changes under an alternative reading. */
export interface ReadingSubject {
  index: number;
  line?: number;
  subject: { kind: 'enterprise' | 'institution'; id: string };
  asOf: string;
  amount: MoneyDelta;
  payable: MoneyDelta;
  clawback: MoneyDelta;
  /** The largest of |Δ amount|, |Δ payable| and |Δ clawback|. */
  atStake: string;
  /** The measures that moved (outcome, amount or payable). */
  measures: MeasureChange[];
  /** What else moved: `applicability` (G1 outcome) and `clawback` (G5). */
  also: ('applicability' | 'clawback')[];
}

/** What one alternative reading changes over the cohort. */
export interface ReadingChange {
  name: ReadingName;
  clause: ClauseId;
  ruling: RulingId;
  /** The words of the text in question, as quoted (policy/measures.zh.txt). */
  words: string;
  /** The base edition's value and the alternative tried. */
  from: boolean | string;
  to: boolean | string;
  /** A wording for the final text that would settle it on each value. */
  wording: { from: Bilingual; to: Bilingual };
  /** The id of the alternative edition (`<base id>+<name>`). */
  edition: string;
  changedSubjects: number;
  /** The money at stake: the sum of the changed subjects' `atStake`. */
  atStake: string;
  totals: {
    amount: MoneyDelta;
    payable: MoneyDelta;
    clawback: MoneyDelta;
    /** Money measures whose totals differ, in the order of the text. */
    byMeasure: MeasureTotals[];
  };
  /** The subject with the most at stake (the first in input order on a tie), or `null` when nothing changes. */
  example: ReadingSubject | null;
  /** Every changed subject, in input order. */
  subjects: ReadingSubject[];
}

/** The readings comparison of a cohort. */
export interface ReadingsComparison {
  base: { id: string; derivedFrom?: string };
  requests: number;
  assessed: number;
  invalid: InvalidRequest[];
  /** One entry per reading tried, most money at stake first. */
  readings: ReadingChange[];
}

/** A readings comparison built one request at a time (the CLI streams a file through one). */
export interface ReadingsComparisonBuilder {
  /** Assesses one request under the base and every alternative; an invalid request is recorded, not thrown. */
  add(request: unknown, ref?: Partial<RequestRef>): void;
  result(): ReadingsComparison;
}

const money = (text: string | null | undefined): Money => (text === null || text === undefined ? ZERO : new Money(text));
const abs = (m: Money): Money => (m.isNegative() ? m.negated() : m);

/** The entitlement of a result: the sum of its money measures' `amount`. */
const totalAmount = (r: AssessmentResult): Money => r.measures.reduce((sum, m) => sum.plus(money(m.amount)), ZERO);

/** Whether the clawback differs in anything a reviewer checks. */
function clawbackMoved(a: AssessmentResult, b: AssessmentResult): boolean {
  const x = a.clawback;
  const y = b.clawback;
  return (
    x.breached !== y.breached ||
    x.breachedOn !== y.breachedOn ||
    x.registration !== y.registration ||
    !money(x.amount).equals(money(y.amount)) ||
    x.items.map((i) => i.recovered).join() !== y.items.map((i) => i.recovered).join()
  );
}

/** What changes for one subject between the base and an alternative, or `null`. */
function compareSubject(a: AssessmentResult, b: AssessmentResult, ref: RequestRef): ReadingSubject | null {
  const change = compareResults(a, b, ref);
  const also: ReadingSubject['also'] = [];
  if (a.applicability.outcome !== b.applicability.outcome) also.push('applicability');
  if (clawbackMoved(a, b)) also.push('clawback');
  if (change === null && also.length === 0) return null;
  const amount = change?.amount ?? moneyDelta(totalAmount(a), totalAmount(b));
  const payable = change?.payable ?? moneyDelta(money(a.totalPayable), money(b.totalPayable));
  const clawback = moneyDelta(money(a.clawback.amount), money(b.clawback.amount));
  const atStake = [amount, payable, clawback].map((d) => abs(new Money(d.delta))).reduce(maxMoney);
  const out: ReadingSubject = {
    index: ref.index,
    subject: { kind: a.subject.kind, id: a.subject.id },
    asOf: a.asOf,
    amount,
    payable,
    clawback,
    atStake: formatMoney(atStake),
    measures: change?.measures ?? [],
    also,
  };
  if (ref.line !== undefined) out.line = ref.line;
  return out;
}

/** The running totals of one side (base or an alternative). */
interface Side {
  total: MoneySum;
  clawback: Money;
  byMeasure: Map<MeasureId, MoneySum>;
}

const emptySide = (): Side => ({ total: emptySum(), clawback: ZERO, byMeasure: new Map() });

function addResult(side: Side, result: AssessmentResult): void {
  for (const m of result.measures) {
    if (m.kind !== 'money') continue;
    let sum = side.byMeasure.get(m.measure);
    if (!sum) side.byMeasure.set(m.measure, (sum = emptySum()));
    addTo(sum, money(m.amount), money(m.payable));
    addTo(side.total, money(m.amount), money(m.payable));
  }
  side.clawback = side.clawback.plus(money(result.clawback.amount));
}

function measureTotals(base: Side, alt: Side): MeasureTotals[] {
  return MEASURE_IDS.flatMap((id) => {
    const a = base.byMeasure.get(id);
    const b = alt.byMeasure.get(id);
    if (!a || !b || (a.amount.equals(b.amount) && a.payable.equals(b.payable))) return [];
    return [{ measure: id, amount: moneyDelta(a.amount, b.amount), payable: moneyDelta(a.payable, b.payable) }];
  });
}

const editionRef = (e: PolicyEdition): { id: string; derivedFrom?: string } => (e.derivedFrom === undefined ? { id: e.id } : { id: e.id, derivedFrom: e.derivedFrom });

/**
 * A readings comparison builder: requests are added one at a time (a file streamed line by line).
 *
 * @throws EditionError when `options.edition` is not a valid edition, or a reading named is unknown
 * @example
 * ```ts
 * import { readingsComparisonBuilder } from 'mentougou-srdi/analysis';
 *
 * // Not an independent legal person: outside G1, so M1's entitlement is 0 — or 200,000 if the amount leaves G1 out.
 * const builder = readingsComparisonBuilder({ readings: ['g1InAmount'] });
 * builder.add({
 *   asOf: '2024-12-31',
 *   enterprise: {
 *     id: 'E1',
 *     independentLegalPerson: false,
 *     registrations: [{ kind: 'business', region: 'mentougou', from: '2015-04-01' }],
 *     designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
 *   },
 * });
 * const [reading] = builder.result().readings;
 * console.log(reading?.totals.amount.delta); // 200000.00
 * console.log(reading?.totals.payable.delta); // 0.00
 * ```
 */
export function readingsComparisonBuilder(options: CompareReadingsOptions = {}): ReadingsComparisonBuilder {
  const base = trustedEdition(options.edition ?? mentougou2022Draft);
  const current: Readings = editionValues(base).readings;
  const names = options.readings ?? READING_NAMES;
  const alternatives = names.map((name) => {
    if (!READING_NAMES.includes(name)) throw new EditionError([{ path: ['readings', name], code: 'unknown-key', ...message(ISSUE_MESSAGES['unknown-key'], { key: `readings.${name}` }) }]);
    const to = otherValue(name, current[name]);
    const edition = deriveEdition(base, { readings: { [name]: to } }, { id: `${base.id}+${name}` });
    return { name, from: current[name] as boolean | string, to: to as boolean | string, edition, side: emptySide(), subjects: [] as ReadingSubject[] };
  });
  const baseSide = emptySide();
  let requests = 0;
  let assessed = 0;
  const invalid: InvalidRequest[] = [];
  return {
    add(request, ref) {
      const where: RequestRef = { index: ref?.index ?? requests, ...(ref?.line === undefined ? {} : { line: ref.line }) };
      requests += 1;
      const a = safeAssessUnknown(request, { edition: base });
      if (!a.ok) {
        invalid.push(invalidRequest(request, where, a.issues));
        return;
      }
      assessed += 1;
      addResult(baseSide, a.value);
      for (const alt of alternatives) {
        // Validation does not depend on the edition: a request valid under the base is valid here.
        const b = safeAssessUnknown(request, { edition: alt.edition });
        if (!b.ok) continue;
        addResult(alt.side, b.value);
        const change = compareSubject(a.value, b.value, where);
        if (change) alt.subjects.push(change);
      }
    },
    result() {
      const readings = alternatives.map((alt): ReadingChange & { order: number; stake: Money } => {
        const spec = READINGS[alt.name];
        const at = (v: boolean | string): 0 | 1 => (v === spec.values[0] ? 0 : 1);
        const stake = alt.subjects.reduce((sum, s) => sum.plus(s.atStake), ZERO);
        const example = alt.subjects.reduce<ReadingSubject | null>((best, s) => (best === null || new Money(s.atStake).greaterThan(best.atStake) ? s : best), null);
        return {
          name: alt.name,
          clause: spec.clause,
          ruling: spec.ruling,
          words: spec.words,
          from: alt.from,
          to: alt.to,
          wording: { from: spec.wording[at(alt.from)], to: spec.wording[at(alt.to)] },
          edition: alt.edition.id,
          changedSubjects: alt.subjects.length,
          atStake: formatMoney(stake),
          totals: {
            amount: moneyDelta(baseSide.total.amount, alt.side.total.amount),
            payable: moneyDelta(baseSide.total.payable, alt.side.total.payable),
            clawback: moneyDelta(baseSide.clawback, alt.side.clawback),
            byMeasure: measureTotals(baseSide, alt.side),
          },
          example,
          subjects: [...alt.subjects],
          order: READING_NAMES.indexOf(alt.name),
          stake,
        };
      });
      readings.sort((x, y) => y.stake.comparedTo(x.stake) || y.changedSubjects - x.changedSubjects || x.order - y.order);
      return {
        base: editionRef(base),
        requests,
        assessed,
        invalid: [...invalid],
        readings: readings.map(({ order: _order, stake: _stake, ...reading }) => reading),
      };
    },
  };
}

/**
 * Runs a cohort under each alternative reading (DESIGN §8) and reports, per reading, what it changes,
 * most money at stake first.
 *
 * @throws EditionError when `options.edition` is not a valid edition, or a reading named is unknown
 * @example
 * ```ts
 * import { compareReadings } from 'mentougou-srdi/analysis';
 *
 * // An M3 2023 line of 36,500 (100 m² × 365 days at 1 yuan) against two rent subsidies of 20,000 each:
 * // summed they beat it (40,000 ≥ 36,500); one by one neither does.
 * const request = {
 *   asOf: '2023-12-31',
 *   enterprise: {
 *     id: 'E1',
 *     independentLegalPerson: true,
 *     registrations: [{ kind: 'business', region: 'mentougou', from: '2015-04-01' }, { kind: 'tax', region: 'mentougou', from: '2015-04-01' }],
 *     designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
 *     retentionCommitmentSignedOn: '2022-07-01',
 *     contributions: [{ year: 2023, amount: '900000' }],
 *     leases: [{ id: 'L1', areaSqm: 100, start: '2023-01-01', end: '2023-12-31', dailyRentPerSqm: 1, selfUse: true, inDistrict: true }],
 *     otherBenefits: [
 *       { program: 'zgc-mentougou-park', overlapsMeasure: 'M3', amount: '20000', year: 2023 },
 *       { program: 'other-rent', overlapsMeasure: 'M3', amount: '20000', year: 2023 },
 *     ],
 *   },
 * };
 * const [first] = compareReadings([request]).readings;
 * console.log(first?.name); // g2Aggregate
 * console.log(first?.totals.payable.delta); // 36500.00
 * console.log(first?.wording.to.en); // Each other benefit for the same matter is compared with this measure on its own; if any one is at least as high, this measure is not granted.
 * ```
 */
export function compareReadings(requests: readonly unknown[] | Iterable<unknown>, options: CompareReadingsOptions = {}): ReadingsComparison {
  const builder = readingsComparisonBuilder(options);
  for (const request of requests) builder.add(request);
  return builder.result();
}
