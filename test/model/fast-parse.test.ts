/**
 * The accept-only fast path (src/model/fast-parse.ts) is equivalent to the authoritative parse (the
 * copy within the limits, then zod): a seeded differential property test over valid, near-valid and
 * hostile inputs (docs/verification.md § The fast validation path). For every input:
 * - when the fast path accepts, the authoritative parse accepts too, with a structurally equal value
 *   (same keys in the same order, numbers by `Object.is` so -0 counts, Decimals by sign, exponent and
 *   digits, the same prototypes);
 * - so when the authoritative parse refuses, the fast path does not accept;
 * and the fast path accepts the great majority of realistic valid requests (else it would not be fast):
 * on JSON input, in fact, exactly what zod accepts (it declines by design only what JSON cannot hold:
 * an explicit `undefined`, getters, Proxies, non-plain objects).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRequests } from '../../bench/generate.js';
import { Money } from '../../src/core/money.js';
import { FAST_PATH_KEYS, fastParseRequest } from '../../src/model/fast-parse.js';
import { readRequest } from '../../src/model/limits.js';
import { parseRequest } from '../../src/model/parse.js';
import {
  caseByCaseSupportSchema,
  contributionSchema,
  designationSchema,
  disbursementSchema,
  enterpriseSchema,
  institutionSchema,
  integrityFindingSchema,
  introducedEnterpriseSchema,
  leaseSchema,
  listingSchema,
  otherBenefitSchema,
  registrationSchema,
  requestSchema,
} from '../../src/model/request.js';
import { fuzzRuns, runsLabel } from '../fuzz/scale.js';
import { anyJson, DELETE, type Json, leafKind, nodesOf, type Path, type RequestJson, validRequest, withReplaced, WRONG_FOR } from '../fuzz/support.js';

/** The authoritative parse on its own (what `parseRequest` did before the fast path): the value, or undefined when refused. */
function authoritative(input: unknown): unknown {
  const read = readRequest(input);
  if (!read.ok) return undefined;
  const parsed = requestSchema.safeParse(read.value, { reportInput: true });
  return parsed.success ? parsed.data : undefined;
}

/** Where two parsed values differ structurally (null when they do not). */
function difference(a: unknown, b: unknown, at = '(root)'): string | null {
  if (a instanceof Money || b instanceof Money) {
    if (!(a instanceof Money && b instanceof Money)) return `${at}: Decimal and not`;
    return a.s === b.s && a.e === b.e && a.d.join(',') === b.d.join(',') ? null : `${at}: ${a.toString()} ≠ ${b.toString()}`;
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? null : `${at}: ${String(a)} ≠ ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${at}: keys ${ka.join(',')} ≠ ${kb.join(',')}`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${at}: lengths differ`;
  for (const k of ka) {
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (d !== null) return d;
  }
  return null;
}

/** Tallies of one run: how often each side accepted. */
interface Tally {
  inputs: number;
  zodAccepted: number;
  fastAccepted: number;
}
const tally = (): Tally => ({ inputs: 0, zodAccepted: 0, fastAccepted: 0 });

/** The differential check of one input (throws, so fast-check reports the input, on a disagreement). */
function compare(input: unknown, t: Tally = tally()): void {
  const fast = fastParseRequest(input);
  const slow = authoritative(input);
  t.inputs += 1;
  if (slow !== undefined) t.zodAccepted += 1;
  if (fast === undefined) return;
  t.fastAccepted += 1;
  if (slow === undefined) throw new Error('the fast path accepted what zod refuses');
  const d = difference(fast, slow);
  if (d !== null) throw new Error(`the fast path's value differs from zod's at ${d}`);
}

const objectsOf = (request: Json): Path[] => [[] as Path, ...nodesOf(request).filter((n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value)).map((n) => n.path)];
const listsOf = (request: Json): Path[] => nodesOf(request).filter((n) => Array.isArray(n.value) && n.value.length > 0).map((n) => n.path);
const at = (request: Json, path: Path): Json => path.reduce<Json>((node, step) => (node as Record<string | number, Json>)[step]!, request);

/** Values at the edges (as a server or an attacker may send them), put in any field. */
const HOSTILE: Json[] = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e24,
  1e23,
  -0,
  0,
  -1,
  0.5,
  2.00000001,
  '',
  ' ',
  '0',
  '-0',
  '99999999999999999999',
  '12345678901234567890.125',
  '999999999999999999999999',
  '1000000000000000000000000',
  '0000000000000000000000000001',
  '0.0000000000000000000000000001',
  '1234567890123456789012345678901',
  ' 800000 ',
  '\t5\n',
  '5.',
  '.5',
  '.',
  '1e5',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  '2023-02-29',
  '2024-02-29',
  '2023-04-31',
  '2023-13-01',
  '2023-00-10',
  '2023-2-1',
  '0000-01-01',
  '9999-12-31',
  '2023-02-01T00:00:00Z',
  '２０２３-０２-０１',
  'x'.repeat(201),
  'x'.repeat(501),
  `${' '.repeat(1_000)}5`,
  'M3',
  'M5',
  'star',
  'none',
  'business',
  'tax',
  true,
  false,
  null,
  {},
  [],
  [null],
  { id: 'E' },
  1949,
  2200,
  2201,
  1_000_000,
  1_000_001,
];

/** A valid request with one field broken: a hostile or wrong value, a deleted key, an unknown key, anything. */
const nearValid: fc.Arbitrary<Json> = fc
  .tuple(validRequest, fc.nat(), fc.nat(), fc.constantFrom('hostile', 'wrong', 'delete', 'unknown-key', 'proto-key', 'json'), fc.constantFrom(...HOSTILE), anyJson({ maxDepth: 2 }))
  .map(([request, where, pick, how, hostile, json]): Json => {
    const nodes = nodesOf(request);
    const { path } = nodes[where % nodes.length]!;
    const key = path[path.length - 1];
    switch (how) {
      case 'hostile':
        return withReplaced(request, path, hostile);
      case 'wrong': {
        const lists = Object.values(WRONG_FOR) as readonly (readonly Json[])[];
        const list = lists[pick % lists.length]!;
        return withReplaced(request, path, list[(pick >> 3) % list.length]!);
      }
      case 'delete':
        return withReplaced(request, path, DELETE);
      case 'unknown-key': {
        const objects = objectsOf(request);
        return withReplaced(request, [...objects[pick % objects.length]!, typeof key === 'string' ? `${key}x` : 'x'], json);
      }
      case 'proto-key': {
        // JSON.parse makes `__proto__` an own key, as a server receives it.
        const objects = objectsOf(request);
        const target = objects[pick % objects.length]!;
        const name = ['__proto__', 'constructor', 'prototype'][pick % 3]!;
        const text = JSON.stringify(withReplaced(request, [...target, 'PLACEHOLDER'], json)).replace('"PLACEHOLDER"', JSON.stringify(name));
        return JSON.parse(text) as Json;
      }
      default:
        return withReplaced(request, path, json);
    }
  });

/** Values at and just past each leaf kind's edges (lengths, ranges, digits, enum names of other fields), by kind. */
const EDGES: Record<'date' | 'decimal' | 'boolean' | 'integer' | 'enum' | 'identifier' | 'name' | 'creditCode', readonly Json[]> = {
  date: ['2024-02-29', '2023-02-29', '2100-02-29', '2000-02-29', '1900-02-28', '2023-04-30', '2023-04-31', '2023-12-31', '2023-12-32', '0001-01-01', '9999-12-31', '2027-12-31', '2008-01-01'],
  decimal: [
    '123456789012345678901234',
    '1234567890123456789012345',
    '000000000000000000000000001',
    '123456789012345678901234.123456',
    '123456789012345678901234.1234567',
    '0.123456789012345678901234567890',
    '0.1234567890123456789012345678901',
    '1.00000000000000000000000000000000000',
    ` ${'0'.repeat(997)}5 `,
    ` ${'0'.repeat(998)}5 `,
    '\u00a05',
    '5\n',
    1e23,
    1e24,
    5e-324,
    -0,
    0.1,
    Number.MAX_SAFE_INTEGER,
  ],
  boolean: [true, false, 0, 1, 'true', null],
  integer: [1948, 1949, 2200, 2201, 2024.5, -0, 0, -1, 1_000_000, 1_000_001, '2024', Number.NaN as unknown as Json],
  enum: ['business', 'tax', 'mentougou', 'beijing-other', 'outside-beijing', 'municipal-sme', 'municipal-little-giant', 'national-little-giant', 'none', 'M1', 'M2', 'M3', 'M4', 'M5', 'M7', 'star', 'bse', 'sme-board', 'neeq-select', 'chinext', 'one-enterprise-one-policy', 'illegal', 'none ', 'Star', ''],
  identifier: ['', 'x', 'x'.repeat(200), 'x'.repeat(201), ' ', '\u0000', '__proto__', 'E1', 'L1'],
  name: ['', 'x'.repeat(500), 'x'.repeat(501), '名'.repeat(500), '名'.repeat(501), 5],
  creditCode: ['91110109MA01234567', '91110109MA0123456X', '91110109MA0123456', '911101090000000001', '91110109ma01234567', ''],
};

/** A valid request with one leaf set to an edge value of its kind (or a credit code with each check character). */
const atEdges: fc.Arbitrary<Json> = fc.tuple(validRequest, fc.nat(), fc.nat(), fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXYZ')).map(([request, where, pick, last]): Json => {
  const leaves = nodesOf(request).filter((n) => n.value === null || typeof n.value !== 'object');
  const { path, value } = leaves[where % leaves.length]!;
  const key = path[path.length - 1];
  if (key === 'creditCode' && typeof value === 'string') return withReplaced(request, path, pick % 2 === 0 ? value.slice(0, 17) + last : EDGES.creditCode[pick % EDGES.creditCode.length]!);
  const kind = key === 'name' ? 'name' : leafKind(key);
  const pool = kind === null ? HOSTILE : EDGES[kind];
  return withReplaced(request, path, pool[pick % pool.length]!);
});

const DATES = ['2008-01-01', '2019-07-21', '2021-04-05', '2021-04-06', '2021-11-14', '2021-11-15', '2022-01-01', '2023-06-30', '2024-02-29', '2024-12-31', '2025-12-31'];

/** A valid request with a cross-field rule at stake: an earlier `asOf`, a list reversed or doubled, a lease ending early, both subjects. */
const crossField: fc.Arbitrary<Json> = fc
  .tuple(validRequest, fc.nat(), fc.constantFrom('as-of', 'reverse', 'double', 'lease-end', 'both', 'swap-subject'), fc.constantFrom(...DATES))
  .map(([request, pick, how, day]): Json => {
    const lists = listsOf(request);
    switch (how) {
      case 'as-of':
        return withReplaced(request, ['asOf'], day);
      case 'reverse':
      case 'double': {
        if (lists.length === 0) return withReplaced(request, ['asOf'], day);
        const path = lists[pick % lists.length]!;
        const list = at(request, path) as Json[];
        return withReplaced(request, path, how === 'reverse' ? [...list].reverse() : [...list, list[pick % list.length]!]);
      }
      case 'lease-end': {
        const ends = nodesOf(request).filter((n) => n.path[n.path.length - 1] === 'end' || n.path[n.path.length - 1] === 'start' || n.path[n.path.length - 1] === 'listedOn');
        return ends.length === 0 ? withReplaced(request, ['asOf'], day) : withReplaced(request, ends[pick % ends.length]!.path, day);
      }
      case 'both':
        return { ...request, institution: { id: 'I' }, enterprise: { id: 'E' } };
      default: {
        // An enterprise's facts under `institution` and the other way round.
        const subject = 'enterprise' in request ? 'enterprise' : 'institution';
        const other = subject === 'enterprise' ? 'institution' : 'enterprise';
        const rest: RequestJson = { ...request };
        const facts = rest[subject]!;
        delete rest[subject];
        return { ...rest, [other]: facts };
      }
    }
  });

/** Structures no JSON has: getters, Proxies, cycles, sparse and huge arrays, typed arrays, boxed strings, class instances. */
function hostileStructure(pick: number): unknown {
  const cycle: Record<string, unknown> = { id: 'E' };
  cycle['self'] = cycle;
  const sparse: unknown[] = [];
  sparse.length = 2 ** 32 - 1;
  const holes: unknown[] = new Array<unknown>(2);
  const shapes: unknown[] = [
    Object.defineProperty({ id: 'E' }, 'smallOrMicro', { get: () => { throw new Error('no'); }, enumerable: true }),
    Object.defineProperty({ id: 'E' }, 'smallOrMicro', { get: () => true, enumerable: true }),
    Object.defineProperty({ id: 'E' }, 'smallOrMicro', { value: true, enumerable: false }),
    new Proxy({ id: 'E' }, { get: () => { throw new Error('no'); } }),
    new Proxy({ id: 'E' }, { ownKeys: () => { throw new Error('no'); } }),
    new Proxy({ id: 'E' }, {}),
    (() => { const r = Proxy.revocable({ id: 'E' }, {}); r.revoke(); return r.proxy; })(),
    cycle,
    sparse,
    holes,
    new Array<unknown>(10_001).fill({ kind: 'one-matter-one-discussion', from: '2022-01-01' }),
    new Uint8Array(3),
    Object.assign(new String('E'), { id: 'E' }),
    Object.assign(Object.create(null) as object, { id: 'E' }),
    Object.assign(Object.create({ smallOrMicro: true }) as object, { id: 'E' }),
    new Date(0),
    new Map([['id', 'E']]),
    undefined,
    Symbol('s'),
    10n,
    () => 'E',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    { id: 'E', name: undefined },
    { id: 'E', registrations: undefined },
  ];
  return shapes[pick % shapes.length];
}

/** A valid request with a hostile structure planted at one place (made in the property: fast-check cannot clone a revoked Proxy). */
function planted(request: RequestJson, where: number, pick: number): unknown {
  const places: Path[] = [[], ...nodesOf(request).map((n) => n.path)];
  const path = places[where % places.length]!;
  const value = hostileStructure(pick);
  if (path.length === 0) return pick % 2 === 0 ? value : { asOf: request['asOf'], enterprise: value };
  const copy = structuredClone(request) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

describe('the fast validation path accepts only what zod accepts, with the same value (differential, seeded)', () => {
  it('its keys are the zod shapes’ keys, in order (a field added to a schema is declined until the fast path learns it)', () => {
    const shapes = {
      request: requestSchema,
      enterprise: enterpriseSchema,
      institution: institutionSchema,
      registration: registrationSchema,
      designation: designationSchema,
      caseByCaseSupport: caseByCaseSupportSchema,
      integrityFinding: integrityFindingSchema,
      disbursement: disbursementSchema,
      otherBenefit: otherBenefitSchema,
      contribution: contributionSchema,
      lease: leaseSchema,
      listing: listingSchema,
      introducedEnterprise: introducedEnterpriseSchema,
    } as const;
    for (const [name, schema] of Object.entries(shapes)) expect([name, Object.keys(schema._zod.def.shape)]).toEqual([name, [...FAST_PATH_KEYS[name as keyof typeof shapes]]]);
  });

  it('accepts every one of 2,000 bench/generate.ts requests (at least 95 % must) with zod’s value', () => {
    const t = tally();
    for (const request of generateRequests(2_000)) compare(request, t);
    expect(t.zodAccepted).toBe(2_000);
    expect(t.fastAccepted / t.zodAccepted).toBeGreaterThanOrEqual(0.95);
    expect(t.fastAccepted).toBe(t.zodAccepted);
  });

  it('accepts the golden vectors zod accepts, with zod’s value, and none it refuses', () => {
    const dir = join(import.meta.dirname, '..', 'golden');
    const t = tally();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) compare((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { request: unknown }).request, t);
    expect(t.fastAccepted).toBe(t.zodAccepted);
  });

  for (const seed of [131, 132]) {
    it(`${runsLabel(fuzzRuns(5_000))} valid requests of the fuzz generators: zod’s value, at least 95 % accepted (seed ${seed})`, { timeout: 120_000 }, () => {
      const t = tally();
      fc.assert(fc.property(validRequest, (r) => compare(r, t)), { seed, numRuns: fuzzRuns(5_000) });
      expect(t.zodAccepted).toBe(t.inputs);
      expect(t.fastAccepted / t.zodAccepted).toBeGreaterThanOrEqual(0.95);
      expect(t.fastAccepted).toBe(t.zodAccepted);
    });
  }

  for (const seed of [231, 232, 233]) {
    it(`${runsLabel(fuzzRuns(10_000))} near-valid requests (one field hostile, wrong, deleted or unknown) (seed ${seed})`, { timeout: 120_000 }, () => {
      const t = tally();
      fc.assert(fc.property(nearValid, (r) => compare(r, t)), { seed, numRuns: fuzzRuns(10_000) });
      // Both kinds are drawn: some still valid (the fast path must then agree), most refused.
      expect(t.zodAccepted).toBeGreaterThan(0);
      expect(t.zodAccepted).toBeLessThan(t.inputs);
      expect(t.fastAccepted).toBe(t.zodAccepted);
    });
  }

  for (const seed of [281, 282]) {
    it(`${runsLabel(fuzzRuns(10_000))} requests with one leaf at an edge of its kind (lengths, ranges, digits, check characters, enum names) (seed ${seed})`, { timeout: 120_000 }, () => {
      const t = tally();
      fc.assert(fc.property(atEdges, (r) => compare(r, t)), { seed, numRuns: fuzzRuns(10_000) });
      expect(t.zodAccepted).toBeGreaterThan(0);
      expect(t.zodAccepted).toBeLessThan(t.inputs);
      expect(t.fastAccepted).toBe(t.zodAccepted);
    });
  }

  it(`${runsLabel(fuzzRuns(5_000))} requests with a cross-field rule at stake (events after asOf, order, duplicates, lease end, boards, subjects) (seed 331)`, { timeout: 120_000 }, () => {
    const t = tally();
    fc.assert(fc.property(crossField, (r) => compare(r, t)), { seed: 331, numRuns: fuzzRuns(5_000) });
    expect(t.zodAccepted).toBeGreaterThan(0);
    expect(t.zodAccepted).toBeLessThan(t.inputs);
    expect(t.fastAccepted).toBe(t.zodAccepted);
  });

  it(`${runsLabel(fuzzRuns(2_000))} requests with a hostile structure planted anywhere (getters, Proxies, cycles, sparse and huge arrays) (seed 431)`, { timeout: 120_000 }, () => {
    fc.assert(fc.property(validRequest, fc.nat(), fc.nat(), (r, where, pick) => compare(planted(r, where, pick))), { seed: 431, numRuns: fuzzRuns(2_000) });
  });

  it(`${runsLabel(fuzzRuns(2_000))} arbitrary JSON values, as a request and as its subject (seed 531)`, { timeout: 120_000 }, () => {
    const t = tally();
    fc.assert(
      fc.property(anyJson({ maxDepth: 4 }), fc.boolean(), (json, asSubject) => compare(asSubject ? { asOf: '2024-12-31', enterprise: json } : json, t)),
      { seed: 531, numRuns: fuzzRuns(2_000) },
    );
    expect(t.fastAccepted).toBe(t.zodAccepted);
  });
});

describe('the fast path keeps the reading guarantees (DESIGN §6)', () => {
  it('when it accepts, each property is read exactly once, in the order the copy reads it', () => {
    const seen: PropertyKey[] = [];
    const registration = new Proxy({ kind: 'business', region: 'mentougou', from: '2020-01-01' }, { get: (target, key) => (seen.push(key), Reflect.get(target, key)) });
    const list = new Proxy([registration], { get: (target, key) => (seen.push(key), Reflect.get(target, key)) });
    expect(fastParseRequest({ asOf: '2024-12-31', enterprise: { id: 'E', registrations: list } })).toBeDefined();
    expect(seen).toEqual(['length', '0', 'kind', 'region', 'from']);
  });

  it('a getter that throws is declined, and parseRequest then reports `unreadable`', () => {
    const enterprise = Object.defineProperty({ id: 'E' }, 'smallOrMicro', { get: () => { throw new Error('no'); }, enumerable: true });
    const input = { asOf: '2024-12-31', enterprise };
    expect(fastParseRequest(input)).toBeUndefined();
    const parsed = parseRequest(input);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.code)).toEqual(['unreadable']);
  });

  it('an array over the limit of entries is declined without reading an entry, and refused `too-many`', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    const input = { asOf: '2024-12-31', enterprise: { id: 'E', leases: sparse } };
    expect(fastParseRequest(input)).toBeUndefined();
    const parsed = parseRequest(input);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.code)).toEqual(['too-many']);
  });

  it('an explicit `undefined` (never in JSON) is declined and left to zod, which accepts it', () => {
    const input = { asOf: '2024-12-31', enterprise: { id: 'E', name: undefined } };
    expect(fastParseRequest(input)).toBeUndefined();
    expect(parseRequest(input).ok).toBe(true);
  });

  it('the parsed value shares no object with the input (a fresh copy, as zod’s)', () => {
    const input = { asOf: '2024-12-31', enterprise: { id: 'E', registrations: [{ kind: 'business', region: 'mentougou', from: '2020-01-01' }] } };
    const parsed = fastParseRequest(input);
    expect(parsed?.enterprise).not.toBe(input.enterprise);
    expect(parsed?.enterprise?.registrations).not.toBe(input.enterprise.registrations);
    expect(parsed?.enterprise?.registrations[0]).not.toBe(input.enterprise.registrations[0]);
  });
});
