/**
 * M9 京西聚智人才支持 — priority support for recognised high-level talent (六、9).
 *
 * > 9、支持“专精特新”中小企业引进海内外高层次人才，对经推荐被认定为“京西聚智”高层次人才的，依据
 * > 《门头沟区“京西聚智”高层次人才支持办法（试行）》，优先享受人才引进落户、发展、住房、子女就学等
 * > 支持政策。（责任单位：区委组织部、区人力资源社会保障局、区住房建设委、区教委、区财政局）
 *
 * Ruling R8 (service measures): no amount. The enterprise has at least one talent recognised as
 * “京西聚智” high-level talent (`jingxiTalents` ≥ 1; absent: unknown). That the enterprise is an SRDI
 * SME is the applicability condition (G1, R9), added by assess.
 */
import { known, unknown } from '../core/decision.js';
import { type MeasureInfo, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { checkCondition, type ConditionSpec } from '../core/trace.js';
import type { EnterpriseFacts } from '../facts/facts.js';
import type { PolicyEdition } from '../policy/edition.js';

/** M9's clause, title and responsible units. */
export const M9_INFO: MeasureInfo = {
  measure: 'M9',
  clause: '六、9 鼓励企业引进人才',
  title: { zh: '“京西聚智”高层次人才优先享受支持政策', en: 'Priority support for “Jingxi Juzhi” high-level talent' },
  kind: 'service',
  responsibleUnits: ['区委组织部', '区人力资源社会保障局', '区住房建设委', '区教委', '区财政局'],
};

/** “经推荐被认定为‘京西聚智’高层次人才的”: at least one such talent. */
const JINGXI_TALENT: ConditionSpec = {
  id: 'm9.jingxi-talent',
  clause: 'M9',
  ruling: 'R8',
  zh: '有经推荐被认定为“京西聚智”高层次人才的人员',
  en: 'has staff recognised as “Jingxi Juzhi” high-level talent',
};

/**
 * M9 talent support (R8): at least one recognised “京西聚智” talent.
 *
 * @param facts the enterprise's derived facts
 * @param _edition the policy edition (M9 states no number; kept so every measure has one signature)
 */
export function talentSupport(facts: EnterpriseFacts, _edition: PolicyEdition): MeasureResult {
  const count = facts.enterprise.jingxiTalents;
  const verdict = count === undefined ? unknown(['enterprise.jingxiTalents']) : known(count > 0);
  const detail = count === undefined ? undefined : { zh: `${count} 人`, en: `${count} recognised` };
  return settleMeasure({
    ...M9_INFO,
    conditions: [checkCondition(JINGXI_TALENT, verdict, detail)],
    lines: [],
  });
}
