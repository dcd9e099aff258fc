/**
 * Facts derived from a validated request, shared by the measures and provisions so that no measure
 * derives them again: who the subject is, the designation held on a day, the region of a
 * registration on a day, the relocations, and whether a day is inside the window (R1).
 */
import type { DayNumber } from '../core/calendar.js';
import type { EditionValues } from '../policy/edition.js';
import type { Readings } from '../policy/readings.js';
import {
  type Designation,
  type Enterprise,
  type Institution,
  LEVELS,
  type Level,
  type PolicyRequest,
  type Region,
  type Registration,
  type RegistrationKind,
} from '../model/request.js';

/** The facts a measure of an enterprise decides on. */
export interface EnterpriseFacts {
  subject: 'enterprise';
  asOf: DayNumber;
  enterprise: Enterprise;
  /** The designations, oldest first (ties keep the request's order of levels, lowest first). */
  designations: Designation[];
}

/** The facts a measure of a service institution decides on. */
export interface InstitutionFacts {
  subject: 'institution';
  asOf: DayNumber;
  institution: Institution;
}

/** The facts of either subject. */
export type Facts = EnterpriseFacts | InstitutionFacts;

/** The rank of a level: municipal-sme 0 < municipal-little-giant 1 < national-little-giant 2. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** An absent `expiresOn` sorts after every date (a designation that does not expire). */
const expiryKey = (d: Designation): number => d.expiresOn ?? Number.MAX_SAFE_INTEGER;

/**
 * Designations oldest first; on the same day, the lower level first, then a first award before a
 * renewal, then the earlier expiry first. Independent of the input order.
 */
export function designationsInOrder(designations: readonly Designation[]): Designation[] {
  return [...designations].sort(
    (a, b) =>
      a.obtainedOn - b.obtainedOn ||
      levelRank(a.level) - levelRank(b.level) ||
      Number(a.renewal ?? false) - Number(b.renewal ?? false) ||
      expiryKey(a) - expiryKey(b),
  );
}

/** Derives the facts of a validated request. */
export function deriveFacts(request: PolicyRequest): Facts {
  if (request.enterprise) {
    return {
      subject: 'enterprise',
      asOf: request.asOf,
      enterprise: request.enterprise,
      designations: designationsInOrder(request.enterprise.designations),
    };
  }
  return { subject: 'institution', asOf: request.asOf, institution: request.institution as Institution };
}

/**
 * How “held” reads an expiry (reading `expiresOnInclusive`, DESIGN §8): `true` (R9, the default), a
 * designation is still held on its `expiresOn`; `false`, `expiresOn` is the first day it is not held.
 */
export type HeldRule = Pick<Readings, 'expiresOnInclusive'>;

/** R9's reading: `expiresOn` itself still counts. */
export const EXPIRES_ON_INCLUSIVE: HeldRule = { expiresOnInclusive: true };

/**
 * The last day a designation is held: its `expiresOn` (R9), or the day before it when `expiresOnInclusive`
 * is false; `undefined` when it does not expire.
 */
export function lastDayHeld(designation: Designation, held: HeldRule = EXPIRES_ON_INCLUSIVE): DayNumber | undefined {
  if (designation.expiresOn === undefined) return undefined;
  return held.expiresOnInclusive ? designation.expiresOn : designation.expiresOn - 1;
}

/**
 * Whether a designation is held on `day`: obtained on or before it and not expired (`expiresOn` itself
 * still counts under R9; not under `expiresOnInclusive: false`).
 */
export function isHeldOn(designation: Designation, day: DayNumber, held: HeldRule = EXPIRES_ON_INCLUSIVE): boolean {
  const last = lastDayHeld(designation, held);
  return designation.obtainedOn <= day && (last === undefined || day <= last);
}

/** The highest level held on `day`, or `null` when none is held. */
export function highestLevelHeldOn(designations: readonly Designation[], day: DayNumber, held: HeldRule = EXPIRES_ON_INCLUSIVE): Level | null {
  let best: Level | null = null;
  for (const d of designations) {
    if (isHeldOn(d, day, held) && (best === null || levelRank(d.level) > levelRank(best))) best = d.level;
  }
  return best;
}

/**
 * The spans of days on which some designation is held (R9's reading: `obtainedOn` to `expiresOn`, both
 * included; no expiry: for ever), merged, oldest first and disjoint: to ask of many days whether a
 * designation is held, by {@link firstDayIn}, in O(log n) each.
 */
export function spansDesignated(designations: readonly Designation[], held: HeldRule = EXPIRES_ON_INCLUSIVE): SpanOut[] {
  const spans = designations
    .map((d): [DayNumber, DayNumber] => [d.obtainedOn, lastDayHeld(d, held) ?? Number.POSITIVE_INFINITY])
    .filter(([start, end]) => start <= end)
    .sort((a, b) => a[0] - b[0]);
  const merged: [DayNumber, DayNumber][] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Whether any designation is held on `day`. */
export function holdsDesignationOn(designations: readonly Designation[], day: DayNumber, held: HeldRule = EXPIRES_ON_INCLUSIVE): boolean {
  return designations.some((d) => isHeldOn(d, day, held));
}

/** The entries of one registration kind, oldest first (the request guarantees the order). */
export function registrationTimeline(registrations: readonly Registration[], kind: RegistrationKind): Registration[] {
  return registrations.filter((r) => r.kind === kind);
}

/**
 * The region of a registration kind on `day`: the region of its latest entry on or before `day`;
 * `undefined` when the kind has no entry then (not known, or not yet founded).
 */
export function regionOn(registrations: readonly Registration[], kind: RegistrationKind, day: DayNumber): Region | undefined {
  let region: Region | undefined;
  for (const r of registrationTimeline(registrations, kind)) {
    if (r.from <= day) region = r.region;
    else break;
  }
  return region;
}

/** Days `[start, end]` (inclusive; `end` may be `Infinity`) during which a kind's registration is outside `mentougou`. */
export type SpanOut = readonly [start: DayNumber, end: DayNumber];

/**
 * The spans of days on which a registration kind is in a region other than `mentougou`, oldest first
 * and disjoint: each entry of the timeline holds from its `from` to the day before the next entry of
 * its kind (the last one for ever). Before the first entry the region is not known, so never out.
 */
export function spansOutOfDistrict(registrations: readonly Registration[], kind: RegistrationKind, unknownIsOut = false): SpanOut[] {
  const timeline = registrationTimeline(registrations, kind);
  const spans: SpanOut[] = [];
  // Reading unknownRegionBreaches: before the kind's first entry (or always, with none) it counts as out.
  if (unknownIsOut) spans.push([Number.NEGATIVE_INFINITY, (timeline[0]?.from ?? Number.POSITIVE_INFINITY) - 1]);
  timeline.forEach((r, i) => {
    if (r.region === 'mentougou') return;
    const next = timeline[i + 1];
    spans.push([r.from, next === undefined ? Number.POSITIVE_INFINITY : next.from - 1]);
  });
  return spans;
}

/**
 * The first day of `from..to` that lies in one of `spans` (from {@link spansOutOfDistrict}), or `null`:
 * a binary search, so a ledger of many payments against a long timeline stays O(n log n) (DESIGN §6).
 */
export function firstDayIn(spans: readonly SpanOut[], from: DayNumber, to: DayNumber): DayNumber | null {
  if (from > to) return null;
  // The first span that ends on or after `from`; being disjoint and sorted, it starts earliest of those that reach `from..to`.
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]![1] < from) low = mid + 1;
    else high = mid;
  }
  const span = spans[low];
  return span !== undefined && span[0] <= to ? Math.max(from, span[0]) : null;
}

/** A relocation: a change of a registration kind's region (the first entry of a kind is its founding, not a relocation). */
export interface Relocation {
  kind: RegistrationKind;
  from: Region;
  to: Region;
  on: DayNumber;
  /** Index of the entry in `registrations`, for paths. */
  index: number;
}

/** Every relocation of a kind, oldest first. */
export function relocations(registrations: readonly Registration[], kind: RegistrationKind): Relocation[] {
  const moves: Relocation[] = [];
  let previous: Region | undefined;
  registrations.forEach((r, index) => {
    if (r.kind !== kind) return;
    if (previous !== undefined && r.region !== previous) moves.push({ kind, from: previous, to: r.region, on: r.from, index });
    previous = r.region;
  });
  return moves;
}

/** R1: an earning event counts when `effectiveFrom ≤ day ≤ effectiveTo` and `day ≤ asOf`. */
export function isInWindow(day: DayNumber, values: Pick<EditionValues, 'window'>, asOf: DayNumber): boolean {
  return values.window.effectiveFrom <= day && day <= values.window.effectiveTo && day <= asOf;
}

/** The edition values that decide which non-earning facts count: the window and reading `r1AllEvents`. */
export type FactWindow = Pick<EditionValues, 'window' | 'readings'>;

/**
 * R1 for what is not an earning event (case-by-case support, integrity findings, the ledger): it counts
 * on any day up to `asOf`; under reading `r1AllEvents` only inside the window, as an earning event does.
 * Without `values`, R1 as DESIGN reads it.
 */
export function countsByAsOf(day: DayNumber, asOf: DayNumber, values?: FactWindow): boolean {
  return values?.readings.r1AllEvents === true ? isInWindow(day, values, asOf) : day <= asOf;
}
