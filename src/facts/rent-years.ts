/**
 * The rent subsidy's trigger and support years (M3, R4), a shared derivation: M3 pays the years, and
 * a budget forecast or the ledger can ask which years an enterprise is supported in without
 * importing the measure.
 *
 * R4: the trigger is a designation obtained inside the window (R1; renewals count: “含重新认定”), or a
 * move of the business registration into `mentougou` from another region inside the window on a day
 * the enterprise holds a designation (“新入区的”); T is the first trigger. The support years are
 * S, S+1, … (m3.years of them) with S = max(m3.firstYear, year of T), each also ≤ m3.lastYear and
 * ≤ the year of `asOf`.
 *
 * Readings (DESIGN §8): `foundingCountsAsMoveIn` (“新入区的” includes a founding in the district: the first
 * business entry, in `mentougou`, dated inside the window, is a trigger, with no designation needed that
 * day); `expiresOnInclusive` (whether a designation is still held on its `expiresOn`, for the move trigger).
 */
import { type DayNumber, yearOf } from '../core/calendar.js';
import type { MissingPaths } from '../core/decision.js';
import type { Designation, Registration } from '../model/request.js';
import type { EditionValues } from '../policy/edition.js';
import { type EnterpriseFacts, firstDayIn, isInWindow, type Relocation, registrationTimeline, spansDesignated } from './facts.js';
import { businessMovesIntoDistrict, hasBusinessTimeline, REGISTRATIONS_PATH } from './moves.js';

/**
 * What triggers the rent subsidy: a designation (renewals included), a move in while designated, or
 * (reading `foundingCountsAsMoveIn`) the founding of the business registration in the district.
 */
export type RentSubsidyTrigger =
  | { kind: 'designation'; on: DayNumber; designation: Designation }
  | { kind: 'move'; on: DayNumber; move: Relocation }
  | { kind: 'founding'; on: DayNumber; registration: Registration };

/** Whether a trigger exists: the first one, none, or not known (with the paths that would decide it). */
export type RentSubsidyTriggerFinding =
  | { status: 'met'; trigger: RentSubsidyTrigger }
  | { status: 'unmet' }
  | { status: 'unknown'; missing: MissingPaths };

type WindowValues = Pick<EditionValues, 'window' | 'readings'>;

/** Reading `foundingCountsAsMoveIn`: the founding in the district inside the window, if it is a trigger. */
function foundingTrigger(facts: EnterpriseFacts, values: WindowValues): RentSubsidyTrigger[] {
  if (!values.readings.foundingCountsAsMoveIn) return [];
  const founding = registrationTimeline(facts.enterprise.registrations, 'business')[0];
  if (founding === undefined || founding.region !== 'mentougou' || !isInWindow(founding.from, values, facts.asOf)) return [];
  return [{ kind: 'founding', on: founding.from, registration: founding }];
}

/** Every trigger of the rent subsidy (R4), oldest first; on one day a designation comes before the others. */
export function rentSubsidyTriggers(facts: EnterpriseFacts, values: WindowValues): RentSubsidyTrigger[] {
  const designations: RentSubsidyTrigger[] = facts.designations
    .filter((d) => isInWindow(d.obtainedOn, values, facts.asOf))
    .map((designation) => ({ kind: 'designation', on: designation.obtainedOn, designation }));
  // Whether a designation is held on a move's day, by a binary search over the spans designated (not a
  // walk of the designations per move: DESIGN §6), made only when a move falls in the window.
  const movesInWindow = businessMovesIntoDistrict(facts.enterprise.registrations).filter((move) => isInWindow(move.on, values, facts.asOf));
  const designated = movesInWindow.length > 0 ? spansDesignated(facts.designations, values.readings) : [];
  const moves: RentSubsidyTrigger[] = movesInWindow
    .filter((move) => firstDayIn(designated, move.on, move.on) !== null)
    .map((move) => ({ kind: 'move', on: move.on, move }));
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,UnaryOperator: equivalent — the tie-break restates the order of the concatenation (titles before moves), which the stable sort keeps anyway
  return [...designations, ...foundingTrigger(facts, values), ...moves].sort((a, b) => a.on - b.on || (a.kind === b.kind ? 0 : a.kind === 'designation' ? -1 : 1));
}

/** The first day of the window, up to `asOf`, on which a designation is held (a move in that day, were the business timeline known, could trigger), or `null`. */
function firstDayDesignatedInWindow(facts: EnterpriseFacts, values: WindowValues): DayNumber | null {
  return firstDayIn(spansDesignated(facts.designations, values.readings), values.window.effectiveFrom, Math.min(values.window.effectiveTo, facts.asOf));
}

/**
 * The first trigger T (R4). Without the business timeline, a move in while designated cannot be seen,
 * and it could come first: then T is not known, and the finding is unknown (needs
 * `enterprise.registrations`), whenever such a move could start the support years earlier than the
 * triggers that are seen — a designation is held on a day of the window whose support year S is
 * before that of the first trigger seen (or no trigger is seen at all). Else it is the first trigger
 * seen, or unmet when there is none.
 */
export function findRentSubsidyTrigger(facts: EnterpriseFacts, values: WindowValues & Pick<EditionValues, 'm3'>): RentSubsidyTriggerFinding {
  const first = rentSubsidyTriggers(facts, values)[0];
  if (!hasBusinessTimeline(facts.enterprise.registrations)) {
    const earliest = firstDayDesignatedInWindow(facts, values);
    if (earliest !== null && (first === undefined || firstRentSupportYear(earliest, values) < firstRentSupportYear(first.on, values))) {
      return { status: 'unknown', missing: [REGISTRATIONS_PATH] };
    }
  }
  return first ? { status: 'met', trigger: first } : { status: 'unmet' };
}

/** The first support year S = max(m3.firstYear, year of T) (“从2023年度起”). */
export function firstRentSupportYear(triggerOn: DayNumber, values: Pick<EditionValues, 'm3'>): number {
  return Math.max(values.m3.firstYear, yearOf(triggerOn));
}

/**
 * The support years reached by `asOf` (“连续支持三年”): S … S + (m3.years − 1), each ≤ m3.lastYear and
 * ≤ the year of `asOf`; empty when S is not reached yet.
 */
export function rentSupportYears(triggerOn: DayNumber, values: Pick<EditionValues, 'm3'>, asOf: DayNumber): number[] {
  const first = firstRentSupportYear(triggerOn, values);
  const last = Math.min(first + values.m3.years - 1, values.m3.lastYear, yearOf(asOf));
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) years.push(year);
  return years;
}
