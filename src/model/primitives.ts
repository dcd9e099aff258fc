/**
 * The leaf schemas of the request: calendar dates, money and other non-negative decimals, years,
 * identifiers. Each parses its value once, at validation, into the form the rules compute with
 * (a day number, an exact Decimal) and reports a stable issue code when it cannot.
 */
import * as z from 'zod/mini';
import { parseCalendarDate } from '../core/calendar.js';
import { isCreditCodeForm, creditCodeCheckCharacter } from '../core/credit-code.js';
import { MAX_INTEGER_DIGITS, type MoneyParseFailure, parseMoney } from '../core/money.js';
import type { IssueCode } from '../core/messages.js';
import { MAX_DECIMAL_DIGITS, significantDigits } from './limits.js';

/** Attaches our issue code (and its parameters) to a custom zod issue. */
export function issueParams(code: IssueCode, params: Record<string, string | number> = {}): Record<string, unknown> {
  return { code, ...params };
}

/**
 * Patterns for the JSON Schema export only (metadata in `z.globalRegistry`, not checks: what the zod parse
 * accepts is decided by the transforms below). Each accepts everything the parse accepts and refuses what
 * a pattern can tell is wrong; the rest (29 February of a common year, a wrong check character) only the
 * parse can refuse.
 */
export const JSON_SCHEMA_PATTERNS = {
  /** `YYYY-MM-DD` with a month 01–12 and a day 01–31. */
  date: '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$',
  /** A plain decimal numeral without sign or exponent, as `parseMoney` reads strings (it trims whitespace). */
  decimal: '^\\s*(?:\\d+(?:\\.\\d*)?|\\.\\d+)\\s*$',
  /** 18 characters of the credit-code alphabet (the check character is verified by the parse only). */
  creditCode: '^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$',
} as const;

/**
 * Adds a custom issue from inside a transform (zod/mini's transforms get the bare parse payload, with no
 * `addIssue`): the same issue classic zod's `ctx.addIssue` would add.
 */
function transformIssue(ctx: z.core.ParsePayload, code: IssueCode, input: unknown, params: Record<string, string | number> = {}): typeof z.NEVER {
  ctx.issues.push({ code: 'custom', message: code, params: issueParams(code, params), input });
  return z.NEVER;
}

/** A `YYYY-MM-DD` calendar date, parsed into a day number; impossible dates are issues. */
export const calendarDate = z.pipe(
  z
    .string()
    .register(z.globalRegistry, { format: 'date', pattern: JSON_SCHEMA_PATTERNS.date, description: 'A calendar date YYYY-MM-DD (a real Gregorian date; no time, no time zone).' }),
  z.transform((text: string, ctx) => {
    const day = parseCalendarDate(text);
    return day === null ? transformIssue(ctx, 'invalid-date', text) : day;
  }),
);

const MONEY_FAILURE_CODE: Record<MoneyParseFailure, IssueCode> = {
  'not-a-number': 'invalid-money',
  negative: 'negative-money',
  'not-finite': 'money-not-finite',
  'too-many-digits': 'money-too-large',
};

/**
 * A non-negative decimal: a decimal string (`"800000"`, `"0.8"`) or a finite number, parsed into an
 * exact Decimal. Used for yuan and for other exact quantities (square metres, yuan per m² per day).
 */
export const nonNegativeDecimal = z.pipe(
  z
    .union([z.string().register(z.globalRegistry, { pattern: JSON_SCHEMA_PATTERNS.decimal }), z.number().register(z.globalRegistry, { minimum: 0 })], {
      error: () => ({ message: 'invalid-money', params: issueParams('invalid-money') }),
    })
    .register(z.globalRegistry, { description: 'A non-negative decimal: a decimal string such as "800000" or "0.8", or a finite number.' }),
  z.transform((value: string | number, ctx) => {
    const parsed = parseMoney(value);
    const limits = { maximum: MAX_INTEGER_DIGITS, digits: MAX_DECIMAL_DIGITS };
    if (!parsed.ok) return transformIssue(ctx, MONEY_FAILURE_CODE[parsed.reason], value, limits);
    // DESIGN §6: a decimal written with more significant digits than money computes exactly with is refused.
    // (A number has at most 17, so only strings can break it.)
    if (typeof value === 'string' && significantDigits(value) > MAX_DECIMAL_DIGITS) return transformIssue(ctx, 'money-too-large', value, limits);
    return parsed.value;
  }),
);

/** An amount of yuan (a non-negative decimal). */
export const yuan = nonNegativeDecimal;

/** A calendar year. */
export const calendarYear = z.number().check(z.int(), z.gte(1949), z.lte(2200)).register(z.globalRegistry, { description: 'A calendar year, e.g. 2024.' });

/** A non-empty identifier. */
export const identifier = z.string().check(z.minLength(1), z.maxLength(200));

/** A unified social credit code (统一社会信用代码), GB 32100-2015, with its check character verified. */
export const creditCode = z
  .string()
  .register(z.globalRegistry, {
    pattern: JSON_SCHEMA_PATTERNS.creditCode,
    description: 'Unified social credit code: 18 characters; the 18th is the GB 32100-2015 check character (verified).',
  })
  .check(
    z.superRefine((code: string, ctx) => {
      if (!isCreditCodeForm(code)) {
        ctx.addIssue({ code: 'custom', message: 'credit-code-format', params: issueParams('credit-code-format'), input: code });
        return;
      }
      const expected = creditCodeCheckCharacter(code);
      if (expected !== code.charAt(17)) {
        ctx.addIssue({ code: 'custom', message: 'credit-code-check', params: issueParams('credit-code-check', { expected }), input: code });
      }
    }),
  );
