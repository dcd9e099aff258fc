/**
 * M13 “双承诺”试点 — priority entry to the market-supervision “dual commitment” pilot (七、13).
 *
 * > 13、将创新创业服务机构（入驻专精特新中小企业5家及以上）优先纳入市场监管领域“双承诺”试点，在优化
 * > 执法检查、提供法律服务、楼宇安全“体检”等方面给予优先保障。（责任单位：区市场监督管理局、区司法局）
 *
 * Ruling R8 (service measures): no amount. A certified service institution (`certified`; absent:
 * unknown) with at least the edition's number of resident SRDI SMEs (`residentSrdiCount` ≥ 5 in the
 * built-in edition; absent: unknown).
 */
import { known, unknown, verdictOf } from '../core/decision.js';
import { type MeasureInfo, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { checkCondition, type ConditionSpec } from '../core/trace.js';
import type { InstitutionFacts } from '../facts/facts.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';

/** M13's clause, title and responsible units. */
export const M13_INFO: MeasureInfo = {
  measure: 'M13',
  clause: '七、13 强化精准高效服务',
  title: { zh: '优先纳入市场监管领域“双承诺”试点', en: 'Priority entry to the market-supervision “dual commitment” pilot' },
  kind: 'service',
  responsibleUnits: ['区市场监督管理局', '区司法局'],
};

/** “创新创业服务机构”: a certified service institution. */
const CERTIFIED: ConditionSpec = {
  id: 'm13.certified',
  clause: 'M13',
  ruling: 'R8',
  zh: '经认定的创新创业服务机构',
  en: 'a certified innovation and entrepreneurship service institution',
};

/** “入驻专精特新中小企业5家及以上”: the count is the edition's `m13.minResidentSrdi`. */
const RESIDENT_SRDI: ConditionSpec = {
  id: 'm13.resident-srdi-count',
  clause: 'M13',
  ruling: 'R8',
  zh: '入驻专精特新中小企业达到规定家数及以上',
  en: 'hosts at least the set number of resident SRDI SMEs',
};

/**
 * M13 dual-commitment pilot (R8): certified, and `residentSrdiCount` ≥ the edition's minimum.
 *
 * @param facts the institution's derived facts
 * @param edition the policy edition (the minimum number of resident SRDI SMEs)
 */
export function dualCommitmentPilot(facts: InstitutionFacts, edition: PolicyEdition): MeasureResult {
  const minimum = editionValues(edition).m13.minResidentSrdi;
  const count = facts.institution.residentSrdiCount;
  const countVerdict = count === undefined ? unknown(['institution.residentSrdiCount']) : known(count >= minimum);
  const countDetail =
    count === undefined
      ? { zh: `须 ${minimum} 家及以上`, en: `${minimum} or more required` }
      : { zh: `入驻 ${count} 家，须 ${minimum} 家及以上`, en: `${count} resident, ${minimum} or more required` };
  return settleMeasure({
    ...M13_INFO,
    conditions: [
      checkCondition(CERTIFIED, verdictOf(facts.institution.certified, 'institution.certified')),
      checkCondition(RESIDENT_SRDI, countVerdict, countDetail),
    ],
    lines: [],
  });
}
