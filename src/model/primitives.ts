/**
 * The leaf schemas of the request: calendar dates, money and other non-negative decimals, years,
 * identifiers. Each parses its value once, at validation, into the form the rules compute with
 * (a day number, an exact Decimal) and reports a stable issue code when it cannot.
 */
import * as z from 'zod';
import { parseCalendarDate } from '../core/calendar.js';
import { isCreditCodeForm, creditCodeCheckCharacter } from '../core/credit-code.js';
import { MAX_INTEGER_DIGITS, type MoneyParseFailure, parseMoney } from '../core/money.js';
import type { IssueCode } from '../core/messages.js';

/** Attaches our issue code (and its parameters) to a custom zod issue. */
export function issueParams(code: IssueCode, params: Record<string, string | number> = {}): Record<string, unknown> {
  return { code, ...params };
}

/**
 * Patterns for the JSON Schema export only (`.meta`, not checks: what the zod parse accepts is decided by
 * the transforms below). Each accepts everything the parse accepts and refuses what a pattern can tell
 * is wrong; the rest (29 February of a common year, a wrong check character) only the parse can refuse.
 */
export const JSON_SCHEMA_PATTERNS = {
  /** `YYYY-MM-DD` with a month 01–12 and a day 01–31. */
  date: '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$',
  /** A plain decimal numeral without sign or exponent, as `parseMoney` reads strings (it trims whitespace). */
  decimal: '^\\s*(?:\\d+(?:\\.\\d*)?|\\.\\d+)\\s*$',
  /** 18 characters of the credit-code alphabet (the check character is verified by the parse only). */
  creditCode: '^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$',
} as const;

/** A `YYYY-MM-DD` calendar date, parsed into a day number; impossible dates are issues. */
export const calendarDate = z
  .string()
  .meta({ format: 'date', pattern: JSON_SCHEMA_PATTERNS.date, description: 'A calendar date YYYY-MM-DD (a real Gregorian date; no time, no time zone).' })
  .transform((text, ctx) => {
    const day = parseCalendarDate(text);
    if (day === null) {
      ctx.addIssue({ code: 'custom', message: 'invalid-date', params: issueParams('invalid-date'), input: text });
      return z.NEVER;
    }
    return day;
  });

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
export const nonNegativeDecimal = z
  .union([z.string().meta({ pattern: JSON_SCHEMA_PATTERNS.decimal }), z.number().meta({ minimum: 0 })], { error: () => ({ message: 'invalid-money', params: issueParams('invalid-money') }) })
  .meta({ description: 'A non-negative decimal: a decimal string such as "800000" or "0.8", or a finite number.' })
  .transform((value, ctx) => {
    const parsed = parseMoney(value);
    if (!parsed.ok) {
      const code = MONEY_FAILURE_CODE[parsed.reason];
      ctx.addIssue({ code: 'custom', message: code, params: issueParams(code, { maximum: MAX_INTEGER_DIGITS }), input: value });
      return z.NEVER;
    }
    return parsed.value;
  });

/** An amount of yuan (a non-negative decimal). */
export const yuan = nonNegativeDecimal;

/** A calendar year. */
export const calendarYear = z.number().int().min(1949).max(2200).meta({ description: 'A calendar year, e.g. 2024.' });

/** A non-empty identifier. */
export const identifier = z.string().min(1).max(200);

/** A unified social credit code (统一社会信用代码), GB 32100-2015, with its check character verified. */
export const creditCode = z
  .string()
  .meta({
    pattern: JSON_SCHEMA_PATTERNS.creditCode,
    description: 'Unified social credit code: 18 characters; the 18th is the GB 32100-2015 check character (verified).',
  })
  .superRefine((code, ctx) => {
    if (!isCreditCodeForm(code)) {
      ctx.addIssue({ code: 'custom', message: 'credit-code-format', params: issueParams('credit-code-format'), input: code });
      return;
    }
    const expected = creditCodeCheckCharacter(code);
    if (expected !== code.charAt(17)) {
      ctx.addIssue({ code: 'custom', message: 'credit-code-check', params: issueParams('credit-code-check', { expected }), input: code });
    }
  });
