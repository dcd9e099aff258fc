/**
 * Readings (DESIGN §8, readings.md): each of the 22 switches, with a hand-worked request whose result
 * differs between DESIGN's value and the alternative, both asserted. One `describe` per reading, named by it.
 *
 * Unless a case says otherwise the enterprise is registered (business and tax) in Mentougou since
 * 2015-04-01, an independent legal person, with the retention commitment signed on 2022-07-01; money is
 * yuan; M3 leases are self-use and in the district.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assess, assessUnknown } from '../../src/assess.js';
import { Money } from '../../src/core/money.js';
import type { PolicyRequestInput } from '../../src/model/request.js';
import type { AssessmentResult, MeasureResultOutput } from '../../src/model/result.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { READING_NAMES, type ReadingName, type Readings, READINGS } from '../../src/policy/readings.js';

type EnterpriseInput = Omit<NonNullable<PolicyRequestInput['enterprise']>, 'id'>;
type InstitutionInput = Omit<NonNullable<PolicyRequestInput['institution']>, 'id'>;

const IN_MENTOUGOU = [
  { kind: 'business' as const, region: 'mentougou' as const, from: '2015-04-01' },
  { kind: 'tax' as const, region: 'mentougou' as const, from: '2015-04-01' },
];

/** `{ asOf, enterprise }` with the defaults above; a field given as `undefined` is left out. */
function enterprise(asOf: string, fields: EnterpriseInput): PolicyRequestInput {
  const all = { id: 'E-READING', independentLegalPerson: true, registrations: IN_MENTOUGOU, retentionCommitmentSignedOn: '2022-07-01', ...fields };
  return { asOf, enterprise: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as NonNullable<PolicyRequestInput['enterprise']> };
}

/** The edition with one reading switched to its other value. */
function switched<N extends ReadingName>(name: N): ReturnType<typeof deriveEdition> {
  const other = READINGS[name].values[1] as Readings[N];
  return deriveEdition(mentougou2022Draft, { readings: { [name]: other } }, { id: `alt-${name}` });
}

/** The result under DESIGN's reading and under the alternative of `name`. */
function both(request: PolicyRequestInput, name: ReadingName): [AssessmentResult, AssessmentResult] {
  return [assess(request), assess(request, { edition: switched(name) })];
}

const measure = (r: AssessmentResult, id: string): MeasureResultOutput => {
  const m = r.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`no ${id}`);
  return m;
};
const money = (r: AssessmentResult, id: string): [string | null, string | null] => [measure(r, id).amount, measure(r, id).payable];
const reasonCodes = (r: AssessmentResult, id: string): string[] => measure(r, id).reasons.map((x) => x.code);
const warningCodes = (r: AssessmentResult): string[] => r.warnings.map((w) => w.code);
const lease = (id: string, areaSqm: string | number, start: string, end: string, dailyRentPerSqm: string | number = 1) => ({ id, areaSqm, start, end, dailyRentPerSqm, selfUse: true, inDistrict: true });

describe('m3ClipToAsOf (R4): the days of the asOf year stop at asOf', () => {
  // Municipal little giant 2022-06-15 → support years 2023, 2024 (asOf 2024-06-30); 100 m² at 2 → rate 1.
  const base: EnterpriseInput = {
    designations: [{ level: 'municipal-little-giant', obtainedOn: '2022-06-15' }],
    contributions: [
      { year: 2023, amount: '900000' },
      { year: 2024, amount: '900000' },
    ],
    leases: [lease('L1', 100, '2023-01-01', '2024-12-31', 2)],
  };

  it('false: 2024 counts its whole lease year; true: only to asOf', () => {
    const [design, alt] = both(enterprise('2024-06-30', base), 'm3ClipToAsOf');
    // false: 2023 100 × 365 = 36,500.00; 2024 100 × 366 = 36,600.00 (whole year, after asOf too) → 73,100.00
    expect(money(design, 'M3')).toEqual(['73100.00', '73100.00']);
    expect(measure(design, 'M3').lines.map((l) => l.amount)).toEqual(['36500.00', '36600.00']);
    // true: 2024 from 01-01 to 06-30 = 31+29+31+30+31+30 = 182 days → 18,200.00; 36,500 + 18,200 = 54,700.00
    expect(money(alt, 'M3')).toEqual(['54700.00', '54700.00']);
    expect(measure(alt, 'M3').lines.map((l) => l.amount)).toEqual(['36500.00', '18200.00']);
  });

  it('true: a lease with no day up to asOf no longer meets the lease condition', () => {
    const request = enterprise('2024-06-30', { ...base, leases: [lease('L1', 100, '2023-01-01', '2023-12-31'), lease('L2', 100, '2024-09-01', '2024-12-31')] });
    const [design, alt] = both(request, 'm3ClipToAsOf');
    // false: 2024 = L2's 30+31+30+31 = 122 days × 100 = 12,200.00, eligible
    const y2024 = (r: AssessmentResult) => measure(r, 'M3').lines.find((l) => l.id === '2024')!;
    expect([y2024(design).outcome, y2024(design).amount]).toEqual(['eligible', '12200.00']);
    // true: L2 has no day in 2024-09-01..2024-06-30 → no lease in 2024 → ineligible
    expect(y2024(alt).outcome).toBe('ineligible');
    expect(y2024(alt).conditions.find((c) => c.id === 'm3.self-use-lease-in-district')?.status).toBe('unmet');
    expect(money(alt, 'M3')).toEqual(['36500.00', '36500.00']);
  });
});

describe('m3RegisteredKinds (R4): the yearly registration test reads the tax timeline too', () => {
  it("'business': the tax registration elsewhere at the end of 2023 does not matter; 'business+tax': 2023 is out", () => {
    const request = enterprise('2024-12-31', {
      registrations: [
        { kind: 'business', region: 'mentougou', from: '2015-04-01' },
        { kind: 'tax', region: 'beijing-other', from: '2015-04-01' },
        { kind: 'tax', region: 'mentougou', from: '2024-03-01' },
      ],
      designations: [{ level: 'municipal-little-giant', obtainedOn: '2022-06-15' }],
      contributions: [
        { year: 2023, amount: '900000' },
        { year: 2024, amount: '900000' },
      ],
      leases: [lease('L1', 100, '2023-01-01', '2024-12-31')],
    });
    const [design, alt] = both(request, 'm3RegisteredKinds');
    // business only: 2023 36,500.00 + 2024 36,600.00 = 73,100.00
    expect(money(design, 'M3')).toEqual(['73100.00', '73100.00']);
    // business+tax: on 2023-12-31 tax is in another district → 2023 ineligible; 2024 both in Mentougou → 36,600.00
    expect(measure(alt, 'M3').lines.map((l) => l.outcome)).toEqual(['ineligible', 'eligible']);
    expect(money(alt, 'M3')).toEqual(['36600.00', '36600.00']);
  });

  it("'business+tax': no tax timeline at all leaves each year unknown (missing enterprise.registrations)", () => {
    const request = enterprise('2023-12-31', {
      registrations: [{ kind: 'business', region: 'mentougou', from: '2015-04-01' }],
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      contributions: [{ year: 2023, amount: '900000' }],
      leases: [lease('L1', 100, '2023-01-01', '2023-12-31')],
    });
    const [design, alt] = both(request, 'm3RegisteredKinds');
    expect([measure(design, 'M3').outcome, measure(design, 'M3').amount]).toEqual(['eligible', '36500.00']);
    expect([measure(alt, 'M3').outcome, measure(alt, 'M3').amount, measure(alt, 'M3').missing]).toEqual(['undetermined', '0.00', ['enterprise.registrations']]);
  });
});

describe('g2Base (R5): the other benefit is compared with what is still owed', () => {
  it('800,000 entitled, 200,000 paid, other 700,000: 600,000.00 → 0.00', () => {
    const request = enterprise('2024-12-31', {
      designations: [{ level: 'national-little-giant', obtainedOn: '2023-05-01' }],
      disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2023-06-01' }],
      otherBenefits: [{ program: 'municipal-giant-reward', overlapsMeasure: 'M1', amount: '700000' }],
    });
    const [design, alt] = both(request, 'g2Base');
    // 'amount': 700,000 < 800,000 → ours pays 800,000 − 200,000 = 600,000.00; the other must be forgone
    expect(money(design, 'M1')).toEqual(['800000.00', '600000.00']);
    expect(warningCodes(design)).toContain('forgo-other-benefit');
    // 'payable': 700,000 ≥ 600,000 still owed → 0.00, no forgo warning
    expect(money(alt, 'M1')).toEqual(['800000.00', '0.00']);
    expect(reasonCodes(alt, 'M1')).toContain('overlap-other-more-favourable');
    expect(warningCodes(alt)).not.toContain('forgo-other-benefit');
  });
});

describe('g2Aggregate (R5): other benefits one by one instead of summed', () => {
  it('an M3 2023 line of 36,500 against two 20,000 benefits for 2023: 0.00 → 36,500.00', () => {
    const request = enterprise('2023-12-31', {
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      contributions: [{ year: 2023, amount: '900000' }],
      leases: [lease('L1', 100, '2023-01-01', '2023-12-31')],
      otherBenefits: [
        { program: 'zgc-park-rent', overlapsMeasure: 'M3', amount: '20000', year: 2023 },
        { program: 'other-rent', overlapsMeasure: 'M3', amount: '20000', year: 2023 },
      ],
    });
    const [design, alt] = both(request, 'g2Aggregate');
    // 'sum': 20,000 + 20,000 = 40,000 ≥ 36,500 (100 × 365) → 0.00; total = M1 200,000.00
    expect(money(design, 'M3')).toEqual(['36500.00', '0.00']);
    expect(design.totalPayable).toBe('200000.00');
    // 'any-one': neither 20,000 reaches 36,500 → payable, and both must be forgone; 200,000 + 36,500
    expect(money(alt, 'M3')).toEqual(['36500.00', '36500.00']);
    expect(warningCodes(alt)).toContain('forgo-other-benefit');
    expect(alt.totalPayable).toBe('236500.00');
  });
});

describe('g2Aggregate (R5): one benefit alone that reaches ours still beats it', () => {
  it("'any-one': a single 40,000 against 36,500 beats it; the reason names that programme and its amount", () => {
    const request = enterprise('2023-12-31', {
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      contributions: [{ year: 2023, amount: '900000' }],
      leases: [lease('L1', 100, '2023-01-01', '2023-12-31')],
      otherBenefits: [
        { program: 'zgc-mentougou-park', overlapsMeasure: 'M3', amount: '40000', year: 2023 },
        { program: 'other-rent', overlapsMeasure: 'M3', amount: '1000', year: 2023 },
      ],
    });
    const [design, alt] = both(request, 'g2Aggregate');
    // 'sum': 41,000 ≥ 36,500; 'any-one': 40,000 ≥ 36,500 — both 0.00, only the reason's figures differ
    expect([money(design, 'M3')[1], money(alt, 'M3')[1]]).toEqual(['0.00', '0.00']);
    const overlap = (r: AssessmentResult) => measure(r, 'M3').reasons.find((x) => x.code === 'overlap-other-more-favourable')?.en;
    expect(overlap(design)).toBe(
      'most favourable, no duplication: the ZGC Mentougou Park rent subsidy and the other programme “other-rent” (41,000.00 yuan) is at least what this measure gives (36,500.00 yuan), so this measure pays nothing',
    );
    expect(overlap(alt)).toBe('most favourable, no duplication: the ZGC Mentougou Park rent subsidy (40,000.00 yuan) is at least what this measure gives (36,500.00 yuan), so this measure pays nothing');
  });
});

describe('m3PaidMatching (no explicit ruling: R4 + §2): M3 payments against the total of the years', () => {
  it('2023 ineligible, 36,500 paid for 2023, a 2024 line of 36,600: 36,600.00 → 100.00', () => {
    const request = enterprise('2024-12-31', {
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      contributions: [
        { year: 2023, amount: '700000' },
        { year: 2024, amount: '900000' },
      ],
      leases: [lease('L1', 100, '2023-01-01', '2024-12-31')],
      disbursements: [{ measure: 'M3', amount: '36500', paidOn: '2024-03-01', year: 2023 }],
    });
    const [design, alt] = both(request, 'm3PaidMatching');
    // 'per-year': 2023 is out (700,000 < 800,000) and its payment offsets nothing else; 2024 = 100 × 366
    expect(measure(design, 'M3').lines.map((l) => [l.id, l.outcome, l.payable, l.paid])).toEqual([
      ['2023', 'ineligible', '0.00', '36500.00'],
      ['2024', 'eligible', '36600.00', '0.00'],
    ]);
    expect(money(design, 'M3')).toEqual(['36600.00', '36600.00']);
    // 'total': lines keep their amounts; the measure pays 36,600 − 36,500 = 100.00
    expect(measure(alt, 'M3').lines.map((l) => [l.id, l.payable, l.paid])).toEqual([
      ['2023', '0.00', '0.00'],
      ['2024', '36600.00', '0.00'],
    ]);
    expect(money(alt, 'M3')).toEqual(['36600.00', '100.00']);
    expect(reasonCodes(alt, 'M3')).toContain('already-paid');
  });
});

describe('breachNeedsCommitment (R13 with R12): no breach without a commitment on record', () => {
  it('no commitment, 200,000 paid 2023-01-10, tax out on 2024-05-01: breached → not searched', () => {
    const request = enterprise('2024-12-31', {
      retentionCommitmentSignedOn: undefined,
      registrations: [...IN_MENTOUGOU, { kind: 'tax', region: 'outside-beijing', from: '2024-05-01' }],
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2023-01-10' }],
    });
    const [design, alt] = both(request, 'breachNeedsCommitment');
    // false: the payment implies the commitment; the tax move on 2024-05-01 lies in [2023-01-10, 2031-01-10]
    expect(design.clawback).toMatchObject({ breached: true, breachedOn: '2024-05-01', registration: 'tax', amount: '200000.00', freeToLeaveAfter: '2031-01-10' });
    expect(reasonCodes(design, 'M1')).toEqual(['commitment-required', 'commitment-breached']);
    // true: no commitment signed → no breach searched; the period end stays; payable is 0 either way (R12)
    expect(alt.clawback).toMatchObject({ breached: false, breachedOn: null, registration: null, amount: '0.00', freeToLeaveAfter: '2031-01-10' });
    expect(alt.clawback.items.map((i) => i.recovered)).toEqual([false]);
    expect(reasonCodes(alt, 'M1')).toEqual(['commitment-required']);
    expect([money(design, 'M1')[1], money(alt, 'M1')[1]]).toEqual(['0.00', '0.00']);
  });
});

describe('periodIncludesPaidOn (R13): the period starts the day after payment', () => {
  it('a tax move on the payment day 2023-03-15 breaches on 2023-03-15 → 2023-03-16; one paid on D is not recovered', () => {
    const request = enterprise('2024-12-31', {
      registrations: [...IN_MENTOUGOU, { kind: 'tax', region: 'beijing-other', from: '2023-03-15' }],
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      disbursements: [
        { measure: 'M1', amount: '200000', paidOn: '2023-03-15' },
        { measure: 'M2', amount: '100000', paidOn: '2023-03-16' },
      ],
    });
    const [design, alt] = both(request, 'periodIncludesPaidOn');
    // true: [2023-03-15, 2031-03-15] contains the move day itself; M2's period starts 03-16, after D
    expect(design.clawback).toMatchObject({ breached: true, breachedOn: '2023-03-15', registration: 'tax', amount: '200000.00', freeToLeaveAfter: '2031-03-16' });
    expect(design.clawback.items.map((i) => i.recovered)).toEqual([true, false]);
    // false: M1's period is [2023-03-16, 2031-03-15] → D = 03-16; M2 paid on D starts 03-17 → not recovered
    expect(alt.clawback).toMatchObject({ breached: true, breachedOn: '2023-03-16', registration: 'tax', amount: '200000.00', freeToLeaveAfter: '2031-03-16' });
    expect(alt.clawback.items.map((i) => [i.periodEnd, i.recovered])).toEqual([
      ['2031-03-15', true],
      ['2031-03-16', false],
    ]);
  });

  it('false: a payment on asOf whose period would start the day after cannot breach yet', () => {
    const request = enterprise('2024-12-31', {
      registrations: [...IN_MENTOUGOU, { kind: 'tax', region: 'beijing-other', from: '2024-12-31' }],
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2024-12-31' }],
    });
    const [design, alt] = both(request, 'periodIncludesPaidOn');
    expect([design.clawback.breached, design.clawback.breachedOn]).toEqual([true, '2024-12-31']);
    // the period starts on 2025-01-01, after asOf: nothing to find yet
    expect([alt.clawback.breached, alt.clawback.breachedOn, alt.clawback.amount]).toEqual([false, null, '0.00']);
  });
});

describe('unknownRegionBreaches (R13): a kind with no entry yet counts as out of the district', () => {
  it('no tax timeline and a payment on 2022-12-20: no breach (a warning) → breach on 2022-12-20, "tax"', () => {
    const request = enterprise('2024-12-31', {
      registrations: [{ kind: 'business', region: 'mentougou', from: '2015-04-01' }],
      designations: [
        { level: 'municipal-sme', obtainedOn: '2022-06-15' },
        { level: 'national-little-giant', obtainedOn: '2024-03-01' },
      ],
      disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-12-20' }],
    });
    const [design, alt] = both(request, 'unknownRegionBreaches');
    // false: the tax kind cannot breach; M1 = 800,000 − 200,000 paid = 600,000.00
    expect(design.clawback).toMatchObject({ breached: false, breachedOn: null, amount: '0.00' });
    expect(warningCodes(design)).toContain('registration-timeline-unknown');
    expect(money(design, 'M1')).toEqual(['800000.00', '600000.00']);
    // true: no tax entry on 2022-12-20 → breach that day; the 200,000 is recovered and nothing is payable
    expect(alt.clawback).toMatchObject({ breached: true, breachedOn: '2022-12-20', registration: 'tax', amount: '200000.00' });
    expect(money(alt, 'M1')).toEqual(['800000.00', '0.00']);
    expect(reasonCodes(alt, 'M1')).toContain('commitment-breached');
  });
});

describe('g1AbsentFact (R9): an absent G1 fact is unmet, not unknown', () => {
  it('independentLegalPerson not given: undetermined with its path → ineligible, no path', () => {
    const request = enterprise('2024-12-31', { independentLegalPerson: undefined, designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }] });
    const [design, alt] = both(request, 'g1AbsentFact');
    expect(design.applicability.outcome).toBe('undetermined');
    expect([measure(design, 'M1').outcome, measure(design, 'M1').amount]).toEqual(['undetermined', '0.00']);
    expect(measure(design, 'M1').missing).toContain('enterprise.independentLegalPerson');
    expect(alt.applicability.outcome).toBe('ineligible');
    expect(alt.measures.map((m) => m.outcome)).toEqual(Array(11).fill('ineligible'));
    expect(alt.measures.flatMap((m) => m.missing)).not.toContain('enterprise.independentLegalPerson');
    expect([measure(alt, 'M1').amount, measure(alt, 'M1').payable, measure(alt, 'M12').outcome]).toEqual(['0.00', '0.00', 'ineligible']);
    expect(measure(alt, 'M1').conditions[1]).toMatchObject({ id: 'g1.independent-legal-person', status: 'unmet' });
  });

  it('an institution without certified: undetermined → ineligible', () => {
    const institution: InstitutionInput = { independentLegalPerson: true, registrations: IN_MENTOUGOU, residentSrdiCount: 6 };
    const [design, alt] = both({ asOf: '2024-12-31', institution: { id: 'I-READING', ...institution } }, 'g1AbsentFact');
    expect([design.applicability.outcome, measure(design, 'M13').outcome, measure(design, 'M13').missing]).toEqual(['undetermined', 'undetermined', ['institution.certified']]);
    expect([alt.applicability.outcome, measure(alt, 'M13').outcome, measure(alt, 'M13').missing]).toEqual(['ineligible', 'ineligible', []]);
  });
});

describe('g1DesignationWhen (R9): a designation ever obtained meets G1', () => {
  it('a title expired on 2024-06-14: M1 0.00 → 200,000.00 and M9 passes; M4, M6, M11 stay ineligible', () => {
    const request = enterprise('2024-12-31', {
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15', expiresOn: '2024-06-14' }],
      jingxiTalents: 1,
      expandsCapacityWithoutNewLand: true,
      smallOrMicro: true,
    });
    const [design, alt] = both(request, 'g1DesignationWhen');
    expect(design.applicability.outcome).toBe('ineligible');
    expect(money(design, 'M1')).toEqual(['0.00', '0.00']);
    expect(measure(design, 'M9').outcome).toBe('ineligible');
    // 'ever': G1 met; the 2022-06-15 title earned the 200,000 tier (R2) inside the window
    expect(alt.applicability.outcome).toBe('eligible');
    expect(money(alt, 'M1')).toEqual(['200000.00', '200000.00']);
    expect(measure(alt, 'M9').outcome).toBe('eligible');
    // the measures' own "held on asOf" tests do not change
    expect(['M4', 'M6', 'M11'].map((m) => measure(alt, m).outcome)).toEqual(['ineligible', 'ineligible', 'ineligible']);
  });
});

describe('expiresOnInclusive (R9): expiresOn is the first day not held', () => {
  it('a title expiring on asOf 2024-12-31: held (M1 200,000.00) → not held (M1 0.00, M11 ineligible)', () => {
    const request = enterprise('2024-12-31', { designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15', expiresOn: '2024-12-31' }] });
    const [design, alt] = both(request, 'expiresOnInclusive');
    expect(money(design, 'M1')).toEqual(['200000.00', '200000.00']);
    expect(measure(design, 'M11').outcome).toBe('eligible');
    expect(money(alt, 'M1')).toEqual(['0.00', '0.00']);
    expect(alt.applicability.outcome).toBe('ineligible');
    expect(measure(alt, 'M11').outcome).toBe('ineligible');
  });

  it('M7: a listing on the expiry day is no longer by a designated enterprise', () => {
    const request = enterprise('2024-12-31', {
      designations: [
        { level: 'municipal-sme', obtainedOn: '2022-06-15', expiresOn: '2024-11-20' },
        { level: 'municipal-little-giant', obtainedOn: '2024-12-01' },
      ],
      listing: { board: 'star', listedOn: '2024-11-20', municipalStandardReward: '1000000' },
    });
    const [design, alt] = both(request, 'expiresOnInclusive');
    expect(money(design, 'M7')).toEqual(['1000000.00', '1000000.00']);
    expect(money(alt, 'M7')).toEqual(['0.00', '0.00']);
    expect(measure(alt, 'M7').conditions.find((c) => c.id === 'm7.designated-on-listing-day')?.status).toBe('unmet');
  });
});

describe('m5NoLevel (R6): an introduced enterprise without a level is ineligible, not undetermined', () => {
  it('the only line has no highestLevel: M5 undetermined with its path → ineligible, no path; 0.00 either way', () => {
    const institution: InstitutionInput = {
      independentLegalPerson: true,
      certified: true,
      registrations: IN_MENTOUGOU,
      retentionCommitmentSignedOn: '2022-07-01',
      introducedEnterprises: [{ enterpriseId: 'X1', movedInOn: '2023-03-01' }],
    };
    const [design, alt] = both({ asOf: '2024-12-31', institution: { id: 'I-READING', ...institution } }, 'm5NoLevel');
    expect([measure(design, 'M5').outcome, measure(design, 'M5').missing, measure(design, 'M5').amount]).toEqual([
      'undetermined',
      ['institution.introducedEnterprises.0.highestLevel'],
      '0.00',
    ]);
    expect([measure(alt, 'M5').outcome, measure(alt, 'M5').missing, measure(alt, 'M5').amount]).toEqual(['ineligible', [], '0.00']);
  });
});

describe('m6NeedsSmallOrMicro (R8): the whole of M6 is for small and micro enterprises', () => {
  const designated: EnterpriseInput = { designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }] };

  it('designated, not small or micro: eligible (guidance fund) → ineligible', () => {
    const [design, alt] = both(enterprise('2024-12-31', { ...designated, smallOrMicro: false }), 'm6NeedsSmallOrMicro');
    expect(measure(design, 'M6').outcome).toBe('eligible');
    expect(measure(alt, 'M6').outcome).toBe('ineligible');
    expect(measure(alt, 'M6').conditions.find((c) => c.id === 'm6.small-or-micro')?.status).toBe('unmet');
  });

  it('smallOrMicro not given: eligible → undetermined, missing enterprise.smallOrMicro', () => {
    const [design, alt] = both(enterprise('2024-12-31', designated), 'm6NeedsSmallOrMicro');
    expect(measure(design, 'M6').outcome).toBe('eligible');
    expect([measure(alt, 'M6').outcome, measure(alt, 'M6').missing]).toEqual(['undetermined', ['enterprise.smallOrMicro']]);
  });
});

describe('r1AllEvents (R1 vs R10/R11): G3, G4 and the ledger count only inside the window', () => {
  const designated: EnterpriseInput = { designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }] };

  it('a finding dated 2021-05-01: M1 payable 0.00 → 200,000.00', () => {
    const [design, alt] = both(enterprise('2024-12-31', { ...designated, integrityFindings: [{ kind: 'irregular', on: '2021-05-01' }] }), 'r1AllEvents');
    expect(money(design, 'M1')).toEqual(['200000.00', '0.00']);
    expect(design.creditRecord.recorded).toBe(true);
    expect(money(alt, 'M1')).toEqual(['200000.00', '200000.00']);
    expect(alt.creditRecord.recorded).toBe(false);
  });

  it('case-by-case support from 2021-03-01: M1 payable 0.00 → 200,000.00', () => {
    const [design, alt] = both(enterprise('2024-12-31', { ...designated, caseByCaseSupport: [{ kind: 'one-enterprise-one-policy', from: '2021-03-01' }] }), 'r1AllEvents');
    expect(reasonCodes(design, 'M1')).toContain('case-by-case-support');
    expect(money(design, 'M1')[1]).toBe('0.00');
    expect(money(alt, 'M1')[1]).toBe('200000.00');
  });

  it('200,000 paid on 2021-12-31 no longer counts as already paid, and the clawback still sees it', () => {
    const request = enterprise('2024-12-31', { ...designated, disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2021-12-31' }] });
    const [design, alt] = both(request, 'r1AllEvents');
    // false: 200,000 − 200,000 paid = 0.00; true: the payment is before 2022-01-01 → 200,000.00
    expect(money(design, 'M1')).toEqual(['200000.00', '0.00']);
    expect(money(alt, 'M1')).toEqual(['200000.00', '200000.00']);
    expect(alt.clawback.items.map((i) => [i.paidOn, i.periodEnd])).toEqual([['2021-12-31', '2029-12-31']]);
  });
});

describe('foundingCountsAsMoveIn (R4): a founding in the district starts the rent subsidy', () => {
  it('founded 2022-03-01, designated 2024-05-01: years 2024 → 2023–2024, M3 36,600.00 → 73,100.00', () => {
    const request = enterprise('2024-12-31', {
      registrations: [
        { kind: 'business', region: 'mentougou', from: '2022-03-01' },
        { kind: 'tax', region: 'mentougou', from: '2022-03-01' },
      ],
      designations: [{ level: 'municipal-sme', obtainedOn: '2024-05-01' }],
      contributions: [
        { year: 2023, amount: '900000' },
        { year: 2024, amount: '900000' },
      ],
      leases: [lease('L1', 100, '2023-01-01', '2024-12-31')],
    });
    const [design, alt] = both(request, 'foundingCountsAsMoveIn');
    // false: T = 2024-05-01 → S = 2024: 100 × 366 = 36,600.00
    expect(measure(design, 'M3').lines.map((l) => l.id)).toEqual(['2024']);
    expect(money(design, 'M3')).toEqual(['36600.00', '36600.00']);
    // true: T = 2022-03-01 → S = max(2023, 2022) = 2023: 36,500 + 36,600 = 73,100.00
    expect(measure(alt, 'M3').lines.map((l) => l.id)).toEqual(['2023', '2024']);
    expect(money(alt, 'M3')).toEqual(['73100.00', '73100.00']);
    // M2 is not affected (a founding is not a move from outside Beijing)
    expect(measure(alt, 'M2').outcome).toBe(measure(design, 'M2').outcome);
  });

  it('true: a founding before the window, or outside the district, or no business timeline, triggers nothing', () => {
    const fields: EnterpriseInput = {
      designations: [{ level: 'municipal-sme', obtainedOn: '2024-05-01' }],
      contributions: [
        { year: 2023, amount: '900000' },
        { year: 2024, amount: '900000' },
      ],
      leases: [lease('L1', 100, '2023-01-01', '2024-12-31')],
    };
    const founded = (region: 'mentougou' | 'beijing-other', from: string) => [
      { kind: 'business' as const, region, from },
      { kind: 'business' as const, region: 'mentougou' as const, from: '2023-02-01' },
      { kind: 'tax' as const, region: 'mentougou' as const, from },
    ];
    // founded 2021-06-01 (before 2022-01-01) / in another district 2022-03-01, moved in 2023-02-01 undesignated / tax only
    for (const registrations of [founded('mentougou', '2021-06-01'), founded('beijing-other', '2022-03-01'), [{ kind: 'tax' as const, region: 'mentougou' as const, from: '2022-03-01' }]]) {
      const [design, alt] = both(enterprise('2024-12-31', { ...fields, registrations }), 'foundingCountsAsMoveIn');
      expect(measure(alt, 'M3').lines.map((l) => l.id)).toEqual(measure(design, 'M3').lines.map((l) => l.id));
      expect(measure(alt, 'M3').lines.map((l) => l.id)).toEqual(['2024']);
    }
  });
});

describe('roundPerLease (R4 vs R14): each lease rounded to the fen before the sum', () => {
  it('two 100-day leases of 4,686.205 and 4,686.195: 9,372.40 → 9,372.41', () => {
    // 2023-01-01..2023-04-10 = 31 + 28 + 31 + 10 = 100 days at rate 1
    const request = enterprise('2023-12-31', {
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      contributions: [{ year: 2023, amount: '900000' }],
      leases: [lease('A', '46.86205', '2023-01-01', '2023-04-10'), lease('B', '46.86195', '2023-01-01', '2023-04-10')],
    });
    const [design, alt] = both(request, 'roundPerLease');
    // false: 4,686.205 + 4,686.195 = 9,372.400 → 9,372.40
    expect(money(design, 'M3')).toEqual(['9372.40', '9372.40']);
    // true: 4,686.21 + 4,686.20 = 9,372.41 (each half up to the fen first)
    expect(money(alt, 'M3')).toEqual(['9372.41', '9372.41']);
  });
});

describe('g1InAmount (R9 + §3): the entitlement leaves the G1 conditions out', () => {
  it('not a legal person: M1 amount 0.00 → 200,000.00; outcome and payable unchanged', () => {
    const request = enterprise('2024-12-31', { independentLegalPerson: false, designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }] });
    const [design, alt] = both(request, 'g1InAmount');
    expect([measure(design, 'M1').outcome, ...money(design, 'M1')]).toEqual(['ineligible', '0.00', '0.00']);
    expect([measure(alt, 'M1').outcome, ...money(alt, 'M1')]).toEqual(['ineligible', '200000.00', '0.00']);
    expect(alt.totalPayable).toBe('0.00');
  });
});

describe('m2ReturnerQualifies (R3): a firm once in Mentougou that returns is not newly brought in', () => {
  it('founded in Mentougou 2010, left for outside Beijing 2015, back 2022-05-01: M2 100,000.00 → 0.00', () => {
    const request = enterprise('2024-12-31', {
      registrations: [
        { kind: 'business', region: 'mentougou', from: '2010-01-01' },
        { kind: 'business', region: 'outside-beijing', from: '2015-01-01' },
        { kind: 'business', region: 'mentougou', from: '2022-05-01' },
        { kind: 'tax', region: 'mentougou', from: '2022-05-01' },
      ],
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      physicalOperationInDistrict: true,
    });
    const [design, alt] = both(request, 'm2ReturnerQualifies');
    expect([measure(design, 'M2').outcome, ...money(design, 'M2')]).toEqual(['eligible', '100000.00', '100000.00']);
    expect([measure(alt, 'M2').outcome, ...money(alt, 'M2')]).toEqual(['ineligible', '0.00', '0.00']);
    expect(measure(alt, 'M2').conditions.find((c) => c.id === 'm2.from-outside-beijing')?.status).toBe('unmet');
  });
});

describe('clawbackScope (R13): a breach recovers every disbursement, ended periods included', () => {
  it('paid 2022-03-01 (period ended 2030-03-01) and 2024-03-01, tax out 2031-01-15: 36,500.00 → 236,500.00', () => {
    const request = enterprise('2031-06-30', {
      registrations: [...IN_MENTOUGOU, { kind: 'tax', region: 'outside-beijing', from: '2031-01-15' }],
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-01-10' }],
      disbursements: [
        { measure: 'M1', amount: '200000', paidOn: '2022-03-01' },
        { measure: 'M3', amount: '36500', paidOn: '2024-03-01', year: 2023 },
      ],
    });
    const [design, alt] = both(request, 'clawbackScope');
    // D = 2031-01-15 in both; only [2024-03-01, 2032-03-01] contains it
    expect(design.clawback).toMatchObject({ breached: true, breachedOn: '2031-01-15', amount: '36500.00', freeToLeaveAfter: '2032-03-01' });
    expect(design.clawback.items.map((i) => i.recovered)).toEqual([false, true]);
    // every disbursement paid on or before D: 200,000 + 36,500 = 236,500.00
    expect(alt.clawback).toMatchObject({ breached: true, breachedOn: '2031-01-15', amount: '236500.00', freeToLeaveAfter: '2032-03-01' });
    expect(alt.clawback.items.map((i) => i.recovered)).toEqual([true, true]);
  });
});

describe('m3OtherRentSubsidy (R5, M3 part): any other rent subsidy excludes M3', () => {
  it('a 2023 line of 36,500 and a park subsidy of 10,000 for 2023: 36,500.00 (forgo the park) → 0.00', () => {
    const request = enterprise('2023-12-31', {
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      contributions: [{ year: 2023, amount: '900000' }],
      leases: [lease('L1', 100, '2023-01-01', '2023-12-31')],
      otherBenefits: [{ program: 'zgc-park-rent', overlapsMeasure: 'M3', amount: '10000', year: 2023 }],
    });
    const [design, alt] = both(request, 'm3OtherRentSubsidy');
    // 'compare-per-year': 10,000 < 36,500 → ours pays, the park's must be forgone
    expect(money(design, 'M3')).toEqual(['36500.00', '36500.00']);
    expect(warningCodes(design)).toContain('forgo-other-benefit');
    // 'exclude': any M3 benefit above 0 → every M3 line 0.00, the reason once, no forgo warning; amount stays
    expect(money(alt, 'M3')).toEqual(['36500.00', '0.00']);
    expect(reasonCodes(alt, 'M3').filter((c) => c === 'overlap-other-more-favourable')).toHaveLength(1);
    expect(warningCodes(alt)).not.toContain('forgo-other-benefit');
  });

  it("'exclude': a benefit for another year excludes too; one of 0 does not", () => {
    const fields: EnterpriseInput = {
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      contributions: [{ year: 2023, amount: '900000' }],
      leases: [lease('L1', 100, '2023-01-01', '2023-12-31')],
    };
    const otherYear = both(enterprise('2023-12-31', { ...fields, otherBenefits: [{ program: 'zgc-park-rent', overlapsMeasure: 'M3', amount: '5000', year: 2021 }] }), 'm3OtherRentSubsidy');
    expect([money(otherYear[0], 'M3')[1], money(otherYear[1], 'M3')[1]]).toEqual(['36500.00', '0.00']);
    const zero = both(enterprise('2023-12-31', { ...fields, otherBenefits: [{ program: 'zgc-park-rent', overlapsMeasure: 'M3', amount: '0', year: 2023 }] }), 'm3OtherRentSubsidy');
    expect(money(zero[1], 'M3')[1]).toBe('36500.00');
  });

  it("'exclude': with no eligible M3 line there is nothing to exclude and no reason", () => {
    // contribution 700,000 < 800,000: the 2023 line is ineligible either way
    const request = enterprise('2023-12-31', {
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      contributions: [{ year: 2023, amount: '700000' }],
      leases: [lease('L1', 100, '2023-01-01', '2023-12-31')],
      otherBenefits: [{ program: 'zgc-park-rent', overlapsMeasure: 'M3', amount: '10000', year: 2023 }],
    });
    const [design, alt] = both(request, 'm3OtherRentSubsidy');
    expect([money(design, 'M3'), money(alt, 'M3')]).toEqual([
      ['0.00', '0.00'],
      ['0.00', '0.00'],
    ]);
    expect(reasonCodes(alt, 'M3')).not.toContain('overlap-other-more-favourable');
  });
});

describe('m1DistrictAtDesignation (R2 with R9): the title must be obtained while registered in the district', () => {
  it('designated 2022-06-15 while registered outside Beijing, moved in 2023-06-01: M1 200,000 + M2 100,000 → 0.00 + 0.00', () => {
    const request = enterprise('2024-12-31', {
      registrations: [
        { kind: 'business', region: 'outside-beijing', from: '2015-01-01' },
        { kind: 'tax', region: 'outside-beijing', from: '2015-01-01' },
        { kind: 'business', region: 'mentougou', from: '2023-06-01' },
        { kind: 'tax', region: 'mentougou', from: '2023-06-01' },
      ],
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      physicalOperationInDistrict: true,
    });
    const [design, alt] = both(request, 'm1DistrictAtDesignation');
    expect([money(design, 'M1'), money(design, 'M2')]).toEqual([
      ['200000.00', '200000.00'],
      ['100000.00', '100000.00'],
    ]);
    // the step is unmet → M1 ineligible; M2's "has an M1 entitlement" is unmet with it (through the shared steps)
    expect([measure(alt, 'M1').outcome, ...money(alt, 'M1')]).toEqual(['ineligible', '0.00', '0.00']);
    expect(measure(alt, 'M1').lines[0]!.conditions.find((c) => c.id === 'm1.registered-in-district-on-designation')?.status).toBe('unmet');
    expect([measure(alt, 'M2').outcome, ...money(alt, 'M2')]).toEqual(['ineligible', '0.00', '0.00']);
    expect(measure(alt, 'M2').conditions.find((c) => c.id === 'm2.has-m1-entitlement')?.status).toBe('unmet');
  });

  it('an unmet step stays out of the 晋级补差 ladder: the later little giant tops up over 0, not over 200,000', () => {
    const request = enterprise('2024-12-31', {
      registrations: [
        { kind: 'business', region: 'beijing-other', from: '2015-01-01' },
        { kind: 'business', region: 'mentougou', from: '2023-06-01' },
        { kind: 'tax', region: 'mentougou', from: '2023-06-01' },
      ],
      designations: [
        { level: 'municipal-sme', obtainedOn: '2022-06-15' },
        { level: 'municipal-little-giant', obtainedOn: '2024-03-01' },
      ],
      disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2023-09-01' }],
    });
    const [design, alt] = both(request, 'm1DistrictAtDesignation');
    // false: steps 200,000 then 500,000 − 200,000 = 300,000; 500,000 − 200,000 paid = 300,000.00
    expect(measure(design, 'M1').lines.map((l) => [l.outcome, l.amount])).toEqual([
      ['eligible', '200000.00'],
      ['eligible', '300000.00'],
    ]);
    expect(money(design, 'M1')).toEqual(['500000.00', '300000.00']);
    // true: the SME step (beijing-other) earns nothing; the giant's difference is 500,000 − 0; the
    // 200,000 paid is set against the eligible line: 500,000 − 200,000 = 300,000.00
    expect(measure(alt, 'M1').lines.map((l) => [l.outcome, l.amount])).toEqual([
      ['ineligible', '200000.00'],
      ['eligible', '500000.00'],
    ]);
    expect(money(alt, 'M1')).toEqual(['500000.00', '300000.00']);
  });

  it('no business entry on the designation day: the step is unknown (missing enterprise.registrations)', () => {
    const request = enterprise('2024-12-31', {
      registrations: [
        { kind: 'business', region: 'mentougou', from: '2023-01-01' },
        { kind: 'tax', region: 'mentougou', from: '2023-01-01' },
      ],
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
    });
    const [design, alt] = both(request, 'm1DistrictAtDesignation');
    expect([measure(design, 'M1').outcome, measure(design, 'M1').amount]).toEqual(['eligible', '200000.00']);
    expect([measure(alt, 'M1').outcome, measure(alt, 'M1').amount, measure(alt, 'M1').missing]).toEqual(['undetermined', '0.00', ['enterprise.registrations']]);
    expect(measure(alt, 'M2').conditions.find((c) => c.id === 'm2.has-m1-entitlement')?.status).toBe('unknown');
  });
});

describe('commitmentImpliedByDisbursement (R12 vs R13): a past disbursement stands for the commitment', () => {
  it('no commitment signed, 200,000 paid: M1 payable 0.00 (commitment-required) → 600,000.00', () => {
    const request = enterprise('2024-12-31', {
      retentionCommitmentSignedOn: undefined,
      designations: [
        { level: 'municipal-sme', obtainedOn: '2022-06-15' },
        { level: 'national-little-giant', obtainedOn: '2024-03-01' },
      ],
      disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2023-01-10' }],
    });
    const [design, alt] = both(request, 'commitmentImpliedByDisbursement');
    expect(money(design, 'M1')).toEqual(['800000.00', '0.00']);
    expect(reasonCodes(design, 'M1')).toContain('commitment-required');
    // 800,000 − 200,000 paid = 600,000.00
    expect(money(alt, 'M1')).toEqual(['800000.00', '600000.00']);
    expect(reasonCodes(alt, 'M1')).not.toContain('commitment-required');
  });

  it('with no disbursement at all, nothing is implied: still 0.00', () => {
    const request = enterprise('2024-12-31', { retentionCommitmentSignedOn: undefined, designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }] });
    const [, alt] = both(request, 'commitmentImpliedByDisbursement');
    expect(money(alt, 'M1')).toEqual(['200000.00', '0.00']);
  });
});

describe('every reading keeps the bounds of DESIGN §7 on examples/cohort.jsonl', () => {
  it('amount ≤ amountUpTo, payable ≤ payableUpTo and totalPayable ≤ totalPayableUpTo under each alternative', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const requests = readFileSync(join(root, 'examples', 'cohort.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as unknown);
    const atMost = (a: string | null, b: string | null): boolean => b === null || new Money(a ?? '0').lessThanOrEqualTo(b);
    const broken: string[] = [];
    for (const name of READING_NAMES) {
      const edition = switched(name);
      for (const request of requests) {
        const r = assessUnknown(request, { edition });
        for (const m of r.measures.filter((x) => x.kind === 'money')) {
          if (!atMost(m.amount, m.amountUpTo) || !atMost(m.payable, m.payableUpTo)) broken.push(`${name} ${r.subject.id} ${m.measure}`);
        }
        if (!atMost(r.totalPayable, r.totalPayableUpTo)) broken.push(`${name} ${r.subject.id} total`);
      }
    }
    expect(broken).toEqual([]);
  });
});
