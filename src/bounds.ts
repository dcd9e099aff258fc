/**
 * Bounds (DESIGN §7): the most that each money line's and measure's entitlement and payable can become
 * once every missing fact is known, everything else in the request unchanged, computed exactly on a
 * finite set of completions that holds a maximiser of every line, never by sampling.
 *
 * - An eligible line keeps its `amount` / `payable`; an ineligible line is "0.00" (no missing fact can
 *   make it eligible); so is every line of an ineligible measure.
 * - An undetermined line takes the largest value it has over the completions below, `null` (no bound)
 *   when what is still open in a completion is only a fact without a bound: M7's
 *   `municipalStandardReward` (R7: the amount is at least the municipal standard, whatever it is). Its
 *   payable is then unbounded too, unless G3, G4 or G5 (R10–R13) block all money: no other benefit
 *   (G2) and no payment on the ledger can absorb an amount that has no bound.
 * - A measure's bound is the sum of its lines' (`null` if any is); an undetermined measure's is at least
 *   the largest the measure reaches in a completion, which is more than the sum only when a completion
 *   adds lines the result does not list (M3 whose trigger or start year waits on the registrations).
 *
 * The completions. Every fact the rules read as unknown when absent takes the value that helps every
 * line: `independentLegalPerson` and `certified` true (G1, R9), `physicalOperationInDistrict` true (M2,
 * R3), a contribution of exactly the threshold for each year without one (M3, R4: “80万元（含）”), the
 * highest-paying level for an introduced enterprise without `highestLevel` (M5, R6). None of these can
 * lower any line: each only turns an unknown condition met, or gives a line its largest tier. The
 * business registration timeline, when `<subject>.registrations` is missing, is the one fact whose
 * values pull lines different ways, so it gets several completions, each a valid timeline:
 *   (a) in `mentougou` since before every day the request names: G1 met, every M3 year registered,
 *       no day out of the district, so no breach (R13);
 *   (b) for an enterprise whose M2 or M3 is open: `outside-beijing` on m − 1 and `mentougou` from m, for
 *       each candidate move day m in the window (R1, m ≤ asOf). A move is what M2 pays for (R3) and may
 *       be an earlier M3 trigger (R4: moved in while designated), so an earlier first support year;
 *       the only day out of the district is m − 1, which breaches (R13) only when it lies in a
 *       disbursement's period. M3 asks only for the year of the move, M2 only for a day on or after its
 *       start date, so one move day per year and one for M2 do (`moveDays`): the first that breaches
 *       nothing, or, when every such day would, the first at all (the entitlement is earned all the
 *       same). So there are a few completions, whatever the lengths of the lists.
 * An absent tax timeline is completed as `mentougou` since before every day (it can only breach).
 */
import { firstDayOfYear, lastDayOfYear, periodEndByYears, yearOf, type DayNumber } from './core/calendar.js';
import type { MeasureId } from './core/clauses.js';
import { maxMoney, Money, ZERO } from './core/money.js';
import { type EnterpriseFacts, type Facts, firstDayIn, type InstitutionFacts, spansDesignated } from './facts/facts.js';
import { LEVELS, type Enterprise, type Institution, type Level, type Registration } from './model/request.js';
import type { LineResultOutput, MeasureResultOutput } from './model/result.js';
import type { EditionValues } from './policy/edition.js';

/** The money measures as a completed request assesses them, and whether G3–G5 block all money there. */
export interface MoneyEvaluation {
  measures: readonly MeasureResultOutput[];
  blocked: boolean;
}

/** An upper bound: an amount, or `null` for none. */
export type Bound = Money | null;

/** The bounds of one line. */
export interface LineBound {
  amountUpTo: Bound;
  payableUpTo: Bound;
}

/** The bounds of one money measure and of its lines (in the order of the measure's lines). */
export interface MeasureBound extends LineBound {
  lines: LineBound[];
}

/**
 * The facts that have no upper bound: a completion leaves them absent, so a line open on them stays
 * undetermined there, and has no bound.
 */
export const UNBOUNDED_PATHS: ReadonlySet<string> = new Set(['enterprise.listing.municipalStandardReward']);

const add = (a: Bound, b: Bound): Bound => (a === null || b === null ? null : a.plus(b));
const max = (a: Bound, b: Bound): Bound => (a === null || b === null ? null : maxMoney(a, b));
/** A money string of a money measure or line (never `null` there). */
const money = (text: string | null): Money => new Money(text as string);

/** Whether a money measure has something a missing fact could still change (so a completion must run it). */
export const isOpenMoney = (m: MeasureResultOutput): boolean => m.kind === 'money' && m.outcome !== 'ineligible' && (m.outcome === 'undetermined' || m.lines.some((l) => l.outcome === 'undetermined'));

/** A completion's money measures, and each one's lines, by id (so that a line is found in O(1)). */
interface Indexed {
  blocked: boolean;
  measures: Map<MeasureId, { measure: MeasureResultOutput; lines: Map<string, LineResultOutput> }>;
}

const indexed = (e: MoneyEvaluation): Indexed => ({
  blocked: e.blocked,
  measures: new Map(e.measures.map((m) => [m.measure, { measure: m, lines: new Map(m.lines.map((l) => [l.id, l])) }])),
});

/** What a line brings in one completion: its entitlement and payable, or unbounded when it is still open there. */
function lineIn(evaluation: Indexed, measure: MeasureId, lineId: string): LineBound {
  const line = evaluation.measures.get(measure)?.lines.get(lineId);
  if (!line || line.outcome === 'ineligible') return { amountUpTo: ZERO, payableUpTo: ZERO };
  if (line.outcome === 'eligible') return { amountUpTo: money(line.amount), payableUpTo: money(line.payable) };
  // Still open once every fact with a bound is given: open on a fact without one (UNBOUNDED_PATHS), so
  // no bound; its payable too, unless G3–G5 block all money (no other benefit, no payment absorbs it).
  return { amountUpTo: null, payableUpTo: evaluation.blocked ? ZERO : null };
}

/**
 * The bounds of the open money measures of a result ({@link isOpenMoney}); a measure that is not open
 * has its own values as bounds (its eligible lines theirs, the others "0.00"), which the caller sets
 * without arithmetic.
 *
 * @param facts the validated request's facts
 * @param values the edition's values (window, M2 date, M3 years and threshold, M5 tiers, G5 period)
 * @param base the result's money measures
 * @param evaluate assesses the open money measures ({@link isOpenMoney}) of a completed request (G1–G5 and the ledger applied)
 */
export function moneyBounds(facts: Facts, values: EditionValues, base: readonly MeasureResultOutput[], evaluate: (facts: Facts) => MoneyEvaluation): Map<MeasureId, MeasureBound> {
  const bounds = new Map<MeasureId, MeasureBound>();
  if (!base.some(isOpenMoney)) return bounds;
  const evaluations = completions(facts, values, base).map((f) => indexed(evaluate(f)));
  for (const m of base) {
    if (!isOpenMoney(m)) continue;
    const lines: LineBound[] = [];
    let amountUpTo: Bound = ZERO;
    let payableUpTo: Bound = ZERO;
    for (const line of m.lines) {
      let bound: LineBound = { amountUpTo: ZERO, payableUpTo: ZERO };
      if (line.outcome === 'eligible') bound = { amountUpTo: money(line.amount), payableUpTo: money(line.payable) };
      else if (line.outcome === 'undetermined') {
        for (const e of evaluations) {
          const here = lineIn(e, m.measure, line.id);
          bound = { amountUpTo: max(bound.amountUpTo, here.amountUpTo), payableUpTo: max(bound.payableUpTo, here.payableUpTo) };
        }
      }
      lines.push(bound);
      amountUpTo = add(amountUpTo, bound.amountUpTo);
      payableUpTo = add(payableUpTo, bound.payableUpTo);
    }
    if (m.outcome === 'undetermined') {
      for (const e of evaluations) {
        // every open measure is run in every completion
        const there = e.measures.get(m.measure)!.measure;
        amountUpTo = max(amountUpTo, money(there.amount));
        payableUpTo = max(payableUpTo, money(there.payable));
      }
    }
    bounds.set(m.measure, { amountUpTo, payableUpTo, lines });
  }
  return bounds;
}

/** Every path the result's measures miss. */
const missingPaths = (base: readonly MeasureResultOutput[]): Set<string> => new Set(base.flatMap((m) => m.missing));

/** The level whose M5 tier is the largest (the highest level on a tie). */
function bestLevel(values: EditionValues): Level {
  let best: Level = LEVELS[0];
  for (const level of LEVELS) if (values.m5.tiers[level].greaterThanOrEqualTo(values.m5.tiers[best])) best = level;
  return best;
}

/** A day before every day the request names (and before the window), so that a timeline from it covers them all. */
function dayBeforeAll(facts: Facts, values: EditionValues): DayNumber {
  const subject = facts.subject === 'enterprise' ? facts.enterprise : facts.institution;
  const days: DayNumber[] = [facts.asOf, values.window.effectiveFrom];
  for (const r of subject.registrations) days.push(r.from);
  for (const d of subject.disbursements) days.push(d.paidOn);
  for (const c of subject.caseByCaseSupport) days.push(c.from);
  for (const f of subject.integrityFindings) days.push(f.on);
  if (subject.retentionCommitmentSignedOn !== undefined) days.push(subject.retentionCommitmentSignedOn);
  if (facts.subject === 'enterprise') {
    for (const d of facts.designations) days.push(d.obtainedOn);
    for (const l of facts.enterprise.leases) days.push(l.start);
    if (facts.enterprise.listing) days.push(facts.enterprise.listing.listedOn);
  } else {
    for (const e of facts.institution.introducedEnterprises) days.push(e.movedInOn);
  }
  return Math.min(...days) - 1;
}

type Span = [DayNumber, DayNumber];

/** Spans of days merged: sorted, disjoint, none touching the next. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last !== undefined && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** The span of merged `spans` that holds `day`, or `undefined` (a binary search). */
function spanHolding(spans: readonly Span[], day: DayNumber): Span | undefined {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]![1] < day) low = mid + 1;
    else high = mid;
  }
  const span = spans[low];
  return span !== undefined && span[0] <= day ? span : undefined;
}

/**
 * The move days of completion (b), at most one per year and one for M2 (so a few completions whatever
 * the lists' lengths; each found in O(log n) steps per span skipped, DESIGN §6).
 *
 * A move on m is a day out of the district on m − 1 only; that breaches (R13) when m − 1 lies in a
 * disbursement's period, so m is *barred* when it lies in [paidOn + 1, period end + 1]. M3 (R4) asks only
 * for the year of a move made while designated: for each year of the window (to asOf), the first day
 * designated and not barred, or, when every designated day of the year is barred, the first designated
 * day (the entitlement is still earned, the payable blocked). M2 (R3) asks for a move from outside
 * Beijing on or after its start date: the first day not barred, or its start date. Any other move day of
 * a year does no better for any line than the one chosen.
 */
function moveDays(facts: EnterpriseFacts, values: EditionValues): DayNumber[] {
  const from = values.window.effectiveFrom;
  const to = Math.min(values.window.effectiveTo, facts.asOf);
  const held = spansDesignated(facts.designations);
  const barred = merged(facts.enterprise.disbursements.map((d): Span => [d.paidOn + 1, periodEndByYears(d.paidOn, values.g5.retentionYears) + 1]));
  /** The first day of a..b in `held` (or any day, without it) that is not barred, or `null`. */
  const firstFree = (a: DayNumber, b: DayNumber, designated: boolean): DayNumber | null => {
    for (let day: DayNumber | null = a; day !== null && day <= b; ) {
      if (designated) day = firstDayIn(held, day, b);
      if (day === null) return null;
      const span = spanHolding(barred, day);
      if (span === undefined) return day;
      day = span[1] + 1;
    }
    return null;
  };
  const days = new Set<DayNumber>();
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    const a = Math.max(from, firstDayOfYear(year));
    const b = Math.min(to, lastDayOfYear(year));
    const day = firstFree(a, b, true) ?? firstDayIn(held, a, b);
    if (day !== null) days.add(day);
  }
  const m2From = Math.max(from, values.m2.movedInOnOrAfter);
  if (m2From <= to) days.add(firstFree(m2From, to, false) ?? m2From);
  return [...days].sort((a, b) => a - b);
}

/** The registrations of a completion: the given ones, with each absent kind filled in. */
function withTimelines(given: readonly Registration[], business: Registration[] | null, tax: Registration[] | null): Registration[] {
  return [...given, ...(business ?? []), ...(tax ?? [])];
}

/** The completed enterprise facts (every absent fact that helps a line, at its best value), with the given registrations. */
function completeEnterprise(facts: EnterpriseFacts, values: EditionValues, registrations: Registration[] | undefined): EnterpriseFacts {
  const e = facts.enterprise;
  const contributions = [...(e.contributions)];
  const given = new Set(contributions.map((c) => c.year));
  const last = Math.min(values.m3.lastYear, yearOf(facts.asOf));
  for (let year = values.m3.firstYear; year <= last; year++) {
    const counted = year + values.m3.contributionYearOffset;
    if (!given.has(counted)) contributions.push({ year: counted, amount: values.m3.contributionThreshold });
  }
  const enterprise: Enterprise = {
    ...e,
    independentLegalPerson: e.independentLegalPerson ?? true,
    physicalOperationInDistrict: e.physicalOperationInDistrict ?? true,
    contributions,
  };
  if (registrations !== undefined) enterprise.registrations = registrations;
  return { ...facts, enterprise };
}

function completeInstitution(facts: InstitutionFacts, values: EditionValues, registrations: Registration[] | undefined): InstitutionFacts {
  const i = facts.institution;
  const level = bestLevel(values);
  const institution: Institution = {
    ...i,
    independentLegalPerson: i.independentLegalPerson ?? true,
    certified: i.certified ?? true,
  };
  institution.introducedEnterprises = i.introducedEnterprises.map((x) => (x.highestLevel === undefined ? { ...x, highestLevel: level } : x));
  if (registrations !== undefined) institution.registrations = registrations;
  return { ...facts, institution };
}

/** The completions of the request (see the module's comment): one, or more when the registrations are missing. */
export function completions(facts: Facts, values: EditionValues, base: readonly MeasureResultOutput[]): Facts[] {
  const subject = facts.subject === 'enterprise' ? facts.enterprise : facts.institution;
  const given = subject.registrations;
  const complete = (registrations: Registration[] | undefined): Facts =>
    facts.subject === 'enterprise' ? completeEnterprise(facts, values, registrations) : completeInstitution(facts, values, registrations);
  if (!missingPaths(base).has(`${facts.subject}.registrations`)) return [complete(undefined)];

  const before = dayBeforeAll(facts, values);
  const has = (kind: Registration['kind']): boolean => given.some((r) => r.kind === kind);
  const since = (kind: Registration['kind']): Registration[] | null => (has(kind) ? null : [{ kind, region: 'mentougou', from: before }]);
  const out: Facts[] = [complete(withTimelines(given, since('business'), since('tax')))];
  const m2m3Open = base.some((m) => (m.measure === 'M2' || m.measure === 'M3') && m.outcome === 'undetermined');
  if (facts.subject === 'enterprise' && !has('business') && m2m3Open) {
    for (const m of moveDays(facts, values)) {
      const moved: Registration[] = [
        { kind: 'business', region: 'outside-beijing', from: m - 1 },
        { kind: 'business', region: 'mentougou', from: m },
      ];
      out.push(complete(withTimelines(given, moved, since('tax'))));
    }
  }
  return out;
}
