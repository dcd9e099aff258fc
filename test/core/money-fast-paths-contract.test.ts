/**
 * The contracts of money's two fast paths, on their own (test/core/money-fast-path.test.ts shows that
 * `parseMoney` and `formatMoney` answer through them exactly as the full rules do): which inputs each
 * takes. A fast path that declined everything would give the same answers, only slower; these say it
 * takes what it is meant to.
 */
import { describe, expect, it } from 'vitest';
import { fenDigits, isShortPlainNumeral, MAX_INTEGER_DIGITS, Money } from '../../src/core/money.js';

describe('isShortPlainNumeral: a plain decimal numeral as it stands, at most 24 integer digits after leading zeros', () => {
  it('takes digits with at most one point', () => {
    for (const text of ['0', '7', '800000', '800000.00', '0.8', '123.45', '.5', '5.', '0009', '1234567890'])
      expect(isShortPlainNumeral(text), text).toBe(true);
  });

  it('declines a second point, signs, spaces, exponents, other digits and the empty string', () => {
    for (const text of ['', '.', '1.2.3', '-1', '+1', ' 1', '1 ', '1e5', '1E5', '0x10', '１２', '1,000', 'NaN', '/', ':'])
      expect(isShortPlainNumeral(text), JSON.stringify(text)).toBe(false);
  });

  it(`counts integer digits after leading zeros: ${MAX_INTEGER_DIGITS} pass, ${MAX_INTEGER_DIGITS + 1} do not; fraction digits do not count`, () => {
    const nines = (n: number) => '9'.repeat(n);
    expect(isShortPlainNumeral(nines(MAX_INTEGER_DIGITS))).toBe(true);
    expect(isShortPlainNumeral(`000${nines(MAX_INTEGER_DIGITS)}`)).toBe(true);
    expect(isShortPlainNumeral(nines(MAX_INTEGER_DIGITS + 1))).toBe(false);
    expect(isShortPlainNumeral(`1${'0'.repeat(MAX_INTEGER_DIGITS)}`)).toBe(false);
    expect(isShortPlainNumeral(`0.${nines(40)}`)).toBe(true);
    expect(isShortPlainNumeral(`${nines(MAX_INTEGER_DIGITS)}.${nines(10)}`)).toBe(true);
  });
});

describe('fenDigits: the digits of an amount already in fen, padded to two decimals', () => {
  it('pads whole yuan and one decimal, keeps two', () => {
    expect(['5', '0', '5.1', '5.12', '800000', '36146.16', '0.05'].map((v) => fenDigits(new Money(v)))).toEqual(['5.00', '0.00', '5.10', '5.12', '800000.00', '36146.16', '0.05']);
  });

  it('a 24-digit amount stays out of exponent notation', () => {
    expect(fenDigits(new Money('123456789012345678901234.5'))).toBe('123456789012345678901234.50');
  });

  it('declines what needs rounding or a sign: null', () => {
    expect(['5.123', '0.005', '-5', '-0.01'].map((v) => fenDigits(new Money(v)))).toEqual([null, null, null, null]);
  });
});
