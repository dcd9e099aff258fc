/**
 * `mentougou-srdi compare`, in-process (the cohort of test/cli/cohort-fixture.ts).
 */
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/compare-command.js';
import { cohortIO, stdout } from './cohort-fixture.js';

describe('compare command', () => {
  it('compares the built-in edition with the --set changes', async () => {
    const io = cohortIO();
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
    const io = cohortIO();
    expect(await compareCommand(['in.jsonl', '--set', 'm1.tiers.national-little-giant=1000000', '--set', 'm3.years=2'], io)).toBe(0);
    const text = stdout(io);
    expect(text).toContain('\n变动的措施明细\n');
    expect(text).toContain('national-little-giant@2022-09-01');
    // E02's 2025 rent year disappears with m3.years=2.
    expect(text).toMatch(/E02\s+M3\s+2025\s+结果\s+符合\s+—/);
    // Payable: 2,200,000 + 400,000 (M1) − 300,000 (M3 2025) = 2,300,000
    expect(text).toContain('+100,000.00');
  });

  it('--id names edition B', async () => {
    const io = cohortIO();
    expect(await compareCommand(['in.jsonl', '--set', 'm3.years=2', '--id', 'm3-two', '--json'], io)).toBe(0);
    expect((JSON.parse(stdout(io)) as { comparison: { b: { id: string } } }).comparison.b.id).toBe('m3-two');
  });

  it('exits 2 without --set or with a bad one', async () => {
    for (const args of [['in.jsonl'], ['in.jsonl', '--set', 'm9.x=1'], ['in.jsonl', '--set', 'novalue'], ['in.jsonl', '--set', 'm1.tiers.municipal-sme=-5']]) {
      const io = cohortIO();
      expect(await compareCommand(args, io), args.join(' ')).toBe(2);
    }
  });
});

