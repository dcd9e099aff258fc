/**
 * M6 拓宽信贷股权融资渠道 — credit products and the district guidance fund (四、6).
 *
 * > 6、鼓励金融机构积极推广“专精特新”小微企业专属信贷产品，根据企业需求定期组织对接活动。设立区级引导
 * > 基金，发挥引领作用，通过股权投资、母子基金等运行模式，优先用于专精特新中小企业发展需求，激发企业
 * > 创新活力。（责任单位：区发改委、区财政局、区科信局）
 *
 * Ruling R8 (service measures): no amount. Two lines: the district guidance fund (区级引导基金), for an
 * enterprise designated on `asOf` (“专精特新中小企业”), and the exclusive credit products (专属信贷产品),
 * for a designated enterprise that is also small or micro (“‘专精特新’小微企业”; `smallOrMicro` absent:
 * unknown). The measure is eligible when either line is.
 *
 * Reading `m6NeedsSmallOrMicro` (DESIGN §8): when true, `smallOrMicro` is also a condition of the whole
 * measure, so a designated enterprise that is not small or micro is ineligible (absent: undetermined).
 */
import { verdictOf } from '../core/decision.js';
import { type MeasureInfo, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { checkCondition, type ConditionSpec } from '../core/trace.js';
import { checkDesignatedOn } from '../facts/designated.js';
import type { EnterpriseFacts } from '../facts/facts.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';

/** M6's clause, title and responsible units. */
export const M6_INFO: MeasureInfo = {
  measure: 'M6',
  clause: '四、6 拓宽信贷股权融资渠道',
  title: { zh: '专属信贷产品与区级引导基金', en: 'Exclusive credit products and the district guidance fund' },
  kind: 'service',
  responsibleUnits: ['区发改委', '区财政局', '区科信局'],
};

/** “专精特新中小企业” / “‘专精特新’小微企业”: holds a designation on asOf (both lines). */
const DESIGNATED: ConditionSpec = {
  id: 'm6.designated-on-as-of',
  clause: 'M6',
  ruling: 'R8',
  zh: '“专精特新”中小企业（评估日持有称号）',
  en: 'an SRDI SME (holds a designation on asOf)',
};

/** “‘专精特新’小微企业专属信贷产品”: a small or micro enterprise (credit line only). */
const SMALL_OR_MICRO: ConditionSpec = {
  id: 'm6.small-or-micro',
  clause: 'M6',
  ruling: 'R8',
  zh: '小微企业（“专精特新”小微企业专属信贷产品）',
  en: 'a small or micro enterprise (exclusive credit products for SRDI small and micro enterprises)',
};

/** Reading `m6NeedsSmallOrMicro`: the whole measure is for “‘专精特新’小微企业”. */
const SMALL_OR_MICRO_MEASURE: ConditionSpec = {
  id: 'm6.small-or-micro',
  clause: 'M6',
  ruling: 'R8',
  zh: '小微企业（本条措施面向“专精特新”小微企业）',
  en: 'a small or micro enterprise (the measure is for SRDI small and micro enterprises)',
};

/**
 * M6 financing support (R8): the guidance-fund line (designated) and the credit-products line
 * (designated and small or micro).
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (M6 states no number; its readings: `expiresOnInclusive`, `m6NeedsSmallOrMicro`)
 */
export function financingSupport(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  const { readings } = editionValues(edition);
  const smallOrMicro = verdictOf(facts.enterprise.smallOrMicro, 'enterprise.smallOrMicro');
  const conditions = [checkDesignatedOn(DESIGNATED, facts.designations, facts.asOf, readings)];
  if (readings.m6NeedsSmallOrMicro) conditions.push(checkCondition(SMALL_OR_MICRO_MEASURE, smallOrMicro));
  return settleMeasure({
    ...M6_INFO,
    conditions,
    lines: [
      {
        id: 'guidance-fund',
        label: { zh: '区级引导基金（股权投资、母子基金，优先用于专精特新中小企业）', en: 'district guidance fund (equity, fund of funds; SRDI SMEs first)' },
        conditions: [],
        amount: null,
        details: {},
      },
      {
        id: 'credit-products',
        label: { zh: '“专精特新”小微企业专属信贷产品及定期对接活动', en: 'exclusive credit products for SRDI small and micro enterprises, with regular matchmaking' },
        conditions: [checkCondition(SMALL_OR_MICRO, smallOrMicro)],
        amount: null,
        details: {},
      },
    ],
  });
}
