/**
 * All benchmark rows: `npm run bench` (= `npm run build && tsx bench/run.ts`).
 *
 *   1. throughput of the full `assess`, and of `decide` (bench/throughput.ts)
 *   2. the same M1 + M3 decisions in json-rules-engine 7 (bench/peer-json-rules-engine.ts): ours / peer
 *   3. a plain-number floor for M1 + M3 (bench/floor.ts): ours / floor
 *   4. the CLI's `batch` over 10,000 and 100,000 lines (bench/batch.ts)
 *   5. footprint: bundle sizes and cold import (bench/footprint.ts)
 *
 * Rows 1–3 run in this process on the same seeded inputs, interleaved round by round (so that a noisy
 * neighbour slows all of them alike), each after its own warm-up; the figures are medians over batches
 * of 1,000. Before timing, every request is checked to be valid and the three implementations are
 * checked to agree on the M1 and M3 amounts.
 *
 * Options: `--rows 1,2,3,4,5` (default all; each row runs on its own so), `--json <file>` (write the
 * figures), `--profile N` (no rows: warm up, then N assessments, for `node --cpu-prof`; bench/profile.ts).
 * Environment:
 * `BENCH_ITEMS` (distinct inputs, default 10,000), `BENCH_ROUNDS` (default 12), `BENCH_DIST`.
 * Timings never gate anything: this prints, it does not fail on a missed target.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type BatchRow, runBatchRow } from './batch.js';
import { floorAmounts, parsePlain } from './floor.js';
import { type FootprintRow, runFootprintRow } from './footprint.js';
import { BENCH_SEED, generateRequests } from './generate.js';
import { fmt, loadLibrary, machine, median, rate, row, sinkValue, type Subject, timeBatches, type Timings } from './harness.js';
import { createPeerEngine, peerDecide, peerEngineOnly, preparePeer } from './peer-json-rules-engine.js';
import { decideSubject, oursSubject, profileRun } from './throughput.js';

/** The in-process subjects. */
export type SubjectName = 'ours' | 'peer' | 'floor';

/** The in-process rows' figures. */
export interface InProcessRows {
  items: number;
  rates: Record<string, ReturnType<typeof rate>>;
  ratios: Record<string, number>;
  agreement: Record<string, { same: number; total: number; firstDifference?: string }>;
}

const BATCH = 1_000;
const WARMUP_BATCHES = 6;
const BATCHES_PER_ROUND = 3;

/** Rows 1–3 (those named), interleaved in this process. */
export async function runInProcessRows(which: readonly SubjectName[]): Promise<InProcessRows> {
  const lib = await loadLibrary();
  const items = Number(process.env.BENCH_ITEMS ?? 10_000);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 12);
  const requests = generateRequests(items, BENCH_SEED);

  // Every request is valid, and the implementations agree on M1 + M3 (else the comparison means nothing).
  const ours = requests.map((request) => {
    const result = lib.safeAssess(request);
    if (!result.ok) throw new Error(`generated request ${JSON.stringify(request).slice(0, 200)}… is invalid: ${JSON.stringify(result.issues[0])}`);
    const amount = (id: string): number => Number(result.value.measures.find((m) => m.measure === id)?.amount ?? 0);
    return { m1: amount('M1'), m3: amount('M3') };
  });
  const plain = requests.map(parsePlain);
  const engine = createPeerEngine();
  const agreement: InProcessRows['agreement'] = {};
  const compare = (name: string, theirs: readonly { m1: number; m3: number }[]): void => {
    let same = 0;
    let firstDifference: string | undefined;
    theirs.forEach((t, i) => {
      const o = ours[i] as { m1: number; m3: number };
      if (Math.abs(t.m1 - o.m1) < 0.005 && Math.abs(t.m3 - o.m3) < 0.005) same++;
      else firstDifference ??= `#${i}: ours M1 ${o.m1} M3 ${o.m3}, ${name} M1 ${t.m1} M3 ${t.m3}`;
    });
    agreement[name] = { same, total: theirs.length, ...(firstDifference ? { firstDifference } : {}) };
  };
  if (which.includes('floor')) compare('floor', plain.map(floorAmounts));
  if (which.includes('peer')) {
    const peerResults: { m1: number; m3: number }[] = [];
    for (const request of requests) peerResults.push(await peerDecide(engine, request));
    compare('peer', peerResults);
  }
  const m1Paying = ours.filter((o) => o.m1 > 0).length;
  const m3Paying = ours.filter((o) => o.m3 > 0).length;
  process.stdout.write(
    `inputs: ${fmt(items)} seeded requests (seed ${BENCH_SEED}), all valid; ${fmt(requests.filter((r) => r.institution).length)} institutions; M1 amount > 0 in ${fmt(m1Paying)}, M3 amount > 0 in ${fmt(m3Paying)}\n`,
  );
  for (const [name, a] of Object.entries(agreement)) {
    process.stdout.write(`agreement with ${name} on M1 + M3 amounts: ${fmt(a.same)} / ${fmt(a.total)}${a.firstDifference ? ` (first difference ${a.firstDifference})` : ''}\n`);
  }

  // The subjects.
  const subjects: Subject[] = [];
  if (which.includes('ours')) subjects.push(oursSubject(lib, requests), decideSubject(lib, requests));
  if (which.includes('floor')) {
    subjects.push({
      name: 'floor',
      batch(from, count) {
        let kept = 0;
        for (let i = 0; i < count; i++) {
          const a = floorAmounts(plain[(from + i) % items] ?? null);
          kept += a.m1 + a.m3;
        }
        return kept;
      },
    });
  }
  if (which.includes('peer')) {
    const prepared = preparePeer(requests);
    subjects.push(
      {
        name: 'peer pipeline, one at a time',
        async batch(from, count) {
          let kept = 0;
          for (let i = 0; i < count; i++) kept += (await peerDecide(engine, requests[(from + i) % items] as (typeof requests)[number])).m1;
          return kept;
        },
      },
      {
        name: 'peer pipeline, batch in flight',
        async batch(from, count) {
          const all = await Promise.all(Array.from({ length: count }, (_, i) => peerDecide(engine, requests[(from + i) % items] as (typeof requests)[number])));
          return all.reduce((sum, a) => sum + a.m1, 0);
        },
      },
      {
        name: 'peer engine only, one at a time',
        async batch(from, count) {
          let kept = 0;
          for (let i = 0; i < count; i++) kept += (await peerEngineOnly(engine, prepared[(from + i) % items] as (typeof prepared)[number])).m1;
          return kept;
        },
      },
      {
        name: 'peer engine only, batch in flight',
        async batch(from, count) {
          const all = await Promise.all(Array.from({ length: count }, (_, i) => peerEngineOnly(engine, prepared[(from + i) % items] as (typeof prepared)[number])));
          return all.reduce((sum, a) => sum + a.m1, 0);
        },
      },
    );
  }

  // Warm-up, then interleaved rounds (the order rotates each round).
  const timings = new Map<string, Timings>(subjects.map((s) => [s.name, { name: s.name, batchSize: BATCH, batchNs: [], cpuNs: [] }]));
  const cursors = new Map<string, { next: number }>(subjects.map((s) => [s.name, { next: 0 }]));
  for (const s of subjects) await timeBatches(s, { name: s.name, batchSize: BATCH, batchNs: [], cpuNs: [] }, cursors.get(s.name) as { next: number }, WARMUP_BATCHES);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < subjects.length; k++) {
      const s = subjects[(r + k) % subjects.length] as Subject;
      await timeBatches(s, timings.get(s.name) as Timings, cursors.get(s.name) as { next: number }, BATCHES_PER_ROUND);
    }
  }

  const rates: InProcessRows['rates'] = {};
  for (const [name, t] of timings) rates[name] = rate(t);
  const show = (label: string, name: string): void => {
    const r = rates[name];
    if (r) row(label, `${fmt(r.itemsPerSecond)} items/s`, `median ${fmt(r.medianMicros, 2)} µs/item (p10 ${fmt(r.p10Micros, 2)}, p90 ${fmt(r.p90Micros, 2)}; CPU ${fmt(r.cpuMicros, 2)} µs/item; ${r.batches} batches of ${fmt(BATCH)})`);
  };
  const ratios: InProcessRows['ratios'] = {};
  show('1. throughput: full assess', 'ours');
  show('1. throughput: decide', 'ours decide');
  if (which.includes('peer')) {
    for (const name of ['peer pipeline, one at a time', 'peer pipeline, batch in flight', 'peer engine only, one at a time', 'peer engine only, batch in flight']) show(`2. ${name}`, name);
    const best = (a: string, b: string): number => Math.max(rates[a]?.itemsPerSecond ?? 0, rates[b]?.itemsPerSecond ?? 0);
    const bestCpu = (a: string, b: string): number => Math.min(rates[a]?.cpuMicros ?? Number.POSITIVE_INFINITY, rates[b]?.cpuMicros ?? Number.POSITIVE_INFINITY);
    const ourRate = rates.ours?.itemsPerSecond ?? Number.NaN;
    const ourCpu = rates.ours?.cpuMicros ?? Number.NaN;
    ratios.oursOverPeer = ourRate / best('peer pipeline, one at a time', 'peer pipeline, batch in flight');
    ratios.oursOverPeerEngineOnly = ourRate / best('peer engine only, one at a time', 'peer engine only, batch in flight');
    ratios.oursOverPeerCpu = bestCpu('peer pipeline, one at a time', 'peer pipeline, batch in flight') / ourCpu;
    ratios.oursOverPeerEngineOnlyCpu = bestCpu('peer engine only, one at a time', 'peer engine only, batch in flight') / ourCpu;
    row('2. ours / json-rules-engine (pipeline)', `${fmt(ratios.oursOverPeer, 2)}×`, `items/s, the peer’s faster variant (by CPU time: ${fmt(ratios.oursOverPeerCpu, 2)}×)`);
    row('2. ours / json-rules-engine (engine only)', `${fmt(ratios.oursOverPeerEngineOnly, 2)}×`, `facts prepared beforehand, untimed (by CPU time: ${fmt(ratios.oursOverPeerEngineOnlyCpu, 2)}×)`);
  }
  if (which.includes('floor')) {
    show('3. floor: plain M1 + M3', 'floor');
    ratios.oursOverFloor = (rates.ours?.itemsPerSecond ?? Number.NaN) / (rates.floor?.itemsPerSecond ?? Number.NaN);
    ratios.oursOverFloorCpu = (rates.floor?.cpuMicros ?? Number.NaN) / (rates.ours?.cpuMicros ?? Number.NaN);
    row('3. floor / ours (slowdown)', `${fmt(1 / ratios.oursOverFloor, 1)}×`, `ours / floor = ${ratios.oursOverFloor.toPrecision(3)} (items/s; by CPU time ${fmt(1 / ratios.oursOverFloorCpu, 1)}× slower)`);
  }
  process.stdout.write(`(kept ${sinkValue()})\n`);
  return { items, rates, ratios, agreement };
}

/** The targets (on the 2-core reference machine), checked and printed. */
function targets(inProcess: InProcessRows | null, batch: BatchRow | null, footprint: FootprintRow | null): void {
  const lines: [string, number, number, 'min' | 'max', string][] = [];
  if (inProcess) {
    const r = inProcess.rates.ours;
    if (r) {
      // issue 13: full assess ≥ 25,000/s on one core (≤ 40 µs median); decide ≥ 50,000/s
      lines.push(['full assess items/s', r.itemsPerSecond, 25_000, 'min', '']);
      lines.push(['full assess µs/item', r.medianMicros, 40, 'max', '']);
    }
    const d = inProcess.rates['ours decide'];
    if (d) lines.push(['decide items/s', d.itemsPerSecond, 50_000, 'min', '']);
    if (inProcess.ratios.oursOverPeer !== undefined) lines.push(['ours / json-rules-engine', inProcess.ratios.oursOverPeer, 2, 'min', '×']);
    if (inProcess.ratios.oursOverFloor !== undefined) lines.push(['floor / ours (slowdown)', 1 / inProcess.ratios.oursOverFloor, 40, 'max', '×']);
  }
  if (batch) {
    // issue 13: 100,000 lines < 30 s with full results, < 10 s with --decisions; peak RSS < 300 MB
    const largest = Math.max(...batch.runs.map((r) => r.lines));
    for (const large of batch.runs.filter((r) => r.lines === largest)) {
      const label = `batch ${fmt(large.lines)}${large.mode === 'decisions' ? ' --decisions' : ''}`;
      lines.push([`${label} wall s`, median(large.wallSeconds), large.mode === 'decisions' ? 10 : 30, 'max', ' s']);
      lines.push([`${label} peak RSS MB`, median(large.peakRssKb) / 1024, 300, 'max', ' MB']);
    }
    lines.push(['batch RSS 100k / 10k', batch.rssRatio, 1.5, 'max', '×']);
  }
  if (footprint) {
    lines.push(['size with deps, KB min+gz', footprint.withDependencies.gzipped / 1024, 40, 'max', ' KB']);
    lines.push(['cold import ms', median(footprint.coldImportMs), 150, 'max', ' ms']);
  }
  process.stdout.write('\ntargets:\n');
  for (const [name, value, target, kind, unit] of lines) {
    const met = kind === 'min' ? value >= target : value <= target;
    const by = kind === 'min' ? value / target : target / value;
    process.stdout.write(`  ${name.padEnd(32)} ${fmt(value, value < 100 ? 2 : 0)}${unit} vs ${kind === 'min' ? '≥' : '≤'} ${fmt(target, target < 100 ? 1 : 0)}${unit}: ${met ? 'met' : 'NOT met'} (${met ? `${fmt(by, 2)}× margin` : `${fmt(1 / by, 2)}× off`})\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv.includes('--profile')) {
  await profileRun(Number(process.argv[process.argv.indexOf('--profile') + 1] ?? 100_000));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const rowsAt = args.indexOf('--rows');
  const rows = new Set((rowsAt >= 0 ? (args[rowsAt + 1] ?? '') : '1,2,3,4,5').split(',').map(Number));
  const jsonAt = args.indexOf('--json');
  const m = machine();
  process.stdout.write(`mentougou-srdi benchmarks — ${m.date}; ${m.nproc} cores (${m.cpu}), ${m.memory}, Node ${m.node}; load ${m.load}\n\n`);
  const inProcessNames: SubjectName[] = [...(rows.has(1) || rows.has(2) || rows.has(3) ? (['ours'] as const) : []), ...(rows.has(2) ? (['peer'] as const) : []), ...(rows.has(3) ? (['floor'] as const) : [])];
  const inProcess = inProcessNames.length > 0 ? await runInProcessRows(inProcessNames) : null;
  const batch = rows.has(4) ? await runBatchRow() : null;
  const footprint = rows.has(5) ? await runFootprintRow() : null;
  targets(inProcess, batch, footprint);
  if (jsonAt >= 0 && args[jsonAt + 1]) writeFileSync(args[jsonAt + 1] as string, `${JSON.stringify({ machine: m, inProcess, batch, footprint }, null, 2)}\n`);
}
