/**
 * Money: yuan as exact decimals, from parse to format.
 *
 * Amounts are held as `Decimal` (decimal.js) with enough precision that no sum of a
 * policy's lines loses a digit; a line is rounded to the fen (0.01 yuan) ROUND_HALF_UP
 * once, where the rulings say (R14), and printed with exactly two decimals.
 *
 * A private Decimal constructor is used so that no global configuration of decimal.js in
 * the host program can change our arithmetic.
 */
import { Decimal as DecimalJs } from 'decimal.js';

/** The Decimal constructor of this library: 60 significant digits, ROUND_HALF_UP. */
export const Money = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
/** An exact amount of yuan. */
export type Money = InstanceType<typeof Money>;

/** Zero yuan. */
export const ZERO: Money = new Money(0);

/** A plain decimal numeral: digits, optionally a point and more digits (no sign, no exponent). */
const DECIMAL_NUMERAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Why a money input was refused. */
export type MoneyParseFailure = 'not-a-number' | 'negative' | 'not-finite' | 'too-many-digits';

/** Most integer digits a money input may have (a trillion trillion yuan is far beyond any budget). */
export const MAX_INTEGER_DIGITS = 24;

/** 10^24: the smallest number with more than MAX_INTEGER_DIGITS integer digits. */
const INTEGER_DIGITS_LIMIT = 1e24;

/**
 * Whether `text` is, as it stands, a plain decimal numeral (DECIMAL_NUMERAL: no space to trim, no sign)
 * with at most MAX_INTEGER_DIGITS integer digits after its leading zeros: what `parseMoney` accepts as it
 * is, found in one pass over the characters. Anything else takes the full path, which tells why.
 */
export function isShortPlainNumeral(text: string): boolean {
  let digits = 0;
  let integerDigits = 0;
  let point = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      if (point) return false;
      point = true;
    } else if (code >= 48 && code <= 57) {
      digits++;
      // integer digits, leading zeros not counted (a lone zero counts, which only lowers the count)
      if (!point && (integerDigits > 0 || code !== 48)) integerDigits++;
    } else return false;
  }
  return digits > 0 && integerDigits <= MAX_INTEGER_DIGITS;
}

/**
 * Parses a money input (a decimal string such as `"800000"` or `"0.8"`, or a finite JS number of yuan)
 * into an exact Decimal. Refuses negatives (including `-0` written as a string with a sign), NaN,
 * Infinity, exponents, empty strings and anything that is not a plain decimal numeral.
 *
 * @returns `{ ok: true, value }` or `{ ok: false, reason }`.
 *
 * @example
 * ```ts
 * import { formatMoney, parseMoney } from 'mentougou-srdi';
 *
 * const parsed = parseMoney('1234.565');
 * if (parsed.ok) console.log(formatMoney(parsed.value)); // 1234.57
 * const refused = parseMoney('-5');
 * if (!refused.ok) console.log(refused.reason); // negative
 * ```
 */
export function parseMoney(input: unknown): { ok: true; value: Money } | { ok: false; reason: MoneyParseFailure } {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'not-finite' };
    if (input < 0) return { ok: false, reason: 'negative' };
    // -0 is zero: it is not below zero.
    const value = new Money(Object.is(input, -0) ? 0 : input);
    // below 10^24 a number has at most 24 integer digits; only larger ones are counted
    if (input >= INTEGER_DIGITS_LIMIT && value.trunc().toFixed(0).length > MAX_INTEGER_DIGITS) return { ok: false, reason: 'too-many-digits' };
    return { ok: true, value };
  }
  if (typeof input !== 'string') return { ok: false, reason: 'not-a-number' };
  if (isShortPlainNumeral(input)) return { ok: true, value: new Money(input) };
  const text = input.trim();
  // Stryker disable next-line Regex: equivalent — text.slice(1) must be a plain numeral, so a minus sign can only be the first character anyway
  if (/^-/.test(text) && DECIMAL_NUMERAL.test(text.slice(1))) return { ok: false, reason: 'negative' };
  if (!DECIMAL_NUMERAL.test(text)) return { ok: false, reason: 'not-a-number' };
  const integerDigits = text.split('.')[0]!.replace(/^0+(?=\d)/, '');
  if (integerDigits.length > MAX_INTEGER_DIGITS) return { ok: false, reason: 'too-many-digits' };
  return { ok: true, value: new Money(text) };
}

/**
 * Rounds an amount to the fen (two decimals), ROUND_HALF_UP (R14).
 *
 * @example
 * ```ts
 * import { parseMoney, roundToFen } from 'mentougou-srdi';
 *
 * // R14: half up, to the fen (36,501.825 → 36,501.83).
 * const parsed = parseMoney('36501.825');
 * if (parsed.ok) console.log(roundToFen(parsed.value).toFixed(2)); // 36501.83
 * ```
 */
export function roundToFen(amount: Money): Money {
  return amount.toDecimalPlaces(2, Money.ROUND_HALF_UP);
}

/**
 * `formatMoney`'s fast path: an amount already in fen and not negative (most are: R14 rounds every line)
 * is its own digits, padded to two decimals; any other amount gives `null` (toExpPos/toExpNeg keep any
 * amount of at most 60 digits out of exponent notation).
 */
export function fenDigits(amount: Money): string | null {
  if (amount.isNegative() || amount.decimalPlaces() > 2) return null;
  const text = amount.toString();
  const point = text.indexOf('.');
  return point < 0 ? `${text}.00` : point === text.length - 2 ? `${text}0` : text;
}

/**
 * Formats an amount as yuan with exactly two decimals (`"600000.00"`), rounding to the fen first.
 *
 * @example
 * ```ts
 * import { formatMoney, parseMoney } from 'mentougou-srdi';
 *
 * const parsed = parseMoney(800000);
 * if (parsed.ok) console.log(formatMoney(parsed.value)); // 800000.00
 * ```
 */
export function formatMoney(amount: Money): string {
  const digits = fenDigits(amount);
  if (digits !== null) return digits;
  // toFixed rounds half up (the constructor's mode) as roundToFen does; only a negative amount that
  // rounds to zero would print differently ("-0.00"), so a negative one is rounded first.
  return amount.isNegative() ? roundToFen(amount).toFixed(2) : amount.toFixed(2);
}

/** Formats an amount with thousands separators for people (`"1,500,000.00"`). */
export function formatMoneyGrouped(amount: Money): string {
  const text = formatMoney(amount);
  // a comma before every third digit from the point, after the sign if any
  const point = text.length - 3;
  const first = text.startsWith('-') ? 1 : 0;
  let grouped = text.slice(point);
  let end = point;
  while (end - first > 3) {
    grouped = `,${text.slice(end - 3, end)}${grouped}`;
    end -= 3;
  }
  return text.slice(0, end) + grouped;
}

/** The sum of amounts (exact). */
export function sumMoney(amounts: Iterable<Money>): Money {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}

/** The larger of zero and `amount`: what is left to pay is never below 0. */
export function nonNegative(amount: Money): Money {
  return amount.isNegative() ? ZERO : amount;
}

/** The smaller of two amounts. */
export function minMoney(a: Money, b: Money): Money {
  return a.lessThan(b) ? a : b;
}

/** The larger of two amounts. */
export function maxMoney(a: Money, b: Money): Money {
  return a.greaterThan(b) ? a : b;
}
