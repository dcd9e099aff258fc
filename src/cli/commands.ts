/**
 * The command line: `runCli(argv, io)` picks the subcommand and runs it with the given IO, so tests can
 * run any command in-process; `main.ts` only wires the process's IO and exit code.
 */
import { createRequire } from 'node:module';
import { EXIT_OK, EXIT_USAGE, langOf, pick, type Texts } from './args.js';
import { assessCommand } from './assess-command.js';
import { batchCommand } from './batch-command.js';
import { errorMessage } from './common.js';
import { compareCommand } from './compare-command.js';
import { editionCommand, schemaCommand } from './edition-command.js';
import { forecastCommand } from './forecast-command.js';
import type { CliCommand, CliIO } from './io.js';
import { matchCommand } from './match-command.js';
import { readingsCommand } from './readings-command.js';
import { targetsCommand } from './targets-command.js';
import { verifyCommand } from './verify-command.js';

/** The subcommands, by name. */
export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  assess: assessCommand,
  batch: batchCommand,
  verify: verifyCommand,
  schema: schemaCommand,
  edition: editionCommand,
  forecast: forecastCommand,
  compare: compareCommand,
  targets: targetsCommand,
  match: matchCommand,
  readings: readingsCommand,
};

/** The help of the command line, in both languages. */
export const USAGE: Texts = {
  zh: `用法：mentougou-srdi <命令> [参数] [选项]

门头沟区促进“专精特新”中小企业高质量发展若干措施 — 规则即代码。评估结果仅供参考，不构成行政决定。

命令：
  assess <request.json | ->        评估一个企业或机构：输出评估说明，或 --json 输出结果
  batch <requests.jsonl | ->       逐行评估（JSON Lines 或 JSON 数组）；结果为 JSON Lines（--out）
  verify <vector.json | 目录 | .jsonl>...
                                   运行政策测试用例（request + expect）；逐例 PASS / FAIL
  schema <request | result>        输出请求或结果的 JSON Schema
  edition                          政策版本的参数及其条款（--json，--set path=value）
  forecast, compare, targets       一批主体的区级分析（见 <命令> --help）
  match <requests.jsonl | ->       免申即享匹配：谁可直接兑现、向谁问什么（--csv <目录>，--json）
  readings <requests.jsonl | ->    草案含义不明之处的代价：逐一改用另一种解读（§8）
  help [命令]                      本帮助，或某个命令的帮助

选项：
  --lang <zh|en>                   输出、帮助和提示的语言（默认 zh），每个命令都可用
  -h, --help                       帮助
  -v, --version                    版本

退出码：0 完成；1 完成，但部分输入未通过（批量中的行、用例）；2 用法或输入错误；
batch 被中断时 130（SIGINT）或 143（SIGTERM）。
运行 "mentougou-srdi <命令> --help" 查看某个命令的选项。
`,
  en: `Usage: mentougou-srdi <command> [arguments] [options]

门头沟区促进“专精特新”中小企业高质量发展若干措施 — rules as code. Results are for reference
only, not an administrative decision.

Commands:
  assess <request.json | ->        assess one enterprise or institution; the statement, or --json
  batch <requests.jsonl | ->       assess one request per line (or a JSON array) to JSON Lines
  verify <vector.json | dir | .jsonl>...
                                   run policy test vectors (request + expect); PASS / FAIL per case
  schema <request | result>        print the JSON Schema of the request or of the result
  edition                          the edition's parameters and their clauses (--json, --set)
  forecast, compare, targets       district analysis of a cohort (see <command> --help)
  match <requests.jsonl | ->       who to pay without an application, whom to ask what (--csv <dir>)
  readings <requests.jsonl | ->    what each unclear passage costs, every other reading in turn (§8)
  help [command]                   this help, or a command's

Options:
  --lang <zh|en>                   language of output, help and messages (default zh), any command
  -h, --help                       help
  -v, --version                    the version

Exit codes: 0 done; 1 done, but some inputs failed (batch lines, vectors); 2 usage or input error;
130 (SIGINT) or 143 (SIGTERM) when batch is interrupted.
Run "mentougou-srdi <command> --help" for a command's options.
`,
};

type PackageJson = { name: string; version: string };
const isPackageJson = (v: unknown): v is PackageJson =>
  typeof v === 'object' && v !== null && (v as Record<string, unknown>).name === 'mentougou-srdi' && typeof (v as Record<string, unknown>).version === 'string';

/**
 * The package's version, read from package.json at run time: `../package.json` from the built
 * `dist/cli.js`, `../../package.json` from the sources (`src/cli/`).
 */
export function packageVersion(): string {
  const load = createRequire(import.meta.url);
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg: unknown = load(candidate);
      if (isPackageJson(pkg)) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return 'unknown';
}

/**
 * Runs the command line.
 *
 * @param argv the arguments after the program name (`process.argv.slice(2)`)
 * @returns the exit code
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const lang = langOf(argv);
  const usage = USAGE[lang];
  const unknown = (name: string): number => {
    io.stderr(`${pick(lang, `未知的命令：${name}`, `unknown command: ${name}`)}\n\n${usage}`);
    return EXIT_USAGE;
  };
  // Top-level options may come in any order (`--lang en --help`); `--lang` alone is no command.
  const at = commandIndex(argv);
  const first = at < argv.length ? argv[at] : undefined;
  const rest = stripLang(argv.slice(at + 1));
  if (first === undefined) {
    io.stderr(usage);
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(usage);
    return EXIT_OK;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(usage);
      return EXIT_OK;
    }
    const command = Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined;
    if (command === undefined) return unknown(topic);
    return command(['--help', '--lang', lang], io);
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (command === undefined) return unknown(first);
  try {
    // The command gets every argument but its name: a --lang given before the name too.
    return await command([...argv.slice(0, at), ...argv.slice(at + 1)], io);
  } catch (error) {
    io.stderr(`mentougou-srdi ${first}: ${errorMessage(error)}\n`);
    return EXIT_USAGE;
  }
}

/** Where the command's name is: the first argument that is not `--lang X` or `--lang=X`. */
function commandIndex(argv: readonly string[]): number {
  let i = 0;
  while (i < argv.length) {
    if (argv[i] === '--lang') i += 2;
    else if (argv[i]!.startsWith('--lang=')) i += 1;
    else break;
  }
  return Math.min(i, argv.length);
}

/** Arguments without `--lang X` / `--lang=X`. */
function stripLang(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') {
      i += 1;
      continue;
    }
    if (arg.startsWith('--lang=')) continue;
    out.push(arg);
  }
  return out;
}
