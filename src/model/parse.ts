/**
 * `parseRequest`: validates a request against the contract and returns either the validated request
 * (dates as day numbers, money as Decimal) or every issue found, each with its path and a message in
 * Chinese and English. Nothing is computed from a request that has an issue.
 */
import { FORBIDDEN_KEYS, fromZodError, type PolicyIssue, policyIssue } from './issues.js';
import { type PolicyRequest, requestSchema } from './request.js';

/** The outcome of validating a request. */
export type ParseRequestResult = { ok: true; value: PolicyRequest } | { ok: false; issues: PolicyIssue[] };

/** Deepest nesting a request may have (the contract's own depth is 4). */
export const MAX_DEPTH = 32;

/**
 * Finds keys that could reach an object's prototype (`__proto__`, `constructor`, `prototype`) and
 * nesting deeper than any request has, before zod sees the input.
 */
function scanKeys(value: unknown, path: (string | number)[], depth: number, issues: PolicyIssue[]): void {
  if (issues.length >= 100 || value === null || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) {
    issues.push(policyIssue([...path], 'too-deep'));
    return;
  }
  // One path array, pushed and popped: no allocation per key on the common, clean path.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item !== 'object') continue;
      path.push(i);
      scanKeys(item, path, depth + 1, issues);
      path.pop();
    }
    return;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (FORBIDDEN_KEYS.has(key)) {
      issues.push(policyIssue([...path, key], 'forbidden-key', { key }));
      continue;
    }
    const child = (value as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object') continue;
    path.push(key);
    scanKeys(child, path, depth + 1, issues);
    path.pop();
  }
}

/**
 * Validates a request (docs/contract.md § The request). Every field is checked; the cross-field rules (events not after
 * `asOf`, registration order, lease end, listing board, `year` / `enterpriseId` of ledger entries) are
 * checked once the fields they read are valid on their own, so a request with a broken field may show
 * more issues after that field is mended.
 *
 * @param input anything, typically parsed JSON
 * @returns `{ ok: true, value }` with the validated request, or `{ ok: false, issues }`
 *
 * @example
 * ```ts
 * import { parseRequest } from 'mentougou-srdi';
 *
 * const parsed = parseRequest({ asOf: '2024-02-30', enterprise: { id: 'E1' } });
 * if (!parsed.ok) console.log(parsed.issues[0]?.path.join('.')); // asOf
 * ```
 */
export function parseRequest(input: unknown): ParseRequestResult {
  const keyIssues: PolicyIssue[] = [];
  scanKeys(input, [], 0, keyIssues);
  if (keyIssues.length > 0) return { ok: false, issues: keyIssues };
  const parsed = requestSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodError(parsed.error) };
  return { ok: true, value: parsed.data };
}
