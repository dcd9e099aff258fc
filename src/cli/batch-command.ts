/**
 * `mentougou-srdi batch <requests.jsonl | -> [--out results.jsonl]`: assesses many requests, streaming
 * (one record is read, assessed and written at a time, so memory stays flat whatever the file's size),
 * with the guarantees of the contract's "Batch" section:
 *
 * - every non-blank input line (every entry of a JSON array) gives exactly one output line, in input
 *   order: the result as compact JSON, or an error record `{ "line": N, "issues": [...] }` (N from 1,
 *   blank lines counted; `index` added for an array entry) — the reading rules are those of
 *   `readRecords` (src/cli/json-input.ts); anything thrown while assessing one line becomes that line's
 *   error record, and the run goes on;
 * - `--out OUT` is written to a temporary file beside OUT, renamed over it only when every line is done:
 *   an interrupted or failed run leaves OUT as it was and says so (exit 130 on SIGINT, 143 on SIGTERM,
 *   2 on a read or write error); `--out` naming the input is refused;
 * - a reader that closes standard output early (`| head`) ends the run quietly, exit 0;
 * - `--workers N` (default: the available cores) assesses on N worker threads (src/cli/batch-worker.ts)
 *   in chunks of records, and writes their lines in input order: the output is byte for byte that of
 *   `--workers 1` (every record assessed on the main thread as it is read); a worker that fails stops
 *   the run (exit 2), never loses a record silently.
 *
 * Exit codes: 0 every record assessed; 1 some records are errors; 2 wrong options, an unreadable input,
 * an output that cannot be written, or an input from which no request could be read.
 */
import { availableParallelism } from 'node:os';
import { MEASURE_IDS } from '../core/clauses.js';
import { STATEMENT_TERMS } from '../core/messages.js';
import { formatMoneyGrouped, type Money } from '../core/money.js';
import type { PolicyEdition } from '../policy/edition.js';
import { mentougou2022Draft } from '../policy/mentougou-2022-draft.js';
import { addChunkCounts, type BatchAssess, batchAssess, batchLine, type BatchSummary, CHUNK_RECORDS, type ChunkResult, chunkPacker, newBatchSummary, runChunk } from './batch-chunk.js';
import { batchWorkerScript, startPool, type WorkerPool, type WorkerScript } from './batch-pool.js';
import { COMMON_USAGE, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, type Lang, parseCommand, pick, type Texts, usageError } from './args.js';
import { displayPath, EDITION_OPTIONS, EDITION_USAGE_TEXTS, errorMessage, loadEdition } from './common.js';
import { type CliCommand, type CliIO, type InterruptSignal, type Interrupts, isBrokenPipe, type Output } from './io.js';
import { DEFAULT_MAX_LINE_BYTES, type InputStats, newInputStats, readRecords, readUnparsedRecords } from './json-input.js';

const BATCH_USAGE_ZH = `用法：mentougou-srdi batch <requests.jsonl | -> [--out <results.jsonl>] [选项]

逐行评估请求（JSON Lines，或一个由请求组成的 JSON 数组），按输入顺序每行写出一条紧凑 JSON 记录
（写到 --out，或标准输出）：评估结果；不能给出结果的行写成错误记录 { "line": N, "issues": [...] }。
汇总（读取行数、已评估、无效、本次可兑现合计及各措施本次可兑现）写到标准错误。

保证：
  - 每个非空行恰好一条记录，带从 1 起的行号；空行（空，或只有空格、制表符、CR）计数但不出记录。
    行以 LF 结束；LF 前的一个 CR 去掉，其他位置的 CR 留在行内。NBSP、全角空格（U+3000）不算空白。
  - 字节须为 UTF-8（invalid-utf8）；超过 --max-line-bytes 的行记为 line-too-long，边读边跳过、
    不占内存；无法解析的 JSON 记为 invalid-json；评估某一行时出的任何错误都成为该行的记录。
    无论哪种情况，其余各行照常评估。
  - 首个非空白字符为 [ 的文件按一个 JSON 数组读取：每个元素一条记录，带其起始行号和序号 index。
  - --out 先写到同目录下的临时文件，全部行完成后才改名覆盖：中断或失败时 --out 保持原样。
    --out 与输入是同一个文件时拒绝执行。
  - 读取方提前关闭标准输出（| head）时安静结束，退出码 0。

选项：
  -o, --out <file>           记录写到哪里（默认标准输出）
  --max-line-bytes <n>       一行最多多少字节（默认 1048576，即 1 MiB）
  --decisions                只写决定（decide）：各措施的结果、金额、可兑现、缺项，
                             合计与追回；不含文字和条件
  --workers <n>              评估用的线程数，1 至 64（默认：可用的 CPU 核数）；输出与
                             单线程逐字节相同，按输入顺序；1 即在主线程逐行评估
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

退出码：0 每行都已评估；1 部分行无效；2 选项错误、输入无法读取、输出无法写入或输入中没有请求；
130 被中断（SIGINT）；143 被终止（SIGTERM）。
`;

const BATCH_USAGE_EN = `Usage: mentougou-srdi batch <requests.jsonl | -> [--out <results.jsonl>] [options]

Assesses one request per line (JSON Lines, or one JSON array of requests) and writes one record per
line, in input order, as compact JSON (to --out, or to standard output): the result, or, for a line
that gives no result, an error record { "line": N, "issues": [...] }. A summary (lines read,
assessed, invalid, total payable now overall and by measure) is written to standard error.

Guarantees:
  - Every non-blank line gives exactly one record, carrying its 1-based line number; blank lines
    (empty, or only spaces, tabs, CR) are counted and give none. Lines end at LF; one CR before
    the LF is dropped, a CR elsewhere stays in the line. NBSP or U+3000 is not blank.
  - Bytes must be UTF-8 (invalid-utf8); a line over --max-line-bytes gives line-too-long and is
    skipped without being held in memory; JSON that does not parse gives invalid-json; anything
    that fails while assessing one line becomes that line's record. The other lines go on.
  - A file whose first character other than whitespace is [ is read as one JSON array: one record
    per entry, with the line it starts on and its index.
  - --out is written to a temporary file beside it and renamed over it only when every line is
    done: an interrupted or failed run leaves it as it was. --out naming the input is refused.
  - Closing standard output early (| head) ends the run quietly, exit 0.

Options:
  -o, --out <file>           where to write the records (default: standard output)
  --max-line-bytes <n>       the longest line read, in bytes (default 1048576, 1 MiB)
  --decisions                write the decisions only (decide: each measure's outcome, amount,
                             payable and missing paths, the total and the clawback), no texts
  --workers <n>              threads that assess, 1 to 64 (default: the available cores); the
                             output is the same, byte for byte and in input order; 1 assesses
                             each line on the main thread
${EDITION_USAGE_TEXTS.en}
${COMMON_USAGE.en}

Exit codes: 0 every line assessed; 1 some lines invalid; 2 wrong options, an unreadable input, an
output that cannot be written, or no request in the input; 130 interrupted (SIGINT); 143 terminated
(SIGTERM).
`;

/** The help of `batch`. */
export const BATCH_USAGE: Texts = { zh: BATCH_USAGE_ZH, en: BATCH_USAGE_EN };

/** Progress is reported every this many lines (only when stderr is a terminal). */
export const PROGRESS_EVERY = 1000;

/** The largest `--max-line-bytes` accepted: 1 GiB. */
export const MAX_LINE_BYTES_LIMIT = 1 << 30;

/** Exit codes of an interrupted run: 128 + the signal's number. */
export const EXIT_INTERRUPTED: Readonly<Record<InterruptSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** The summary as printed on stderr. */
export function formatBatchSummary(summary: BatchSummary, stats: InputStats, lang: Lang): string {
  const yuan = (amount: Money): string => pick(lang, `${formatMoneyGrouped(amount)} 元`, `${formatMoneyGrouped(amount)} yuan`);
  const lines = [
    pick(lang, `读取行数：${stats.lines}（空行 ${stats.blank}）`, `lines read: ${stats.lines} (blank ${stats.blank})`),
    ...(stats.format === 'json-array' ? [pick(lang, `按 JSON 数组读取：${stats.records} 项`, `read as a JSON array: ${stats.records} entries`)] : []),
    pick(lang, `已评估：${summary.assessed}`, `assessed: ${summary.assessed}`),
    pick(lang, `无效：${summary.invalid}`, `invalid: ${summary.invalid}`),
    pick(lang, `${STATEMENT_TERMS.totalPayableNow.zh}：${yuan(summary.totalPayable)}`, `${STATEMENT_TERMS.totalPayableNow.en.toLowerCase()}: ${yuan(summary.totalPayable)}`),
  ];
  for (const id of MEASURE_IDS) {
    const amount = summary.payableByMeasure.get(id);
    if (amount !== undefined) lines.push(`  ${id}${pick(lang, '：', ': ')}${yuan(amount)}`);
  }
  return `${lines.join('\n')}\n`;
}

export { type BatchAssess, type BatchErrorRecord, type BatchSummary, batchLine } from './batch-chunk.js';

/** Thrown by `untilAborted` when the signal aborts. */
interface Interrupted {
  interrupted: InterruptSignal;
}
const isInterrupted = (value: unknown): value is Interrupted => typeof value === 'object' && value !== null && 'interrupted' in value;

/**
 * The next item of `iterator`, or a rejection with `Interrupted` when `signal` aborts first. The abort
 * listener lives for this one read only (a race against one long-lived promise would keep every chunk
 * ever read reachable through its reactions).
 */
function nextOrInterrupted<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T>> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject({ interrupted: signal.reason as InterruptSignal } satisfies Interrupted);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    iterator.next().then(
      (next) => {
        signal.removeEventListener('abort', onAbort);
        resolve(next);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The chunks of `source`, each read by `step`; a consumer that stops early closes the source (quietly:
 * a source that fails to close has nothing more to give).
 */
async function* relayed(source: AsyncIterable<Uint8Array>, step: (iterator: AsyncIterator<Uint8Array>) => Promise<IteratorResult<Uint8Array>>): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const next = await step(iterator);
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

/** The chunks of `source`, until `signal` aborts: a read that waits (an idle stdin) is abandoned then. */
const untilAborted = (source: AsyncIterable<Uint8Array>, signal: AbortSignal): AsyncGenerator<Uint8Array> => relayed(source, (iterator) => nextOrInterrupted(iterator, signal));

/** Options of one batch run. */
export interface BatchRun {
  input: string;
  out: string | undefined;
  edition: PolicyEdition;
  maxLineBytes: number;
  lang: Lang;
  /** Write `decide`'s decision for each line instead of the full result (`--decisions`). */
  decisions?: boolean;
  /**
   * Threads that assess (`--workers`; default 1: the main thread assesses each record as it reads it).
   * With more, chunks of records go to that many worker threads and come back in input order: the same
   * output, byte for byte.
   */
  workers?: number;
  /** Replaces `safeAssessUnknown` (tests: an assessment that throws); the run is then on one thread. */
  assess?: BatchAssess;
  /** The workers' script (tests: a worker that fails); default `batchWorkerScript()`. */
  workerScript?: WorkerScript;
}

/** Why a run stopped before its end. */
type Stop = { kind: 'interrupted'; signal: InterruptSignal } | { kind: 'read'; error: unknown } | { kind: 'write'; error: unknown } | { kind: 'worker'; error: unknown };

/** What the records' loop of a run works with. */
interface Pump {
  io: CliIO;
  run: BatchRun;
  output: Output;
  summary: BatchSummary;
  stats: InputStats;
  interrupts: Interrupts;
  /** Counts a record written (its line), printing a progress line every `PROGRESS_EVERY` lines. */
  written(line: number): void;
}

/** How the records' loop ended: why it stopped (null: the input was read to its end). */
type Pumped = Stop | null;

/** One thread: each record is read, assessed and written in turn. */
async function pumpInProcess(pump: Pump, assess: BatchAssess): Promise<Pumped> {
  const { io, run, output, summary, stats, interrupts } = pump;
  try {
    const records = readRecords(untilAborted(io.readBytes(run.input, interrupts.signal), interrupts.signal), { maxBytes: run.maxLineBytes }, stats);
    for await (const record of records) {
      const text = batchLine(record, assess, summary);
      try {
        await output.write(text);
      } catch (error) {
        return { kind: 'write', error };
      }
      pump.written(record.line);
      if (interrupts.signal.aborted) break;
    }
  } catch (error) {
    return isInterrupted(error) ? { kind: 'interrupted', signal: error.interrupted } : { kind: 'read', error };
  }
  return null;
}

/** Chunks sent and not yet written, per worker, at most: the memory a run holds stays flat. */
export const CHUNKS_IN_FLIGHT_PER_WORKER = 2;

const decoder = new TextDecoder();

/** A read that waits this long (an idle standard input) sends the records read so far. */
const IDLE_MS = 50;

/** A wait that one side of the run ends for the other. */
function wakeup(): { wait(): Promise<void>; wake(): void } {
  let waiting: (() => void) | null = null;
  return {
    wait: () => new Promise<void>((resolve) => (waiting = resolve)),
    wake: () => {
      const resolve = waiting;
      waiting = null;
      resolve?.();
    },
  };
}

/** The chunks of `source`; `idle` is called whenever the next one takes more than `ms` to come. */
const onIdle = (source: AsyncIterable<Uint8Array>, idle: () => void, ms: number): AsyncGenerator<Uint8Array> =>
  relayed(source, async (iterator) => {
    const timer = setTimeout(idle, ms);
    try {
      return await iterator.next();
    } finally {
      clearTimeout(timer);
    }
  });

/** A signal that aborts when either does, with its reason. */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const controller = new AbortController();
  for (const s of [a, b]) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/**
 * `workers` threads: the main thread reads and splits the input into chunks of records (their bytes
 * undecoded), the workers decode, assess and serialize them, and the main thread writes each chunk's
 * lines in input order. At most `CHUNKS_IN_FLIGHT_PER_WORKER × workers` chunks are out at once: reading
 * waits for writing. An input smaller than one chunk is assessed on the main thread (no worker started).
 *
 * A write that fails or a worker that fails stops the run at once. An interrupt or a read error stops
 * the reading; the records read until then are written first, as on one thread.
 */
async function pumpParallel(pump: Pump, workers: number): Promise<Pumped> {
  const { io, run, output, summary, stats, interrupts } = pump;
  const packer = chunkPacker(run.decisions === true ? CHUNK_RECORDS.decisions : CHUNK_RECORDS.full);
  const queue: { lines: number[]; result: Promise<ChunkResult> }[] = [];
  const limit = CHUNKS_IN_FLIGHT_PER_WORKER * workers;
  const local = batchAssess(run.edition, run.decisions === true);
  const setup = { edition: run.edition === mentougou2022Draft ? null : run.edition, decisions: run.decisions === true };
  const writerWake = wakeup();
  const readerWake = wakeup();
  const halt = new AbortController();
  // Started with the first full chunk (a holder: the closures below set it).
  const workersOf: { pool: WorkerPool | null } = { pool: null };
  let failed: Stop | null = null;
  let ended: Stop | null = null;
  let readerDone = false;

  const fail = (stop: Stop): void => {
    failed ??= stop;
    halt.abort('halt');
    readerWake.wake();
  };
  const send = (): void => {
    if (packer.size === 0 || failed !== null) return;
    const full = packer.full;
    const chunk = packer.take();
    let result: Promise<ChunkResult>;
    if (workersOf.pool === null && !full) result = Promise.resolve(runChunk(chunk, local));
    else {
      try {
        workersOf.pool ??= startPool(workers, setup, run.workerScript ?? batchWorkerScript());
        result = workersOf.pool.run(chunk);
      } catch (error) {
        // A worker that cannot even be constructed fails the run as one that fails later does (not as a read error).
        result = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    result.catch(() => undefined);
    queue.push({ lines: chunk.lines, result });
    writerWake.wake();
  };

  const writer = (async (): Promise<void> => {
    for (;;) {
      if (failed !== null) return;
      const head = queue[0];
      if (head === undefined) {
        if (readerDone) return;
        await writerWake.wait();
        continue;
      }
      let result: ChunkResult;
      try {
        result = await head.result;
      } catch (error) {
        return fail({ kind: 'worker', error });
      }
      try {
        if (output.writeBytes !== undefined) await output.writeBytes(result.bytes);
        else {
          // An output of text only (tests): line by line, as one thread writes.
          for (let i = 0, start = 0; i < result.ends.length; start = result.ends[i]!, i++) await output.write(decoder.decode(result.bytes.subarray(start, result.ends[i]!)));
        }
      } catch (error) {
        return fail({ kind: 'write', error });
      }
      for (let i = 0; i < result.ends.length; i++) {
        summary.invalid += result.invalid[i]!;
        pump.written(head.lines[i]!);
      }
      addChunkCounts(summary, result);
      stats.values += result.values;
      queue.shift();
      readerWake.wake();
    }
  })();

  const signal = eitherSignal(interrupts.signal, halt.signal);
  try {
    const records = readUnparsedRecords(onIdle(untilAborted(io.readBytes(run.input, signal), signal), send, IDLE_MS), { maxBytes: run.maxLineBytes }, stats);
    for await (const record of records) {
      packer.add(record);
      if (packer.full) send();
      // Also after a chunk sent because the reading waited (`onIdle`): never more than `limit` out.
      while (queue.length >= limit && failed === null) await readerWake.wait();
      if (failed !== null || interrupts.signal.aborted) break;
    }
  } catch (error) {
    if (failed === null) ended = isInterrupted(error) ? { kind: 'interrupted', signal: error.interrupted } : { kind: 'read', error };
  }
  // The records read are written, also after an interrupt or a read error (as on one thread).
  send();
  readerDone = true;
  writerWake.wake();
  await writer;
  await workersOf.pool?.close();
  return failed ?? ended;
}

/**
 * Streams the input through `safeAssessUnknown` to the output, one record at a time (or, with
 * `workers` above 1, in chunks on that many threads, in the same order).
 *
 * @returns the exit code (the messages are printed)
 */
export async function runBatch(io: CliIO, run: BatchRun): Promise<number> {
  const { lang } = run;
  const assess: BatchAssess = run.assess ?? batchAssess(run.edition, run.decisions === true);
  const workers = run.assess === undefined ? (run.workers ?? 1) : 1;
  const say = (zh: string, en: string): void => io.stderr(`batch${pick(lang, '：', ': ')}${pick(lang, zh, en)}\n`);
  const toStdout = run.out === undefined || run.out === '-';
  const outName = toStdout ? pick(lang, '（标准输出）', '(stdout)') : (run.out as string);
  const input = displayPath(run.input);
  if (!toStdout && (await io.sameFile(run.input, run.out as string))) {
    say(`--out ${outName} 就是输入文件本身，拒绝执行（请把结果写到别处）`, `--out ${outName} is the input itself; refused (write the results elsewhere)`);
    return EXIT_USAGE;
  }
  let output: Output;
  try {
    output = await io.openOutput(run.out);
  } catch (error) {
    say(`无法写入 ${outName}：${errorMessage(error)}`, `cannot write ${outName}: ${errorMessage(error)}`);
    return EXIT_USAGE;
  }
  const summary = newBatchSummary();
  const stats = newInputStats();
  const interrupts = io.interrupts();
  let lastLine = 0;
  const written = (line: number): void => {
    if (io.stderrIsTTY && Math.floor(line / PROGRESS_EVERY) > Math.floor(lastLine / PROGRESS_EVERY)) {
      const n = Math.floor(line / PROGRESS_EVERY) * PROGRESS_EVERY;
      say(`已读 ${n} 行，无效 ${summary.invalid}`, `${n} lines read, ${summary.invalid} invalid`);
    }
    lastLine = line;
  };
  const pump: Pump = { io, run, output, summary, stats, interrupts, written };
  let stop: Stop | null;
  try {
    stop = workers > 1 ? await pumpParallel(pump, workers) : await pumpInProcess(pump, assess);
  } finally {
    interrupts.stop();
  }
  if (stop === null && interrupts.signal.aborted) stop = { kind: 'interrupted', signal: interrupts.signal.reason as InterruptSignal };
  const keptZh = toStdout ? '' : `；${outName} 保持原样`;
  const keptEn = toStdout ? '' : `; ${outName} is left as it was`;
  const afterZh = lastLine > 0 ? `（第 ${lastLine} 行之后）` : '';
  const afterEn = lastLine > 0 ? ` after line ${lastLine}` : '';

  if (stop === null && stats.values === 0) {
    await output.abort();
    if (stats.records === 0) say(`${input} 中没有请求（为空或只有空行）${keptZh}`, `${input} holds no request (it is empty or blank)${keptEn}`);
    else say(`未能从 ${input} 读取任何请求：应为 JSON Lines（每行一个请求）或一个 JSON 数组${keptZh}`, `no request could be read from ${input}: expected JSON Lines (one request per line) or a JSON array${keptEn}`);
    io.stderr(formatBatchSummary(summary, stats, lang));
    return EXIT_USAGE;
  }
  if (stop === null) {
    try {
      await output.commit();
    } catch (error) {
      stop = { kind: 'write', error };
    }
  }
  if (stop === null) {
    io.stderr(formatBatchSummary(summary, stats, lang));
    return summary.invalid > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  }
  await output.abort();
  switch (stop.kind) {
    case 'write':
      // The reader of standard output has gone (| head): nothing more is wanted.
      if (isBrokenPipe(stop.error)) return EXIT_OK;
      say(`无法写入 ${outName}：${errorMessage(stop.error)}${keptZh}`, `cannot write ${outName}: ${errorMessage(stop.error)}${keptEn}`);
      return EXIT_USAGE;
    case 'read':
      say(`无法读取 ${input}${afterZh}：${errorMessage(stop.error)}${keptZh}`, `cannot read ${input}${afterEn}: ${errorMessage(stop.error)}${keptEn}`);
      return EXIT_USAGE;
    case 'worker':
      say(`工作线程出错，已停止${afterZh}：${errorMessage(stop.error)}${keptZh}`, `a worker failed; stopped${afterEn}: ${errorMessage(stop.error)}${keptEn}`);
      return EXIT_USAGE;
    case 'interrupted':
      say(`已中断（${stop.signal}）${afterZh}${keptZh}`, `interrupted (${stop.signal})${afterEn}${keptEn}`);
      return EXIT_INTERRUPTED[stop.signal];
  }
}

/** `--max-line-bytes`: a whole number of bytes, 1 to 1 GiB. */
function parseMaxLineBytes(text: string | undefined): number | null {
  if (text === undefined) return DEFAULT_MAX_LINE_BYTES;
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_LINE_BYTES_LIMIT ? n : null;
}

/** The most `--workers` accepted. */
export const MAX_WORKERS = 64;

/** The default of `--workers`: the cores this process may use (`os.availableParallelism()`), at most `MAX_WORKERS`. */
export const defaultWorkers = (): number => Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));

/** `--workers`: a whole number of threads, 1 to `MAX_WORKERS`. */
function parseWorkers(text: string | undefined): number | null {
  if (text === undefined) return defaultWorkers();
  if (!/^[1-9][0-9]?$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_WORKERS ? n : null;
}

/** The `batch` command. */
export const batchCommand: CliCommand = async (args, io) => {
  const parsed = parseCommand(
    io,
    {
      name: 'batch',
      usage: BATCH_USAGE,
      options: { ...EDITION_OPTIONS, out: { type: 'string', short: 'o' }, 'max-line-bytes': { type: 'string' }, decisions: { type: 'boolean' }, workers: { type: 'string' } },
      positionals: { min: 1, max: 1, problem: { zh: '需要且只需要一个输入文件（- 表示标准输入）。', en: 'takes exactly one input file (or - for standard input).' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values, positionals, lang } = parsed;
  const maxLineBytes = parseMaxLineBytes(values['max-line-bytes']);
  if (maxLineBytes === null) {
    return usageError(io, lang, pick(lang, `batch：--max-line-bytes 应为 1 至 ${MAX_LINE_BYTES_LIMIT} 之间的整数（字节）。`, `batch: --max-line-bytes must be a whole number of bytes from 1 to ${MAX_LINE_BYTES_LIMIT}.`), BATCH_USAGE);
  }
  const workers = parseWorkers(values.workers);
  if (workers === null) {
    return usageError(io, lang, pick(lang, `batch：--workers 应为 1 至 ${MAX_WORKERS} 之间的整数（线程数）。`, `batch: --workers must be a whole number of threads from 1 to ${MAX_WORKERS}.`), BATCH_USAGE);
  }
  const edition = await loadEdition(io, values, lang);
  if (!edition.ok) return EXIT_USAGE;
  return runBatch(io, { input: positionals[0]!, out: values.out, edition: edition.edition, maxLineBytes, lang, decisions: values.decisions === true, workers });
};
