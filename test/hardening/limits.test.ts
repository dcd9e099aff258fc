/**
 * DESIGN §6: `safeAssess` is total, and the request limits are checked before any rule and before zod
 * (`too-many`, `too-long`, `money-too-large`, `too-deep`; `unreadable` for what cannot be read). Each test
 * names the attack it repels (issue 12).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assessUnknown as assess, safeAssessUnknown as safeAssess } from '../../src/assess.js';
import { PolicyInputError } from '../../src/errors.js';
import type { PolicyIssue } from '../../src/model/issues.js';
import {
  MAX_ARRAY_ENTRIES,
  MAX_DECIMAL_DIGITS,
  MAX_DEPTH,
  MAX_ISSUES,
  MAX_LIMIT_ISSUES,
  MAX_OBJECT_KEYS,
  MAX_STRING_LENGTH,
  MAX_VALUES,
  readRequest,
  significantDigits,
} from '../../src/model/limits.js';
import { parseRequest } from '../../src/model/parse.js';
import { enterpriseWithEveryList } from '../../bench/at-limits.js';
import { requestSchema } from '../../src/model/request.js';
import { EditionError } from '../../src/policy/derive.js';

const AS_OF = '2024-12-31';
const ok = { asOf: AS_OF, enterprise: { id: 'E' } };

/** `path code` of each issue (the root path prints as empty). */
const brief = (input: unknown): string[] => {
  const result = safeAssess(input);
  return result.ok ? [] : result.issues.map((i) => `${i.path.join('.')} ${i.code}`);
};
const issuesOf = (input: unknown): PolicyIssue[] => {
  const result = safeAssess(input);
  if (result.ok) throw new Error('expected a refusal');
  return result.issues;
};
/** Runs `f` and returns how long it took, in ms (a loose budget, so CI noise cannot fail it). */
const timed = (f: () => void): number => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

/** `assess` throws PolicyInputError with the same issues, never anything else. */
function expectAssessRefuses(input: unknown, codes: string[]): void {
  let thrown: unknown;
  try {
    assess(input);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(PolicyInputError);
  expect((thrown as PolicyInputError).issues.map((i) => i.code)).toEqual(codes);
}

describe('the limits are named once (DESIGN §6)', () => {
  it('10,000 entries, 1,000 characters, 30 digits, 32 levels', () => {
    expect([MAX_ARRAY_ENTRIES, MAX_STRING_LENGTH, MAX_DECIMAL_DIGITS, MAX_DEPTH]).toEqual([10_000, 1_000, 30, 32]);
    expect([MAX_OBJECT_KEYS, MAX_VALUES, MAX_LIMIT_ISSUES, MAX_ISSUES]).toEqual([1_000, 500_000, 100, 1_000]);
  });
});

describe('what cannot be read is `unreadable`, at the root (DESIGN §6)', () => {
  it('a getter that throws gives `unreadable`, naming where in its message', () => {
    const request = { asOf: AS_OF, enterprise: { id: 'E', get name(): string { throw new Error('boom'); } } };
    const issues = issuesOf(request);
    expect(issues).toEqual([{ path: [], code: 'unreadable', zh: '无法读取请求：读取 enterprise.name 时出错', en: 'the request cannot be read: reading enterprise.name failed' }]);
    expectAssessRefuses(request, ['unreadable']);
  });

  it('a getter that throws in an array entry names the entry', () => {
    const designations = [{ level: 'municipal-sme', obtainedOn: '2023-01-01' }];
    Object.defineProperty(designations, 0, { get: () => { throw new RangeError('no'); }, enumerable: true });
    expect(issuesOf({ asOf: AS_OF, enterprise: { id: 'E', designations } })[0]?.en).toBe('the request cannot be read: reading enterprise.designations.0 failed');
  });

  it('a Proxy whose ownKeys trap throws gives `unreadable`', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    expect(brief(hostile)).toEqual([' unreadable']);
    expectAssessRefuses({ asOf: AS_OF, enterprise: hostile }, ['unreadable']);
  });

  it('a Proxy whose get trap throws gives `unreadable`', () => {
    const hostile = new Proxy({ id: 'E' }, { get: () => { throw new Error('no value'); } });
    expect(brief({ asOf: AS_OF, enterprise: hostile })).toEqual([' unreadable']);
  });

  it('a Proxy whose getOwnPropertyDescriptor trap throws gives `unreadable`', () => {
    const hostile = new Proxy({ id: 'E' }, { getOwnPropertyDescriptor: () => { throw new Error('no descriptor'); } });
    expect(brief({ asOf: AS_OF, enterprise: hostile })).toEqual([' unreadable']);
  });

  it('a revoked Proxy (which even Array.isArray cannot look at) gives `unreadable`', () => {
    const { proxy, revoke } = Proxy.revocable({ id: 'E' }, {});
    revoke();
    expect(brief({ asOf: AS_OF, enterprise: proxy })).toEqual([' unreadable']);
    expect(brief(proxy)).toEqual([' unreadable']);
  });

  it('an array Proxy whose length is not a length (NaN, −1, 2^53) gives `unreadable`', () => {
    for (const length of [Number.NaN, -1, 2 ** 53, '3']) {
      const hostile = new Proxy([], { get: (target, key) => (key === 'length' ? length : Reflect.get(target, key)) });
      expect(brief({ asOf: AS_OF, enterprise: { id: 'E', designations: hostile } })).toEqual([' unreadable']);
    }
  });

  it('each property is read exactly once, so a getter cannot answer validation one thing and the rules another', () => {
    let reads = 0;
    const enterprise = {
      id: 'E',
      get physicalOperationInDistrict(): boolean {
        reads += 1;
        return reads === 1;
      },
    };
    const result = safeAssess({ asOf: AS_OF, enterprise });
    expect(reads).toBe(1);
    expect(result.ok).toBe(true);
  });

  it('a Proxy is read through its traps once per property: zod sees only the plain copy', () => {
    const seen: PropertyKey[] = [];
    const enterprise = new Proxy({ id: 'E', smallOrMicro: true }, { get: (target, key) => (seen.push(key), Reflect.get(target, key)) });
    expect(safeAssess({ asOf: AS_OF, enterprise }).ok).toBe(true);
    expect(seen).toEqual(['id', 'smallOrMicro']);
  });

  it('the last guard: whatever validation throws (a RangeError from deep inside zod) gives `unreadable`', () => {
    // A valid request that the fast path (src/model/fast-parse.ts) hands to zod: an explicit `undefined`.
    const toZod = { asOf: AS_OF, enterprise: { id: 'E', name: undefined } };
    expect(brief(toZod)).toEqual([]);
    const spy = vi.spyOn(requestSchema, 'safeParse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    try {
      expect(brief(toZod)).toEqual([' unreadable']);
      expectAssessRefuses(toZod, ['unreadable']);
    } finally {
      spy.mockRestore();
    }
  });

  it('an options object whose edition getter throws gives an EditionError, never another error', () => {
    const options = Object.defineProperty({}, 'edition', { get: () => { throw new TypeError('no edition'); } });
    expect(() => safeAssess(ok, options)).toThrow(EditionError);
    expect(() => assess(ok, options)).toThrow(EditionError);
  });
});

describe('arrays: at most 10,000 entries (`too-many`, with `{ maximum }`)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a sparse array of length 2^32 − 1 gives `too-many` at its path at once, no entry read', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    let issues: PolicyIssue[] = [];
    expect(timed(() => (issues = issuesOf({ asOf: AS_OF, enterprise: { id: 'E', designations: sparse } })))).toBeLessThan(2_000);
    expect(issues).toEqual([{ path: ['enterprise', 'designations'], code: 'too-many', zh: '条目过多：最多 10000 条', en: 'too many entries: at most 10000' }]);
  });

  it('150,000 invalid entries in a 250 KB JSON line give one `too-many`, not a RangeError from validation', () => {
    const line = `{"asOf":"${AS_OF}","enterprise":{"id":"E","designations":[${Array.from({ length: 150_000 }, () => '7').join(',')}]}}`;
    expect(line.length).toBeGreaterThan(250_000);
    expect(brief(JSON.parse(line))).toEqual(['enterprise.designations too-many']);
    expectAssessRefuses(JSON.parse(line), ['too-many']);
  });

  it('10,001 entries are `too-many`; 10,000 pass the limit (and go on to validation)', () => {
    const entry = { kind: 'irregular', on: '2023-01-01' };
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', integrityFindings: Array.from({ length: 10_001 }, () => ({ ...entry })) } })).toEqual(['enterprise.integrityFindings too-many']);
    expect(readRequest({ asOf: AS_OF, enterprise: { id: 'E', integrityFindings: Array.from({ length: 10_000 }, () => ({ ...entry })) } }).ok).toBe(true);
  });

  it('10,000 invalid entries are each an issue at their own path, the first 1,000 reported, in well under 2 s', () => {
    let issues: PolicyIssue[] = [];
    const elapsed = timed(() => (issues = issuesOf({ asOf: AS_OF, enterprise: { id: 'E', designations: Array.from({ length: 10_000 }, () => 7) } })));
    expect(elapsed).toBeLessThan(2_000);
    expect(issues).toHaveLength(MAX_ISSUES);
    expect(issues[0]).toMatchObject({ path: ['enterprise', 'designations', 0], code: 'invalid-type' });
    expect(issues[999]).toMatchObject({ path: ['enterprise', 'designations', 999], code: 'invalid-type' });
  });

  it('one zod issue standing for many (1,000 entries sharing an object of 300 unknown keys) is cut at 1,000 issues', () => {
    const keys: Record<string, number> = {};
    for (let i = 0; i < 300; i++) keys[`k${i}`] = i;
    let issues: PolicyIssue[] = [];
    expect(timed(() => (issues = issuesOf({ asOf: AS_OF, enterprise: { id: 'E', leases: Array.from({ length: 1_000 }, () => keys) } })))).toBeLessThan(2_000);
    expect(issues).toHaveLength(MAX_ISSUES);
  });

  it('an object of 1,001 keys is `too-many` (no object of the contract has more than 25)', () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i <= MAX_OBJECT_KEYS; i++) wide[`k${i}`] = i;
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', extra: wide } })).toEqual(['enterprise.extra too-many']);
    delete wide.k0;
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', extra: wide } })).toEqual(['enterprise.extra unknown-key']);
  });

  it('a typed array of 10^7 bytes is refused at its path as a wrong type, never enumerated', () => {
    let issues: string[] = [];
    expect(timed(() => (issues = brief({ asOf: AS_OF, enterprise: { id: 'E', designations: new Uint8Array(10_000_000) } })))).toBeLessThan(2_000);
    expect(issues).toEqual(['enterprise.designations invalid-type']);
  });

  it('a boxed string of 10^7 characters (whose indices Object.keys would list) is refused as a wrong type, never enumerated', () => {
    let issues: string[] = [];
    // eslint-disable-next-line no-new-wrappers
    expect(timed(() => (issues = brief({ asOf: AS_OF, enterprise: { id: 'E', name: new String('x'.repeat(10_000_000)) } })))).toBeLessThan(2_000);
    expect(issues).toEqual(['enterprise.name invalid-type']);
  });

  it('more than 500,000 values in all (under an unknown key) are `too-many` at the root; 500,000 pass the limit', () => {
    // Root 1 + asOf 1 + enterprise 1 + id 1 + extra 1 + 50 arrays + their entries: 5 + 50 × (1 + 9,999) = 500,005.
    const huge = Array.from({ length: 50 }, () => Array.from({ length: 9_999 }, () => 0));
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', extra: huge } })).toEqual([' too-many']);
    expect(issuesOf({ asOf: AS_OF, enterprise: { id: 'E', extra: huge } })[0]?.en).toBe('too many entries: at most 500000');
    huge[0]!.length = 9_994; // 500,000 values
    expect(readRequest({ asOf: AS_OF, enterprise: { id: 'E', extra: huge } }).ok).toBe(true);
  });

  it('a valid request at every limit at once stays under the bound of values (about 341,000 at most)', () => {
    // Every enterprise list at 10,000 entries, each with every field: (4 + 3 + 3 + 6 + 5 + 5 + 8) × 10,000 = 340,000,
    // with contributions at their 252 years (3 values each): far below MAX_VALUES.
    expect(340_000 + 3 * 252 + 100).toBeLessThan(MAX_VALUES);
    expect(readRequest(enterpriseWithEveryList()).ok).toBe(true);
  });
});

describe('strings: at most 1,000 characters (`too-long`)', () => {
  it('a string of 1,001 characters under any key is `too-long` at its path; 1,000 passes the limit', () => {
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', extra: 'x'.repeat(1_001) } })).toEqual(['enterprise.extra too-long']);
    expect(issuesOf({ asOf: AS_OF, enterprise: { id: 'E', extra: 'x'.repeat(1_001) } })[0]?.en).toBe('too long: at most 1000 characters');
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', extra: 'x'.repeat(1_000) } })).toEqual(['enterprise.extra unknown-key']);
  });

  it('a 10 MB string is refused by its length, before zod runs a pattern on it', () => {
    let issues: string[] = [];
    expect(timed(() => (issues = brief({ asOf: '9'.repeat(10_000_000), enterprise: { id: 'E' } })))).toBeLessThan(2_000);
    expect(issues).toEqual(['asOf too-long']);
  });

  it('a key of 1,001 characters is `too-long` at its object (it is too long to name in a path)', () => {
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', ['k'.repeat(1_001)]: 1 } })).toEqual(['enterprise too-long']);
  });

  it('the fields with tighter bounds keep them (name ≤ 500: zod says so, with its own maximum)', () => {
    expect(issuesOf({ asOf: AS_OF, enterprise: { id: 'E', name: 'x'.repeat(501) } })[0]).toMatchObject({ path: ['enterprise', 'name'], code: 'too-long', en: 'too long: at most 500 characters' });
  });
});

describe('decimals: at most 30 significant digits (`money-too-large`)', () => {
  const withAmount = (amount: string) => ({ asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount }] } });

  it('30 significant digits pass, 31 are `money-too-large` at the amount', () => {
    const thirty = '1234567890.12345678901234567891'; // 10 + 20 = 30 digits
    expect(significantDigits(thirty)).toBe(30);
    expect(brief(withAmount(thirty))).toEqual([]);
    expect(brief(withAmount(`${thirty}2`))).toEqual(['enterprise.contributions.0.amount money-too-large']);
    expect(issuesOf(withAmount(`${thirty}2`))[0]?.en).toBe('amount has too many digits (at most 24 before the point and 30 significant digits in all)');
  });

  it('leading zeros and the zeros that end a fraction are not significant', () => {
    expect(significantDigits('0.0000000000000000000000000000000001')).toBe(1);
    expect(significantDigits(`7.${'0'.repeat(40)}`)).toBe(1);
    expect(significantDigits(`${'0'.repeat(40)}12`)).toBe(2);
    expect(significantDigits('1200')).toBe(4);
    expect(significantDigits('0')).toBe(0);
    expect(brief(withAmount(`0.${'0'.repeat(40)}1`))).toEqual([]);
  });

  it('significantDigits (a loop, on the hot path) agrees with its definition by patterns on 20,000 numerals (seed 6201)', () => {
    const byPatterns = (numeral: string): number => {
      const point = numeral.indexOf('.');
      const fraction = point < 0 ? '' : numeral.slice(point + 1).replace(/[^0-9]/g, '');
      const digits = numeral.replace(/[^0-9]/g, '').replace(/^0+/, '');
      const trailing = fraction.length - fraction.replace(/0+$/, '').length;
      return Math.max(0, digits.length - Math.min(trailing, digits.length));
    };
    fc.assert(
      fc.property(fc.stringMatching(/^ ?[0-9]{0,14}(\.[0-9]{0,14})? ?$/), (numeral) => significantDigits(numeral) === byPatterns(numeral)),
      { seed: 6201, numRuns: 20_000 },
    );
  });

  it('25 digits before the point stay `money-too-large` as before (MAX_INTEGER_DIGITS)', () => {
    expect(brief(withAmount('1'.repeat(25)))).toEqual(['enterprise.contributions.0.amount money-too-large']);
  });
});

describe('nesting: at most 32 levels (`too-deep`), cycles and shared references', () => {
  /** `levels` arrays around a value. */
  const nested = (levels: number): unknown => {
    let value: unknown = 0;
    for (let i = 0; i < levels; i++) value = [value];
    return value;
  };

  it('32 levels pass the limit, 33 are `too-deep` (the request itself is level 0)', () => {
    // enterprise is level 1, its `extra` level 2: 31 arrays reach level 32, 32 arrays level 33.
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', extra: nested(31) } })).toEqual(['enterprise.extra unknown-key']);
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', extra: nested(32) } })).toEqual([`enterprise.extra${'.0'.repeat(31)} too-deep`]);
  });

  it('a cycle is `too-deep`, not a hang', () => {
    const enterprise: Record<string, unknown> = { id: 'E' };
    enterprise.self = enterprise;
    // Copied as a tree down to level 3 (where the contract's objects lie), then remembered: the enterprise met
    // again at level 5, while still being copied at level 4, closes the cycle.
    expect(brief({ asOf: AS_OF, enterprise })).toEqual(['enterprise.self.self.self.self too-deep']);
  });

  it('a shared-reference object graph 30 levels deep under an unknown key is read in milliseconds, not minutes', () => {
    let graph: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 30; i++) graph = { a: graph, b: graph };
    let issues: string[] = [];
    expect(timed(() => (issues = brief({ asOf: AS_OF, enterprise: { id: 'E', extra: graph } })))).toBeLessThan(2_000);
    expect(issues).toEqual(['enterprise.extra unknown-key']);
  });

  it('a shared object met again deeper than it fits is `too-deep` at the second reference', () => {
    const shared = nested(20);
    // First met at level 4 (fits: 4 + 20 − 1 ≤ 32), then at level 14 (14 + 20 − 1 > 32).
    const request = { asOf: AS_OF, enterprise: { id: 'E', extra: [[shared], nested(10), [[[[[[[[[[[shared]]]]]]]]]]]] } };
    expect(brief(request)).toEqual([`enterprise.extra.2${'.0'.repeat(11)} too-deep`]);
  });

  it('a shared reference within the limits is data like any other (one designation object given twice)', () => {
    const designation = { level: 'municipal-sme', obtainedOn: '2023-01-01' };
    const result = safeAssess({ asOf: AS_OF, enterprise: { id: 'E', designations: [designation, designation] } });
    expect(result.ok).toBe(true);
  });

  it('more than 100 limit issues: the first 100 are reported and the copy stops', () => {
    const strings = Array.from({ length: 500 }, () => 'x'.repeat(1_001));
    const issues = issuesOf({ asOf: AS_OF, enterprise: { id: 'E', extra: strings } });
    expect(issues).toHaveLength(MAX_LIMIT_ISSUES);
    expect(issues.every((i) => i.code === 'too-long')).toBe(true);
  });

  it('parseRequest applies the same limits (it is what safeAssess calls)', () => {
    const result = parseRequest({ asOf: AS_OF, enterprise: { id: 'E', extra: nested(40) } });
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['too-deep']);
  });
});
