/**
 * `mentougou-srdi targets`, in-process (the cohort of test/cli/cohort-fixture.ts).
 */
import { describe, expect, it } from 'vitest';
import { targetsCommand } from '../../src/cli/targets-command.js';
import { cohortIO, stdout } from './cohort-fixture.js';

describe('targets command', () => {
  it('counts "at least" each level on --as-of', async () => {
    const io = cohortIO();
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
    const io = cohortIO();
    expect(await targetsCommand(['in.jsonl'], io)).toBe(0);
    const text = stdout(io);
    // asOf values: 2024-12-31 (E01, I01, E08), 2025-12-31 (E02) → 2025-12-31.
    expect(text).toContain('目标进展（2025-12-31）');
    expect(text).toContain('未指定 --as-of，采用文件中最晚的 asOf：2025-12-31');
    expect(text).toMatch(/\n级别 +目标 +至少达到 +差距 +达成\n/);
    expect(text).toMatch(/\n国家级专精特新“小巨人”\s+15\s+2\s+13\s+否\n/);
    const en = cohortIO();
    expect(await targetsCommand(['in.jsonl', '--lang', 'en'], en)).toBe(0);
    expect(stdout(en)).toContain('No --as-of given: using the latest asOf in the file, 2025-12-31');
    expect(stdout(en)).toMatch(/\nnational SRDI little giant\s+15\s+2\s+13\s+no\n/);
  });

  it('exits 2 for a bad --as-of, a missing file, or no asOf at all', async () => {
    const bare = JSON.stringify({ id: 'E20', designations: [] }) + '\n';
    for (const [args, extra] of [
      [['in.jsonl', '--as-of', '2025-13-01'], {}],
      [['missing.jsonl'], {}],
      [['bare.jsonl'], { 'bare.jsonl': bare }],
    ] as const) {
      const io = cohortIO(extra);
      expect(await targetsCommand([...args], io), args.join(' ')).toBe(2);
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const io = cohortIO();
    expect(await targetsCommand(['--help'], io)).toBe(0);
    expect(stdout(io)).toContain('用法：mentougou-srdi targets');
  });
});
