/**
 * G1 applicability (八、第一款) under ruling R9, through `assess` and on its own: the business
 * registration in Mentougou on asOf, an independent legal person, and (enterprise) a designation held
 * on asOf — M12 excepted — or (institution) certified. A failure makes every measure ineligible with
 * amount "0.00" (service measures: null); an absent fact makes them undetermined with its path missing.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess.js';
import type { AssessmentResult, MeasureResultOutput } from '../../src/model/result.js';
import { applicabilityConditions } from '../../src/provisions/g1-applicability.js';
import { enterpriseFacts, institutionFacts, registeredIn } from '../helpers/facts.js';

type EnterpriseInput = Parameters<typeof enterpriseFacts>[1];
type InstitutionInput = Parameters<typeof institutionFacts>[1];

/**
 * A municipal little giant since 2022-06-15 (inside the window, first of its level: M1 500,000),
 * founded in Mentougou in 2015, with the commitment signed, that is also a cultivation candidate.
 */
const LITTLE_GIANT: EnterpriseInput = {
  independentLegalPerson: true,
  registrations: registeredIn('mentougou', '2015-04-01'),
  designations: [{ level: 'municipal-little-giant', obtainedOn: '2022-06-15' }],
  retentionCommitmentSignedOn: '2022-07-01',
  cultivationCandidate: true,
};

const enterprise = (asOf: string, changes: Partial<EnterpriseInput> = {}): AssessmentResult =>
  assess({ asOf, enterprise: { id: 'E-G1', ...LITTLE_GIANT, ...changes } });

/** A certified incubator that introduced a national little giant on 2023-03-01 (M5 100,000) and hosts 6 SRDI SMEs (M13). */
const INCUBATOR: InstitutionInput = {
  independentLegalPerson: true,
  certified: true,
  registrations: registeredIn('mentougou', '2019-05-01'),
  introducedEnterprises: [{ enterpriseId: 'E11', movedInOn: '2023-03-01', highestLevel: 'national-little-giant' }],
  residentSrdiCount: 6,
  retentionCommitmentSignedOn: '2022-02-01',
};

const institution = (asOf: string, changes: Partial<InstitutionInput> = {}): AssessmentResult =>
  assess({ asOf, institution: { id: 'I-G1', ...INCUBATOR, ...changes } });

const measure = (r: AssessmentResult, id: string): MeasureResultOutput => {
  const m = r.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`${id} absent`);
  return m;
};

const without = <T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> => {
  const { [key]: _dropped, ...rest } = o;
  return rest;
};

/** Every measure ineligible; money measures amount and payable "0.00", service measures null. */
function expectAllIneligible(r: AssessmentResult, except: string[] = []): void {
  for (const m of r.measures) {
    if (except.includes(m.measure)) continue;
    expect(m.outcome, m.measure).toBe('ineligible');
    expect(m.missing, m.measure).toEqual([]);
    if (m.kind === 'money') {
      expect([m.measure, m.amount, m.payable]).toEqual([m.measure, '0.00', '0.00']);
      for (const line of m.lines) expect(line.payable, `${m.measure} ${line.id}`).toBe('0.00');
    } else {
      expect([m.measure, m.amount, m.payable]).toEqual([m.measure, null, null]);
    }
  }
  expect(r.totalPayable).toBe('0.00');
}

describe('R9 applicability', () => {
  describe('the baseline meets G1', () => {
    it('a designated independent legal person registered in Mentougou: M1 500,000 payable', () => {
      const r = enterprise('2024-12-31');
      expect(r.applicability.outcome).toBe('eligible');
      expect(r.applicability.reasons).toEqual([]);
      expect(r.applicability.conditions.map((c) => [c.id, c.clause, c.ruling, c.status])).toEqual([
        ['g1.registered-in-district', 'G1', 'R9', 'met'],
        ['g1.independent-legal-person', 'G1', 'R9', 'met'],
        ['g1.holds-designation', 'G1', 'R9', 'met'],
      ]);
      // M1: municipal little giant first obtained 2022-06-15, inside 2022-01-01..2025-12-31 → 500,000
      expect(measure(r, 'M1')).toMatchObject({ outcome: 'eligible', amount: '500000.00', payable: '500000.00' });
      expect(r.totalPayable).toBe('500000.00');
    });

    it('puts the G1 conditions first in every measure’s checklist (M12 without the designation one)', () => {
      const r = enterprise('2024-12-31');
      for (const m of r.measures) {
        const ids = m.conditions.slice(0, 3).map((c) => c.id);
        if (m.measure === 'M12') {
          expect(ids.slice(0, 2)).toEqual(['g1.registered-in-district', 'g1.independent-legal-person']);
          expect(m.conditions.map((c) => c.id)).not.toContain('g1.holds-designation');
        } else {
          expect(ids, m.measure).toEqual(['g1.registered-in-district', 'g1.independent-legal-person', 'g1.holds-designation']);
        }
      }
    });
  });

  describe('failures: every measure ineligible, amount "0.00" (services null)', () => {
    it('business registration in another district on asOf (moved out 2024-06-01)', () => {
      const r = enterprise('2024-12-31', {
        registrations: [
          { kind: 'business', region: 'mentougou', from: '2015-04-01' },
          { kind: 'tax', region: 'mentougou', from: '2015-04-01' },
          { kind: 'business', region: 'beijing-other', from: '2024-06-01' },
        ],
      });
      expect(r.applicability.outcome).toBe('ineligible');
      expect(r.applicability.reasons.map((x) => [x.code, x.clause])).toEqual([['not-applicable', 'G1']]);
      expect(r.applicability.conditions.find((c) => c.id === 'g1.registered-in-district')?.status).toBe('unmet');
      // M12 is exempt from the designation condition only, not from the registration one
      expectAllIneligible(r);
    });

    it('business registration moved out on asOf itself (the region of asOf is the new one)', () => {
      const r = enterprise('2024-06-01', {
        registrations: [
          { kind: 'business', region: 'mentougou', from: '2015-04-01' },
          { kind: 'tax', region: 'mentougou', from: '2015-04-01' },
          { kind: 'business', region: 'outside-beijing', from: '2024-06-01' },
        ],
      });
      expect(r.applicability.outcome).toBe('ineligible');
      expectAllIneligible(r);
    });

    it('a tax registration elsewhere does not fail G1 (it speaks of 登记注册, the business registration)', () => {
      const r = enterprise('2024-12-31', {
        registrations: [
          { kind: 'business', region: 'mentougou', from: '2015-04-01' },
          { kind: 'tax', region: 'beijing-other', from: '2015-04-01' },
        ],
      });
      expect(r.applicability.outcome).toBe('eligible');
      expect(measure(r, 'M1').amount).toBe('500000.00');
    });

    it('not an independent legal person', () => {
      const r = enterprise('2024-12-31', { independentLegalPerson: false });
      expect(r.applicability.outcome).toBe('ineligible');
      expect(r.applicability.conditions.find((c) => c.id === 'g1.independent-legal-person')?.status).toBe('unmet');
      expectAllIneligible(r);
    });

    it('no designation held on asOf (expired 2024-06-14): all ineligible but M12, which a candidate still gets', () => {
      const r = enterprise('2024-12-31', { designations: [{ level: 'municipal-little-giant', obtainedOn: '2022-06-15', expiresOn: '2024-06-14' }] });
      expect(r.applicability.outcome).toBe('ineligible');
      expect(r.applicability.conditions.find((c) => c.id === 'g1.holds-designation')?.status).toBe('unmet');
      // without G1, M1 would be 500,000 (obtained inside the window): G1 makes it 0.00
      expect(measure(r, 'M1')).toMatchObject({ outcome: 'ineligible', amount: '0.00', payable: '0.00' });
      expectAllIneligible(r, ['M12']);
      expect(measure(r, 'M12')).toMatchObject({ outcome: 'eligible', amount: null, payable: null });
    });

    it('no designation at all: M12 is decided by its own condition (candidate: eligible; not: ineligible)', () => {
      const candidate = enterprise('2024-12-31', { designations: [] });
      expectAllIneligible(candidate, ['M12']);
      expect(measure(candidate, 'M12').outcome).toBe('eligible');
      const notCandidate = enterprise('2024-12-31', { designations: [], cultivationCandidate: false });
      expectAllIneligible(notCandidate);
    });

    it('a designation obtained after asOf is an input error, so “not yet obtained” never reaches G1', () => {
      expect(() => enterprise('2022-06-14')).toThrowError(/obtainedOn/);
    });

    describe('expiresOn itself still counts; the day after does not', () => {
      const expiring = { designations: [{ level: 'municipal-little-giant' as const, obtainedOn: '2022-06-15', expiresOn: '2024-12-31' }] };

      it('asOf = expiresOn 2024-12-31: held, M1 500,000', () => {
        const r = enterprise('2024-12-31', expiring);
        expect(r.applicability.outcome).toBe('eligible');
        expect(measure(r, 'M1')).toMatchObject({ outcome: 'eligible', amount: '500000.00', payable: '500000.00' });
      });

      it('asOf = 2025-01-01, the day after: not held, every measure but M12 ineligible with 0.00', () => {
        const r = enterprise('2025-01-01', expiring);
        expect(r.applicability.outcome).toBe('ineligible');
        expectAllIneligible(r, ['M12']);
      });

      it('an expired title next to a current one still counts as held', () => {
        const r = enterprise('2025-01-01', {
          designations: [
            { level: 'municipal-little-giant', obtainedOn: '2022-06-15', expiresOn: '2024-12-31' },
            { level: 'municipal-little-giant', obtainedOn: '2024-12-20', renewal: true },
          ],
        });
        expect(r.applicability.outcome).toBe('eligible');
        expect(measure(r, 'M1').amount).toBe('500000.00');
      });
    });

    it('an uncertified institution: M5 ineligible with 0.00 (not 100,000), M13 ineligible with null', () => {
      const r = institution('2024-12-31', { certified: false });
      expect(r.applicability.outcome).toBe('ineligible');
      expect(r.applicability.conditions.map((c) => [c.id, c.status])).toEqual([
        ['g1.registered-in-district', 'met'],
        ['g1.independent-legal-person', 'met'],
        ['g1.certified-institution', 'unmet'],
      ]);
      expect(measure(r, 'M5')).toMatchObject({ outcome: 'ineligible', amount: '0.00', payable: '0.00', missing: [] });
      expect(measure(r, 'M13')).toMatchObject({ outcome: 'ineligible', amount: null, payable: null, missing: [] });
      expect(r.totalPayable).toBe('0.00');
    });

    it('the certified institution itself: M5 100,000, M13 eligible', () => {
      const r = institution('2024-12-31');
      expect(r.applicability.outcome).toBe('eligible');
      // E11, a national little giant moved in 2023-03-01 inside the window → 100,000
      expect(measure(r, 'M5')).toMatchObject({ outcome: 'eligible', amount: '100000.00', payable: '100000.00' });
      expect(measure(r, 'M13').outcome).toBe('eligible');
    });

    it('an institution registered elsewhere on asOf, or not a legal person: all ineligible', () => {
      for (const changes of [{ registrations: registeredIn('beijing-other', '2019-05-01') }, { independentLegalPerson: false }]) {
        const r = institution('2024-12-31', changes);
        expect(r.applicability.outcome).toBe('ineligible');
        expectAllIneligible(r);
      }
    });

    it('G1 zeroes the amount too, where G3–G5 keep it (compare a case-by-case subject)', () => {
      const g1 = enterprise('2024-12-31', { independentLegalPerson: false });
      const g3 = enterprise('2024-12-31', { caseByCaseSupport: [{ kind: 'one-matter-one-discussion', from: '2024-01-01' }] });
      expect([measure(g1, 'M1').amount, measure(g1, 'M1').payable]).toEqual(['0.00', '0.00']);
      expect([measure(g3, 'M1').amount, measure(g3, 'M1').payable]).toEqual(['500000.00', '0.00']);
    });
  });

  describe('absent facts: undetermined, with the path that would decide it', () => {
    it('independentLegalPerson absent → enterprise.independentLegalPerson', () => {
      const r = assess({ asOf: '2024-12-31', enterprise: { id: 'E-G1', ...without(LITTLE_GIANT, 'independentLegalPerson') } });
      expect(r.applicability.outcome).toBe('undetermined');
      expect(r.applicability.reasons).toEqual([]);
      expect(r.applicability.conditions.find((c) => c.id === 'g1.independent-legal-person')).toMatchObject({
        status: 'unknown',
        missing: ['enterprise.independentLegalPerson'],
      });
      // M1 would be 500,000; undetermined lines add nothing (docs/contract.md § A measure), so amount and payable are 0.00
      expect(measure(r, 'M1')).toMatchObject({ outcome: 'undetermined', missing: ['enterprise.independentLegalPerson'], amount: '0.00', payable: '0.00' });
      expect(measure(r, 'M11')).toMatchObject({ outcome: 'undetermined', missing: ['enterprise.independentLegalPerson'], amount: null });
      for (const m of r.measures) if (m.outcome !== 'ineligible') expect(m.missing, m.measure).toContain('enterprise.independentLegalPerson');
      expect(r.totalPayable).toBe('0.00');
    });

    it('registrations absent → enterprise.registrations', () => {
      const r = assess({ asOf: '2024-12-31', enterprise: { id: 'E-G1', ...without(LITTLE_GIANT, 'registrations') } });
      expect(r.applicability.outcome).toBe('undetermined');
      expect(r.applicability.conditions.find((c) => c.id === 'g1.registered-in-district')).toMatchObject({ status: 'unknown', missing: ['enterprise.registrations'] });
      expect(measure(r, 'M1')).toMatchObject({ outcome: 'undetermined', missing: ['enterprise.registrations'], amount: '0.00', payable: '0.00' });
      expect(measure(r, 'M11')).toMatchObject({ outcome: 'undetermined', missing: ['enterprise.registrations'] });
      expect(r.totalPayable).toBe('0.00');
    });

    it('only a tax timeline given: the business registration is still unknown', () => {
      const r = enterprise('2024-12-31', { registrations: [{ kind: 'tax', region: 'mentougou', from: '2015-04-01' }] });
      expect(r.applicability.outcome).toBe('undetermined');
      expect(measure(r, 'M1').missing).toEqual(['enterprise.registrations']);
    });

    it('an unmet G1 condition beats an unknown one: ineligible, nothing missing', () => {
      const r = assess({ asOf: '2024-12-31', enterprise: { id: 'E-G1', ...without(LITTLE_GIANT, 'registrations'), independentLegalPerson: false } });
      expect(r.applicability.outcome).toBe('ineligible');
      expectAllIneligible(r);
    });

    it('certified absent → institution.certified', () => {
      const r = assess({ asOf: '2024-12-31', institution: { id: 'I-G1', ...without(INCUBATOR, 'certified') } });
      expect(r.applicability.outcome).toBe('undetermined');
      expect(r.applicability.conditions.find((c) => c.id === 'g1.certified-institution')).toMatchObject({ status: 'unknown', missing: ['institution.certified'] });
      expect(measure(r, 'M5')).toMatchObject({ outcome: 'undetermined', missing: ['institution.certified'], amount: '0.00', payable: '0.00' });
      expect(measure(r, 'M13')).toMatchObject({ outcome: 'undetermined', amount: null, payable: null });
      expect(measure(r, 'M13').missing).toContain('institution.certified');
      expect(r.totalPayable).toBe('0.00');
    });

    it('institution registrations and legal person absent → institution.registrations, institution.independentLegalPerson', () => {
      const r = assess({ asOf: '2024-12-31', institution: { id: 'I-G1', ...without(without(INCUBATOR, 'registrations'), 'independentLegalPerson') } });
      expect(r.applicability.outcome).toBe('undetermined');
      expect(measure(r, 'M5').missing).toEqual(['institution.registrations', 'institution.independentLegalPerson']);
    });
  });

  describe('applicabilityConditions on its own', () => {
    it('names the conditions of a measure: M12 has no designation condition, others do', () => {
      const facts = enterpriseFacts('2024-12-31', { ...LITTLE_GIANT, designations: [] });
      expect(applicabilityConditions(facts).map((c) => [c.id, c.status])).toEqual([
        ['g1.registered-in-district', 'met'],
        ['g1.independent-legal-person', 'met'],
        ['g1.holds-designation', 'unmet'],
      ]);
      expect(applicabilityConditions(facts, 'M12').map((c) => c.id)).toEqual(['g1.registered-in-district', 'g1.independent-legal-person']);
      expect(applicabilityConditions(facts, 'M1').map((c) => c.id)).toContain('g1.holds-designation');
    });

    it('an institution: registered, legal person, certified (unknown when absent)', () => {
      const facts = institutionFacts('2024-12-31', { registrations: registeredIn('mentougou', '2019-05-01') });
      expect(applicabilityConditions(facts).map((c) => [c.id, c.status, c.missing])).toEqual([
        ['g1.registered-in-district', 'met', []],
        ['g1.independent-legal-person', 'unknown', ['institution.independentLegalPerson']],
        ['g1.certified-institution', 'unknown', ['institution.certified']],
      ]);
    });
  });
});
