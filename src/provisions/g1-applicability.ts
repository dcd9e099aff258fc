/**
 * G1 applicability (八、第一款; ruling R9).
 *
 * > 以上措施适用于在门头沟区登记注册，具有独立法人资格，经认定的各级创新创业服务机构和获得
 * > “专精特新”各级称号的中小企业。
 *
 * R9: the subject's business registration is in `mentougou` on `asOf` and it is an independent legal
 * person; an enterprise also holds a designation on `asOf` (obtained on or before it and not expired;
 * `expiresOn` itself still counts; M12 excepted), an institution is `certified`. These are conditions
 * of every measure: a failure makes each measure ineligible (amount 0); an absent fact makes them unknown.
 */
import type { MeasureId } from '../core/clauses.js';
import { known, unknown, verdictOf } from '../core/decision.js';
import { checkCondition, type Condition, type ConditionSpec } from '../core/trace.js';
import { type Facts, holdsDesignationOn, regionOn } from '../facts/facts.js';

/** “在门头沟区登记注册”: the business registration is in Mentougou on asOf. */
const REGISTERED_IN_DISTRICT: ConditionSpec = {
  id: 'g1.registered-in-district',
  clause: 'G1',
  ruling: 'R9',
  zh: '在门头沟区登记注册（评估日工商注册在本区）',
  en: 'registered in Mentougou (business registration in the district on asOf)',
};
/** “具有独立法人资格”. */
const INDEPENDENT_LEGAL_PERSON: ConditionSpec = { id: 'g1.independent-legal-person', clause: 'G1', ruling: 'R9', zh: '具有独立法人资格', en: 'an independent legal person' };
/** “获得‘专精特新’各级称号的中小企业”: holds a designation on asOf. */
const HOLDS_DESIGNATION: ConditionSpec = {
  id: 'g1.holds-designation',
  clause: 'G1',
  ruling: 'R9',
  zh: '评估日持有“专精特新”各级称号（未过期）',
  en: 'holds an SRDI designation of some level on asOf (not expired)',
};
/** “经认定的各级创新创业服务机构”. */
const CERTIFIED_INSTITUTION: ConditionSpec = { id: 'g1.certified-institution', clause: 'G1', ruling: 'R9', zh: '经认定的创新创业服务机构', en: 'a certified innovation and entrepreneurship service institution' };

/** The measure exempt from the designation condition: M12's cultivation pool also takes candidates (R9). */
const DESIGNATION_EXEMPT: ReadonlySet<MeasureId> = new Set(['M12']);

/**
 * The G1 conditions of the subject (R9), in the order of the text.
 *
 * @param measure when given, the conditions that apply to that measure (M12 is exempt from the designation one)
 */
export function applicabilityConditions(facts: Facts, measure?: MeasureId): Condition[] {
  const root = facts.subject;
  const subject = facts.subject === 'enterprise' ? facts.enterprise : facts.institution;
  const region = regionOn(subject.registrations, 'business', facts.asOf);
  const conditions = [
    checkCondition(REGISTERED_IN_DISTRICT, region === undefined ? unknown([`${root}.registrations`]) : known(region === 'mentougou')),
    checkCondition(INDEPENDENT_LEGAL_PERSON, verdictOf(subject.independentLegalPerson, `${root}.independentLegalPerson`)),
  ];
  if (facts.subject === 'enterprise') {
    if (measure === undefined || !DESIGNATION_EXEMPT.has(measure)) {
      conditions.push(checkCondition(HOLDS_DESIGNATION, known(holdsDesignationOn(facts.designations, facts.asOf))));
    }
  } else {
    conditions.push(checkCondition(CERTIFIED_INSTITUTION, verdictOf(facts.institution.certified, 'institution.certified')));
  }
  return conditions;
}
