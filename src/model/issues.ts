/**
 * Input issues: what is wrong with a request, each with its path, a stable code, and a Chinese and an
 * English message. zod's own issues are translated here from their codes, so no zod locale is bundled.
 */
import type * as z from 'zod/mini';
import { type IssueCode, ISSUE_MESSAGES, message } from '../core/messages.js';

/** One problem with a request. */
export interface PolicyIssue {
  /** Where: keys and indices from the request root, e.g. `["enterprise", "leases", 0, "areaSqm"]`. */
  path: (string | number)[];
  code: IssueCode;
  zh: string;
  en: string;
}

/** Keys that must never be accepted, even where a schema would ignore them. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  string: { zh: '字符串', en: 'a string' },
  number: { zh: '数值', en: 'a number' },
  boolean: { zh: '布尔值（true 或 false）', en: 'a boolean (true or false)' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '数组', en: 'an array' },
  int: { zh: '整数', en: 'a whole number' },
};

function issue(path: PropertyKey[], code: IssueCode, params: Record<string, string | number> = {}): PolicyIssue {
  const text = message(ISSUE_MESSAGES[code], params);
  return { path: path.map((p) => (typeof p === 'number' ? p : String(p))), code, zh: text.zh, en: text.en };
}

/** Our code for a custom issue: its `params.code`, else its message when that is a code, else `invalid`. */
function codeOf(fromParams: unknown, fromMessage: string): IssueCode {
  if (typeof fromParams === 'string' && fromParams in ISSUE_MESSAGES) return fromParams as IssueCode;
  return fromMessage in ISSUE_MESSAGES ? (fromMessage as IssueCode) : 'invalid';
}

function typeName(expected: string, lang: 'zh' | 'en'): string {
  return TYPE_NAMES[expected]?.[lang] ?? expected;
}

/** Translates one zod issue into our issues (an unknown-keys issue becomes one issue per key). */
export function fromZodIssue(raw: z.core.$ZodIssue): PolicyIssue[] {
  const path = raw.path;
  switch (raw.code) {
    case 'custom': {
      const params = (raw.params ?? {}) as Record<string, string | number>;
      return [issue(path, codeOf(params.code, raw.message), params)];
    }
    case 'invalid_type': {
      if (raw.input === undefined) return [issue(path, 'required')];
      const base = issue(path, 'invalid-type');
      return [{ ...base, zh: `类型错误：应为${typeName(raw.expected, 'zh')}`, en: `wrong type: expected ${typeName(raw.expected, 'en')}` }];
    }
    case 'unrecognized_keys':
      return raw.keys.map((key) => issue([...path, key], FORBIDDEN_KEYS.has(key) ? 'forbidden-key' : 'unknown-key', { key }));
    case 'invalid_value':
      // A missing enum field is reported by zod as an invalid value whose input is undefined.
      if (raw.input === undefined) return [issue(path, 'required')];
      return [issue(path, 'invalid-value', { options: raw.values.map((v) => String(v)).join(' | ') })];
    case 'invalid_format':
      return [issue(path, 'invalid')];
    case 'too_small':
      if (raw.origin === 'string') return [issue(path, 'empty-string')];
      return [issue(path, 'out-of-range', { minimum: String(raw.minimum), maximum: '…' })];
    case 'too_big':
      if (raw.origin === 'string') return [issue(path, 'too-long', { maximum: String(raw.maximum) })];
      return [issue(path, 'out-of-range', { minimum: '…', maximum: String(raw.maximum) })];
    case 'invalid_union':
      if (raw.input === undefined) return [issue(path, 'required')];
      return [issue(path, codeOf(undefined, raw.message))];
    default:
      return [issue(path, 'invalid')];
  }
}

/** Translates a zod error's issues, in order, into ours. */
export function fromZodError(error: z.core.$ZodError): PolicyIssue[] {
  return error.issues.flatMap(fromZodIssue);
}

/** An issue made by this library outside zod (e.g. a forbidden key found before parsing). */
export function policyIssue(path: (string | number)[], code: IssueCode, params: Record<string, string | number> = {}): PolicyIssue {
  return issue(path, code, params);
}
