/**
 * The earning steps of the designation reward (M1, R2), a shared derivation: M1 pays them, and M2
 * (R3) requires that the enterprise has an M1 entitlement, without either measure importing the other.
 */
import type { Money } from '../core/money.js';
import { ZERO } from '../core/money.js';
import type { Designation, Level } from '../model/request.js';
import type { EditionValues } from '../policy/edition.js';
import { type EnterpriseFacts, isInWindow, levelRank } from './facts.js';

/** One step of 晋级补差: a designation that earns a tier above the highest earned before it. */
export interface DesignationStep {
  designation: Designation;
  /** The tier of the designation's level. */
  tier: Money;
  /** The highest tier earned before this step (0 for the first). */
  earnedBefore: Money;
  /** What this step adds: `tier − earnedBefore`. */
  difference: Money;
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
    steps.push({ designation: d, tier, earnedBefore: highest, difference: tier.minus(highest) });
    highest = tier;
    highestRank = levelRank(d.level);
  }
  return steps;
}
