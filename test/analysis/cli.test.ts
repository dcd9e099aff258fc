/**
 * The analysis commands run in-process with a fake CliIO (files in a map, stdout and stderr collected).
 *
 * The JSONL holds, by line:
 *   1 golden 01 (E01)   2 golden 02 (E02)   3 blank   4 not JSON   5 golden 06 (I01)   6 golden 08 (invalid)
 * Forecast (hand-worked in forecast.test.ts): amount 800,000 + 1,500,000 + 120,000 = 2,420,000;
 * payable 600,000 + 1,500,000 + 100,000 = 2,200,000.
 * Non-zero payable by year and measure: 2022 M1 800,000 (E02), M2 100,000 (E02), M5 80,000 (E11);
 * 2023 M1 300,000 (E01), M3 300,000 (E02), M5 20,000 (E12); 2024 M1 300,000 (E01); 2025 M3 300,000 (E02) → 8 bars.
 */
import { describe, expect, it } from 'vitest';
import { compareCommand, forecastCommand, targetsCommand } from '../../src/cli/analysis-commands.js';
import type { CliIO } from '../../src/cli/io.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { golden } from './fixtures.js';
import { xmlProblems } from './xml.js';

interface FakeIO extends CliIO {
  out: string[];
  err: string[];
  files: Map<string, string>;
}

function fakeIO(files: Record<string, string> = {}): FakeIO {
  const map = new Map(Object.entries(files));
  const out: string[] = [];
  const err: string[] = [];
  const read = (path: string): string => {
    const text = map.get(path);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return text;
  };
  return {
    out,
    err,
    files: map,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readText: async (path) => read(path),
    readLines: (path) => ({
      async *[Symbol.asyncIterator]() {
        yield* read(path).split('\n');
      },
    }),
    openOutput: () => ({ write: async () => undefined, close: async () => undefined }),
    writeText: async (path, text) => {
      if (path.startsWith('/readonly/')) throw new Error(`EACCES: permission denied, open '${path}'`);
      map.set(path, text);
    },
    stderrIsTTY: false,
  };
}

const line = (name: string): string => JSON.stringify(golden(name));
const JSONL = [line('01-climber'), line('02-newcomer-with-rent'), '', '{not json', line('06-institution'), line('08-bad-input')].join('\n') + '\n';
const files = { 'in.jsonl': JSONL };
const stdout = (io: FakeIO): string => io.out.join('');
const stderr = (io: FakeIO): string => io.err.join('');

describe('forecast command', () => {
  it('prints aligned tables with Chinese and English headers', async () => {
    const io = fakeIO(files);
    expect(await forecastCommand(['in.jsonl'], io)).toBe(0);
    const text = stdout(io);
    expect(text).toContain('措施 Measure');
    expect(text).toContain('本次可兑现 Payable now');
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
    const io = fakeIO(files);
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
    const io = fakeIO(files);
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
    const io = fakeIO(files);
    expect(await forecastCommand(['in.jsonl', '--svg', 'chart.svg'], io)).toBe(0);
    const svg = io.files.get('chart.svg')!;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(8);
  });

  it('--edition applies an edition file', async () => {
    const edition = { ...mentougou2022Draft, id: 'from-file', m2: { ...mentougou2022Draft.m2, amount: { ...mentougou2022Draft.m2.amount, value: '150000' } } };
    const io = fakeIO({ ...files, 'ed.json': JSON.stringify(edition) });
    expect(await forecastCommand(['in.jsonl', '--edition', 'ed.json', '--json'], io)).toBe(0);
    const parsed = JSON.parse(stdout(io)) as { forecast: { edition: { id: string }; totals: { payable: string } } };
    expect(parsed.forecast.edition.id).toBe('from-file');
    // M2 100,000 → 150,000 for E02: 2,200,000 + 50,000
    expect(parsed.forecast.totals.payable).toBe('2250000.00');
  });

  it('--set forecasts a changed draft', async () => {
    const io = fakeIO(files);
    expect(await forecastCommand(['in.jsonl', '--set', 'm2.amount=150000', '--id', 'm2-up', '--json'], io)).toBe(0);
    const parsed = JSON.parse(stdout(io)) as { forecast: { edition: { id: string }; totals: { payable: string } } };
    expect(parsed.forecast.edition.id).toBe('m2-up');
    // As with the edition file: 2,200,000 + 50,000
    expect(parsed.forecast.totals.payable).toBe('2250000.00');
  });

  it('exits 2 for bad arguments, an unreadable file, a bad edition or an unwritable chart', async () => {
    const cases: string[][] = [[], ['in.jsonl', 'other.jsonl'], ['in.jsonl', '--bogus'], ['missing.jsonl'], ['in.jsonl', '--edition', 'missing.json'], ['in.jsonl', '--edition', 'in.jsonl'], ['in.jsonl', '--svg', '/readonly/c.svg']];
    for (const args of cases) {
      const io = fakeIO(files);
      expect(await forecastCommand(args, io), args.join(' ')).toBe(2);
      expect(stderr(io).length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});

describe('compare command', () => {
  it('compares the built-in edition with the --set changes', async () => {
    const io = fakeIO(files);
    expect(await compareCommand(['in.jsonl', '--set', 'm1.tiers.national-little-giant=1000000', '--json'], io)).toBe(0);
    const parsed = JSON.parse(stdout(io)) as { changes: string[]; comparison: { a: { id: string }; b: { id: string }; changed: { subject: { id: string } }[]; totals: { payable: unknown } } };
    expect(parsed.changes).toEqual(['m1.tiers.national-little-giant=1000000']);
    expect(parsed.comparison.a.id).toBe('mentougou-2022-draft');
    expect(parsed.comparison.b.id).toBe('mentougou-2022-draft-modified');
    // E01: NLG step 300,000 → 500,000; E02: 800,000 → 1,000,000. Payable 2,200,000 → 2,600,000.
    expect(parsed.comparison.changed.map((s) => s.subject.id)).toEqual(['E01', 'E02']);
    expect(parsed.comparison.totals.payable).toEqual({ a: '2200000.00', b: '2600000.00', delta: '400000.00' });
  });

  it('prints the moved lines as a table', async () => {
    const io = fakeIO(files);
    expect(await compareCommand(['in.jsonl', '--set', 'm1.tiers.national-little-giant=1000000', '--set', 'm3.years=2'], io)).toBe(0);
    const text = stdout(io);
    expect(text).toContain('变动的措施明细 Lines that moved');
    expect(text).toContain('national-little-giant@2022-09-01');
    // E02's 2025 rent year disappears with m3.years=2.
    expect(text).toMatch(/E02\s+M3\s+2025\s+eligible → —/);
    // Payable: 2,200,000 + 400,000 (M1) − 300,000 (M3 2025) = 2,300,000
    expect(text).toContain('+100,000.00');
  });

  it('--id names edition B', async () => {
    const io = fakeIO(files);
    expect(await compareCommand(['in.jsonl', '--set', 'm3.years=2', '--id', 'm3-two', '--json'], io)).toBe(0);
    expect((JSON.parse(stdout(io)) as { comparison: { b: { id: string } } }).comparison.b.id).toBe('m3-two');
  });

  it('exits 2 without --set or with a bad one', async () => {
    for (const args of [['in.jsonl'], ['in.jsonl', '--set', 'm9.x=1'], ['in.jsonl', '--set', 'novalue'], ['in.jsonl', '--set', 'm1.tiers.municipal-sme=-5']]) {
      const io = fakeIO(files);
      expect(await compareCommand(args, io), args.join(' ')).toBe(2);
    }
  });
});

describe('targets command', () => {
  it('counts "at least" each level on --as-of', async () => {
    const io = fakeIO(files);
    expect(await targetsCommand(['in.jsonl', '--as-of', '2025-12-31', '--json'], io)).toBe(0);
    const parsed = JSON.parse(stdout(io)) as { asOfSource: string; targets: { levels: { level: string; count: number; gap: number }[]; institutions: number; invalid: { line: number }[] } };
    // E01 and E02 are national little giants on 2025-12-31: 2 at every level.
    expect(parsed.targets.levels.map((l) => [l.level, l.count, l.gap])).toEqual([
      ['national-little-giant', 2, 13],
      ['municipal-little-giant', 2, 48],
      ['municipal-sme', 2, 148],
    ]);
    expect(parsed.asOfSource).toBe('argument');
    expect(parsed.targets.institutions).toBe(1);
    expect(parsed.targets.invalid.map((i) => i.line)).toEqual([6]);
  });

  it('without --as-of uses the latest asOf in the file, and says so', async () => {
    const io = fakeIO(files);
    expect(await targetsCommand(['in.jsonl'], io)).toBe(0);
    const text = stdout(io);
    // asOf values: 2024-12-31 (E01, I01, E08), 2025-12-31 (E02) → 2025-12-31.
    expect(text).toContain('Target progress on 2025-12-31');
    expect(text).toContain('using the latest asOf in the file, 2025-12-31');
    expect(text).toContain('目标 Target');
    expect(text).toMatch(/国家级专精特新“小巨人” national SRDI little giant\s+15\s+2\s+13\s+否 no/);
  });

  it('exits 2 for a bad --as-of, a missing file, or no asOf at all', async () => {
    const bare = JSON.stringify({ id: 'E20', designations: [] }) + '\n';
    for (const [args, extra] of [
      [['in.jsonl', '--as-of', '2025-13-01'], {}],
      [['missing.jsonl'], {}],
      [['bare.jsonl'], { 'bare.jsonl': bare }],
    ] as const) {
      const io = fakeIO({ ...files, ...extra });
      expect(await targetsCommand([...args], io), args.join(' ')).toBe(2);
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const io = fakeIO(files);
    expect(await targetsCommand(['--help'], io)).toBe(0);
    expect(stdout(io)).toContain('Usage: mentougou-srdi targets');
  });
});

describe('the analysis tables: the statements’ notice and terms', () => {
  const NOTICE = '仅供参考，不构成行政决定 / for reference only, not an administrative decision';
  const outputs = async (): Promise<[string, string][]> => {
    const out: [string, string][] = [];
    for (const [name, run] of [
      ['forecast', (io: FakeIO) => forecastCommand(['in.jsonl'], io)],
      ['compare', (io: FakeIO) => compareCommand(['in.jsonl', '--set', 'm1.tiers.national-little-giant=1000000'], io)],
      ['targets', (io: FakeIO) => targetsCommand(['in.jsonl', '--as-of', '2025-12-31'], io)],
    ] as const) {
      const io = fakeIO(files);
      expect(await run(io)).toBe(0);
      out.push([name, stdout(io)]);
    }
    return out;
  };

  it('the notice is on every analysis table: forecast, compare and targets, once, on the second line', async () => {
    for (const [name, text] of await outputs()) {
      expect(text.split('\n')[1], name).toBe(NOTICE);
      expect(text.split(NOTICE).length - 1, name).toBe(1);
    }
  });

  it('one set of terms: 应享金额 / 本次可兑现 (entitlement / payable now), never 应付 or 应享 alone', async () => {
    for (const [name, text] of await outputs()) {
      expect(text, name).not.toContain('应付');
      expect(text, name).not.toMatch(/应享(?!金额)/);
      expect(text, name).not.toMatch(/\bPayable(?! now)/);
    }
    const forecast = (await outputs())[0]![1];
    // golden 01 + 02 + 06: entitlement 800,000 + 1,500,000 + 120,000 = 2,420,000; payable 600,000 + 1,500,000 + 100,000 = 2,200,000
    expect(forecast).toContain('合计 Totals: 应享金额 entitlement 2,420,000.00 元 yuan; 本次可兑现 payable now 2,200,000.00 元 yuan');
  });

  it('the chart carries the notice and the terms too', async () => {
    const io = fakeIO(files);
    expect(await forecastCommand(['in.jsonl', '--svg', 'chart.svg'], io)).toBe(0);
    const svg = io.files.get('chart.svg')!;
    expect(svg).toContain(NOTICE);
    expect(svg).toContain('按年度本次可兑现金额（按措施堆叠）');
    expect(svg).not.toContain('应付');
  });
});
