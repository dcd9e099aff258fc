/**
 * Row 1, throughput: the full `assess` (validation, all measures, the provisions, the trace) of the
 * built package on seeded realistic requests, one at a time, on one thread: items per second and the
 * median microseconds per item, after warm-up, over batches of 1,000 (the median over batches).
 *
 * Run on its own: `npm run build && tsx bench/run.ts --rows 1`; `tsx bench/run.ts --profile N` under
 * `node --cpu-prof` profiles N assessments after warm-up (bench/profile.ts does that).
 */
import type { PolicyRequestInput } from '../src/index.js';
import { generateRequests } from './generate.js';
import { type Library, loadLibrary, type Subject } from './harness.js';

/** `assess` of the built package over the requests, item by item. */
export function oursSubject(lib: Library, requests: readonly PolicyRequestInput[]): Subject {
  const n = requests.length;
  return {
    name: 'ours',
    batch(from, count) {
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const result = lib.assessUnknown(requests[(from + i) % n]);
        kept += result.measures.length;
      }
      return kept;
    },
  };
}

/** `decide` of the built package over the same requests (row 1b): the decisions without texts. */
export function decideSubject(lib: Library, requests: readonly PolicyRequestInput[]): Subject {
  const n = requests.length;
  return {
    name: 'ours decide',
    batch(from, count) {
      let kept = 0;
      for (let i = 0; i < count; i++) kept += lib.decide(requests[(from + i) % n] as PolicyRequestInput).measures.length;
      return kept;
    },
  };
}

/**
 * Profiling mode: warm up, then run `count` assessments (`BENCH_PROFILE=decide`: `decide` instead); the
 * profile covers the whole process.
 */
export async function profileRun(count: number): Promise<void> {
  const lib = await loadLibrary();
  const requests = generateRequests(10_000);
  const subject = process.env.BENCH_PROFILE === 'decide' ? decideSubject(lib, requests) : oursSubject(lib, requests);
  subject.batch(0, 20_000);
  const start = process.hrtime.bigint();
  const kept = subject.batch(0, count);
  const ns = Number(process.hrtime.bigint() - start);
  process.stdout.write(`profiled ${count} assessments: ${((count * 1e9) / ns).toFixed(0)} items/s, ${(ns / count / 1000).toFixed(2)} µs each (kept ${kept})\n`);
}
