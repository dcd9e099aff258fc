/**
 * “专精特新”中小企业 on a day: the shared check that an enterprise holds a designation on a day (R9's
 * reading: obtained on or before it and not expired, `expiresOn` itself still counts), as a traced
 * condition with what was found. Used by the service measures that require a designated enterprise
 * (M4, M6, M11, M12, R8) and by the listing check of M7 and M8 (R7); each measure supplies its own
 * `ConditionSpec`, naming its own words.
 */
import { formatCalendarDate, type DayNumber } from '../core/calendar.js';
import { LEVEL_NAMES } from '../core/messages.js';
import { known, type Status } from '../core/decision.js';
import { checkCondition, type Bilingual, type Condition, type ConditionSpec } from '../core/trace.js';
import type { Designation } from '../model/request.js';
import { EXPIRES_ON_INCLUSIVE, type HeldRule, highestLevelHeldOn, holdsDesignationOn } from './facts.js';

/** What was found: the highest level held on `day`, or that none is held. */
function designatedDetail(designations: readonly Designation[], day: DayNumber, held: HeldRule): Bilingual {
  const on = formatCalendarDate(day);
  const level = highestLevelHeldOn(designations, day, held);
  return level === null
    ? { zh: `${on} 未持有有效的“专精特新”称号`, en: `no designation held on ${on}` }
    : { zh: `${on} 持有${LEVEL_NAMES[level].zh}称号`, en: `holds the ${LEVEL_NAMES[level].en} designation on ${on}` };
}

/**
 * Whether a designation is held on `day` (absent designations mean none, so never unknown).
 *
 * @param designations the enterprise's designations (any order)
 * @param held how an expiry reads (reading `expiresOnInclusive`; R9 by default)
 */
export function designatedStatusOn(designations: readonly Designation[], day: DayNumber, held: HeldRule = EXPIRES_ON_INCLUSIVE): Status {
  return holdsDesignationOn(designations, day, held) ? 'met' : 'unmet';
}

/**
 * The condition “holds a designation on `day`”, under the measure's own spec, with the level found.
 *
 * @param spec the measure's condition (its id, clause and words)
 * @param designations the enterprise's designations
 * @param day the day it must be held on (`asOf`, or the listing day for R7)
 * @param held how an expiry reads (reading `expiresOnInclusive`; R9 by default)
 */
export function checkDesignatedOn(spec: ConditionSpec, designations: readonly Designation[], day: DayNumber, held: HeldRule = EXPIRES_ON_INCLUSIVE): Condition {
  return checkCondition(spec, known(holdsDesignationOn(designations, day, held)), designatedDetail(designations, day, held));
}
