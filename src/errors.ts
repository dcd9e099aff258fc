/**
 * The error `assess` throws for invalid input: it carries every issue (path, code, zh, en), as
 * `safeAssess` returns them.
 */
import type { PolicyIssue } from './model/issues.js';

/**
 * A request broke the contract; nothing was computed.
 *
 * @example
 * ```ts
 * import { assessUnknown, PolicyInputError } from 'mentougou-srdi';
 *
 * try {
 *   assessUnknown({ asOf: '2024-12-31' });
 * } catch (error) {
 *   if (error instanceof PolicyInputError) console.log(error.issues.map((i) => i.code).join(', ')); // subject-required
 * }
 * ```
 */
export class PolicyInputError extends Error {
  readonly issues: PolicyIssue[];
  constructor(issues: PolicyIssue[]) {
    const first = issues.slice(0, 3).map((i) => `${i.path.join('.') || '(request)'}: ${i.en}`);
    super(`invalid request (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${first.join('; ')}${issues.length > 3 ? '; …' : ''}`);
    this.name = 'PolicyInputError';
    this.issues = issues;
  }
}
