/**
 * What the benchmark rows share: where the built package is, loading it, timing batches with
 * `process.hrtime.bigint()`, medians, the machine, and printing.
 *
 * The benchmarks measure the built package (`dist/index.js`), never the sources. `BENCH_DIST=<dir>`
 * points them at another build (a scratch copy with a change under trial).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The library's public API (types from the sources, code from the build). */
export type Library = typeof import('../src/index.js');

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The directory of the build under test. */
export const DIST = resolve(process.env.BENCH_DIST ?? join(ROOT, 'dist'));

/** Loads the built package's ESM entry; fails with a hint when it is not built. */
export async function loadLibrary(): Promise<Library> {
  const entry = join(DIST, 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  return (await import(pathToFileURL(entry).href)) as Library;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A quantile (nearest rank) of some numbers. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Nanoseconds since an arbitrary origin. */
export const now = (): bigint => process.hrtime.bigint();
/** Elapsed nanoseconds since `start`, as a number. */
export const since = (start: bigint): number => Number(process.hrtime.bigint() - start);

/** Something a benchmark runs item by item: synchronous or asynchronous. */
export interface Subject {
  name: string;
  /** Runs items `from` … `from + count − 1` (modulo the inputs) and returns a value that depends on all of them (kept, so nothing is optimised away). */
  batch(from: number, count: number): number | Promise<number>;
}

/** The timings of a subject: wall-clock nanoseconds per batch, and the process's CPU time (user + system) per batch. */
export interface Timings {
  name: string;
  batchSize: number;
  batchNs: number[];
  cpuNs: number[];
}

/** Items per second and median microseconds per item from batch timings. */
export function rate(t: Timings): { itemsPerSecond: number; medianMicros: number; p10Micros: number; p90Micros: number; cpuMicros: number; batches: number } {
  const med = median(t.batchNs);
  return {
    itemsPerSecond: (t.batchSize * 1e9) / med,
    medianMicros: med / t.batchSize / 1000,
    p10Micros: quantile(t.batchNs, 0.1) / t.batchSize / 1000,
    p90Micros: quantile(t.batchNs, 0.9) / t.batchSize / 1000,
    cpuMicros: median(t.cpuNs) / t.batchSize / 1000,
    batches: t.batchNs.length,
  };
}

/** A sink for results, so that no work is dead code. */
let sink = 0;
/** What the sink holds (printed at the end so it is observable). */
export const sinkValue = (): number => sink;

/** Times `batches` batches of `batchSize` items, continuing where the subject last stopped. */
export async function timeBatches(subject: Subject, timings: Timings, cursor: { next: number }, batches: number): Promise<void> {
  for (let b = 0; b < batches; b++) {
    const cpu = process.cpuUsage();
    const start = now();
    const out = subject.batch(cursor.next, timings.batchSize);
    sink += typeof out === 'number' ? out : await out;
    timings.batchNs.push(since(start));
    const used = process.cpuUsage(cpu);
    timings.cpuNs.push((used.user + used.system) * 1000);
    cursor.next += timings.batchSize;
  }
}

/** The machine: core count, Node version, CPU model, load, date. */
export function machine(): { nproc: number; node: string; cpu: string; load: string; date: string; memory: string } {
  const cpuModel = (() => {
    try {
      const line = readFileSync('/proc/cpuinfo', 'utf8')
        .split('\n')
        .find((l) => l.startsWith('model name'));
      return line ? line.split(':')[1]?.trim() ?? 'unknown' : (cpus()[0]?.model ?? 'unknown');
    } catch {
      return cpus()[0]?.model ?? 'unknown';
    }
  })();
  const sh = (cmd: string, args: string[]): string => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  let memory = 'unknown';
  try {
    const total = readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/);
    if (total) memory = `${(Number(total[1]) / 1024 / 1024).toFixed(1)} GiB`;
  } catch {
    /* not Linux */
  }
  return {
    nproc: Number(sh('nproc', [])) || availableParallelism(),
    node: process.version,
    cpu: cpuModel,
    load: sh('cat', ['/proc/loadavg']),
    date: sh('date', ['-u', '+%Y-%m-%d %H:%M UTC']),
    memory,
  };
}

/** Formats a number with thousands separators and `digits` decimals. */
export const fmt = (value: number, digits = 0): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Prints a row: `label  value  (note)`. */
export function row(label: string, value: string, note = ''): void {
  process.stdout.write(`${label.padEnd(46)} ${value.padStart(22)}${note ? `   ${note}` : ''}\n`);
}
