import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/core/calendar.js';
import { ISSUE_MESSAGES } from '../../src/core/messages.js';
import { Money } from '../../src/core/money.js';
import { FORBIDDEN_KEYS, type PolicyIssue } from '../../src/model/issues.js';
import { MAX_DEPTH, parseRequest } from '../../src/model/parse.js';

const AS_OF = '2024-12-31';
const goldenDir = join(import.meta.dirname, '..', 'golden');

interface GoldenVector {
  name: string;
  request: unknown;
  expect: { ok?: boolean; issuePaths?: string[] };
}

function golden(): [string, GoldenVector][] {
  return readdirSync(goldenDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(goldenDir, f), 'utf8')) as GoldenVector]);
}

function issuesOf(input: unknown): PolicyIssue[] {
  const r = parseRequest(input);
  return r.ok ? [] : r.issues;
}

/** `path code` of each issue. */
const brief = (input: unknown): string[] => issuesOf(input).map((i) => `${i.path.join('.')} ${i.code}`);

/** Every issue has a path of keys and indices, a catalogue code, and a non-empty message in both languages. */
function expectWellFormed(issues: readonly PolicyIssue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    for (const p of issue.path) expect(['string', 'number']).toContain(typeof p);
    expect(Object.keys(ISSUE_MESSAGES)).toContain(issue.code);
    expect(issue.zh.length).toBeGreaterThan(0);
    expect(issue.en.length).toBeGreaterThan(0);
    // The Chinese message is Chinese; no template placeholder is left unfilled.
    expect(issue.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(`${issue.zh} ${issue.en}`).not.toMatch(/\{\w+\}/);
  }
}

const lease = { id: 'L1', areaSqm: '100', start: '2024-01-01', end: '2024-12-31', dailyRentPerSqm: '1', selfUse: true, inDistrict: true };

/** A full enterprise request: an entry at every level that has objects. */
function fullEnterprise(): Record<string, unknown> {
  return {
    asOf: AS_OF,
    enterprise: {
      id: 'E',
      registrations: [{ kind: 'business', region: 'mentougou', from: '2015-01-01' }],
      designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }],
      caseByCaseSupport: [{ kind: 'one-enterprise-one-policy', from: '2023-01-01' }],
      integrityFindings: [{ kind: 'irregular', on: '2023-01-01' }],
      disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-12-20' }],
      otherBenefits: [{ program: 'p', overlapsMeasure: 'M1', amount: '1' }],
      contributions: [{ year: 2023, amount: '900000' }],
      leases: [lease],
      listing: { board: 'star', listedOn: '2024-11-20' },
    },
  };
}

function fullInstitution(): Record<string, unknown> {
  return {
    asOf: AS_OF,
    institution: {
      id: 'I',
      certified: true,
      introducedEnterprises: [{ enterpriseId: 'E11', movedInOn: '2022-05-01', highestLevel: 'none' }],
      residentSrdiCount: 5,
    },
  };
}

/** A copy of `request` with `key: 1` added to the object at `path`. */
function withKey(request: Record<string, unknown>, path: (string | number)[], key: string): unknown {
  const copy = structuredClone(request);
  let node: unknown = copy;
  for (const p of path) node = (node as Record<string | number, unknown>)[p];
  (node as Record<string, unknown>)[key] = 1;
  return copy;
}

describe('the golden vectors', () => {
  for (const [file, vector] of golden()) {
    if (vector.expect.ok === false) {
      it(`${file}: refused, with an issue at each listed path`, () => {
        const issues = issuesOf(vector.request);
        expectWellFormed(issues);
        const paths = issues.map((i) => i.path.join('.'));
        for (const p of vector.expect.issuePaths ?? []) expect(paths).toContain(p);
      });
    } else {
      it(`${file}: accepted`, () => {
        const r = parseRequest(vector.request);
        expect(r.ok ? [] : r.issues).toEqual([]);
      });
    }
  }

  it('08-bad-input: an impossible date, a negative area and a wrong check character, with their codes', () => {
    const vector = golden().find(([f]) => f.startsWith('08-'))?.[1];
    expect(brief(vector?.request).sort()).toEqual(['enterprise.creditCode credit-code-check', 'enterprise.designations.0.obtainedOn invalid-date', 'enterprise.leases.0.areaSqm negative-money']);
  });
});

describe('the parsed request: day numbers and exact Decimals', () => {
  it('dates become day numbers, money becomes Money, numbers and strings alike', () => {
    const r = parseRequest({
      asOf: AS_OF,
      enterprise: { id: 'E', contributions: [{ year: 2023, amount: '1200000' }, { year: 2024, amount: 1000000 }], leases: [{ ...lease, areaSqm: '123.45', dailyRentPerSqm: 0.8 }] },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.asOf).toBe(parseCalendarDate(AS_OF));
    const e = r.value.enterprise;
    expect(e?.contributions?.[0]?.amount).toBeInstanceOf(Money);
    expect(e?.contributions?.[0]?.amount.toFixed()).toBe('1200000');
    expect(e?.contributions?.[1]?.amount.toFixed()).toBe('1000000');
    expect(e?.leases?.[0]?.areaSqm.toFixed()).toBe('123.45');
    expect(e?.leases?.[0]?.dailyRentPerSqm.toFixed()).toBe('0.8');
    expect(e?.leases?.[0]?.start).toBe(parseCalendarDate('2024-01-01'));
  });

  it('does not change the input', () => {
    const input = fullEnterprise();
    const before = structuredClone(input);
    parseRequest(input);
    expect(input).toEqual(before);
  });
});

describe('strict objects: an unknown key is an issue at every level', () => {
  const enterpriseLevels: (string | number)[][] = [
    [],
    ['enterprise'],
    ['enterprise', 'registrations', 0],
    ['enterprise', 'designations', 0],
    ['enterprise', 'caseByCaseSupport', 0],
    ['enterprise', 'integrityFindings', 0],
    ['enterprise', 'disbursements', 0],
    ['enterprise', 'otherBenefits', 0],
    ['enterprise', 'contributions', 0],
    ['enterprise', 'leases', 0],
    ['enterprise', 'listing'],
  ];
  const institutionLevels: (string | number)[][] = [['institution'], ['institution', 'introducedEnterprises', 0]];

  it('the full requests are valid as they stand', () => {
    expect(brief(fullEnterprise())).toEqual([]);
    expect(brief(fullInstitution())).toEqual([]);
  });

  for (const path of enterpriseLevels) {
    it(`at ${path.length ? path.join('.') : 'the root'}`, () => {
      const issues = issuesOf(withKey(fullEnterprise(), path, 'extra'));
      expectWellFormed(issues);
      expect(issues.map((i) => `${i.path.join('.')} ${i.code}`)).toEqual([`${[...path, 'extra'].join('.')} unknown-key`]);
      expect(issues[0]?.en).toBe('unknown field: extra');
    });
  }

  for (const path of institutionLevels) {
    it(`at ${path.join('.')}`, () => {
      expect(brief(withKey(fullInstitution(), path, 'extra'))).toEqual([`${[...path, 'extra'].join('.')} unknown-key`]);
    });
  }

  it('a misspelt field is not silently dropped', () => {
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', physicalOperationInDistric: true } })).toEqual(['enterprise.physicalOperationInDistric unknown-key']);
  });
});

describe('__proto__, constructor and prototype are refused as keys', () => {
  it('an own __proto__ key (as JSON.parse makes it) at the root, in a subject and in an array entry', () => {
    for (const json of [
      '{"asOf":"2024-12-31","enterprise":{"id":"E"},"__proto__":{"polluted":true}}',
      '{"asOf":"2024-12-31","enterprise":{"id":"E","__proto__":{"polluted":true}}}',
      '{"asOf":"2024-12-31","enterprise":{"id":"E","leases":[{"__proto__":{"polluted":true}}]}}',
    ]) {
      const input: unknown = JSON.parse(json);
      const issues = issuesOf(input);
      expectWellFormed(issues);
      expect(issues.map((i) => i.code)).toEqual(['forbidden-key']);
      expect(issues[0]?.path.at(-1)).toBe('__proto__');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the path of each forbidden key', () => {
    expect(brief(JSON.parse('{"asOf":"2024-12-31","enterprise":{"id":"E","__proto__":{}}}'))).toEqual(['enterprise.__proto__ forbidden-key']);
    expect(brief(JSON.parse('{"asOf":"2024-12-31","enterprise":{"id":"E","leases":[{"__proto__":{}}]}}'))).toEqual(['enterprise.leases.0.__proto__ forbidden-key']);
  });

  it('constructor and prototype, at any level', () => {
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', constructor: {} } })).toEqual(['enterprise.constructor forbidden-key']);
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', listing: { board: 'star', listedOn: '2024-01-01', prototype: 1 } } })).toEqual(['enterprise.listing.prototype forbidden-key']);
    expect(brief({ asOf: AS_OF, prototype: {}, enterprise: { id: 'E' } })).toEqual(['prototype forbidden-key']);
  });

  it('the forbidden keys are exactly these three', () => {
    expect([...FORBIDDEN_KEYS].sort()).toEqual(['__proto__', 'constructor', 'prototype']);
  });

  it('says forbidden field name in both languages', () => {
    const [issue] = issuesOf({ asOf: AS_OF, enterprise: { id: 'E', constructor: 1 } });
    expect(issue?.en).toBe('forbidden field name: constructor');
    expect(issue?.zh).toBe('不允许的字段名：constructor');
  });
});

describe('what is not a request', () => {
  it('null, an array, a string and undefined are refused at the root', () => {
    expect(brief(null)).toEqual([' invalid-type']);
    expect(brief([])).toEqual([' invalid-type']);
    expect(brief('{"asOf":"2024-12-31"}')).toEqual([' invalid-type']);
    expect(brief(undefined)).toEqual([' required']);
  });

  it('nesting deeper than MAX_DEPTH is refused before parsing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < MAX_DEPTH + 5; i++) deep = [deep];
    const issues = issuesOf({ asOf: AS_OF, enterprise: { id: 'E', name: deep } });
    expectWellFormed(issues);
    expect(issues.map((i) => i.code)).toEqual(['too-deep']);
  });
});

describe('leaf issues, each with its path, code and messages', () => {
  const cases: [string, unknown, string][] = [
    ['missing asOf', { enterprise: { id: 'E' } }, 'asOf required'],
    ['missing id', { asOf: AS_OF, enterprise: {} }, 'enterprise.id required'],
    ['empty id', { asOf: AS_OF, enterprise: { id: '' } }, 'enterprise.id empty-string'],
    ['impossible asOf', { asOf: '2023-02-29', enterprise: { id: 'E' } }, 'asOf invalid-date'],
    ['asOf with a time', { asOf: '2023-02-01T00:00:00Z', enterprise: { id: 'E' } }, 'asOf invalid-date'],
    ['asOf unpadded', { asOf: '2023-2-1', enterprise: { id: 'E' } }, 'asOf invalid-date'],
    ['asOf as a number', { asOf: 20231231, enterprise: { id: 'E' } }, 'asOf invalid-type'],
    ['a boolean as a string', { asOf: AS_OF, enterprise: { id: 'E', smallOrMicro: 'yes' } }, 'enterprise.smallOrMicro invalid-type'],
    ['unknown level', { asOf: AS_OF, enterprise: { id: 'E', designations: [{ level: 'city', obtainedOn: '2023-01-01' }] } }, 'enterprise.designations.0.level invalid-value'],
    ['negative money string', { asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: '-1' }] } }, 'enterprise.contributions.0.amount negative-money'],
    ['negative money number', { asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: -1 }] } }, 'enterprise.contributions.0.amount negative-money'],
    ['money "-0"', { asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: '-0' }] } }, 'enterprise.contributions.0.amount negative-money'],
    ['money exponent', { asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: '1e5' }] } }, 'enterprise.contributions.0.amount invalid-money'],
    ['money text', { asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: 'lots' }] } }, 'enterprise.contributions.0.amount invalid-money'],
    ['money boolean', { asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: true }] } }, 'enterprise.contributions.0.amount invalid-money'],
    ['money too long', { asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: '1'.repeat(25) }] } }, 'enterprise.contributions.0.amount money-too-large'],
    ['year not whole', { asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023.5, amount: 1 }] } }, 'enterprise.contributions.0.year invalid-type'],
    ['year out of range', { asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 1800, amount: 1 }] } }, 'enterprise.contributions.0.year out-of-range'],
    ['negative talents', { asOf: AS_OF, enterprise: { id: 'E', jingxiTalents: -1 } }, 'enterprise.jingxiTalents out-of-range'],
    ['negative area', { asOf: AS_OF, enterprise: { id: 'E', leases: [{ ...lease, areaSqm: '-10' }] } }, 'enterprise.leases.0.areaSqm negative-money'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const issues = issuesOf(input);
      expectWellFormed(issues);
      expect(issues.map((i) => `${i.path.join('.')} ${i.code}`)).toEqual([expected]);
    });
  }

  it('NaN and Infinity (which JSON cannot write, but a caller can pass) are refused as amounts', () => {
    // zod's number refuses them before parseMoney sees them, so the code is the general invalid-money.
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: Number.NaN }] } })).toEqual(['enterprise.contributions.0.amount invalid-money']);
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: Number.POSITIVE_INFINITY }] } })).toEqual([
      'enterprise.contributions.0.amount invalid-money',
    ]);
  });

  it('money -0 as a number is zero and accepted; whitespace around a string is trimmed', () => {
    const r = parseRequest({ asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: -0 }, { year: 2024, amount: ' 800000 ' }] } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.enterprise?.contributions?.map((c) => c.amount.toFixed())).toEqual(['0', '800000']);
  });

  it('a 20-digit amount stays exact', () => {
    const r = parseRequest({ asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023, amount: '12345678901234567890' }] } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.enterprise?.contributions?.[0]?.amount.toFixed()).toBe('12345678901234567890');
  });

  it('several faults are all reported', () => {
    const issues = issuesOf({ asOf: AS_OF, enterprise: { id: '', smallOrMicro: 1, designations: [{ level: 'municipal-sme', obtainedOn: '2023-02-30' }] } });
    expectWellFormed(issues);
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual(['enterprise.designations.0.obtainedOn', 'enterprise.id', 'enterprise.smallOrMicro']);
  });
});

describe('a missing required field is "required", whatever its type', () => {
  it('a missing enum, date, boolean and string', () => {
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', registrations: [{ region: 'mentougou', from: '2015-01-01' }] } })).toEqual(['enterprise.registrations.0.kind required']);
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', registrations: [{ kind: 'tax', region: 'mentougou' }] } })).toEqual(['enterprise.registrations.0.from required']);
    const { selfUse: _selfUse, ...withoutSelfUse } = lease;
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', leases: [withoutSelfUse] } })).toEqual(['enterprise.leases.0.selfUse required']);
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', otherBenefits: [{ overlapsMeasure: 'M1', amount: 1 }] } })).toEqual(['enterprise.otherBenefits.0.program required']);
  });

  it('a missing amount', () => {
    expect(brief({ asOf: AS_OF, enterprise: { id: 'E', contributions: [{ year: 2023 }] } })).toEqual(['enterprise.contributions.0.amount required']);
  });
});

describe('lists whose absence means none are [] after the parse (so no rule writes `?? []`)', () => {
  it('an enterprise with none of its lists has every one as [], not undefined', () => {
    const r = parseRequest({ asOf: AS_OF, enterprise: { id: 'E1' } });
    if (!r.ok) throw new Error('expected a valid request');
    const e = r.value.enterprise!;
    const lists = [e.registrations, e.caseByCaseSupport, e.integrityFindings, e.disbursements, e.otherBenefits, e.designations, e.contributions, e.leases];
    expect(lists).toEqual([[], [], [], [], [], [], [], []]);
  });

  it('an institution likewise, introducedEnterprises included; two parses never share a default list', () => {
    const parse = () => {
      const r = parseRequest({ asOf: AS_OF, institution: { id: 'I1' } });
      if (!r.ok) throw new Error('expected a valid request');
      return r.value.institution!;
    };
    const a = parse();
    expect([a.registrations, a.caseByCaseSupport, a.integrityFindings, a.disbursements, a.otherBenefits, a.introducedEnterprises]).toEqual([[], [], [], [], [], []]);
    a.disbursements.push({ measure: 'M5', amount: new Money(1), paidOn: 0, enterpriseId: 'X' });
    expect(parse().disbursements).toEqual([]);
  });

  it('a given list is kept as given (the default applies only to an absent key)', () => {
    const r = parseRequest({ asOf: AS_OF, enterprise: { id: 'E1', designations: [{ level: 'municipal-sme', obtainedOn: '2023-01-01' }] } });
    expect(r.ok && r.value.enterprise!.designations.map((d) => d.level)).toEqual(['municipal-sme']);
  });
});
