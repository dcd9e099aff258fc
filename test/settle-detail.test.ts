/**
 * `settleRequest`'s two details: 'result' (what `assess` returns: every text copied, so that a result shares
 * nothing) and 'decisions' (what `decide` and the bounds' completions read: outcomes and money only, nothing
 * copied or built that they drop). Golden vector 01: M1 has a reason (the part paid before) and M6 two
 * service lines in the result; the decisions carry neither, and reuse the measures' own static texts.
 */
import { describe, expect, it } from 'vitest';
import { settleRequest } from '../src/assess.js';
import { M1_INFO } from '../src/measures/m01-designation-reward.js';
import { mentougou2022Draft } from '../src/policy/mentougou-2022-draft.js';
import { goldenEnterpriseFacts } from './helpers/golden.js';

const settled = (detail: 'result' | 'decisions') => settleRequest(goldenEnterpriseFacts('01-climber'), mentougou2022Draft, [], detail);
const byId = (s: ReturnType<typeof settled>, id: string) => s.measures.find((m) => m.measure === id)!;

describe('settleRequest: result vs decisions', () => {
  it('the same outcomes, amounts, payables and missing paths either way', () => {
    const pick = (s: ReturnType<typeof settled>) => s.measures.map((m) => [m.measure, m.outcome, m.amount, m.payable, m.missing]);
    expect(pick(settled('decisions'))).toEqual(pick(settled('result')));
  });

  it('result: M1’s reason and M6’s two lines are there; decisions: no reason and no service line at all', () => {
    const result = settled('result');
    expect(byId(result, 'M1').reasons).toHaveLength(1);
    expect(byId(result, 'M6').lines).toHaveLength(2);
    const decisions = settled('decisions');
    expect(decisions.measures.flatMap((m) => m.reasons)).toEqual([]);
    expect(decisions.measures.filter((m) => m.kind === 'service').flatMap((m) => m.lines)).toEqual([]);
  });

  it('result copies the measure’s static texts (a result shares nothing); decisions reuse them', () => {
    const result = byId(settled('result'), 'M1');
    expect(result.responsibleUnits).toEqual(M1_INFO.responsibleUnits);
    expect(result.responsibleUnits).not.toBe(M1_INFO.responsibleUnits);
    expect(result.title).not.toBe(M1_INFO.title);
    const decisions = byId(settled('decisions'), 'M1');
    expect(decisions.responsibleUnits).toBe(M1_INFO.responsibleUnits);
    expect(decisions.title).toBe(M1_INFO.title);
  });
});
