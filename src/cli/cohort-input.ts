/**
 * What the district-analysis commands (forecast, compare, targets) share: reading a cohort through the
 * CLI's one reader of many requests (`readRecords`: JSON Lines or a JSON array), and the parts of their
 * text output that are the same (the input line, the invalid requests, money).
 */
import { formatMoneyGrouped, Money } from '../core/money.js';
import type { InvalidRequest, RequestRef } from '../analysis/cohort.js';
import { displayPath, errorMessage, formatIssue } from './common.js';
import type { CliIO } from './io.js';
import { DEFAULT_MAX_LINE_BYTES, type InputFormat, newInputStats, readRecords } from './json-input.js';

/** A line (an array entry) of the input that gave no value. */
export interface BadLine {
  line: number;
  /** Its position in a JSON array input. */
  index?: number;
  code: string;
  error: string;
}

/** What reading a cohort found. */
export interface InputSummary {
  file: string;
  format: InputFormat;
  /** Non-blank lines (array entries) read. */
  lines: number;
  /** Lines that gave no value: not JSON, not UTF-8, too long. */
  badJsonLines: BadLine[];
}

/**
 * Streams a cohort file: each value goes to `onValue` with its position among the values and its line
 * number (every line counted from 1, blank ones included). Lines that give no value are reported on
 * stderr and collected.
 *
 * @returns the summary, or `null` when the file cannot be read or holds no request (reported on stderr)
 */
export async function readCohort(io: CliIO, command: string, file: string, onValue: (value: unknown, ref: RequestRef) => void): Promise<InputSummary | null> {
  const stats = newInputStats();
  const summary: InputSummary = { file: displayPath(file), format: 'json-lines', lines: 0, badJsonLines: [] };
  let index = 0;
  try {
    for await (const record of readRecords(io.readBytes(file), { maxBytes: DEFAULT_MAX_LINE_BYTES }, stats)) {
      if (record.kind === 'error') {
        summary.badJsonLines.push({ line: record.line, ...(record.index === undefined ? {} : { index: record.index }), code: record.issue.code, error: record.issue.en });
        io.stderr(`${command}: line ${record.line}: ${record.issue.zh} / ${record.issue.en}; skipped\n`);
        continue;
      }
      onValue(record.value, { index, line: record.line });
      index += 1;
    }
  } catch (e) {
    io.stderr(`${command}: cannot read ${displayPath(file)}: ${errorMessage(e)}\n`);
    return null;
  }
  summary.format = stats.format;
  summary.lines = stats.records;
  if (stats.values === 0) {
    io.stderr(`${command}: no request could be read from ${displayPath(file)}: expected JSON Lines (one request per line) or a JSON array / 未能读取任何请求\n`);
    return null;
  }
  return summary;
}

/** Grouped yuan, or a dash for a service measure. */
export const yuan = (text: string | null): string => (text === null ? '—' : formatMoneyGrouped(new Money(text)));

/** Pretty JSON with a final newline. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The line that says what was read. */
export function inputLine(input: InputSummary, requests: number, extra: string): string {
  return `输入 Input: ${input.file} — ${input.lines} 行 lines, JSON 错误 bad JSON ${input.badJsonLines.length}; 请求 requests ${requests}${extra}\n`;
}

/** The invalid requests, with their issues. */
export function invalidSection(invalid: readonly InvalidRequest[]): string {
  if (invalid.length === 0) return '';
  const rows = invalid.map((r) => `  #${r.index}${r.line === undefined ? '' : ` (第 ${r.line} 行 line ${r.line})`}${r.id === null ? '' : ` ${r.id}`}:\n${r.issues.map((i) => `    ${formatIssue(i)}\n`).join('')}`);
  return `\n无效请求 Invalid requests (${invalid.length})\n${rows.join('')}`;
}
