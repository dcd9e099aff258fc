import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOf, anyOf, anyVerdict, known, met, not, type Outcome, outcomeOf, outcomeOfLines, type Status, statusOf, unknown, unmet, verdictOf } from '../../src/core/decision.js';

const status = fc.constantFrom<Status>('met', 'unmet', 'unknown');
const outcome = fc.constantFrom<Outcome>('eligible', 'ineligible', 'undetermined');

describe('allOf (Kleene conjunction)', () => {
  // Full truth table, worked by hand: unmet dominates, then unknown.
  const table: [Status, Status, Status][] = [
    ['met', 'met', 'met'],
    ['met', 'unmet', 'unmet'],
    ['met', 'unknown', 'unknown'],
    ['unmet', 'met', 'unmet'],
    ['unmet', 'unmet', 'unmet'],
    ['unmet', 'unknown', 'unmet'],
    ['unknown', 'met', 'unknown'],
    ['unknown', 'unmet', 'unmet'],
    ['unknown', 'unknown', 'unknown'],
  ];
  it.each(table)('allOf(%s, %s) = %s', (a, b, expected) => {
    expect(allOf([a, b])).toBe(expected);
  });

  it('of nothing is met; of one status is that status', () => {
    expect(allOf([])).toBe('met');
    expect(allOf(['met'])).toBe('met');
    expect(allOf(['unmet'])).toBe('unmet');
    expect(allOf(['unknown'])).toBe('unknown');
  });

  it('an unmet after an unknown still decides (unknown, unknown, unmet = unmet)', () => {
    expect(allOf(['unknown', 'unknown', 'unmet'])).toBe('unmet');
    expect(allOf(['met', 'unknown', 'met'])).toBe('unknown');
  });

  it('takes any iterable', () => {
    expect(allOf(new Set<Status>(['met', 'unknown']))).toBe('unknown');
  });

  it('property: unmet iff any is unmet; else unknown iff any is unknown; independent of order', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 8 }), (xs) => {
        const expected: Status = xs.includes('unmet') ? 'unmet' : xs.includes('unknown') ? 'unknown' : 'met';
        expect(allOf(xs)).toBe(expected);
        expect(allOf([...xs].reverse())).toBe(expected);
      }),
    );
  });
});

describe('anyOf (Kleene disjunction)', () => {
  // Full truth table, worked by hand: met dominates, then unknown.
  const table: [Status, Status, Status][] = [
    ['met', 'met', 'met'],
    ['met', 'unmet', 'met'],
    ['met', 'unknown', 'met'],
    ['unmet', 'met', 'met'],
    ['unmet', 'unmet', 'unmet'],
    ['unmet', 'unknown', 'unknown'],
    ['unknown', 'met', 'met'],
    ['unknown', 'unmet', 'unknown'],
    ['unknown', 'unknown', 'unknown'],
  ];
  it.each(table)('anyOf(%s, %s) = %s', (a, b, expected) => {
    expect(anyOf([a, b])).toBe(expected);
  });

  it('of nothing is unmet; of one status is that status', () => {
    expect(anyOf([])).toBe('unmet');
    expect(anyOf(['met'])).toBe('met');
    expect(anyOf(['unmet'])).toBe('unmet');
    expect(anyOf(['unknown'])).toBe('unknown');
  });

  it('property: met iff any is met; else unknown iff any is unknown', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 8 }), (xs) => {
        const expected: Status = xs.includes('met') ? 'met' : xs.includes('unknown') ? 'unknown' : 'unmet';
        expect(anyOf(xs)).toBe(expected);
      }),
    );
  });

  it('property: De Morgan — not(allOf(xs)) = anyOf(xs.map(not))', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 8 }), (xs) => {
        expect(not(allOf(xs))).toBe(anyOf(xs.map(not)));
        expect(not(anyOf(xs))).toBe(allOf(xs.map(not)));
      }),
    );
  });
});

describe('not, statusOf', () => {
  it('not swaps met and unmet and keeps unknown', () => {
    expect(not('met')).toBe('unmet');
    expect(not('unmet')).toBe('met');
    expect(not('unknown')).toBe('unknown');
  });

  it('property: not is its own inverse', () => {
    fc.assert(
      fc.property(status, (s) => {
        expect(not(not(s))).toBe(s);
      }),
    );
  });

  it('statusOf: true met, false unmet, absent unknown', () => {
    expect(statusOf(true)).toBe('met');
    expect(statusOf(false)).toBe('unmet');
    expect(statusOf(undefined)).toBe('unknown');
  });
});

describe('outcomeOf, outcomeOfLines (docs/contract.md § A measure)', () => {
  it('outcomeOf: met → eligible, unmet → ineligible, unknown → undetermined', () => {
    expect(outcomeOf('met')).toBe('eligible');
    expect(outcomeOf('unmet')).toBe('ineligible');
    expect(outcomeOf('unknown')).toBe('undetermined');
  });

  it('outcomeOfLines: eligible if any line is, else undetermined if any is, else ineligible', () => {
    expect(outcomeOfLines(['ineligible', 'eligible', 'undetermined'])).toBe('eligible');
    expect(outcomeOfLines(['undetermined', 'eligible'])).toBe('eligible');
    expect(outcomeOfLines(['ineligible', 'undetermined'])).toBe('undetermined');
    expect(outcomeOfLines(['undetermined'])).toBe('undetermined');
    expect(outcomeOfLines(['ineligible', 'ineligible'])).toBe('ineligible');
    expect(outcomeOfLines([])).toBe('ineligible');
  });

  it('property: outcomeOfLines is anyOf on the statuses the outcomes stand for', () => {
    const statusFor: Record<Outcome, Status> = { eligible: 'met', ineligible: 'unmet', undetermined: 'unknown' };
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 8 }), (os) => {
        expect(outcomeOfLines(os)).toBe(outcomeOf(anyOf(os.map((o) => statusFor[o]))));
      }),
    );
  });
});

describe('verdicts: met(), unmet(), unknown(missing) — only an unknown carries paths', () => {
  it('met and unmet carry no paths; an unknown carries its paths, each once, in order', () => {
    expect(met()).toEqual({ status: 'met' });
    expect(unmet()).toEqual({ status: 'unmet' });
    expect(unknown(['b.c', 'a.b', 'b.c'])).toEqual({ status: 'unknown', missing: ['b.c', 'a.b'] });
  });

  it('known(holds) decides; verdictOf(fact, path) is unknown (decided by path) only for an absent fact', () => {
    expect(known(true)).toEqual({ status: 'met' });
    expect(known(false)).toEqual({ status: 'unmet' });
    expect(verdictOf(true, 'enterprise.smallOrMicro')).toEqual({ status: 'met' });
    expect(verdictOf(false, 'enterprise.smallOrMicro')).toEqual({ status: 'unmet' });
    expect(verdictOf(undefined, 'enterprise.smallOrMicro')).toEqual({ status: 'unknown', missing: ['enterprise.smallOrMicro'] });
  });

  it('anyVerdict: met dominates; else unknown with every unknown one’s paths (each once); else unmet; none at all is unmet', () => {
    expect(anyVerdict([unknown(['a']), met()])).toEqual({ status: 'met' });
    expect(anyVerdict([unmet(), unknown(['a', 'b']), unknown(['b', 'c'])])).toEqual({ status: 'unknown', missing: ['a', 'b', 'c'] });
    expect(anyVerdict([unmet(), unmet()])).toEqual({ status: 'unmet' });
    expect(anyVerdict([])).toEqual({ status: 'unmet' });
  });
});
