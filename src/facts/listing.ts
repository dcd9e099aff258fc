/**
 * “Listed as in R7”: the shared check of M7 (the listing reward) and M8 (services for the fundraising
 * projects after listing), so that neither measure repeats it and neither imports the other.
 *
 * R7: the enterprise has a listing (an absent listing means none: not listed), holds a designation on
 * `listedOn` (`expiresOn` itself still counts), and `listedOn` is inside the window (R1:
 * `effectiveFrom ≤ listedOn ≤ effectiveTo` and `listedOn ≤ asOf`). That the board existed on that day is
 * checked by the request schema (a listing on a board that no longer existed is an input error).
 */
import { formatCalendarDate } from '../core/calendar.js';
import { known, met, unmet } from '../core/decision.js';
import { checkCondition, type Condition, type ConditionSpec } from '../core/trace.js';
import { BOARDS } from '../model/boards.js';
import type { EditionValues } from '../policy/edition.js';
import { checkDesignatedOn } from './designated.js';
import { type EnterpriseFacts, isInWindow } from './facts.js';

/** The measure's own specs of the three R7 conditions (each measure names its own words and ids). */
export interface ListingSpecs {
  /** The enterprise has listed on one of the boards of M7. */
  listed: ConditionSpec;
  /** It holds a designation on the listing day. */
  designatedOnListingDay: ConditionSpec;
  /** The listing day is inside the window (R1). */
  listedInWindow: ConditionSpec;
}

const NOT_LISTED = { zh: '未上市', en: 'not listed' };

/**
 * The three R7 conditions of a listing, in the order of {@link ListingSpecs}. Without a listing all
 * three are unmet (there is no listing day on which to hold a designation or to fall in the window).
 *
 * @param values the edition's window, and its reading of an expiry (`expiresOnInclusive`)
 */
export function listedAsInR7(facts: EnterpriseFacts, values: Pick<EditionValues, 'window' | 'readings'>, specs: ListingSpecs): Condition[] {
  const listing = facts.enterprise.listing;
  if (listing === undefined) {
    return [
      checkCondition(specs.listed, unmet(), NOT_LISTED),
      checkCondition(specs.designatedOnListingDay, unmet(), NOT_LISTED),
      checkCondition(specs.listedInWindow, unmet(), NOT_LISTED),
    ];
  }
  const on = formatCalendarDate(listing.listedOn);
  const board = BOARDS[listing.board];
  const window = `${formatCalendarDate(values.window.effectiveFrom)} – ${formatCalendarDate(values.window.effectiveTo)}`;
  return [
    checkCondition(specs.listed, met(), { zh: `${on} 在${board.zh}上市`, en: `listed on the ${board.en} on ${on}` }),
    checkDesignatedOn(specs.designatedOnListingDay, facts.designations, listing.listedOn, values.readings),
    checkCondition(specs.listedInWindow, known(isInWindow(listing.listedOn, values, facts.asOf)), {
      zh: `上市日 ${on}，有效期 ${window}`,
      en: `listed on ${on}; period of validity ${window}`,
    }),
  ];
}
