/**
 * `mentougou-srdi readings` (DESIGN §8), in-process, on the hand-worked cohort of
 * test/analysis/readings-fixture.ts (G2AGG, ROUND, SCOPE, one invalid request, one line that is not JSON).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/commands.js';
import { readingsCommand } from '../../src/cli/readings-command.js';
import { displayWidth } from '../../src/analysis/text-table.js';
import { READINGS } from '../../src/policy/readings.js';
import { G2AGG, INVALID, ROUND, SCOPE } from '../analysis/readings-fixture.js';
import { memoryIO } from './helpers.js';

const JSONL = [JSON.stringify(G2AGG), JSON.stringify(ROUND), '', '{not json', JSON.stringify(SCOPE), JSON.stringify(INVALID)].join('\n') + '\n';
const io = () => memoryIO({ 'in.jsonl': JSONL, 'edition.json': JSON.stringify({ bad: true }) });
const out = (m: ReturnType<typeof io>): string => m.out.join('');
/** The text with each wrapped paragraph joined again (continuation lines are indented five spaces). */
const unwrap = (text: string, lang: 'zh' | 'en'): string => text.replace(/\n {5}/g, lang === 'zh' ? '' : ' ');
const err = (m: ReturnType<typeof io>): string => m.err.join('');

describe('edition command: the readings table', () => {
  it('lists every reading with its value, the other value, its clause and ruling; a switched one is starred', async () => {
    const m = io();
    expect(await runCli(['edition', '--set', 'readings.g2Aggregate=any-one'], m)).toBe(0);
    const lines = out(m).split('\n');
    expect(lines).toContain('解读（DESIGN §8；改用另一解读：--set readings.<名称>=<值>）');
    expect(lines.find((l) => l.startsWith('解读 '))).toMatch(/^解读\s+取值\s+另一解读\s+裁定$/);
    expect(lines.find((l) => l.startsWith('readings.m3ClipToAsOf '))).toMatch(/^readings\.m3ClipToAsOf\s+false\s+true\s+M3 \/ R4$/);
    expect(lines.find((l) => l.startsWith('readings.g2Aggregate '))).toMatch(/^readings\.g2Aggregate\s+any-one \*\s+sum\s+G2 \/ R5$/);
    expect(lines.find((l) => l.startsWith('readings.clawbackScope '))).toMatch(/^readings\.clawbackScope\s+periods-containing-breach\s+all-disbursements\s+G5 \/ R13$/);
    expect(lines.filter((l) => l.startsWith('readings.'))).toHaveLength(22);
    expect(lines).toContain('* 不是 DESIGN 的解读');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  });
});

describe('readings command', () => {
  it('prints the readings most money first, in Chinese by default, within 100 columns', async () => {
    const m = io();
    expect(await readingsCommand(['in.jsonl'], m)).toBe(0);
    const text = unwrap(out(m), 'zh');
    // clawbackScope 200,000 (SCOPE), g2Aggregate 36,500 (G2AGG), roundPerLease 0.01 (ROUND)
    expect(text).toMatch(/\nclawbackScope\s+1\s+0\.00\s+0\.00\s+\+200,000\.00\s+200,000\.00\ng2Aggregate\s+1\s+0\.00\s+\+36,500\.00\s+0\.00\s+36,500\.00\nroundPerLease\s+1\s+\+0\.01\s+\+0\.01\s+0\.00\s+0\.01\n\n/);
    expect(text).toContain('2. g2Aggregate（G2 / R5）：sum → any-one');
    expect(text).toContain(`原文：${READINGS.g2Aggregate.words}`);
    expect(text).toContain(`建议措辞（改为 any-one）：${READINGS.g2Aggregate.wording[1].zh}`);
    expect(text).toContain('示例：G2AGG（第 1 行，评估日 2023-12-31）');
    expect(text).toContain('请求 4：有效 3，无效 1');
    expect(text.split('\n')[1]).toBe('仅供参考，不构成行政决定');
    expect(text).toContain('按措施：M3 应享金额 0.00、本次可兑现 +36,500.00');
    expect(text).toContain('对这批主体没有影响的解读（19）');
    expect(text).toContain('无效请求（1）');
    for (const line of out(m).split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
    // the line that is not JSON is reported, not fatal
    expect(err(m)).toContain('readings：第 4 行：不是有效的 JSON');
  });

  it('--lang en prints it in English', async () => {
    const m = io();
    expect(await readingsCommand(['in.jsonl', '--lang', 'en'], m)).toBe(0);
    const text = unwrap(out(m), 'en');
    expect(text).toContain('2. g2Aggregate (G2 / R5): sum → any-one');
    expect(text).toContain(`Suggested wording (to take any-one): ${READINGS.g2Aggregate.wording[1].en}`);
    expect(text).toContain('Example: G2AGG (line 1, asOf 2023-12-31): entitlement 236,500.00 → 236,500.00, payable now 200,000.00 → 236,500.00; M3 payable now 0.00 → 36,500.00');
    expect(text.split('\n')[1]).toBe('For reference only, not an administrative decision');
    // no Chinese but the words of the text, quoted in 「」
    for (const line of text.split('\n')) if (!line.includes('「')) expect(line, line).not.toMatch(/[\u4e00-\u9fff]/u);
  });

  it('--json gives the comparison with the input summary', async () => {
    const m = io();
    expect(await readingsCommand(['in.jsonl', '--json'], m)).toBe(0);
    const parsed = JSON.parse(out(m)) as { input: { lines: number; badJsonLines: unknown[] }; readings: { requests: number; readings: { name: string; atStake: string }[] } };
    expect([parsed.input.lines, parsed.input.badJsonLines.length, parsed.readings.requests]).toEqual([5, 1, 4]);
    expect(parsed.readings.readings.slice(0, 2).map((r) => [r.name, r.atStake])).toEqual([
      ['clawbackScope', '200000.00'],
      ['g2Aggregate', '36500.00'],
    ]);
  });

  it('--set makes the base: with g2Aggregate already any-one, the other reading is sum (−36,500.00)', async () => {
    const m = io();
    expect(await readingsCommand(['in.jsonl', '--set', 'readings.g2Aggregate=any-one', '--json'], m)).toBe(0);
    const parsed = JSON.parse(out(m)) as { readings: { base: { id: string }; readings: { name: string; from: string; to: string; totals: { payable: { delta: string } } }[] } };
    expect(parsed.readings.base.id).toBe('mentougou-2022-draft-modified');
    expect(parsed.readings.readings.find((r) => r.name === 'g2Aggregate')).toMatchObject({ from: 'any-one', to: 'sum', totals: { payable: { delta: '-36500.00' } } });
  });

  it('is a command of the CLI, with its help', async () => {
    const m = io();
    expect(await runCli(['readings', '--help'], m)).toBe(0);
    expect(out(m)).toContain('用法：mentougou-srdi readings');
    const h = io();
    expect(await runCli(['help'], h)).toBe(0);
    expect(out(h)).toContain('readings <requests.jsonl | ->');
  });

  it('exits 2 on a wrong use: no file, two files, a bad edition, a bad --set, an unreadable file', async () => {
    for (const args of [[], ['in.jsonl', 'in.jsonl'], ['in.jsonl', '--edition', 'edition.json'], ['in.jsonl', '--set', 'readings.g2Aggregate=each'], ['missing.jsonl'], ['in.jsonl', '--lang', 'fr']]) {
      const m = io();
      expect(await readingsCommand(args, m), args.join(' ')).toBe(2);
      expect(out(m), args.join(' ')).toBe('');
    }
  });
});
