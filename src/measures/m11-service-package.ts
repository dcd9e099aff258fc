/**
 * M11 服务包 — the district “service package” (七、11).
 *
 * > 11、将“专精特新”中小企业纳入区级“服务包”机制，实行“一企一专员、区领导当管家”的服务模式，按照
 * > “十个必上门、十个不打扰”要求开展走访活动和诉求征集办理，助企平稳健康发展。
 * > （责任单位：区发改委、区政务服务局）
 *
 * Ruling R8 (service measures): no amount. The enterprise is an SRDI SME: it holds a designation on
 * `asOf` (`expiresOn` itself still counts).
 */
import { type MeasureInfo, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import type { ConditionSpec } from '../core/trace.js';
import { checkDesignatedOn } from '../facts/designated.js';
import type { EnterpriseFacts } from '../facts/facts.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';

/** M11's clause, title and responsible units. */
export const M11_INFO: MeasureInfo = {
  measure: 'M11',
  clause: '七、11 强化精准高效服务',
  title: { zh: '纳入区级“服务包”机制（一企一专员、区领导当管家）', en: 'The district service package (one officer per enterprise, district leaders as stewards)' },
  kind: 'service',
  responsibleUnits: ['区发改委', '区政务服务局'],
};

/** “将‘专精特新’中小企业纳入”: holds a designation on asOf. */
const DESIGNATED: ConditionSpec = {
  id: 'm11.designated-on-as-of',
  clause: 'M11',
  ruling: 'R8',
  zh: '“专精特新”中小企业（评估日持有称号）',
  en: 'an SRDI SME (holds a designation on asOf)',
};

/**
 * M11 service package (R8): designated on `asOf`.
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (M11 states no number; its reading `expiresOnInclusive`)
 */
export function servicePackage(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  return settleMeasure({
    ...M11_INFO,
    conditions: [checkDesignatedOn(DESIGNATED, facts.designations, facts.asOf, editionValues(edition).readings)],
    lines: [],
  });
}
