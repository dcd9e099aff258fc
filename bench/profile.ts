/**
 * Profiles the throughput run and summarises where the time goes: `node --cpu-prof` on
 * `bench/run.ts --profile N`, then the self time of the samples aggregated by function
 * (name + source file, mapped back through dist/index.js.map to src/ where a source map exists) and by
 * source file / package.
 *
 * `tsx bench/profile.ts [N] [--top K]` runs and summarises; `tsx bench/profile.ts --summarise <file.cpuprofile>`
 * summarises an existing profile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fmt, ROOT } from './harness.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A line of the summary: self time in ms and its share of all samples. */
export interface SelfTime {
  key: string;
  ms: number;
  share: number;
}

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url) ?? null;
  let map: SourceMap | null = null;
  try {
    const path = fileURLToPath(url);
    if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** Where a frame comes from: the original source file (through a source map), else the package or file. */
function originOf(frame: CallFrame): string {
  if (!frame.url) return '(native / V8)';
  if (frame.url.startsWith('node:')) return frame.url;
  const map = frame.url.startsWith('file:') ? sourceMapOf(frame.url) : null;
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
    if (entry.originalSource) {
      const source = entry.originalSource.replace(/^file:\/\//, '');
      const m = source.match(/(src\/.*)$/);
      return m ? (m[1] as string) : source;
    }
  }
  const path = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  return relative(ROOT, path);
}

/** Self time by function (name + origin) and by origin, from a .cpuprofile. */
export function summarise(profile: CpuProfile): { byFunction: SelfTime[]; byOrigin: SelfTime[]; byPackage: SelfTime[]; inclusive: SelfTime[]; totalMs: number } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (frame: CallFrame): string => (frame.url ? `${frame.functionName || '(anonymous)'} — ${originOf(frame)}` : frame.functionName);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = (nodes.get(id) as ProfileNode).callFrame;
    const origin = originOf(frame);
    const name = frame.functionName || (frame.url ? '(anonymous)' : '');
    const fn = frame.url ? `${name} — ${origin}` : frame.functionName || '(unnamed native frame)';
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + us);
    const pkg = origin.startsWith('(') ? origin : origin.startsWith('src/') ? `mentougou-srdi ${origin.split('/').slice(0, 2).join('/')}` : (origin.match(/^((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? origin);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  // Inclusive (total) time: each sample counts once for every distinct function on its stack.
  const inclusiveUs = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf((nodes.get(at) as ProfileNode).callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusiveUs.set(key, (inclusiveUs.get(key) ?? 0) + us);
    }
  }
  const list = (m: Map<string, number>): SelfTime[] =>
    [...m.entries()].map(([key, us]) => ({ key, ms: us / 1000, share: us / total })).sort((a, b) => b.ms - a.ms);
  return { byFunction: list(byFunction), byOrigin: list(byOrigin), byPackage: list(byPackage), inclusive: list(inclusiveUs), totalMs: total / 1000 };
}

function print(title: string, lines: SelfTime[], top: number): void {
  process.stdout.write(`\n${title}\n`);
  for (const l of lines.slice(0, top)) process.stdout.write(`  ${fmt(l.share * 100, 1).padStart(5)} %  ${fmt(l.ms, 0).padStart(7)} ms  ${l.key}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 30;
  const summariseAt = args.indexOf('--summarise');
  let file: string;
  let dir: string | null = null;
  if (summariseAt >= 0) file = args[summariseAt + 1] as string;
  else {
    const count = Number(args.find((a, i) => /^\d+$/.test(a) && i !== topAt + 1) ?? 60_000);
    dir = mkdtempSync(join(tmpdir(), 'srdi-prof-'));
    const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', join(ROOT, 'bench/run.ts'), '--profile', String(count)], {
      cwd: ROOT,
      encoding: 'utf8',
      env: process.env,
    });
    process.stdout.write(child.stdout);
    if (child.status !== 0) throw new Error(child.stderr);
    const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!name) throw new Error('no .cpuprofile written');
    file = join(dir, name);
  }
  const summary = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  process.stdout.write(`profile: ${fmt(summary.totalMs, 0)} ms of samples (whole process: generation, warm-up and the timed run)\n`);
  print('self time by package / layer', summary.byPackage, top);
  print('self time by source file', summary.byOrigin, top);
  print('self time by function', summary.byFunction, top);
  print('total (inclusive) time by function, library and dependencies only', summary.inclusive.filter((l) => /— (src\/|zod|decimal\.js)/.test(l.key)), top);
  if (dir) rmSync(dir, { recursive: true, force: true });
}
