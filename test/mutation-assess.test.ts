/**
 * The combinator pinned at cases the other tests left open (found by mutation testing; see
 * docs/verification.md): what G2 compares for a measure of several steps, a benefit that states a year,
 * G2 and the ledger while G3–G5 block, the window assumption of an edition, and editions that are
 * checked before use.
 */
import { describe, expect, it } from 'vitest';
import { safeAssess } from '../src/assess.js';
import type { AssessmentResult } from '../src/model/result.js';
import { deriveEdition, EditionError } from '../src/policy/derive.js';
import type { PolicyEdition } from '../src/policy/edition.js';
import { mentougou2022Draft } from '../src/policy/mentougou-2022-draft.js';

const both = (from: string) => [
  { kind: 'business', region: 'mentougou', from },
  { kind: 'tax', region: 'mentougou', from },
];

/** An SME in 2022 (200,000) that became a national little giant in 2024 (+600,000): M1 = 800,000 over two steps. */
const climber = (changes: Record<string, unknown> = {}) => ({
  asOf: '2024-12-31',
  enterprise: {
    id: 'E-CLIMB',
    independentLegalPerson: true,
    registrations: both('2015-01-01'),
    designations: [
      { level: 'municipal-sme', obtainedOn: '2022-06-15' },
      { level: 'national-little-giant', obtainedOn: '2024-08-01' },
    ],
    retentionCommitmentSignedOn: '2022-07-01',
    ...changes,
  },
});

function ok(request: unknown, edition?: PolicyEdition): AssessmentResult {
  const result = safeAssess(request, edition ? { edition } : undefined);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}
const m1 = (r: AssessmentResult) => r.measures.find((m) => m.measure === 'M1')!;

describe('R5 G2: the matter of M1 is its whole entitlement', () => {
  it('500,000 from another programme is compared with M1’s 800,000 at once (not with each step): ours is payable, theirs must be forgone', () => {
    const r = ok(climber({ otherBenefits: [{ program: 'municipal-reward', overlapsMeasure: 'M1', amount: '500000' }] }));
    // steps 200,000 + 600,000 = 800,000 > 500,000
    expect([m1(r).amount, m1(r).payable]).toEqual(['800000.00', '800000.00']);
    expect(m1(r).lines.map((l) => l.payable)).toEqual(['200000.00', '600000.00']);
    expect(m1(r).reasons.map((x) => x.code)).toEqual(['overlap-forgo-other']);
    expect(m1(r).reasons[0]!.en).toContain('this measure (800,000.00 yuan) beats the other programme “municipal-reward” (500,000.00 yuan)');
    expect(r.warnings.map((w) => w.code)).toContain('forgo-other-benefit');
  });

  it('a benefit for M1 that states a year still counts against M1 (only M3 is compared year by year): 900,000 ≥ 800,000 → 0', () => {
    const r = ok(climber({ otherBenefits: [{ program: 'municipal-reward', overlapsMeasure: 'M1', amount: '900000', year: 2023 }] }));
    expect([m1(r).amount, m1(r).payable]).toEqual(['800000.00', '0.00']);
    expect(m1(r).reasons.map((x) => x.code)).toEqual(['overlap-other-more-favourable']);
  });
});

describe('R10–R12 block all money: then G2 and the ledger say nothing', () => {
  it('supported case by case since 2023: no “forgo the other benefit” and no “already paid” — nothing is paid, so nothing is to be forgone', () => {
    const r = ok(
      climber({
        caseByCaseSupport: [{ kind: 'one-enterprise-one-policy', from: '2023-01-01' }],
        otherBenefits: [{ program: 'municipal-reward', overlapsMeasure: 'M1', amount: '100000' }],
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-12-20' }],
      }),
    );
    expect(m1(r).payable).toBe('0.00');
    expect(m1(r).reasons.map((x) => x.code)).toEqual(['case-by-case-support']);
    expect(r.warnings.map((w) => w.code)).not.toContain('forgo-other-benefit');
    // the ledger still shows what was paid on the first step
    expect(m1(r).lines.map((l) => l.paid)).toEqual(['200000.00', '0.00']);
  });
});

describe('G6 / R1 the period of validity', () => {
  it('the built-in edition assumes both dates: every result warns so and carries the assumption', () => {
    const r = ok(climber());
    expect(r.warnings[0]).toMatchObject({ code: 'window-assumed' });
    expect(r.warnings[0]!.en).toBe('the draft leaves the period of validity blank; this edition assumes 2022-01-01 to 2025-12-31');
    expect(r.edition).toEqual({ id: 'mentougou-2022-draft', assumptions: mentougou2022Draft.assumptions });
  });

  it('an edition that states both dates (once the policy is adopted) gives no such warning', () => {
    const adopted = deriveEdition(mentougou2022Draft, { window: { effectiveFrom: '2022-09-01', effectiveTo: '2025-08-31' } }, { id: 'adopted', assumptions: [] });
    const r = ok(climber(), adopted);
    expect(r.warnings.map((w) => w.code)).not.toContain('window-assumed');
    expect(r.edition).toEqual({ id: 'adopted', assumptions: [] });
  });

  it('an edition that states only the start still warns that the end is assumed', () => {
    const half = deriveEdition(mentougou2022Draft, { window: { effectiveFrom: '2022-09-01' } }, { id: 'start-known' });
    const r = ok(climber(), half);
    expect(r.warnings.map((w) => w.code)).toContain('window-assumed');
    expect(r.warnings[0]!.en).toContain('2022-09-01 to 2025-12-31');
  });
});

describe('a hand-built edition is checked before use', () => {
  it('support for 0 years is refused with EditionError, every time it is passed', () => {
    const broken = structuredClone(mentougou2022Draft);
    broken.m3.years.value = 0;
    expect(() => safeAssess(climber(), { edition: broken })).toThrow(EditionError);
    expect(() => safeAssess(climber(), { edition: broken })).toThrow(EditionError);
  });

  it('a valid hand-built copy is accepted and gives the built-in answer', () => {
    const copy = structuredClone(mentougou2022Draft);
    expect(ok(climber(), copy).totalPayable).toBe(ok(climber()).totalPayable);
  });
});
