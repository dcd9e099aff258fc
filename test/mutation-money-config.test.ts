/**
 * R14 money arithmetic: the library's private Decimal keeps 60 significant digits, rounds half up, and
 * prints plain numerals (no exponent) from 1e-60 to 1e60 — whatever decimal.js configuration the host
 * program has.
 *
 * The module is imported inside the test (not at the top of the file), so that a broken configuration,
 * which makes the module throw as it loads, fails this test rather than only the collection of files.
 */
import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';

describe('R14 Money: exact to 60 significant digits, ROUND_HALF_UP, plain numerals', () => {
  it('is configured so, apart from the global decimal.js configuration', async () => {
    const { Money } = await import('../src/core/money.js');
    expect([Money.precision, Money.rounding, Money.toExpNeg, Money.toExpPos]).toEqual([60, DecimalJs.ROUND_HALF_UP, -60, 60]);
    expect(Money).not.toBe(DecimalJs);
  });

  it('adds 23-digit amounts exactly (decimal.js’s default 20 digits would lose the last ones)', async () => {
    const { Money, formatMoney, sumMoney } = await import('../src/core/money.js');
    // 12,345,678,901,234,567,890,123.45 + 1.01 = 12,345,678,901,234,567,890,124.46
    expect(formatMoney(sumMoney([new Money('12345678901234567890123.45'), new Money('1.01')]))).toBe('12345678901234567890124.46');
  });

  it('prints 3.65e22 and 1e-9 as plain numerals (the details of a huge lease or a tiny rent)', async () => {
    const { Money } = await import('../src/core/money.js');
    // 10^20 m² × 365 days × 1 yuan = 36,500,000,000,000,000,000,000
    expect(new Money('100000000000000000000').times(365).toString()).toBe('36500000000000000000000');
    expect(new Money('0.000000001').toString()).toBe('0.000000001');
  });
});
