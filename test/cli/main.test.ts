/**
 * The bin itself (a few runs of the built dist/cli.js: shebang, version, help, exit codes) and, in
 * process, what every command shares (issue 14, item 3): `--lang zh|en` on every command, help in both
 * languages (Chinese by default, as the output), one language per table, 100 columns, JSON arrays where
 * JSON Lines are, and a non-zero exit for a file with no readable request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/analysis/text-table.js';
import { COMMANDS, packageVersion, runCli } from '../../src/cli/commands.js';
import { compareCommand } from '../../src/cli/compare-command.js';
import { forecastCommand } from '../../src/cli/forecast-command.js';
import { targetsCommand } from '../../src/cli/targets-command.js';
import { JSONL } from './cohort-fixture.js';
import { memoryIO, ROOT, runBuilt, runHere } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const NAMES = ['assess', 'batch', 'verify', 'schema', 'edition', 'forecast', 'compare', 'targets'];
const CJK = /[\u4e00-\u9fff]/;

describe('mentougou-srdi (built)', () => {
  it('is the bin of package.json, with a shebang', () => {
    expect(pkg.bin['mentougou-srdi']).toBe('./dist/cli.js');
    expect(readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('--version prints the version of package.json', () => {
    const run = runBuilt(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
  });

  it('--help: the usage in Chinese on stdout, exit 0; no command: the usage on stderr, exit 2', () => {
    const help = runBuilt(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout.startsWith('用法：mentougou-srdi <命令>')).toBe(true);
    for (const name of NAMES) expect(help.stdout).toContain(name);
    const none = runBuilt([]);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('用法：mentougou-srdi');
  });
});

describe('runCli (in-process): help and dispatch', () => {
  it('reads the version from the sources too', () => {
    expect(packageVersion()).toBe(pkg.version);
  });

  it('--help, -h and help: Chinese by default; --lang en (before or after) in English', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) expect((await runHere(args)).stdout.startsWith('用法：mentougou-srdi <命令>'), args.join(' ')).toBe(true);
    for (const args of [['--help', '--lang', 'en'], ['--lang', 'en', '--help'], ['--lang=en', 'help']]) {
      const run = await runHere(args);
      expect(run.status).toBe(0);
      expect(run.stdout.startsWith('Usage: mentougou-srdi <command>'), args.join(' ')).toBe(true);
    }
  });

  it('help <command> and <command> --help print that command’s usage, in the language asked', async () => {
    expect((await runHere(['help', 'batch'])).stdout.startsWith('用法：mentougou-srdi batch')).toBe(true);
    expect((await runHere(['help', 'batch', '--lang', 'en'])).stdout.startsWith('Usage: mentougou-srdi batch')).toBe(true);
    expect((await runHere(['--lang', 'en', 'verify', '--help'])).stdout.startsWith('Usage: mentougou-srdi verify')).toBe(true);
  });

  it('an unknown command: exit 2, in the language asked', async () => {
    const run = await runHere(['asses']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('未知的命令：asses');
    expect((await runHere(['asses', '--lang', 'en'])).stderr).toContain('unknown command: asses');
    expect((await runHere(['help', 'nope'])).status).toBe(2);
    expect((await runHere(['toString'])).status).toBe(2);
  });

  it('dispatches forecast, compare and targets to their commands', () => {
    expect(COMMANDS.forecast).toBe(forecastCommand);
    expect(COMMANDS.compare).toBe(compareCommand);
    expect(COMMANDS.targets).toBe(targetsCommand);
  });

  it('turns an unexpected failure of a command into exit 2 with its message', async () => {
    // verify reads the directory; a path under a file fails cleanly.
    const run = await runHere(['verify', join(ROOT, 'package.json', 'x'), '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read vectors');
  });
});

describe('every command: --lang zh|en and help in both languages', () => {
  it('<command> --help is Chinese by default and English with --lang en, each in one language', async () => {
    for (const name of NAMES) {
      const zh = memoryIO({});
      expect(await runCli([name, '--help'], zh), name).toBe(0);
      expect(zh.out.join('').startsWith(`用法：mentougou-srdi ${name}`), name).toBe(true);
      const en = memoryIO({});
      expect(await runCli([name, '--help', '--lang', 'en'], en), name).toBe(0);
      const text = en.out.join('');
      expect(text.startsWith(`Usage: mentougou-srdi ${name}`), name).toBe(true);
      // English help: Chinese only in the name of the policy and the words it quotes (原文, 责任单位, 评估结论).
      for (const line of text.split('\n').filter((l) => CJK.test(l))) expect(line, `${name}: ${line}`).toMatch(/原文|责任单位|评估结论/);
    }
  });

  it('every help line fits 100 columns, in both languages', async () => {
    for (const name of ['', ...NAMES]) {
      for (const lang of ['zh', 'en']) {
        const io = memoryIO({});
        await runCli(name === '' ? ['--help', '--lang', lang] : [name, '--help', '--lang', lang], io);
        for (const line of io.out.join('').split('\n')) expect(displayWidth(line), `${name} ${lang}: ${line}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it('--lang other than zh or en: exit 2 on every command', async () => {
    for (const name of NAMES) {
      const io = memoryIO({});
      expect(await runCli([name, '--lang', 'fr'], io), name).toBe(2);
      expect(io.err.join(''), name).toContain('未知的语言 fr（可用 zh 或 en）');
    }
  });
});

describe('the analysis tables: one language each, within 100 columns', () => {
  const cohort = join('examples', 'cohort.jsonl');
  const runs: [string, string[]][] = [
    ['forecast', ['forecast', cohort]],
    ['compare', ['compare', cohort, '--set', 'm1.tiers.national-little-giant=1000000', '--set', 'm3.years=2']],
    ['targets', ['targets', cohort]],
    ['edition', ['edition']],
    ['readings', ['readings', cohort]],
  ];
  /** The header row of every table: the line above a rule of dashes. */
  const headers = (text: string): string[] => text.split('\n').filter((_, i, all) => /^-+( +-+)*$/.test(all[i + 1] ?? ''));

  it('every line of forecast, compare, targets, edition and readings on examples/cohort.jsonl fits 100 columns, zh and en', { timeout: 60_000 }, async () => {
    for (const [name, args] of runs) {
      for (const lang of ['zh', 'en']) {
        const run = await runHere([...args, '--lang', lang]);
        expect(run.status, `${name} ${lang}`).toBe(0);
        for (const line of run.stdout.split('\n')) expect(displayWidth(line), `${name} ${lang}: ${line}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it('table headers are in one language: no Latin words in Chinese, no Chinese in English (source words apart)', { timeout: 60_000 }, async () => {
    for (const [name, args] of runs) {
      const zh = headers((await runHere(args)).stdout);
      const en = headers((await runHere([...args, '--lang', 'en'])).stdout);
      expect(zh.length, name).toBeGreaterThan(0);
      for (const h of zh) expect(h.replace(/\b[AB]\b/g, ''), `${name}: ${h}`).not.toMatch(/[a-z]{2,}/i);
      for (const h of en) expect(h.replace('(原文)', ''), `${name}: ${h}`).not.toMatch(CJK);
    }
  });
});

describe('JSON arrays where JSON Lines are; no readable request: a non-zero exit', () => {
  const sample = join('examples', 'sample-cohort.json');

  it('forecast, compare, targets, batch and verify read the pretty-printed examples/sample-cohort.json as a list of requests', async () => {
    const forecast = await runHere(['forecast', sample, '--json']);
    expect(forecast.status).toBe(0);
    const parsed = JSON.parse(forecast.stdout) as { input: { format: string; lines: number }; forecast: { requests: number; assessed: number } };
    // The file holds five requests: five entries, not 156 "lines".
    expect(parsed.input).toMatchObject({ format: 'json-array', lines: 5 });
    expect(parsed.forecast.requests).toBe(5);
    expect((await runHere(['compare', sample, '--set', 'm2.amount=150000'])).status).toBe(0);
    expect((await runHere(['targets', sample, '--as-of', '2025-12-31'])).status).toBe(0);
    const batch = await runHere(['batch', sample]);
    expect(batch.stdout.trimEnd().split('\n')).toHaveLength(5);
  });

  it('forecast, compare and targets on README.md, an empty file or an empty array exit 2 with a message naming JSON Lines', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const [file, text] of [
      ['README.md', readme],
      ['empty.jsonl', ''],
      ['none.json', '[]'],
    ]) {
      for (const args of [['forecast'], ['compare', '--set', 'm2.amount=1'], ['targets', '--as-of', '2025-12-31']]) {
        const io = memoryIO({ [file!]: text! });
        const [command, ...options] = args;
        expect(await runCli([command!, file!, ...options, '--lang', 'en'], io), `${args.join(' ')} ${file}`).toBe(2);
        expect(io.err.join(''), `${args.join(' ')} ${file}`).toContain(`no request could be read from ${file}: expected JSON Lines (one request per line) or a JSON array`);
      }
    }
  });
});

describe('the analysis tables: the statements’ notice and terms (STATEMENT_TERMS)', () => {
  const files = { 'in.jsonl': JSONL };
  const outputs = async (lang: 'zh' | 'en'): Promise<[string, string][]> => {
    const out: [string, string][] = [];
    for (const args of [['forecast', 'in.jsonl'], ['compare', 'in.jsonl', '--set', 'm1.tiers.national-little-giant=1000000'], ['targets', 'in.jsonl', '--as-of', '2025-12-31']]) {
      const io = memoryIO(files);
      expect(await runCli([...args, '--lang', lang], io)).toBe(0);
      out.push([args[0]!, io.out.join('')]);
    }
    return out;
  };

  it('the notice is on every analysis output, once, on the second line, in the language asked', async () => {
    for (const [lang, notice] of [
      ['zh', '仅供参考，不构成行政决定'],
      ['en', 'For reference only, not an administrative decision'],
    ] as const) {
      for (const [name, text] of await outputs(lang)) {
        expect(text.split('\n')[1], `${name} ${lang}`).toBe(notice);
        expect(text.split(notice).length - 1, `${name} ${lang}`).toBe(1);
      }
    }
  });

  it('one set of terms: 应享金额 / 本次可兑现 (entitlement / payable now), never 应付 or 应享 alone', async () => {
    for (const [name, text] of [...(await outputs('zh')), ...(await outputs('en'))]) {
      expect(text, name).not.toContain('应付');
      expect(text, name).not.toMatch(/应享(?!金额)/);
      expect(text, name).not.toMatch(/\bpayable(?! now)/i);
    }
    const [, forecast] = (await outputs('zh'))[0]!;
    // golden 01 + 02 + 06: entitlement 800,000 + 1,500,000 + 120,000 = 2,420,000; payable 600,000 + 1,500,000 + 100,000 = 2,200,000
    expect(forecast).toContain('合计：应享金额 2,420,000.00 元；本次可兑现 2,200,000.00 元');
  });
});
