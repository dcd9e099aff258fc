import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyGrouped, MAX_INTEGER_DIGITS, Money, parseMoney, roundToFen } from '../../src/core/money.js';

/** parseMoney's rule for strings, as it reads in full: trim, sign, plain numeral, integer digits after leading zeros. */
function byTheRule(input: string): string {
  const text = input.trim();
  if (/^-/.test(text) && /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text.slice(1))) return 'negative';
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return 'not-a-number';
  if (text.split('.')[0]!.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) return 'too-many-digits';
  return `ok ${new Money(text).toString()}`;
}

const numeralish = fc
  .array(fc.constantFrom('0', '0', '1', '9', '.', '-', ' ', 'e', '5'), { maxLength: 32 })
  .map((chars) => chars.join(''));
const longNumeral = fc.tuple(fc.nat({ max: 4 }), fc.integer({ min: 1, max: 30 }), fc.boolean()).map(([zeros, digits, fraction]) => `${'0'.repeat(zeros)}${'7'.repeat(digits)}${fraction ? '.25' : ''}`);

describe('parseMoney: the one-pass reading of plain numerals decides as the full rule does', () => {
  it('accepts and refuses strings exactly as the rule, with the same value', () => {
    fc.assert(
      fc.property(fc.oneof(numeralish, longNumeral), (input) => {
        const parsed = parseMoney(input);
        expect(parsed.ok ? `ok ${parsed.value.toString()}` : parsed.reason).toBe(byTheRule(input));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('counts integer digits after leading zeros: 24 pass, 25 do not', () => {
    expect(parseMoney(`000${'9'.repeat(MAX_INTEGER_DIGITS)}.5`).ok).toBe(true);
    expect(parseMoney('9'.repeat(MAX_INTEGER_DIGITS + 1))).toEqual({ ok: false, reason: 'too-many-digits' });
    expect(parseMoney(1e24)).toEqual({ ok: false, reason: 'too-many-digits' });
    expect(parseMoney(9.99e23).ok).toBe(true);
  });
});

/** formatMoney and formatMoneyGrouped by their definition: round to the fen, print two decimals, group the integer digits. */
const formattedByTheRule = (amount: Money): string => roundToFen(amount).toFixed(2);
const groupedByTheRule = (amount: Money): string => {
  const [integer, fraction] = formattedByTheRule(amount).split('.') as [string, string];
  return `${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
};

describe('formatMoney and formatMoneyGrouped print every amount as rounding to the fen does', () => {
  const amount = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 26n }), fc.nat({ max: 6 }))
    .map(([negative, digits, places]) => new Money(`${negative ? '-' : ''}${digits}`).div(new Money(10).pow(places)));

  it('gives the same text as rounding first, for amounts in fen, finer than fen, negative and zero', () => {
    fc.assert(
      fc.property(amount, (a) => {
        expect(formatMoney(a)).toBe(formattedByTheRule(a));
        expect(formatMoneyGrouped(a)).toBe(groupedByTheRule(a));
      }),
      { numRuns: 5000, seed: 13 },
    );
    for (const text of ['0', '-0', '-0.004', '-0.005', '999.995', '1000', '0.1']) expect(formatMoneyGrouped(new Money(text))).toBe(groupedByTheRule(new Money(text)));
  });
});
