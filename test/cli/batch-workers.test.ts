/**
 * `mentougou-srdi batch --workers N` (contract, "Batch"; issue 13): the records assessed on N worker
 * threads come out byte for byte as on one, in input order, with the same summary and exit code; a worker
 * that fails stops the run with a message (exit 2) instead of losing records; `--workers` is checked.
 * The runs are in-process (`memoryIO`); the workers run the TypeScript sources through tsx.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/cli/batch-command.js';
import type { WorkerScript } from '../../src/cli/batch-pool.js';
import { runCli } from '../../src/cli/commands.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { goldenVector, memoryIO, realIO, tempDir } from './helpers.js';

const encoder = new TextEncoder();
const NAMES = ['01-climber', '06-institution', '02-newcomer-with-rent', '03-leap-year-rent', '06-institution', '07-listing-and-park-subsidy', '04-case-by-case', '05-clawback-tax-move'];
const REQUESTS = NAMES.map((name) => goldenVector(name).request);
const R06 = JSON.stringify(goldenVector('06-institution').request);
/** Every golden request fits; the padded lines below do not. */
const MAX_LINE_BYTES = 16_384;

/**
 * `count` mixed lines: valid requests (each with its own id; M5 institutions among them), invalid
 * requests, JSON that does not parse, blank lines, NBSP, CRLF, bytes that are not UTF-8, and lines over
 * `MAX_LINE_BYTES`.
 */
function mixedInput(count: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let n = 1; n <= count; n++) {
    let line: string | Uint8Array;
    if (n % 17 === 0) line = '';
    else if (n % 23 === 0) line = '{"asOf": "2024-12-31", ';
    else if (n % 29 === 0) line = JSON.stringify(goldenVector('08-bad-input').request);
    else if (n % 31 === 0) line = `${R06}${' '.repeat(MAX_LINE_BYTES)}x`;
    else if (n % 37 === 0) line = '\u00a0';
    else if (n % 41 === 0) line = new Uint8Array([0x7b, 0xff, 0x7d]);
    else if (n % 43 === 0) line = '[]';
    else {
      const request = structuredClone(REQUESTS[n % REQUESTS.length]!);
      ((request.enterprise ?? request.institution) as Record<string, unknown>).id = `R-${n}`;
      line = `${JSON.stringify(request)}${n % 5 === 0 ? '\r' : ''}`;
    }
    parts.push(typeof line === 'string' ? encoder.encode(line) : line, encoder.encode('\n'));
  }
  return Buffer.concat(parts);
}

/** A run of `batch` on `input` with `args`: exit code, the output written to --out, and stderr. */
async function run(input: Uint8Array | string, args: readonly string[]): Promise<{ code: number; out: string | undefined; err: string }> {
  const io = memoryIO({ 'in.jsonl': input });
  const code = await runCli(['batch', 'in.jsonl', '--out', 'out.jsonl', '--max-line-bytes', String(MAX_LINE_BYTES), ...args], io);
  return { code, out: io.written.get('out.jsonl'), err: io.err.join('') };
}

describe('batch --workers: the same output as one thread, byte for byte', () => {
  const input = mixedInput(400);

  for (const mode of [[], ['--decisions']] as const) {
    it(`1, 2 and 3 workers give byte-identical records, summary and exit code on 400 mixed lines${mode.length > 0 ? ' (--decisions)' : ''}`, { timeout: 120_000 }, async () => {
      const one = await run(input, [...mode, '--workers', '1']);
      expect(one.code).toBe(1);
      const records = one.out!.split('\n').filter((l) => l !== '');
      // 400 lines less the 23 blank ones; in input order: the ids of the valid lines ascend
      expect(records).toHaveLength(400 - 23);
      const ids = records.flatMap((l) => /"id":"R-(\d+)"/.exec(l)?.[1] ?? []).map(Number);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      for (const code of ['invalid-json', 'invalid-utf8', 'line-too-long', 'credit-code-check']) expect(one.out!.includes(`"code":"${code}"`), code).toBe(true);
      expect(one.err).toContain('  M5：');
      for (const workers of ['2', '3']) {
        const many = await run(input, [...mode, '--workers', workers]);
        expect(many.code, `--workers ${workers}`).toBe(one.code);
        expect(many.out === one.out, `--workers ${workers}: the same bytes`).toBe(true);
        expect(many.err, `--workers ${workers}`).toBe(one.err);
      }
    });
  }

  it('on the file system (the workers’ UTF-8 bytes written as they are, temporary file and rename), 2 workers write the file 1 writes', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.jsonl'), input);
    const files: string[] = [];
    for (const workers of ['1', '2']) {
      const out = join(dir, `out-${workers}.jsonl`);
      const io = realIO();
      expect(await runCli(['batch', join(dir, 'in.jsonl'), '--out', out, '--max-line-bytes', String(MAX_LINE_BYTES), '--workers', workers], io)).toBe(1);
      files.push(readFileSync(out, 'utf8'));
    }
    expect(files[0]!.length).toBeGreaterThan(0);
    expect(files[1] === files[0], 'the same bytes').toBe(true);
  });

  it('a JSON array read by 2 workers: the same records (with their index) as by one', { timeout: 60_000 }, async () => {
    const array = `[\n${Array.from({ length: 150 }, (_, i) => (i % 40 === 7 ? '{"asOf":"2024-12-31"}' : JSON.stringify(REQUESTS[i % REQUESTS.length]))).join(',\n')}\n]\n`;
    const one = await run(array, ['--workers', '1']);
    const two = await run(array, ['--workers', '2']);
    expect(two.code).toBe(one.code);
    expect(two.out === one.out).toBe(true);
    expect(two.err).toBe(one.err);
    expect(one.out!.includes('"line":9,"index":7,'), 'the record of entry 7').toBe(true);
  });
});

const CHUNK_MODULE = new URL('../../src/cli/batch-chunk.ts', import.meta.url).href;

/** A worker from the sources that answers the chunks with even ids 150 ms late (so later ones finish first). */
const SLOW_EVEN_WORKER: WorkerScript = {
  kind: 'eval',
  code: `import('tsx/esm/api').then(async ({ register }) => {
    register();
    const { parentPort, workerData } = await import('node:worker_threads');
    const { runChunk, batchAssess } = await import(${JSON.stringify(CHUNK_MODULE)});
    const { mentougou2022Draft } = await import(${JSON.stringify(new URL('../../src/policy/mentougou-2022-draft.ts', import.meta.url).href)});
    const assess = batchAssess(mentougou2022Draft, workerData.decisions);
    parentPort.on('message', (task) => {
      const done = { id: task.id, result: runChunk(task.chunk, assess) };
      setTimeout(() => parentPort.postMessage(done), task.id % 2 === 0 ? 150 : 0);
    });
  });`,
};

/** A worker that throws on its first chunk. */
const THROWING_WORKER: WorkerScript = {
  kind: 'eval',
  code: `import('node:worker_threads').then(({ parentPort }) => parentPort.on('message', () => { throw new Error('boom'); }));`,
};

/** A worker that exits on its first chunk. */
const EXITING_WORKER: WorkerScript = { kind: 'eval', code: `import('node:worker_threads').then(({ parentPort }) => parentPort.on('message', () => process.exit(3)));` };

const lines = (count: number): string => `${Array.from({ length: count }, (_, i) => R06.replace('"I01"', `"I-${i + 1}"`)).join('\n')}\n`;
const batchRun = { input: 'in.jsonl', out: 'out.jsonl', edition: mentougou2022Draft, maxLineBytes: 1 << 20 } as const;

describe('batch --workers: order, and failures that stop the run', () => {
  it('a chunk that is done before an earlier one waits for it: the records keep the input order', { timeout: 60_000 }, async () => {
    const io = memoryIO({ 'in.jsonl': lines(300) });
    expect(await runBatch(io, { ...batchRun, lang: 'en', workers: 2, workerScript: SLOW_EVEN_WORKER })).toBe(0);
    const ids = io.written.get('out.jsonl')!.split('\n').filter((l) => l !== '').map((l) => /"id":"I-(\d+)"/.exec(l)?.[1]);
    expect(ids).toEqual(Array.from({ length: 300 }, (_, i) => String(i + 1)));
  });

  for (const [what, script] of [
    ['throws', THROWING_WORKER],
    ['exits', EXITING_WORKER],
  ] as const) {
    it(`a worker that ${what}: exit 2, a message in either language, OUT left as it was, the run does not hang`, { timeout: 60_000 }, async () => {
      for (const lang of ['en', 'zh'] as const) {
        const io = memoryIO({ 'in.jsonl': lines(200) });
        expect(await runBatch(io, { ...batchRun, lang, workers: 2, workerScript: script })).toBe(2);
        expect(io.written.has('out.jsonl')).toBe(false);
        expect(io.pending.size).toBe(0);
        const err = io.err.join('');
        expect(err).toContain(lang === 'en' ? 'batch: a worker failed; stopped' : 'batch：工作线程出错，已停止');
        expect(err).toContain(lang === 'en' ? 'out.jsonl is left as it was' : 'out.jsonl 保持原样');
        expect(err).not.toMatch(/assessed|已评估/);
      }
    });
  }

  it('a worker that cannot be loaded: exit 2 with the loader’s error', { timeout: 30_000 }, async () => {
    const io = memoryIO({ 'in.jsonl': lines(200) });
    const missing: WorkerScript = { kind: 'module', url: new URL('./no-such-worker.mjs', import.meta.url) };
    expect(await runBatch(io, { ...batchRun, lang: 'en', workers: 2, workerScript: missing })).toBe(2);
    expect(io.err.join('')).toMatch(/a worker failed; stopped: .*no-such-worker/);
  });

  it('a worker that cannot even be constructed (the Worker constructor throws): exit 2 as a worker failure, not a read error, OUT untouched', { timeout: 30_000 }, async () => {
    for (const lang of ['en', 'zh'] as const) {
      const io = memoryIO({ 'in.jsonl': lines(200) });
      const unconstructable: WorkerScript = { kind: 'module', url: new URL('http://127.0.0.1/no-worker.mjs') };
      expect(await runBatch(io, { ...batchRun, lang, workers: 2, workerScript: unconstructable })).toBe(2);
      expect(io.written.has('out.jsonl')).toBe(false);
      const err = io.err.join('');
      expect(err).toContain(lang === 'en' ? 'batch: a worker failed; stopped' : 'batch：工作线程出错，已停止');
      expect(err).not.toMatch(/could not read|无法读取/);
    }
  });

  it('--workers 1 and an input of one chunk start no worker (a failing worker script is never run)', async () => {
    const big = memoryIO({ 'in.jsonl': lines(100) });
    expect(await runBatch(big, { ...batchRun, lang: 'en', workers: 1, workerScript: THROWING_WORKER })).toBe(0);
    const small = memoryIO({ 'in.jsonl': lines(20) });
    expect(await runBatch(small, { ...batchRun, lang: 'en', workers: 4, workerScript: THROWING_WORKER })).toBe(0);
    expect(small.written.get('out.jsonl')).toBe(big.written.get('out.jsonl')!.split('\n').slice(0, 20).join('\n') + '\n');
  });

  it('interrupted (SIGINT) while workers assess: exit 130, every record read is written first, OUT left as it was', { timeout: 60_000 }, async () => {
    const io = memoryIO({});
    Object.assign(io, {
      readBytes: () =>
        (async function* source(): AsyncGenerator<Uint8Array> {
          yield encoder.encode(lines(200));
          setTimeout(() => io.raise('SIGINT'), 10);
          await new Promise(() => undefined);
        })(),
    });
    expect(await runBatch(io, { ...batchRun, lang: 'en', workers: 2 })).toBe(130);
    expect(io.written.has('out.jsonl')).toBe(false);
    expect(io.err.join('')).toContain('batch: interrupted (SIGINT) after line 200; out.jsonl is left as it was');
  });

  it('a full disk while workers assess: exit 2, OUT left as it was, the workers ended', { timeout: 60_000 }, async () => {
    const io = memoryIO({ 'in.jsonl': lines(300) }, { fullAfter: { path: 'out.jsonl', bytes: 100 * R06.length } });
    expect(await runBatch(io, { ...batchRun, lang: 'en', workers: 2 })).toBe(2);
    expect(io.written.has('out.jsonl')).toBe(false);
    expect(io.err.join('')).toContain('batch: cannot write out.jsonl: ENOSPC');
  });
});

describe('batch --workers: the option', () => {
  it('must be a whole number from 1 to 64: anything else is refused (exit 2) in either language, before any line is read', async () => {
    for (const bad of ['0', '-1', '1.5', 'abc', '', '65', '100', '007']) {
      for (const lang of ['en', 'zh'] as const) {
        const io = memoryIO({ 'in.jsonl': `${R06}\n` });
        expect(await runCli(['batch', 'in.jsonl', `--workers=${bad}`, '--lang', lang], io), `${bad} ${lang}`).toBe(2);
        expect(io.err.join(''), bad).toContain(lang === 'en' ? '--workers must be a whole number of threads from 1 to 64' : '--workers 应为 1 至 64 之间的整数');
        expect(io.out).toEqual([]);
      }
    }
  });

  it('1 and 64 are accepted', async () => {
    for (const good of ['1', '64']) {
      const io = memoryIO({ 'in.jsonl': `${R06}\n` });
      expect(await runCli(['batch', 'in.jsonl', '--workers', good], io), good).toBe(0);
    }
  });

  it('help names --workers and its default in both languages', async () => {
    for (const [lang, text] of [
      ['en', 'default: the available cores'],
      ['zh', '默认：可用的 CPU 核数'],
    ] as const) {
      const io = memoryIO({});
      await runCli(['batch', '--help', '--lang', lang], io);
      const help = io.out.join('') + io.err.join('');
      expect(help).toContain('--workers <n>');
      expect(help).toContain(text);
    }
  });
});
