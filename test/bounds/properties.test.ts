/**
 * Properties of the bounds and questions (DESIGN §7) over seeded requests with unknowns: 1,000 in
 * `npm test`, 10,000 under `FUZZ=full` (`npm run verify:full`).
 *
 * - Each result is sound on its own: payable ≤ payableUpTo and amount ≤ amountUpTo (measures and
 *   lines), an eligible line's bounds are its values, an ineligible one's "0.00", a measure with nothing
 *   missing has its own values as bounds, totalPayableUpTo is the sum; every missing path has exactly
 *   one question, the question names the measures that miss it and is in FACTS; questions are ordered.
 * - Every completion (each missing fact given a value, and again for what that opens, up to three
 *   rounds) keeps each payable within [payable, payableUpTo], each entitlement within amountUpTo and
 *   the total within [totalPayable, totalPayableUpTo], and changes no decided line (R-sound).
 * - The bounds are exact: with the registrations known (one completion), giving each missing fact its
 *   best value reaches every bounded payableUpTo and totalPayableUpTo to the fen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeAssessUnknown as safeAssess } from '../../src/assess.js';
import type { AssessmentResult } from '../../src/model/result.js';
import { FUZZ_FULL, propertyRuns, runsLabel } from '../fuzz/scale.js';
import { bestCompletion, boundsProblems, complete, completionProblems, missingOf, requestWithUnknowns } from './support.js';

const RUNS = FUZZ_FULL ? 10_000 : propertyRuns(1_000);
const TIMEOUT_MS = FUZZ_FULL ? 1_200_000 : 240_000;

const assessed = (request: unknown): AssessmentResult => {
  const r = safeAssess(request);
  if (!r.ok) throw new Error(`a valid request was refused: ${JSON.stringify(r.issues.slice(0, 3))}`);
  return r.value;
};

const fail = (problems: string[], request: unknown): void => {
  if (problems.length > 0) throw new Error(`${problems.slice(0, 8).join('\n')}\nrequest: ${JSON.stringify(request)}`);
};

describe('bounds and questions (DESIGN §7), property tests', () => {
  it(`${runsLabel(RUNS)} requests: each result's bounds and questions are sound, and every completion stays within the bounds`, { timeout: TIMEOUT_MS }, () => {
    let open = 0;
    let raised = 0;
    fc.assert(
      fc.property(requestWithUnknowns, fc.gen(), (request, g) => {
        const base = assessed(request);
        fail(boundsProblems(base), request);
        if (base.totalPayableUpTo !== base.totalPayable) open += 1;
        let current = request;
        let result = base;
        for (let round = 0; round < 3; round++) {
          const missing = missingOf(result);
          if (missing.length === 0) break;
          current = complete(current, missing, g);
          result = assessed(current);
          fail(boundsProblems(result), current);
          fail(completionProblems(base, result), current);
        }
        if (result.totalPayable !== base.totalPayable) raised += 1;
      }),
      { seed: 20_250_701, numRuns: RUNS, endOnFailure: true },
    );
    // enough requests with money open, and completions that raise the payable, for the checks to bite
    expect(open).toBeGreaterThan(RUNS / 10);
    expect(raised).toBeGreaterThan(RUNS / 20);
  });

  it(`${runsLabel(RUNS)} requests with the registrations known: the best completion reaches every bound exactly`, { timeout: TIMEOUT_MS }, () => {
    let open = 0;
    fc.assert(
      fc.property(requestWithUnknowns, (request) => {
        const base = assessed(request);
        if (missingOf(base).some((p) => p.endsWith('.registrations'))) return;
        const best = assessed(bestCompletion(request));
        const problems: string[] = [];
        for (const m of base.measures) {
          if (m.kind !== 'money' || m.payableUpTo === null) continue;
          const reached = best.measures.find((x) => x.measure === m.measure)!;
          if (reached.payable !== m.payableUpTo) problems.push(`${m.measure}: payableUpTo ${m.payableUpTo}, best completion pays ${reached.payable}`);
          if (m.payableUpTo !== m.payable) open += 1;
        }
        const unbounded = base.measures.some((m) => m.kind === 'money' && m.payableUpTo === null);
        if (!unbounded && best.totalPayable !== base.totalPayableUpTo) problems.push(`totalPayableUpTo ${base.totalPayableUpTo}, best completion pays ${best.totalPayable}`);
        fail(problems, request);
      }),
      { seed: 20_250_704, numRuns: RUNS, endOnFailure: true },
    );
    // enough open measures for the check to bite
    expect(open).toBeGreaterThan(RUNS / 20);
  });
});
