/**
 * compareReadings (DESIGN §8) over the hand-worked cohort of test/analysis/readings-fixture.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareReadings, readingsComparisonBuilder } from '../../src/analysis/compare-readings.js';
import { deriveEdition, EditionError } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { READING_NAMES, READINGS } from '../../src/policy/readings.js';
import { G2AGG, INVALID, ROUND, SCOPE } from './readings-fixture.js';

describe('compareReadings over the hand-worked cohort', () => {
  const c = compareReadings([G2AGG, ROUND, SCOPE, INVALID]);

  it('counts the requests, the assessed and the invalid ones; the base is the built-in edition', () => {
    expect([c.requests, c.assessed, c.invalid.length, c.invalid[0]?.id, c.invalid[0]?.index]).toEqual([4, 3, 1, 'BAD', 3]);
    expect(c.base).toEqual({ id: 'mentougou-2022-draft' });
    expect(c.readings).toHaveLength(22);
  });

  it('lists the readings most money at stake first: clawbackScope 200,000, g2Aggregate 36,500, roundPerLease 0.01, then the rest in the order of readings.md', () => {
    expect(c.readings.map((r) => [r.name, r.changedSubjects, r.atStake]).slice(0, 3)).toEqual([
      ['clawbackScope', 1, '200000.00'],
      ['g2Aggregate', 1, '36500.00'],
      ['roundPerLease', 1, '0.01'],
    ]);
    const rest = c.readings.slice(3);
    expect(rest.every((r) => r.changedSubjects === 0 && r.atStake === '0.00' && r.example === null)).toBe(true);
    expect(rest.map((r) => r.name)).toEqual(READING_NAMES.filter((n) => !['clawbackScope', 'g2Aggregate', 'roundPerLease'].includes(n)));
  });

  it('g2Aggregate: +36,500.00 payable, all in M3, the entitlement unchanged; G2AGG is the example', () => {
    const r = c.readings.find((x) => x.name === 'g2Aggregate')!;
    // base payable: G2AGG 200,000 (M1; M3 beaten) + ROUND 209,372.40 + SCOPE 0 (breached) = 409,372.40
    expect(r.totals.payable).toEqual({ a: '409372.40', b: '445872.40', delta: '36500.00' });
    // entitlement: G2AGG 236,500 + ROUND 209,372.40 + SCOPE 200,000 (M1; M3 has no lease) = 645,872.40, unchanged
    expect(r.totals.amount).toEqual({ a: '645872.40', b: '645872.40', delta: '0.00' });
    expect(r.totals.byMeasure).toEqual([{ measure: 'M3', amount: { a: '45872.40', b: '45872.40', delta: '0.00' }, payable: { a: '9372.40', b: '45872.40', delta: '36500.00' } }]);
    expect(r.example?.subject).toEqual({ kind: 'enterprise', id: 'G2AGG' });
    expect(r.example?.payable).toEqual({ a: '200000.00', b: '236500.00', delta: '36500.00' });
    expect(r.example?.measures.map((m) => [m.measure, m.payable])).toEqual([['M3', { a: '0.00', b: '36500.00' }]]);
    expect(r.example?.index).toBe(0);
  });

  it('clawbackScope: the clawback rises by 200,000.00 with no measure moving', () => {
    const r = c.readings.find((x) => x.name === 'clawbackScope')!;
    expect(r.totals.clawback).toEqual({ a: '36500.00', b: '236500.00', delta: '200000.00' });
    expect(r.totals.payable.delta).toBe('0.00');
    expect(r.example).toMatchObject({ subject: { id: 'SCOPE' }, also: ['clawback'], measures: [], atStake: '200000.00' });
  });

  it('roundPerLease: one fen', () => {
    const r = c.readings.find((x) => x.name === 'roundPerLease')!;
    expect([r.totals.amount.delta, r.totals.payable.delta, r.example?.subject.id]).toEqual(['0.01', '0.01', 'ROUND']);
  });

  it('each reading carries its clause, ruling, words, both values and the wording for each', () => {
    const r = c.readings.find((x) => x.name === 'g2Aggregate')!;
    expect([r.clause, r.ruling, r.from, r.to, r.edition]).toEqual(['G2', 'R5', 'sum', 'any-one', 'mentougou-2022-draft+g2Aggregate']);
    expect(r.words).toBe(READINGS.g2Aggregate.words);
    expect(r.wording).toEqual({ from: READINGS.g2Aggregate.wording[0], to: READINGS.g2Aggregate.wording[1] });
  });
});

describe('compareReadings options', () => {
  it('a base that already takes an alternative is compared with DESIGN’s value: g2Aggregate any-one → sum costs −36,500.00', () => {
    const base = deriveEdition(mentougou2022Draft, { readings: { g2Aggregate: 'any-one' } }, { id: 'any-one' });
    const c = compareReadings([G2AGG], { edition: base, readings: ['g2Aggregate'] });
    expect(c.base).toEqual({ id: 'any-one', derivedFrom: 'mentougou-2022-draft' });
    const [r] = c.readings;
    expect([r?.from, r?.to, r?.totals.payable.delta, r?.atStake]).toEqual(['any-one', 'sum', '-36500.00', '36500.00']);
    expect(r?.wording.to).toEqual(READINGS.g2Aggregate.wording[0]);
  });

  it('readings names the ones to try; with nothing at stake they come in the order of readings.md', () => {
    const c = compareReadings([ROUND], { readings: ['g1InAmount', 'm5NoLevel'] });
    expect(c.readings.map((r) => r.name)).toEqual(['m5NoLevel', 'g1InAmount']);
  });

  it('with no money at stake, the reading that changes more subjects comes first (m6NeedsSmallOrMicro: a service outcome)', () => {
    const { smallOrMicro: _dropped, ...withoutSize } = ROUND.enterprise;
    void _dropped;
    const c = compareReadings([{ asOf: ROUND.asOf, enterprise: withoutSize }], { readings: ['m5NoLevel', 'm6NeedsSmallOrMicro'] });
    // M6 eligible (guidance fund) → undetermined (smallOrMicro not given): 1 subject, 0.00 at stake
    expect(c.readings.map((r) => [r.name, r.changedSubjects, r.atStake])).toEqual([
      ['m6NeedsSmallOrMicro', 1, '0.00'],
      ['m5NoLevel', 0, '0.00'],
    ]);
    expect(c.readings[0]?.example?.measures).toEqual([{ measure: 'M6', outcome: { a: 'eligible', b: 'undetermined' }, amount: { a: null, b: null }, payable: { a: null, b: null } }]);
  });

  it('an unknown reading is an EditionError naming readings.<name>', () => {
    expect(() => compareReadings([], { readings: ['g2Aggregat' as 'g2Aggregate'] })).toThrow(EditionError);
    try {
      compareReadings([], { readings: ['g2Aggregat' as 'g2Aggregate'] });
    } catch (e) {
      expect((e as EditionError).issues.map((i) => i.path.join('.'))).toEqual(['readings.g2Aggregat']);
    }
  });

  it('the builder takes lines one at a time and keeps their line numbers', () => {
    const b = readingsComparisonBuilder({ readings: ['roundPerLease'] });
    b.add(ROUND, { index: 0, line: 7 });
    expect(b.result().readings[0]?.example).toMatchObject({ index: 0, line: 7 });
  });
});

describe('examples/cohort.jsonl: every reading changes some subject (the README shows it)', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const lines = readFileSync(join(root, 'examples', 'cohort.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const c = compareReadings(lines.map((l) => JSON.parse(l) as unknown));
  const stake = (name: string, id: string): string | undefined => c.readings.find((r) => r.name === name)?.subjects.find((s) => s.subject.id === id)?.atStake;

  it('all 22 readings bite', () => {
    expect(c.invalid).toEqual([]);
    expect(c.readings.filter((r) => r.changedSubjects === 0).map((r) => r.name)).toEqual([]);
  });

  it('the subjects added for the readings change as worked out by hand', () => {
    // E226: M1 800,000, 200,000 paid, other M1 benefits 400,000 + 300,000 = 700,000: below 800,000, not below 600,000 owed
    expect(stake('g2Base', 'E226')).toBe('600000.00');
    // E227: M3 2024 = (180.1 + 80.3) × 366 × 0.85 = 81,010.44 against 45,000 + 40,000 = 85,000; neither alone reaches it
    expect(stake('g2Aggregate', 'E227')).toBe('81010.44');
    // E227: 2023 = 180.1 × 365 × 0.85 + 80.3 × 365 × 0.85 = 55,876.025 + 24,913.075 = 80,789.10, out when tax (another district) counts
    expect(stake('m3RegisteredKinds', 'E227')).toBe('80789.10');
    // … and 55,876.03 + 24,913.08 = 80,789.11 lease by lease
    expect(stake('roundPerLease', 'E227')).toBe('0.01');
    // E228: municipal little giant expiring on asOf 2025-03-14: M1 500,000 held, or G1 unmet
    expect(stake('expiresOnInclusive', 'E228')).toBe('500000.00');
    // E229: tax out 2025-03-01; M1 200,000 of 2016 (period ended 2024-03-10) recovered too; M3 50,000 paid on that day not
    expect(stake('clawbackScope', 'E229')).toBe('200000.00');
    expect(stake('periodIncludesPaidOn', 'E229')).toBe('50000.00');
    // E230: no commitment, no tax timeline, 200,000 paid: 800,000 − 200,000 payable if implied; 200,000 recovered if unknown breaches
    expect(stake('commitmentImpliedByDisbursement', 'E230')).toBe('600000.00');
    expect(stake('unknownRegionBreaches', 'E230')).toBe('200000.00');
    // E231: no commitment, tax out 2024-08-01: the 200,000 is not recovered when a breach needs a commitment
    expect(stake('breachNeedsCommitment', 'E231')).toBe('200000.00');
    // E232: founded 2022-04-18, designated 2024-03-20: 2023 added, 450 × 365 × 1 = 164,250
    expect(stake('foundingCountsAsMoveIn', 'E232')).toBe('164250.00');
    // E233: a finding of 2021-08-15 no longer blocks M1 800,000
    expect(stake('r1AllEvents', 'E233')).toBe('800000.00');
  });
});
