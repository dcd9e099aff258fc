/**
 * The `match` command (免申即享): in-process with an in-memory IO on a hand-worked cohort, and the built
 * CLI on examples/cohort.jsonl with --csv into a temporary directory.
 *
 * The cohort, by line: 1 golden 02 (E02, pay 1,500,000) · 2 blank · 3 not JSON · 4 golden 06 (I01,
 * pay-and-ask: 100,000 up to 200,000) · 5 golden 04 (E04, none: G3) · 6 golden 08 (invalid).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/analysis/text-table.js';
import { runCli } from '../../src/cli/commands.js';
import { matchCommand } from '../../src/cli/match-command.js';
import { goldenVector, memoryIO, ROOT, runBuilt, tempDir } from './helpers.js';

const line = (name: string): string => JSON.stringify(goldenVector(name).request);
const JSONL = [line('02-newcomer-with-rent'), '', '{not json', line('06-institution'), line('04-case-by-case'), line('08-bad-input')].join('\n') + '\n';
const run = async (args: string[], files: Record<string, string> = { 'in.jsonl': JSONL }) => {
  const io = memoryIO(files);
  const code = await matchCommand(args, io);
  return { code, out: io.out.join(''), err: io.err.join(''), written: io.written };
};

describe('match command: text', () => {
  it('Chinese by default: the statuses, the totals, the pay worklists by unit, the ask worklist by holder, the invalid request', async () => {
    const { code, out, err } = await run(['in.jsonl']);
    expect(code).toBe(0);
    expect(err).toContain('match：第 3 行：不是有效的 JSON');
    expect(out).toContain('仅供参考，不构成行政决定');
    expect(out).toMatch(/直接兑现\s+1\n/);
    expect(out).toMatch(/兑现并补充\s+1\n/);
    expect(out).toMatch(/待补充\s+0\n/);
    expect(out).toMatch(/无资金\s+1\n/);
    expect(out).toMatch(/无效\s+1\n/);
    // 1,500,000 + 100,000 now; 1,500,000 + 200,000 at most
    expect(out).toContain('本次可兑现合计 1,600,000.00 元；补齐信息后最多 1,700,000.00 元');
    expect(out).toContain('资金受阻：已“一企一策”“一事一议”（G3）1 家，应享金额 800,000.00 元');
    // 区科信局: M1 800,000 + M2 100,000 + M3 600,000 (E02) + M5 100,000 (I01)
    expect(out).toContain('区科信局 — 6 笔，合计 1,600,000.00 元');
    expect(out).toContain('  E02 门城智能装备有限公司 · 800,000.00 元 · M1 一、1 加强本区企业培育 ·');
    expect(out).toContain('中关村门头沟园管委会 — 4 笔，合计 700,000.00 元');
    expect(out).toContain('市经济和信息化局（公布的名单） — 1 项，涉及至多 100,000.00 元');
    expect(out).toContain('    问：引进企业 E14：这家引进企业目前持有的最高“专精特新”称号是哪一级（或没有称号）？');
    expect(out).toContain('无效请求（1）\n  第 6 行 E08：');
  });

  it('--lang en: English words, English unit names', async () => {
    const { out, err } = await run(['in.jsonl', '--lang', 'en']);
    expect(err).toContain('match: line 3:');
    expect(out).toContain('Total payable now: 1,600,000.00 yuan; at most 1,700,000.00 yuan once the missing facts are known');
    expect(out).toContain('District Bureau of Science, Technology and Informatization (区科信局) — 6 lines, 1,600,000.00 yuan');
    expect(out).toContain('Ask: Introduced enterprise E14: Which is the highest SRDI designation');
  });

  it('every line fits 100 columns, in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      const { out } = await run(['in.jsonl', '--lang', lang]);
      for (const l of out.split('\n')) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
    }
  });

  it('--json: the input summary, the match and the notes', async () => {
    const { code, out } = await run(['in.jsonl', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { input: { lines: number; badJsonLines: { line: number }[] }; match: { counts: Record<string, number>; totals: { payable: string }; subjects: { line: number }[] }; notes: unknown[] };
    expect(parsed.match.counts).toEqual({ pay: 1, 'pay-and-ask': 1, ask: 0, none: 1, invalid: 1 });
    expect(parsed.match.totals.payable).toBe('1600000.00');
    expect(parsed.input.badJsonLines.map((b) => b.line)).toEqual([3]);
    expect(parsed.match.subjects.map((s) => s.line)).toEqual([1, 4, 5, 6]);
    expect(parsed.notes).toHaveLength(2);
  });
});

describe('match command: --csv', () => {
  it('one CSV per worklist and one of the subjects, UTF-8 with BOM, CRLF, in the chosen language', async () => {
    const { code, err, written } = await run(['in.jsonl', '--csv', 'out/', '--json']);
    expect(code).toBe(0);
    expect([...written.keys()].sort()).toEqual(['out/ask-市经济和信息化局（公布的名单）.csv', 'out/pay-中关村门头沟园管委会.csv', 'out/pay-区科信局.csv', 'out/subjects.csv']);
    expect(err).toContain('已写入 4 个 CSV 文件：out');
    const pay = written.get('out/pay-区科信局.csv')!;
    expect(pay.startsWith('\uFEFF主体,名称,措施,条款,措施名称,明细,金额（元）\r\n')).toBe(true);
    expect(pay).toContain('\r\nE02,门城智能装备有限公司,M1,一、1 加强本区企业培育,首次获得称号一次性奖励（晋级补差）,2022-09-01 首次获得国家级专精特新“小巨人”称号,800000.00\r\n');
    expect(pay.split('\r\n')).toHaveLength(1 + 6 + 1);
    const subjects = written.get('out/subjects.csv')!.split('\r\n');
    expect(subjects[0]).toBe('\uFEFF行,主体类型,主体,名称,状态,本次可兑现（元）,最多（元）,应享金额（元）,资金受阻,问题数,下一个问题');
    expect(subjects[1]).toBe('1,企业,E02,门城智能装备有限公司,直接兑现,1500000.00,1500000.00,1500000.00,,3,企业是否在不新增用地的情况下扩大产能（提高容积率）？');
    expect(subjects[4]?.startsWith('6,,E08,,无效,')).toBe(true);
    const en = await run(['in.jsonl', '--csv', 'out', '--lang', 'en']);
    expect(en.written.get('out/subjects.csv')?.startsWith('\uFEFFLine,Kind,Subject,Name,Status,Payable now (yuan),')).toBe(true);
  });

  it('a directory that cannot be written: exit 2, with the reason', async () => {
    const io = memoryIO({ 'in.jsonl': JSONL });
    io.writeText = async () => {
      throw new Error('EACCES: permission denied');
    };
    expect(await matchCommand(['in.jsonl', '--csv', '/readonly', '--lang', 'en'], io)).toBe(2);
    expect(io.err.join('')).toContain('cannot write the CSV files into /readonly: EACCES');
  });
});

describe('match command: usage', () => {
  it('help in both languages; no file or two; an unknown language or option; an unreadable or empty input: exit 0 or 2', async () => {
    expect((await run(['--help'])).out).toContain('用法：mentougou-srdi match');
    expect((await run(['--help', '--lang', 'en'])).out).toContain('Usage: mentougou-srdi match');
    expect((await run([])).code).toBe(2);
    expect((await run(['a', 'b'])).code).toBe(2);
    expect((await run(['in.jsonl', '--lang', 'fr'])).err).toContain('未知的语言 fr');
    expect((await run(['in.jsonl', '--pdf'])).code).toBe(2);
    const missing = await run(['nope.jsonl', '--lang', 'en']);
    expect([missing.code, missing.err.includes('cannot read nope.jsonl')]).toEqual([2, true]);
    const empty = await run(['in.jsonl', '--lang', 'en'], { 'in.jsonl': '\n\n' });
    expect([empty.code, empty.err.includes('no request could be read')]).toEqual([2, true]);
  });

  it('is a command of the CLI (runCli match …)', async () => {
    const io = memoryIO({ 'in.jsonl': JSONL });
    expect(await runCli(['match', 'in.jsonl'], io)).toBe(0);
    expect(io.out.join('')).toContain('免申即享匹配');
  });
});

describe('match, the built CLI on examples/cohort.jsonl', () => {
  it('prints the worklists within 100 columns and writes the CSV files', () => {
    const dir = join(tempDir(), 'csv');
    const r = runBuilt(['match', 'examples/cohort.jsonl', '--csv', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('兑现清单（按责任单位）');
    expect(r.stdout).toContain('待补充清单（按信息持有方）');
    for (const l of r.stdout.split('\n')) expect(displayWidth(l), l).toBeLessThanOrEqual(100);
    expect(existsSync(join(dir, 'subjects.csv'))).toBe(true);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.startsWith('pay-')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.startsWith('ask-')).length).toBeGreaterThan(0);
    const subjects = readFileSync(join(dir, 'subjects.csv'));
    expect([...subjects.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // one record per request of the file, and the header
    const lines = readFileSync(join(ROOT, 'examples', 'cohort.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '').length;
    expect(subjects.toString('utf8').split('\r\n').filter((l) => l !== '')).toHaveLength(lines + 1);
  });
});
