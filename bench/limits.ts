/**
 * Requests at the limits (DESIGN §6: "at the limits one request assesses in under 100 ms"): for each
 * list of the request, one valid request with that list at 10,000 entries (bench/at-limits.ts), and one
 * enterprise with every list at 10,000 at once; `safeAssess` of the built package, median of 7 runs
 * after 3 warm-up runs of the same request. Prints; never fails on a missed target (the loose 2 s
 * budget is a test: test/hardening/complexity.test.ts).
 *
 * `npm run build && npx tsx bench/limits.ts` (`BENCH_DIST=<dir>` for another build).
 */
import { ENTERPRISE_LISTS, enterpriseWithEveryList, INSTITUTION_LISTS, requestWithList, retentionWorstCase } from './at-limits.js';
import { loadLibrary, machine, median } from './harness.js';

const RUNS = 7;
const WARMUP = 3;

const lib = await loadLibrary();
console.log(machine());
const cases: [string, unknown][] = [
  ...[...ENTERPRISE_LISTS, ...INSTITUTION_LISTS].map((list): [string, unknown] => [list, requestWithList(list)]),
  ['every enterprise list at once', enterpriseWithEveryList()],
  ['G5 worst case (2 × 5,000 registrations, 10,000 payments)', retentionWorstCase()],
];
console.log('| request at the limits | JSON size | median ms | min ms | max ms |');
console.log('|---|---|---|---|---|');
for (const [name, request] of cases) {
  const result = lib.safeAssessUnknown(request);
  if (!result.ok) throw new Error(`${name}: the request at the limits is invalid: ${JSON.stringify(result.issues.slice(0, 2))}`);
  for (let i = 0; i < WARMUP; i++) lib.safeAssessUnknown(request);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    lib.safeAssessUnknown(request);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const kb = Math.round(JSON.stringify(request).length / 1024);
  console.log(`| ${name} | ${kb} KB | ${median(times).toFixed(1)} | ${Math.min(...times).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`);
}
