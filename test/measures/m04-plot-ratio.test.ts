import { describe, expect, it } from 'vitest';
import { plotRatioSupport } from '../../src/measures/m04-plot-ratio.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';

type Input = Parameters<typeof enterpriseFacts>[1];
const SME = [{ level: 'municipal-sme' as const, obtainedOn: '2023-03-01' }];
const m4 = (enterprise: Input, asOf = '2024-12-31') => plotRatioSupport(enterpriseFacts(asOf, { registrations: registeredIn('mentougou', '2015-01-01'), ...enterprise }), mentougou2022Draft);
const statuses = (r: ReturnType<typeof m4>) => r.conditions.map((c) => [c.id, c.status]);

describe('R8 service measures', () => {
  describe('M4 plot ratio (designated, expands capacity without new land)', () => {
    it('is eligible for a designated enterprise that expands without new land, with no amount', () => {
      const r = m4({ designations: SME, expandsCapacityWithoutNewLand: true });
      expect(r.outcome).toBe('eligible');
      expect(r.kind).toBe('service');
      expect(r.amount).toBeNull();
      expect(r.lines).toEqual([]);
      expect(r.missing).toEqual([]);
      expect(r.responsibleUnits).toEqual(['区规自分局']);
      expect(statuses(r)).toEqual([
        ['m4.designated-on-as-of', 'met'],
        ['m4.expands-capacity-without-new-land', 'met'],
      ]);
    });

    it('is ineligible when the enterprise takes new land', () => {
      const r = m4({ designations: SME, expandsCapacityWithoutNewLand: false });
      expect(r.outcome).toBe('ineligible');
      expect(r.missing).toEqual([]);
    });

    it('is undetermined when expandsCapacityWithoutNewLand is absent', () => {
      const r = m4({ designations: SME });
      expect(r.outcome).toBe('undetermined');
      expect(r.missing).toEqual(['enterprise.expandsCapacityWithoutNewLand']);
      expect(r.conditions[1]?.missing).toEqual(['enterprise.expandsCapacityWithoutNewLand']);
    });

    it('is ineligible without a designation, whatever else is unknown', () => {
      const r = m4({});
      expect(r.outcome).toBe('ineligible');
      expect(r.missing).toEqual([]);
      expect(statuses(r)).toEqual([
        ['m4.designated-on-as-of', 'unmet'],
        ['m4.expands-capacity-without-new-land', 'unknown'],
      ]);
    });

    it.each([
      ['obtained on asOf', { level: 'municipal-sme' as const, obtainedOn: '2024-12-31' }, 'eligible'],
      ['expiring on asOf (expiresOn itself counts)', { level: 'municipal-sme' as const, obtainedOn: '2021-12-31', expiresOn: '2024-12-31' }, 'eligible'],
      ['expired the day before asOf', { level: 'municipal-sme' as const, obtainedOn: '2021-12-31', expiresOn: '2024-12-30' }, 'ineligible'],
    ])('counts a designation %s as %s', (_, designation, outcome) => {
      expect(m4({ designations: [designation], expandsCapacityWithoutNewLand: true }).outcome).toBe(outcome);
    });
  });
});
