import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears } from 'date-fns';
import {
  civilOf,
  dayNumberOf,
  daysInclusive,
  daysInMonth,
  daysInYear,
  firstDayOfYear,
  formatCalendarDate,
  isLeapYear,
  lastDayOfYear,
  overlapDaysInYear,
  parseCalendarDate,
  periodEndByYears,
  retentionPeriodEnd,
  yearOf,
} from '../../src/core/calendar.js';

/** The day number of a date that is known to be real (fails the test otherwise). */
function day(text: string): number {
  const n = parseCalendarDate(text);
  if (n === null) throw new Error(`not a date: ${text}`);
  return n;
}

/** An independent oracle: days since 1970-01-01 by Date.UTC (time-zone free), for years 100–9999. */
function utcDayNumber(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) / 86_400_000;
}

/** A real civil date, as a generator (years 0–9999, so YYYY has four digits). */
const civilDate = fc
  .record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), dayOfMonth: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, dayOfMonth }) => ({ year, month, day: Math.min(dayOfMonth, daysInMonth(year, month)) }));

const text = ({ year, month, day: d }: { year: number; month: number; day: number }): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('parseCalendarDate', () => {
  it('reads real dates into day numbers (1970-01-01 is day 0)', () => {
    expect(parseCalendarDate('1970-01-01')).toBe(0);
    expect(parseCalendarDate('1970-01-02')).toBe(1);
    expect(parseCalendarDate('1969-12-31')).toBe(-1);
    // 2000-01-01: 30 years × 365 + 7 leap days (1972 … 1996) = 10957.
    expect(parseCalendarDate('2000-01-01')).toBe(10957);
    // 2024-01-01: 54 × 365 + 13 leap days (1972 … 2020) = 19723; 2024-02-29 = 19723 + 31 + 28 = 19782.
    expect(parseCalendarDate('2024-01-01')).toBe(19723);
    expect(parseCalendarDate('2024-02-29')).toBe(19782);
  });

  it('refuses impossible dates', () => {
    expect(parseCalendarDate('2023-02-29')).toBeNull();
    expect(parseCalendarDate('2023-13-01')).toBeNull();
    expect(parseCalendarDate('2023-00-10')).toBeNull();
    expect(parseCalendarDate('2023-04-31')).toBeNull();
    expect(parseCalendarDate('2023-01-32')).toBeNull();
    expect(parseCalendarDate('2023-01-00')).toBeNull();
  });

  it('refuses anything not exactly YYYY-MM-DD', () => {
    for (const t of ['2023-2-1', '2023-02-1', '23-02-01', '2023-02-01T00:00:00Z', '2023-02-01T00:00:00', '2023-02-01 ', ' 2023-02-01', '2023/02/01', '20230201', '+2023-02-01', '02023-02-01', '', '２０２３-０２-０１']) {
      expect(parseCalendarDate(t), t).toBeNull();
    }
  });

  it('knows 29 February only in leap years: 1900 is not one, 2000 is', () => {
    expect(parseCalendarDate('1900-02-29')).toBeNull();
    expect(parseCalendarDate('2000-02-29')).not.toBeNull();
    expect(parseCalendarDate('2100-02-29')).toBeNull();
    expect(parseCalendarDate('2024-02-29')).not.toBeNull();
    expect(parseCalendarDate('2400-02-29')).not.toBeNull();
  });

  it('property: formatCalendarDate(parseCalendarDate(x)) = x for every real date YYYY-MM-DD', () => {
    fc.assert(
      fc.property(civilDate, (c) => {
        const t = text(c);
        const n = parseCalendarDate(t);
        expect(n).not.toBeNull();
        expect(formatCalendarDate(n as number)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: agrees with Date.UTC (years 100–9999)', () => {
    fc.assert(
      fc.property(
        civilDate.filter((c) => c.year >= 100),
        (c) => {
          expect(parseCalendarDate(text(c))).toBe(utcDayNumber(c.year, c.month, c.day));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('day numbers: dayNumberOf and civilOf', () => {
  it('property: civilOf inverts dayNumberOf and dayNumberOf inverts civilOf over ±100,000 years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -36_500_000, max: 36_500_000 }), (n) => {
        const c = civilOf(n);
        expect(c.month).toBeGreaterThanOrEqual(1);
        expect(c.month).toBeLessThanOrEqual(12);
        expect(c.day).toBeGreaterThanOrEqual(1);
        expect(c.day).toBeLessThanOrEqual(daysInMonth(c.year, c.month));
        expect(dayNumberOf(c.year, c.month, c.day)).toBe(n);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, d) => {
        const dayOfMonth = Math.min(d, daysInMonth(year, month));
        expect(civilOf(dayNumberOf(year, month, dayOfMonth))).toEqual({ year, month, day: dayOfMonth });
      }),
      { numRuns: 5000 },
    );
  });

  it('property: consecutive day numbers are consecutive dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => {
        const a = civilOf(n);
        const b = civilOf(n + 1);
        if (b.day === 1) {
          expect(a.day).toBe(daysInMonth(a.year, a.month));
          expect(b.month === 1 ? [a.year + 1, 12] : [a.year, b.month - 1]).toEqual([b.year, a.month]);
        } else {
          expect(b).toEqual({ year: a.year, month: a.month, day: a.day + 1 });
        }
      }),
    );
  });

  it('reads year-of, first and last day of a year', () => {
    expect(yearOf(day('2024-12-31'))).toBe(2024);
    expect(yearOf(day('2025-01-01'))).toBe(2025);
    expect(formatCalendarDate(firstDayOfYear(2024))).toBe('2024-01-01');
    expect(formatCalendarDate(lastDayOfYear(2024))).toBe('2024-12-31');
    expect(lastDayOfYear(2023) + 1).toBe(firstDayOfYear(2024));
  });
});

describe('leap years and day counts', () => {
  it('isLeapYear: every 4th year, not every 100th, but every 400th', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2400)).toBe(true);
  });

  it('daysInYear: 366 in a leap year, else 365', () => {
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2023)).toBe(365);
    expect(daysInYear(1900)).toBe(365);
    expect(daysInYear(2000)).toBe(366);
  });

  it('daysInMonth', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('daysInclusive counts both ends; an end before the start is 0 days', () => {
    expect(daysInclusive(day('2024-05-01'), day('2024-05-01'))).toBe(1);
    expect(daysInclusive(day('2024-05-01'), day('2024-05-31'))).toBe(31);
    expect(daysInclusive(day('2024-01-01'), day('2024-12-31'))).toBe(366);
    expect(daysInclusive(day('2023-01-01'), day('2023-12-31'))).toBe(365);
    // 2024-02-28 .. 2024-03-01: 28, 29 Feb, 1 Mar = 3 days; in 2023: 28 Feb, 1 Mar = 2 days.
    expect(daysInclusive(day('2024-02-28'), day('2024-03-01'))).toBe(3);
    expect(daysInclusive(day('2023-02-28'), day('2023-03-01'))).toBe(2);
    expect(daysInclusive(day('2024-05-02'), day('2024-05-01'))).toBe(0);
  });
});

describe('overlapDaysInYear', () => {
  it('a whole leap year is 366 days, a whole common year 365', () => {
    expect(overlapDaysInYear(day('2024-01-01'), day('2024-12-31'), 2024)).toBe(366);
    expect(overlapDaysInYear(day('2020-06-01'), day('2030-06-01'), 2024)).toBe(366);
    expect(overlapDaysInYear(day('2020-06-01'), day('2030-06-01'), 2023)).toBe(365);
  });

  it('a span straddling two years is split at 31 December', () => {
    // 2023-12-01 .. 2024-01-31: 31 days of December 2023, 31 days of January 2024.
    const start = day('2023-12-01');
    const end = day('2024-01-31');
    expect(overlapDaysInYear(start, end, 2023)).toBe(31);
    expect(overlapDaysInYear(start, end, 2024)).toBe(31);
    expect(overlapDaysInYear(start, end, 2022)).toBe(0);
    expect(overlapDaysInYear(start, end, 2025)).toBe(0);
  });

  it('a lease of 2023-07-01 .. 2025-06-30 over three years', () => {
    const start = day('2023-07-01');
    const end = day('2025-06-30');
    // 2023: Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 184.
    expect(overlapDaysInYear(start, end, 2023)).toBe(184);
    // 2024: the whole leap year.
    expect(overlapDaysInYear(start, end, 2024)).toBe(366);
    // 2025: Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 = 181.
    expect(overlapDaysInYear(start, end, 2025)).toBe(181);
  });

  it('one day on 31 December or 1 January counts once', () => {
    expect(overlapDaysInYear(day('2024-12-31'), day('2025-01-01'), 2024)).toBe(1);
    expect(overlapDaysInYear(day('2024-12-31'), day('2025-01-01'), 2025)).toBe(1);
  });

  it('property: the days of a span over its years add up to the span', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), fc.integer({ min: 0, max: 3_000 }), (start, length) => {
        const end = start + length;
        let sum = 0;
        for (let y = yearOf(start) - 1; y <= yearOf(end) + 1; y++) sum += overlapDaysInYear(start, end, y);
        expect(sum).toBe(daysInclusive(start, end));
      }),
    );
  });
});

describe('R13 retentionPeriodEnd (Civil Code arts. 201–202)', () => {
  it('ends on the corresponding day of the later year', () => {
    expect(retentionPeriodEnd('2023-03-15', 8)).toBe('2031-03-15');
    expect(retentionPeriodEnd('2022-06-30', 8)).toBe('2030-06-30');
    expect(retentionPeriodEnd('2022-12-31', 8)).toBe('2030-12-31');
    expect(retentionPeriodEnd('2024-01-01', 8)).toBe('2032-01-01');
  });

  it('29 February: the last day of February when the later year has none, else 29 February', () => {
    expect(retentionPeriodEnd('2024-02-29', 1)).toBe('2025-02-28');
    expect(retentionPeriodEnd('2024-02-29', 8)).toBe('2032-02-29');
    expect(retentionPeriodEnd('2024-02-29', 4)).toBe('2028-02-29');
    // 2096 + 4 = 2100, not a leap year.
    expect(retentionPeriodEnd('2096-02-29', 4)).toBe('2100-02-28');
  });

  it('a month end that exists in the later year is kept (2023-01-31 + 1 = 2024-01-31)', () => {
    expect(retentionPeriodEnd('2023-01-31', 1)).toBe('2024-01-31');
    expect(retentionPeriodEnd('2023-04-30', 1)).toBe('2024-04-30');
    expect(retentionPeriodEnd('2023-02-28', 1)).toBe('2024-02-28');
  });

  it('is not moved by days that a host time zone skipped (Kiritimati 1994-12-31, Apia 2011-12-30)', () => {
    expect(retentionPeriodEnd('1994-12-31', 8)).toBe('2002-12-31');
    expect(retentionPeriodEnd('1986-12-31', 8)).toBe('1994-12-31');
    expect(retentionPeriodEnd('2011-12-30', 1)).toBe('2012-12-30');
    expect(retentionPeriodEnd('2003-12-30', 8)).toBe('2011-12-30');
  });

  it('refuses a start that is not a real date', () => {
    expect(() => retentionPeriodEnd('2023-02-29', 8)).toThrow(RangeError);
    expect(() => retentionPeriodEnd('2023-2-1', 8)).toThrow(RangeError);
  });

  it('says why it refuses: 29 February 2023 does not exist', () => {
    expect(() => retentionPeriodEnd('2023-02-29', 8)).toThrow(new RangeError('not a calendar date (YYYY-MM-DD): 2023-02-29'));
  });

  it('property: same month, same day unless that day is missing, then the month’s last day (oracle: Date.UTC)', () => {
    fc.assert(
      fc.property(
        civilDate.filter((c) => c.year >= 100 && c.year <= 9000),
        fc.integer({ min: 0, max: 50 }),
        (c, years) => {
          const end = periodEndByYears(dayNumberOf(c.year, c.month, c.day), years);
          const endYear = c.year + years;
          const endDay = Math.min(c.day, daysInMonth(endYear, c.month));
          expect(end).toBe(utcDayNumber(endYear, c.month, endDay));
          expect(retentionPeriodEnd(text(c), years)).toBe(text({ year: endYear, month: c.month, day: endDay }));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('periodEndByYears agrees with date-fns addYears (the reference the rule is taken from)', () => {
  it('for every representable start day 1950–2100 and 1–10 years (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf(1950, 1, 1), max: dayNumberOf(2100, 12, 31) }), fc.integer({ min: 1, max: 10 }), (start, years) => {
        const { year, month, day } = civilOf(start);
        // A local Date at noon stands for the civil day only where the host zone did not skip that day.
        const local = new Date(2000, 0, 1, 12);
        local.setFullYear(year, month - 1, day);
        fc.pre(local.getFullYear() === year && local.getMonth() === month - 1 && local.getDate() === day);
        const reference = addYears(local, years);
        fc.pre(reference.getHours() === 12);
        expect(periodEndByYears(start, years)).toBe(dayNumberOf(reference.getFullYear(), reference.getMonth() + 1, reference.getDate()));
      }),
      { seed: 20261127, numRuns: 2000 },
    );
  });
});

describe('calendar: the last day of a 400-year cycle', () => {
  it('29 February 2000 and 2400 (leap by the 400-year rule, the last day of their cycle) read back as themselves', () => {
    for (const t of ['2000-02-29', '2400-02-29', '1600-02-29']) expect(formatCalendarDate(parseCalendarDate(t)!)).toBe(t);
    // and the days around them
    expect(formatCalendarDate(dayNumberOf(2000, 2, 29) + 1)).toBe('2000-03-01');
    expect(formatCalendarDate(dayNumberOf(2000, 2, 29) - 1)).toBe('2000-02-28');
  });

  it('R13: a period of 8 years from 2000-02-29 ends on 2008-02-29 (2008 is leap), from 1992-02-29 on 2000-02-29', () => {
    expect(retentionPeriodEnd('2000-02-29', 8)).toBe('2008-02-29');
    expect(retentionPeriodEnd('1992-02-29', 8)).toBe('2000-02-29');
  });
});
