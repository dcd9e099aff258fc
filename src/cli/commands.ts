/**
 * The command line: `runCli(argv, io)` picks the subcommand and runs it with the given IO, so tests can
 * run any command in-process; `main.ts` only wires the process's IO and exit code.
 */
import { createRequire } from 'node:module';
import { EXIT_OK, EXIT_USAGE } from './args.js';
import { assessCommand } from './assess-command.js';
import { batchCommand } from './batch-command.js';
import { errorMessage } from './common.js';
import { compareCommand } from './compare-command.js';
import { editionCommand, schemaCommand } from './edition-command.js';
import { forecastCommand } from './forecast-command.js';
import type { CliCommand, CliIO } from './io.js';
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
};

export const USAGE = `Usage: mentougou-srdi <command> [arguments] [options]

门头沟区促进“专精特新”中小企业高质量发展若干措施 — rules as code.

Commands:
  assess <request.json | ->        assess one enterprise or institution; the statement (--lang zh|en) or --json
  batch <requests.jsonl | ->       assess one request per line; results as JSON Lines (--out <file>)
  verify <vector.json | dir | .jsonl>...
                                   run policy test vectors (request + expect); PASS / FAIL per case
  schema <request | result>        print the JSON Schema of the request or of the result
  edition                          the policy edition's parameters with their clauses (--json, --set path=value)
  forecast, compare, targets       district analysis of a cohort (see <command> --help)
  help [command]                   this help, or a command's

Options:
  -h, --help                       help
  -v, --version                    the version

Exit codes: 0 done; 1 done, but some inputs failed (batch lines, vectors); 2 usage or input error.
Run "mentougou-srdi <command> --help" for a command's options.
`;

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
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    const command = Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined;
    if (command === undefined) {
      io.stderr(`unknown command: ${topic}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    return command(['--help', ...rest.slice(1)], io);
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (command === undefined) {
    io.stderr(`unknown command: ${first}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command([...rest], io);
  } catch (error) {
    io.stderr(`mentougou-srdi ${first}: ${errorMessage(error)}\n`);
    return EXIT_USAGE;
  }
}
