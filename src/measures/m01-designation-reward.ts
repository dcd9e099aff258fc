/**
 * M1 加强本区企业培育 — designation reward (一、1).
 *
 * > 1、加强本区企业培育。经认定，对首次获得北京市“专精特新”称号的中小企业，一次性给予20万元奖励；
 * > 对首次获得北京市专精特新“小巨人”称号的企业，一次性给予50万元奖励；对首次获得国家级专精特新
 * > “小巨人”称号的企业，一次性给予80万元奖励，单个企业不重复享受，晋级补差。（责任单位：区科信局）
 *
 * Ruling R2 (晋级补差 by the ledger): a designation earns its tier when it is obtained inside the window
 * (R1), is not a renewal (“首次获得”), and is the first of its level in the enterprise's history. The
 * entitlement is the highest tier so earned; each earning step is a line carrying the difference over
 * the highest tier earned before it (“晋级补差”). Renewals and pre-window titles earn nothing
 * themselves. What was already paid is taken off by the ledger after the provisions (assess).
 *
 * Reading `m1DistrictAtDesignation` (DESIGN §8): each step also gets the condition that the business
 * registration was in the district on the day the designation was obtained (src/facts/designation-steps.ts).
 */
import { formatCalendarDate } from '../core/calendar.js';
import { REGION_NAMES } from '../facts/moves.js';
import { regionOn } from '../facts/facts.js';
import { known, met } from '../core/decision.js';
import { type MeasureInfo, type MeasureLineDraft, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { LEVEL_NAMES } from '../core/messages.js';
import { formatMoney, formatMoneyGrouped, ZERO } from '../core/money.js';
import { checkCondition, type ConditionSpec } from '../core/trace.js';
import type { EnterpriseFacts } from '../facts/facts.js';
import { designationSteps, ladderSteps } from '../facts/designation-steps.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';

/** M1's clause, title and responsible unit. */
export const M1_INFO: MeasureInfo = {
  measure: 'M1',
  clause: '一、1 加强本区企业培育',
  title: { zh: '首次获得称号一次性奖励（晋级补差）', en: 'One-time reward for a first designation (top-up on moving up)' },
  kind: 'money',
  responsibleUnits: ['区科信局'],
};

/** “首次获得……称号”: at least one designation earns a tier under R2. */
const FIRST_DESIGNATION: ConditionSpec = {
  id: 'm1.first-designation-in-window',
  clause: 'M1',
  ruling: 'R2',
  zh: '有效期内首次获得某级“专精特新”称号（非重新认定，且为该级别首次）',
  en: 'a designation obtained for the first time at its level, inside the period of validity, not a renewal',
};

/** “首次获得”: the designation is obtained inside the window (R1). */
const IN_WINDOW: ConditionSpec = { id: 'm1.obtained-in-window', clause: 'M1', ruling: 'R1', zh: '称号在措施有效期内获得', en: 'obtained inside the period of validity' };
/** “首次获得”: not a renewal (重新认定). */
const NOT_RENEWAL: ConditionSpec = { id: 'm1.not-renewal', clause: 'M1', ruling: 'R2', zh: '非重新认定', en: 'not a renewal' };
/** “首次获得”: the first designation of its level in the enterprise's history. */
const FIRST_OF_LEVEL: ConditionSpec = { id: 'm1.first-of-level', clause: 'M1', ruling: 'R2', zh: '该级别称号为企业首次获得', en: 'the first designation of its level in the enterprise’s history' };
/** “晋级补差”: the tier is above the highest tier earned before. */
const MOVES_UP: ConditionSpec = { id: 'm1.moves-up', clause: 'M1', ruling: 'R2', zh: '晋级（高于此前已获奖励的最高档）', en: 'a move up (above the highest tier earned before)' };

/** Reading `m1DistrictAtDesignation` (“加强本区企业培育”): registered in the district when the designation was obtained. */
const REGISTERED_ON_DESIGNATION: ConditionSpec = {
  id: 'm1.registered-in-district-on-designation',
  clause: 'M1',
  ruling: 'R2',
  zh: '获得称号时工商注册在本区（本区企业）',
  en: 'business registration in the district on the day the designation was obtained (a district enterprise)',
};

/**
 * M1 designation reward: the entitlement under 晋级补差 (R2), one line per earning step.
 *
 * @param facts the enterprise's derived facts (designations oldest first)
 * @param edition the policy edition (tiers, window)
 */
export function designationReward(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  const values = editionValues(edition);
  const steps = designationSteps(facts, values);
  const lines: MeasureLineDraft[] = steps.map(({ designation: d, tier, earnedBefore, difference, inDistrictOnDesignation }) => {
    const on = formatCalendarDate(d.obtainedOn);
    const conditions = [checkCondition(IN_WINDOW, met()), checkCondition(NOT_RENEWAL, met()), checkCondition(FIRST_OF_LEVEL, met()), checkCondition(MOVES_UP, met())];
    if (values.readings.m1DistrictAtDesignation) {
      const region = regionOn(facts.enterprise.registrations, 'business', d.obtainedOn);
      const detail = region === undefined ? undefined : { zh: `${on} 在${REGION_NAMES[region].zh}`, en: `${REGION_NAMES[region].en} on ${on}` };
      conditions.push(checkCondition(REGISTERED_ON_DESIGNATION, inDistrictOnDesignation, detail));
    }
    return {
      id: `${d.level}@${on}`,
      label: { zh: `${on} 首次获得${LEVEL_NAMES[d.level].zh}称号`, en: `${on}: first ${LEVEL_NAMES[d.level].en} designation` },
      conditions,
      amount: difference,
      details: { level: d.level, obtainedOn: on, tier: formatMoney(tier), earnedBefore: formatMoney(earnedBefore), difference: formatMoney(difference) },
    };
  });
  const highestEarned = ladderSteps(steps).at(-1)?.tier ?? ZERO;
  const detail = lines.length
    ? { zh: `最高档 ${formatMoneyGrouped(highestEarned)} 元`, en: `highest tier ${formatMoneyGrouped(highestEarned)} yuan` }
    : { zh: '无符合条件的称号', en: 'no designation qualifies' };
  return settleMeasure({
    ...M1_INFO,
    conditions: [checkCondition(FIRST_DESIGNATION, known(lines.length > 0), detail)],
    lines,
  });
}
