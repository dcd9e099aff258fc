/**
 * `mentougou-srdi forecast`, in-process (the cohort of test/cli/cohort-fixture.ts).
 */
import { describe, expect, it } from 'vitest';
import { forecastCommand } from '../../src/cli/forecast-command.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { xmlProblems } from '../analysis/xml.js';
import { cohortIO, stderr, stdout } from './cohort-fixture.js';

describe('forecast command', () => {
  it('prints its tables in Chinese by default: one language per table', async () => {
    const io = cohortIO();
    expect(await forecastCommand(['in.jsonl'], io)).toBe(0);
    const text = stdout(io);
    expect(text).toContain('\n按措施\n措施  ');
    expect(text).toContain('本次可兑现');
    expect(text).toContain('\n按年度\n');
    expect(text).toContain('\n按责任单位\n');
    expect(text).toContain('合计：应享金额 2,420,000.00 元；本次可兑现 2,200,000.00 元');
    expect(text).not.toMatch(/Entitlement|Payable|By measure/);
    // The bad JSON line is reported and counted, not fatal; the invalid request is listed with its line.
    expect(stderr(io)).toContain('forecast：第 4 行：不是有效的 JSON');
    expect(text).toContain('输入：in.jsonl（JSON Lines，非空行 5，无法读取 1）');
    expect(text).toContain('无效请求（1）\n  第 6 行 E08：\n');
  });

  it('--lang en: the same tables in English only', async () => {
    const io = cohortIO();
    expect(await forecastCommand(['in.jsonl', '--lang', 'en'], io)).toBe(0);
    const text = stdout(io);
    expect(text).toContain('\nBy measure\nMeasure  ');
    expect(text).toContain('Totals: entitlement 2,420,000.00 yuan; payable now 2,200,000.00 yuan');
    expect(text).toContain('Invalid requests (1)\n  line 6 E08:\n');
    expect(stderr(io)).toContain('forecast: line 4: not valid JSON');
    // Chinese is left only in proper names (the responsible units) and the draft's own words.
    const headers = text.split('\n').filter((_, i, all) => all[i + 1]?.startsWith('---'));
    expect(headers.length).toBeGreaterThan(3);
    for (const h of headers) expect(h, h).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('aligns the columns of a table (the figures end in the same column)', async () => {
    const io = cohortIO();
    await forecastCommand(['in.jsonl'], io);
    const lines = stdout(io).split('\n');
    const start = lines.indexOf('按措施');
    const rule = lines[start + 2]!;
    const m1 = lines[start + 3]!;
    const m2 = lines[start + 4]!;
    expect(rule.startsWith('---')).toBe(true);
    // Right-aligned amount columns: the two-decimal figures of M1 and M2 end at the same offset.
    expect(m1.indexOf('.00') + 3).toBe(m2.indexOf('.00') + 3);
  });

  it('--json gives the forecast for machines', async () => {
    const io = cohortIO();
    expect(await forecastCommand(['in.jsonl', '--json'], io)).toBe(0);
    const parsed = JSON.parse(stdout(io)) as { input: { lines: number; badJsonLines: { line: number }[] }; forecast: { totals: unknown; requests: number; invalid: { line: number }[] } };
    expect(parsed.forecast.totals).toEqual({ amount: '2420000.00', payable: '2200000.00' });
    expect(parsed.forecast.requests).toBe(4);
    expect(parsed.forecast.invalid.map((i) => i.line)).toEqual([6]);
    // Five non-blank lines, one of them not JSON.
    expect(parsed.input.lines).toBe(5);
    expect(parsed.input.badJsonLines.map((b) => b.line)).toEqual([4]);
  });

  it('--svg writes a well-formed chart with a rect per non-zero bar segment', async () => {
    const io = cohortIO();
    expect(await forecastCommand(['in.jsonl', '--svg', 'chart.svg'], io)).toBe(0);
    const svg = io.written.get('chart.svg')!;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(8);
  });

  it('the chart carries the notice and the terms too', async () => {
    const io = cohortIO();
    expect(await forecastCommand(['in.jsonl', '--svg', 'chart.svg'], io)).toBe(0);
    const svg = io.written.get('chart.svg')!;
    expect(svg).toContain('仅供参考，不构成行政决定 / for reference only, not an administrative decision');
    expect(svg).toContain('按年度本次可兑现金额（按措施堆叠）');
    expect(svg).not.toContain('应付');
  });

  it('--edition applies an edition file', async () => {
    const edition = { ...mentougou2022Draft, id: 'from-file', m2: { ...mentougou2022Draft.m2, amount: { ...mentougou2022Draft.m2.amount, value: '150000' } } };
    const io = cohortIO({ 'ed.json': JSON.stringify(edition) });
    expect(await forecastCommand(['in.jsonl', '--edition', 'ed.json', '--json'], io)).toBe(0);
    const parsed = JSON.parse(stdout(io)) as { forecast: { edition: { id: string }; totals: { payable: string } } };
    expect(parsed.forecast.edition.id).toBe('from-file');
    // M2 100,000 → 150,000 for E02: 2,200,000 + 50,000
    expect(parsed.forecast.totals.payable).toBe('2250000.00');
  });

  it('--set forecasts a changed draft', async () => {
    const io = cohortIO();
    expect(await forecastCommand(['in.jsonl', '--set', 'm2.amount=150000', '--id', 'm2-up', '--json'], io)).toBe(0);
    const parsed = JSON.parse(stdout(io)) as { forecast: { edition: { id: string }; totals: { payable: string } } };
    expect(parsed.forecast.edition.id).toBe('m2-up');
    // As with the edition file: 2,200,000 + 50,000
    expect(parsed.forecast.totals.payable).toBe('2250000.00');
  });

  it('exits 2 for bad arguments, an unreadable file, a bad edition or an unwritable chart', async () => {
    const cases: string[][] = [[], ['in.jsonl', 'other.jsonl'], ['in.jsonl', '--bogus'], ['missing.jsonl'], ['in.jsonl', '--edition', 'missing.json'], ['in.jsonl', '--edition', 'in.jsonl'], ['in.jsonl', '--svg', '/readonly/c.svg']];
    for (const args of cases) {
      const io = cohortIO();
      expect(await forecastCommand(args, io), args.join(' ')).toBe(2);
      expect(stderr(io).length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});

