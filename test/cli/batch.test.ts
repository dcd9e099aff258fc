/**
 * `mentougou-srdi batch` (contract, "Batch"): every attack of issue 12 on the batch by name. Most run
 * in-process (`memoryIO`, or `realIO` for the real temporary-file-and-rename output); signals, a closed
 * pipe and the bin's own exit go through the built bin.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/cli/batch-command.js';
import { runCli } from '../../src/cli/commands.js';
import type { Output } from '../../src/cli/io.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { safeAssessUnknown } from '../../src/assess.js';
import { decide } from '../../src/decide.js';
import { decisionOf } from '../helpers/decision-of.js';
import type { PolicyRequestInput } from '../../src/model/request.js';
import { CLI, goldenVector, memoryIO, realIO, ROOT, tempDir } from './helpers.js';

/** Yuan string ("3219600.00") to fen, exactly. */
const fen = (yuan: string): bigint => {
  const [int, frac = ''] = yuan.split('.');
  return BigInt(int ?? '0') * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2));
};
/** Fen to grouped yuan: 320000000n → "3,200,000.00". */
const grouped = (f: bigint): string => `${(f / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f % 100n).toString().padStart(2, '0')}`;

const request = (name: string): string => JSON.stringify(goldenVector(name).request);
const R01 = request('01-climber'); // total payable 600,000.00
const R06 = request('06-institution'); // total payable 100,000.00 (M5)
const R03 = request('03-leap-year-rent'); // total payable 36,146.16

/** The records written, parsed. */
const records = (text: string | undefined): Record<string, unknown>[] =>
  (text ?? '')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
/** A record as `line:code` for an error, or `id` for a result. */
const brief = (r: Record<string, unknown>): string =>
  'issues' in r ? `${String(r.line)}${r.index === undefined ? '' : `#${String(r.index)}`}:${(r.issues as { code: string }[]).map((i) => i.code).join(',')}` : (r.subject as { id: string }).id;

const stderr = (io: { err: string[] }): string => io.err.join('');

describe('batch: 10,000 lines with bad lines at known places (in-process)', () => {
  const CYCLE = ['06-institution', '01-climber', '06-institution', '02-newcomer-with-rent', '06-institution', '07-listing-and-park-subsidy', '06-institution', '06-institution'];
  const vectors = new Map(CYCLE.map((n) => [n, goldenVector(n)]));
  const M5_OF_06 = '100000.00'; // golden 06: M5 payable 100,000 (E11: 100,000 − 20,000 paid; E12: 20,000)
  const LINES = 10_000;
  const BLANK = new Set([1000, 6001]);
  const INVALID_JSON = new Set([3, 10_000]);
  const INVALID_REQUEST = new Set([4321, 7777]);

  it('keeps the order, counts right, error records carry 1-based line numbers, exit 1', async () => {
    const lines: string[] = [];
    const expected: ({ id: string } | { errorLine: number })[] = [];
    let expectedTotal = 0n;
    let expectedM5 = 0n;
    for (let n = 1; n <= LINES; n++) {
      if (BLANK.has(n)) lines.push(n === 1000 ? '' : '   ');
      else if (INVALID_JSON.has(n)) {
        lines.push(n === 3 ? '{"asOf": "2024-12-31", ' : 'not json at all');
        expected.push({ errorLine: n });
      } else if (INVALID_REQUEST.has(n)) {
        lines.push(n === 4321 ? request('08-bad-input') : '[]');
        expected.push({ errorLine: n });
      } else {
        const name = CYCLE[n % CYCLE.length]!;
        const vector = vectors.get(name)!;
        const req = structuredClone(vector.request);
        const id = `${name.slice(0, 2)}-${n}`;
        ((req.enterprise ?? req.institution) as Record<string, unknown>).id = id;
        lines.push(JSON.stringify(req));
        expected.push({ id });
        expectedTotal += fen(vector.expect.totalPayable as string);
        if (name === '06-institution') expectedM5 += fen(M5_OF_06);
      }
    }
    // The output is checked as it is written: 10,000 results are 200 MB, never held at once.
    let k = 0;
    const errors: { line: number; issues: { path: (string | number)[]; code: string }[] }[] = [];
    let committed = false;
    const check: Output = {
      write: async (text) => {
        const want = expected[k++];
        if (want === undefined) throw new Error(`extra output line ${k}`);
        if ('id' in want) expect(/^\{"subject":\{"kind":"(?:enterprise|institution)","id":"([^"]+)"\}/.exec(text)?.[1], `output line ${k}`).toBe(want.id);
        else {
          const record = JSON.parse(text) as (typeof errors)[number];
          expect(record.line, `output line ${k}`).toBe(want.errorLine);
          errors.push(record);
        }
      },
      commit: async () => void (committed = true),
      abort: async () => undefined,
    };
    const io = { ...memoryIO({ 'in.jsonl': `${lines.join('\n')}\n` }), openOutput: async () => check };
    expect(await runCli(['batch', 'in.jsonl', '--out', 'out.jsonl'], io)).toBe(1);
    expect(committed).toBe(true);
    expect(k).toBe(LINES - BLANK.size);
    expect(errors.map((e) => e.line)).toEqual([3, 4321, 7777, 10_000]);
    expect(errors[0]?.issues[0]?.code).toBe('invalid-json');
    expect(errors[1]?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['enterprise.creditCode', 'enterprise.designations.0.obtainedOn', 'enterprise.leases.0.areaSqm']));
    expect(errors[3]?.issues[0]?.code).toBe('invalid-json');
    const summary = stderr(io);
    expect(summary).toContain('读取行数：10000（空行 2）');
    expect(summary).toContain(`已评估：${LINES - 6}`);
    expect(summary).toContain('无效：4');
    expect(summary).toContain(`本次可兑现合计：${grouped(expectedTotal)} 元`);
    expect(summary).toContain(`  M5：${grouped(expectedM5)} 元`);
    expect(summary).not.toContain('batch:');
  }, 120_000);
});

describe('batch: one record per non-blank line', () => {
  it('all lines valid: exit 0, compact JSON on stdout, one per line, and the summary in English with --lang en', async () => {
    const io = memoryIO({ 'two.jsonl': `${R01}\r\n${R06}` });
    expect(await runCli(['batch', 'two.jsonl', '--lang', 'en'], io)).toBe(0);
    expect(records(io.out.join('')).map(brief)).toEqual(['E01', 'I01']);
    expect(io.out.every((line) => line.endsWith('}\n') && !line.includes('\n  '))).toBe(true);
    // 600,000 (golden 01) + 100,000 (golden 06)
    expect(stderr(io)).toContain('total payable now: 700,000.00 yuan');
    expect(stderr(io)).toContain('  M1: 600,000.00 yuan');
    expect(stderr(io)).toContain('  M5: 100,000.00 yuan');
  });

  it('reads standard input with -', async () => {
    const io = memoryIO({ '-': `${R03}\n` });
    expect(await runCli(['batch', '-'], io)).toBe(0);
    expect(stderr(io)).toContain('本次可兑现合计：36,146.16 元');
  });

  it('a lone CR inside a JSON line stays in it: the later line numbers do not shift', async () => {
    const withCr = R01.replace('"asOf":', '"asOf":\r');
    const io = memoryIO({ 'in.jsonl': `${withCr}\nnot json\n${R06}\n` });
    expect(await runCli(['batch', 'in.jsonl'], io)).toBe(1);
    expect(records(io.out.join('')).map(brief)).toEqual(['E01', '2:invalid-json', 'I01']);
  });

  it('lines of NBSP or U+3000 do not vanish: each gets an error record; truly blank lines get none', async () => {
    const io = memoryIO({ 'in.jsonl': `${R06}\n\u00a0\n \t \n\u3000\n\n${R06}\n` });
    expect(await runCli(['batch', 'in.jsonl'], io)).toBe(1);
    expect(records(io.out.join('')).map(brief)).toEqual(['I01', '2:invalid-json', '4:invalid-json', 'I01']);
    expect(stderr(io)).toContain('读取行数：6（空行 2）');
  });

  it('a line that is not UTF-8 gives invalid-utf8 and the run goes on', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${R06}\n`), 0x7b, 0xff, 0x7d, 0x0a, ...new TextEncoder().encode(`${R06}\n`)]);
    const io = memoryIO({ 'in.jsonl': bytes });
    expect(await runCli(['batch', 'in.jsonl'], io)).toBe(1);
    expect(records(io.out.join('')).map(brief)).toEqual(['I01', '2:invalid-utf8', 'I01']);
  });

  it('--max-line-bytes: a longer line gives line-too-long, the run goes on; the limit itself is fine', async () => {
    const limit = Buffer.byteLength(R06);
    const io = memoryIO({ 'in.jsonl': `${R06}\n${R06} \n${R06}\n` });
    expect(await runCli(['batch', 'in.jsonl', '--max-line-bytes', String(limit)], io)).toBe(1);
    const out = records(io.out.join(''));
    expect(out.map(brief)).toEqual(['I01', '2:line-too-long', 'I01']);
    expect((out[1]!.issues as { maximum: number }[])[0]!.maximum).toBe(limit);
  });

  it('--max-line-bytes must be a whole number from 1 to 1 GiB', async () => {
    for (const bad of ['0', '-1', '1.5', 'abc', '1073741825', '99999999999']) {
      const io = memoryIO({ 'in.jsonl': `${R06}\n` });
      expect(await runCli(['batch', 'in.jsonl', '--max-line-bytes', bad], io), bad).toBe(2);
      expect(stderr(io)).toContain('--max-line-bytes');
    }
  });

  it('a 600 MB line is skipped as it comes (no crash, no buffering) and the next line is assessed', async () => {
    const chunk = new Uint8Array(1 << 20).fill(0x20);
    chunk[0] = 0x7b; // "{" then spaces: not blank
    async function* source(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 600; i++) yield chunk;
      yield new TextEncoder().encode(`\n${R06}\n`);
    }
    const io = memoryIO({ 'in.jsonl': source });
    expect(await runCli(['batch', 'in.jsonl'], io)).toBe(1);
    expect(records(io.out.join('')).map(brief)).toEqual(['1:line-too-long', 'I01']);
  }, 60_000);

  it('memory stays flat: 256 MiB of input read through the whole run is not retained', async () => {
    const chunk = 1 << 20;
    let peak = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 256; i++) {
        // Sixteen 64 KiB lines that are not JSON, in a fresh chunk each time.
        const bytes = new Uint8Array(chunk).fill(0x78);
        for (let at = (1 << 16) - 1; at < chunk; at += 1 << 16) bytes[at] = 0x0a;
        yield bytes;
        if (i % 16 === 0) peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      }
    }
    const before = process.memoryUsage().arrayBuffers;
    const io = memoryIO({ 'in.jsonl': source });
    expect(await runCli(['batch', 'in.jsonl'], io)).toBe(2);
    // 256 × 16 lines, none JSON: one record each, and no request read (exit 2).
    expect(io.out).toHaveLength(4096);
    expect(peak - before).toBeLessThan(128 * chunk);
  }, 60_000);

  it('a line whose validation once overflowed the stack (150,000 invalid entries, 250 KB) gets its record; the later lines are assessed', async () => {
    const hostile = `{"asOf":"2024-12-31","enterprise":{"id":"X","designations":[${Array.from({ length: 150_000 }, () => '1').join(',')}]}}`;
    expect(hostile.length).toBeGreaterThan(250_000);
    const io = memoryIO({ 'in.jsonl': `${R06}\n${hostile}\n${R06}\n` });
    expect(await runCli(['batch', 'in.jsonl'], io)).toBe(1);
    const out = records(io.out.join(''));
    expect(out.map((r) => ('issues' in r ? r.line : brief(r)))).toEqual(['I01', 2, 'I01']);
  }, 60_000);

  it('anything thrown while assessing one line becomes that line’s error record, and the run goes on', async () => {
    const io = memoryIO({ 'in.jsonl': `${R06}\n${R06}\n${R06}\n` });
    let n = 0;
    const assess = (value: unknown): ReturnType<typeof safeAssessUnknown> => {
      n += 1;
      if (n === 2) throw new RangeError('Maximum call stack size exceeded');
      return safeAssessUnknown(value);
    };
    expect(await runBatch(io, { input: 'in.jsonl', out: undefined, edition: mentougou2022Draft, maxLineBytes: 1 << 20, lang: 'en', assess })).toBe(1);
    const out = records(io.out.join(''));
    expect(out.map(brief)).toEqual(['I01', '2:unreadable', 'I01']);
    expect((out[1]!.issues as { en: string }[])[0]!.en).toBe('could not be assessed: Maximum call stack size exceeded');
  });
});

describe('batch: a JSON array, and a file with no readable request', () => {
  it('a pretty-printed JSON array (examples/sample-cohort.json) is read as a list of requests: one record per entry', async () => {
    const text = readFileSync(join(ROOT, 'examples', 'sample-cohort.json'), 'utf8');
    const io = memoryIO({ 'cohort.json': text });
    expect(await runCli(['batch', 'cohort.json'], io)).toBe(0);
    const ids = (JSON.parse(text) as { enterprise?: { id: string }; institution?: { id: string } }[]).map((r) => (r.enterprise ?? r.institution)!.id);
    expect(records(io.out.join('')).map(brief)).toEqual(ids);
    expect(stderr(io)).toContain(`按 JSON 数组读取：${ids.length} 项`);
  });

  it('an entry of an array that is not a valid request: its record names its line and index', async () => {
    const io = memoryIO({ 'a.json': `[\n${R06},\n{"asOf":"2024-12-31"}\n]\n` });
    expect(await runCli(['batch', 'a.json'], io)).toBe(1);
    expect(records(io.out.join('')).map(brief)).toEqual(['I01', '3#1:subject-required']);
  });

  it('README.md (no line is JSON): exit 2, a message naming JSON Lines, --out left as it was', async () => {
    const io = memoryIO({ 'README.md': readFileSync(join(ROOT, 'README.md'), 'utf8') });
    expect(await runCli(['batch', 'README.md', '--out', 'out.jsonl'], io)).toBe(2);
    expect(stderr(io)).toContain('未能从 README.md 读取任何请求：应为 JSON Lines（每行一个请求）或一个 JSON 数组');
    expect(io.written.has('out.jsonl')).toBe(false);
    expect(io.pending.size).toBe(0);
  });

  it('an empty file, a file of blank lines, an empty array: exit 2', async () => {
    for (const text of ['', '\n\n  \n', '[]\n']) {
      const io = memoryIO({ 'in.jsonl': text });
      expect(await runCli(['batch', 'in.jsonl', '--lang', 'en'], io), JSON.stringify(text)).toBe(2);
      expect(stderr(io)).toContain('holds no request');
    }
  });

  it('a file that cannot be read: exit 2 and no output', async () => {
    const io = memoryIO({});
    expect(await runCli(['batch', 'missing.jsonl', '--out', 'out.jsonl', '--lang', 'en'], io)).toBe(2);
    expect(stderr(io)).toContain('cannot read missing.jsonl: ENOENT');
    expect(io.written.has('out.jsonl')).toBe(false);
  });
});

describe('batch --out: written in full or not at all (in-process)', () => {
  /** A source that gives `lines` and then waits, as an idle stdin does, until the run is interrupted. */
  const waiting = (io: { raise(s: 'SIGINT' | 'SIGTERM'): void }, signal: 'SIGINT' | 'SIGTERM') =>
    async function* source(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(`${R06}\n${R06}\n`);
      setTimeout(() => io.raise(signal), 10);
      await new Promise(() => undefined);
    };

  it('interrupted (SIGINT): exit 130, OUT left as it was, and stderr says so', async () => {
    const io = memoryIO({});
    Object.assign(io, { readBytes: waiting(io, 'SIGINT') });
    expect(await runCli(['batch', 'in.jsonl', '--out', 'out.jsonl', '--lang', 'en'], io)).toBe(130);
    expect(io.written.has('out.jsonl')).toBe(false);
    expect(io.pending.size).toBe(0);
    expect(stderr(io)).toContain('batch: interrupted (SIGINT) after line 2; out.jsonl is left as it was');
  });

  it('terminated (SIGTERM): exit 143, OUT left as it was', async () => {
    const io = memoryIO({});
    Object.assign(io, { readBytes: waiting(io, 'SIGTERM') });
    expect(await runCli(['batch', 'in.jsonl', '--out', 'out.jsonl'], io)).toBe(143);
    expect(io.written.has('out.jsonl')).toBe(false);
    expect(stderr(io)).toContain('已中断（SIGTERM）（第 2 行之后）；out.jsonl 保持原样');
  });

  it('a full disk: exit 2, OUT left as it was, the error on stderr', async () => {
    const io = memoryIO({ 'in.jsonl': `${R06}\n${R06}\n${R06}\n` }, { fullAfter: { path: 'out.jsonl', bytes: R06.length } });
    expect(await runCli(['batch', 'in.jsonl', '--out', 'out.jsonl', '--lang', 'en'], io)).toBe(2);
    expect(io.written.has('out.jsonl')).toBe(false);
    expect(io.pending.size).toBe(0);
    expect(stderr(io)).toContain('batch: cannot write out.jsonl: ENOSPC: no space left on device, write; out.jsonl is left as it was');
  });

  it('--out naming the input is refused, also through another path to the same file (a hard link)', async () => {
    for (const [out, links] of [
      ['in.jsonl', []],
      ['link.jsonl', [['in.jsonl', 'link.jsonl']]],
    ] as const) {
      const io = memoryIO({ 'in.jsonl': `${R06}\n` }, { links: links.map(([a, b]) => [a, b] as [string, string]) });
      expect(await runCli(['batch', 'in.jsonl', '--out', out, '--lang', 'en'], io), out).toBe(2);
      expect(stderr(io)).toContain(`--out ${out} is the input itself; refused`);
      expect(io.out).toEqual([]);
    }
  });

  it('--out a directory or a read-only file: exit 2 before any line is read', async () => {
    const dir = memoryIO({ 'in.jsonl': `${R06}\n` }, { directories: { results: [] } });
    expect(await runCli(['batch', 'in.jsonl', '--out', 'results', '--lang', 'en'], dir)).toBe(2);
    expect(stderr(dir)).toContain('cannot write results: results is a directory');
    const ro = memoryIO({ 'in.jsonl': `${R06}\n` }, { readOnly: ['out.jsonl'] });
    expect(await runCli(['batch', 'in.jsonl', '--out', 'out.jsonl'], ro)).toBe(2);
    expect(stderr(ro)).toContain('无法写入 out.jsonl：EACCES');
  });
});

describe('batch --out on the file system (in-process, the real temporary file and rename)', () => {
  const setup = (input = `${R06}\n${R06}\n`): { dir: string; input: string; out: string } => {
    const dir = tempDir();
    writeFileSync(join(dir, 'in.jsonl'), input);
    return { dir, input: join(dir, 'in.jsonl'), out: join(dir, 'out.jsonl') };
  };

  it('an existing OUT keeps its content until every line is done, then is replaced; no temporary file is left', async () => {
    const { dir, input, out } = setup();
    writeFileSync(out, 'old results\n');
    chmodSync(out, 0o640);
    const seen: string[] = [];
    const io = realIO();
    const base = io.readBytes;
    io.readBytes = (path, signal) =>
      (async function* during() {
        for await (const chunk of base(path, signal)) {
          seen.push(readFileSync(out, 'utf8'));
          yield chunk;
        }
        seen.push(readFileSync(out, 'utf8'));
      })();
    expect(await runCli(['batch', input, '--out', out], io)).toBe(0);
    expect(seen.every((s) => s === 'old results\n')).toBe(true);
    expect(records(readFileSync(out, 'utf8')).map(brief)).toEqual(['I01', 'I01']);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out.jsonl']);
  });

  it('interrupted: OUT keeps its content and the temporary file is removed', async () => {
    const { dir, input, out } = setup();
    writeFileSync(out, 'old results\n');
    const io = realIO();
    const base = io.readBytes;
    io.readBytes = (path, signal) =>
      (async function* slow() {
        yield* base(path, signal);
        io.raise('SIGINT');
        await new Promise(() => undefined);
      })();
    expect(await runCli(['batch', input, '--out', out], io)).toBe(130);
    expect(readFileSync(out, 'utf8')).toBe('old results\n');
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out.jsonl']);
  });

  it('--out a directory: exit 2, nothing created', async () => {
    const { dir, input } = setup();
    mkdirSync(join(dir, 'results'));
    const io = realIO();
    expect(await runCli(['batch', input, '--out', join(dir, 'results'), '--lang', 'en'], io)).toBe(2);
    expect(stderr(io)).toContain('is a directory');
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'results']);
  });

  it('--out a read-only file: exit 2, the file unchanged (even when run as root)', async () => {
    const { dir, input, out } = setup();
    writeFileSync(out, 'keep me\n');
    chmodSync(out, 0o444);
    const io = realIO();
    expect(await runCli(['batch', input, '--out', out, '--lang', 'en'], io)).toBe(2);
    expect(stderr(io)).toContain('is read-only');
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out.jsonl']);
  });

  it('--out in a missing directory: exit 2', async () => {
    const { dir, input } = setup();
    const io = realIO();
    expect(await runCli(['batch', input, '--out', join(dir, 'no', 'such', 'out.jsonl'), '--lang', 'en'], io)).toBe(2);
    expect(stderr(io)).toContain('cannot write');
  });

  it('--out naming the input through a hard link or a symbolic link is refused: the input is intact', async () => {
    const { dir, input } = setup();
    linkSync(input, join(dir, 'hard.jsonl'));
    symlinkSync(input, join(dir, 'soft.jsonl'));
    for (const name of ['in.jsonl', 'hard.jsonl', 'soft.jsonl']) {
      const io = realIO();
      expect(await runCli(['batch', input, '--out', join(dir, name), '--lang', 'en'], io), name).toBe(2);
      expect(stderr(io)).toContain('is the input itself; refused');
    }
    expect(readFileSync(input, 'utf8')).toBe(`${R06}\n${R06}\n`);
  });

  it.runIf(existsSync('/dev/full'))('a full disk (/dev/full): exit 2 with ENOSPC, not "assessed 3"', async () => {
    const { input } = setup(`${R06}\n${R06}\n${R06}\n`);
    const io = realIO();
    expect(await runCli(['batch', input, '--out', '/dev/full', '--lang', 'en'], io)).toBe(2);
    expect(stderr(io)).toMatch(/cannot write \/dev\/full: ENOSPC/);
    expect(stderr(io)).not.toContain('assessed');
  });

  it('a symbolic link as OUT: the file it names is replaced, the link stays', async () => {
    const { dir, input } = setup();
    writeFileSync(join(dir, 'target.jsonl'), 'old\n');
    symlinkSync(join(dir, 'target.jsonl'), join(dir, 'link.jsonl'));
    expect(await runCli(['batch', input, '--out', join(dir, 'link.jsonl')], realIO())).toBe(0);
    expect(records(readFileSync(join(dir, 'target.jsonl'), 'utf8')).map(brief)).toEqual(['I01', 'I01']);
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'link.jsonl', 'target.jsonl']);
  });
});

/** Runs the built bin with its stdin open; `act` gets the child to drive it. */
function spawnBuilt(args: readonly string[], act: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderrText = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderrText += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr: stderrText }));
    act(child);
  });
}

const until = async (test: () => boolean, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('batch: the built bin (signals, a closed pipe)', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} while reading an open stdin: exit ${code}, OUT left as it was, no temporary file`, async () => {
      const dir = tempDir();
      const out = join(dir, 'out.jsonl');
      writeFileSync(out, 'old results\n');
      const run = await spawnBuilt(['batch', '-', '--out', out, '--lang', 'en'], (child) => {
        child.stdin!.write(`${R06}\n`);
        void (async () => {
          // The temporary file beside OUT appears once the run has started.
          await until(() => readdirSync(dir).length > 1);
          await new Promise((r) => setTimeout(r, 300));
          child.kill(signal);
        })();
      });
      expect(run.code).toBe(code);
      expect(run.stderr).toContain(`interrupted (${signal}) after line 1; ${out} is left as it was`);
      expect(readFileSync(out, 'utf8')).toBe('old results\n');
      expect(readdirSync(dir)).toEqual(['out.jsonl']);
    }, 30_000);
  }

  it('| head: the reader closes stdout early, the run ends quietly with exit 0', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${Array.from({ length: 400 }, () => R01).join('\n')}\n`);
    const run = await spawnBuilt(['batch', input], (child) => {
      child.stdout!.once('data', () => child.stdout!.destroy());
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  }, 60_000);
});

describe('batch: progress (in-process)', () => {
  const file = `${Array.from({ length: 2001 }, () => R06).join('\n')}\n`;

  it('a progress line every 1,000 lines when stderr is a terminal', { timeout: 90_000 }, async () => {
    const io = memoryIO({ 'in.jsonl': file }, { stderrIsTTY: true });
    expect(await runCli(['batch', 'in.jsonl', '--lang', 'en'], io)).toBe(0);
    expect(io.err.filter((l) => l.startsWith('batch:'))).toEqual(['batch: 1000 lines read, 0 invalid\n', 'batch: 2000 lines read, 0 invalid\n']);
    expect(io.out).toHaveLength(2001);
    // 2,001 × 100,000
    expect(stderr(io)).toContain('total payable now: 200,100,000.00 yuan');
  });

  it('none when it is not', { timeout: 90_000 }, async () => {
    const io = memoryIO({ 'in.jsonl': file }, { stderrIsTTY: false });
    expect(await runCli(['batch', 'in.jsonl'], io)).toBe(0);
    expect(io.err.filter((l) => l.startsWith('batch'))).toEqual([]);
  });
});

describe('batch --decisions: decide’s record per line, the same guarantees', () => {
  it('each valid line gives its decision (no texts), an invalid one its error record, in input order; the summary is the same; exit 1', async () => {
    const io = memoryIO({ 'three.jsonl': `${R01}\nnot json\n\n${R06}\n` });
    expect(await runCli(['batch', 'three.jsonl', '--decisions', '--lang', 'en'], io)).toBe(1);
    const out = records(io.out.join(''));
    expect(out.map(brief)).toEqual(['E01', '2:invalid-json', 'I01']);
    // golden 01: M1 800,000.00 entitled, 600,000.00 payable (200,000.00 paid before); golden 06: total 100,000.00
    expect(out[0]).toMatchObject({ subject: { kind: 'enterprise', id: 'E01' }, totalPayable: '600000.00' });
    expect((out[0]!.measures as Record<string, unknown>[])[0]).toMatchObject({ measure: 'M1', outcome: 'eligible', amount: '800000.00', payable: '600000.00', missing: [] });
    expect(out[2]).toMatchObject({ totalPayable: '100000.00' });
    expect(Object.keys(out[0]!)).toEqual(['subject', 'asOf', 'edition', 'applicability', 'measures', 'totalPayable', 'totalPayableUpTo', 'clawback']);
    // the decision records carry no texts (an error record keeps its bilingual issues)
    for (const record of [out[0], out[2]]) expect(JSON.stringify(record)).not.toMatch(/"(zh|en|conditions|lines|reasons|warnings)"/);
    // 600,000 (golden 01) + 100,000 (golden 06), as without --decisions
    expect(stderr(io)).toContain('total payable now: 700,000.00 yuan');
    expect(stderr(io)).toContain('  M5: 100,000.00 yuan');
  });

  it('each line is byte for byte JSON.stringify(decide(request)), and its fields are those of the full result (decisionOf)', async () => {
    const goldens = [R01, R06, R03];
    const io = memoryIO({ 'g.jsonl': `${goldens.join('\n')}\n` });
    await runCli(['batch', 'g.jsonl', '--decisions', '--lang', 'en'], io);
    const lines = io.out.join('').split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    goldens.forEach((text, i) => {
      const value: unknown = JSON.parse(text);
      expect(lines[i]).toBe(JSON.stringify(decide(value as PolicyRequestInput)));
      const full = safeAssessUnknown(value);
      if (!full.ok) throw new Error('golden request invalid');
      expect(lines[i]).toBe(JSON.stringify(decisionOf(full.value)));
    });
  });

  it('help names --decisions in both languages', async () => {
    const io = memoryIO({});
    await runCli(['batch', '--help', '--lang', 'en'], io);
    expect(io.out.join('') + stderr(io)).toContain('--decisions');
  });
});
