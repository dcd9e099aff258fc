/**
 * `verifyVectors`: runs policy test vectors — `{ name, description?, request, expect }` — the way a
 * policy reviewer writes a case without writing code (as OpenFisca's YAML tests are written), and
 * reports each as passed or as a field-by-field difference.
 *
 * `expect` may name: `ok: false` with `issuePaths` (dotted paths that must be among the issues) and
 * `issuePathPrefixes`; `totalPayable`; `measures.<M>.outcome | amount | payable | missingIncludes`;
 * `clawback.<field>`. Fields not named are not checked. `null` expects null (or absent).
 */
import { type AssessOptions, safeAssessUnknown } from './assess.js';

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
  totalPayable?: string | null;
  measures?: Record<string, { outcome?: string; amount?: string | null; payable?: string | null; missingIncludes?: string }>;
  clawback?: Record<string, unknown>;
}

/** The verdict on one vector. */
export interface VectorVerdict {
  name: string;
  passed: boolean;
  /** One line per difference: `M3.amount 438600.00 != 438600.01`. */
  differences: string[];
}

/** The verdicts on a set of vectors. */
export interface VectorReport {
  verdicts: VectorVerdict[];
  passed: number;
  failed: number;
}

const same = (actual: unknown, expected: unknown): boolean => (expected === null ? actual === null || actual === undefined : actual === expected);
const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The differences between what one vector expects and what `safeAssess` gives.
 *
 * @example
 * ```ts
 * import { verifyVector } from 'mentougou-srdi';
 *
 * // The differences, one line each; none when the vector passes.
 * const differences = verifyVector({ request: { asOf: '2024-12-31', enterprise: { id: 'E1' } }, expect: { totalPayable: '1.00' } });
 * console.log(differences.length); // 1
 * ```
 */
export function verifyVector(vector: PolicyVector, options?: AssessOptions): string[] {
  const result = safeAssessUnknown(vector.request, options);
  const expect = vector.expect ?? {};
  const differences: string[] = [];
  if (expect.ok === false) {
    if (result.ok) return ['expected invalid input, but the request was accepted'];
    const paths = result.issues.map((i) => i.path.join('.'));
    for (const p of expect.issuePaths ?? []) if (!paths.includes(p)) differences.push(`missing issue at ${p} (got ${paths.join(', ') || 'none'})`);
    for (const p of expect.issuePathPrefixes ?? []) if (!paths.some((q) => q.startsWith(p))) differences.push(`no issue under ${p} (got ${paths.join(', ') || 'none'})`);
    return differences;
  }
  if (!result.ok) return [`rejected: ${result.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.en}`).join('; ')}`];
  const value = result.value;
  if ('totalPayable' in expect && !same(value.totalPayable, expect.totalPayable)) differences.push(`totalPayable ${value.totalPayable} != ${show(expect.totalPayable)}`);
  for (const [id, em] of Object.entries(expect.measures ?? {})) {
    const m = value.measures.find((x) => x.measure === id);
    if (!m) {
      differences.push(`${id} absent from the result`);
      continue;
    }
    for (const field of ['outcome', 'amount', 'payable'] as const) {
      if (field in em && !same(m[field], em[field])) differences.push(`${id}.${field} ${show(m[field])} != ${show(em[field])}`);
    }
    if (em.missingIncludes !== undefined && !m.missing.includes(em.missingIncludes)) differences.push(`${id}.missing lacks ${em.missingIncludes} (got ${JSON.stringify(m.missing)})`);
  }
  for (const [field, expected] of Object.entries(expect.clawback ?? {})) {
    const actual = (value.clawback as Record<string, unknown>)[field];
    if (!same(actual, expected)) differences.push(`clawback.${field} ${show(actual)} != ${show(expected)}`);
  }
  return differences;
}

/**
 * Runs every vector.
 *
 * @param vectors vectors with their names (a file name or `file:line` where the vector has none)
 *
 * @example
 * ```ts
 * import { verifyVectors } from 'mentougou-srdi';
 *
 * const report = verifyVectors([
 *   { name: 'nothing-to-pay', request: { asOf: '2024-12-31', enterprise: { id: 'E1' } }, expect: { totalPayable: '0.00' } },
 * ]);
 * console.log(`${report.passed} passed, ${report.failed} failed`); // 1 passed, 0 failed
 * ```
 */
export function verifyVectors(vectors: readonly (PolicyVector & { name: string })[], options?: AssessOptions): VectorReport {
  const verdicts = vectors.map((v) => {
    const differences = verifyVector(v, options);
    return { name: v.name, passed: differences.length === 0, differences };
  });
  const passed = verdicts.filter((v) => v.passed).length;
  return { verdicts, passed, failed: verdicts.length - passed };
}
