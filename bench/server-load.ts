/**
 * Row 6, the HTTP service under load: autocannon against the built server (`server/dist/main.js`),
 * one process started here on 127.0.0.1 and stopped (SIGTERM) at the end. No other address is used.
 *
 * Load: 16 connections, each sending `POST /assess` with the seeded generated requests (bench/generate.ts,
 * 200 distinct ones, cycled), for `--duration` seconds (default 5: a short run; the published figure
 * is one 30 s run) after a 2 s warm-up. Reported: requests/s (the median of the once-a-second samples,
 * and the mean), latency p50 / p99, errors (socket errors, timeouts and non-2xx answers, which must
 * all be 0), the server's CPU time per answered request (/proc/PID/stat: on a shared machine it moves
 * less than requests/s do), and its RSS before the load (idle, after start), after it, and its peak (VmHWM).
 * Before the load, one answer is checked to be the library's result byte for byte.
 *
 * The server is one Node process (one core); autocannon runs in this process, on the machine's other
 * core. No cluster: the row measures what one process per core gives (docs/contract.md § The HTTP service: scale out with one
 * process per core behind a load balancer).
 *
 * Run: `npm run bench:server` (builds the library and the server, then 5 s), or
 * `npm run bench:server -- --duration 30` for the figure. Options: `--duration S`, `--connections N`,
 * `--target assess|healthz` (healthz: the HTTP stack alone, a floor), `--log-level L` (default info, as
 * deployed), `--json FILE`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type AutocannonResult } from 'autocannon';
import { BENCH_SEED, generateRequests } from './generate.js';
import { fmt, loadLibrary, machine, ROOT, row } from './harness.js';

const HOST = '127.0.0.1';
const MAIN = join(ROOT, 'server', 'dist', 'main.js');

/** What the row reports. */
export interface ServerLoadRow {
  target: 'assess' | 'healthz';
  durationSeconds: number;
  connections: number;
  distinctRequests: number;
  requestsPerSecondMedian: number;
  requestsPerSecondMean: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  requests2xx: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  rssBeforeKb: number;
  rssAfterKb: number;
  rssPeakKb: number;
  /** The server's CPU time during the measured run, and per answered request (less moved by a busy machine than requests/s). */
  serverCpuSeconds: number;
  serverCpuMsPerRequest: number;
  exitCode: number | null;
  machine: ReturnType<typeof machine>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function post(port: number, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: HOST, port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json' }, timeout: 5000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

async function waitUntilUp(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest({ host: HOST, port, path: '/healthz', agent: false, timeout: 1000 }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(String(res.statusCode)))));
        });
        req.on('error', reject);
        req.end();
      });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('the server did not come up within 10 s');
}

/** CPU time (user + system) of a process so far, seconds (Linux /proc; 0 elsewhere). Clock ticks of 1/100 s. */
function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which is in parentheses): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** VmRSS and VmHWM (peak) of a process, kB (Linux; 0 elsewhere). */
function rssKb(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

export async function runServerLoadRow(options: { duration: number; connections: number; target: 'assess' | 'healthz'; logLevel: string }): Promise<ServerLoadRow> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is not built: run \`npm run bench:server\` (it builds the library and the server)`);
  const lib = await loadLibrary();
  const requests = generateRequests(200, BENCH_SEED);
  const bodies = requests.map((r) => JSON.stringify(r));
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN, '--port', String(port), '--host', HOST, '--log-level', options.logLevel], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await waitUntilUp(port, child);
    // The service answers what the library answers.
    const first = await post(port, '/assess', bodies[0] as string);
    if (first.status !== 200 || first.body !== JSON.stringify(lib.assessUnknown(requests[0]))) throw new Error(`POST /assess did not give the library's result (status ${first.status})`);

    const pid = child.pid ?? 0;
    const before = rssKb(pid);
    const load = (duration: number): Promise<AutocannonResult> =>
      autocannon({
        url: `http://${HOST}:${port}`,
        connections: options.connections,
        duration,
        timeout: 10,
        requests:
          options.target === 'assess'
            ? bodies.map((body) => ({ method: 'POST', path: '/assess', headers: { 'content-type': 'application/json' }, body }))
            : [{ method: 'GET', path: '/healthz' }],
      });
    await load(2); // warm-up, not reported
    const cpuBefore = cpuSeconds(pid);
    const result = await load(options.duration);
    const cpu = cpuSeconds(pid) - cpuBefore;
    const after = rssKb(pid);
    child.kill('SIGTERM');
    const exitCode = await exited;
    return {
      target: options.target,
      durationSeconds: options.duration,
      connections: options.connections,
      distinctRequests: options.target === 'assess' ? bodies.length : 1,
      requestsPerSecondMedian: result.requests.p50,
      requestsPerSecondMean: result.requests.average,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      latencyMaxMs: result.latency.max,
      requests2xx: result['2xx'],
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      rssBeforeKb: before.rss,
      rssAfterKb: after.rss,
      rssPeakKb: after.peak,
      serverCpuSeconds: cpu,
      serverCpuMsPerRequest: result['2xx'] > 0 ? (cpu * 1000) / result['2xx'] : 0,
      exitCode,
      machine: machine(),
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export function printServerLoadRow(r: ServerLoadRow): void {
  const mb = (kb: number): string => `${fmt(kb / 1024, 1)} MiB`;
  process.stdout.write(
    `\nRow 6 — HTTP service, ${r.target === 'assess' ? 'POST /assess' : 'GET /healthz'}: ${r.connections} connections, ${r.durationSeconds} s (after a 2 s warm-up), one server process on ${HOST}\n`,
  );
  process.stdout.write(`machine: ${r.machine.nproc} cores, ${r.machine.cpu}, Node ${r.machine.node}, load ${r.machine.load}, ${r.machine.date}\n`);
  row('requests/s (median of 1 s samples)', fmt(r.requestsPerSecondMedian), `mean ${fmt(r.requestsPerSecondMean)}`);
  row('latency p50 / p99', `${fmt(r.latencyP50Ms, 1)} / ${fmt(r.latencyP99Ms, 1)} ms`, `max ${fmt(r.latencyMaxMs, 1)} ms`);
  row('answers 2xx', fmt(r.requests2xx));
  row('errors / timeouts / non-2xx', `${r.errors} / ${r.timeouts} / ${r.non2xx}`, r.errors + r.timeouts + r.non2xx === 0 ? 'none' : 'NOT ZERO');
  row('server CPU per request', `${fmt(r.serverCpuMsPerRequest, 2)} ms`, `${fmt(r.serverCpuSeconds, 1)} s CPU in ${r.durationSeconds} s; ≈ ${fmt(r.serverCpuMsPerRequest > 0 ? 1000 / r.serverCpuMsPerRequest : 0)} requests per CPU-second`);
  row('server RSS before / after / peak', `${mb(r.rssBeforeKb)} / ${mb(r.rssAfterKb)} / ${mb(r.rssPeakKb)}`);
  row('exit code after SIGTERM', String(r.exitCode));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '16' },
      target: { type: 'string', default: 'assess' },
      'log-level': { type: 'string', default: 'info' },
      json: { type: 'string' },
    },
    strict: true,
  });
  const target = values.target === 'healthz' ? 'healthz' : 'assess';
  const result = await runServerLoadRow({ duration: Number(values.duration), connections: Number(values.connections), target, logLevel: values['log-level'] });
  printServerLoadRow(result);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
  if (result.errors + result.timeouts + result.non2xx > 0 || result.exitCode !== 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
