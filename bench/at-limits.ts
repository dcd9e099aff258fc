/**
 * Requests at the limits of DESIGN §6: one list at a time filled to its maximum (10,000 entries), each
 * entry valid, so that the request passes validation and every rule runs on the full list. Used by the
 * test of the time budget (test/hardening/complexity.test.ts) and by bench/limits.ts.
 */
import { MAX_ARRAY_ENTRIES } from '../src/model/limits.js';

/** A JSON request as a caller writes it. */
export type RequestJson = Record<string, unknown>;

const AS_OF = '2025-12-31';

/** Day `n` after 1990-01-01, as `YYYY-MM-DD` (n < 13,000: up to 2025). */
function dateAfter1990(n: number): string {
  const d = new Date(Date.UTC(1990, 0, 1 + n));
  return d.toISOString().slice(0, 10);
}

/** An enterprise that reaches most rules: registered in Mentougou, designated, committed. */
function baseEnterprise(): RequestJson {
  return {
    id: 'E-LIMITS',
    independentLegalPerson: true,
    physicalOperationInDistrict: true,
    registrations: [
      { kind: 'business', region: 'outside-beijing', from: '2010-01-01' },
      { kind: 'business', region: 'mentougou', from: '2022-03-01' },
      { kind: 'tax', region: 'mentougou', from: '2022-03-01' },
    ],
    designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
    retentionCommitmentSignedOn: '2022-07-01',
    contributions: [2023, 2024, 2025].map((year) => ({ year, amount: '900000' })),
    leases: [{ id: 'L1', areaSqm: '500', start: '2022-01-01', end: '2026-12-31', dailyRentPerSqm: '1', selfUse: true, inDistrict: true }],
  };
}

function baseInstitution(): RequestJson {
  return {
    id: 'I-LIMITS',
    independentLegalPerson: true,
    certified: true,
    registrations: [
      { kind: 'business', region: 'mentougou', from: '2019-05-01' },
      { kind: 'tax', region: 'mentougou', from: '2019-05-01' },
    ],
    retentionCommitmentSignedOn: '2022-02-01',
    residentSrdiCount: 5,
    introducedEnterprises: [{ enterpriseId: 'E1', movedInOn: '2022-05-01', highestLevel: 'municipal-sme' }],
  };
}

const LEVELS = ['municipal-sme', 'municipal-little-giant', 'national-little-giant'] as const;
const REGIONS = ['mentougou', 'beijing-other', 'outside-beijing'] as const;

/** The entries of each list, `n` of them, all valid together. */
const ENTRIES: Record<string, (n: number) => unknown[]> = {
  // Strictly oldest first within each kind; the business timeline moves around and ends in Mentougou.
  registrations: (n) => {
    const half = Math.floor(n / 2);
    const entries: unknown[] = [];
    for (let i = 0; i < half; i++) entries.push({ kind: 'business', region: i === half - 1 ? 'mentougou' : REGIONS[i % 3], from: dateAfter1990(i) });
    for (let i = 0; i < n - half; i++) entries.push({ kind: 'tax', region: i === n - half - 1 ? 'mentougou' : REGIONS[(i + 1) % 3], from: dateAfter1990(i) });
    return entries;
  },
  designations: (n) => Array.from({ length: n }, (_, i) => ({ level: LEVELS[i % 3], obtainedOn: dateAfter1990(Math.floor((i * 13_000) / n)), renewal: i % 7 === 0, ...(i % 5 === 0 ? { expiresOn: '2030-01-01' } : {}) })),
  caseByCaseSupport: (n) => Array.from({ length: n }, (_, i) => ({ kind: i % 2 === 0 ? 'one-enterprise-one-policy' : 'one-matter-one-discussion', from: dateAfter1990(i) })),
  integrityFindings: (n) => Array.from({ length: n }, (_, i) => ({ kind: 'irregular', on: dateAfter1990(i) })),
  disbursements: (n) =>
    Array.from({ length: n }, (_, i) => {
      const measure = (['M1', 'M2', 'M3', 'M7'] as const)[i % 4];
      return { measure, amount: '10', paidOn: dateAfter1990(i % 12_000), ...(measure === 'M3' ? { year: 2023 + (i % 3) } : {}) };
    }),
  otherBenefits: (n) => Array.from({ length: n }, (_, i) => ({ program: `P${i}`, overlapsMeasure: (['M1', 'M2', 'M3', 'M7'] as const)[i % 4], amount: '1', ...(i % 4 === 2 ? { year: 2023 + (i % 3) } : {}) })),
  contributions: (n) => Array.from({ length: n }, (_, i) => ({ year: 1949 + (i % 252), amount: String(700_000 + i) })).slice(0, Math.min(n, 252)),
  leases: (n) => Array.from({ length: n }, (_, i) => ({ id: `L${i}`, areaSqm: '10.5', start: dateAfter1990(i), end: '2026-06-30', dailyRentPerSqm: '0.9', selfUse: i % 3 !== 0, inDistrict: i % 5 !== 0 })),
  introducedEnterprises: (n) => Array.from({ length: n }, (_, i) => ({ enterpriseId: `E${n - i}`, movedInOn: dateAfter1990(11_000 + (i % 1_500)), ...(i % 4 === 3 ? {} : { highestLevel: [...LEVELS, 'none'][i % 4] }) })),
  institutionDisbursements: (n) => Array.from({ length: n }, (_, i) => ({ measure: 'M5', amount: '100', paidOn: dateAfter1990(11_000 + (i % 1_500)), enterpriseId: `E${(i % 10_000) + 1}` })),
};

/** The lists of an enterprise and of an institution that a request may fill. */
export const ENTERPRISE_LISTS = ['registrations', 'designations', 'caseByCaseSupport', 'integrityFindings', 'disbursements', 'otherBenefits', 'contributions', 'leases'] as const;
export const INSTITUTION_LISTS = ['introducedEnterprises', 'institutionDisbursements'] as const;

/**
 * A valid request with one list at `n` entries (default: the limit). `contributions` has one entry per
 * year and years run 1949–2200, so it holds at most 252 entries.
 */
export function requestWithList(list: (typeof ENTERPRISE_LISTS)[number] | (typeof INSTITUTION_LISTS)[number], n: number = MAX_ARRAY_ENTRIES): RequestJson {
  const entries = ENTRIES[list]!(n);
  if (list === 'introducedEnterprises') return { asOf: AS_OF, institution: { ...baseInstitution(), introducedEnterprises: entries } };
  if (list === 'institutionDisbursements') {
    const introduced = ENTRIES.introducedEnterprises!(n);
    return { asOf: AS_OF, institution: { ...baseInstitution(), introducedEnterprises: introduced, disbursements: entries } };
  }
  return { asOf: AS_OF, enterprise: { ...baseEnterprise(), [list]: entries } };
}

/** A valid enterprise with every list at `n` entries at once (the cross products of the rules). */
export function enterpriseWithEveryList(n: number = MAX_ARRAY_ENTRIES): RequestJson {
  const enterprise: RequestJson = baseEnterprise();
  for (const list of ENTERPRISE_LISTS) enterprise[list] = ENTRIES[list]!(n);
  return { asOf: AS_OF, enterprise };
}

/**
 * The worst case of G5 as it was (R13: each payment's period walked over the timeline, each day by a
 * walk of the timeline): both timelines at 5,000 entries that all stay in Mentougou (so no walk stops
 * early), and `n` payments whose 8-year periods each hold about 2,900 of those days.
 */
export function retentionWorstCase(n: number = MAX_ARRAY_ENTRIES): RequestJson {
  const registrations: unknown[] = [];
  for (const kind of ['business', 'tax']) for (let i = 0; i < 5_000; i++) registrations.push({ kind, region: 'mentougou', from: dateAfter1990(i) });
  const disbursements = Array.from({ length: n }, (_, i) => ({ measure: 'M1', amount: '1', paidOn: dateAfter1990(1 + (i % 100)) }));
  return { asOf: AS_OF, enterprise: { ...baseEnterprise(), registrations, disbursements } };
}
