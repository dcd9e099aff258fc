/**
 * Shared derivations pinned at boundaries the measure tests left open (found by mutation testing; see
 * docs/verification.md): the R4 trigger list and its order on one day, when an absent business
 * timeline leaves the M3 trigger unknown, and R2's earning steps under a reform that makes two tiers
 * equal.
 */
import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../src/core/calendar.js';
import { designationSteps } from '../src/facts/designation-steps.js';
import { findRentSubsidyTrigger, rentSubsidyTriggers } from '../src/facts/rent-years.js';
import { deriveEdition } from '../src/policy/derive.js';
import { editionValues } from '../src/policy/edition.js';
import { mentougou2022Draft } from '../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from './helpers/facts.js';

const values = editionValues(mentougou2022Draft);
const day = (y: number, m: number, d: number) => dayNumberOf(y, m, d);

describe('R4 the rent subsidy’s triggers', () => {
  it('a title obtained and a move in made on the same day (2023-05-05): both are triggers, the title first', () => {
    const facts = enterpriseFacts('2024-12-31', {
      registrations: [...registeredIn('beijing-other', '2015-01-01'), ...registeredIn('mentougou', '2023-05-05')],
      designations: [
        { level: 'municipal-sme', obtainedOn: '2021-01-01' },
        { level: 'municipal-little-giant', obtainedOn: '2023-05-05' },
      ],
    });
    const triggers = rentSubsidyTriggers(facts, values);
    expect(triggers.map((t) => [t.kind, t.on])).toEqual([
      ['designation', day(2023, 5, 5)],
      ['move', day(2023, 5, 5)],
    ]);
    // the order does not depend on which comes first in the request
    const reversed = enterpriseFacts('2024-12-31', {
      registrations: [...registeredIn('beijing-other', '2015-01-01'), ...registeredIn('mentougou', '2023-05-05')],
      designations: [
        { level: 'municipal-little-giant', obtainedOn: '2023-05-05' },
        { level: 'municipal-sme', obtainedOn: '2021-01-01' },
      ],
    });
    expect(rentSubsidyTriggers(reversed, values).map((t) => t.kind)).toEqual(['designation', 'move']);
    const first = findRentSubsidyTrigger(facts, values);
    expect(first.status === 'met' && first.trigger.kind).toBe('designation');
  });

  it('a move in while designated, with no title obtained in the window, is the trigger (kind “move”)', () => {
    const facts = enterpriseFacts('2024-12-31', {
      registrations: [...registeredIn('outside-beijing', '2015-01-01'), ...registeredIn('mentougou', '2023-08-08')],
      designations: [{ level: 'municipal-sme', obtainedOn: '2021-01-01' }],
    });
    expect(findRentSubsidyTrigger(facts, values)).toMatchObject({ status: 'met', trigger: { kind: 'move', on: day(2023, 8, 8) } });
  });

  it('no title obtained in the window and no move in: the finding is unmet', () => {
    const facts = enterpriseFacts('2024-12-31', { registrations: registeredIn('mentougou', '2015-01-01'), designations: [{ level: 'municipal-sme', obtainedOn: '2021-01-01' }] });
    expect(findRentSubsidyTrigger(facts, values)).toEqual({ status: 'unmet' });
  });
});

describe('R4 without a business timeline: unknown only if a move in while designated could have happened in the window', () => {
  const noTimeline = (asOf: string, designations: { level: 'municipal-sme'; obtainedOn: string; expiresOn?: string }[]) =>
    findRentSubsidyTrigger(enterpriseFacts(asOf, { designations }), values);

  it('a title held since 2020 (before the window, still held in it): unknown, needs enterprise.registrations', () => {
    expect(noTimeline('2024-06-30', [{ level: 'municipal-sme', obtainedOn: '2020-05-01' }])).toEqual({ status: 'unknown', missing: ['enterprise.registrations'] });
  });

  it('an expired 2019 title beside a 2020 title still held: unknown (one title held in the window is enough)', () => {
    expect(
      noTimeline('2024-06-30', [
        { level: 'municipal-sme', obtainedOn: '2019-01-01', expiresOn: '2020-12-31' },
        { level: 'municipal-sme', obtainedOn: '2020-05-01' },
      ]),
    ).toMatchObject({ status: 'unknown' });
  });

  it('a title that expires on 2022-01-01, the window’s first day, is held that one day: unknown', () => {
    expect(noTimeline('2024-06-30', [{ level: 'municipal-sme', obtainedOn: '2020-01-01', expiresOn: '2022-01-01' }])).toMatchObject({ status: 'unknown' });
  });

  it('a title that expired on 2021-12-31, the day before the window: unmet', () => {
    expect(noTimeline('2024-06-30', [{ level: 'municipal-sme', obtainedOn: '2020-01-01', expiresOn: '2021-12-31' }])).toEqual({ status: 'unmet' });
  });

  it('designated only after the window (2026-01-10), assessed 2026-06-01: unmet — a move in then could not trigger (R1)', () => {
    // the title itself is no trigger either: 2026-01-10 is after effectiveTo 2025-12-31
    expect(noTimeline('2026-06-01', [{ level: 'municipal-sme', obtainedOn: '2026-01-10' }])).toEqual({ status: 'unmet' });
  });
});

describe('R2 晋级补差: a step must move up in both level and tier', () => {
  it('a national little giant (2022) that later obtains its first municipal SME title (2023) earns nothing more', () => {
    const facts = enterpriseFacts('2024-12-31', {
      designations: [
        { level: 'national-little-giant', obtainedOn: '2022-03-01' },
        { level: 'municipal-sme', obtainedOn: '2023-03-01' },
      ],
    });
    expect(designationSteps(facts, values).map((s) => [s.designation.level, s.difference.toFixed(2)])).toEqual([['national-little-giant', '800000.00']]);
  });

  it('under a reform paying 200,000 for both municipal titles, moving up from SME to little giant adds no step (no 0.00 line)', () => {
    const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'municipal-little-giant': '200000' } } }, { id: 'equal-municipal-tiers' });
    const facts = enterpriseFacts('2024-12-31', {
      designations: [
        { level: 'municipal-sme', obtainedOn: '2022-03-01' },
        { level: 'municipal-little-giant', obtainedOn: '2023-03-01' },
        { level: 'national-little-giant', obtainedOn: '2024-03-01' },
      ],
    });
    // 200,000 at the SME step; the little giant's 200,000 is not above it; the national 800,000 adds 600,000
    expect(designationSteps(facts, editionValues(reform)).map((s) => [s.designation.level, s.difference.toFixed(2)])).toEqual([
      ['municipal-sme', '200000.00'],
      ['national-little-giant', '600000.00'],
    ]);
  });

  it('under a reform paying more for the SME title (900,000) than for the national one, a national little giant’s later SME title is no 晋级 and earns nothing', () => {
    const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'municipal-sme': '900000' } } }, { id: 'sme-above-national' });
    const facts = enterpriseFacts('2024-12-31', {
      designations: [
        { level: 'national-little-giant', obtainedOn: '2022-03-01' },
        { level: 'municipal-sme', obtainedOn: '2023-03-01' },
      ],
    });
    expect(designationSteps(facts, editionValues(reform)).map((s) => [s.designation.level, s.difference.toFixed(2)])).toEqual([['national-little-giant', '800000.00']]);
  });

  it('under a reform paying more for the SME title than for the municipal little giant, the little giant (a higher level) earns no step', () => {
    const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'municipal-sme': '600000' } } }, { id: 'sme-above-little-giant' });
    const facts = enterpriseFacts('2024-12-31', {
      designations: [
        { level: 'municipal-sme', obtainedOn: '2022-03-01' },
        { level: 'municipal-little-giant', obtainedOn: '2023-03-01' },
      ],
    });
    expect(designationSteps(facts, editionValues(reform)).map((s) => s.designation.level)).toEqual(['municipal-sme']);
  });
});
