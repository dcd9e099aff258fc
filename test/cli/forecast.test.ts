/**
 * `mentougou-srdi forecast`, in-process (the cohort of test/cli/cohort-fixture.ts).
 */
import { describe, expect, it } from 'vitest';
import { forecastCommand } from '../../src/cli/forecast-command.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { xmlProblems } from '../analysis/xml.js';
import { cohortIO, stderr, stdout } from './cohort-fixture.js';

describe('forecast command', () => {
  it('prints aligned tables with Chinese and English headers', async () => {
    const io = cohortIO();
    expect(await forecastCommand(['in.jsonl'], io)).toBe(0);
    const text = stdout(io);
    expect(text).toContain('措施 Measure');
    expect(text).toContain('应付金额 Payable');
    expect(text).toContain('按年度 By year');
    expect(text).toContain('按责任单位 By responsible unit');
    expect(text).toContain('overlap');
    expect(text).toContain('2,200,000.00');
    // The bad JSON line is reported and counted, not fatal; the invalid request is listed with its line.
    expect(stderr(io)).toContain('line 4');
    expect(text).toContain('bad JSON 1');
    expect(text).toContain('#3 (第 6 行 line 6) E08');
  });

  it('aligns the columns of a table (the figures end in the same column)', async () => {
    const io = cohortIO();
    await forecastCommand(['in.jsonl'], io);
    const lines = stdout(io).split('\n');
    const start = lines.indexOf('按措施 By measure');
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

