/**
 * `verifyVectors` / `checkVector` (issue 14, item 1): a misspelt or empty expectation is an error naming
 * the key, never a silent PASS; money is compared as an amount; each difference says what was expected
 * and what came, in both languages. Golden 02 (test/golden) gives totalPayable 1,500,000.00: M1
 * 800,000 + M2 100,000 + M3 300,000 × 2 (worked by hand in test/golden/README.md).
 */
import { describe, expect, it } from 'vitest';
import { checkVector, type PolicyVector, verifyVectors } from '../src/verify-vectors.js';
import { goldenVectors } from './helpers/golden.js';

const golden = new Map(goldenVectors().map((v) => [v.name, v]));
const request02 = golden.get('02-newcomer-with-rent')!.request;
const request08 = golden.get('08-bad-input')!.request;

const check = (expectation: unknown, request: unknown = request02) => checkVector({ request, expect: expectation } as PolicyVector);
const codes = (expectation: unknown, request?: unknown): string[] => check(expectation, request).map((d) => `${d.code} ${d.path}`);

describe('verify: unknown or empty expect keys are errors naming the key', () => {
  it('a misspelt top key (totalpayable) fails the vector, naming expect.totalpayable and the known keys', () => {
    const [d, ...rest] = check({ totalpayable: '1500000.00' });
    expect(rest).toEqual([]);
    expect(d).toEqual({
      code: 'unknown-key',
      path: 'expect.totalpayable',
      zh: 'expect.totalpayable：未知的键（可用：ok、issuePaths、issuePathPrefixes、totalPayable、measures、clawback）',
      en: 'expect.totalpayable: unknown key (known: ok, issuePaths, issuePathPrefixes, totalPayable, measures, clawback)',
    });
  });

  it('a misspelt measure field (amout), an unknown measure (M14) and an unknown clawback field are named', () => {
    expect(codes({ measures: { M2: { amout: '100000.00' }, M14: { outcome: 'eligible' } }, clawback: { breachOn: null } })).toEqual([
      'unknown-key expect.measures.M2.amout',
      'unknown-key expect.measures.M14',
      'unknown-key expect.clawback.breachOn',
    ]);
  });

  it('the rest of a vector with a misspelt key is still checked', () => {
    expect(codes({ totalPayable: '1', measures: { M2: { amout: '1', outcome: 'eligible' } } })).toEqual(['unknown-key expect.measures.M2.amout', 'mismatch totalPayable']);
  });

  it('an empty expect checks nothing: an error, and the request is not even assessed', () => {
    expect(check({})).toEqual([{ code: 'empty', path: 'expect', zh: 'expect：为空，不检查任何内容', en: 'expect: empty: it checks nothing' }]);
    expect(verifyVectors([{ name: 'empty', request: request02, expect: {} }]).verdicts[0]?.passed).toBe(false);
  });

  it('empty parts are errors too: measures {}, a measure {}, clawback {}, issuePaths []', () => {
    expect(codes({ measures: {}, clawback: {} })).toEqual(['empty expect.measures', 'empty expect.clawback']);
    expect(codes({ measures: { M1: {} } })).toEqual(['empty expect.measures.M1']);
    expect(codes({ ok: false, issuePaths: [] }, request08)).toEqual(['empty expect.issuePaths']);
  });

  it('keys that cannot apply: result fields with ok: false, issuePaths without it, an unknown outcome', () => {
    expect(codes({ ok: false, totalPayable: '0' }, request08)).toEqual(['invalid-expectation expect.totalPayable']);
    expect(codes({ issuePaths: ['enterprise.creditCode'], totalPayable: '1500000' })).toEqual(['invalid-expectation expect.issuePaths']);
    expect(codes({ measures: { M1: { outcome: 'elligible' } } })).toEqual(['invalid-expectation expect.measures.M1.outcome']);
  });
});

describe('verify: money compared as amounts', () => {
  it('"1500000", 1500000, "1500000.00" and "1500000.0" all equal a total of 1500000.00', () => {
    for (const total of ['1500000', 1500000, '1500000.00', '1500000.0', 1500000.0]) expect(check({ totalPayable: total }), String(total)).toEqual([]);
  });

  it('one fen off fails; a third decimal is shown as given; the amount measures compare the same way', () => {
    expect(check({ totalPayable: '1500000.01' }).map((d) => d.en)).toEqual(['totalPayable: expected 1500000.01, got 1500000.00']);
    expect(check({ totalPayable: '1500000.001' }).map((d) => d.en)).toEqual(['totalPayable: expected 1500000.001, got 1500000.00']);
    // M3: 300,000 × 2 = 600,000
    expect(check({ measures: { M3: { amount: 600000, payable: '600000' } } })).toEqual([]);
    expect(check({ measures: { M3: { amount: 600000.5 } } }).map((d) => d.en)).toEqual(['measures.M3.amount: expected 600000.50, got 600000.00']);
  });

  it('null expects null (a service measure); a number where null comes fails', () => {
    // Golden 02: M10 is a service measure (amount null).
    expect(check({ measures: { M10: { amount: null } } })).toEqual([]);
    expect(check({ measures: { M10: { amount: '0' } } }).map((d) => d.en)).toEqual(['measures.M10.amount: expected 0.00, got null']);
    expect(check({ measures: { M1: { amount: null } } }).map((d) => d.en)).toEqual(['measures.M1.amount: expected null, got 800000.00']);
  });

  it('an expected amount that is not one is an error naming its key', () => {
    expect(check({ totalPayable: 'abc' })).toEqual([{ code: 'invalid-expectation', path: 'expect.totalPayable', zh: 'expect.totalPayable：不是金额：abc', en: 'expect.totalPayable: not an amount: abc' }]);
    expect(codes({ clawback: { amount: -1 } })).toEqual(['invalid-expectation expect.clawback.amount']);
  });
});

describe('verify: each difference says expected … got … / 期望 … 实际 …', () => {
  it('a total, an outcome and a clawback field', () => {
    const details = check({ totalPayable: '1500000.01', measures: { M2: { outcome: 'ineligible' } }, clawback: { breached: true, amount: '0' } });
    expect(details.map((d) => d.en)).toEqual([
      'totalPayable: expected 1500000.01, got 1500000.00',
      'measures.M2.outcome: expected ineligible, got eligible',
      'clawback.breached: expected true, got false',
    ]);
    expect(details.map((d) => d.zh)).toEqual(['totalPayable：期望 1500000.01，实际 1500000.00', 'measures.M2.outcome：期望 ineligible，实际 eligible', 'clawback.breached：期望 true，实际 false']);
  });

  it('a refused request where a result was expected, and an accepted one where a refusal was', () => {
    const refused = check({ totalPayable: '0' }, request08);
    expect(refused.map((d) => d.code)).toEqual(['refused']);
    expect(refused[0]?.en).toMatch(/^ok: expected a result, got a refusal: /);
    expect(check({ ok: false })).toEqual([{ code: 'accepted', path: 'ok', zh: 'ok：期望请求被拒绝，实际被接受', en: 'ok: expected the request to be refused, but it was accepted' }]);
  });

  it('an issue path that is not among the issues', () => {
    const [d] = check({ ok: false, issuePaths: ['enterprise.name'] }, request08);
    expect(d?.en).toBe('issuePaths: expected an issue at enterprise.name, got issues at: enterprise.creditCode, enterprise.designations.0.obtainedOn, enterprise.leases.0.areaSqm');
    expect(d?.zh).toBe('issuePaths：期望在 enterprise.name 有问题，实际问题在：enterprise.creditCode、enterprise.designations.0.obtainedOn、enterprise.leases.0.areaSqm');
  });

  it('a measure that is not in the result (M5 of an enterprise)', () => {
    expect(codes({ measures: { M5: { outcome: 'eligible' } } })).toEqual(['absent measures.M5']);
  });
});

describe('verify: the golden vectors still pass', () => {
  it('every vector of test/golden passes, with no difference', () => {
    const report = verifyVectors(goldenVectors());
    expect(report.verdicts.filter((v) => !v.passed).map((v) => [v.name, v.differences])).toEqual([]);
    expect(report.passed).toBe(8);
  });
});
