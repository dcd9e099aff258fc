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
 *
 * Readings (DESIGN §8): `g1AbsentFact: 'unmet'` (an absent fact makes its condition unmet, not unknown);
 * `g1DesignationWhen: 'ever'` (a designation ever obtained, expired or not, meets the designation
 * condition); `expiresOnInclusive` (whether a designation is still held on its `expiresOn`); `g1InAmount:
 * false` (a money measure's `amount` leaves the G1 conditions out, `amountUnderG1` below).
 */
import type { MeasureId } from '../core/clauses.js';
import { known, unknown, unmet, type Verdict } from '../core/decision.js';
import type { MeasureResult } from '../core/measure-result.js';
import type { Money } from '../core/money.js';
import { checkCondition, type Condition, type ConditionSpec } from '../core/trace.js';
import { type Facts, holdsDesignationOn, regionOn } from '../facts/facts.js';
import { DEFAULT_READINGS, type Readings } from '../policy/readings.js';

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

/** Reading `g1DesignationWhen: 'ever'`: some designation was ever obtained (expired or not). */
const EVER_DESIGNATED: ConditionSpec = {
  id: 'g1.holds-designation',
  clause: 'G1',
  ruling: 'R9',
  zh: '获得过“专精特新”各级称号（含已过期）',
  en: 'has obtained an SRDI designation of some level (expired ones included)',
};

const NOT_GIVEN = { zh: '未提供', en: 'not given' };

/**
 * The G1 conditions of the subject (R9), in the order of the text.
 *
 * @param measure when given, the conditions that apply to that measure (M12 is exempt from the designation one)
 * @param readings the edition's readings (`g1AbsentFact`, `g1DesignationWhen`, `expiresOnInclusive`)
 */
export function applicabilityConditions(facts: Facts, measure?: MeasureId, readings: Readings = DEFAULT_READINGS): Condition[] {
  const root = facts.subject;
  const subject = facts.subject === 'enterprise' ? facts.enterprise : facts.institution;
  // An absent fact: unknown, to be decided by its path (R9), or unmet (reading g1AbsentFact).
  const absent = (path: string): Verdict => (readings.g1AbsentFact === 'unmet' ? unmet() : unknown([path]));
  const check = (spec: ConditionSpec, fact: boolean | undefined, path: string): Condition =>
    fact === undefined ? checkCondition(spec, absent(path), readings.g1AbsentFact === 'unmet' ? NOT_GIVEN : undefined) : checkCondition(spec, known(fact));
  const region = regionOn(subject.registrations, 'business', facts.asOf);
  const conditions = [
    check(REGISTERED_IN_DISTRICT, region === undefined ? undefined : region === 'mentougou', `${root}.registrations`),
    check(INDEPENDENT_LEGAL_PERSON, subject.independentLegalPerson, `${root}.independentLegalPerson`),
  ];
  if (facts.subject === 'enterprise') {
    if (measure === undefined || !DESIGNATION_EXEMPT.has(measure)) {
      conditions.push(
        readings.g1DesignationWhen === 'ever'
          ? checkCondition(EVER_DESIGNATED, known(facts.designations.length > 0))
          : checkCondition(HOLDS_DESIGNATION, known(holdsDesignationOn(facts.designations, facts.asOf, readings))),
      );
    }
  } else {
    conditions.push(check(CERTIFIED_INSTITUTION, facts.institution.certified, 'institution.certified'));
  }
  return conditions;
}

/**
 * A money measure's entitlement (`amount`) under G1: with the G1 conditions among the measure's (R9, the
 * default: a G1 failure or unknown gives 0), or, under reading `g1InAmount: false`, on the measure's own
 * conditions only (what it decided before G1; `outcome` and `payable` still include G1).
 *
 * @param withG1 the measure settled with the G1 conditions
 * @param alone the measure as it decided on its own conditions
 */
export function amountUnderG1(withG1: MeasureResult, alone: MeasureResult, readings: Readings): Money | null {
  return readings.g1InAmount ? withG1.amount : alone.amount;
}
