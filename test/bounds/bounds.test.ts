/**
 * Bounds and questions (DESIGN §7), worked out by hand, one provision or measure at a time: an M3 year
 * whose contribution is unknown (with the ledger and G2 on it), a G1 fact unknown, the G3/G4/G5
 * blockers (R12's absent commitment is no missing fact), M2's physical operation, M7's unknown municipal
 * standard (no bound), M5's unknown level, and the registrations: a move that earns M2, a move that
 * would breach a running retention period (R13), and an earlier M3 trigger that adds a support year the
 * result does not list yet.
 */
import { describe, expect, it } from 'vitest';
import { assessUnknown as assess } from '../../src/assess.js';
import type { AssessmentResult, MeasureResultOutput } from '../../src/model/result.js';
import { changesFromAssignments, deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { goldenVector } from '../helpers/golden.js';

type Json = Record<string, unknown>;

const mentougouSince = (from: string) => [
  { kind: 'business', region: 'mentougou', from },
  { kind: 'tax', region: 'mentougou', from },
];

/**
 * A municipal SRDI SME since 2023-03-01, in Mentougou since 2015, assessed on 2024-12-31; every service
 * fact given, so that only what a test leaves out is asked.
 * - M1: first municipal SME inside the window → 200,000.00.
 * - M3: trigger 2023-03-01 → S = 2023; years 2023, 2024. L1 500 m² at 0.8 yuan/day:
 *   2023 = 500 × 365 × 0.8 = 146,000.00; 2024 = 500 × 366 × 0.8 = 146,400.00 (leap year).
 */
function enterprise(changes: Json = {}): Json {
  return {
    asOf: '2024-12-31',
    enterprise: {
      id: 'B01',
      independentLegalPerson: true,
      registrations: mentougouSince('2015-04-01'),
      designations: [{ level: 'municipal-sme', obtainedOn: '2023-03-01' }],
      physicalOperationInDistrict: true,
      contributions: [
        { year: 2023, amount: '900000' },
        { year: 2024, amount: '900000' },
      ],
      leases: [{ id: 'L1', areaSqm: 500, start: '2023-01-01', end: '2025-12-31', dailyRentPerSqm: '0.8', selfUse: true, inDistrict: true }],
      retentionCommitmentSignedOn: '2023-03-10',
      smallOrMicro: true,
      expandsCapacityWithoutNewLand: false,
      jingxiTalents: 0,
      ...changes,
    },
  };
}

const measure = (r: AssessmentResult, id: string): MeasureResultOutput => {
  const m = r.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`no ${id}`);
  return m;
};
const bounds = (m: MeasureResultOutput) => ({ amount: m.amount, payable: m.payable, amountUpTo: m.amountUpTo, payableUpTo: m.payableUpTo });
const lineBounds = (m: MeasureResultOutput) => m.lines.map((l) => ({ id: l.id, outcome: l.outcome, payable: l.payable, amountUpTo: l.amountUpTo, payableUpTo: l.payableUpTo }));
const asked = (r: AssessmentResult) => r.questions.map((q) => [q.path, q.atStake]);

describe('nothing open: the bounds are the values', () => {
  it('the base enterprise: M1 200,000 + M3 146,000 + 146,400 = 492,400.00, and no question', () => {
    const r = assess(enterprise());
    expect([r.totalPayable, r.totalPayableUpTo]).toEqual(['492400.00', '492400.00']);
    expect(bounds(measure(r, 'M3'))).toEqual({ amount: '292400.00', payable: '292400.00', amountUpTo: '292400.00', payableUpTo: '292400.00' });
    // ineligible measures and lines: "0.00" (M2: no move from outside Beijing, M7: not listed)
    expect(bounds(measure(r, 'M2'))).toEqual({ amount: '0.00', payable: '0.00', amountUpTo: '0.00', payableUpTo: '0.00' });
    expect(bounds(measure(r, 'M7'))).toEqual({ amount: '0.00', payable: '0.00', amountUpTo: '0.00', payableUpTo: '0.00' });
    expect(r.questions).toEqual([]);
  });

  it('service measures have no bounds (null), their lines neither', () => {
    const r = assess(enterprise());
    for (const m of r.measures.filter((x) => x.kind === 'service')) {
      expect([m.amountUpTo, m.payableUpTo]).toEqual([null, null]);
      for (const l of m.lines) expect([l.amountUpTo, l.payableUpTo]).toEqual([null, null]);
    }
  });
});

describe('M3 (R4): a support year whose contribution is unknown', () => {
  const without2024 = { contributions: [{ year: 2023, amount: '900000' }] };

  it('the 2024 line is undetermined and bounded by its year amount; M3 is eligible with amount 146,000 up to 292,400', () => {
    const r = assess(enterprise(without2024));
    const m3 = measure(r, 'M3');
    expect(m3.outcome).toBe('eligible');
    expect(bounds(m3)).toEqual({ amount: '146000.00', payable: '146000.00', amountUpTo: '292400.00', payableUpTo: '292400.00' });
    expect(lineBounds(m3)).toEqual([
      { id: '2023', outcome: 'eligible', payable: '146000.00', amountUpTo: '146000.00', payableUpTo: '146000.00' },
      { id: '2024', outcome: 'undetermined', payable: '0.00', amountUpTo: '146400.00', payableUpTo: '146400.00' },
    ]);
    // 200,000 + 146,000 = 346,000 now; at most 346,000 + 146,400 = 492,400
    expect([r.totalPayable, r.totalPayableUpTo]).toEqual(['346000.00', '492400.00']);
  });

  it('one question: the contribution, for 2024, held by 区财政局, at stake 146,400 (the 2024 line’s gap)', () => {
    const r = assess(enterprise(without2024));
    expect(r.questions).toEqual([
      {
        path: 'enterprise.contributions',
        measures: ['M3'],
        atStake: '146400.00',
        holder: { zh: '区财政局', en: 'District Finance Bureau' },
        zh: '企业各年度的区级综合贡献是多少元？（需 2024 年度）',
        en: "What was the enterprise's district comprehensive contribution in each year, in yuan? (needed for 2024)",
      },
    ]);
  });

  it('the ledger: 46,400 paid for 2024 leaves the 2024 line payable up to 146,400 − 46,400 = 100,000 (amount still up to 146,400)', () => {
    const r = assess(enterprise({ ...without2024, disbursements: [{ measure: 'M3', amount: '46400', paidOn: '2024-06-01', year: 2024 }] }));
    expect(lineBounds(measure(r, 'M3'))[1]).toEqual({ id: '2024', outcome: 'undetermined', payable: '0.00', amountUpTo: '146400.00', payableUpTo: '100000.00' });
    expect(asked(r)).toEqual([['enterprise.contributions', '100000.00']]);
  });

  it('G2 (R5): the park’s 2024 rent subsidy of 146,400 matches the line, so it would pay 0 (amount up to 146,400); one of 146,399.99 would not', () => {
    const park = (amount: string) => ({ ...without2024, otherBenefits: [{ program: 'zgc-mentougou-park-rent', overlapsMeasure: 'M3', amount, year: 2024 }] });
    const beaten = lineBounds(measure(assess(enterprise(park('146400'))), 'M3'))[1];
    expect([beaten?.amountUpTo, beaten?.payableUpTo]).toEqual(['146400.00', '0.00']);
    const notBeaten = lineBounds(measure(assess(enterprise(park('146399.99'))), 'M3'))[1];
    expect([notBeaten?.amountUpTo, notBeaten?.payableUpTo]).toEqual(['146400.00', '146400.00']);
  });
});

describe('G1 (R9): an unknown applicability fact', () => {
  const noLegalPerson = (e: Json): Json => {
    const copy = structuredClone(e) as { enterprise: Json };
    delete copy.enterprise.independentLegalPerson;
    return copy;
  };

  it('every line is undetermined and pays 0 now; each is bounded by what it would pay: total 0.00 up to 492,400.00', () => {
    const r = assess(noLegalPerson(enterprise()));
    expect(bounds(measure(r, 'M1'))).toEqual({ amount: '0.00', payable: '0.00', amountUpTo: '200000.00', payableUpTo: '200000.00' });
    expect(bounds(measure(r, 'M3'))).toEqual({ amount: '0.00', payable: '0.00', amountUpTo: '292400.00', payableUpTo: '292400.00' });
    expect([r.totalPayable, r.totalPayableUpTo]).toEqual(['0.00', '492400.00']);
  });

  it('the question names every measure G1 decides (services too) and has the whole gap at stake', () => {
    const q = assess(noLegalPerson(enterprise())).questions;
    expect(q.map((x) => x.path)).toEqual(['enterprise.independentLegalPerson']);
    // M2, M7 (no move, no listing), M4 (no capacity expansion), M8 (not listed), M9 (no talent) and M10
    // (not a national little giant) are ineligible whatever G1 says; M12 has G1 too (without the designation).
    expect(q[0]?.measures).toEqual(['M1', 'M3', 'M6', 'M11', 'M12']);
    expect(q[0]?.atStake).toBe('492400.00');
    expect(q[0]?.holder).toEqual({ zh: '区市场监管局', en: 'District Administration for Market Regulation' });
  });

  it('with the 2024 contribution unknown as well: the legal person bears both lines (146,000 + 146,400 + 200,000), the contribution only 2024', () => {
    const r = assess(noLegalPerson(enterprise({ contributions: [{ year: 2023, amount: '900000' }] })));
    expect(asked(r)).toEqual([
      ['enterprise.independentLegalPerson', '492400.00'],
      ['enterprise.contributions', '146400.00'],
    ]);
  });
});

describe('G3, G4, G5: what blocks all money bounds the payable at 0, not the entitlement', () => {
  const open = { contributions: [{ year: 2023, amount: '900000' }] };

  it('G3 (R10): case-by-case support since 2024-01-01 → every payableUpTo 0.00; M3 amountUpTo stays 292,400', () => {
    const r = assess(enterprise({ ...open, caseByCaseSupport: [{ kind: 'one-enterprise-one-policy', from: '2024-01-01' }] }));
    expect(bounds(measure(r, 'M3'))).toEqual({ amount: '146000.00', payable: '0.00', amountUpTo: '292400.00', payableUpTo: '0.00' });
    expect([r.totalPayable, r.totalPayableUpTo]).toEqual(['0.00', '0.00']);
    // still a money fact: it is asked, with nothing at stake
    expect(asked(r)).toEqual([['enterprise.contributions', '0.00']]);
  });

  it('G4 (R11): an integrity finding → payableUpTo 0.00', () => {
    const r = assess(enterprise({ ...open, integrityFindings: [{ kind: 'irregular', on: '2024-02-01' }] }));
    expect([measure(r, 'M3').payableUpTo, r.totalPayableUpTo]).toEqual(['0.00', '0.00']);
  });

  it('R12: no commitment is not a missing fact (it is not in `missing`), so it bounds the payable at 0.00', () => {
    const e = enterprise(open) as { enterprise: Json };
    delete e.enterprise.retentionCommitmentSignedOn;
    const r = assess(e);
    expect(measure(r, 'M3').missing).toEqual(['enterprise.contributions']);
    expect([measure(r, 'M3').amountUpTo, measure(r, 'M3').payableUpTo, r.totalPayableUpTo]).toEqual(['292400.00', '0.00', '0.00']);
  });

  it('R13: a breached commitment (tax registration out since 2024-05-01, M1 paid 2023-06-01) → payableUpTo 0.00', () => {
    const r = assess(
      enterprise({
        ...open,
        registrations: [...mentougouSince('2015-04-01'), { kind: 'tax', region: 'beijing-other', from: '2024-05-01' }],
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2023-06-01' }],
      }),
    );
    expect(r.clawback.breached).toBe(true);
    expect([measure(r, 'M3').payableUpTo, r.totalPayableUpTo]).toEqual(['0.00', '0.00']);
  });
});

describe('M2 (R3): physical operation unknown', () => {
  // Moved in from outside Beijing on 2023-01-02 (a relocation inside the window), so M2 waits only on physical operation.
  const movedIn = {
    registrations: [
      { kind: 'business', region: 'outside-beijing', from: '2015-04-01' },
      { kind: 'tax', region: 'outside-beijing', from: '2015-04-01' },
      { kind: 'business', region: 'mentougou', from: '2023-01-02' },
      { kind: 'tax', region: 'mentougou', from: '2023-01-02' },
    ],
    physicalOperationInDistrict: undefined,
  };
  const withoutPhysical = (changes: Json = {}): Json => JSON.parse(JSON.stringify(enterprise({ ...movedIn, ...changes }))) as Json;

  it('100,000 up to 100,000, asked of the enterprise (checked by 区科信局)', () => {
    const r = assess(withoutPhysical());
    expect(bounds(measure(r, 'M2'))).toEqual({ amount: '0.00', payable: '0.00', amountUpTo: '100000.00', payableUpTo: '100000.00' });
    expect(r.questions[0]).toMatchObject({ path: 'enterprise.physicalOperationInDistrict', measures: ['M2'], atStake: '100000.00', holder: { zh: '企业自报（区科信局核实）' } });
  });

  it('the ledger: 30,000 of M2 already paid → payable up to 70,000', () => {
    const r = assess(withoutPhysical({ disbursements: [{ measure: 'M2', amount: '30000', paidOn: '2023-06-01' }] }));
    expect(measure(r, 'M2').payableUpTo).toBe('70000.00');
  });

  it('G2 (R5): another programme’s 100,000 for the same move → payable up to 0.00, the entitlement still up to 100,000', () => {
    const r = assess(withoutPhysical({ otherBenefits: [{ program: 'municipal-move-in', overlapsMeasure: 'M2', amount: '100000' }] }));
    expect([measure(r, 'M2').amountUpTo, measure(r, 'M2').payableUpTo]).toEqual(['100000.00', '0.00']);
  });
});

describe('M7 (R7): the municipal standard unknown has no bound', () => {
  const listed = { listing: { board: 'star', listedOn: '2024-06-03' } };

  it('amountUpTo and payableUpTo are null, and so is the total; the question comes first with atStake null', () => {
    const r = assess(enterprise({ ...listed, fundraisingProjectInDistrict: true }));
    expect(bounds(measure(r, 'M7'))).toEqual({ amount: '0.00', payable: '0.00', amountUpTo: null, payableUpTo: null });
    expect(lineBounds(measure(r, 'M7'))).toEqual([{ id: 'star@2024-06-03', outcome: 'undetermined', payable: '0.00', amountUpTo: null, payableUpTo: null }]);
    expect([r.totalPayable, r.totalPayableUpTo]).toEqual(['492400.00', null]);
    expect(asked(r)).toEqual([['enterprise.listing.municipalStandardReward', null]]);
  });

  it('blocked by G3, the payable is bounded (0.00) though the entitlement is not', () => {
    const r = assess(enterprise({ ...listed, fundraisingProjectInDistrict: true, caseByCaseSupport: [{ kind: 'one-matter-one-discussion', from: '2024-01-01' }] }));
    expect([measure(r, 'M7').amountUpTo, measure(r, 'M7').payableUpTo, r.totalPayableUpTo]).toEqual([null, '0.00', '0.00']);
    expect(asked(r)).toEqual([['enterprise.listing.municipalStandardReward', '0.00']]);
  });

  it('order: unbounded first (ties by path), then atStake descending, then service-only facts in measure order', () => {
    const e = enterprise({ ...listed, contributions: [{ year: 2023, amount: '900000' }] }) as { enterprise: Json };
    delete e.enterprise.independentLegalPerson;
    delete e.enterprise.smallOrMicro;
    delete e.enterprise.jingxiTalents;
    const r = assess(e);
    // independentLegalPerson and the standard are both unbounded (the M7 line is open on both);
    // then the contribution (146,400); the fundraising project (M8), small or micro (M6) and the talents
    // (M9) decide only services, in the order M6, M8, M9 — not by path.
    expect(asked(r)).toEqual([
      ['enterprise.independentLegalPerson', null],
      ['enterprise.listing.municipalStandardReward', null],
      ['enterprise.contributions', '146400.00'],
      ['enterprise.smallOrMicro', '0.00'],
      ['enterprise.fundraisingProjectInDistrict', '0.00'],
      ['enterprise.jingxiTalents', '0.00'],
    ]);
  });
});

describe('M5 (R6): an introduced enterprise without its level (golden 06)', () => {
  it('E14 is bounded by the national little giant tier, 100,000: M5 100,000 payable up to 200,000; entitlement 120,000 up to 220,000', () => {
    // E11 100,000 − 20,000 paid = 80,000; E12 20,000; E13 moved in before the window; E14 unknown → up to 100,000
    const r = assess(goldenVector('06-institution').request);
    const m5 = measure(r, 'M5');
    expect(bounds(m5)).toEqual({ amount: '120000.00', payable: '100000.00', amountUpTo: '220000.00', payableUpTo: '200000.00' });
    expect(lineBounds(m5).map((l) => [l.id, l.amountUpTo, l.payableUpTo])).toEqual([
      ['E11', '100000.00', '80000.00'],
      ['E12', '20000.00', '20000.00'],
      ['E13', '0.00', '0.00'],
      ['E14', '100000.00', '100000.00'],
    ]);
    expect(r.questions).toEqual([
      {
        path: 'institution.introducedEnterprises.3.highestLevel',
        measures: ['M5'],
        atStake: '100000.00',
        holder: { zh: '市经济和信息化局（公布的名单）', en: 'Beijing Municipal Bureau of Economy and Information Technology (published lists)' },
        zh: '引进企业 E14：这家引进企业目前持有的最高“专精特新”称号是哪一级（或没有称号）？',
        en: 'Introduced enterprise E14: Which is the highest SRDI designation this introduced enterprise holds now (or none)?',
      },
    ]);
  });

  it('an edition that pays the Beijing little giant most (150,000 > the national 120,000): E14 is bounded by that tier, not by the highest level', () => {
    const edition = deriveEdition(mentougou2022Draft, changesFromAssignments(['m5.tiers.municipal-little-giant=150000', 'm5.tiers.national-little-giant=120000']), { id: 'm5-inverted' });
    const r = assess(goldenVector('06-institution').request, { edition });
    expect(lineBounds(measure(r, 'M5'))[3]).toMatchObject({ id: 'E14', amountUpTo: '150000.00', payableUpTo: '150000.00' });
  });

  it('E14 already paid 100,000 → its payable is bounded at 0.00 (tier − paid, never below 0)', () => {
    const v = goldenVector('06-institution').request as { institution: { disbursements: Json[] } };
    v.institution.disbursements.push({ measure: 'M5', amount: '100000', paidOn: '2024-06-01', enterpriseId: 'E14' });
    const r = assess(v);
    expect(lineBounds(measure(r, 'M5'))[3]).toMatchObject({ id: 'E14', amountUpTo: '100000.00', payableUpTo: '0.00' });
    expect(r.questions[0]?.atStake).toBe('0.00');
  });
});

describe('the registrations unknown: completions by timeline', () => {
  /** No registrations at all; a municipal SME since 2022-05-01 (M1 200,000), physically in the district. */
  const unregistered = (changes: Json = {}): Json => {
    const e = enterprise({ designations: [{ level: 'municipal-sme', obtainedOn: '2022-05-01' }], leases: [], ...changes }) as { enterprise: Json };
    if (!('registrations' in changes)) delete e.enterprise.registrations;
    return e;
  };

  it('M1 up to 200,000 (in Mentougou on asOf), M2 up to 100,000 (a move in from outside Beijing in the window): 300,000 at stake', () => {
    const r = assess(unregistered());
    expect(bounds(measure(r, 'M1'))).toEqual({ amount: '0.00', payable: '0.00', amountUpTo: '200000.00', payableUpTo: '200000.00' });
    expect(bounds(measure(r, 'M2'))).toEqual({ amount: '0.00', payable: '0.00', amountUpTo: '100000.00', payableUpTo: '100000.00' });
    expect([r.totalPayable, r.totalPayableUpTo]).toEqual(['0.00', '300000.00']);
    expect(asked(r)[0]).toEqual(['enterprise.registrations', '300000.00']);
    expect(r.questions[0]?.holder.zh).toBe('区市场监管局（工商注册）、区税务局（税务登记）');
  });

  it('R13: M1 paid on 2022-08-01 — a move on or before that day breaches nothing, so M2 is still up to 100,000', () => {
    const r = assess(unregistered({ disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-08-01' }] }));
    expect([measure(r, 'M1').payableUpTo, measure(r, 'M2').payableUpTo]).toEqual(['0.00', '100000.00']);
  });

  it('R13: a payment on 2021-06-01 keeps a period running to 2029-06-01 — every move in from outside Beijing in the window breaches it, so M2 pays 0 at most (its entitlement still up to 100,000)', () => {
    const r = assess(unregistered({ disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2021-06-01' }] }));
    expect([measure(r, 'M2').amountUpTo, measure(r, 'M2').payableUpTo]).toEqual(['100000.00', '0.00']);
    // M1: 200,000 − 200,000 already paid = 0 at most
    expect(measure(r, 'M1').payableUpTo).toBe('0.00');
  });

  /**
   * Designated since 2021-03-01 (before the window, held on), renewed 2024-03-01; assessed 2025-12-31.
   * With the business timeline given as "in Mentougou since before", M3's trigger is the renewal
   * (R4: renewals count): S = 2024, years 2024, 2025. A move in while designated on 2022-01-01 would be
   * an earlier trigger: S = 2023, years 2023–2025. L1 500 m² at 0.8: 2023 146,000; 2024 146,400; 2025 146,000.
   */
  const renewed = (changes: Json = {}): Json =>
    unregistered({
      designations: [
        { level: 'municipal-sme', obtainedOn: '2021-03-01' },
        { level: 'municipal-sme', obtainedOn: '2024-03-01', renewal: true },
      ],
      contributions: [2023, 2024, 2025].map((year) => ({ year, amount: '900000' })),
      leases: [{ id: 'L1', areaSqm: 500, start: '2023-01-01', end: '2025-12-31', dailyRentPerSqm: '0.8', selfUse: true, inDistrict: true }],
      ...changes,
    });

  it('M3 (R4): a move in while designated could come before the renewal, so the trigger waits on the registrations and M3 lists no year; M3 up to 146,000 + 146,400 + 146,000 = 438,400 (a move on 2022-01-01: 2023–2025)', () => {
    const r = assess({ ...renewed(), asOf: '2025-12-31' });
    const m3 = measure(r, 'M3');
    expect([m3.outcome, m3.lines.length, m3.missing]).toEqual(['undetermined', 0, ['enterprise.registrations']]);
    expect([m3.amountUpTo, m3.payableUpTo]).toEqual(['438400.00', '438400.00']);
    // at stake: what the years not listed could bring (438,400 − 0)
    expect(asked(r)).toEqual([['enterprise.registrations', '438400.00']]);
  });

  it('M3 (R4): designated only from 2025-03-01 (nothing held before), the renewal is the first trigger whatever the timeline: 2025 is listed and bounded by its year amount, 146,000', () => {
    const r = assess({ ...renewed({ designations: [{ level: 'municipal-sme', obtainedOn: '2025-03-01' }] }), asOf: '2025-12-31' });
    const m3 = measure(r, 'M3');
    expect(lineBounds(m3).map((l) => [l.id, l.outcome, l.payableUpTo])).toEqual([['2025', 'undetermined', '146000.00']]);
    expect(m3.payableUpTo).toBe('146000.00');
  });

  it('M3 (R4): with no trigger inside the window but a designation held in it, the measure has no lines yet; a move in on 2022-01-01 gives 2023–2025: 438,400', () => {
    const r = assess({ ...renewed({ designations: [{ level: 'municipal-sme', obtainedOn: '2021-03-01' }] }), asOf: '2025-12-31' });
    const m3 = measure(r, 'M3');
    expect([m3.outcome, m3.lines.length, m3.amountUpTo, m3.payableUpTo]).toEqual(['undetermined', 0, '438400.00', '438400.00']);
    expect(asked(r)).toEqual([['enterprise.registrations', '438400.00']]);
  });

  it('R13 + R4: the earliest move that breaches no running period is two days after the period ends (a payment of 2015-06-01 runs to 2023-06-01): a move on 2023-06-03 gives S = 2023', () => {
    // the renewal of 2025-03-01 is the only trigger given; a move in on 2023-06-03
    // while designated gives 2023–2025 = 146,000 + 146,400 + 146,000 = 438,400; on 2023-01-01 it would
    // breach (its day before, 2022-12-31, lies in the period), and 2024-01-01 would give only 292,400.
    const r = assess({
      ...renewed({
        designations: [
          { level: 'municipal-sme', obtainedOn: '2021-03-01' },
          { level: 'municipal-sme', obtainedOn: '2025-03-01', renewal: true },
        ],
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2015-06-01' }],
      }),
      asOf: '2025-12-31',
    });
    const m3 = measure(r, 'M3');
    expect(m3.lines).toEqual([]);
    expect([m3.payableUpTo, r.clawback.freeToLeaveAfter]).toEqual(['438400.00', '2023-06-01']);
  });

  it('R13 + R3: a payment on 2022-03-01 bars every move from 2022-03-02 on (its period runs to 2030); M2 needs no designation on the move day, so a move on 2022-01-01 still earns it: up to 100,000', () => {
    // designated only from 2023-05-01, so no designated day is free of the period: M3's candidates all breach
    const r = assess(unregistered({ designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }], disbursements: [{ measure: 'M7', amount: '1', paidOn: '2022-03-01' }] }));
    expect([measure(r, 'M2').amountUpTo, measure(r, 'M2').payableUpTo]).toEqual(['100000.00', '100000.00']);
  });

  it('a given tax timeline is kept: tax out of the district since 2023-05-01 with M1 paid 2022-08-01 breaches whatever the business timeline (everything up to 0.00)', () => {
    const r = assess(
      unregistered({
        registrations: [
          { kind: 'tax', region: 'mentougou', from: '2015-04-01' },
          { kind: 'tax', region: 'beijing-other', from: '2023-05-01' },
        ],
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-08-01' }],
      }),
    );
    expect(r.clawback.breached).toBe(true);
    expect(r.totalPayableUpTo).toBe('0.00');
  });
});
