/**
 * `verifyVectors`: runs policy test vectors — `{ name, description?, request, expect }` — the way a
 * policy reviewer writes a case without writing code (as OpenFisca's YAML tests are written), and
 * reports each as passed or as a list of differences, each saying what was expected and what came.
 *
 * `expect` may name: `ok: false` with `issuePaths` (dotted paths that must be among the issues) and
 * `issuePathPrefixes`; `totalPayable`; `measures.<M1..M13>.outcome | amount | payable |
 * missingIncludes`; `clawback.<field>` (a field of the result's clawback part). A key not in that list,
 * or one that is empty (`{}`, `[]`), is an error naming the key: a misspelt expectation never passes
 * silently. Money is compared as an amount: `"1500000"`, `1500000` and `"1500000.00"` are equal.
 * `null` expects null (a service measure's amount). Fields not named are not checked.
 */
import { safeAssessUnknown, type AssessOptions } from './assess.js';
import { MEASURE_IDS } from './core/clauses.js';
import { formatMoney, Money, parseMoney } from './core/money.js';
import { clawbackResultSchema } from './model/result.js';

/** One vector. */
export interface PolicyVector {
  name?: string;
  description?: string;
  request: unknown;
  expect: VectorExpectation;
}

/** What a vector expects. */
export interface VectorExpectation {
  ok?: boolean;
  issuePaths?: string[];
  issuePathPrefixes?: string[];
  totalPayable?: string | number | null;
  measures?: Record<string, { outcome?: string; amount?: string | number | null; payable?: string | number | null; missingIncludes?: string }>;
  clawback?: Record<string, unknown>;
}

/** The kinds of difference. */
export type VectorDifferenceCode =
  /** `expect` names a key that is not checked (a misspelling): the vector itself is wrong. */
  | 'unknown-key'
  /** `expect`, or a part of it, is empty: it checks nothing. */
  | 'empty'
  /** An expected value that cannot be one (an amount that is not a number, an unknown outcome). */
  | 'invalid-expectation'
  /** The result differs from what was expected. */
  | 'mismatch'
  /** An expected measure is not in the result. */
  | 'absent'
  /** The request was refused, but a result was expected. */
  | 'refused'
  /** The request was accepted, but `ok: false` was expected. */
  | 'accepted'
  /** An expected input issue is not among the issues. */
  | 'missing-issue';

/** One difference between what a vector expects and what came. */
export interface VectorDifference {
  code: VectorDifferenceCode;
  /** What was checked: `totalPayable`, `measures.M3.amount`, or a key of the vector (`expect.totalpayable`). */
  path: string;
  /** The sentence, in Chinese: `totalPayable：期望 1500000.01，实际 1500000.00`. */
  zh: string;
  /** The sentence, in English: `totalPayable: expected 1500000.01, got 1500000.00`. */
  en: string;
}

/** The verdict on one vector. */
export interface VectorVerdict {
  name: string;
  passed: boolean;
  /** One line per difference, in English (`details[i].en`). */
  differences: string[];
  /** The differences, with their code, path and both languages. */
  details: VectorDifference[];
}

/** The verdicts on a set of vectors. */
export interface VectorReport {
  verdicts: VectorVerdict[];
  passed: number;
  failed: number;
}

const TOP_KEYS = ['ok', 'issuePaths', 'issuePathPrefixes', 'totalPayable', 'measures', 'clawback'] as const;
const MEASURE_KEYS = ['outcome', 'amount', 'payable', 'missingIncludes'] as const;
const OUTCOMES = ['eligible', 'ineligible', 'undetermined'] as const;
/** The clawback fields a vector may name: those of the result (src/model/result.ts). */
const CLAWBACK_KEYS: readonly string[] = Object.keys(clawbackResultSchema.shape);
/** Clawback fields holding money. */
const CLAWBACK_MONEY = new Set(['amount']);
/** The keys that make sense for a request that must be refused. */
const REFUSAL_KEYS = new Set(['ok', 'issuePaths', 'issuePathPrefixes']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (v === undefined ? 'nothing' : typeof v === 'string' ? v : JSON.stringify(v));
const showZh = (v: unknown): string => (v === undefined ? '无' : show(v));

const difference = (code: VectorDifferenceCode, path: string, zh: string, en: string): VectorDifference => ({ code, path, zh: `${path}：${zh}`, en: `${path}: ${en}` });

const mismatch = (path: string, expected: string, actual: string, actualZh = actual): VectorDifference =>
  difference('mismatch', path, `期望 ${expected}，实际 ${actualZh}`, `expected ${expected}, got ${actual}`);

function unknownKey(path: string, known: readonly string[]): VectorDifference {
  return difference('unknown-key', path, `未知的键（可用：${known.join('、')}）`, `unknown key (known: ${known.join(', ')})`);
}

function emptyKey(path: string): VectorDifference {
  return difference('empty', path, '为空，不检查任何内容', 'empty: it checks nothing');
}

/** An expected amount as shown: two decimals, or every decimal given when there are more. */
const showAmount = (amount: Money): string => (amount.decimalPlaces() <= 2 ? formatMoney(amount) : amount.toFixed());

/** An expected money value: `null`, or an amount. */
type ExpectedMoney = { ok: true; value: Money | null } | { ok: false; problem: VectorDifference };

function expectedMoney(path: string, value: unknown): ExpectedMoney {
  if (value === null) return { ok: true, value: null };
  const parsed = parseMoney(value);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return { ok: false, problem: difference('invalid-expectation', path, `不是金额：${show(value)}`, `not an amount: ${show(value)}`) };
}

/** Compares a money field of the result (a two-decimal string, or null) with what was expected. */
function compareMoney(path: string, actual: string | null | undefined, expected: unknown, out: VectorDifference[]): void {
  const want = expectedMoney(`expect.${path}`, expected);
  if (!want.ok) {
    out.push(want.problem);
    return;
  }
  const got = actual === undefined || actual === null ? null : new Money(actual);
  const equal = want.value === null ? got === null : got !== null && got.eq(want.value);
  if (!equal) out.push(mismatch(path, want.value === null ? 'null' : showAmount(want.value), got === null ? 'null' : formatMoney(got)));
}

/** Whether two JSON values are equal (objects by their keys, in any order). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  const other = Object.keys(b).filter((k) => b[k] !== undefined);
  return keys.length === other.length && keys.every((k) => sameJson(a[k], b[k]));
}

/** The problems of the `expect` object itself: unknown keys, empty parts, keys that cannot apply. */
function checkExpectation(expect: Record<string, unknown>, out: VectorDifference[]): void {
  const keys = Object.keys(expect);
  if (keys.length === 0) {
    out.push(emptyKey('expect'));
    return;
  }
  const refused = expect.ok === false;
  for (const key of keys) {
    const path = `expect.${key}`;
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      out.push(unknownKey(path, TOP_KEYS));
      continue;
    }
    const value = expect[key];
    if (refused && !REFUSAL_KEYS.has(key)) {
      out.push(difference('invalid-expectation', path, '期望请求被拒绝（ok: false）时不能检查此项', 'cannot be checked on a request expected to be refused (ok: false)'));
      continue;
    }
    if (key === 'ok' && typeof value !== 'boolean') out.push(difference('invalid-expectation', path, `应为 true 或 false：${show(value)}`, `must be true or false: ${show(value)}`));
    if (key === 'issuePaths' || key === 'issuePathPrefixes') {
      if (!refused) out.push(difference('invalid-expectation', path, '仅在 ok: false 时可用', 'only with ok: false'));
      else if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) out.push(difference('invalid-expectation', path, '应为路径字符串的数组', 'must be an array of path strings'));
      else if (value.length === 0) out.push(emptyKey(path));
    }
    if (key === 'measures') {
      if (!isRecord(value)) out.push(difference('invalid-expectation', path, '应为以措施编号为键的对象', 'must be an object keyed by measure id'));
      else if (Object.keys(value).length === 0) out.push(emptyKey(path));
      else {
        for (const [id, em] of Object.entries(value)) {
          const at = `${path}.${id}`;
          if (!(MEASURE_IDS as readonly string[]).includes(id)) out.push(unknownKey(at, MEASURE_IDS));
          else if (!isRecord(em)) out.push(difference('invalid-expectation', at, '应为对象', 'must be an object'));
          else if (Object.keys(em).length === 0) out.push(emptyKey(at));
          else {
            for (const field of Object.keys(em)) if (!(MEASURE_KEYS as readonly string[]).includes(field)) out.push(unknownKey(`${at}.${field}`, MEASURE_KEYS));
            if ('outcome' in em && !(OUTCOMES as readonly unknown[]).includes(em.outcome)) out.push(difference('invalid-expectation', `${at}.outcome`, `不是结果值（可用：${OUTCOMES.join('、')}）：${show(em.outcome)}`, `not an outcome (${OUTCOMES.join(', ')}): ${show(em.outcome)}`));
            if ('missingIncludes' in em && typeof em.missingIncludes !== 'string') out.push(difference('invalid-expectation', `${at}.missingIncludes`, '应为请求路径字符串', 'must be a request path string'));
          }
        }
      }
    }
    if (key === 'clawback') {
      if (!isRecord(value)) out.push(difference('invalid-expectation', path, '应为对象', 'must be an object'));
      else if (Object.keys(value).length === 0) out.push(emptyKey(path));
      else for (const field of Object.keys(value)) if (!CLAWBACK_KEYS.includes(field)) out.push(unknownKey(`${path}.${field}`, CLAWBACK_KEYS));
    }
  }
}

/**
 * The differences between what one vector expects and what `safeAssessUnknown` gives, with both languages:
 * unknown or empty `expect` keys, amounts that differ (compared as amounts: `"1500000"` equals
 * `"1500000.00"`), and for a vector that expects invalid input the issue paths that did not come.
 *
 * @example
 * ```ts
 * import { checkVector } from 'mentougou-srdi/verify';
 *
 * const differences = checkVector({ request: { asOf: '2024-12-31', enterprise: { id: 'E1' } }, expect: { totalPayable: '1' } });
 * console.log(differences.length); // 1
 * console.log(differences[0]?.code); // mismatch
 * ```
 */
export function checkVector(vector: PolicyVector, options?: AssessOptions): VectorDifference[] {
  const out: VectorDifference[] = [];
  const expect: unknown = vector.expect;
  if (!isRecord(expect)) return [difference('invalid-expectation', 'expect', '应为对象', 'must be an object')];
  checkExpectation(expect, out);
  if (out.some((d) => d.path === 'expect' && d.code === 'empty')) return out;
  const result = safeAssessUnknown(vector.request, options);
  if (expect.ok === false) {
    if (result.ok) {
      out.push(difference('accepted', 'ok', '期望请求被拒绝，实际被接受', 'expected the request to be refused, but it was accepted'));
      return out;
    }
    const paths = result.issues.map((i) => i.path.join('.'));
    const got = paths.join(', ') || 'none';
    const gotZh = paths.join('、') || '无';
    const wanted = (key: 'issuePaths' | 'issuePathPrefixes'): string[] => (Array.isArray(expect[key]) ? (expect[key] as unknown[]).filter((p): p is string => typeof p === 'string') : []);
    for (const p of wanted('issuePaths')) {
      if (!paths.includes(p)) out.push(difference('missing-issue', 'issuePaths', `期望在 ${p} 有问题，实际问题在：${gotZh}`, `expected an issue at ${p}, got issues at: ${got}`));
    }
    for (const p of wanted('issuePathPrefixes')) {
      if (!paths.some((q) => q.startsWith(p))) out.push(difference('missing-issue', 'issuePathPrefixes', `期望在 ${p} 之下有问题，实际问题在：${gotZh}`, `expected an issue under ${p}, got issues at: ${got}`));
    }
    return out;
  }
  if (!result.ok) {
    const first = result.issues.slice(0, 3);
    out.push(
      difference(
        'refused',
        'ok',
        `期望得到评估结果，实际请求被拒绝：${first.map((i) => `${i.path.join('.') || '(root)'}：${i.zh}`).join('；')}`,
        `expected a result, got a refusal: ${first.map((i) => `${i.path.join('.') || '(root)'}: ${i.en}`).join('; ')}`,
      ),
    );
    return out;
  }
  const value = result.value;
  if ('totalPayable' in expect) compareMoney('totalPayable', value.totalPayable, expect.totalPayable, out);
  if (isRecord(expect.measures)) {
    for (const [id, em] of Object.entries(expect.measures)) {
      if (!(MEASURE_IDS as readonly string[]).includes(id) || !isRecord(em)) continue;
      const m = value.measures.find((x) => x.measure === id);
      if (!m) {
        const listed = value.measures.map((x) => x.measure).join(', ');
        out.push(difference('absent', `measures.${id}`, `期望在结果中，实际结果只列出 ${listed}`, `expected in the result, got only ${listed}`));
        continue;
      }
      if ('outcome' in em && (OUTCOMES as readonly unknown[]).includes(em.outcome) && m.outcome !== em.outcome) out.push(mismatch(`measures.${id}.outcome`, show(em.outcome), m.outcome));
      if ('amount' in em) compareMoney(`measures.${id}.amount`, m.amount, em.amount, out);
      if ('payable' in em) compareMoney(`measures.${id}.payable`, m.payable, em.payable, out);
      if (typeof em.missingIncludes === 'string' && !m.missing.includes(em.missingIncludes)) {
        out.push(difference('mismatch', `measures.${id}.missing`, `期望包含 ${em.missingIncludes}，实际 ${JSON.stringify(m.missing)}`, `expected to include ${em.missingIncludes}, got ${JSON.stringify(m.missing)}`));
      }
    }
  }
  if (isRecord(expect.clawback)) {
    const clawback = value.clawback as Record<string, unknown>;
    for (const [field, expected] of Object.entries(expect.clawback)) {
      if (!CLAWBACK_KEYS.includes(field)) continue;
      const path = `clawback.${field}`;
      const actual = clawback[field];
      if (CLAWBACK_MONEY.has(field)) compareMoney(path, actual as string | null | undefined, expected, out);
      else if (expected === null ? actual !== null && actual !== undefined : !sameJson(actual, expected)) out.push(mismatch(path, show(expected), show(actual), showZh(actual)));
    }
  }
  return out;
}

/**
 * The differences between what one vector expects and what `safeAssessUnknown` gives, one English line each
 * (`checkVector` gives them in both languages).
 *
 * @example
 * ```ts
 * import { verifyVector } from 'mentougou-srdi/verify';
 *
 * // None when the vector passes.
 * const differences = verifyVector({ request: { asOf: '2024-12-31', enterprise: { id: 'E1' } }, expect: { totalPayable: '0' } });
 * console.log(differences.length); // 0
 * ```
 */
export function verifyVector(vector: PolicyVector, options?: AssessOptions): string[] {
  return checkVector(vector, options).map((d) => d.en);
}

/**
 * Runs every vector.
 *
 * @param vectors vectors with their names (a file name or `file:line` where the vector has none)
 *
 * @example
 * ```ts
 * import { verifyVectors } from 'mentougou-srdi/verify';
 *
 * const report = verifyVectors([
 *   { name: 'nothing-to-pay', request: { asOf: '2024-12-31', enterprise: { id: 'E1' } }, expect: { totalPayable: '0.00' } },
 * ]);
 * console.log(`${report.passed} passed, ${report.failed} failed`); // 1 passed, 0 failed
 * ```
 */
export function verifyVectors(vectors: readonly (PolicyVector & { name: string })[], options?: AssessOptions): VectorReport {
  const verdicts = vectors.map((v) => {
    const details = checkVector(v, options);
    return { name: v.name, passed: details.length === 0, differences: details.map((d) => d.en), details };
  });
  const passed = verdicts.filter((v) => v.passed).length;
  return { verdicts, passed, failed: verdicts.length - passed };
}
