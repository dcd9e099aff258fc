import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveFacts, type InstitutionFacts } from '../../src/facts/facts.js';
import { dualCommitmentPilot } from '../../src/measures/m13-dual-commitment-pilot.js';
import { parseRequest } from '../../src/model/parse.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { institutionFacts, registeredIn } from '../helpers/facts.js';

type Input = Parameters<typeof institutionFacts>[1];
const m13 = (institution: Input, edition = mentougou2022Draft) =>
  dualCommitmentPilot(institutionFacts('2024-12-31', { registrations: registeredIn('mentougou', '2019-01-01'), ...institution }), edition);
const statuses = (r: ReturnType<typeof m13>) => r.conditions.map((c) => [c.id, c.status]);

function goldenFacts(name: string): InstitutionFacts {
  const vector = JSON.parse(readFileSync(new URL(`../golden/${name}.json`, import.meta.url), 'utf8')) as { request: unknown };
  const parsed = parseRequest(vector.request);
  if (!parsed.ok) throw new Error(`invalid golden request ${name}`);
  return deriveFacts(parsed.value) as InstitutionFacts;
}

describe('R8 service measures', () => {
  describe('M13 dual-commitment pilot (certified, residentSrdiCount ≥ 5)', () => {
    it('matches golden vector 06: certified, 5 resident → eligible', () => {
      const r = dualCommitmentPilot(goldenFacts('06-institution'), mentougou2022Draft);
      expect(r.outcome).toBe('eligible');
      expect(r.amount).toBeNull();
      expect(r.kind).toBe('service');
    });

    it.each([
      [4, 'unmet', 'ineligible'],
      [5, 'met', 'eligible'],
      [6, 'met', 'eligible'],
    ])('residentSrdiCount %s → %s', (residentSrdiCount, status, outcome) => {
      const r = m13({ certified: true, residentSrdiCount });
      expect(statuses(r)).toEqual([
        ['m13.certified', 'met'],
        ['m13.resident-srdi-count', status],
      ]);
      expect(r.outcome).toBe(outcome);
      expect(r.missing).toEqual([]);
    });

    it('is undetermined when residentSrdiCount is absent', () => {
      const r = m13({ certified: true });
      expect(r.outcome).toBe('undetermined');
      expect(r.missing).toEqual(['institution.residentSrdiCount']);
    });

    it('is ineligible for an institution that is not certified', () => {
      expect(m13({ certified: false, residentSrdiCount: 9 }).outcome).toBe('ineligible');
    });

    it('asks for both facts when both are absent', () => {
      const r = m13({});
      expect(r.outcome).toBe('undetermined');
      expect(r.missing).toEqual(['institution.certified', 'institution.residentSrdiCount']);
    });

    it('asks for nothing once the count is below the minimum', () => {
      const r = m13({ residentSrdiCount: 4 });
      expect(r.outcome).toBe('ineligible');
      expect(r.missing).toEqual([]);
    });

    it('reads the minimum from the edition (3: 4 now suffices, 2 does not)', () => {
      const reform = deriveEdition(mentougou2022Draft, { m13: { minResidentSrdi: 3 } }, { id: 'reform-m13' });
      expect(m13({ certified: true, residentSrdiCount: 4 }, reform).outcome).toBe('eligible');
      expect(m13({ certified: true, residentSrdiCount: 3 }, reform).outcome).toBe('eligible');
      expect(m13({ certified: true, residentSrdiCount: 2 }, reform).outcome).toBe('ineligible');
    });
  });
});
