/**
 * Core rules pinned at boundaries the other tests left open (found by mutation testing; see
 * docs/verification.md): the 24-digit money limit when zeros are inside the number, the error of
 * `retentionPeriodEnd`, message parameters that are not given, unknown conditions without paths, and
 * clause citations.
 */
import { describe, expect, it } from 'vitest';
import { dayNumberOf, formatCalendarDate, parseCalendarDate, retentionPeriodEnd } from '../src/core/calendar.js';
import { cite } from '../src/core/clauses.js';
import { message } from '../src/core/messages.js';
import { parseMoney } from '../src/core/money.js';
import { met, unknown } from '../src/core/decision.js';
import { checkCondition } from '../src/core/trace.js';

const parsed = (input: unknown): string => {
  const r = parseMoney(input);
  return r.ok ? r.value.toFixed() : `refused:${r.reason}`;
};

describe('money input: at most 24 digits before the point (MAX_INTEGER_DIGITS)', () => {
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

describe('calendar: the last day of a 400-year cycle', () => {
  it('29 February 2000 and 2400 (leap by the 400-year rule, the last day of their cycle) read back as themselves', () => {
    for (const text of ['2000-02-29', '2400-02-29', '1600-02-29']) expect(formatCalendarDate(parseCalendarDate(text)!)).toBe(text);
    // and the days around them
    expect(formatCalendarDate(dayNumberOf(2000, 2, 29) + 1)).toBe('2000-03-01');
    expect(formatCalendarDate(dayNumberOf(2000, 2, 29) - 1)).toBe('2000-02-28');
  });

  it('a period of 8 years from 2000-02-29 ends on 2008-02-29 (2008 is leap), from 1992-02-29 on 2000-02-29', () => {
    expect(retentionPeriodEnd('2000-02-29', 8)).toBe('2008-02-29');
    expect(retentionPeriodEnd('1992-02-29', 8)).toBe('2000-02-29');
  });
});

describe('R13 retentionPeriodEnd refuses what is not a calendar date, saying so', () => {
  it('29 February 2023 does not exist', () => {
    expect(() => retentionPeriodEnd('2023-02-29', 8)).toThrow(new RangeError('not a calendar date (YYYY-MM-DD): 2023-02-29'));
  });
});

describe('bilingual messages', () => {
  it('a parameter that is not given stays visible as {name}, never “undefined”', () => {
    expect(message({ zh: '已兑现 {paid} 元', en: '{paid} yuan paid' }, {})).toEqual({ zh: '已兑现 {paid} 元', en: '{paid} yuan paid' });
    expect(message({ zh: '{a}/{b}', en: '{a}/{b}' }, { a: 1 })).toEqual({ zh: '1/{b}', en: '1/{b}' });
  });
});

describe('trace: a condition carries a ruling key only when its spec names one', () => {
  it('no ruling key at all for a clause that no ruling reads, met or unknown', () => {
    const c = checkCondition({ id: 'x', clause: 'M1', zh: '条件', en: 'condition' }, unknown(['a.b']));
    expect(c.en).toBe('condition: unknown');
    expect(c).not.toHaveProperty('ruling');
    expect(checkCondition({ id: 'y', clause: 'M1', zh: '条件', en: 'condition' }, met())).not.toHaveProperty('ruling');
  });
});

describe('clause citations', () => {
  it('a clause with its ruling reads “M3 / R4”; without one, the clause alone', () => {
    expect(cite('M3', 'R4')).toBe('M3 / R4');
    expect(cite('G5')).toBe('G5');
  });
});
