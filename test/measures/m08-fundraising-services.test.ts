import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../src/core/measure-result.js';
import { fundraisingProjectServices } from '../../src/measures/m08-fundraising-services.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { goldenEnterpriseFacts as goldenFacts } from '../helpers/golden.js';

type Input = Parameters<typeof enterpriseFacts>[1];
const LONG_HELD = [{ level: 'national-little-giant' as const, obtainedOn: '2020-01-01' }];
const LISTED = { board: 'chinext' as const, listedOn: '2023-09-15' };
const m8 = (enterprise: Input, asOf = '2024-12-31'): MeasureResult =>
  fundraisingProjectServices(enterpriseFacts(asOf, { registrations: registeredIn('mentougou', '2015-01-01'), ...enterprise }), mentougou2022Draft);
const statuses = (r: MeasureResult) => r.conditions.map((c) => [c.id, c.status]);

describe('R8 service measures', () => {
  describe('M8 fundraising-project services (listed as in R7, project in the district)', () => {
    it('matches golden vector 07: listed, project location unknown → undetermined', () => {
      const r = fundraisingProjectServices(goldenFacts('07-listing-and-park-subsidy'), mentougou2022Draft);
      expect(r.outcome).toBe('undetermined');
      expect(r.amount).toBeNull();
      expect(r.missing).toEqual(['enterprise.fundraisingProjectInDistrict']);
    });

    it.each([
      [true, 'eligible', 'met'],
      [false, 'ineligible', 'unmet'],
    ])('fundraisingProjectInDistrict %s → %s', (fundraisingProjectInDistrict, outcome, status) => {
      const r = m8({ designations: LONG_HELD, listing: LISTED, fundraisingProjectInDistrict });
      expect(r.outcome).toBe(outcome);
      expect(r.kind).toBe('service');
      expect(r.amount).toBeNull();
      expect(r.lines).toEqual([]);
      expect(statuses(r)).toEqual([
        ['m8.listed', 'met'],
        ['m8.designated-on-listing-day', 'met'],
        ['m8.listed-in-window', 'met'],
        ['m8.fundraising-project-in-district', status],
      ]);
    });

    it('is ineligible without a listing, even with the project unknown', () => {
      const r = m8({ designations: LONG_HELD });
      expect(r.outcome).toBe('ineligible');
      expect(r.missing).toEqual([]);
      expect(statuses(r)).toEqual([
        ['m8.listed', 'unmet'],
        ['m8.designated-on-listing-day', 'unmet'],
        ['m8.listed-in-window', 'unmet'],
        ['m8.fundraising-project-in-district', 'unknown'],
      ]);
    });

    it.each([
      ['2023-05-10', 'met', 'eligible'],
      ['2023-05-09', 'unmet', 'ineligible'],
    ])('needs a designation on listedOn: listed %s with the title obtained 2023-05-10 → %s', (listedOn, status, outcome) => {
      const r = m8({ designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-10' }], listing: { board: 'star', listedOn }, fundraisingProjectInDistrict: true });
      expect(r.conditions[1]?.status).toBe(status);
      expect(r.outcome).toBe(outcome);
    });

    it('counts a designation on its expiry day', () => {
      const designations = [{ level: 'municipal-sme' as const, obtainedOn: '2021-03-01', expiresOn: '2024-03-01' }];
      expect(m8({ designations, listing: { board: 'bse', listedOn: '2024-03-01' }, fundraisingProjectInDistrict: true }).outcome).toBe('eligible');
      expect(m8({ designations, listing: { board: 'bse', listedOn: '2024-03-02' }, fundraisingProjectInDistrict: true }).outcome).toBe('ineligible');
    });

    it.each([
      ['2021-12-31', 'ineligible'],
      ['2022-01-01', 'eligible'],
      ['2025-12-31', 'eligible'],
      ['2026-01-01', 'ineligible'],
    ])('needs listedOn inside the window: listed %s → %s', (listedOn, outcome) => {
      expect(m8({ designations: LONG_HELD, listing: { board: 'szse-main', listedOn }, fundraisingProjectInDistrict: true }, '2026-03-31').outcome).toBe(outcome);
    });
  });
});
