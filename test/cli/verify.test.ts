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

  it('a failing vector: FAIL, each difference indented as expected … got … (期望 … 实际 … by default), exit 1', async () => {
    const dir = tempDir();
    const vector = goldenVector('02-newcomer-with-rent');
    const wrong = { ...vector, name: 'wrong-total', expect: { totalPayable: '1500000.01', measures: { M2: { outcome: 'ineligible' } } } };
    const file = join(dir, 'wrong.json');
    writeFileSync(file, JSON.stringify(wrong));
    const zh = await runHere(['verify', 'test/golden/01-climber.json', file]);
    expect(zh.status).toBe(1);
    expect(zh.stdout.trimEnd().split('\n')).toEqual(['PASS 01-climber', 'FAIL wrong-total', '    totalPayable：期望 1500000.01，实际 1500000.00', '    measures.M2.outcome：期望 ineligible，实际 eligible', '1 passed, 1 failed']);
    const en = await runHere(['verify', file, '--lang', 'en']);
    expect(en.stdout).toContain('    totalPayable: expected 1500000.01, got 1500000.00\n');
  });

  it('a misspelt or empty expect key fails, naming the key (no silent PASS)', async () => {
    const dir = tempDir();
    const request = goldenVector('01-climber').request;
    writeFileSync(join(dir, 'a-typo.json'), JSON.stringify({ name: 'typo', request, expect: { totalpayable: '600000.00' } }));
    writeFileSync(join(dir, 'b-empty.json'), JSON.stringify({ name: 'empty', request, expect: {} }));
    writeFileSync(join(dir, 'c-amout.json'), JSON.stringify({ name: 'amout', request, expect: { measures: { M1: { amout: '800000' } } } }));
    const run = await runHere(['verify', dir, '--lang', 'en']);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => !l.startsWith('    '))).toEqual(['FAIL typo', 'FAIL empty', 'FAIL amout', '0 passed, 3 failed']);
    expect(lines).toContain('    expect.totalpayable: unknown key (known: ok, issuePaths, issuePathPrefixes, totalPayable, measures, clawback)');
    expect(lines).toContain('    expect: empty: it checks nothing');
    expect(lines).toContain('    expect.measures.M1.amout: unknown key (known: outcome, amount, payable, missingIncludes)');
  });

  it('money as amounts: "1500000", 1500000 and "1500000.00" all pass', async () => {
    const dir = tempDir();
    const request = goldenVector('02-newcomer-with-rent').request;
    ['1500000', 1500000, '1500000.00'].forEach((total, i) => writeFileSync(join(dir, `${i}.json`), JSON.stringify({ name: `total-${i}`, request, expect: { totalPayable: total } })));
    const run = await runHere(['verify', dir]);
    expect(run.status).toBe(0);
    expect(lastLine(run.stdout)).toBe('3 passed, 0 failed');
  });

  it('a .jsonl file: one vector per line, named file:line (blank lines counted); a line that is not JSON is unreadable: exit 2', async () => {
    const dir = tempDir();
    const file = join(dir, 'cases.jsonl');
    const v1 = goldenVector('01-climber');
    const v6 = goldenVector('06-institution');
    const bad = { ...v6, expect: { totalPayable: '0.00' } };
    writeFileSync(file, `${JSON.stringify(v1)}\n\n${JSON.stringify(bad)}\nnot json\n`);
    const run = await runHere(['verify', file, '--lang', 'en']);
    expect(run.status).toBe(2);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`PASS ${file}:1`);
    expect(lines[1]).toBe(`FAIL ${file}:3`);
    expect(lines[2]).toBe('    totalPayable: expected 0.00, got 100000.00');
    expect(lines[3]).toBe(`FAIL ${file}:4`);
    expect(lines[4]).toMatch(/^ {4}cannot read this vector: not valid JSON/);
    expect(lastLine(run.stdout)).toBe('1 passed, 2 failed (1 unreadable)');
  });

  it('a JSON array of vectors, in a .jsonl or a .json file, is read as vectors', async () => {
    const dir = tempDir();
    const vectors = [goldenVector('01-climber'), goldenVector('06-institution')];
    writeFileSync(join(dir, 'pretty.jsonl'), JSON.stringify(vectors, null, 2));
    writeFileSync(join(dir, 'all.json'), JSON.stringify(vectors, null, 2));
    const run = await runHere(['verify', join(dir, 'pretty.jsonl'), join(dir, 'all.json')]);
    expect(run.status).toBe(0);
    expect(lastLine(run.stdout)).toBe('4 passed, 0 failed');
    expect(run.stdout).toContain('PASS 06-institution');
  });

  it('a file that is not a vector is unreadable: exit 2', async () => {
    const dir = tempDir();
    const file = join(dir, 'request-only.json');
    writeFileSync(file, JSON.stringify(goldenVector('01-climber').request));
    const run = await runHere(['verify', 'test/golden/01-climber.json', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`FAIL ${file}\n    无法读取此用例：不是政策测试用例`);
    expect(lastLine(run.stdout)).toBe('1 passed, 1 failed (1 unreadable)');
  });

  it('a path that does not exist: exit 2; an empty directory: exit 1; no path: exit 2', async () => {
    const missing = await runHere(['verify', 'test/no-such-dir', '--lang', 'en']);
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
    const run = await runHere(['verify', 'test/golden/02-newcomer-with-rent.json', '--set', 'm1.tiers.national-little-giant=1000000', '--lang', 'en']);
    expect(run.status).toBe(1);
    // 1,000,000 + 100,000 + 600,000 = 1,700,000
    expect(run.stdout).toContain('    totalPayable: expected 1500000.00, got 1700000.00');
  });
});
