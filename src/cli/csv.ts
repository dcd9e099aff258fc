/**
 * CSV as Excel opens it: RFC 4180 (fields separated by commas, records by CRLF; a field that holds a
 * comma, a double quote, CR or LF is quoted, and its double quotes are doubled), in UTF-8 with a
 * byte-order mark, which is what makes Excel read the file as UTF-8 (without it, Chinese shows as
 * mojibake).
 *
 * One more rule, for spreadsheets: a field that would start with `=`, `+`, `-`, `@`, a tab or a CR is a
 * formula to Excel (CSV injection: a subject's name comes from the request), so it is written with a
 * leading apostrophe, which Excel shows as text. No value of ours starts so (money is never negative).
 *
 * A few lines rather than a dependency: the CLI ships in the package, so a CSV package would become a
 * runtime dependency of the library, and DESIGN allows only zod, decimal.js and date-fns.
 */

/** A cell: text, a number, or nothing (an empty field). */
export type CsvValue = string | number | null | undefined;

/** The UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field as RFC 4180 writes it (and made safe from formula interpretation). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: its fields joined by commas, ended by CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * A whole CSV file: the BOM, the header record, then one record per row.
 *
 * @param header the column names
 * @param rows each row's cells, in the header's order
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + csvRecord(header) + rows.map(csvRecord).join('');
}

/**
 * A file name from a label (a unit or a holder, often Chinese): characters that no file system takes
 * (`/ \ : * ? " < > |`, control characters) become `_`, at most 80 characters are kept.
 */
export function safeFileName(label: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = label.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').trim();
  return [...cleaned].slice(0, 80).join('') || '_';
}
