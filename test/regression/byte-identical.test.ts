/**
 * Issue 13: the performance work keeps every result byte-identical. Each case of cases.ts is assessed
 * and decided again and its hash compared with the one written before the work began
 * (result-hashes.json); a mismatch names the case.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashOf, regressionCases } from './cases.js';

const expected = JSON.parse(readFileSync(new URL('./result-hashes.json', import.meta.url), 'utf8')) as string[];

describe('results stay byte-identical (issue 13)', () => {
  const cases = regressionCases();

  it('has a hash for every case, and the cases are the ones the hashes were written for', () => {
    expect(cases.length).toBe(expected.length);
    expect(cases.length).toBeGreaterThan(4_000);
  });

  it('every assess and decide JSON equals its hash (golden, bench, unknowns, fuzz, every reading flipped)', () => {
    const changed = cases.flatMap((c, i) => (hashOf(c) === expected[i] ? [] : [c.name]));
    expect(changed).toEqual([]);
  }, 120_000);
});
