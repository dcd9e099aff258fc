/**
 * Fuzzing `safeAssess` with valid requests (30,000 of the 100,000; docs/verification.md): every one is
 * accepted, and its result is sound — no NaN, no Infinity, nothing negative, money with exactly two
 * decimals, every payable at most its amount, the total the sum of the payables, no stray `undefined`
 * or `NaN` in any text — and no prototype is touched.
 */
import fc from 'fast-check';
import { fuzzRuns, runsLabel } from './scale.js';
import { describe, it } from 'vitest';
import { safeAssessUnknown } from '../../src/assess.js';
import { assertSound, FUZZ_TIMEOUT_MS, validEnterpriseRequest, validInstitutionRequest } from './support.js';

const accepted = (request: unknown): void => {
  const result = safeAssessUnknown(request);
  assertSound(result, true, result.ok ? [] : [`a valid request was refused: ${JSON.stringify(result.issues.slice(0, 3))}`]);
};

describe('fuzz: valid requests through safeAssess', () => {
  for (const seed of [20220101, 20221231, 20240229, 20251231]) {
    it(`${runsLabel(fuzzRuns(5_000))} enterprise requests (seed ${seed})`, { timeout: FUZZ_TIMEOUT_MS }, () => {
      fc.assert(fc.property(validEnterpriseRequest, accepted), { seed, numRuns: fuzzRuns(5_000) });
    });
  }

  for (const seed of [20230101, 20250101]) {
    it(`${runsLabel(fuzzRuns(5_000))} institution requests (seed ${seed})`, { timeout: FUZZ_TIMEOUT_MS }, () => {
      fc.assert(fc.property(validInstitutionRequest, accepted), { seed, numRuns: fuzzRuns(5_000) });
    });
  }
});
