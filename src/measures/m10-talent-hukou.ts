/**
 * M10 小巨人人才落户 — priority household registration for national little giants' talent (六、10).
 *
 * > 10、对国家级专精特新“小巨人”企业的人才需求，按市、区人才政策优先给予落户支持。
 * > （责任单位：区委组织部、区人力资源社会保障局）
 *
 * Ruling R8 (service measures): no amount. The enterprise holds the `national-little-giant`
 * designation on `asOf` (obtained on or before it and not expired; `expiresOn` itself still counts).
 */
import { formatCalendarDate } from '../core/calendar.js';
import { type MeasureInfo, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { LEVEL_NAMES } from '../core/messages.js';
import { known } from '../core/decision.js';
import { checkCondition, type ConditionSpec } from '../core/trace.js';
import { type EnterpriseFacts, highestLevelHeldOn } from '../facts/facts.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';

/** M10's clause, title and responsible units. */
export const M10_INFO: MeasureInfo = {
  measure: 'M10',
  clause: '六、10 鼓励企业引进人才',
  title: { zh: '国家级“小巨人”企业人才优先落户支持', en: 'Priority household registration for the talent of national little giants' },
  kind: 'service',
  responsibleUnits: ['区委组织部', '区人力资源社会保障局'],
};

/** “国家级专精特新‘小巨人’企业”: holds the national-little-giant designation on asOf. */
const NATIONAL_LITTLE_GIANT: ConditionSpec = {
  id: 'm10.national-little-giant',
  clause: 'M10',
  ruling: 'R8',
  zh: '国家级专精特新“小巨人”企业（评估日持有该称号）',
  en: 'a national SRDI little giant (holds that designation on asOf)',
};

/**
 * M10 talent hukou priority (R8): holds `national-little-giant` on `asOf`.
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (M10 states no number; its reading `expiresOnInclusive`)
 */
export function talentHukouPriority(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  const on = formatCalendarDate(facts.asOf);
  const held = highestLevelHeldOn(facts.designations, facts.asOf, editionValues(edition).readings);
  const detail =
    held === null
      ? { zh: `${on} 未持有有效称号`, en: `no designation held on ${on}` }
      : { zh: `${on} 最高持有${LEVEL_NAMES[held].zh}称号`, en: `highest designation held on ${on}: ${LEVEL_NAMES[held].en}` };
  return settleMeasure({
    ...M10_INFO,
    conditions: [checkCondition(NATIONAL_LITTLE_GIANT, known(held === 'national-little-giant'), detail)],
    lines: [],
  });
}
