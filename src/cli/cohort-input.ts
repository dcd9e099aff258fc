/**
 * What the district-analysis commands (forecast, compare, targets) share: reading a cohort through the
 * CLI's one reader of many requests (`readRecords`: JSON Lines or a JSON array), and the parts of their
 * text output that are the same (the input line, the invalid requests, money).
 */
import { STATEMENT_TERMS } from '../core/messages.js';
import { formatMoneyGrouped, Money } from '../core/money.js';
import type { InvalidRequest, RequestRef } from '../analysis/cohort.js';
import { type Lang, pick } from './args.js';
import { displayPath, errorMessage, formatIssue } from './common.js';
import type { CliIO } from './io.js';
import { DEFAULT_MAX_LINE_BYTES, type InputFormat, newInputStats, readRecords } from './json-input.js';
import { TEXT_WIDTH, wrap } from './text.js';

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
export async function readCohort(io: CliIO, command: string, file: string, lang: Lang, onValue: (value: unknown, ref: RequestRef) => void): Promise<InputSummary | null> {
  const shown = displayPath(file);
  const stats = newInputStats();
  const summary: InputSummary = { file: displayPath(file), format: 'json-lines', lines: 0, badJsonLines: [] };
  let index = 0;
  try {
    for await (const record of readRecords(io.readBytes(file), { maxBytes: DEFAULT_MAX_LINE_BYTES }, stats)) {
      if (record.kind === 'error') {
        summary.badJsonLines.push({ line: record.line, ...(record.index === undefined ? {} : { index: record.index }), code: record.issue.code, error: record.issue.en });
        io.stderr(pick(lang, `${command}：第 ${record.line} 行：${record.issue.zh}；已跳过\n`, `${command}: line ${record.line}: ${record.issue.en}; skipped\n`));
        continue;
      }
      onValue(record.value, { index, line: record.line });
      index += 1;
    }
  } catch (e) {
    io.stderr(pick(lang, `${command}：无法读取 ${shown}：${errorMessage(e)}\n`, `${command}: cannot read ${shown}: ${errorMessage(e)}\n`));
    return null;
  }
  summary.format = stats.format;
  summary.lines = stats.records;
  if (stats.values === 0) {
    io.stderr(
      pick(
        lang,
        `${command}：未能从 ${shown} 读取任何请求：应为 JSON Lines（每行一个请求）或一个 JSON 数组\n`,
        `${command}: no request could be read from ${shown}: expected JSON Lines (one request per line) or a JSON array\n`,
      ),
    );
    return null;
  }
  return summary;
}

/** Grouped yuan, or a dash for a service measure. */
export const yuan = (text: string | null): string => (text === null ? '—' : formatMoneyGrouped(new Money(text)));

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The reference-only notice (STATEMENT_TERMS), the second line of every analysis output. */
export const noticeLine = (lang: Lang): string => `${capital(STATEMENT_TERMS.notice[lang])}\n`;

/** The statements' terms for money (STATEMENT_TERMS): `应享金额`, `本次可兑现`; `Entitlement`, `Payable now` as headers. */
export function moneyTerms(lang: Lang): { entitlement: string; payableNow: string; entitlementHeader: string; payableNowHeader: string } {
  const entitlement = STATEMENT_TERMS.entitlement[lang];
  const payableNow = STATEMENT_TERMS.payableNow[lang];
  return { entitlement, payableNow, entitlementHeader: capital(entitlement), payableNowHeader: capital(payableNow) };
}

/** Pretty JSON with a final newline. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The sentence that says what was read: the file, its form, and the lines that gave nothing. */
export function inputText(input: InputSummary, lang: Lang): string {
  const bad = input.badJsonLines.length;
  if (input.format === 'json-array') return pick(lang, `输入：${input.file}（JSON 数组，${input.lines} 项，无法读取 ${bad}）`, `Input: ${input.file} (a JSON array: ${input.lines} entries, ${bad} unreadable)`);
  return pick(lang, `输入：${input.file}（JSON Lines，非空行 ${input.lines}，无法读取 ${bad}）`, `Input: ${input.file} (JSON Lines: ${input.lines} non-blank lines, ${bad} unreadable)`);
}

/** The invalid requests, each with its line and issues. */
export function invalidSection(invalid: readonly InvalidRequest[], lang: Lang): string {
  if (invalid.length === 0) return '';
  const rows = invalid.map((r) => {
    const where = r.line === undefined ? pick(lang, `第 ${r.index + 1} 个请求`, `request ${r.index + 1}`) : pick(lang, `第 ${r.line} 行`, `line ${r.line}`);
    const head = `  ${where}${r.id === null ? '' : ` ${r.id}`}${pick(lang, '：', ':')}\n`;
    return head + r.issues.map((i) => `    ${wrap(formatIssue(i, lang), TEXT_WIDTH - 4, '      ')}\n`).join('');
  });
  return `\n${pick(lang, `无效请求（${invalid.length}）`, `Invalid requests (${invalid.length})`)}\n${rows.join('')}`;
}

/** A paragraph wrapped to the CLI's width, with its newline. */
export const paragraph = (text: string): string => `${wrap(text, TEXT_WIDTH, '  ')}\n`;
