/** Clause citations (src/core/clauses.ts): how a clause and its ruling are written in traces and statements. */
import { describe, expect, it } from 'vitest';
import { cite } from '../../src/core/clauses.js';

describe('clause citations', () => {
  it('a clause with its ruling reads “M3 / R4”; without one, the clause alone', () => {
    expect(cite('M3', 'R4')).toBe('M3 / R4');
    expect(cite('G5')).toBe('G5');
  });
});
