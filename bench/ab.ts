/**
 * A/B of two builds of the package in one process: `tsx bench/ab.ts <a/dist/index.js> <b/dist/index.js>
 * <requests.jsonl> [count] [rounds]` loads both, and times batches of 1,000 of the same requests, A then B
 * and B then A by turns (so that a drift of the machine's speed hits both alike), after 6 warm-up batches
 * each; it prints the median µs per item of each and the ratio. `AB_MODE=decide` times B's `decide`
 * instead of its `assessUnknown` (A always runs `assessUnknown`). The requests: `tsx bench/generate.ts N
 * requests.jsonl`. Timings only: nothing is compared or asserted.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Build {
  assessUnknown(request: unknown): { measures: readonly unknown[] };
  decide?(request: unknown): { measures: readonly unknown[] };
}

const [a, b, file, count = '5000', rounds = '10'] = process.argv.slice(2);
if (a === undefined || b === undefined || file === undefined) throw new Error('usage: tsx bench/ab.ts <a/dist/index.js> <b/dist/index.js> <requests.jsonl> [count] [rounds]');
const load = async (path: string): Promise<Build> => (await import(pathToFileURL(resolve(path)).href)) as Build;
const [A, B] = [await load(a), await load(b)];
const requests: unknown[] = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').slice(0, Number(count)).map((l): unknown => JSON.parse(l));
const decideOfB = B.decide;
const runA = (r: unknown): number => A.assessUnknown(r).measures.length;
const runB = process.env.AB_MODE === 'decide' && decideOfB ? (r: unknown): number => decideOfB(r).measures.length : (r: unknown): number => B.assessUnknown(r).measures.length;

let kept = 0;
/** Microseconds per item of one batch of 1,000 from `from`. */
function batch(run: (r: unknown) => number, from: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) kept += run(requests[(from + i) % requests.length]);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
for (let w = 0; w < 6; w++) {
  batch(runA, w * 1000);
  batch(runB, w * 1000);
}
const timesA: number[] = [];
const timesB: number[] = [];
const batches = Math.max(1, Math.floor(requests.length / 1000));
for (let r = 0; r < Number(rounds); r++) {
  for (let k = 0; k < batches; k++) {
    const [first, second] = (r + k) % 2 === 0 ? [runA, runB] : [runB, runA];
    const t1 = batch(first, k * 1000);
    const t2 = batch(second, k * 1000);
    timesA.push(first === runA ? t1 : t2);
    timesB.push(first === runA ? t2 : t1);
  }
}
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const [ma, mb] = [median(timesA), median(timesB)];
process.stdout.write(`A ${ma.toFixed(1)} µs/item, B ${mb.toFixed(1)} µs/item: B is ${(ma / mb).toFixed(2)}× as fast (${timesA.length} batches each; kept ${kept})\n`);
