/**
 * The requests whose results must stay byte-identical while the library is made faster (issue 13): the
 * golden vectors, 2,000 realistic requests of the benchmark generator, 1,000 generated requests with
 * missing facts (the bounds and questions at work), 600 of the fuzz tests' valid requests, and 500 of
 * them again under an edition with every reading at its other value (so that a cache keyed on the
 * edition is exercised with two editions).
 *
 * This is a change detector, not a statement of what is right: the hashes in result-hashes.json were
 * written by scripts/write-result-hashes.ts from the code before the performance work; the hand-worked
 * tests elsewhere say what is right. A change of a result on purpose rewrites the file (and says why in
 * its commit).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { generateRequests } from '../../bench/generate.js';
import { assessUnknown, decide, mentougou2022Draft, type PolicyEdition } from '../../src/index.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { READING_NAMES, DEFAULT_READINGS, otherValue } from '../../src/policy/readings.js';
import { requestWithUnknowns } from '../bounds/support.js';
import { validRequest } from '../fuzz/support.js';
import { goldenNames, goldenVector } from '../helpers/golden.js';

/** One request under one edition, named so that a mismatch says which. */
export interface RegressionCase {
  name: string;
  request: unknown;
  edition: PolicyEdition;
}

const flipped: PolicyEdition = deriveEdition(
  mentougou2022Draft,
  { readings: Object.fromEntries(READING_NAMES.map((n) => [n, otherValue(n, DEFAULT_READINGS[n])])) },
  { id: 'every-reading-flipped' },
);

/** Every case, in a fixed order (seeded generators only). */
export function regressionCases(): RegressionCase[] {
  const d = mentougou2022Draft;
  const cases: RegressionCase[] = [];
  for (const name of goldenNames()) {
    const v = goldenVector(name);
    if (v.expect && 'issues' in v.expect) continue;
    cases.push({ name: `golden ${name}`, request: v.request, edition: d });
  }
  generateRequests(2_000, 20_220_101).forEach((request, i) => cases.push({ name: `bench #${i}`, request, edition: d }));
  fc.sample(requestWithUnknowns, { seed: 13, numRuns: 1_000 }).forEach((request, i) => cases.push({ name: `unknowns #${i}`, request, edition: d }));
  const valid = fc.sample(validRequest, { seed: 1313, numRuns: 600 });
  valid.forEach((request, i) => cases.push({ name: `fuzz-valid #${i}`, request, edition: d }));
  valid.slice(0, 500).forEach((request, i) => cases.push({ name: `fuzz-valid #${i} (every reading flipped)`, request, edition: flipped }));
  return cases;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 20);

/** The hash of `assess`'s JSON and `decide`'s JSON for one case (`invalid: <issues JSON hash>` when the request is not valid). */
export function hashOf(c: RegressionCase): string {
  try {
    const result = assessUnknown(c.request, { edition: c.edition });
    const decision = decide(c.request as Parameters<typeof decide>[0], { edition: c.edition });
    return sha(`${JSON.stringify(result)}\n${JSON.stringify(decision)}`);
  } catch (error) {
    return `invalid ${sha(JSON.stringify((error as { issues?: unknown }).issues ?? null))}`;
  }
}
