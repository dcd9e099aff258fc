import { describe, expect, it } from 'vitest';
import { financingSupport } from '../../src/measures/m06-financing.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';

type Input = Parameters<typeof enterpriseFacts>[1];
const SME = [{ level: 'municipal-sme' as const, obtainedOn: '2023-03-01' }];
const m6 = (enterprise: Input, asOf = '2024-12-31') => financingSupport(enterpriseFacts(asOf, { registrations: registeredIn('mentougou', '2015-01-01'), ...enterprise }), mentougou2022Draft);
const lines = (r: ReturnType<typeof m6>) => r.lines.map((l) => [l.id, l.outcome, l.amount]);

describe('R8 service measures', () => {
  describe('M6 financing (guidance fund: designated; credit products: designated and small or micro)', () => {
    it('gives a designated small or micro enterprise both lines, with no amounts', () => {
      const r = m6({ designations: SME, smallOrMicro: true });
      expect(r.outcome).toBe('eligible');
      expect(r.kind).toBe('service');
      expect(r.amount).toBeNull();
      expect(r.missing).toEqual([]);
      expect(lines(r)).toEqual([
        ['guidance-fund', 'eligible', null],
        ['credit-products', 'eligible', null],
      ]);
      expect(r.conditions.map((c) => [c.id, c.status])).toEqual([['m6.designated-on-as-of', 'met']]);
      expect(r.lines[1]?.conditions.map((c) => [c.id, c.status])).toEqual([['m6.small-or-micro', 'met']]);
    });

    it('gives a designated enterprise that is not small or micro the guidance fund only', () => {
      const r = m6({ designations: SME, smallOrMicro: false });
      expect(r.outcome).toBe('eligible');
      expect(lines(r)).toEqual([
        ['guidance-fund', 'eligible', null],
        ['credit-products', 'ineligible', null],
      ]);
      expect(r.missing).toEqual([]);
    });

    it('leaves the credit line undetermined when smallOrMicro is absent', () => {
      const r = m6({ designations: SME });
      expect(r.outcome).toBe('eligible');
      expect(lines(r)).toEqual([
        ['guidance-fund', 'eligible', null],
        ['credit-products', 'undetermined', null],
      ]);
      expect(r.missing).toEqual(['enterprise.smallOrMicro']);
    });

    it('gives an enterprise without a designation neither line', () => {
      const r = m6({ smallOrMicro: true });
      expect(r.outcome).toBe('ineligible');
      expect(lines(r)).toEqual([
        ['guidance-fund', 'ineligible', null],
        ['credit-products', 'ineligible', null],
      ]);
      expect(m6({}).missing).toEqual([]);
    });

    it.each([
      ['expiring on asOf (expiresOn itself counts)', '2024-12-31', 'eligible'],
      ['expired the day before asOf', '2024-12-30', 'ineligible'],
    ])('counts a designation %s as %s', (_, expiresOn, outcome) => {
      expect(m6({ designations: [{ level: 'municipal-sme', obtainedOn: '2021-12-31', expiresOn }], smallOrMicro: true }).outcome).toBe(outcome);
    });
  });
});
