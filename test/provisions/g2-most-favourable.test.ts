/**
 * G2 most favourable, no duplication (八、第二款 “从优不重复”; M3 “不重复享受”) under ruling R5: other
 * benefits for the same matter (same measure; same year for M3) are summed and compared with our
 * entitlement for it (the amount, not what is left to pay). Theirs ≥ ours: ours pays 0 (reason
 * `overlap-other-more-favourable`); else ours pays and a warning says the other must be forgone. M1 and
 * M2 stack (“除上述奖励外”).
 */
import { describe, expect, it } from 'vitest';
import { assess, assessUnknown } from '../../src/assess.js';
import type { AssessmentResult, MeasureResultOutput } from '../../src/model/result.js';
import { designationReward } from '../../src/measures/m01-designation-reward.js';
import { rentSubsidy } from '../../src/measures/m03-rent-subsidy.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { mostFavourable } from '../../src/provisions/g2-most-favourable.js';
import { parseRequest } from '../../src/model/parse.js';
import { goldenRequest } from '../helpers/golden.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { RICH_ENTERPRISE } from '../helpers/enterprises.js';

type EnterpriseInput = Parameters<typeof enterpriseFacts>[1];
type OtherBenefitInput = NonNullable<EnterpriseInput['otherBenefits']>[number];

const RICH = RICH_ENTERPRISE;

const run = (changes: Partial<EnterpriseInput> = {}): AssessmentResult => assess({ asOf: '2024-12-31', enterprise: { id: 'E-G2', ...RICH, ...changes } });
const withBenefits = (otherBenefits: OtherBenefitInput[], changes: Partial<EnterpriseInput> = {}) => run({ otherBenefits, ...changes });

const measure = (r: AssessmentResult, id: string): MeasureResultOutput => {
  const m = r.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`${id} absent`);
  return m;
};
const codes = (m: MeasureResultOutput) => m.reasons.map((r) => [r.code, r.clause]);
const warningCodes = (r: AssessmentResult) => r.warnings.map((w) => w.code);

describe('R5 most favourable', () => {
  it('the baseline pays 500,000 + 73,100 + 1,000,000 = 1,573,100.00 with no G2 reason', () => {
    const r = run();
    expect(measure(r, 'M1')).toMatchObject({ amount: '500000.00', payable: '500000.00' });
    expect(measure(r, 'M3')).toMatchObject({ amount: '73100.00', payable: '73100.00' });
    expect(measure(r, 'M7')).toMatchObject({ amount: '1000000.00', payable: '1000000.00' });
    expect(r.totalPayable).toBe('1573100.00');
    expect(warningCodes(r)).not.toContain('forgo-other-benefit');
  });

  describe('one matter, one measure', () => {
    it('another benefit equal to ours (500,000 = 500,000): theirs wins, M1 pays 0, amount kept', () => {
      const r = withBenefits([{ program: 'city-srdi-award', overlapsMeasure: 'M1', amount: '500000' }]);
      const m1 = measure(r, 'M1');
      expect(m1).toMatchObject({ outcome: 'eligible', amount: '500000.00', payable: '0.00' });
      expect(m1.lines.map((l) => l.payable)).toEqual(['0.00']);
      expect(codes(m1)).toContainEqual(['overlap-other-more-favourable', 'G2']);
      expect(m1.reasons.find((x) => x.code === 'overlap-other-more-favourable')?.en).toContain('the other programme “city-srdi-award” (500,000.00 yuan)');
      // 1,573,100 − 500,000 = 1,073,100
      expect(r.totalPayable).toBe('1073100.00');
      expect(warningCodes(r)).not.toContain('forgo-other-benefit');
    });

    it('another benefit one fen lower (499,999.99 < 500,000): ours pays in full, and the other must be forgone', () => {
      const r = withBenefits([{ program: 'city-srdi-award', overlapsMeasure: 'M1', amount: '499999.99' }]);
      const m1 = measure(r, 'M1');
      expect(m1).toMatchObject({ amount: '500000.00', payable: '500000.00' });
      expect(codes(m1)).toContainEqual(['overlap-forgo-other', 'G2']);
      expect(codes(m1)).not.toContainEqual(['overlap-other-more-favourable', 'G2']);
      expect(warningCodes(r)).toEqual(expect.arrayContaining(['forgo-other-benefit']));
      const warning = r.warnings.find((w) => w.code === 'forgo-other-benefit');
      expect(warning?.en).toContain('M1: the other programme “city-srdi-award” (499,999.99 yuan) must be forgone');
      expect(warning?.zh).toContain('须放弃其他政策“city-srdi-award”（499,999.99 元）');
      expect(r.totalPayable).toBe('1573100.00');
    });

    it('several benefits for the same matter are summed: 300,000 + 200,000 = 500,000 ≥ 500,000', () => {
      const r = withBenefits([
        { program: 'city-srdi-award', overlapsMeasure: 'M1', amount: '300000' },
        { program: 'park-award', overlapsMeasure: 'M1', amount: 200000 },
      ]);
      expect(measure(r, 'M1').payable).toBe('0.00');
      expect(measure(r, 'M1').reasons.find((x) => x.code === 'overlap-other-more-favourable')?.en).toContain('the other programmes “city-srdi-award”, “park-award” (500,000.00 yuan)');
    });

    it('names the programmes in sorted order, whatever the order of the request', () => {
      const r = withBenefits([
        { program: 'park-award', overlapsMeasure: 'M1', amount: 200000 },
        { program: 'city-srdi-award', overlapsMeasure: 'M1', amount: '300000' },
        { program: 'park-award', overlapsMeasure: 'M1', amount: 1 },
      ]);
      expect(measure(r, 'M1').reasons.find((x) => x.code === 'overlap-other-more-favourable')?.en).toContain('the other programmes “city-srdi-award”, “park-award” (500,001.00 yuan)');
    });

    it('a benefit overlapping M7 is compared with M7 only (1,000,000 vs 1,200,000: theirs wins)', () => {
      const r = withBenefits([{ program: 'city-listing-award', overlapsMeasure: 'M7', amount: '1200000' }]);
      expect(measure(r, 'M7')).toMatchObject({ amount: '1000000.00', payable: '0.00' });
      expect(measure(r, 'M1').payable).toBe('500000.00');
      expect(measure(r, 'M3').payable).toBe('73100.00');
      // 500,000 + 73,100 = 573,100
      expect(r.totalPayable).toBe('573100.00');
    });

    it('a benefit for a measure we are not entitled to changes nothing (M2 ineligible: no reason, no warning)', () => {
      const r = withBenefits([{ program: 'move-in-award', overlapsMeasure: 'M2', amount: '50000' }]);
      expect(measure(r, 'M2')).toMatchObject({ outcome: 'ineligible', amount: '0.00', payable: '0.00' });
      expect(codes(measure(r, 'M2')).filter(([, clause]) => clause === 'G2')).toEqual([]);
      expect(warningCodes(r)).not.toContain('forgo-other-benefit');
    });
  });

  describe('M3 is compared per support year', () => {
    it('2023: 36,500 vs ours 36,500 → theirs; 2024: 36,599.99 vs ours 36,600 → ours', () => {
      const r = withBenefits([
        { program: 'zgc-mentougou-park', overlapsMeasure: 'M3', year: 2023, amount: '36500' },
        { program: 'zgc-mentougou-park', overlapsMeasure: 'M3', year: 2024, amount: '36599.99' },
      ]);
      const m3 = measure(r, 'M3');
      expect(m3.lines.map((l) => [l.id, l.amount, l.payable])).toEqual([
        ['2023', '36500.00', '0.00'],
        ['2024', '36600.00', '36600.00'],
      ]);
      // amount is the entitlement 36,500 + 36,600 = 73,100; payable only 2024's 36,600
      expect(m3).toMatchObject({ amount: '73100.00', payable: '36600.00' });
      expect(codes(m3)).toEqual(expect.arrayContaining([['overlap-other-more-favourable', 'G2'], ['overlap-forgo-other', 'G2']]));
      const forgo = r.warnings.filter((w) => w.code === 'forgo-other-benefit');
      expect(forgo).toHaveLength(1);
      expect(forgo[0]?.en).toContain('M3 2024');
      // 500,000 + 36,600 + 1,000,000 = 1,536,600
      expect(r.totalPayable).toBe('1536600.00');
    });

    it('a big benefit in one year does not reach the other year', () => {
      const r = withBenefits([{ program: 'zgc-mentougou-park', overlapsMeasure: 'M3', year: 2023, amount: '1000000' }]);
      expect(measure(r, 'M3').lines.map((l) => [l.id, l.payable])).toEqual([
        ['2023', '0.00'],
        ['2024', '36600.00'],
      ]);
    });

    it('a benefit for a year that is not a support year (2022) is not compared with anything', () => {
      const r = withBenefits([{ program: 'zgc-mentougou-park', overlapsMeasure: 'M3', year: 2022, amount: '1000000' }]);
      expect(measure(r, 'M3').payable).toBe('73100.00');
      expect(codes(measure(r, 'M3'))).toEqual([]);
    });

    it('benefits of the same year are summed: 20,000 + 16,600 = 36,600 ≥ 36,600 for 2024', () => {
      const r = withBenefits([
        { program: 'zgc-mentougou-park', overlapsMeasure: 'M3', year: 2024, amount: '20000' },
        { program: 'other-rent-subsidy', overlapsMeasure: 'M3', year: 2024, amount: '16600' },
      ]);
      expect(measure(r, 'M3').lines.map((l) => [l.id, l.payable])).toEqual([
        ['2023', '36500.00'],
        ['2024', '0.00'],
      ]);
    });
  });

  describe('M1 and M2 stack (除上述奖励外)', () => {
    it('golden 02: M1 800,000 and M2 100,000 are both payable, with no G2 reason on either', () => {
      const r = assessUnknown(goldenRequest('02-newcomer-with-rent'));
      expect(measure(r, 'M1')).toMatchObject({ amount: '800000.00', payable: '800000.00' });
      expect(measure(r, 'M2')).toMatchObject({ amount: '100000.00', payable: '100000.00' });
      expect(codes(measure(r, 'M1'))).toEqual([]);
      expect(codes(measure(r, 'M2'))).toEqual([]);
    });

    it('another programme’s money for M2 takes M2 only: M1 still pays 800,000', () => {
      const request = goldenRequest('02-newcomer-with-rent') as { asOf: string; enterprise: Record<string, unknown> };
      request.enterprise.otherBenefits = [{ program: 'city-move-in-award', overlapsMeasure: 'M2', amount: '100000' }];
      const r = assessUnknown(request);
      expect(measure(r, 'M2')).toMatchObject({ amount: '100000.00', payable: '0.00' });
      expect(measure(r, 'M1')).toMatchObject({ amount: '800000.00', payable: '800000.00' });
      // 1,500,000 − 100,000 = 1,400,000
      expect(r.totalPayable).toBe('1400000.00');
    });
  });

  describe('compared against the entitlement, not the remainder', () => {
    // M1 entitlement 500,000; 200,000 already paid, 300,000 left.
    const paid = { disbursements: [{ measure: 'M1' as const, amount: '200000', paidOn: '2022-12-20' }] };

    it('other 400,000: more than the 300,000 left but less than the 500,000 entitlement → ours pays the 300,000 left', () => {
      const r = withBenefits([{ program: 'city-srdi-award', overlapsMeasure: 'M1', amount: '400000' }], paid);
      const m1 = measure(r, 'M1');
      expect(m1).toMatchObject({ amount: '500000.00', payable: '300000.00' });
      expect(codes(m1)).toContainEqual(['overlap-forgo-other', 'G2']);
      // the comparison names our entitlement, 500,000.00, not the 300,000.00 left
      expect(m1.reasons.find((x) => x.code === 'overlap-forgo-other')?.en).toContain('this measure (500,000.00 yuan)');
      expect(warningCodes(r)).toContain('forgo-other-benefit');
    });

    it('other 500,000 = the entitlement → ours pays 0 although 300,000 is left', () => {
      const r = withBenefits([{ program: 'city-srdi-award', overlapsMeasure: 'M1', amount: '500000' }], paid);
      expect(measure(r, 'M1')).toMatchObject({ amount: '500000.00', payable: '0.00' });
      expect(codes(measure(r, 'M1'))).toContainEqual(['overlap-other-more-favourable', 'G2']);
    });

    it('M1 steps of a climber are one matter: other 800,000 vs entitlement 200,000 + 300,000 + 300,000 = 800,000 → 0', () => {
      const r = withBenefits([{ program: 'city-srdi-award', overlapsMeasure: 'M1', amount: '800000' }], {
        designations: [
          { level: 'municipal-sme', obtainedOn: '2022-06-15' },
          { level: 'municipal-little-giant', obtainedOn: '2023-07-20' },
          { level: 'national-little-giant', obtainedOn: '2024-08-01' },
        ],
      });
      const m1 = measure(r, 'M1');
      expect(m1.amount).toBe('800000.00');
      expect(m1.lines.map((l) => l.payable)).toEqual(['0.00', '0.00', '0.00']);
    });
  });

  describe('mostFavourable on its own', () => {
    const parse = (otherBenefits: OtherBenefitInput[]) => {
      const parsed = parseRequest({ asOf: '2024-12-31', enterprise: { id: 'E-G2', ...RICH, otherBenefits } });
      if (!parsed.ok || !parsed.value.enterprise) throw new Error('invalid');
      return parsed.value.enterprise.otherBenefits ?? [];
    };
    const facts = () => enterpriseFacts('2024-12-31', RICH);

    it('no benefits: nothing overtaken, no reasons, no warnings', () => {
      expect(mostFavourable(designationReward(facts(), mentougou2022Draft), [])).toEqual({ overtakenLines: new Set(), reasons: [], warnings: [] });
    });

    it('overtakes the M1 lines when theirs ≥ ours, and only the M3 line of the year compared', () => {
      const m1 = mostFavourable(designationReward(facts(), mentougou2022Draft), parse([{ program: 'p', overlapsMeasure: 'M1', amount: '500000' }]));
      expect([...m1.overtakenLines]).toEqual(['municipal-little-giant@2022-06-15']);
      const m3 = mostFavourable(rentSubsidy(facts(), mentougou2022Draft), parse([{ program: 'p', overlapsMeasure: 'M3', year: 2024, amount: '36600' }]));
      expect([...m3.overtakenLines]).toEqual(['2024']);
      expect(m3.warnings).toEqual([]);
    });
  });
});

/** An SME in 2022 (200,000) that became a national little giant in 2024 (+600,000): M1 = 800,000 over two steps. */
const climber = (changes: Partial<EnterpriseInput> = {}): AssessmentResult =>
  assess({
    asOf: '2024-12-31',
    enterprise: {
      id: 'E-CLIMB',
      independentLegalPerson: true,
      registrations: registeredIn('mentougou', '2015-01-01'),
      designations: [
        { level: 'municipal-sme', obtainedOn: '2022-06-15' },
        { level: 'national-little-giant', obtainedOn: '2024-08-01' },
      ],
      retentionCommitmentSignedOn: '2022-07-01',
      ...changes,
    },
  });

const m1 = (r: AssessmentResult) => measure(r, 'M1');

describe('R5 G2: the matter of M1 is its whole entitlement', () => {
  it('500,000 from another programme is compared with M1’s 800,000 at once (not with each step): ours is payable, theirs must be forgone', () => {
    const r = climber({ otherBenefits: [{ program: 'municipal-reward', overlapsMeasure: 'M1', amount: '500000' }] });
    // steps 200,000 + 600,000 = 800,000 > 500,000
    expect([m1(r).amount, m1(r).payable]).toEqual(['800000.00', '800000.00']);
    expect(m1(r).lines.map((l) => l.payable)).toEqual(['200000.00', '600000.00']);
    expect(m1(r).reasons.map((x) => x.code)).toEqual(['overlap-forgo-other']);
    expect(m1(r).reasons[0]!.en).toContain('this measure (800,000.00 yuan) beats the other programme “municipal-reward” (500,000.00 yuan)');
    expect(r.warnings.map((w) => w.code)).toContain('forgo-other-benefit');
  });

  it('a benefit for M1 that states a year still counts against M1 (only M3 is compared year by year): 900,000 ≥ 800,000 → 0', () => {
    const r = climber({ otherBenefits: [{ program: 'municipal-reward', overlapsMeasure: 'M1', amount: '900000', year: 2023 }] });
    expect([m1(r).amount, m1(r).payable]).toEqual(['800000.00', '0.00']);
    expect(m1(r).reasons.map((x) => x.code)).toEqual(['overlap-other-more-favourable']);
  });
});

describe('R10–R12 block all money: then G2 and the ledger say nothing', () => {
  it('supported case by case since 2023: no “forgo the other benefit” and no “already paid” — nothing is paid, so nothing is to be forgone', () => {
    const r = climber({
      caseByCaseSupport: [{ kind: 'one-enterprise-one-policy', from: '2023-01-01' }],
      otherBenefits: [{ program: 'municipal-reward', overlapsMeasure: 'M1', amount: '100000' }],
      disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-12-20' }],
    });
    expect(m1(r).payable).toBe('0.00');
    expect(m1(r).reasons.map((x) => x.code)).toEqual(['case-by-case-support']);
    expect(r.warnings.map((w) => w.code)).not.toContain('forgo-other-benefit');
    // the ledger still shows what was paid on the first step
    expect(m1(r).lines.map((l) => l.paid)).toEqual(['200000.00', '0.00']);
  });
});

