/**
 * Row 4, batch: the built CLI's `batch` over 10,000 and 100,000 generated lines (JSONL in the system's
 * temporary directory), full results and `--decisions`, each with `--workers 1` (one thread) and
 * `--workers N` (N = the available cores, `os.availableParallelism()`): wall time and peak RSS of each
 * run, the speed-up of N workers over one, and the RSS ratio 100k / 10k, which says whether memory grows
 * with the input (a streaming batch should stay flat).
 *
 * Peak RSS comes from `/usr/bin/time -v` ("Maximum resident set size") when it exists; otherwise from
 * `process.resourceUsage().maxRSS` read in the child itself at exit (a preloaded hook). Wall time is
 * measured around the child with `process.hrtime.bigint()`. Each size is run `BENCH_BATCH_RUNS`
 * times (default 3); the medians are reported.
 *
 * Run on its own: `npm run build && tsx bench/run.ts --rows 4`. `BENCH_BATCH_SIZES=10000` runs one size
 * only; `BENCH_BATCH_WORKERS=1,2` sets the worker counts (default `1,N`).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRequestsJsonl } from './generate.js';
import { DIST, fmt, median, ROOT, row } from './harness.js';

/** One size's result. */
export interface BatchRun {
  lines: number;
  /** `full` (the results) or `decisions` (`batch --decisions`). */
  mode: 'full' | 'decisions';
  /** `--workers`. */
  workers: number;
  inputBytes: number;
  wallSeconds: number[];
  peakRssKb: number[];
  outputLines: number;
  outputBytes: number;
  exitCode: number | null;
  method: string;
}

/** The batch row's result (null when the CLI is not built). */
export interface BatchRow {
  runs: BatchRun[];
  rssRatio: number;
}

const TIME = '/usr/bin/time';
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS_KB '+process.resourceUsage().maxRSS+'\\n'))`;

/** Lines and bytes of a file, read in chunks (100,000 results are gigabytes: never one string). */
async function countLines(path: string): Promise<{ lines: number; bytes: number }> {
  if (!existsSync(path)) return { lines: 0, bytes: 0 };
  let lines = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    bytes += buffer.byteLength;
    for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) lines++;
  }
  return { lines, bytes };
}

/** Runs `node dist/cli.js batch in --out out` once: wall seconds, peak RSS in kB, exit code. */
function runOnce(cli: string, input: string, output: string, extra: readonly string[] = []): { wall: number; rssKb: number; code: number | null; method: string; stderr: string } {
  const useTime = existsSync(TIME);
  const args = useTime ? ['-v', process.execPath, cli, 'batch', input, '--out', output, ...extra] : [`--import=${RSS_HOOK}`, cli, 'batch', input, '--out', output, ...extra];
  const start = process.hrtime.bigint();
  const child = spawnSync(useTime ? TIME : process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const stderr = child.stderr ?? '';
  const match = useTime ? stderr.match(/Maximum resident set size \(kbytes\): (\d+)/) : stderr.match(/MAXRSS_KB (\d+)/);
  const code = useTime ? Number(stderr.match(/Exit status: (\d+)/)?.[1] ?? child.status) : child.status;
  return { wall, rssKb: match ? Number(match[1]) : Number.NaN, code, method: useTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS', stderr };
}

const listOf = (text: string | undefined): number[] | null => (text === undefined || text === '' ? null : text.split(',').map(Number));

/** The worker counts measured: 1 and the available cores (once when there is one core). */
const defaultWorkerCounts = (): number[] => [...new Set([1, availableParallelism()])];

/** Runs the batch row: 10,000 and 100,000 lines, full and `--decisions`, with 1 and N workers, `runs` times each. */
export async function runBatchRow(
  sizes: readonly number[] = listOf(process.env.BENCH_BATCH_SIZES) ?? [10_000, 100_000],
  runs = Number(process.env.BENCH_BATCH_RUNS ?? 3),
  workerCounts: readonly number[] = listOf(process.env.BENCH_BATCH_WORKERS) ?? defaultWorkerCounts(),
): Promise<BatchRow | null> {
  const cli = join(DIST, 'cli.js');
  if (!existsSync(cli)) {
    row('4. batch', 'not measured', `${cli} is missing (the CLI is not built)`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'srdi-bench-'));
  const results: BatchRun[] = [];
  try {
    for (const lines of sizes) {
      const input = join(dir, `in-${lines}.jsonl`);
      const output = join(dir, `out-${lines}.jsonl`);
      const inputBytes = await writeRequestsJsonl(input, lines);
      for (const mode of ['full', 'decisions'] as const) {
        // Interleaved: each run of every worker count in turn, so a change of load hits them alike.
        const byWorkers = workerCounts.map((workers): BatchRun => ({ lines, mode, workers, inputBytes, wallSeconds: [], peakRssKb: [], outputLines: 0, outputBytes: 0, exitCode: null, method: '' }));
        for (let r = 0; r < runs; r++) {
          for (const run of byWorkers) {
            rmSync(output, { force: true });
            const once = runOnce(cli, input, output, [...(mode === 'decisions' ? ['--decisions'] : []), '--workers', String(run.workers)]);
            run.wallSeconds.push(once.wall);
            run.peakRssKb.push(once.rssKb);
            run.exitCode = once.code;
            run.method = once.method;
            if (once.code !== 0) process.stderr.write(`batch ${lines} --workers ${run.workers}: exit ${once.code}\n${once.stderr.slice(0, 2000)}\n`);
            if (r === runs - 1) {
              const counted = await countLines(output);
              run.outputLines = counted.lines;
              run.outputBytes = counted.bytes;
            }
          }
        }
        rmSync(output, { force: true });
        const oneWall = median(byWorkers[0]!.wallSeconds);
        for (const run of byWorkers) {
          results.push(run);
          const wall = median(run.wallSeconds);
          const rss = median(run.peakRssKb) / 1024;
          const speedUp = run === byWorkers[0] ? '' : `; ${fmt(oneWall / wall, 2)}× --workers ${byWorkers[0]!.workers}`;
          row(
            `4. batch ${fmt(lines)} lines${mode === 'decisions' ? ' --decisions' : ''} --workers ${run.workers}`,
            `${fmt(wall, 2)} s, ${fmt(rss, 0)} MB`,
            `${fmt((lines / wall) | 0)} lines/s${speedUp}; in ${fmt(inputBytes / 1048576, 1)} MiB, out ${fmt(run.outputLines)} lines (${fmt(run.outputBytes / 1048576, 0)} MiB), exit ${run.exitCode}; runs ${run.wallSeconds.map((w) => w.toFixed(2)).join(' / ')} s`,
          );
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const full = results.filter((r) => r.mode === 'full' && r.workers === (workerCounts[0] ?? 1));
  const small = full[0];
  const large = full[full.length - 1];
  const rssRatio = small && large ? median(large.peakRssKb) / median(small.peakRssKb) : Number.NaN;
  row('4. batch RSS 100k / 10k', fmt(rssRatio, 2), `peak RSS by ${results[0]?.method ?? '?'}`);
  return { runs: results, rssRatio };
}
