import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../src/core/measure-result.js';
import { listingReward } from '../../src/measures/m07-listing-reward.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { goldenEnterpriseFacts as goldenFacts } from '../helpers/golden.js';

type Input = Parameters<typeof enterpriseFacts>[1];
const LONG_HELD = [{ level: 'municipal-little-giant' as const, obtainedOn: '2020-01-01' }];
const m7 = (enterprise: Input, asOf = '2024-12-31', edition = mentougou2022Draft): MeasureResult =>
  listingReward(enterpriseFacts(asOf, { registrations: registeredIn('mentougou', '2015-01-01'), ...enterprise }), edition);
const statuses = (r: MeasureResult) => r.conditions.map((c) => [c.id, c.status]);

describe('R7 listing reward', () => {
  it('matches golden vector 07: STAR listing at the municipal standard, 3,000,000.00', () => {
    const r = listingReward(goldenFacts('07-listing-and-park-subsidy'), mentougou2022Draft);
    expect(r.outcome).toBe('eligible');
    expect(r.kind).toBe('money');
    expect(r.amount?.toFixed(2)).toBe('3000000.00');
    expect(r.lines.map((l) => [l.id, l.outcome, l.amount?.toFixed(2), l.ledger])).toEqual([['star@2024-11-20', 'eligible', '3000000.00', {}]]);
  });

  it('matches golden vector 01: no listing, ineligible, 0.00', () => {
    const r = listingReward(goldenFacts('01-climber'), mentougou2022Draft);
    expect(r.outcome).toBe('ineligible');
    expect(r.amount?.toFixed(2)).toBe('0.00');
  });

  it('treats an absent listing as not listed (every condition unmet, no line)', () => {
    const r = m7({ designations: LONG_HELD });
    expect(r.outcome).toBe('ineligible');
    expect(r.lines).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(statuses(r)).toEqual([
      ['m7.listed', 'unmet'],
      ['m7.designated-on-listing-day', 'unmet'],
      ['m7.listed-in-window', 'unmet'],
    ]);
  });

  describe('holds a designation on listedOn', () => {
    const designations = [{ level: 'municipal-sme' as const, obtainedOn: '2023-05-10' }];
    it.each([
      ['2023-05-10', 'the day the designation is obtained', 'met', 'eligible'],
      ['2023-05-09', 'the day before', 'unmet', 'ineligible'],
    ])('listed on %s (%s): %s', (listedOn, _, status, outcome) => {
      const r = m7({ designations, listing: { board: 'star', listedOn, municipalStandardReward: '2000000' } });
      expect(r.conditions[1]).toMatchObject({ id: 'm7.designated-on-listing-day', status });
      expect(r.outcome).toBe(outcome);
    });

    it.each([
      ['2024-02-29', 'the expiry day itself', 'eligible', '2000000.00'],
      ['2024-03-01', 'the day after expiry', 'ineligible', '0.00'],
    ])('listed on %s (%s): %s', (listedOn, _, outcome, amount) => {
      const r = m7({ designations: [{ level: 'municipal-sme', obtainedOn: '2021-03-01', expiresOn: '2024-02-29' }], listing: { board: 'bse', listedOn, municipalStandardReward: '2000000' } });
      expect(r.outcome).toBe(outcome);
      expect(r.amount?.toFixed(2)).toBe(amount);
    });
  });

  describe('listedOn inside the window (R1)', () => {
    it.each([
      ['2021-12-31', 'unmet', 'ineligible', '0.00'],
      ['2022-01-01', 'met', 'eligible', '1500000.00'],
      ['2025-12-31', 'met', 'eligible', '1500000.00'],
      ['2026-01-01', 'unmet', 'ineligible', '0.00'],
    ])('listed on %s: %s', (listedOn, status, outcome, amount) => {
      const r = m7({ designations: LONG_HELD, listing: { board: 'sse-main', listedOn, municipalStandardReward: '1500000' } }, '2026-03-31');
      expect(r.conditions[2]).toMatchObject({ id: 'm7.listed-in-window', status });
      expect(r.outcome).toBe(outcome);
      expect(r.amount?.toFixed(2)).toBe(amount);
    });
  });

  describe('amount = max(municipal standard, district floor)', () => {
    const listing = (municipalStandardReward?: string) => ({ board: 'star' as const, listedOn: '2024-06-03', ...(municipalStandardReward ? { municipalStandardReward } : {}) });
    const withFloor = (floor: number) => deriveEdition(mentougou2022Draft, { m7: { districtFloors: { star: floor } } }, { id: `floor-${floor}` });

    it('pays the municipal standard where the edition sets no floor', () => {
      const r = m7({ designations: LONG_HELD, listing: listing('3000000') });
      expect(r.amount?.toFixed(2)).toBe('3000000.00');
      expect(r.lines[0]?.details).toMatchObject({ municipalStandardReward: '3000000.00', districtFloor: null, basis: 'municipal-standard' });
    });

    it('pays the district floor where it is higher: max(3,000,000, 5,000,000) = 5,000,000', () => {
      const r = m7({ designations: LONG_HELD, listing: listing('3000000') }, '2024-12-31', withFloor(5000000));
      expect(r.amount?.toFixed(2)).toBe('5000000.00');
      expect(r.lines[0]?.details).toMatchObject({ districtFloor: '5000000.00', basis: 'district-floor' });
    });

    it('pays the municipal standard where the floor is lower: max(3,000,000, 1,000,000) = 3,000,000', () => {
      const r = m7({ designations: LONG_HELD, listing: listing('3000000') }, '2024-12-31', withFloor(1000000));
      expect(r.amount?.toFixed(2)).toBe('3000000.00');
      expect(r.lines[0]?.details).toMatchObject({ basis: 'municipal-standard' });
    });

    it('pays the floor alone when the municipal standard is not given', () => {
      const r = m7({ designations: LONG_HELD, listing: listing() }, '2024-12-31', withFloor(5000000));
      expect(r.outcome).toBe('eligible');
      expect(r.amount?.toFixed(2)).toBe('5000000.00');
      expect(r.missing).toEqual([]);
    });

    it('is undetermined with neither, asking for the municipal standard', () => {
      const r = m7({ designations: LONG_HELD, listing: listing() });
      expect(r.outcome).toBe('undetermined');
      expect(r.amount?.toFixed(2)).toBe('0.00');
      expect(r.lines[0]?.amount).toBeNull();
      expect(r.lines[0]?.conditions.map((c) => [c.id, c.status])).toEqual([['m7.reward-standard-known', 'unknown']]);
      expect(r.missing).toEqual(['enterprise.listing.municipalStandardReward']);
    });

    it('does not ask for the standard when the listing fails R7 anyway', () => {
      const r = m7({ designations: LONG_HELD, listing: { board: 'star', listedOn: '2021-06-01' } });
      expect(r.outcome).toBe('ineligible');
      expect(r.missing).toEqual([]);
    });

    it('rounds the line to the fen, half up (R14): 1,234,567.895 → 1,234,567.90', () => {
      expect(m7({ designations: LONG_HELD, listing: listing('1234567.895') }).amount?.toFixed(2)).toBe('1234567.90');
    });
  });
});
