/**
 * The ledger: what this policy already paid (`disbursements`) comes off each line's entitlement, never
 * below 0 — M1 per earning step in date order (R2 晋级补差), M3 per support year, M5 per introduced
 * enterprise (R6), M2 and M7 per measure. Overpaid lines pay 0.
 */
import { describe, expect, it } from 'vitest';
import { assess, assessUnknown } from '../../src/assess.js';
import { ZERO } from '../../src/core/money.js';
import { designationReward } from '../../src/measures/m01-designation-reward.js';
import { rentSubsidy } from '../../src/measures/m03-rent-subsidy.js';
import type { AssessmentResult, MeasureResultOutput } from '../../src/model/result.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { paidByLine } from '../../src/provisions/ledger.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { goldenRequest } from '../helpers/golden.js';

type EnterpriseInput = Parameters<typeof enterpriseFacts>[1];
type DisbursementInput = NonNullable<EnterpriseInput['disbursements']>[number];

/**
 * A climber, asOf 2024-12-31: municipal SME 2022-06-15 (200,000), municipal little giant 2023-07-20
 * (500,000 − 200,000 = 300,000), national little giant 2024-08-01 (800,000 − 500,000 = 300,000): M1 800,000.
 * M3: trigger 2022-06-15 → years 2023 and 2024; 100 m² at min(1, 2) = 1: 36,500.00 and 36,600.00.
 * M7: STAR 2024-11-20 at 1,000,000.
 */
const CLIMBER: EnterpriseInput = {
  independentLegalPerson: true,
  registrations: registeredIn('mentougou', '2015-04-01'),
  designations: [
    { level: 'municipal-sme', obtainedOn: '2022-06-15' },
    { level: 'municipal-little-giant', obtainedOn: '2023-07-20' },
    { level: 'national-little-giant', obtainedOn: '2024-08-01' },
  ],
  contributions: [
    { year: 2023, amount: '900000' },
    { year: 2024, amount: '900000' },
  ],
  leases: [{ id: 'L1', areaSqm: 100, start: '2023-01-01', end: '2024-12-31', dailyRentPerSqm: 2, selfUse: true, inDistrict: true }],
  listing: { board: 'star', listedOn: '2024-11-20', municipalStandardReward: '1000000' },
  retentionCommitmentSignedOn: '2022-07-01',
};

const run = (disbursements: DisbursementInput[]): AssessmentResult => assess({ asOf: '2024-12-31', enterprise: { id: 'E-L', ...CLIMBER, disbursements } });

const measure = (r: AssessmentResult, id: string): MeasureResultOutput => {
  const m = r.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`${id} absent`);
  return m;
};
const lines = (m: MeasureResultOutput) => m.lines.map((l) => [l.id, l.amount, l.paid, l.payable]);

describe('ledger', () => {
  it('nothing paid: every line pays its entitlement (M1 800,000, M3 73,100, M7 1,000,000)', () => {
    const r = run([]);
    expect(lines(measure(r, 'M1'))).toEqual([
      ['municipal-sme@2022-06-15', '200000.00', '0.00', '200000.00'],
      ['municipal-little-giant@2023-07-20', '300000.00', '0.00', '300000.00'],
      ['national-little-giant@2024-08-01', '300000.00', '0.00', '300000.00'],
    ]);
    expect(r.totalPayable).toBe('1873100.00');
    expect(measure(r, 'M1').reasons.map((x) => x.code)).not.toContain('already-paid');
  });

  describe('M1: what was paid is set against the steps in date order', () => {
    it('200,000 + 150,000 paid: steps pay 0, 150,000, 300,000 (800,000 − 350,000 = 450,000)', () => {
      const r = run([
        { measure: 'M1', amount: '150000', paidOn: '2023-10-01' },
        { measure: 'M1', amount: '200000', paidOn: '2022-12-20' },
      ]);
      const m1 = measure(r, 'M1');
      expect(lines(m1)).toEqual([
        ['municipal-sme@2022-06-15', '200000.00', '200000.00', '0.00'],
        ['municipal-little-giant@2023-07-20', '300000.00', '150000.00', '150000.00'],
        ['national-little-giant@2024-08-01', '300000.00', '0.00', '300000.00'],
      ]);
      expect(m1).toMatchObject({ amount: '800000.00', payable: '450000.00' });
      expect(m1.reasons.find((x) => x.code === 'already-paid')).toMatchObject({ clause: 'M1', en: '350,000.00 yuan already paid under this measure; only the difference is payable' });
    });

    it('golden 01: 200,000 paid → 晋级补差 600,000', () => {
      const r = assessUnknown(goldenRequest('01-climber'));
      expect(lines(measure(r, 'M1')).map((l) => l[3])).toEqual(['0.00', '300000.00', '300000.00']);
      expect(measure(r, 'M1').payable).toBe('600000.00');
    });

    it('exactly the entitlement paid (800,000): 0 on every step', () => {
      const m1 = measure(run([{ measure: 'M1', amount: '800000', paidOn: '2024-09-01' }]), 'M1');
      expect(m1.lines.map((l) => l.payable)).toEqual(['0.00', '0.00', '0.00']);
      expect(m1.payable).toBe('0.00');
    });

    it('overpaid (900,000 > 800,000): 0, never below; the note states what was really paid', () => {
      const m1 = measure(run([{ measure: 'M1', amount: '900000', paidOn: '2024-09-01' }]), 'M1');
      expect(m1.lines.map((l) => l.payable)).toEqual(['0.00', '0.00', '0.00']);
      expect(m1).toMatchObject({ amount: '800000.00', payable: '0.00' });
      expect(m1.reasons.find((x) => x.code === 'already-paid')?.en).toBe('900,000.00 yuan already paid under this measure; only the difference is payable');
    });
  });

  describe('M3: per support year', () => {
    it('2023 paid in full (36,500): 2023 pays 0, 2024 pays 36,600', () => {
      const m3 = measure(run([{ measure: 'M3', amount: '36500', paidOn: '2024-03-31', year: 2023 }]), 'M3');
      expect(lines(m3)).toEqual([
        ['2023', '36500.00', '36500.00', '0.00'],
        ['2024', '36600.00', '0.00', '36600.00'],
      ]);
      expect(m3.payable).toBe('36600.00');
    });

    it('2024 paid in two parts, 10,000 + 6,600: 36,600 − 16,600 = 20,000 left', () => {
      const m3 = measure(
        run([
          { measure: 'M3', amount: '10000', paidOn: '2024-06-30', year: 2024 },
          { measure: 'M3', amount: '6600', paidOn: '2024-09-30', year: 2024 },
        ]),
        'M3',
      );
      expect(lines(m3)[1]).toEqual(['2024', '36600.00', '16600.00', '20000.00']);
      // 36,500 + 20,000
      expect(m3.payable).toBe('56500.00');
    });

    it('2024 overpaid (40,000 > 36,600): 0, not −3,400; 2023 untouched', () => {
      const m3 = measure(run([{ measure: 'M3', amount: '40000', paidOn: '2024-09-30', year: 2024 }]), 'M3');
      expect(lines(m3)).toEqual([
        ['2023', '36500.00', '0.00', '36500.00'],
        ['2024', '36600.00', '40000.00', '0.00'],
      ]);
      expect(m3.payable).toBe('36500.00');
    });

    it('a payment for a year that is not a support year (2022) takes nothing off', () => {
      const m3 = measure(run([{ measure: 'M3', amount: '50000', paidOn: '2023-01-10', year: 2022 }]), 'M3');
      expect(m3.payable).toBe('73100.00');
    });
  });

  describe('M5: per introduced enterprise', () => {
    const institution = {
      id: 'I-L',
      independentLegalPerson: true,
      certified: true,
      registrations: registeredIn('mentougou', '2019-05-01'),
      introducedEnterprises: [
        { enterpriseId: 'E11', movedInOn: '2022-05-01', highestLevel: 'national-little-giant' },
        { enterpriseId: 'E12', movedInOn: '2023-01-10', highestLevel: 'municipal-sme' },
      ],
      residentSrdiCount: 5,
      retentionCommitmentSignedOn: '2022-02-01',
    };

    it('E11 100,000 − 20,000 = 80,000; E12 20,000 − 25,000 → 0; a payment for E99 takes nothing', () => {
      const r = assessUnknown({
        asOf: '2024-12-31',
        institution: {
          ...institution,
          disbursements: [
            { measure: 'M5', amount: '20000', paidOn: '2022-10-01', enterpriseId: 'E11' },
            { measure: 'M5', amount: '25000', paidOn: '2023-10-01', enterpriseId: 'E12' },
            { measure: 'M5', amount: '50000', paidOn: '2023-10-01', enterpriseId: 'E99' },
          ],
        },
      });
      const m5 = measure(r, 'M5');
      expect(lines(m5)).toEqual([
        ['E11', '100000.00', '20000.00', '80000.00'],
        ['E12', '20000.00', '25000.00', '0.00'],
      ]);
      expect(m5).toMatchObject({ amount: '120000.00', payable: '80000.00' });
      expect(r.totalPayable).toBe('80000.00');
    });
  });

  describe('M2 and M7: per measure', () => {
    it('M7 1,000,000 with 400,000 paid → 600,000', () => {
      const m7 = measure(run([{ measure: 'M7', amount: '400000', paidOn: '2024-12-01' }]), 'M7');
      expect(m7).toMatchObject({ amount: '1000000.00', payable: '600000.00' });
    });

    it('golden 02 with M2 paid (100,000) → M2 0; M1 untouched', () => {
      const request = goldenRequest('02-newcomer-with-rent') as { asOf: string; enterprise: Record<string, unknown> };
      request.enterprise.disbursements = [{ measure: 'M2', amount: '100000', paidOn: '2023-01-15' }];
      const r = assessUnknown(request);
      expect(measure(r, 'M2')).toMatchObject({ amount: '100000.00', payable: '0.00' });
      expect(measure(r, 'M1').payable).toBe('800000.00');
    });

    it('a payment under one measure is never taken off another', () => {
      const r = run([{ measure: 'M1', amount: '800000', paidOn: '2024-09-01' }]);
      expect(measure(r, 'M7').payable).toBe('1000000.00');
      expect(measure(r, 'M3').payable).toBe('73100.00');
    });
  });

  describe('paidByLine on its own', () => {
    const facts = () => enterpriseFacts('2024-12-31', CLIMBER);

    it('M1: allocates 350,000 over 200,000 / 300,000 / 300,000 as 200,000 / 150,000 / 0', () => {
      const m1 = designationReward(facts(), mentougou2022Draft);
      const entitlements = new Map(m1.lines.map((l) => [l.id, l.amount ?? ZERO]));
      const parsed = enterpriseFacts('2024-12-31', { ...CLIMBER, disbursements: [{ measure: 'M1', amount: '350000', paidOn: '2024-01-01' }] });
      const paid = paidByLine(m1, parsed.enterprise.disbursements ?? [], entitlements);
      expect([...paid.entries()].map(([id, m]) => [id, m.toFixed(2)])).toEqual([
        ['municipal-sme@2022-06-15', '200000.00'],
        ['municipal-little-giant@2023-07-20', '150000.00'],
        ['national-little-giant@2024-08-01', '0.00'],
      ]);
    });

    it('M3: matches by year only', () => {
      const m3 = rentSubsidy(facts(), mentougou2022Draft);
      const parsed = enterpriseFacts('2024-12-31', {
        ...CLIMBER,
        disbursements: [
          { measure: 'M3', amount: '1000', paidOn: '2024-01-01', year: 2024 },
          { measure: 'M1', amount: '5000', paidOn: '2024-01-01' },
        ],
      });
      const paid = paidByLine(m3, parsed.enterprise.disbursements ?? [], new Map());
      expect([...paid.entries()].map(([id, m]) => [id, m.toFixed(2)])).toEqual([
        ['2023', '0.00'],
        ['2024', '1000.00'],
      ]);
    });
  });
});

describe('ledger: the “already paid” note of a measure (R2 晋级补差)', () => {
  it('names what was paid under that measure only: M1’s note says 200,000, not the M3 payment beside it', () => {
    const result = assess({
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-NOTE',
        independentLegalPerson: true,
        registrations: registeredIn('mentougou', '2015-01-01'),
        designations: [
          { level: 'municipal-sme', obtainedOn: '2022-06-15' },
          { level: 'municipal-little-giant', obtainedOn: '2024-08-01' },
        ],
        retentionCommitmentSignedOn: '2022-07-01',
        disbursements: [
          { measure: 'M1', amount: '200000', paidOn: '2022-12-20' },
          { measure: 'M3', amount: '36500', paidOn: '2024-03-31', year: 2023 },
        ],
      },
    });
    const m1 = measure(result, 'M1');
    // 500,000 − 200,000 paid = 300,000
    expect(m1.payable).toBe('300000.00');
    const note = m1.reasons.find((r) => r.code === 'already-paid');
    expect(note?.en).toBe('200,000.00 yuan already paid under this measure; only the difference is payable');
  });
});
