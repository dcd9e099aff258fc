/**
 * `mentougou-srdi assess`, in-process (the real file system, `runHere`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenVector, runHere, tempDir } from './helpers.js';

const dir = tempDir();
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
  return file;
};
const request02 = write('02.json', goldenVector('02-newcomer-with-rent').request);
const request08 = write('08.json', goldenVector('08-bad-input').request);

describe('assess: the statement', () => {
  it('prints the Chinese statement by default, with the total, and exits 0', async () => {
    const run = await runHere(['assess', request02]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('门头沟区“专精特新”措施评估（仅供参考，不构成行政决定）');
    expect(run.stdout).toContain('企业 E02 · 评估日 2025-12-31');
    expect(run.stdout).toContain('本次可兑现合计：1,500,000.00 元');
    expect(run.stdout).not.toContain('核定金额');
    expect(run.stdout).toContain('M2 ');
  });

  it('prints the English statement with --lang en', async () => {
    const run = await runHere(['assess', request02, '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(for reference only, not an administrative decision)');
    expect(run.stdout).toContain('enterprise E02 · as of 2025-12-31');
    expect(run.stdout).toContain('Total payable now: 1,500,000.00 yuan');
    expect(run.stdout).not.toContain('本次可兑现');
  });

  it('reads the request from standard input with -', async () => {
    const run = await runHere(['assess', '-', '--lang', 'en'], JSON.stringify(goldenVector('02-newcomer-with-rent').request));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Total payable now: 1,500,000.00 yuan');
  });

  it('refuses an unknown language with exit 2', async () => {
    const run = await runHere(['assess', request02, '--lang', 'fr']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('assess：未知的语言 fr（可用 zh 或 en）');
  });
});

describe('assess --json', () => {
  it('prints the result as pretty JSON: golden 02 totals 1,500,000.00 (worked by hand in test/golden)', async () => {
    const run = await runHere(['assess', request02, '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { totalPayable: string; subject: { id: string }; measures: { measure: string; payable: string | null }[] };
    expect(result.totalPayable).toBe('1500000.00');
    expect(result.subject.id).toBe('E02');
    // 800,000 (M1) + 100,000 (M2) + 300,000 × 2 (M3, 2023 and 2025)
    expect(result.measures.filter((m) => ['M1', 'M2', 'M3'].includes(m.measure)).map((m) => m.payable)).toEqual(['800000.00', '100000.00', '600000.00']);
    expect(run.stdout).toMatch(/^\{\n {2}"subject"/);
  });

  it('applies an edition changed with --set', async () => {
    const run = await runHere(['assess', request02, '--json', '--set', 'm2.amount=150000']);
    expect(run.status).toBe(0);
    // 800,000 + 150,000 + 600,000
    expect((JSON.parse(run.stdout) as { totalPayable: string }).totalPayable).toBe('1550000.00');
  });
});

describe('assess: invalid input', () => {
  it('prints every issue with its path and its message (Chinese by default) on stderr, nothing on stdout, exit 2', async () => {
    const run = await runHere(['assess', request08]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('：请求无效，共 3 处问题：');
    expect(run.stderr).toContain('  enterprise.leases.0.areaSqm：金额不能为负数\n');
    expect(run.stderr).toContain('  enterprise.designations.0.obtainedOn：不是有效的日期');
    expect(run.stderr).toContain('  enterprise.creditCode：统一社会信用代码校验位错误');
    expect(run.stderr).not.toContain('amount must not be negative');
  });

  it('--lang en: the issues in English only', async () => {
    const run = await runHere(['assess', request08, '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(': invalid request, 3 issues:');
    expect(run.stderr).toContain('  enterprise.leases.0.areaSqm: amount must not be negative\n');
    expect(run.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('the same with --json: no JSON on stdout', async () => {
    const run = await runHere(['assess', request08, '--json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('enterprise.leases.0.areaSqm');
  });

  it('a file that is not JSON: a clear message, exit 2', async () => {
    const run = await runHere(['assess', write('broken.json', '{"asOf": "2024-12-31",')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/请求 .*broken\.json 不是有效的 JSON：/);
  });

  it('a file that does not exist: a clear message, exit 2', async () => {
    const run = await runHere(['assess', join(dir, 'nowhere.json'), '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read request .*nowhere\.json: ENOENT/);
  });

  it('a policy vector given where a request belongs: the issues and a hint', async () => {
    const run = await runHere(['assess', join('test', 'golden', '02-newcomer-with-rent.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('request：不允许的字段：request');
    expect(run.stderr).toContain('这像是一个政策测试用例：请用 `mentougou-srdi verify` 运行');
  });

  it('an invalid --edition file: its issues, exit 2', async () => {
    const run = await runHere(['assess', request02, '--edition', write('edition.json', { id: 'x' })]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/政策版本 .*edition\.json 无效：/);
    expect(run.stderr).toContain('  m1：必填项缺失');
  });

  it('a valid --edition file is used', async () => {
    const edition = JSON.parse((await runHere(['edition', '--json', '--set', 'm1.tiers.national-little-giant=900000', '--id', 'reform-b'])).stdout) as unknown;
    const run = await runHere(['assess', request02, '--json', '--edition', write('reform.json', edition)]);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { totalPayable: string; edition: { id: string } };
    expect(result.edition.id).toBe('reform-b');
    // 900,000 + 100,000 + 600,000
    expect(result.totalPayable).toBe('1600000.00');
  });

  it('no file, or two: usage, exit 2', async () => {
    expect((await runHere(['assess'])).status).toBe(2);
    const two = await runHere(['assess', request02, request08]);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('用法：mentougou-srdi assess');
  });

  it('an unknown option: usage, exit 2', async () => {
    const run = await runHere(['assess', request02, '--frobnicate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--frobnicate'");
  });
});
