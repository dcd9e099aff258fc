/**
 * `mentougou-srdi assess`, run as users run it (the built dist/cli.js in a child process).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenVector, runBuilt, tempDir } from './helpers.js';

const dir = tempDir();
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
  return file;
};
const request02 = write('02.json', goldenVector('02-newcomer-with-rent').request);
const request08 = write('08.json', goldenVector('08-bad-input').request);

describe('assess: the statement', () => {
  it('prints the Chinese statement by default, with the total, and exits 0', () => {
    const run = runBuilt(['assess', request02]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('门头沟区“专精特新”措施评估（仅供参考，不构成行政决定）');
    expect(run.stdout).toContain('企业 E02 · 评估日 2025-12-31');
    expect(run.stdout).toContain('本次可兑现合计：1,500,000.00 元');
    expect(run.stdout).not.toContain('核定金额');
    expect(run.stdout).toContain('M2 ');
  });

  it('prints the English statement with --lang en', () => {
    const run = runBuilt(['assess', request02, '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(for reference only, not an administrative decision)');
    expect(run.stdout).toContain('enterprise E02 · as of 2025-12-31');
    expect(run.stdout).toContain('Total payable now: 1,500,000.00 yuan');
    expect(run.stdout).not.toContain('本次可兑现');
  });

  it('reads the request from standard input with -', () => {
    const run = runBuilt(['assess', '-', '--lang', 'en'], JSON.stringify(goldenVector('02-newcomer-with-rent').request));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Total payable now: 1,500,000.00 yuan');
  });

  it('refuses an unknown language with exit 2', () => {
    const run = runBuilt(['assess', request02, '--lang', 'fr']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('unknown language: fr');
  });
});

describe('assess --json', () => {
  it('prints the result as pretty JSON: golden 02 totals 1,500,000.00 (worked by hand in test/golden)', () => {
    const run = runBuilt(['assess', request02, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { totalPayable: string; subject: { id: string }; measures: { measure: string; payable: string | null }[] };
    expect(result.totalPayable).toBe('1500000.00');
    expect(result.subject.id).toBe('E02');
    // 800,000 (M1) + 100,000 (M2) + 300,000 × 2 (M3, 2023 and 2025)
    expect(result.measures.filter((m) => ['M1', 'M2', 'M3'].includes(m.measure)).map((m) => m.payable)).toEqual(['800000.00', '100000.00', '600000.00']);
    expect(run.stdout).toMatch(/^\{\n {2}"subject"/);
  });

  it('applies an edition changed with --set', () => {
    const run = runBuilt(['assess', request02, '--json', '--set', 'm2.amount=150000']);
    expect(run.status).toBe(0);
    // 800,000 + 150,000 + 600,000
    expect((JSON.parse(run.stdout) as { totalPayable: string }).totalPayable).toBe('1550000.00');
  });
});

describe('assess: invalid input', () => {
  it('prints every issue with its path and both messages on stderr, nothing on stdout, exit 2', () => {
    const run = runBuilt(['assess', request08]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('enterprise.leases.0.areaSqm: 金额不能为负数 / amount must not be negative');
    expect(run.stderr).toContain('enterprise.designations.0.obtainedOn: 不是有效的日期');
    expect(run.stderr).toContain('enterprise.creditCode: 统一社会信用代码校验位错误');
    expect(run.stderr).toContain('3 issues');
  });

  it('the same with --json: no JSON on stdout', () => {
    const run = runBuilt(['assess', request08, '--json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('enterprise.leases.0.areaSqm');
  });

  it('a file that is not JSON: a clear message, exit 2', () => {
    const run = runBuilt(['assess', write('broken.json', '{"asOf": "2024-12-31",')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/broken\.json is not valid JSON/);
  });

  it('a file that does not exist: a clear message, exit 2', () => {
    const run = runBuilt(['assess', join(dir, 'nowhere.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read request .*nowhere\.json/);
  });

  it('a policy vector given where a request belongs: the issues and a hint', () => {
    const run = runBuilt(['assess', join('test', 'golden', '02-newcomer-with-rent.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('request: 不允许的字段：request / unknown field: request');
    expect(run.stderr).toContain('mentougou-srdi verify');
  });

  it('an invalid --edition file: its issues, exit 2', () => {
    const run = runBuilt(['assess', request02, '--edition', write('edition.json', { id: 'x' })]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('invalid edition');
    expect(run.stderr).toContain('m1: 必填项缺失 / required');
  });

  it('a valid --edition file is used', () => {
    const edition = JSON.parse(runBuilt(['edition', '--json', '--set', 'm1.tiers.national-little-giant=900000', '--id', 'reform-b']).stdout) as unknown;
    const run = runBuilt(['assess', request02, '--json', '--edition', write('reform.json', edition)]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { totalPayable: string; edition: { id: string } };
    expect(result.edition.id).toBe('reform-b');
    // 900,000 + 100,000 + 600,000
    expect(result.totalPayable).toBe('1600000.00');
  });

  it('no file, or two: usage, exit 2', () => {
    expect(runBuilt(['assess']).status).toBe(2);
    const two = runBuilt(['assess', request02, request08]);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('Usage: mentougou-srdi assess');
  });

  it('an unknown option: usage, exit 2', () => {
    const run = runBuilt(['assess', request02, '--frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--frobnicate'");
  });
});
