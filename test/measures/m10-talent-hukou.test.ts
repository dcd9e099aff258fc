import { describe, expect, it } from 'vitest';
import { talentHukouPriority } from '../../src/measures/m10-talent-hukou.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { goldenEnterpriseFacts as goldenFacts } from '../helpers/golden.js';

type Designations = NonNullable<Parameters<typeof enterpriseFacts>[1]['designations']>;
const m10 = (designations: Designations, asOf = '2024-12-31') =>
  talentHukouPriority(enterpriseFacts(asOf, { registrations: registeredIn('mentougou', '2015-01-01'), designations }), mentougou2022Draft);

describe('R8 service measures', () => {
  describe('M10 talent hukou priority (holds national-little-giant on asOf)', () => {
    it('matches golden vector 01: a national little giant since 2024-08-01 → eligible', () => {
      const r = talentHukouPriority(goldenFacts('01-climber'), mentougou2022Draft);
      expect(r.outcome).toBe('eligible');
      expect(r.amount).toBeNull();
      expect(r.kind).toBe('service');
    });

    it('is ineligible for a municipal little giant', () => {
      const r = m10([{ level: 'municipal-little-giant', obtainedOn: '2022-03-01' }]);
      expect(r.outcome).toBe('ineligible');
      expect(r.conditions.map((c) => [c.id, c.status])).toEqual([['m10.national-little-giant', 'unmet']]);
    });

    it('is ineligible without designations', () => {
      expect(m10([]).outcome).toBe('ineligible');
    });

    it.each([
      ['obtained on asOf', { obtainedOn: '2024-12-31' }, 'eligible'],
      ['expiring on asOf (expiresOn itself counts)', { obtainedOn: '2021-12-31', expiresOn: '2024-12-31' }, 'eligible'],
      ['expired the day before asOf', { obtainedOn: '2021-12-31', expiresOn: '2024-12-30' }, 'ineligible'],
    ])('counts a national title %s as %s', (_, dates, outcome) => {
      // a municipal SME title is held throughout: only the national one decides
      const r = m10([{ level: 'municipal-sme', obtainedOn: '2020-01-01' }, { level: 'national-little-giant', ...dates }]);
      expect(r.outcome).toBe(outcome);
      expect(r.missing).toEqual([]);
    });
  });
});
