/**
 * `parseRequest`: validates a request against the contract and returns either the validated request
 * (dates as day numbers, money as Decimal) or every issue found, each with its path and a message in
 * Chinese and English. Nothing is computed from a request that has an issue.
 *
 * Two steps: the input is first read into fresh plain data within the request limits (DESIGN §6,
 * `readRequest`), so that zod sees neither a hostile size nor a getter or a Proxy; then zod validates the
 * copy. In front of both, an accept-only fast path (`fastParseRequest`, src/model/fast-parse.ts) returns
 * the very value zod would for a request it can tell is valid, and hands every other input to them (which
 * then read it afresh: a property is read once when the fast path accepts, at most twice when it declines).
 */
import { fastParseRequest } from './fast-parse.js';
import { fromZodIssue, type PolicyIssue } from './issues.js';
import { MAX_ISSUES, readRequest } from './limits.js';
import { type PolicyRequest, requestSchema } from './request.js';

export { MAX_DEPTH } from './limits.js';

/** The outcome of validating a request. */
export type ParseRequestResult = { ok: true; value: PolicyRequest } | { ok: false; issues: PolicyIssue[] };

/**
 * Validates a request (docs/contract.md § The request). The limits are checked first (§ Limits:
 * `too-many`, `too-long`, `too-deep`, `forbidden-key`, `unreadable`); a request that breaks one gets only
 * those issues. Then every field is checked; the cross-field rules (events not after `asOf`, registration order, lease end, listing board,
 * `year` / `enterpriseId` of ledger entries) are checked once the fields they read are valid on their
 * own, so a request with a broken field may show more issues after that field is mended. At most
 * `MAX_ISSUES` (1,000) issues are reported, the first in order.
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
  const fast = fastParseRequest(input);
  if (fast !== undefined) return { ok: true, value: fast };
  const read = readRequest(input);
  if (!read.ok) return read;
  const parsed = requestSchema.safeParse(read.value, { reportInput: true });
  if (!parsed.success) {
    // One zod issue may stand for many of ours (an object's unknown keys): the first MAX_ISSUES are kept.
    const issues: PolicyIssue[] = [];
    for (const raw of parsed.error.issues) {
      if (issues.length >= MAX_ISSUES) break;
      issues.push(...fromZodIssue(raw).slice(0, MAX_ISSUES - issues.length));
    }
    return { ok: false, issues };
  }
  return { ok: true, value: parsed.data };
}
