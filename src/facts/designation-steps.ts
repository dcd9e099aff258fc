/**
 * The earning steps of the designation reward (M1, R2), a shared derivation: M1 pays them, and M2
 * (R3) requires that the enterprise has an M1 entitlement, without either measure importing the other.
 *
 * Reading `m1DistrictAtDesignation` (DESIGN §8, “加强本区企业培育”): when true, each step also needs the
 * business registration in `mentougou` on the day the designation was obtained. A step found elsewhere
 * earns nothing, still uses up “first of its level”, and stays out of the 晋级补差 ladder (a later step's
 * difference is over the earlier steps that are not unmet); one with no business entry by then is unknown.
 */
import { anyVerdict, known, met, unknown, type Verdict } from '../core/decision.js';
import type { Money } from '../core/money.js';
import { ZERO } from '../core/money.js';
import type { Designation, Level } from '../model/request.js';
import type { EditionValues } from '../policy/edition.js';
import { type EnterpriseFacts, isInWindow, levelRank, regionOn } from './facts.js';
import { REGISTRATIONS_PATH } from './moves.js';

/** One step of 晋级补差: a designation that earns a tier above the highest earned before it. */
export interface DesignationStep {
  designation: Designation;
  /** The tier of the designation's level. */
  tier: Money;
  /** The highest tier earned before this step (0 for the first). */
  earnedBefore: Money;
  /** What this step adds: `tier − earnedBefore`. */
  difference: Money;
  /**
   * Whether the business registration was in the district when the designation was obtained (reading
   * `m1DistrictAtDesignation`); always met under DESIGN's reading, which does not ask.
   */
  inDistrictOnDesignation: Verdict;
}

/** The business registration's region on the day of a designation (reading `m1DistrictAtDesignation`). */
function inDistrictOn(facts: EnterpriseFacts, designation: Designation): Verdict {
  const region = regionOn(facts.enterprise.registrations, 'business', designation.obtainedOn);
  return region === undefined ? unknown([REGISTRATIONS_PATH]) : known(region === 'mentougou');
}

/**
 * Whether a designation earns its tier under R2: obtained inside the window (R1), not a renewal
 * (“首次获得”), and the first of its level in the enterprise's history.
 *
 * @param firstOfItsLevel whether no earlier designation (in date order) has its level
 */
export function earnsTier(designation: Designation, firstOfItsLevel: boolean, values: EditionValues, asOf: number): boolean {
  return isInWindow(designation.obtainedOn, values, asOf) && designation.renewal !== true && firstOfItsLevel;
}

/**
 * The earning steps in date order (R2): each earning designation whose tier is above the highest earned
 * before it. One pass, with the levels met so far in a set: a linear ladder (DESIGN §6), not a look back
 * over every earlier designation per entry.
 */
export function designationSteps(facts: EnterpriseFacts, values: EditionValues): DesignationStep[] {
  const steps: DesignationStep[] = [];
  const levelsMet = new Set<Level>();
  let highest = ZERO;
  let highestRank = -1;
  for (const d of facts.designations) {
    const firstOfItsLevel = !levelsMet.has(d.level);
    levelsMet.add(d.level);
    if (!earnsTier(d, firstOfItsLevel, values, facts.asOf)) continue;
    const tier = values.m1.tiers[d.level];
    // Stryker disable next-line EqualityOperator: equivalent — `<` differs only for a level equal to the highest earned, which earnsTier has already excluded (first of its level)
    if (levelRank(d.level) <= highestRank || !tier.greaterThan(highest)) continue;
    const inDistrict = values.readings.m1DistrictAtDesignation ? inDistrictOn(facts, d) : met();
    steps.push({ designation: d, tier, earnedBefore: highest, difference: tier.minus(highest), inDistrictOnDesignation: inDistrict });
    // An unmet step stays out of the ladder: a later step tops up over what the others earned.
    if (inDistrict.status === 'unmet') continue;
    highest = tier;
    highestRank = levelRank(d.level);
  }
  return steps;
}

/** The steps that are on the 晋级补差 ladder: every one not found outside the district. */
export function ladderSteps(steps: readonly DesignationStep[]): DesignationStep[] {
  return steps.filter((s) => s.inDistrictOnDesignation.status !== 'unmet');
}

/**
 * “Has an M1 entitlement” (R3, for M2): met when some step is met, unknown when none is but some is
 * unknown (reading `m1DistrictAtDesignation`), else unmet (no step at all, or every one unmet).
 */
export function m1EntitlementVerdict(steps: readonly DesignationStep[]): Verdict {
  return anyVerdict(steps.map((s) => s.inDistrictOnDesignation));
}
