/**
 * The one test over a real socket (127.0.0.1 only, bounded in time): the bin as a process, started
 * with `--port 0`, answers over TCP; on SIGTERM it stops accepting connections, finishes the batch in
 * flight (whose body is still being sent), and exits 0 (docs/contract.md § The HTTP service).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { golden, LIBRARY_VERSION } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOST = '127.0.0.1';

let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Resolves when `predicate` holds on the text seen so far, or rejects after `ms`. */
function waitFor(read: () => string, predicate: (text: string) => boolean, ms: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      const text = read();
      if (predicate(text)) resolve(text);
      else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${what}; seen: ${text.slice(-500)}`));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

function get(port: number, path: string): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: HOST, port, path, agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

it('over TCP: answers; on SIGTERM refuses new connections, finishes the batch in flight, exits 0', { timeout: 30_000 }, async () => {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', '--port', '0', '--host', HOST], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let out = '';
  proc.stdout?.setEncoding('utf8').on('data', (c: string) => (out += c));
  proc.stderr?.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));

  const listening = await waitFor(() => out, (t) => /Server listening at http:\/\/127\.0\.0\.1:\d+/.test(t), 15_000, 'the server to listen');
  const port = Number(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(listening)?.[1]);

  const health = await get(port, '/healthz');
  expect(health.status).toBe(200);
  expect(health.headers['mentougou-srdi-version']).toBe(LIBRARY_VERSION);
  expect(health.headers['policy-edition']).toBe('mentougou-2022-draft');

  // A batch whose body is sent in two parts, with SIGTERM in between.
  let received = '';
  let ended = false;
  let failed: Error | undefined;
  const batch = httpRequest({ host: HOST, port, path: '/batch', method: 'POST', agent: false, headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
    expect(res.statusCode).toBe(200);
    res.setEncoding('utf8');
    res.on('data', (c: string) => (received += c));
    res.on('end', () => (ended = true));
    res.on('error', (e) => (failed = e));
  });
  batch.on('error', (e) => (failed = e));
  batch.write(`${JSON.stringify(golden('01-climber').request)}\n`);
  await waitFor(() => received, (t) => t.includes('\n'), 10_000, 'the first record');

  proc.kill('SIGTERM');
  await waitFor(() => out, (t) => t.includes('stopping: finishing in-flight requests'), 5_000, 'the stop to begin');
  // New connections are refused (retried briefly: the listening socket closes just after the log line).
  let refused: unknown;
  for (let i = 0; i < 50 && refused === undefined; i++) {
    try {
      await get(port, '/healthz');
      await new Promise((r) => setTimeout(r, 20));
    } catch (error) {
      refused = error;
    }
  }
  expect((refused as NodeJS.ErrnoException | undefined)?.code).toBe('ECONNREFUSED');

  // The batch in flight is finished: its second line is sent, assessed and answered, and the response ends cleanly.
  batch.end(`${JSON.stringify(golden('06-institution').request)}\n`);
  await waitFor(() => (ended || failed ? 'done' : ''), (t) => t === 'done', 10_000, 'the batch to end');
  expect(failed).toBeUndefined();
  const records = received.trimEnd().split('\n').map((l) => JSON.parse(l) as { subject: { id: string }; totalPayable: string });
  // 01-climber pays 600,000.00 (R2: 800,000 − 200,000 paid); 06-institution 100,000.00 (R6).
  expect(records.map((r) => [r.subject.id, r.totalPayable])).toEqual([
    ['E01', '600000.00'],
    ['I01', '100000.00'],
  ]);

  expect(await exited).toBe(0);
  expect(out).toContain('"batch":{"linesRead":2,"blank":0,"assessed":2,"invalid":0}');
  expect(out).toContain('"msg":"stopped"');
});
