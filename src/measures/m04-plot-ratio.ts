/**
 * M4 提高容积率 — plot ratio for capacity expansion without new land (二、4).
 *
 * > 4、对不新增用地扩大产能的“专精特新”中小企业，在符合规划条件下可适当提高容积率。（区规自分局）
 *
 * Ruling R8 (service measures): M4 has no amount (`amount` and `payable` null). It applies to an
 * enterprise that is designated on `asOf` (“专精特新”中小企业) and expands capacity without new land
 * (`expandsCapacityWithoutNewLand`; absent: unknown). “在符合规划条件下” is for the planning authority to
 * judge case by case and is not decided here.
 */
import { verdictOf } from '../core/decision.js';
import { type MeasureInfo, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { checkCondition, type ConditionSpec } from '../core/trace.js';
import { checkDesignatedOn } from '../facts/designated.js';
import type { EnterpriseFacts } from '../facts/facts.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';

/** M4's clause, title and responsible unit. */
export const M4_INFO: MeasureInfo = {
  measure: 'M4',
  clause: '二、4 降低企业办公空间成本',
  title: { zh: '不新增用地扩大产能的可适当提高容积率', en: 'A higher plot ratio for expanding capacity without new land' },
  kind: 'service',
  responsibleUnits: ['区规自分局'],
};

/** “‘专精特新’中小企业”: holds a designation on asOf. */
const DESIGNATED: ConditionSpec = {
  id: 'm4.designated-on-as-of',
  clause: 'M4',
  ruling: 'R8',
  zh: '“专精特新”中小企业（评估日持有称号）',
  en: 'an SRDI SME (holds a designation on asOf)',
};

/** “不新增用地扩大产能”. */
const EXPANDS_WITHOUT_NEW_LAND: ConditionSpec = {
  id: 'm4.expands-capacity-without-new-land',
  clause: 'M4',
  ruling: 'R8',
  zh: '不新增用地扩大产能',
  en: 'expands capacity without new land',
};

/**
 * M4 plot-ratio support (R8): designated on `asOf` and expanding capacity without new land.
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (M4 states no number; its reading `expiresOnInclusive`)
 */
export function plotRatioSupport(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  return settleMeasure({
    ...M4_INFO,
    conditions: [
      checkDesignatedOn(DESIGNATED, facts.designations, facts.asOf, editionValues(edition).readings),
      checkCondition(EXPANDS_WITHOUT_NEW_LAND, verdictOf(facts.enterprise.expandsCapacityWithoutNewLand, 'enterprise.expandsCapacityWithoutNewLand')),
    ],
    lines: [],
  });
}
