/**
 * The examples: examples/basic.ts runs and prints a total; examples/request.json is one valid request
 * that `mentougou-srdi assess` reads; every line of examples/cohort.jsonl is a valid request; the
 * reviewer vectors of examples/vectors are vectors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessUnknown } from '../src/assess.js';
import { isValidCreditCode } from '../src/core/credit-code.js';
import { parseRequest } from '../src/model/parse.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('examples/basic.ts', () => {
  it('runs with tsx and prints the statement and the total', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join('examples', 'basic.ts')], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('企业 E202 · 评估日 2024-12-31');
    // M1 500,000 (municipal little giant) + M2 100,000 + M3 300,000 (2023: 1,500 m² × 275 days capped) + 300,000 (2024 capped)
    expect(run.stdout).toContain('totalPayable: 1200000.00');
  }, 30_000);
});

describe('examples/request.json (the README’s request, for `mentougou-srdi assess examples/request.json`)', () => {
  const text = readFileSync(join(root, 'examples', 'request.json'), 'utf8');

  it('is one valid request, and its M1 is the README’s: 800,000 earned, 200,000 paid, 600,000 payable (R2 晋级补差)', () => {
    expect(parseRequest(JSON.parse(text)).ok).toBe(true);
    const result = assessUnknown(JSON.parse(text));
    // municipal SME 2022-06-15: 200,000; national little giant 2024-08-01: 800,000 − 200,000 = 600,000; paid 200,000
    expect(result.measures.find((m) => m.measure === 'M1')).toMatchObject({ amount: '800000.00', payable: '600000.00' });
    expect(result.totalPayable).toBe('600000.00');
  });

  it.runIf(existsSync(join(root, 'dist', 'cli.js')))('the built CLI assesses it: exit 0, the statement of E01', () => {
    const run = spawnSync(process.execPath, [join('dist', 'cli.js'), 'assess', join('examples', 'request.json')], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('E01');
  }, 30_000);
});

describe('examples/cohort.jsonl', () => {
  const lines = readFileSync(join(root, 'examples', 'cohort.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const requests = lines.map((l) => JSON.parse(l) as Record<string, Record<string, unknown> | string>);

  it('has at least 24 requests, enterprises and institutions, asOf in 2023–2026', () => {
    expect(lines.length).toBeGreaterThanOrEqual(24);
    expect(requests.some((r) => 'institution' in r)).toBe(true);
    expect(requests.some((r) => 'enterprise' in r)).toBe(true);
    for (const r of requests) expect(String(r.asOf)).toMatch(/^202[3-6]-/);
  });

  it('every line is a valid request (parseRequest)', () => {
    lines.forEach((line, i) => {
      const parsed = parseRequest(JSON.parse(line));
      expect(parsed.ok ? [] : parsed.issues, `line ${i + 1}`).toEqual([]);
    });
  });

  it('every credit code given has the right check character', () => {
    const codes = requests.map((r) => (r.enterprise ?? r.institution) as Record<string, unknown>).flatMap((s) => (typeof s.creditCode === 'string' ? [s.creditCode] : []));
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(isValidCreditCode(code), code).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('examples/vectors', () => {
  it('each file is a vector with a description, a request and an expectation', () => {
    const files = readdirSync(join(root, 'examples', 'vectors')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const v = JSON.parse(readFileSync(join(root, 'examples', 'vectors', f), 'utf8')) as Record<string, unknown>;
      expect(typeof v.description, f).toBe('string');
      expect(parseRequest(v.request).ok, f).toBe(true);
      expect(typeof v.expect, f).toBe('object');
    }
  });
});
