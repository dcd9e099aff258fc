/**
 * Calendar dates without time zones.
 *
 * At the boundary a date is a `YYYY-MM-DD` string; inside it is a day number (days since
 * 1970-01-01, which is day 0), so that comparing and counting are integer operations and no
 * host time zone can move a date. Only real Gregorian dates are accepted (`2023-02-29` is not one).
 */

/** Days since 1970-01-01 (day 0). */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days in a calendar year: 366 in a leap year, else 365. */
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/**
 * The day number of a civil date (proleptic Gregorian), by integer arithmetic only
 * (H. Hinnant's days_from_civil).
 */
export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date `{ year, month, day }` of a day number (inverse of {@link dayNumberOf}). */
export function civilOf(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Parses a `YYYY-MM-DD` calendar date into its day number, or `null` when the text is not of
 * that form or names no real date (`2023-02-29`, `2023-13-01`, `2023-2-1`, `2023-02-01T00:00:00Z`).
 *
 * @example
 * ```ts
 * import { formatCalendarDate, parseCalendarDate } from 'mentougou-srdi';
 *
 * console.log(parseCalendarDate('2023-02-29')); // null
 * const day = parseCalendarDate('2024-02-29');
 * if (day !== null) console.log(formatCalendarDate(day + 1)); // 2024-03-01
 * ```
 */
export function parseCalendarDate(text: string): DayNumber | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumberOf(year, month, day);
}

/**
 * Formats a day number as `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { formatCalendarDate } from 'mentougou-srdi';
 *
 * // Day numbers count days from 1970-01-01 (day 0).
 * console.log(formatCalendarDate(0)); // 1970-01-01
 * console.log(formatCalendarDate(19723)); // 2024-01-01
 * ```
 */
export function formatCalendarDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar year of a day number. */
export function yearOf(dayNumber: DayNumber): number {
  return civilOf(dayNumber).year;
}

/** 1 January of `year`. */
export function firstDayOfYear(year: number): DayNumber {
  return dayNumberOf(year, 1, 1);
}

/** 31 December of `year`. */
export function lastDayOfYear(year: number): DayNumber {
  return dayNumberOf(year, 12, 31);
}

/** Days from `start` to `end`, both counted (`start` = `end` is 1 day); 0 when `end` is before `start`. */
export function daysInclusive(start: DayNumber, end: DayNumber): number {
  return end < start ? 0 : end - start + 1;
}

/** Days of the span `start..end` (both inclusive) that fall in calendar year `year`. */
export function overlapDaysInYear(start: DayNumber, end: DayNumber, year: number): number {
  return daysInclusive(Math.max(start, firstDayOfYear(year)), Math.min(end, lastDayOfYear(year)));
}

/**
 * The last day of a period of `years` years that starts on `start`, counted as the Civil Code of
 * the PRC counts periods (arts. 201–202): the start day itself is not counted, so the period ends on
 * the corresponding day `years` later; where that month has no such day (29 February), it ends on
 * the last day of that month. E.g. 2023-03-15 + 8 → 2031-03-15; 2024-02-29 + 1 → 2025-02-28.
 *
 * This is what date-fns `addYears` does (keep the month, clamp the day to the month's last day), done
 * on integers: a JS `Date` in the host's zone cannot stand for every civil date (Pacific/Kiritimati
 * skipped 1994-12-31 and Pacific/Apia 2011-12-30, so a local Date of those days reads back as the next
 * day), and no host time zone may move a period's end.
 */
export function periodEndByYears(start: DayNumber, years: number): DayNumber {
  const { year, month, day } = civilOf(start);
  const endYear = year + years;
  return dayNumberOf(endYear, month, Math.min(day, daysInMonth(endYear, month)));
}

/**
 * The end of the retention period that a disbursement paid on `paidOn` opens (G5, R13):
 * `years` years counted by the Civil Code rule of {@link periodEndByYears}.
 *
 * @param paidOn a `YYYY-MM-DD` date
 * @returns the period's last day as `YYYY-MM-DD`
 * @throws RangeError when `paidOn` is not a real calendar date
 *
 * @example
 * ```ts
 * import { retentionPeriodEnd } from 'mentougou-srdi';
 *
 * // G5 / R13: 8 years from the payment day, counted as the Civil Code counts periods.
 * console.log(retentionPeriodEnd('2023-03-15', 8)); // 2031-03-15
 * console.log(retentionPeriodEnd('2024-02-29', 1)); // 2025-02-28
 * ```
 */
export function retentionPeriodEnd(paidOn: string, years: number): string {
  const start = parseCalendarDate(paidOn);
  if (start === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${paidOn}`);
  return formatCalendarDate(periodEndByYears(start, years));
}
