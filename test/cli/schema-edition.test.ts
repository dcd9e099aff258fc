/**
 * `mentougou-srdi schema` and `mentougou-srdi edition` in-process (the real file system, `runHere`).
 */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/analysis/text-table.js';
import { runHere } from './helpers.js';

describe('schema', () => {
  it('schema request: a JSON Schema with $schema, exit 0', async () => {
    const run = await runHere(['schema', 'request']);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/request\.json$/);
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['asOf', 'enterprise', 'institution']));
  });

  it('schema result: the result schema', async () => {
    const run = await runHere(['schema', 'result']);
    expect(run.status).toBe(0);
    const schema = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['totalPayable', 'measures', 'clawback']));
  });

  it('schema without a known name: usage, exit 2', async () => {
    for (const args of [['schema'], ['schema', 'edition'], ['schema', 'request', 'result']]) {
      const run = await runHere(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('用法：mentougou-srdi schema');
    }
  });
});

describe('edition', () => {
  it('the table: path, value, clause, assumed, source words (wrapped), in Chinese by default; within 100 columns', async () => {
    const run = await runHere(['edition']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('mentougou-2022-draft — 门头沟区关于促进“专精特新”中小企业高质量发展的若干措施（征求意见稿）');
    expect(lines.find((l) => l.startsWith('路径'))).toMatch(/^路径\s+取值\s+条款\s+假定\s+原文$/);
    const at = lines.findIndex((l) => l.startsWith('m1.tiers.national-little-giant '));
    // The words go on under their column: first line, then the rest, joined back.
    const words = [lines[at]!.replace(/^m1\.tiers\.national-little-giant\s+800000\s+M1\s+/, ''), lines[at + 1]!.trim(), lines[at + 2]!.trim()].join('');
    expect(words.startsWith('对首次获得国家级专精特新“小巨人”称号的企业，一次性给予80万元奖励')).toBe(true);
    expect(lines.find((l) => l.startsWith('window.effectiveTo '))).toMatch(/2025-12-31\s+G6\s+假定\s+有效期至2025年XX月XX日$/);
    expect(lines.find((l) => l.startsWith('m7.districtFloors.star '))).toMatch(/—\s+M7/);
    for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
  });

  it('--lang en: the headers and the assumptions in English', async () => {
    const run = await runHere(['edition', '--lang', 'en']);
    expect(run.stdout.split('\n').find((l) => l.startsWith('path'))).toMatch(/^path\s+value\s+clause\s+assumed\s+source words \(原文\)$/);
    expect(run.stdout).toContain('  - m3.lastYear (G6/R4): no rent-subsidy support year after 2025');
    expect(run.stdout.split('\n').find((l) => l.startsWith('window.effectiveTo '))).toMatch(/\s+assumed\s+有效期至2025年XX月XX日$/);
  });

  it('--set m1.tiers.national-little-giant=1000000 --json shows the new value', async () => {
    const run = await runHere(['edition', '--set', 'm1.tiers.national-little-giant=1000000', '--json']);
    expect(run.status).toBe(0);
    const edition = JSON.parse(run.stdout) as { id: string; derivedFrom: string; m1: { tiers: Record<string, { value: unknown; clause: string }> } };
    expect(edition.m1.tiers['national-little-giant']?.value).toBe(1000000);
    expect(edition.m1.tiers['national-little-giant']?.clause).toBe('M1');
    expect(edition.m1.tiers['municipal-sme']?.value).toBe('200000');
    expect(edition.derivedFrom).toBe('mentougou-2022-draft');
    expect(edition.id).toBe('mentougou-2022-draft-modified');
  });

  it('--set in the table, and --id names the derived edition', async () => {
    const run = await runHere(['edition', '--set', 'm3.years=2', '--set', 'window.effectiveTo=2026-12-31', '--id', 'reform-a']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^reform-a — /);
    expect(run.stdout).toContain('派生自：mentougou-2022-draft');
    // A changed parameter is no longer an assumption of the edition.
    expect(run.stdout.split('\n').find((l) => l.startsWith('window.effectiveTo '))).toMatch(/2026-12-31\s+G6\s+有效期至2025年XX月XX日$/);
    expect(run.stdout.split('\n').find((l) => l.startsWith('m3.years '))).toMatch(/^m3\.years\s+2\s+M3/);
  });

  it('an unknown parameter or an invalid value: the issue on stderr, exit 2', async () => {
    const unknown = await runHere(['edition', '--set', 'm1.tiers.regional=5']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('参数修改（--set）无效：\n  m1.tiers.regional：不允许的字段：m1.tiers.regional');
    const english = await runHere(['edition', '--set', 'm1.tiers.regional=5', '--lang', 'en']);
    expect(english.stderr).toContain('invalid --set:\n  m1.tiers.regional: unknown field: m1.tiers.regional');
    const negative = await runHere(['edition', '--set', 'm2.amount=-1']);
    expect(negative.status).toBe(2);
    expect(negative.stderr).toContain('m2.amount.value');
    const noEquals = await runHere(['edition', '--set', 'm2.amount']);
    expect(noEquals.status).toBe(2);
  });
});
