import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMoneyGrouped,
  MAX_INTEGER_DIGITS,
  maxMoney,
  minMoney,
  Money,
  nonNegative,
  parseMoney,
  roundToFen,
  sumMoney,
  ZERO,
} from '../../src/core/money.js';

/** The parsed value as a plain decimal string, or the reason it was refused. */
function parsed(input: unknown): string {
  const r = parseMoney(input);
  return r.ok ? r.value.toFixed() : `refused:${r.reason}`;
}

describe('parseMoney: decimal strings', () => {
  it('reads plain decimal numerals exactly', () => {
    expect(parsed('800000')).toBe('800000');
    expect(parsed('0.8')).toBe('0.8');
    expect(parsed('123.45')).toBe('123.45');
    expect(parsed('0')).toBe('0');
    expect(parsed('.5')).toBe('0.5');
    expect(parsed('5.')).toBe('5');
    expect(parsed('007')).toBe('7');
  });

  it('keeps a 20-digit string exact (no float on the way)', () => {
    // 12345678901234567890 is above 2^53 ≈ 9.007e15: a JS number would lose its last digits.
    expect(parsed('12345678901234567890')).toBe('12345678901234567890');
    expect(parsed('98765432109876543210.99')).toBe('98765432109876543210.99');
  });

  it('allows at most MAX_INTEGER_DIGITS (24) digits before the point; leading zeros do not count', () => {
    expect(MAX_INTEGER_DIGITS).toBe(24);
    expect(parsed('9'.repeat(24))).toBe('9'.repeat(24));
    expect(parsed('1'.repeat(25))).toBe('refused:too-many-digits');
    expect(parsed(`0000${'1'.repeat(24)}`)).toBe('1'.repeat(24));
    expect(parsed(`${'0'.repeat(30)}1.5`)).toBe('1.5');
  });

  it('trims surrounding whitespace and reads what is left', () => {
    expect(parsed(' 800000 ')).toBe('800000');
    expect(parsed('\t1.5\n')).toBe('1.5');
  });

  it('refuses whitespace inside the numeral and empty or blank strings', () => {
    expect(parsed('1 000')).toBe('refused:not-a-number');
    expect(parsed('')).toBe('refused:not-a-number');
    expect(parsed('   ')).toBe('refused:not-a-number');
  });

  it('refuses negatives, "-0" included', () => {
    expect(parsed('-5')).toBe('refused:negative');
    expect(parsed('-0')).toBe('refused:negative');
    expect(parsed('-0.00')).toBe('refused:negative');
    expect(parsed(' -1 ')).toBe('refused:negative');
    expect(parsed('-.5')).toBe('refused:negative');
  });

  it('refuses exponents ("1e5") and every non-numeric string', () => {
    for (const text of ['1e5', '1E5', '1e-2', '5e0', 'Infinity', '-Infinity', 'NaN', 'abc', '1,000', '¥100', '100元', '1.2.3', '+5', '--5', '-abc', '0x10', '.', '１００']) {
      expect(parsed(text), text).toMatch(/^refused:(not-a-number|negative)$/);
    }
    expect(parsed('1e5')).toBe('refused:not-a-number');
    expect(parsed('--5')).toBe('refused:not-a-number');
    expect(parsed('-abc')).toBe('refused:not-a-number');
  });
});

describe('parseMoney: numbers', () => {
  it('reads finite non-negative numbers by their shortest decimal form', () => {
    // 5.005 as a double is 5.00499999999999989…; the Decimal is built from the text "5.005".
    expect(parsed(5.005)).toBe('5.005');
    expect(parsed(800000)).toBe('800000');
    expect(parsed(0)).toBe('0');
  });

  it('reads -0 as zero (it is not below zero), with no sign left', () => {
    const r = parseMoney(-0);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.isZero()).toBe(true);
      expect(r.value.isNegative()).toBe(false);
      expect(formatMoney(r.value)).toBe('0.00');
    }
  });

  it('refuses negatives, NaN and both infinities', () => {
    expect(parsed(-1)).toBe('refused:negative');
    expect(parsed(-0.01)).toBe('refused:negative');
    expect(parsed(Number.NaN)).toBe('refused:not-finite');
    expect(parsed(Number.POSITIVE_INFINITY)).toBe('refused:not-finite');
    expect(parsed(Number.NEGATIVE_INFINITY)).toBe('refused:not-finite');
  });

  it('refuses numbers with more than 24 integer digits', () => {
    // 1e24 has 25 digits; 1e23 has 24.
    expect(parsed(1e24)).toBe('refused:too-many-digits');
    expect(parsed(1e23)).toBe('100000000000000000000000');
  });

  it('refuses what is neither a string nor a number', () => {
    for (const input of [true, false, null, undefined, {}, [], [5], 10n]) {
      expect(parsed(input)).toBe('refused:not-a-number');
    }
  });

  it('property: every accepted input is non-negative, and every decimal string of digits is read exactly', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}(\.\d{1,10})?$/), (text) => {
        const r = parseMoney(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value.equals(new Money(text))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.double(), (n) => {
        const r = parseMoney(n);
        if (r.ok) expect(r.value.isNegative()).toBe(false);
        else expect(Number.isNaN(n) || !Number.isFinite(n) || n < 0 || Math.abs(n) >= 1e24).toBe(true);
      }),
    );
  });
});

describe('R14 rounding to the fen (ROUND_HALF_UP)', () => {
  const fen = (text: string | number): string => roundToFen(new Money(text)).toFixed(2);

  it('rounds halves up, where binary floating point would not', () => {
    // 5.005 → 5.01 (Math.round(5.005 * 100) / 100 gives 5 because 5.005 * 100 = 500.49999…).
    expect(fen(5.005)).toBe('5.01');
    expect(fen('5.005')).toBe('5.01');
    // 0.125 → 0.13 (banker's rounding would give 0.12).
    expect(fen(0.125)).toBe('0.13');
    expect(fen('2.675')).toBe('2.68');
    expect(fen('1.005')).toBe('1.01');
  });

  it('rounds below the half down', () => {
    expect(fen('0.124')).toBe('0.12');
    expect(fen('0.12499999999')).toBe('0.12');
    expect(fen('123.454')).toBe('123.45');
  });

  it('rounds a negative half away from zero', () => {
    expect(fen('-0.125')).toBe('-0.13');
    expect(fen('-1.005')).toBe('-1.01');
  });

  it('keeps exact values of the fen as they are', () => {
    expect(fen('600000')).toBe('600000.00');
    expect(fen('9876.5')).toBe('9876.50');
  });
});

describe('formatMoney', () => {
  it('prints exactly two decimals, rounding to the fen first', () => {
    expect(formatMoney(new Money('600000'))).toBe('600000.00');
    expect(formatMoney(new Money('0'))).toBe('0.00');
    expect(formatMoney(new Money('5.005'))).toBe('5.01');
    expect(formatMoney(new Money('0.125'))).toBe('0.13');
    expect(formatMoney(new Money('12345678901234567890.125'))).toBe('12345678901234567890.13');
  });

  it('never prints a negative zero', () => {
    expect(formatMoney(new Money(-0))).toBe('0.00');
    expect(formatMoney(new Money('-0'))).toBe('0.00');
    // -0.001 rounds to -0.00 at the fen: printed as 0.00.
    expect(formatMoney(new Money('-0.001'))).toBe('0.00');
    expect(formatMoney(new Money(0).times(-1))).toBe('0.00');
  });

  it('prints negatives with their sign', () => {
    expect(formatMoney(new Money('-5'))).toBe('-5.00');
  });

  it('groups thousands for people', () => {
    expect(formatMoneyGrouped(new Money('1500000'))).toBe('1,500,000.00');
    expect(formatMoneyGrouped(new Money('999.5'))).toBe('999.50');
    expect(formatMoneyGrouped(new Money('1000'))).toBe('1,000.00');
    expect(formatMoneyGrouped(new Money('0'))).toBe('0.00');
    expect(formatMoneyGrouped(new Money('12345678901234567890.125'))).toBe('12,345,678,901,234,567,890.13');
  });

  it('property: the printed form has exactly two decimals and reads back as the amount rounded to the fen', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,18}(\.\d{1,6})?$/), (text) => {
        const printed = formatMoney(new Money(text));
        expect(printed).toMatch(/^\d+\.\d{2}$/);
        expect(new Money(printed).equals(roundToFen(new Money(text)))).toBe(true);
      }),
    );
  });
});

describe('sums, minimum, maximum, nonNegative', () => {
  it('sums exactly (0.1 + 0.2 = 0.3)', () => {
    expect(sumMoney([new Money('0.1'), new Money('0.2')]).toFixed()).toBe('0.3');
    expect(sumMoney([]).equals(ZERO)).toBe(true);
    expect(sumMoney(['100000.005', '200000.005'].map((t) => new Money(t))).toFixed()).toBe('300000.01');
  });

  it('nonNegative: what is left to pay is never below 0', () => {
    expect(nonNegative(new Money('-300000')).equals(ZERO)).toBe(true);
    expect(nonNegative(new Money('300000')).toFixed()).toBe('300000');
    expect(nonNegative(ZERO).isZero()).toBe(true);
  });

  it('minMoney and maxMoney', () => {
    const a = new Money('300000');
    const b = new Money('299999.99');
    expect(minMoney(a, b)).toBe(b);
    expect(maxMoney(a, b)).toBe(a);
    expect(minMoney(a, a).equals(a)).toBe(true);
  });

  it('is unaffected by a global configuration of decimal.js in the host program', async () => {
    const { default: GlobalDecimal } = await import('decimal.js');
    const saved = { precision: GlobalDecimal.precision, rounding: GlobalDecimal.rounding };
    GlobalDecimal.set({ precision: 5, rounding: GlobalDecimal.ROUND_DOWN });
    try {
      expect(formatMoney(new Money('123456789.125'))).toBe('123456789.13');
    } finally {
      GlobalDecimal.set(saved);
    }
  });
});

describe('parseMoney: the 24-digit limit when zeros are inside the number, and where a minus sign may stand', () => {
  it('10^24 (a one and 24 zeros: 25 digits) is refused; only leading zeros are not counted', () => {
    expect(parsed(`1${'0'.repeat(24)}`)).toBe('refused:too-many-digits');
    expect(parsed(`1${'0'.repeat(24)}.50`)).toBe('refused:too-many-digits');
    // 10^23 has 24 digits; zeros in front of it do not count
    expect(parsed(`1${'0'.repeat(23)}`)).toBe(`1${'0'.repeat(23)}`);
    expect(parsed(`000${'1'}${'0'.repeat(23)}`)).toBe(`1${'0'.repeat(23)}`);
  });

  it('a minus sign is refused as negative only in front; anywhere else the text is no number', () => {
    expect(parsed('-5')).toBe('refused:negative');
    expect(parsed('5-')).toBe('refused:not-a-number');
    expect(parsed('1-2')).toBe('refused:not-a-number');
  });
});

/**
 * The library's private Decimal keeps 60 significant digits, rounds half up, and prints plain numerals
 * (no exponent) from 1e-60 to 1e60, whatever decimal.js configuration the host program has. (A broken
 * configuration that makes src/core/money.ts throw as it loads fails this whole file at collection.)
 */
describe('R14 Money: exact to 60 significant digits, ROUND_HALF_UP, plain numerals', () => {
  it('is configured so, apart from the global decimal.js configuration', () => {
    // decimal.js's ROUND_HALF_UP is rounding mode 4
    expect([Money.precision, Money.rounding, Money.toExpNeg, Money.toExpPos]).toEqual([60, 4, -60, 60]);
    expect(Money).not.toBe(DecimalJs);
    expect(DecimalJs.ROUND_HALF_UP).toBe(4);
  });

  it('adds 23-digit amounts exactly (decimal.js’s default 20 digits would lose the last ones)', () => {
    // 12,345,678,901,234,567,890,123.45 + 1.01 = 12,345,678,901,234,567,890,124.46
    expect(formatMoney(sumMoney([new Money('12345678901234567890123.45'), new Money('1.01')]))).toBe('12345678901234567890124.46');
  });

  it('prints 3.65e22 and 1e-9 as plain numerals (the details of a huge lease or a tiny rent)', () => {
    // 10^20 m² × 365 days × 1 yuan = 36,500,000,000,000,000,000,000
    expect(new Money('100000000000000000000').times(365).toString()).toBe('36500000000000000000000');
    expect(new Money('0.000000001').toString()).toBe('0.000000001');
  });
});
