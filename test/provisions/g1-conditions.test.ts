/**
 * G1's conditions one by one (R9) with their readings: which measure the designation condition applies to
 * (every one but M12), the reading `g1DesignationWhen` ('asOf': held on asOf, not expired; 'ever': obtained
 * at some time), and the reading `g1AbsentFact` ('unknown': an absent fact is unknown with its path;
 * 'unmet': it fails, “未提供”).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_READINGS, type Readings } from '../../src/policy/readings.js';
import { applicabilityConditions } from '../../src/provisions/g1-applicability.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';

type Enterprise = Parameters<typeof enterpriseFacts>[1];
const reading = (changes: Partial<Readings>): Readings => ({ ...DEFAULT_READINGS, ...changes });
const g1 = (enterprise: Enterprise, measure?: Parameters<typeof applicabilityConditions>[1], readings: Readings = DEFAULT_READINGS) =>
  applicabilityConditions(enterpriseFacts('2024-12-31', enterprise), measure, readings);

const IN_DISTRICT: Enterprise = { independentLegalPerson: true, registrations: registeredIn('mentougou', '2015-01-01') };
/** A Beijing SRDI SME whose title expired on 2023-12-31, a year before asOf 2024-12-31. */
const EXPIRED: Enterprise = { ...IN_DISTRICT, designations: [{ level: 'municipal-sme', obtainedOn: '2021-01-01', expiresOn: '2023-12-31' }] };

describe('G1 the designation condition (R9: “获得‘专精特新’各级称号的中小企业”) and M12’s exception', () => {
  it('applies to the enterprise as a whole and to every measure but M12', () => {
    const ids = (measure?: Parameters<typeof applicabilityConditions>[1]) => g1(EXPIRED, measure).map((c) => c.id);
    const all = ['g1.registered-in-district', 'g1.independent-legal-person', 'g1.holds-designation'];
    expect(ids()).toEqual(all);
    expect(ids('M1')).toEqual(all);
    expect(ids('M11')).toEqual(all);
    expect(ids('M12')).toEqual(['g1.registered-in-district', 'g1.independent-legal-person']);
  });

  it('default reading (asOf): an expired title is not held; the texts say so', () => {
    const [, , designation] = g1(EXPIRED);
    expect(designation).toEqual({ id: 'g1.holds-designation', clause: 'G1', ruling: 'R9', status: 'unmet', zh: '评估日持有“专精特新”各级称号（未过期）：不满足', en: 'holds an SRDI designation of some level on asOf (not expired): not met', missing: [] });
  });

  it('reading g1DesignationWhen = ever: the expired title counts, and an enterprise never designated does not', () => {
    const ever = reading({ g1DesignationWhen: 'ever' });
    expect(g1(EXPIRED, undefined, ever)[2]).toEqual({ id: 'g1.holds-designation', clause: 'G1', ruling: 'R9', status: 'met', zh: '获得过“专精特新”各级称号（含已过期）：满足', en: 'has obtained an SRDI designation of some level (expired ones included): met', missing: [] });
    const never = g1(IN_DISTRICT, undefined, ever)[2];
    expect([never?.status, never?.zh, never?.en]).toEqual(['unmet', '获得过“专精特新”各级称号（含已过期）：不满足', 'has obtained an SRDI designation of some level (expired ones included): not met']);
  });
});

describe('G1 an absent fact (reading g1AbsentFact)', () => {
  const NO_LEGAL_PERSON: Enterprise = { registrations: registeredIn('mentougou', '2015-01-01'), designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }] };

  it('default (unknown): unknown, with the path that would decide it, and no detail', () => {
    expect(g1(NO_LEGAL_PERSON)[1]).toEqual({ id: 'g1.independent-legal-person', clause: 'G1', ruling: 'R9', status: 'unknown', zh: '具有独立法人资格：未知', en: 'an independent legal person: unknown', missing: ['enterprise.independentLegalPerson'] });
  });

  it('unmet: fails, says “未提供” / “not given”, and asks for nothing', () => {
    expect(g1(NO_LEGAL_PERSON, undefined, reading({ g1AbsentFact: 'unmet' }))[1]).toEqual({
      id: 'g1.independent-legal-person',
      clause: 'G1',
      ruling: 'R9',
      status: 'unmet',
      zh: '具有独立法人资格：不满足（未提供）',
      en: 'an independent legal person: not met (not given)',
      missing: [],
    });
  });

  it('a registration timeline that is absent is the same: unknown by enterprise.registrations, or unmet (未提供)', () => {
    const none: Enterprise = { independentLegalPerson: true, designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }] };
    expect(g1(none)[0]).toMatchObject({ id: 'g1.registered-in-district', status: 'unknown', missing: ['enterprise.registrations'] });
    expect(g1(none, undefined, reading({ g1AbsentFact: 'unmet' }))[0]).toMatchObject({ status: 'unmet', zh: '在门头沟区登记注册（评估日工商注册在本区）：不满足（未提供）', missing: [] });
  });
});
