/**
 * 免申即享 matching (DESIGN §7), on a cohort worked out by hand:
 *   #0 golden 02 (E02): 1,500,000 payable, nothing more open → pay
 *      (M1 800,000 + M2 100,000 + M3 2023 300,000 + 2025 300,000)
 *   #1 golden 06 (I01): M5 100,000 payable (E11 100,000 − 20,000 paid; E12 20,000), E14's level unknown → up to 200,000 → pay-and-ask
 *   #2 Q01: no independentLegalPerson (G1 unknown): M1 200,000 at most → ask
 *   #3 Q02: M1 200,000 payable; listed on the STAR Market without the municipal standard (R7): no bound → pay-and-ask
 *   #4 golden 04 (E04): supported case by case (G3): entitled to 800,000, nothing payable, nothing open → none
 *   #5 golden 08: invalid
 */
import { describe, expect, it } from 'vitest';
import { match, matchBuilder, matchStatus } from '../../src/analysis/match.js';
import { goldenVector } from '../helpers/golden.js';

const mentougou = [
  { kind: 'business', region: 'mentougou', from: '2015-01-01' },
  { kind: 'tax', region: 'mentougou', from: '2015-01-01' },
];
/** A municipal SME of 2023-03-01 in Mentougou since 2015, every service fact given. */
const plain = (id: string, changes: Record<string, unknown>) => ({
  asOf: '2024-12-31',
  enterprise: {
    id,
    name: `${id} 有限公司`,
    independentLegalPerson: true,
    registrations: mentougou,
    designations: [{ level: 'municipal-sme', obtainedOn: '2023-03-01' }],
    retentionCommitmentSignedOn: '2023-03-10',
    smallOrMicro: true,
    expandsCapacityWithoutNewLand: false,
    jingxiTalents: 0,
    ...changes,
  },
});

const cohort = () => [
  goldenVector('02-newcomer-with-rent').request,
  goldenVector('06-institution').request,
  plain('Q01', { independentLegalPerson: undefined }),
  plain('Q02', { listing: { board: 'star', listedOn: '2024-06-03' }, fundraisingProjectInDistrict: true }),
  goldenVector('04-case-by-case').request,
  goldenVector('08-bad-input').request,
];
// JSON drops the undefined independentLegalPerson, as a caller's file would not have it
const requests = () => cohort().map((r) => JSON.parse(JSON.stringify(r)) as unknown);

describe('match: statuses', () => {
  it('pay, pay-and-ask (bounded and not), ask, none, invalid — in input order', () => {
    const m = match(requests());
    expect(m.subjects.map((s) => [s.index, s.status, s.id])).toEqual([
      [0, 'pay', 'E02'],
      [1, 'pay-and-ask', 'I01'],
      [2, 'ask', 'Q01'],
      [3, 'pay-and-ask', 'Q02'],
      [4, 'none', 'E04'],
      [5, 'invalid', 'E08'],
    ]);
    expect(m.counts).toEqual({ pay: 1, 'pay-and-ask': 2, ask: 1, none: 1, invalid: 1 });
    expect(m.requests).toBe(6);
  });

  it('matchStatus at its boundaries: 0.01 payable and nothing open is pay; 0 and 0.01 open is ask; no bound is open', () => {
    expect(matchStatus({ totalPayable: '0.01', totalPayableUpTo: '0.01' })).toBe('pay');
    expect(matchStatus({ totalPayable: '0.01', totalPayableUpTo: '0.02' })).toBe('pay-and-ask');
    expect(matchStatus({ totalPayable: '0.00', totalPayableUpTo: '0.01' })).toBe('ask');
    expect(matchStatus({ totalPayable: '0.00', totalPayableUpTo: null })).toBe('ask');
    expect(matchStatus({ totalPayable: '0.00', totalPayableUpTo: '0.00' })).toBe('none');
  });

  it('each assessed subject carries its payable, bound, entitlement, blockers and questions', () => {
    const [e02, i01, q01, q02, e04, bad] = match(requests()).subjects;
    expect(e02).toMatchObject({ kind: 'enterprise', payable: '1500000.00', payableUpTo: '1500000.00', entitlement: '1500000.00', blockers: [] });
    expect(i01).toMatchObject({ kind: 'institution', payable: '100000.00', payableUpTo: '200000.00', entitlement: '120000.00' });
    expect(q01).toMatchObject({ name: 'Q01 有限公司', payable: '0.00', payableUpTo: '200000.00' });
    expect(q02).toMatchObject({ payable: '200000.00', payableUpTo: null });
    // golden 04: M1 800,000 entitled, G3 blocks it
    expect(e04).toMatchObject({ payable: '0.00', payableUpTo: '0.00', entitlement: '800000.00', blockers: ['case-by-case-support'] });
    expect(bad).toMatchObject({ status: 'invalid', id: 'E08' });
    expect(bad?.status === 'invalid' ? bad.issues.map((i) => i.path.join('.')).sort() : []).toEqual(['enterprise.creditCode', 'enterprise.designations.0.obtainedOn', 'enterprise.leases.0.areaSqm']);
    expect(i01?.status === 'invalid' ? [] : i01?.questions.map((q) => q.path)).toEqual(['institution.introducedEnterprises.3.highestLevel']);
  });
});

describe('match: totals', () => {
  it('payable 1,500,000 + 100,000 + 200,000 (Q02’s M1) = 1,800,000; no bound (Q02); blocked by G3: one subject entitled to 800,000', () => {
    const m = match(requests());
    expect(m.totals).toEqual({ payable: '1800000.00', payableUpTo: null, unbounded: 1, blocked: [{ code: 'case-by-case-support', subjects: 1, entitlement: '800000.00' }] });
  });

  it('without Q02 the bound is the sum: 1,500,000 + 200,000 + 200,000 + 0 = 1,900,000', () => {
    const m = match(requests().filter((_, i) => i !== 3));
    expect([m.totals.payableUpTo, m.totals.unbounded]).toEqual(['1900000.00', 0]);
  });
});

describe('match: worklists', () => {
  it('pay by 责任单位, in the order of the text, each line once per unit, with the clause and the amount', () => {
    const pay = match(requests()).worklists.pay;
    expect(pay.map((w) => [w.unit.zh, w.rows.length, w.total])).toEqual([
      // M1 800,000 + M2 100,000 + M3 600,000 (E02); M5 80,000 + 20,000 (I01); M1 200,000 (Q02) = 1,800,000
      ['区科信局', 7, '1800000.00'],
      // M3 600,000 (E02) + M5 100,000 (I01) = 700,000
      ['中关村门头沟园管委会', 4, '700000.00'],
    ]);
    expect(pay[0]?.unit.en).toBe('District Bureau of Science, Technology and Informatization');
    expect(pay[0]?.rows[0]).toMatchObject({ subject: { index: 0, kind: 'enterprise', id: 'E02' }, measure: 'M1', clause: '一、1 加强本区企业培育', amount: '800000.00' });
    expect(pay[1]?.rows.map((r) => [r.subject.id, r.measure, r.lineId, r.amount])).toEqual([
      ['E02', 'M3', '2023', '300000.00'],
      ['E02', 'M3', '2025', '300000.00'],
      ['I01', 'M5', 'E11', '80000.00'],
      ['I01', 'M5', 'E12', '20000.00'],
    ]);
  });

  it('ask by holder, only questions with money at stake, the unbounded holder first, then by the money at stake', () => {
    const ask = match(requests()).worklists.ask;
    expect(ask.map((w) => [w.holder.zh, w.rows.map((r) => `${r.subject.id} ${r.path}`), w.atStake])).toEqual([
      ['区发改委', ['Q02 enterprise.listing.municipalStandardReward'], null],
      ['区市场监管局', ['Q01 enterprise.independentLegalPerson'], '200000.00'],
      ['市经济和信息化局（公布的名单）', ['I01 institution.introducedEnterprises.3.highestLevel'], '100000.00'],
    ]);
    // Q01 has no lease, so M3 is out whatever G1 says: the legal person decides M1 and four services
    expect(ask[1]?.rows[0]).toMatchObject({ measures: ['M1', 'M6', 'M11', 'M12'], clauses: ['一、1 加强本区企业培育', '四、6 拓宽信贷股权融资渠道', '七、11 强化精准高效服务', '七、12 强化精准高效服务'] });
  });

  it('within a holder: no bound first, then the most at stake, ties in input order; holders alike (no bound first, then by the sum)', () => {
    // three subjects without their legal-person status (区市场监管局): 200,000 (M1), 0 (G3 blocks it: not
    // listed), 200,000; two listed without the municipal standard (区发改委: no bound), one also without
    // its legal-person status; and golden 06 (市经济和信息化局: 100,000)
    const noPerson = (id: string, changes: Record<string, unknown> = {}) => plain(id, { independentLegalPerson: undefined, ...changes });
    const listed = { listing: { board: 'star', listedOn: '2024-06-03' }, fundraisingProjectInDistrict: true };
    const cohort = [
      noPerson('A1'),
      noPerson('A2', { caseByCaseSupport: [{ kind: 'one-matter-one-discussion', from: '2024-01-01' }] }),
      noPerson('A3'),
      plain('L1', listed),
      noPerson('L2', listed),
      goldenVector('06-institution').request,
    ].map((r) => JSON.parse(JSON.stringify(r)) as unknown);
    const ask = match(cohort).worklists.ask;
    expect(ask.map((w) => [w.holder.zh, w.atStake, w.rows.map((r) => `${r.subject.id}:${r.atStake}`)])).toEqual([
      // L2's legal person bears its unbounded M7 line, so 区市场监管局's sum has no bound either; ties by name
      ['区发改委', null, ['L1:null', 'L2:null']],
      ['区市场监管局', null, ['L2:null', 'A1:200000.00', 'A3:200000.00']],
      ['市经济和信息化局（公布的名单）', '100000.00', ['I01:100000.00']],
    ]);
  });

  it('a request without a name, added without a position, gets the next index and name null', () => {
    const b = matchBuilder();
    b.add(JSON.parse(JSON.stringify(plain('N1', { name: undefined }))));
    b.add(JSON.parse(JSON.stringify(plain('N2', { name: undefined }))));
    expect(b.result().subjects.map((s) => [s.index, s.status === 'invalid' ? null : s.name, s.line])).toEqual([
      [0, null, undefined],
      [1, null, undefined],
    ]);
  });

  it('rows share no object: changing one leaves the others as they were', () => {
    const m = match(requests());
    const [first, second] = m.worklists.pay[0]!.rows;
    first!.subject.id = 'changed';
    expect(second?.subject.id).toBe('E02');
  });
});

describe('matchBuilder', () => {
  it('takes the line of each request and gives the same match as match()', () => {
    const b = matchBuilder();
    requests().forEach((r, index) => b.add(r, { index, line: index + 10 }));
    const m = b.result();
    expect(m.subjects.map((s) => s.line)).toEqual([10, 11, 12, 13, 14, 15]);
    expect(m.totals).toEqual(match(requests()).totals);
  });

  it('an empty cohort: zero counts, zero totals, no worklists', () => {
    const m = match([]);
    expect([m.requests, m.totals.payable, m.totals.payableUpTo, m.worklists.pay, m.worklists.ask]).toEqual([0, '0.00', '0.00', [], []]);
  });
});
