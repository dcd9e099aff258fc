/**
 * `mentougou-srdi verify`: policy test vectors in-process (the real file system, `runHere`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenVector, runHere, tempDir } from './helpers.js';

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

describe('verify', () => {
  it('passes every golden vector: last line "8 passed, 0 failed", exit 0', async () => {
    const run = await runHere(['verify', 'test/golden']);
    expect(run.status).toBe(0);
    expect(lastLine(run.stdout)).toBe('8 passed, 0 failed');
    // A directory's *.json files, sorted by name; each case named by the vector's own name.
    expect(run.stdout.split('\n').slice(0, 8)).toEqual([
      'PASS 01-climber',
      'PASS 02-newcomer-with-rent',
      'PASS 03-leap-year-rent',
      'PASS 04-case-by-case',
      'PASS 05-clawback-tax-move',
      'PASS 06-institution',
      'PASS 07-listing-and-park-subsidy',
      'PASS 08-bad-input',
    ]);
  });

  it('passes the reviewer-style vectors of examples/vectors', async () => {
    const run = await runHere(['verify', 'examples/vectors']);
    expect(run.status).toBe(0);
    expect(lastLine(run.stdout)).toBe('3 passed, 0 failed');
  });

  it('a failing vector: FAIL, its differences indented, exit 1', async () => {
    const dir = tempDir();
    const vector = goldenVector('02-newcomer-with-rent');
    const wrong = { ...vector, name: 'wrong-total', expect: { totalPayable: '1500000.01', measures: { M2: { outcome: 'ineligible' } } } };
    const file = join(dir, 'wrong.json');
    writeFileSync(file, JSON.stringify(wrong));
    const run = await runHere(['verify', 'test/golden/01-climber.json', file]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('PASS 01-climber');
    expect(lines[1]).toBe('FAIL wrong-total');
    expect(lines).toContain('    totalPayable 1500000.00 != 1500000.01');
    expect(lines).toContain('    M2.outcome eligible != ineligible');
    expect(lastLine(run.stdout)).toBe('1 passed, 1 failed');
  });

  it('a .jsonl file: one vector per line, named file:line (blank lines counted)', async () => {
    const dir = tempDir();
    const file = join(dir, 'cases.jsonl');
    const v1 = goldenVector('01-climber');
    const v6 = goldenVector('06-institution');
    const bad = { ...v6, expect: { totalPayable: '0.00' } };
    writeFileSync(file, `${JSON.stringify(v1)}\n\n${JSON.stringify(bad)}\nnot json\n`);
    const run = await runHere(['verify', file]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`PASS ${file}:1`);
    expect(lines[1]).toBe(`FAIL ${file}:3`);
    expect(lines[2]).toBe('    totalPayable 100000.00 != 0.00');
    expect(lines[3]).toBe(`FAIL ${file}:4`);
    expect(lines[4]).toMatch(/^ {4}not valid JSON/);
    expect(lastLine(run.stdout)).toBe('1 passed, 2 failed');
  });

  it('a file that is not a vector fails as a case', async () => {
    const dir = tempDir();
    const file = join(dir, 'request-only.json');
    writeFileSync(file, JSON.stringify(goldenVector('01-climber').request));
    const run = await runHere(['verify', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`FAIL ${file}`);
    expect(run.stdout).toContain('not a policy vector');
  });

  it('a path that does not exist: exit 2; an empty directory: exit 1; no path: exit 2', async () => {
    const missing = await runHere(['verify', 'test/no-such-dir']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read vectors');
    const empty = join(tempDir(), 'empty');
    mkdirSync(empty);
    const none = await runHere(['verify', empty]);
    expect(none.status).toBe(1);
    expect(lastLine(none.stdout)).toBe('0 passed, 0 failed');
    expect((await runHere(['verify'])).status).toBe(2);
  });

  it('runs the vectors under a changed edition (--set): the golden M1 totals move', async () => {
    const run = await runHere(['verify', 'test/golden/02-newcomer-with-rent.json', '--set', 'm1.tiers.national-little-giant=1000000']);
    expect(run.status).toBe(1);
    // 1,000,000 + 100,000 + 600,000 = 1,700,000
    expect(run.stdout).toContain('    totalPayable 1700000.00 != 1500000.00');
  });
});
