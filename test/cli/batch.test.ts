/**
 * `mentougou-srdi batch`: a 10,000-line file through the built CLI (counts, order, error records, exit
 * code, the summary), and the progress lines in-process (they need a terminal).
 */
import { createReadStream, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/commands.js';
import { goldenVector, memoryIO, runBuilt, tempDir } from './helpers.js';

/** Yuan string ("3219600.00") to fen, exactly. */
const fen = (yuan: string): bigint => {
  const [int, frac = ''] = yuan.split('.');
  return BigInt(int ?? '0') * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2));
};
const yuanOf = (f: bigint): string => `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`;

// The cycle of valid requests (institutions are the cheapest to assess, so they come often), with the
// totals worked by hand in test/golden.
const CYCLE = ['06-institution', '01-climber', '06-institution', '02-newcomer-with-rent', '06-institution', '07-listing-and-park-subsidy', '06-institution', '06-institution'];
const vectors = new Map(CYCLE.map((n) => [n, goldenVector(n)]));
const M5_OF_06 = '100000.00'; // golden 06: M5 payable 100,000 (E11: 100,000 − 20,000 paid; E12: 20,000)

const LINES = 10_000;
const BLANK = new Set([1000, 6001]);
const INVALID_JSON = new Set([3, 10_000]);
const INVALID_REQUEST = new Set([4321, 7777]);

function subjectOf(request: Record<string, unknown>): Record<string, unknown> {
  return (request.enterprise ?? request.institution) as Record<string, unknown>;
}

describe('batch: 10,000 lines with bad lines at known places', () => {
  it('keeps the order, counts right, error records carry 1-based line numbers, exit 1', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    const output = join(dir, 'out.jsonl');
    const lines: string[] = [];
    // What each input line must give: a subject id, an error line number, or nothing (blank).
    const expected: ({ id: string } | { errorLine: number } | null)[] = [];
    let expectedTotal = 0n;
    let expectedM5 = 0n;
    let assessed = 0;
    for (let n = 1; n <= LINES; n++) {
      if (BLANK.has(n)) {
        lines.push(n === 1000 ? '' : '   ');
        expected.push(null);
      } else if (INVALID_JSON.has(n)) {
        lines.push(n === 3 ? '{"asOf": "2024-12-31", ' : 'not json at all');
        expected.push({ errorLine: n });
      } else if (INVALID_REQUEST.has(n)) {
        lines.push(n === 4321 ? JSON.stringify(goldenVector('08-bad-input').request) : '[]');
        expected.push({ errorLine: n });
      } else {
        const name = CYCLE[n % CYCLE.length] as string;
        const vector = vectors.get(name)!;
        const request = structuredClone(vector.request);
        const id = `${name.slice(0, 2)}-${n}`;
        subjectOf(request).id = id;
        lines.push(JSON.stringify(request));
        expected.push({ id });
        expectedTotal += fen(vector.expect.totalPayable as string);
        if (name === '06-institution') expectedM5 += fen(M5_OF_06);
        assessed += 1;
      }
    }
    writeFileSync(input, `${lines.join('\n')}\n`);

    const run = runBuilt(['batch', input, '--out', output]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(assessed).toBe(LINES - BLANK.size - INVALID_JSON.size - INVALID_REQUEST.size);
    expect(run.stderr).toContain('lines read / 读取行数: 10000');
    expect(run.stderr).toContain(`assessed / 已评估: ${assessed}`);
    expect(run.stderr).toContain('invalid / 无效: 4');
    expect(run.stderr).toContain(`total payable / 合计可兑现: ${yuanOf(expectedTotal)}`);
    expect(run.stderr).toContain(`  M5: ${yuanOf(expectedM5)}`);
    // No progress lines: stderr is not a terminal here.
    expect(run.stderr).not.toContain('batch:');

    // Output: one line per non-blank input line, in input order (read as a stream: the file is large).
    const wanted = expected.flatMap((e, i) => (e === null ? [] : [{ ...e, input: i + 1 }]));
    const errors: { line: number; issues: { path: (string | number)[]; code: string }[] }[] = [];
    let k = 0;
    for await (const line of createInterface({ input: createReadStream(output, 'utf8'), crlfDelay: Infinity })) {
      const want = wanted[k++];
      if (want === undefined) throw new Error(`extra output line ${k}`);
      if ('id' in want) {
        const m = /^\{"subject":\{"kind":"(?:enterprise|institution)","id":"([^"]+)"\}/.exec(line);
        expect(m?.[1], `output line ${k}`).toBe(want.id);
      } else {
        const record = JSON.parse(line) as (typeof errors)[number];
        expect(record.line, `output line ${k}`).toBe(want.errorLine);
        errors.push(record);
      }
    }
    expect(k).toBe(wanted.length);
    expect(k).toBe(LINES - BLANK.size);
    expect(errors.map((e) => e.line)).toEqual([3, 4321, 7777, 10_000]);
    expect(errors[0]?.issues[0]?.code).toBe('invalid-json');
    expect(errors[1]?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['enterprise.creditCode', 'enterprise.designations.0.obtainedOn', 'enterprise.leases.0.areaSqm']),
    );
    expect(errors[2]?.issues.length).toBeGreaterThan(0);
    expect(errors[3]?.issues[0]?.code).toBe('invalid-json');
  }, 60_000);
});

describe('batch: small runs', () => {
  it('all lines valid: exit 0; output on stdout without --out, compact JSON, one per line', () => {
    const input = join(tempDir(), 'two.jsonl');
    writeFileSync(input, [goldenVector('01-climber').request, goldenVector('06-institution').request].map((r) => JSON.stringify(r)).join('\r\n'));
    const run = runBuilt(['batch', input]);
    expect(run.status).toBe(0);
    const out = run.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(2);
    expect((JSON.parse(out[0] as string) as { totalPayable: string }).totalPayable).toBe('600000.00');
    expect((JSON.parse(out[1] as string) as { subject: { id: string } }).subject.id).toBe('I01');
    // 600,000 (golden 01) + 100,000 (golden 06)
    expect(run.stderr).toContain('total payable / 合计可兑现: 700000.00');
    expect(run.stderr).toContain('  M1: 600000.00');
    expect(run.stderr).toContain('  M5: 100000.00');
  });

  it('reads standard input with -', () => {
    const run = runBuilt(['batch', '-'], `${JSON.stringify(goldenVector('03-leap-year-rent').request)}\n`);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('total payable / 合计可兑现: 36146.16');
  });

  it('an input that cannot be read: exit 2 and no output file', () => {
    const dir = tempDir();
    const run = runBuilt(['batch', join(dir, 'missing.jsonl'), '--out', join(dir, 'out.jsonl')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read');
    expect(() => readFileSync(join(dir, 'out.jsonl'))).toThrow();
  });

  it('an output in a missing directory: exit 2', () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${JSON.stringify(goldenVector('01-climber').request)}\n`);
    const run = runBuilt(['batch', input, '--out', join(dir, 'no', 'such', 'out.jsonl')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot write');
  });
});

describe('batch: progress (in-process)', () => {
  const request = JSON.stringify(goldenVector('06-institution').request);
  const file = `${Array.from({ length: 2001 }, () => request).join('\n')}\n`;

  it('a progress line every 1,000 lines when stderr is a terminal', async () => {
    const io = memoryIO({ 'in.jsonl': file }, { stderrIsTTY: true });
    expect(await runCli(['batch', 'in.jsonl'], io)).toBe(0);
    const progress = io.err.filter((l) => l.startsWith('batch:'));
    expect(progress).toEqual(['batch: 1000 lines read, 0 invalid\n', 'batch: 2000 lines read, 0 invalid\n']);
    expect(io.out).toHaveLength(2001);
    // 2,001 × 100,000
    expect(io.err.join('')).toContain('total payable / 合计可兑现: 200100000.00');
  });

  it('none when it is not', async () => {
    const io = memoryIO({ 'in.jsonl': file }, { stderrIsTTY: false });
    expect(await runCli(['batch', 'in.jsonl'], io)).toBe(0);
    expect(io.err.filter((l) => l.startsWith('batch:'))).toEqual([]);
  });
});
