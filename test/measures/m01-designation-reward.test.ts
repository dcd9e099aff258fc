import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../src/core/measure-result.js';
import { designationSteps } from '../../src/facts/designation-steps.js';
import { designationReward } from '../../src/measures/m01-designation-reward.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { editionValues } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';

type Level = 'municipal-sme' | 'municipal-little-giant' | 'national-little-giant';
type DesignationInput = { level: Level; obtainedOn: string; renewal?: boolean; expiresOn?: string };

const reward = (asOf: string, designations: DesignationInput[], edition = mentougou2022Draft): MeasureResult =>
  designationReward(enterpriseFacts(asOf, { registrations: registeredIn('mentougou', '2015-01-01'), designations }), edition);

/** What a reviewer compares: outcome, amount, and each line's id and amount, as strings. */
const summary = (r: MeasureResult) => ({
  outcome: r.outcome,
  amount: r.amount?.toFixed(2) ?? null,
  lines: r.lines.map((l) => [l.id, l.outcome, l.amount?.toFixed(2) ?? null]),
});

const CLIMBER: DesignationInput[] = [
  { level: 'municipal-sme', obtainedOn: '2022-06-15' },
  { level: 'municipal-little-giant', obtainedOn: '2023-07-20' },
  { level: 'national-little-giant', obtainedOn: '2024-08-01' },
];

describe('R2 designation reward (首次获得, 晋级补差)', () => {
  it('pays a climber 200,000 then 300,000 then 300,000 (entitlement 800,000)', () => {
    const r = reward('2024-12-31', CLIMBER);
    // steps: 200,000 − 0 = 200,000; 500,000 − 200,000 = 300,000; 800,000 − 500,000 = 300,000; total 800,000
    expect(summary(r)).toEqual({
      outcome: 'eligible',
      amount: '800000.00',
      lines: [
        ['municipal-sme@2022-06-15', 'eligible', '200000.00'],
        ['municipal-little-giant@2023-07-20', 'eligible', '300000.00'],
        ['national-little-giant@2024-08-01', 'eligible', '300000.00'],
      ],
    });
    expect(r.kind).toBe('money');
    expect(r.missing).toEqual([]);
    expect(r.conditions.map((c) => [c.id, c.status])).toEqual([['m1.first-designation-in-window', 'met']]);
    expect(r.lines[1]?.details).toMatchObject({ tier: '500000.00', earnedBefore: '200000.00', difference: '300000.00' });
  });

  it('gives a renewal nothing', () => {
    // a pre-window title renewed inside the window: neither earns
    expect(summary(reward('2024-12-31', [{ level: 'municipal-sme', obtainedOn: '2020-03-01' }, { level: 'municipal-sme', obtainedOn: '2023-03-01', renewal: true }]))).toEqual({
      outcome: 'ineligible',
      amount: '0.00',
      lines: [],
    });
    // a renewal is not “首次获得” even when no earlier title of its level is on record
    expect(summary(reward('2024-12-31', [{ level: 'municipal-little-giant', obtainedOn: '2023-03-01', renewal: true }])).amount).toBe('0.00');
  });

  it('gives a pre-window title nothing itself, and a later higher first-of-level title its full tier', () => {
    const before = reward('2024-12-31', [{ level: 'municipal-sme', obtainedOn: '2021-06-01' }]);
    expect(summary(before)).toEqual({ outcome: 'ineligible', amount: '0.00', lines: [] });
    expect(before.conditions[0]?.status).toBe('unmet');
    // the 2021 title earned nothing, so the 2023 little giant earns 500,000 − 0 = 500,000
    expect(summary(reward('2024-12-31', [{ level: 'municipal-sme', obtainedOn: '2021-06-01' }, { level: 'municipal-little-giant', obtainedOn: '2023-03-01' }]))).toEqual({
      outcome: 'eligible',
      amount: '500000.00',
      lines: [['municipal-little-giant@2023-03-01', 'eligible', '500000.00']],
    });
  });

  it('gives a second designation of the same level nothing', () => {
    // two municipal SME titles, neither a renewal: only the first earns 200,000
    expect(summary(reward('2024-12-31', [{ level: 'municipal-sme', obtainedOn: '2022-03-01' }, { level: 'municipal-sme', obtainedOn: '2024-03-01' }]))).toEqual({
      outcome: 'eligible',
      amount: '200000.00',
      lines: [['municipal-sme@2022-03-01', 'eligible', '200000.00']],
    });
    // a title of a level already held before the window is not the first of its level
    expect(summary(reward('2024-12-31', [{ level: 'municipal-sme', obtainedOn: '2021-03-01', expiresOn: '2022-02-28' }, { level: 'municipal-sme', obtainedOn: '2023-03-01' }])).amount).toBe('0.00');
  });

  it('gives a lower level after a higher one nothing (no move up)', () => {
    // national 800,000 first; the later first municipal SME (200,000) is below it
    expect(summary(reward('2024-12-31', [{ level: 'national-little-giant', obtainedOn: '2022-05-01' }, { level: 'municipal-sme', obtainedOn: '2023-05-01' }]))).toEqual({
      outcome: 'eligible',
      amount: '800000.00',
      lines: [['national-little-giant@2022-05-01', 'eligible', '800000.00']],
    });
  });

  it('orders two titles of one day lowest first', () => {
    // same day: municipal SME 200,000, then little giant 500,000 − 200,000 = 300,000
    expect(summary(reward('2024-12-31', [{ level: 'municipal-little-giant', obtainedOn: '2023-04-01' }, { level: 'municipal-sme', obtainedOn: '2023-04-01' }])).lines).toEqual([
      ['municipal-sme@2023-04-01', 'eligible', '200000.00'],
      ['municipal-little-giant@2023-04-01', 'eligible', '300000.00'],
    ]);
  });

  it('gives nothing without designations', () => {
    const r = reward('2024-12-31', []);
    expect(summary(r)).toEqual({ outcome: 'ineligible', amount: '0.00', lines: [] });
    expect(r.missing).toEqual([]);
  });
});

describe('R1 window for M1', () => {
  const asOf = '2026-06-30';
  it.each([
    ['2022-01-01', 'municipal-sme', 'eligible', '200000.00'],
    ['2025-12-31', 'national-little-giant', 'eligible', '800000.00'],
    ['2021-12-31', 'municipal-sme', 'ineligible', '0.00'],
    ['2026-01-01', 'national-little-giant', 'ineligible', '0.00'],
  ] as const)('a title obtained on %s (%s) is %s', (obtainedOn, level, outcome, amount) => {
    const r = reward(asOf, [{ level, obtainedOn }]);
    expect(r.outcome).toBe(outcome);
    expect(r.amount?.toFixed(2)).toBe(amount);
  });
});

describe('R2 is independent of the order of the designations', () => {
  it('gives the same result for every order of the input', () => {
    const designations: DesignationInput[] = [
      ...CLIMBER,
      { level: 'municipal-sme', obtainedOn: '2024-08-01', renewal: true },
      { level: 'municipal-sme', obtainedOn: '2021-05-01', expiresOn: '2022-04-30' },
      { level: 'municipal-little-giant', obtainedOn: '2023-07-20', renewal: true },
    ];
    // the 2021 title is the first SME (earns nothing, pre-window); the 2022 SME is not first of its level;
    // the little giant earns 500,000 − 0; the national 800,000 − 500,000 = 300,000
    const expected = {
      outcome: 'eligible',
      amount: '800000.00',
      lines: [
        ['municipal-little-giant@2023-07-20', 'eligible', '500000.00'],
        ['national-little-giant@2024-08-01', 'eligible', '300000.00'],
      ],
    };
    fc.assert(
      fc.property(fc.shuffledSubarray(designations, { minLength: designations.length }), (shuffled) => {
        expect(summary(reward('2024-12-31', shuffled))).toEqual(expected);
      }),
    );
  });
});

describe('R2 under a reform edition', () => {
  it('reads the tiers from the edition', () => {
    const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'national-little-giant': 1000000 } } }, { id: 'reform-a' });
    // 200,000; 500,000 − 200,000 = 300,000; 1,000,000 − 500,000 = 500,000; total 1,000,000
    expect(summary(reward('2024-12-31', CLIMBER, reform))).toEqual({
      outcome: 'eligible',
      amount: '1000000.00',
      lines: [
        ['municipal-sme@2022-06-15', 'eligible', '200000.00'],
        ['municipal-little-giant@2023-07-20', 'eligible', '300000.00'],
        ['national-little-giant@2024-08-01', 'eligible', '500000.00'],
      ],
    });
  });

  it('reads the window from the edition', () => {
    const shorter = deriveEdition(mentougou2022Draft, { window: { effectiveTo: '2023-12-31' } }, { id: 'reform-b' });
    // the 2024 national title is now outside the window: 200,000 + 300,000 = 500,000
    expect(summary(reward('2024-12-31', CLIMBER, shorter))).toEqual({
      outcome: 'eligible',
      amount: '500000.00',
      lines: [
        ['municipal-sme@2022-06-15', 'eligible', '200000.00'],
        ['municipal-little-giant@2023-07-20', 'eligible', '300000.00'],
      ],
    });
  });
});

describe('R2 晋级补差: an earning step (facts/designation-steps) must move up in both level and tier', () => {
  it('a national little giant (2022) that later obtains its first municipal SME title (2023) earns nothing more', () => {
    const found = enterpriseFacts('2024-12-31', {
      designations: [
        { level: 'national-little-giant', obtainedOn: '2022-03-01' },
        { level: 'municipal-sme', obtainedOn: '2023-03-01' },
      ],
    });
    expect(designationSteps(found, editionValues(mentougou2022Draft)).map((s) => [s.designation.level, s.difference.toFixed(2)])).toEqual([['national-little-giant', '800000.00']]);
  });

  it('under a reform paying 200,000 for both municipal titles, moving up from SME to little giant adds no step (no 0.00 line)', () => {
    const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'municipal-little-giant': '200000' } } }, { id: 'equal-municipal-tiers' });
    const found = enterpriseFacts('2024-12-31', {
      designations: [
        { level: 'municipal-sme', obtainedOn: '2022-03-01' },
        { level: 'municipal-little-giant', obtainedOn: '2023-03-01' },
        { level: 'national-little-giant', obtainedOn: '2024-03-01' },
      ],
    });
    // 200,000 at the SME step; the little giant's 200,000 is not above it; the national 800,000 adds 600,000
    expect(designationSteps(found, editionValues(reform)).map((s) => [s.designation.level, s.difference.toFixed(2)])).toEqual([
      ['municipal-sme', '200000.00'],
      ['national-little-giant', '600000.00'],
    ]);
  });

  it('under a reform paying more for the SME title (900,000) than for the national one, a national little giant’s later SME title is no 晋级 and earns nothing', () => {
    const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'municipal-sme': '900000' } } }, { id: 'sme-above-national' });
    const found = enterpriseFacts('2024-12-31', {
      designations: [
        { level: 'national-little-giant', obtainedOn: '2022-03-01' },
        { level: 'municipal-sme', obtainedOn: '2023-03-01' },
      ],
    });
    expect(designationSteps(found, editionValues(reform)).map((s) => [s.designation.level, s.difference.toFixed(2)])).toEqual([['national-little-giant', '800000.00']]);
  });

  it('under a reform paying more for the SME title than for the municipal little giant, the little giant (a higher level) earns no step', () => {
    const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'municipal-sme': '600000' } } }, { id: 'sme-above-little-giant' });
    const found = enterpriseFacts('2024-12-31', {
      designations: [
        { level: 'municipal-sme', obtainedOn: '2022-03-01' },
        { level: 'municipal-little-giant', obtainedOn: '2023-03-01' },
      ],
    });
    expect(designationSteps(found, editionValues(reform)).map((s) => s.designation.level)).toEqual(['municipal-sme']);
  });
});
