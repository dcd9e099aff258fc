/**
 * The request limits (DESIGN §6), each number named once, and `readRequest`: a copy of the input into
 * fresh plain data, made before zod runs, that reads every property exactly once and checks the limits
 * as it goes. So zod never sees a hostile size, a getter or a Proxy: it validates plain data whose every
 * array, string and nesting is within bounds, and its work is bounded by the copy's size.
 *
 * What is read is what `JSON.stringify` would read: own enumerable string keys of objects, and the
 * entries `0 … length − 1` of arrays (a hole reads as `undefined`). A value that cannot be read (a getter
 * or a Proxy trap that throws, a revoked Proxy) makes the whole request `unreadable`, at the root path,
 * with the place that failed in the message.
 */
import { type PolicyIssue, FORBIDDEN_KEYS, policyIssue } from './issues.js';

/** Most entries an array of a request may have (`too-many`, with `{ maximum }`). */
export const MAX_ARRAY_ENTRIES = 10_000;
/** Most characters a string of a request may have (`too-long`); keys are strings too. */
export const MAX_STRING_LENGTH = 1_000;
/** Most significant digits a decimal may have (`money-too-large`): within the 60 digits money computes with. */
export const MAX_DECIMAL_DIGITS = 30;
/** Deepest nesting a request may have, the root object being level 0 (`too-deep`; the contract's own depth is 4). */
export const MAX_DEPTH = 32;
/** Most keys an object may have (`too-many`): no object of the contract has more than 25. */
export const MAX_OBJECT_KEYS = 1_000;
/**
 * Most values the copy reads in all, every property and entry counted (`too-many` at the root). A valid
 * request holds at most about 341,000 (every list at 10,000 entries, every optional field given); the
 * bound keeps the copy of anything bigger (under an unknown key, say), and zod's work on it, small.
 */
export const MAX_VALUES = 500_000;
/**
 * The nesting from which the copy remembers the objects it has copied (the request is level 0; the
 * deepest objects of the contract, the entries of a subject's lists, are at level 3).
 */
const SHARED_FROM_DEPTH = 4;
/** Most limit issues reported before the copy stops looking. */
export const MAX_LIMIT_ISSUES = 100;
/** Most issues a refused request reports (the first ones, in order): mend them and validate again for the rest. */
export const MAX_ISSUES = 1_000;

/** The outcome of reading a request within the limits. */
export type ReadRequestResult = { ok: true; value: unknown } | { ok: false; issues: PolicyIssue[] };

/** Thrown inside the copy to stop it (never escapes `readRequest`). */
const STOP = Symbol('stop');

/** Where the copy was when a read failed, as a dotted path for the message. */
const where = (path: readonly (string | number)[]): string => (path.length === 0 ? '(request)' : path.join('.'));

/**
 * Copies `input` into fresh plain objects and arrays, checking every limit of DESIGN §6 on the way,
 * before any validation: arrays at most {@link MAX_ARRAY_ENTRIES} entries (checked on `length`, before
 * an entry is read, so a sparse array of length 2^32 − 1 costs nothing), strings and keys at most
 * {@link MAX_STRING_LENGTH} characters, nesting at most {@link MAX_DEPTH}, objects at most
 * {@link MAX_OBJECT_KEYS} keys, {@link MAX_VALUES} values in all; the keys `__proto__`, `constructor`
 * and `prototype` are refused (`forbidden-key`) and never read. Typed arrays and boxed strings are not
 * data of the contract: they are copied as `null`, which validation then refuses at their path.
 *
 * @returns the copy, or the limit issues found (at most {@link MAX_LIMIT_ISSUES}), or one `unreadable`
 *   issue at the root when a read threw
 */
export function readRequest(input: unknown): ReadRequestResult {
  const issues: PolicyIssue[] = [];
  const path: (string | number)[] = [];
  let values = 0;
  // From SHARED_FROM_DEPTH down, each object is copied once: a reference met again reuses its copy (so a
  // graph of shared references costs its size, not its number of paths), if its levels still fit under
  // MAX_DEPTH from there. Above it, where every object of the contract lies, MAX_VALUES bounds the walk.
  const copies = new Map<object, { copy: unknown; levels: number }>();
  // Objects being copied (the current path): meeting one again is a cycle, which nests without end.
  const open = new Set<object>();
  // Levels of objects and arrays of the value copied last, itself included (0 for a primitive).
  let levels = 0;
  // The key or index being read at the current path, while it is read (a getter may throw).
  let reading: string | number | undefined;

  const report = (at: (string | number)[], code: 'too-many' | 'too-long' | 'too-deep' | 'forbidden-key', params: Record<string, string | number> = {}): void => {
    issues.push(policyIssue(at, code, params));
    if (issues.length >= MAX_LIMIT_ISSUES) throw STOP;
  };

  const countValue = (): void => {
    values += 1;
    if (values > MAX_VALUES) {
      issues.push(policyIssue([], 'too-many', { maximum: MAX_VALUES }));
      throw STOP;
    }
  };

  /** A property or entry of a container: a leaf is checked here (no call, no path step), an object copied. */
  const copyChild = (child: unknown, step: string | number, depth: number): unknown => {
    countValue();
    if (typeof child === 'object' && child !== null) {
      path.push(step);
      const out = copy(child, depth);
      path.pop();
      return out;
    }
    levels = 0;
    if (typeof child === 'string' && child.length > MAX_STRING_LENGTH) report([...path, step], 'too-long', { maximum: MAX_STRING_LENGTH });
    return child;
  };

  const copyContainer = (value: object, depth: number): unknown => {
    if (Array.isArray(value)) {
      const length: unknown = value.length;
      if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) throw new TypeError('array length');
      if (length > MAX_ARRAY_ENTRIES) {
        report([...path], 'too-many', { maximum: MAX_ARRAY_ENTRIES });
        return [];
      }
      const out: unknown[] = new Array<unknown>(length);
      let deepest = 0;
      for (let i = 0; i < length; i++) {
        reading = i;
        const entry: unknown = value[i];
        reading = undefined;
        out[i] = copyChild(entry, i, depth + 1);
        if (levels > deepest) deepest = levels;
      }
      levels = deepest + 1;
      return out;
    }
    if (ArrayBuffer.isView(value) || value instanceof String) {
      levels = 0;
      return null;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_OBJECT_KEYS) {
      report([...path], 'too-many', { maximum: MAX_OBJECT_KEYS });
      return {};
    }
    const out: Record<string, unknown> = {};
    let deepest = 0;
    for (const key of keys) {
      if (key.length > MAX_STRING_LENGTH) {
        // The key itself is too long to be named in a path: the issue is at its object.
        report([...path], 'too-long', { maximum: MAX_STRING_LENGTH });
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        report([...path, key], 'forbidden-key', { key });
        continue;
      }
      reading = key;
      const child = (value as Record<string, unknown>)[key];
      reading = undefined;
      out[key] = copyChild(child, key, depth + 1);
      if (levels > deepest) deepest = levels;
    }
    levels = deepest + 1;
    return out;
  };

  /** An object or array at `depth` (the root is 0), at the current `path`. */
  const copy = (value: object, depth: number): unknown => {
    levels = 0;
    if (depth > MAX_DEPTH) {
      report([...path], 'too-deep');
      return null;
    }
    // The contract's objects are all above SHARED_FROM_DEPTH: a valid request is copied without a look-up.
    if (depth < SHARED_FROM_DEPTH) return copyContainer(value, depth);
    const seen = copies.get(value);
    if (open.has(value) || (seen !== undefined && depth + seen.levels - 1 > MAX_DEPTH)) {
      report([...path], 'too-deep');
      return null;
    }
    if (seen !== undefined) {
      levels = seen.levels;
      return seen.copy;
    }
    open.add(value);
    const out = copyContainer(value, depth);
    open.delete(value);
    copies.set(value, { copy: out, levels });
    return out;
  };

  let value: unknown;
  try {
    countValue();
    if (typeof input === 'object' && input !== null) value = copy(input, 0);
    else if (typeof input === 'string' && input.length > MAX_STRING_LENGTH) report([], 'too-long', { maximum: MAX_STRING_LENGTH });
    else value = input;
  } catch (error) {
    if (error !== STOP) return { ok: false, issues: [unreadable(where(reading === undefined ? path : [...path, reading]))] };
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** The issue of a request that cannot be read (DESIGN §6): at the root, naming the place in its message. */
export function unreadable(at: string): PolicyIssue {
  return policyIssue([], 'unreadable', { at });
}

/**
 * The significant digits of a plain decimal numeral: its digits without the leading zeros (before or
 * after the point) and without the trailing zeros of its fraction. `"0.0010"` has 1, `"1200"` has 4.
 * Characters other than digits and the point (surrounding blanks) are not counted.
 */
export function significantDigits(numeral: string): number {
  let first = -1; // index of the first non-zero digit
  let last = -1; // index of the last digit that counts
  let point = numeral.length;
  for (let i = 0; i < numeral.length; i++) {
    const c = numeral.charCodeAt(i);
    if (c === 46) point = Math.min(point, i);
    else if (c >= 48 && c <= 57) {
      if (first < 0 && c !== 48) first = i;
      // A zero after the point counts only if a non-zero digit follows it.
      if (first >= 0 && (i < point || c !== 48)) last = i;
    }
  }
  if (first < 0) return 0;
  let count = 0;
  for (let i = first; i <= last; i++) {
    const c = numeral.charCodeAt(i);
    if (c >= 48 && c <= 57) count += 1;
  }
  return count;
}
