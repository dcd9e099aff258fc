/**
 * The cohort the analysis tests work on: golden vectors (their results are worked out by hand in their
 * `expect` fields and in test/golden/README.md) plus one hand-made enterprise, E10.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The `request` of a golden vector in test/golden/. */
export function golden(name: string): Record<string, unknown> {
  const path = fileURLToPath(new URL(`../golden/${name}.json`, import.meta.url));
  const vector = JSON.parse(readFileSync(path, 'utf8')) as { request: Record<string, unknown> };
  return vector.request;
}

/**
 * E10: a municipal SME designated on 2022-01-01 (first day of the window) whose designation expired on
 * 2024-12-31; assessed on 2031-01-15. It holds no designation on asOf, so G1 fails (R9) and every
 * measure is ineligible with amount 0. Two disbursements: M1 200,000 paid 2022-06-30, whose 8-year
 * period ended 2030-06-30 (before asOf: no longer at risk); M3 150,000.50 for 2023 paid 2024-03-31,
 * period ending 2032-03-31 (still at risk). Registrations never leave the district: no breach.
 */
export const E10 = {
  asOf: '2031-01-15',
  enterprise: {
    id: 'E10',
    independentLegalPerson: true,
    registrations: [
      { kind: 'business', region: 'mentougou', from: '2010-01-01' },
      { kind: 'tax', region: 'mentougou', from: '2010-01-01' },
    ],
    designations: [{ level: 'municipal-sme', obtainedOn: '2022-01-01', expiresOn: '2024-12-31' }],
    retentionCommitmentSignedOn: '2022-01-10',
    disbursements: [
      { measure: 'M1', amount: '200000', paidOn: '2022-06-30' },
      { measure: 'M3', amount: '150000.50', paidOn: '2024-03-31', year: 2023 },
    ],
  },
};

/**
 * The forecast cohort, in this order:
 * 0 golden 01 (E01), 1 golden 02 (E02), 2 golden 05 (E05), 3 golden 06 (institution I01),
 * 4 golden 07 (E07), 5 golden 08 (invalid, E08), 6 E10.
 */
export function cohort(): unknown[] {
  return [
    golden('01-climber'),
    golden('02-newcomer-with-rent'),
    golden('05-clawback-tax-move'),
    golden('06-institution'),
    golden('07-listing-and-park-subsidy'),
    golden('08-bad-input'),
    E10,
  ];
}
