import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../src/core/measure-result.js';
import { institutionIntroductionReward } from '../../src/measures/m05-institution-reward.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { institutionFacts, registeredIn } from '../helpers/facts.js';
import { goldenInstitutionFacts as goldenFacts } from '../helpers/golden.js';

type Introduced = { enterpriseId: string; movedInOn: string; highestLevel?: 'municipal-sme' | 'municipal-little-giant' | 'national-little-giant' | 'none' };

const m5 = (introducedEnterprises: Introduced[] | undefined, asOf = '2024-12-31', edition = mentougou2022Draft): MeasureResult =>
  institutionIntroductionReward(institutionFacts(asOf, { certified: true, registrations: registeredIn('mentougou', '2019-01-01'), ...(introducedEnterprises ? { introducedEnterprises } : {}) }), edition);

const lines = (r: MeasureResult) => r.lines.map((l) => [l.id, l.outcome, l.amount?.toFixed(2) ?? null]);

describe('R6 institution reward per enterprise', () => {
  it('matches golden vector 06 (120,000.00 = E11 100,000 + E12 20,000)', () => {
    const r = institutionIntroductionReward(goldenFacts('06-institution'), mentougou2022Draft);
    expect(r.outcome).toBe('eligible');
    expect(r.amount?.toFixed(2)).toBe('120000.00');
    // E13 moved in 2021-11-30, before the window: ineligible (its tier is shown, not added);
    // E14 has no highestLevel: undetermined, amount unknown
    expect(lines(r)).toEqual([
      ['E11', 'eligible', '100000.00'],
      ['E12', 'eligible', '20000.00'],
      ['E13', 'ineligible', '50000.00'],
      ['E14', 'undetermined', null],
    ]);
    expect(r.missing).toEqual(['institution.introducedEnterprises.3.highestLevel']);
  });

  it.each([
    ['municipal-sme', '20000.00'],
    ['municipal-little-giant', '50000.00'],
    ['national-little-giant', '100000.00'],
  ] as const)('gives %s its tier %s', (highestLevel, amount) => {
    const r = m5([{ enterpriseId: 'E1', movedInOn: '2023-06-01', highestLevel }]);
    expect(r.outcome).toBe('eligible');
    expect(r.amount?.toFixed(2)).toBe(amount);
    expect(r.lines[0]?.ledger).toEqual({ enterpriseId: 'E1' });
    expect(r.lines[0]?.conditions.map((c) => [c.id, c.status])).toEqual([
      ['m5.moved-in-in-window', 'met'],
      ['m5.introduced-enterprise-level', 'met'],
    ]);
  });

  it('makes a line of an enterprise without a designation ("none") ineligible', () => {
    const r = m5([{ enterpriseId: 'E1', movedInOn: '2023-06-01', highestLevel: 'none' }]);
    expect(r.outcome).toBe('ineligible');
    expect(r.amount?.toFixed(2)).toBe('0.00');
    expect(lines(r)).toEqual([['E1', 'ineligible', '0.00']]);
    expect(r.missing).toEqual([]);
  });

  it('makes a line without highestLevel undetermined, naming the entry', () => {
    const r = m5([
      { enterpriseId: 'E1', movedInOn: '2023-06-01', highestLevel: 'none' },
      { enterpriseId: 'E2', movedInOn: '2023-07-01' },
    ]);
    expect(r.outcome).toBe('undetermined');
    expect(r.amount?.toFixed(2)).toBe('0.00');
    expect(lines(r)).toEqual([
      ['E1', 'ineligible', '0.00'],
      ['E2', 'undetermined', null],
    ]);
    expect(r.missing).toEqual(['institution.introducedEnterprises.1.highestLevel']);
  });

  it('does not ask for the level of an enterprise that moved in outside the window', () => {
    const r = m5([{ enterpriseId: 'E1', movedInOn: '2021-06-01' }]);
    expect(r.outcome).toBe('ineligible');
    expect(r.missing).toEqual([]);
    expect(r.lines[0]?.conditions.map((c) => c.status)).toEqual(['unmet', 'unknown']);
  });

  it.each([[undefined], [[]]] as const)('is ineligible with no introduced enterprise (%j)', (introduced) => {
    const r = m5(introduced === undefined ? undefined : [...introduced]);
    expect(r.outcome).toBe('ineligible');
    expect(r.amount?.toFixed(2)).toBe('0.00');
    expect(r.lines).toEqual([]);
    expect(r.conditions.map((c) => [c.id, c.status])).toEqual([['m5.has-introduced-enterprises', 'unmet']]);
  });

  it('reads the tiers from the edition', () => {
    const reform = deriveEdition(mentougou2022Draft, { m5: { tiers: { 'municipal-sme': 30000 } } }, { id: 'reform-m5' });
    // 30,000 (reformed SME tier) + 50,000 = 80,000
    const r = m5(
      [
        { enterpriseId: 'E1', movedInOn: '2023-06-01', highestLevel: 'municipal-sme' },
        { enterpriseId: 'E2', movedInOn: '2023-06-02', highestLevel: 'municipal-little-giant' },
      ],
      '2024-12-31',
      reform,
    );
    expect(r.amount?.toFixed(2)).toBe('80000.00');
  });

  it('sums the tiers of the in-window enterprises, whatever their order', () => {
    const TIER = { 'municipal-sme': 20000, 'municipal-little-giant': 50000, 'national-little-giant': 100000, none: 0 } as const;
    const entry = fc.record({
      level: fc.constantFrom('municipal-sme', 'municipal-little-giant', 'national-little-giant', 'none') as fc.Arbitrary<keyof typeof TIER>,
      inWindow: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }), (entries) => {
        const introduced = entries.map((e, i) => ({ enterpriseId: `E${i}`, movedInOn: e.inWindow ? '2023-03-01' : '2021-03-01', highestLevel: e.level }));
        // expected: plain integer yuan, tier of each in-window enterprise
        const expected = entries.reduce((sum, e) => sum + (e.inWindow ? TIER[e.level] : 0), 0);
        const r = m5(introduced);
        expect(r.amount?.toFixed(2)).toBe(`${expected}.00`);
        expect(m5([...introduced].reverse()).amount?.toFixed(2)).toBe(`${expected}.00`);
        expect(r.outcome).toBe(expected > 0 ? 'eligible' : 'ineligible');
      }),
      { numRuns: 60 },
    );
  });
});

describe('R1 window for M5 (move-in date)', () => {
  it.each([
    ['2021-12-31', 'ineligible', '0.00'],
    ['2022-01-01', 'eligible', '20000.00'],
    ['2025-12-31', 'eligible', '20000.00'],
    ['2026-01-01', 'ineligible', '0.00'],
  ] as const)('a municipal SME that moved in on %s is %s', (movedInOn, outcome, amount) => {
    const r = m5([{ enterpriseId: 'E1', movedInOn, highestLevel: 'municipal-sme' }], '2026-03-31');
    expect(r.outcome).toBe(outcome);
    expect(r.amount?.toFixed(2)).toBe(amount);
  });
});
