import { describe, expect, it } from 'vitest';
import { cultivationPool } from '../../src/measures/m12-cultivation-pool.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';

type Input = Parameters<typeof enterpriseFacts>[1];
const HELD = [{ level: 'municipal-sme' as const, obtainedOn: '2023-03-01' }];
const EXPIRED = [{ level: 'municipal-sme' as const, obtainedOn: '2021-03-01', expiresOn: '2024-12-30' }];
const m12 = (enterprise: Input) => cultivationPool(enterpriseFacts('2024-12-31', { registrations: registeredIn('mentougou', '2015-01-01'), ...enterprise }), mentougou2022Draft);

describe('R8 service measures', () => {
  describe('M12 cultivation pool (designated on asOf, or a cultivation candidate)', () => {
    const cases: [string, Input, string, string, string[]][] = [
      ['designated, candidate true', { designations: HELD, cultivationCandidate: true }, 'met', 'eligible', []],
      ['designated, candidate false', { designations: HELD, cultivationCandidate: false }, 'met', 'eligible', []],
      ['designated, candidate absent', { designations: HELD }, 'met', 'eligible', []],
      ['not designated, candidate true', { cultivationCandidate: true }, 'met', 'eligible', []],
      ['not designated, candidate false', { cultivationCandidate: false }, 'unmet', 'ineligible', []],
      ['not designated, candidate absent', {}, 'unknown', 'undetermined', ['enterprise.cultivationCandidate']],
      ['designation expired the day before asOf, candidate absent', { designations: EXPIRED }, 'unknown', 'undetermined', ['enterprise.cultivationCandidate']],
      ['designation expiring on asOf, candidate false', { designations: [{ level: 'municipal-sme', obtainedOn: '2021-03-01', expiresOn: '2024-12-31' }], cultivationCandidate: false }, 'met', 'eligible', []],
    ];
    it.each(cases)('%s → %s', (_, enterprise, status, outcome, missing) => {
      const r = m12(enterprise);
      expect(r.conditions.map((c) => [c.id, c.status])).toEqual([['m12.designated-or-candidate', status]]);
      expect(r.outcome).toBe(outcome);
      expect(r.missing).toEqual(missing);
      expect(r.kind).toBe('service');
      expect(r.amount).toBeNull();
    });
  });
});
