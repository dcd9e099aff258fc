/**
 * The hand-worked cohort of the readings comparison (DESIGN §8), for test/analysis/compare-readings.test.ts
 * and test/cli/readings.test.ts:
 * - G2AGG: M1 200,000 (municipal SME 2022-06-15) and an M3 2023 line of 36,500 (100 m² × 365 days at 1)
 *   against two 20,000 park/other rent subsidies for 2023: summed (40,000 ≥ 36,500) M3 pays 0; one by one
 *   (neither reaches 36,500) it pays 36,500.
 * - ROUND: M1 200,000 and M3 2023 from two 100-day leases of 4,686.205 and 4,686.195: 9,372.40 rounded
 *   once a year, 9,372.41 lease by lease.
 * - SCOPE: M1 paid 200,000 on 2022-03-01 (period ended 2030-03-01) and M3 36,500 on 2024-03-01, tax out on
 *   2031-01-15 (asOf 2031-06-30): the clawback is 36,500 (the running period), or 236,500 (every payment).
 * - one invalid request.
 * Under any other reading none of them changes (each is registered in Mentougou since 2015, designated,
 * committed, small or micro, with nothing else that a reading reads).
 */

const IN_MENTOUGOU = [
  { kind: 'business', region: 'mentougou', from: '2015-04-01' },
  { kind: 'tax', region: 'mentougou', from: '2015-04-01' },
];
const common = { independentLegalPerson: true, registrations: IN_MENTOUGOU, retentionCommitmentSignedOn: '2022-07-01', smallOrMicro: true };
const lease = (id: string, areaSqm: string, start: string, end: string) => ({ id, areaSqm, start, end, dailyRentPerSqm: 1, selfUse: true, inDistrict: true });

export const G2AGG = {
  asOf: '2023-12-31',
  enterprise: {
    id: 'G2AGG',
    ...common,
    designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
    contributions: [{ year: 2023, amount: '900000' }],
    leases: [lease('L1', '100', '2023-01-01', '2023-12-31')],
    otherBenefits: [
      { program: 'zgc-park-rent', overlapsMeasure: 'M3', amount: '20000', year: 2023 },
      { program: 'other-rent', overlapsMeasure: 'M3', amount: '20000', year: 2023 },
    ],
  },
};
export const ROUND = {
  asOf: '2023-12-31',
  enterprise: {
    id: 'ROUND',
    ...common,
    designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
    contributions: [{ year: 2023, amount: '900000' }],
    leases: [lease('A', '46.86205', '2023-01-01', '2023-04-10'), lease('B', '46.86195', '2023-01-01', '2023-04-10')],
  },
};
export const SCOPE = {
  asOf: '2031-06-30',
  enterprise: {
    id: 'SCOPE',
    ...common,
    registrations: [...IN_MENTOUGOU, { kind: 'tax', region: 'outside-beijing', from: '2031-01-15' }],
    designations: [{ level: 'municipal-sme', obtainedOn: '2022-01-10' }],
    disbursements: [
      { measure: 'M1', amount: '200000', paidOn: '2022-03-01' },
      { measure: 'M3', amount: '36500', paidOn: '2024-03-01', year: 2023 },
    ],
  },
};
export const INVALID = { asOf: '2024-12-31', enterprise: { id: 'BAD', registrations: 'none' } };
