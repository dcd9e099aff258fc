import { describe, expect, it } from 'vitest';
import { talentSupport } from '../../src/measures/m09-talent-support.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';

const m9 = (jingxiTalents?: number) =>
  talentSupport(
    enterpriseFacts('2024-12-31', {
      registrations: registeredIn('mentougou', '2015-01-01'),
      designations: [{ level: 'municipal-sme', obtainedOn: '2023-03-01' }],
      ...(jingxiTalents === undefined ? {} : { jingxiTalents }),
    }),
    mentougou2022Draft,
  );

describe('R8 service measures', () => {
  describe('M9 talent support (jingxiTalents ≥ 1)', () => {
    it.each([
      [0, 'unmet', 'ineligible'],
      [1, 'met', 'eligible'],
      [25, 'met', 'eligible'],
    ])('jingxiTalents %s → %s', (count, status, outcome) => {
      const r = m9(count);
      expect(r.conditions.map((c) => [c.id, c.status])).toEqual([['m9.jingxi-talent', status]]);
      expect(r.outcome).toBe(outcome);
      expect(r.kind).toBe('service');
      expect(r.amount).toBeNull();
      expect(r.missing).toEqual([]);
    });

    it('is undetermined when jingxiTalents is absent', () => {
      const r = m9();
      expect(r.outcome).toBe('undetermined');
      expect(r.missing).toEqual(['enterprise.jingxiTalents']);
    });
  });
});
