/**
 * M12 梯队培育库 — the tiered SRDI cultivation pool (七、12).
 *
 * > 12、建立“专精特新”企业梯队培育库，针对企业不同发展阶段积极对接企业需求，在政策宣讲、资质申报、
 * > 手续办理、金融产品等全方位提供专员服务，支持企业做优做强，鼓励小升规、规转强，协助企业畅享市级
 * > 政策红利。（责任单位：区科信局、区发改委、中关村门头沟园管委会）
 *
 * Ruling R8 (service measures): no amount. The pool (“梯队”) takes enterprises at every stage: one that
 * holds a designation on `asOf`, or a cultivation candidate (`cultivationCandidate`; absent: unknown).
 * So M12 is the one measure exempt from G1's designation condition (R9).
 */
import { formatCalendarDate } from '../core/calendar.js';
import { anyVerdict, known, verdictOf } from '../core/decision.js';
import { type MeasureInfo, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { checkCondition, type ConditionSpec } from '../core/trace.js';
import { designatedStatusOn } from '../facts/designated.js';
import type { EnterpriseFacts } from '../facts/facts.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';

/** M12's clause, title and responsible units. */
export const M12_INFO: MeasureInfo = {
  measure: 'M12',
  clause: '七、12 强化精准高效服务',
  title: { zh: '纳入“专精特新”企业梯队培育库，提供专员服务', en: 'The tiered SRDI cultivation pool, with officer service' },
  kind: 'service',
  responsibleUnits: ['区科信局', '区发改委', '中关村门头沟园管委会'],
};

/** “‘专精特新’企业梯队培育库”: a designated enterprise, or a candidate for the pool. */
const DESIGNATED_OR_CANDIDATE: ConditionSpec = {
  id: 'm12.designated-or-candidate',
  clause: 'M12',
  ruling: 'R8',
  zh: '“专精特新”企业梯队培育对象（评估日持有称号，或为培育库候选企业）',
  en: 'a subject of the tiered SRDI cultivation pool (holds a designation on asOf, or is a cultivation candidate)',
};

const YES_NO = {
  met: { zh: '是', en: 'yes' },
  unmet: { zh: '否', en: 'no' },
  unknown: { zh: '未知', en: 'unknown' },
} as const;

/**
 * M12 cultivation pool (R8): designated on `asOf`, or a cultivation candidate.
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (M12 states no number; its reading `expiresOnInclusive`)
 */
export function cultivationPool(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  const designated = designatedStatusOn(facts.designations, facts.asOf, editionValues(edition).readings);
  const candidate = verdictOf(facts.enterprise.cultivationCandidate, 'enterprise.cultivationCandidate');
  const on = formatCalendarDate(facts.asOf);
  const detail = {
    zh: `${on} 持有称号：${YES_NO[designated].zh}；培育库候选：${YES_NO[candidate.status].zh}`,
    en: `designation held on ${on}: ${YES_NO[designated].en}; cultivation candidate: ${YES_NO[candidate.status].en}`,
  };
  return settleMeasure({
    ...M12_INFO,
    conditions: [checkCondition(DESIGNATED_OR_CANDIDATE, anyVerdict([known(designated === 'met'), candidate]), detail)],
    lines: [],
  });
}
