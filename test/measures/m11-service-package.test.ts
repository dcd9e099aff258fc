import { describe, expect, it } from 'vitest';
import { servicePackage } from '../../src/measures/m11-service-package.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { goldenEnterpriseFacts as goldenFacts } from '../helpers/golden.js';

type Designations = NonNullable<Parameters<typeof enterpriseFacts>[1]['designations']>;
const m11 = (designations: Designations, asOf = '2024-12-31') =>
  servicePackage(enterpriseFacts(asOf, { registrations: registeredIn('mentougou', '2015-01-01'), designations }), mentougou2022Draft);

describe('R8 service measures', () => {
  describe('M11 service package (designated on asOf)', () => {
    it('matches golden vector 01 → eligible, no amount', () => {
      const r = servicePackage(goldenFacts('01-climber'), mentougou2022Draft);
      expect(r.outcome).toBe('eligible');
      expect(r.amount).toBeNull();
      expect(r.kind).toBe('service');
      expect(r.responsibleUnits).toEqual(['区发改委', '区政务服务局']);
    });

    it('is ineligible without designations (never unknown: absent designations mean none)', () => {
      const r = m11([]);
      expect(r.outcome).toBe('ineligible');
      expect(r.conditions.map((c) => [c.id, c.status])).toEqual([['m11.designated-on-as-of', 'unmet']]);
      expect(r.missing).toEqual([]);
    });

    it.each([
      ['obtained on asOf', { obtainedOn: '2024-12-31' }, 'eligible'],
      ['expiring on asOf (expiresOn itself counts)', { obtainedOn: '2021-12-31', expiresOn: '2024-12-31' }, 'eligible'],
      ['expired the day before asOf', { obtainedOn: '2021-12-31', expiresOn: '2024-12-30' }, 'ineligible'],
    ])('counts a designation %s as %s', (_, dates, outcome) => {
      expect(m11([{ level: 'municipal-sme', ...dates }]).outcome).toBe(outcome);
    });
  });
});
