/**
 * `mentougou-srdi batch <in.jsonl | -> [--out out.jsonl]`: assesses one request per line, streaming:
 * one line is read, assessed and written at a time, so memory stays constant whatever the file's size.
 *
 * Output: one line per non-blank input line, in input order — the result as compact JSON, or, for a
 * line that is not JSON or not a valid request, an error record `{ "line": N, "issues": [...] }`
 * (N counts every input line from 1, blank ones included; blank lines give no output). A progress line
 * goes to stderr every 1,000 lines when stderr is a terminal; a summary goes to stderr at the end.
 * Exit code 1 when any line was invalid, else 0; 2 when the input cannot be read or the options are wrong.
 */
import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { safeAssessUnknown } from '../assess.js';
import { MEASURE_IDS, type MeasureId } from '../core/clauses.js';
import { formatMoney, Money, ZERO } from '../core/money.js';
import type { AssessmentResult } from '../model/result.js';
import type { PolicyEdition } from '../policy/edition.js';
import {
  type CliIssue,
  displayPath,
  EDITION_OPTIONS,
  EDITION_USAGE,
  errorMessage,
  EXIT_OK,
  EXIT_SOME_FAILED,
  EXIT_USAGE,
  invalidJsonIssue,
  loadEdition,
  tryParseArgs,
  usageError,
} from './common.js';
import type { CliCommand, CliIO } from './io.js';

export const BATCH_USAGE = `Usage: mentougou-srdi batch <requests.jsonl | -> [--out <results.jsonl>] [options]

Assesses one request per line (JSON Lines) and writes one result per line, in input order, as compact
JSON (to --out, or to standard output). A line that is not JSON or not a valid request becomes an
error record { "line": N, "issues": [...] } (lines counted from 1, blank lines skipped but counted)
and the batch goes on. A summary (lines read, assessed, invalid, total payable overall and by
measure) is written to standard error.

Options:
  --out <file>               where to write the results (default: standard output)
${EDITION_USAGE}
  -h, --help                 this help

Exit codes: 0 every line assessed; 1 some lines invalid; 2 unreadable input or wrong options.
`;

/** Progress is reported every this many lines (only when stderr is a terminal). */
export const PROGRESS_EVERY = 1000;

/** An error record of the output. */
export interface BatchErrorRecord {
  line: number;
  issues: CliIssue[];
}

/** What a batch counted. */
export interface BatchSummary {
  /** Input lines read, blank ones included. */
  linesRead: number;
  assessed: number;
  invalid: number;
  totalPayable: Money;
  /** Payable by money measure, summed over the assessed lines. */
  payableByMeasure: Map<MeasureId, Money>;
}

function addResult(summary: BatchSummary, result: AssessmentResult): void {
  summary.assessed += 1;
  summary.totalPayable = summary.totalPayable.plus(result.totalPayable);
  for (const m of result.measures) {
    if (m.payable === null) continue;
    const id = m.measure as MeasureId;
    summary.payableByMeasure.set(id, (summary.payableByMeasure.get(id) ?? ZERO).plus(m.payable));
  }
}

/** The summary as printed on stderr. */
export function formatBatchSummary(summary: BatchSummary): string {
  const lines = [
    `lines read / 读取行数: ${summary.linesRead}`,
    `assessed / 已评估: ${summary.assessed}`,
    `invalid / 无效: ${summary.invalid}`,
    `total payable / 合计可兑现: ${formatMoney(summary.totalPayable)}`,
  ];
  for (const id of MEASURE_IDS) {
    const amount = summary.payableByMeasure.get(id);
    if (amount !== undefined) lines.push(`  ${id}: ${formatMoney(amount)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Whether `--out` can be written (an output stream that fails later would have no listener). */
async function outputWritable(io: CliIO, out: string | undefined): Promise<boolean> {
  if (out === undefined || out === '-') return true;
  try {
    await access(dirname(out), constants.W_OK);
    return true;
  } catch (error) {
    io.stderr(`cannot write ${out}: ${errorMessage(error)}\n`);
    return false;
  }
}

/**
 * Streams `input` through `safeAssess` to `out`, one line at a time.
 *
 * @returns the summary, or `undefined` when the input could not be read or the output not written
 *   (the message is printed)
 */
export async function runBatch(io: CliIO, input: string, out: string | undefined, edition: PolicyEdition): Promise<BatchSummary | undefined> {
  const summary: BatchSummary = { linesRead: 0, assessed: 0, invalid: 0, totalPayable: ZERO, payableByMeasure: new Map() };
  // The output is opened on the first write (or at the end), so an unreadable input leaves no empty output file.
  let output: ReturnType<CliIO['openOutput']> | undefined;
  // A failure of the output, told apart from one of the input.
  let outputFailed = false;
  const onOutput = async (act: (o: ReturnType<CliIO['openOutput']>) => Promise<void>): Promise<void> => {
    try {
      output ??= io.openOutput(out);
      await act(output);
    } catch (error) {
      outputFailed = true;
      throw error;
    }
  };
  const write = (record: unknown): Promise<void> => onOutput((o) => o.write(`${JSON.stringify(record)}\n`));
  try {
    for await (const raw of io.readLines(input)) {
      summary.linesRead += 1;
      const lineNo = summary.linesRead;
      if (lineNo % PROGRESS_EVERY === 0 && io.stderrIsTTY) io.stderr(`batch: ${lineNo} lines read, ${summary.invalid} invalid\n`);
      const text = lineNo === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (text.trim() === '') continue;
      let request: unknown;
      try {
        request = JSON.parse(text);
      } catch (error) {
        summary.invalid += 1;
        await write({ line: lineNo, issues: [invalidJsonIssue(error)] } satisfies BatchErrorRecord);
        continue;
      }
      const result = safeAssessUnknown(request, { edition });
      if (result.ok) {
        addResult(summary, result.value);
        await write(result.value);
      } else {
        summary.invalid += 1;
        await write({ line: lineNo, issues: result.issues } satisfies BatchErrorRecord);
      }
    }
    await onOutput((o) => o.close());
    return summary;
  } catch (error) {
    if (outputFailed) {
      io.stderr(`cannot write ${out === undefined || out === '-' ? '(stdout)' : out}: ${errorMessage(error)}\n`);
      return undefined;
    }
    io.stderr(`cannot read ${displayPath(input)}${summary.linesRead > 0 ? ` after line ${summary.linesRead}` : ''}: ${errorMessage(error)}\n`);
    await output?.close().catch(() => undefined);
    return undefined;
  }
}

/** The `batch` command. */
export const batchCommand: CliCommand = async (args, io) => {
  const parsed = tryParseArgs(io, BATCH_USAGE, () =>
    parseArgs({ args, options: { ...EDITION_OPTIONS, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }),
  );
  if (parsed === undefined) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(BATCH_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1) return usageError(io, 'batch takes exactly one input file (or - for standard input).', BATCH_USAGE);
  const edition = await loadEdition(io, values);
  if (!edition.ok) return EXIT_USAGE;
  if (!(await outputWritable(io, values.out))) return EXIT_USAGE;
  const summary = await runBatch(io, positionals[0] as string, values.out, edition.edition);
  if (summary === undefined) return EXIT_USAGE;
  io.stderr(formatBatchSummary(summary));
  return summary.invalid > 0 ? EXIT_SOME_FAILED : EXIT_OK;
};
