/**
 * The statements of reference cases, reviewed once and pinned: for each case below (a named clause or
 * ruling, with its boundary), the caseworker's statement in Chinese and in English (`explain`) and the
 * figures a reviewer checks (outcomes, amounts, payable, missing paths, the clawback), as files under
 * test/statements/. A change in what a user is told — a condition's words, what was found, a line's
 * label, a reason, a warning, a figure — shows up as a difference in those files, to be reviewed and
 * accepted (`npx vitest run test/statements.test.ts -u`) or fixed.
 *
 * The golden vectors have their own statements here too. Every case is also checked on the figures it
 * is about, with the arithmetic in a comment.
 */
import { describe, expect, it } from 'vitest';
import { safeAssessUnknown } from '../src/assess.js';
import { explain } from '../src/explain.js';
import type { AssessmentResult } from '../src/model/result.js';
import { deriveEdition } from '../src/policy/derive.js';
import type { PolicyEdition } from '../src/policy/edition.js';
import { mentougou2022Draft } from '../src/policy/mentougou-2022-draft.js';
import { goldenVectors } from './helpers/golden.js';

type Region = 'mentougou' | 'beijing-other' | 'outside-beijing';
const both = (region: Region, from: string) => [
  { kind: 'business', region, from },
  { kind: 'tax', region, from },
];

/**
 * The figures a reviewer checks against the statement: each measure's outcome, amount, payable and
 * missing paths, each line's outcome and money, the total, the clawback and the warnings' codes. The
 * words (conditions, what was found, reasons, labels) are the statement's, above; the parameters an
 * edition states (tiers, caps, thresholds) are pinned once, by the edition's own tests, not here.
 */
function figures(result: AssessmentResult): string {
  const out: string[] = [`applicability ${result.applicability.outcome}`];
  const missing = (paths: readonly string[]) => (paths.length > 0 ? ` missing=[${paths.join(', ')}]` : '');
  for (const m of result.measures) {
    const money = m.kind === 'money' ? ` amount=${m.amount} payable=${m.payable}` : '';
    out.push(`${m.measure} ${m.outcome}${money}${missing(m.missing)}`);
    for (const l of m.lines) out.push(`  line ${l.id} ${l.outcome}${m.kind === 'money' ? ` amount=${l.amount} payable=${l.payable} paid=${l.paid}` : ''}`);
  }
  out.push(`totalPayable ${result.totalPayable}`);
  const c = result.clawback;
  out.push(`clawback breached=${c.breached} breachedOn=${c.breachedOn} registration=${c.registration} amount=${c.amount} freeToLeaveAfter=${c.freeToLeaveAfter}`);
  for (const i of c.items) out.push(`  ${i.measure} paid ${i.amount} on ${i.paidOn}, period ends ${i.periodEnd}${i.recovered ? ', recovered' : ''}`);
  out.push(`warnings ${result.warnings.map((w) => w.code).join(', ')}`);
  return out.join('\n');
}

const statement = (result: AssessmentResult): string =>
  `${explain(result)}\n----------------------------------------------------------------\n\n${explain(result, { lang: 'en' })}\n----------------------------------------------------------------\n\n${figures(result)}\n`;

function assessed(request: unknown, edition?: PolicyEdition): AssessmentResult {
  const result = safeAssessUnknown(request, edition ? { edition } : undefined);
  if (!result.ok) throw new Error(`invalid case: ${JSON.stringify(result.issues)}`);
  return result.value;
}

const measure = (result: AssessmentResult, id: string) => {
  const m = result.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`no ${id}`);
  return m;
};
const condition = (result: AssessmentResult, id: string, conditionId: string) => {
  const c = measure(result, id).conditions.find((x) => x.id === conditionId);
  if (!c) throw new Error(`no ${conditionId}`);
  return c;
};

/** An edition with a district floor of 300,000 for the STAR Market (R7 “不低于市级标准”). */
const starFloor = (): PolicyEdition => deriveEdition(mentougou2022Draft, { m7: { districtFloors: { star: '300000' } } }, { id: 'star-floor-300000' });

interface Case {
  name: string;
  title: string;
  request: unknown;
  edition?: PolicyEdition;
  /** The figures the case is about. */
  check: (r: AssessmentResult) => void;
}

const CASES: Case[] = [
  {
    name: 'g1-registered-elsewhere-not-designated',
    title: 'G1 / R9: registered in another Beijing district and holding no title on asOf — every measure is out, and the reason says which G1 conditions fail',
    request: {
      asOf: '2024-12-31',
      enterprise: { id: 'E-G1', independentLegalPerson: true, registrations: both('beijing-other', '2015-01-01'), jingxiTalents: 0, retentionCommitmentSignedOn: '2023-01-01' },
    },
    check: (r) => {
      expect(r.applicability.outcome).toBe('ineligible');
      // independent legal person is met; the registration and the title are not: only those two are named
      const reason = r.applicability.reasons[0]!;
      expect(reason.code).toBe('not-applicable');
      expect(reason.en).toContain('registered in Mentougou');
      expect(reason.en).toContain('holds an SRDI designation');
      expect(reason.en).not.toContain('independent legal person');
      expect(reason.zh).toContain('；');
      expect(reason.en).toContain('; ');
      expect(measure(r, 'M1').outcome).toBe('ineligible');
      expect(measure(r, 'M9').conditions.find((c) => c.id === 'm9.jingxi-talent')?.en).toContain('(0 recognised)');
    },
  },
  {
    name: 'r3-moved-in-from-another-beijing-district',
    title: 'R3: a move from another Beijing district earns no M2; R4: that move, made while designated, starts M3',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-R3',
        independentLegalPerson: true,
        physicalOperationInDistrict: true,
        registrations: [...both('beijing-other', '2012-05-01'), ...both('mentougou', '2023-03-01')],
        designations: [{ level: 'municipal-sme', obtainedOn: '2021-05-10' }],
        contributions: [
          { year: 2023, amount: '800000' },
          { year: 2024, amount: '800000.00' },
        ],
        // listed out of order on purpose: the leases counted are named by id (Annex, HQ) whatever the request's order
        leases: [
          { id: 'HQ', areaSqm: 200, start: '2023-03-01', end: '2025-02-28', dailyRentPerSqm: '0.9', selfUse: true, inDistrict: true },
          { id: 'Annex', areaSqm: 10, start: '2024-01-01', end: '2024-01-31', dailyRentPerSqm: 2, selfUse: true, inDistrict: true },
        ],
        retentionCommitmentSignedOn: '2023-03-15',
      },
    },
    check: (r) => {
      expect(condition(r, 'M2', 'm2.from-outside-beijing').status).toBe('unmet');
      // the move is judged for its date all the same (2023-03-01 is inside the window)
      expect(condition(r, 'M2', 'm2.moved-in-since').status).toBe('met');
      expect(condition(r, 'M3', 'm3.newly-designated-or-moved-in').en).toContain('moved in from another Beijing district on 2023-03-01, while designated');
      // 2023: HQ 200 m² × 306 days (1 Mar – 31 Dec) × 0.9 = 55,080.00
      // 2024: HQ 200 × 366 × 0.9 = 65,880.00 + Annex 10 × 31 × min(1, 2) = 310.00 → 66,190.00
      expect(measure(r, 'M3').lines.map((l) => [l.id, l.amount])).toEqual([
        ['2023', '55080.00'],
        ['2024', '66190.00'],
      ]);
      expect(measure(r, 'M3').amount).toBe('121270.00');
      const y2024 = measure(r, 'M3').lines[1]!;
      expect(y2024.details.leases).toBe('Annex,HQ');
      expect(y2024.conditions.find((c) => c.id === 'm3.self-use-lease-in-district')?.en).toContain('leases counted: Annex, HQ');
      expect(y2024.conditions.find((c) => c.id === 'm3.self-use-lease-in-district')?.zh).toContain('计入租约 Annex、HQ');
    },
  },
  {
    name: 'r3-moved-in-from-outside-beijing-before-2022',
    title: 'R3: a move in from outside Beijing on 2021-06-01, before 2022-01-01 — M2 is out, and its line still names that move',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-R3-2021',
        independentLegalPerson: true,
        physicalOperationInDistrict: true,
        registrations: [...both('outside-beijing', '2010-01-01'), ...both('mentougou', '2021-06-01')],
        designations: [{ level: 'municipal-little-giant', obtainedOn: '2022-09-01' }],
        retentionCommitmentSignedOn: '2022-09-15',
      },
    },
    check: (r) => {
      expect(condition(r, 'M2', 'm2.from-outside-beijing').status).toBe('met');
      expect(condition(r, 'M2', 'm2.moved-in-since').status).toBe('unmet');
      expect(measure(r, 'M2').lines[0]!.details).toMatchObject({ movedInOn: '2021-06-01', movedInFrom: 'outside-beijing' });
      expect(measure(r, 'M2').lines[0]!.label.en).toBe('move-in reward for moving in from outside Beijing on 2021-06-01');
    },
  },
  {
    name: 'r3-returned-via-another-district',
    title: 'R3: in from outside Beijing on 2021-06-01 (before 2022), out to another district in 2022, back on 2023-04-01 — the date is judged on the move from outside Beijing, so M2 is out',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-R3-BACK',
        independentLegalPerson: true,
        physicalOperationInDistrict: true,
        registrations: [...both('outside-beijing', '2010-01-01'), ...both('mentougou', '2021-06-01'), ...both('beijing-other', '2022-02-01'), ...both('mentougou', '2023-04-01')],
        designations: [{ level: 'municipal-sme', obtainedOn: '2022-09-01' }],
        retentionCommitmentSignedOn: '2022-09-15',
      },
    },
    check: (r) => {
      const since = condition(r, 'M2', 'm2.moved-in-since');
      expect(since.status).toBe('unmet');
      expect(since.en).toContain('moved in from outside Beijing on 2021-06-01');
      expect(since.en).not.toContain('2023-04-01');
      expect(condition(r, 'M2', 'm2.from-outside-beijing').en).toContain('moved in from another Beijing district on 2023-04-01');
    },
  },
  {
    name: 'r3-registrations-not-given',
    title: 'R3: designated in 2023 and operating in the district, but no registrations given — where it came from is unknown, so M2 waits for enterprise.registrations',
    request: {
      asOf: '2024-12-31',
      enterprise: { id: 'E-R3-UNK', independentLegalPerson: true, physicalOperationInDistrict: true, designations: [{ level: 'municipal-sme', obtainedOn: '2023-02-01' }], retentionCommitmentSignedOn: '2023-03-01' },
    },
    check: (r) => {
      expect(measure(r, 'M2').outcome).toBe('undetermined');
      expect(measure(r, 'M2').missing).toEqual(['enterprise.registrations']);
      expect(condition(r, 'M2', 'm2.moved-in-since').missing).toEqual(['enterprise.registrations']);
      expect(condition(r, 'M2', 'm2.from-outside-beijing').missing).toEqual(['enterprise.registrations']);
      expect(measure(r, 'M2').lines[0]!.label.en).toBe('move-in reward for moving in from outside Beijing');
    },
  },
  {
    name: 'r4-business-timeline-unknown',
    title: 'R4: designated since 2020 and no registrations given — whether it moved in while designated is unknown, so M3 (and M2) wait for enterprise.registrations',
    request: {
      asOf: '2024-06-30',
      enterprise: { id: 'E-R4-UNK', independentLegalPerson: true, designations: [{ level: 'municipal-sme', obtainedOn: '2020-05-01' }], jingxiTalents: 3, retentionCommitmentSignedOn: '2022-01-01' },
    },
    check: (r) => {
      expect(measure(r, 'M3').outcome).toBe('undetermined');
      expect(measure(r, 'M3').missing).toContain('enterprise.registrations');
      expect(measure(r, 'M2').outcome).toBe('ineligible'); // no M1 entitlement: the 2020 title is before the window
      expect(r.applicability.outcome).toBe('undetermined');
    },
  },
  {
    name: 'r4-first-support-year-not-reached',
    title: 'R4: designated on 2022-06-15, assessed on 2022-12-31 — the first support year 2023 has not begun',
    request: {
      asOf: '2022-12-31',
      enterprise: {
        id: 'E-R4-2022',
        independentLegalPerson: true,
        registrations: both('mentougou', '2018-01-01'),
        designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
        retentionCommitmentSignedOn: '2022-07-01',
      },
    },
    check: (r) => {
      expect(condition(r, 'M3', 'm3.support-year-reached').status).toBe('unmet');
      expect(condition(r, 'M3', 'm3.support-year-reached').en).toContain('the first support year 2023 has not begun (asOf 2022-12-31)');
      expect(measure(r, 'M3').lines).toEqual([]);
    },
  },
  {
    name: 'r4-renewal-and-missing-contribution',
    title: 'R4: a renewal on 2023-04-01 starts M3 (“含重新认定”); 2024’s contribution not given — that year waits for enterprise.contributions',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-R4-REN',
        independentLegalPerson: true,
        registrations: both('mentougou', '2016-01-01'),
        designations: [
          { level: 'municipal-sme', obtainedOn: '2020-04-01', expiresOn: '2023-03-31' },
          { level: 'municipal-sme', obtainedOn: '2023-04-01', renewal: true },
        ],
        contributions: [{ year: 2023, amount: '1200000' }],
        leases: [{ id: 'A', areaSqm: '150.5', start: '2021-01-01', end: '2026-12-31', dailyRentPerSqm: 1, selfUse: true, inDistrict: true }],
        retentionCommitmentSignedOn: '2023-05-01',
      },
    },
    check: (r) => {
      expect(condition(r, 'M3', 'm3.newly-designated-or-moved-in').en).toContain('designated on 2023-04-01 (renewal)');
      expect(measure(r, 'M3').outcome).toBe('eligible');
      // 2023: 150.5 × 365 × 1 = 54,932.50 (eligible); 2024: 150.5 × 366 = 55,083.00 (undetermined: adds nothing)
      expect(measure(r, 'M3').lines.map((l) => [l.id, l.outcome, l.amount])).toEqual([
        ['2023', 'eligible', '54932.50'],
        ['2024', 'undetermined', '55083.00'],
      ]);
      expect(measure(r, 'M3').amount).toBe('54932.50');
      expect(measure(r, 'M3').missing).toEqual(['enterprise.contributions']);
      // M1: the renewal earns nothing, the 2020 title is before the window
      expect(measure(r, 'M1').outcome).toBe('ineligible');
    },
  },
  {
    name: 'r4-not-yet-registered-at-end-of-2023',
    title: 'R4 “每年认定”: designated in 2022 but founded in the district only on 2024-03-01 — on 31 December 2023 it was not yet registered, so 2023 is out',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-R4-NEW',
        independentLegalPerson: true,
        registrations: both('mentougou', '2024-03-01'),
        designations: [{ level: 'municipal-sme', obtainedOn: '2022-11-11' }],
        contributions: [
          { year: 2023, amount: 900000 },
          { year: 2024, amount: 900000 },
        ],
        leases: [{ id: 'B', areaSqm: 10, start: '2024-03-01', end: '2024-03-01', dailyRentPerSqm: 3, selfUse: true, inDistrict: true }],
        retentionCommitmentSignedOn: '2024-03-02',
      },
    },
    check: (r) => {
      const [y2023, y2024] = measure(r, 'M3').lines;
      expect(y2023!.conditions.find((c) => c.id === 'm3.registered-in-district')?.en).toContain('not yet registered on 2023-12-31');
      expect(y2023!.outcome).toBe('ineligible');
      // 2024: one day, 10 m² × 1 day × min(1, 3) = 10.00
      expect([y2024!.outcome, y2024!.amount]).toEqual(['eligible', '10.00']);
    },
  },
  {
    name: 'r6-institution-levels',
    title: 'R6: an institution’s introduced enterprises — a national little giant (100,000), one with no title, one whose level is not given, one that moved in before the window',
    request: {
      asOf: '2025-06-30',
      institution: {
        id: 'I-R6',
        independentLegalPerson: true,
        certified: true,
        registrations: both('mentougou', '2019-01-01'),
        introducedEnterprises: [
          { enterpriseId: 'N1', movedInOn: '2024-02-29', highestLevel: 'national-little-giant' },
          { enterpriseId: 'Z0', movedInOn: '2023-01-01', highestLevel: 'none' },
          { enterpriseId: 'Q?', movedInOn: '2025-06-30' },
          { enterpriseId: 'OLD', movedInOn: '2021-12-31', highestLevel: 'municipal-sme' },
        ],
        retentionCommitmentSignedOn: '2023-01-01',
      },
    },
    check: (r) => {
      const m5 = measure(r, 'M5');
      // Lines in enterpriseId order (code units: N < O < Q < Z), not the request's order (issue 12).
      expect(m5.lines.map((l) => [l.id, l.outcome, l.amount])).toEqual([
        ['N1', 'eligible', '100000.00'],
        ['OLD', 'ineligible', '20000.00'],
        ['Q?', 'undetermined', '0.00'],
        ['Z0', 'ineligible', '0.00'],
      ]);
      expect(m5.amount).toBe('100000.00');
      expect(m5.missing).toEqual(['institution.introducedEnterprises.2.highestLevel']);
      expect(m5.lines[2]!.details).toMatchObject({ highestLevel: null, tier: null });
      expect(measure(r, 'M13').outcome).toBe('undetermined'); // residentSrdiCount not given
      expect(measure(r, 'M13').missing).toEqual(['institution.residentSrdiCount']);
    },
  },
  {
    name: 'r7-listing-without-municipal-standard',
    title: 'R7: listed on the STAR Market on 2023-05-10 with no municipal standard given and no district floor — the reward is undetermined',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-R7',
        independentLegalPerson: true,
        registrations: both('mentougou', '2015-01-01'),
        designations: [{ level: 'national-little-giant', obtainedOn: '2022-03-03', renewal: true }],
        listing: { board: 'star', listedOn: '2023-05-10' },
        fundraisingProjectInDistrict: true,
        retentionCommitmentSignedOn: '2022-04-01',
      },
    },
    check: (r) => {
      expect(measure(r, 'M7').outcome).toBe('undetermined');
      expect(measure(r, 'M7').missing).toEqual(['enterprise.listing.municipalStandardReward']);
      expect(measure(r, 'M7').lines[0]!.details).toMatchObject({ municipalStandardReward: null, districtFloor: null, basis: null });
      expect(measure(r, 'M8').outcome).toBe('eligible');
      expect(measure(r, 'M10').outcome).toBe('eligible');
    },
  },
  {
    name: 'r7-district-floor-above-municipal-standard',
    title: 'R7 “不低于市级标准”: an edition with a STAR Market floor of 300,000 against a municipal standard of 200,000 — 300,000 (the floor)',
    // a getter: derived inside the test, not while the file loads
    get edition() {
      return starFloor();
    },
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-R7-FLOOR',
        independentLegalPerson: true,
        registrations: both('mentougou', '2015-01-01'),
        designations: [{ level: 'municipal-sme', obtainedOn: '2022-03-03' }],
        listing: { board: 'star', listedOn: '2024-12-31', municipalStandardReward: '200000' },
        retentionCommitmentSignedOn: '2022-04-01',
      },
    },
    check: (r) => {
      expect(measure(r, 'M7').amount).toBe('300000.00');
      expect(measure(r, 'M7').lines[0]!.details).toMatchObject({ municipalStandardReward: '200000.00', districtFloor: '300000.00', basis: 'district-floor' });
    },
  },
  {
    name: 'g5-breach-both-registrations',
    title: 'R13: both registrations leave on 2025-03-01, inside the 8 years of a 2023 payment — “both”, the payment is recovered, nothing more is payable',
    request: {
      asOf: '2025-06-30',
      enterprise: {
        id: 'E-G5-BOTH',
        independentLegalPerson: true,
        registrations: [...both('mentougou', '2015-01-01'), ...both('outside-beijing', '2025-03-01')],
        designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-01' }],
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2023-01-10' }],
        retentionCommitmentSignedOn: '2022-06-10',
      },
    },
    check: (r) => {
      expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2025-03-01', registration: 'both', amount: '200000.00', freeToLeaveAfter: '2031-01-10' });
      expect(measure(r, 'M1').reasons.map((x) => x.code)).toContain('commitment-breached');
      expect(measure(r, 'M1').reasons.find((x) => x.code === 'commitment-breached')?.en).toContain('(business and tax registration out of the district on 2025-03-01)');
    },
  },
  {
    name: 'g5-breach-business-only-tax-unknown',
    title: 'R13: only the business timeline is given and it leaves on 2024-07-01 — “business”, and a warning that the tax timeline is unknown',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-G5-BUS',
        independentLegalPerson: true,
        registrations: [
          { kind: 'business', region: 'mentougou', from: '2015-01-01' },
          { kind: 'business', region: 'beijing-other', from: '2024-07-01' },
        ],
        designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-01' }],
        disbursements: [
          { measure: 'M1', amount: '200000', paidOn: '2022-12-01' },
          { measure: 'M3', amount: '36500', paidOn: '2024-03-01', year: 2023 },
        ],
        retentionCommitmentSignedOn: '2022-06-10',
      },
    },
    check: (r) => {
      expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2024-07-01', registration: 'business', amount: '236500.00', freeToLeaveAfter: '2032-03-01' });
      expect(r.warnings.map((w) => w.code)).toEqual(['window-assumed', 'registration-timeline-unknown', 'clawback-due']);
      expect(r.warnings[1]!.en).toContain('no tax registration timeline');
      expect(r.clawback.items.map((i) => [i.measure, i.year ?? null, i.recovered])).toEqual([
        ['M1', null, true],
        ['M3', 2023, true],
      ]);
    },
  },
  {
    name: 'g2-other-benefits-both-ways',
    title: 'R5: a 150,000 municipal reward for the same matter as M1 (200,000) must be forgone; the park’s 40,000 rent subsidy for 2023 beats our 36,500',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-G2',
        independentLegalPerson: true,
        registrations: both('mentougou', '2015-01-01'),
        designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-01' }],
        contributions: [
          { year: 2023, amount: '800000' },
          { year: 2024, amount: '800000' },
        ],
        leases: [{ id: 'L', areaSqm: 100, start: '2022-01-01', end: '2026-12-31', dailyRentPerSqm: 1, selfUse: true, inDistrict: true }],
        otherBenefits: [
          { program: 'municipal-reward', overlapsMeasure: 'M1', amount: '150000' },
          { program: 'zgc-park-rent', overlapsMeasure: 'M3', amount: '40000', year: 2023 },
        ],
        retentionCommitmentSignedOn: '2022-06-10',
      },
    },
    check: (r) => {
      expect([measure(r, 'M1').amount, measure(r, 'M1').payable]).toEqual(['200000.00', '200000.00']);
      // 2023: 100 × 365 = 36,500 ≤ 40,000 → 0; 2024: 100 × 366 = 36,600, no other benefit for 2024 → payable
      expect(measure(r, 'M3').lines.map((l) => [l.id, l.amount, l.payable])).toEqual([
        ['2023', '36500.00', '0.00'],
        ['2024', '36600.00', '36600.00'],
      ]);
      expect(r.warnings.map((w) => w.code)).toContain('forgo-other-benefit');
      expect(r.totalPayable).toBe('236600.00');
    },
  },
  {
    name: 'g3-g4-g5-everything-blocked',
    title: 'R10, R11, R12: supported case by case, an integrity finding, and no commitment — every money measure pays 0, with all three reasons; services stay',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-BLOCK',
        independentLegalPerson: true,
        registrations: both('mentougou', '2015-01-01'),
        designations: [{ level: 'municipal-little-giant', obtainedOn: '2023-06-01' }],
        caseByCaseSupport: [{ kind: 'one-matter-one-discussion', from: '2024-01-01' }],
        integrityFindings: [{ kind: 'irregular', on: '2024-05-05' }],
      },
    },
    check: (r) => {
      expect(measure(r, 'M1').amount).toBe('500000.00');
      expect(measure(r, 'M1').payable).toBe('0.00');
      expect(measure(r, 'M1').reasons.map((x) => x.code)).toEqual(['case-by-case-support', 'integrity-finding', 'commitment-required']);
      expect(r.warnings.map((w) => w.code)).toContain('credit-record');
      expect(measure(r, 'M11').outcome).toBe('eligible');
    },
  },
];

describe('statements of reference cases (test/statements/)', () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.title}`, async () => {
      const result = assessed(c.request, c.edition);
      c.check(result);
      await expect(`${c.title}\n\n${statement(result)}`).toMatchFileSnapshot(`./statements/${c.name}.txt`);
    });
  }

  for (const vector of goldenVectors().filter((v) => v.expect.ok !== false)) {
    it(`golden ${vector.name}: ${vector.description ?? ''}`, async () => {
      await expect(`${vector.description ?? vector.name}\n\n${statement(assessed(vector.request))}`).toMatchFileSnapshot(`./statements/golden-${vector.name}.txt`);
    });
  }
});
