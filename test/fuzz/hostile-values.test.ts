/**
 * Fuzzing `safeAssess` with hostile values in valid requests (25,000 of the 100,000;
 * docs/verification.md): huge numbers (1e308, twenty-digit strings), -0, empty strings, `__proto__` /
 * `constructor` / `prototype` as own keys (made by JSON.parse, as a server receives them), dates that
 * are not strings, and strings that are nearly dates (`2023-2-1`, `2023-02-01T00:00:00Z`). The answer
 * never throws, is sound, names the field it refuses, and leaves every prototype as it was.
 */
import fc from 'fast-check';
import { fuzzRuns, runsLabel } from './scale.js';
import { describe, expect, it } from 'vitest';
import { safeAssess, safeAssessUnknown } from '../../src/assess.js';
import {
  assertSound,
  DATE_KEYS,
  DECIMAL_KEYS,
  FUZZ_TIMEOUT_MS,
  hasIssueAt,
  INTEGER_KEYS,
  type Json,
  nodesOf,
  type Path,
  pollutionProblems,
  type RequestJson,
  validRequest,
  withReplaced,
} from './support.js';

/** A valid request and one of its leaves whose key is in `keys` (or null when it has none). */
const leafOf = (keys: ReadonlySet<string>) =>
  fc.tuple(validRequest, fc.nat()).map(([request, at]) => {
    const leaves = nodesOf(request).filter(({ path, value }) => typeof path[path.length - 1] === 'string' && keys.has(path[path.length - 1] as string) && (value === null || typeof value !== 'object'));
    return { request, path: leaves.length > 0 ? leaves[at % leaves.length]!.path : null };
  });

/** Numbers and numerals at the edges: valid ones (the answer must be sound) and invalid ones (refused at their field). */
const HUGE_OR_ODD: { value: Json; valid: boolean }[] = [
  { value: 1e308, valid: false },
  { value: Number.MAX_VALUE, valid: false },
  { value: 1e24, valid: false },
  { value: 1e23, valid: true },
  { value: Number.MAX_SAFE_INTEGER, valid: true },
  { value: Number.MIN_VALUE, valid: true },
  { value: -0, valid: true },
  { value: 0, valid: true },
  { value: '99999999999999999999', valid: true },
  { value: '12345678901234567890.125', valid: true },
  { value: '999999999999999999999999', valid: true },
  { value: '1000000000000000000000000', valid: false },
  { value: '0000000000000000000000000001', valid: true },
  { value: '0.0000000000000000000000000001', valid: true },
  { value: '-0', valid: false },
  { value: '', valid: false },
  { value: '   ', valid: false },
  { value: '1e308', valid: false },
  { value: 'Infinity', valid: false },
  { value: 'NaN', valid: false },
];

const INTEGERS: { value: Json; valid: boolean }[] = [
  { value: 1e308, valid: false },
  { value: -0, valid: true }, // -0 is a whole number ≥ 0 (for a year it is out of range: checked below)
  { value: '', valid: false },
  { value: '2024', valid: false },
  { value: 2024.5, valid: false },
  { value: Number.MAX_SAFE_INTEGER + 2, valid: false },
];

const check = (request: Json, path: Path | null, mustBeRefusedThere: boolean): void => {
  const result = safeAssessUnknown(request);
  const extra = path !== null && mustBeRefusedThere && !hasIssueAt(result, path) ? [`not refused at ${path.join('.')}`] : [];
  assertSound(result, false, extra);
};

describe('fuzz: hostile values in valid requests', () => {
  for (const seed of [11, 12]) {
    it(`${runsLabel(fuzzRuns(5_000))} requests with a huge, tiny, negative-zero or empty amount (seed ${seed})`, { timeout: FUZZ_TIMEOUT_MS }, () => {
      const arb = fc.tuple(leafOf(DECIMAL_KEYS), fc.constantFrom(...HUGE_OR_ODD), fc.constantFrom(...INTEGERS), fc.boolean());
      fc.assert(
        fc.property(arb, ([{ request, path }, odd, int, atInteger]) => {
          if (path === null) return check(request, null, false);
          if (atInteger) {
            // jingxiTalents / residentSrdiCount / a year: an integer field instead.
            const ints = nodesOf(request).filter(({ path: p }) => INTEGER_KEYS.has(String(p[p.length - 1])));
            const target = ints[0]?.path;
            if (target === undefined) return check(request, null, false);
            const isYear = target[target.length - 1] === 'year';
            return check(withReplaced(request, target, int.value), target, !int.valid || isYear);
          }
          return check(withReplaced(request, path, odd.value), path, !odd.valid);
        }),
        { seed, numRuns: fuzzRuns(5_000) },
      );
    });
  }

  it(`${runsLabel(fuzzRuns(5_000))} requests with __proto__, constructor or prototype as an own key anywhere (seed 13)`, { timeout: FUZZ_TIMEOUT_MS }, () => {
    const arb = fc.tuple(validRequest, fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom<Json>({ polluted: true }, { isAdmin: true, toFixed2: 'x' }, 'polluted', null, [1]));
    fc.assert(
      fc.property(arb, ([request, at, key, payload]) => {
        const objects = [{ path: [] as Path, value: request as Json }, ...nodesOf(request)].filter((n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value));
        const target = objects[at % objects.length]!.path;
        // Build the text a server would receive, then parse it: JSON.parse makes `__proto__` an own key.
        const marker = '\u0000own-key\u0000';
        const text = JSON.stringify(withReplaced(request, [...target, marker], payload)).replace(JSON.stringify(marker), JSON.stringify(key));
        const parsed = JSON.parse(text) as RequestJson;
        const extra = Object.hasOwn(target.reduce<Record<string | number, Json>>((node, step) => node[step] as Record<string | number, Json>, parsed), key) ? [] : ['the key is not own'];
        const result = safeAssessUnknown(parsed);
        if (!hasIssueAt(result, [...target, key]) || result.ok || !result.issues.some((i) => i.code === 'forbidden-key')) extra.push(`${key} at ${target.join('.') || '(root)'} not refused as forbidden-key`);
        assertSound(result, false, extra);
      }),
      { seed: 13, numRuns: fuzzRuns(5_000) },
    );
    expect(pollutionProblems()).toEqual([]);
  });

  const NOT_STRINGS: Json[] = [20230201, 1672531200000, 0, -1, true, false, null, [], ['2023', '02', '01'], { year: 2023, month: 2, day: 1 }];
  const NEARLY_DATES = [
    '2023-2-1', '2023-02-1', '2023-2-01', '2023-02-01T00:00:00Z', '2023-02-01T00:00:00+08:00', '2023-02-01 00:00', '2023/02/01', '02/01/2023', '2023.02.01',
    '2023-02-29', '2100-02-29', '2023-04-31', '2023-00-01', '2023-13-01', '2023-01-00', '2023-01-32', '', ' ', '2023-02-01\n', '\t2023-02-01', '20230201',
    '+002023-02-01', '-002023-02-01', '2023-W05-3', '2023-032', '２０２３-０２-０１', '2023‐02‐01', 'Wed Feb 01 2023', 'today', 'null',
  ];
  const REAL_DATES = ['2024-02-29', '2000-02-29', '0001-01-01', '1970-01-01', '9999-12-31', '2022-01-01', '2025-12-31'];

  for (const seed of [14, 15]) {
    it(`${runsLabel(fuzzRuns(5_000))} requests with a date that is not a string, nearly a date, or a real but extreme date (seed ${seed})`, { timeout: FUZZ_TIMEOUT_MS }, () => {
      const replacement = fc.oneof(
        fc.constantFrom(...NOT_STRINGS).map((value) => ({ value, valid: false })),
        fc.constantFrom(...NEARLY_DATES).map((value): { value: Json; valid: boolean } => ({ value, valid: false })),
        fc.constantFrom(...REAL_DATES).map((value): { value: Json; valid: boolean } => ({ value, valid: true })),
        fc.date({ noInvalidDate: true }).map((d): { value: Json; valid: boolean } => ({ value: d.toISOString(), valid: false })),
      );
      fc.assert(
        fc.property(leafOf(DATE_KEYS), replacement, ({ request, path }, { value, valid }) => check(path === null ? request : withReplaced(request, path, value), path, !valid)),
        { seed, numRuns: fuzzRuns(5_000) },
      );
    });
  }

  it('a Date object where a date string belongs is refused at its field, not read through the host clock or zone', () => {
    const result = safeAssess({ asOf: new Date(Date.UTC(2024, 11, 31)) as unknown as string, enterprise: { id: 'E' } });
    expect(hasIssueAt(result, ['asOf'])).toBe(true);
  });
});
