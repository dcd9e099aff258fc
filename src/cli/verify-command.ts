/**
 * `mentougou-srdi verify <vector.json | dir | file.jsonl>…`: runs policy test vectors — the
 * `{ name?, description?, request, expect }` files a reviewer writes without code (see test/golden) —
 * through `verifyVectors`, and prints `PASS name` or `FAIL name` with the differences indented, then
 * `N passed, M failed`. A directory contributes its *.json files, sorted by name; a .jsonl file one
 * vector per non-blank line, named `file:line`. A file that is not a vector fails as a case.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type PolicyVector, verifyVectors } from '../verify-vectors.js';
import {
  EDITION_OPTIONS,
  EDITION_USAGE,
  errorMessage,
  EXIT_OK,
  EXIT_SOME_FAILED,
  EXIT_USAGE,
  loadEdition,
  stripBom,
  tryParseArgs,
  usageError,
} from './common.js';
import type { CliCommand, CliIO } from './io.js';
import { DEFAULT_MAX_LINE_BYTES, newInputStats, readRecords } from './json-input.js';

export const VERIFY_USAGE = `Usage: mentougou-srdi verify <vector.json | directory | vectors.jsonl>... [options]

Runs policy test vectors: JSON objects { "name"?, "description"?, "request": {...}, "expect": {...} }.
"expect" may name totalPayable, measures.<M1..M13>.outcome | amount | payable | missingIncludes,
clawback.<field>, or ok: false with issuePaths. Fields not named are not checked.
A directory contributes its *.json files (sorted); a .jsonl file one vector per line (named file:line).

Options:
${EDITION_USAGE}
  -h, --help                 this help

Prints PASS <name> or FAIL <name> with the differences, then "N passed, M failed".
Exit codes: 0 all passed; 1 some failed; 2 a path cannot be read, or wrong options.
`;

/** A case to run: a vector, or the reason the input is not one. */
type Case = { name: string; vector: PolicyVector & { name: string } } | { name: string; problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A parsed JSON value as a case (a vector's own `name` wins over the fallback). */
function caseOf(value: unknown, fallbackName: string, preferOwnName: boolean): Case {
  if (!isRecord(value) || !('request' in value) || !isRecord(value.expect)) {
    return { name: fallbackName, problem: 'not a policy vector: expected an object with "request" and "expect" (an object)' };
  }
  const name = preferOwnName && typeof value.name === 'string' && value.name.length > 0 ? value.name : fallbackName;
  return { name, vector: { ...(value as unknown as PolicyVector), name } };
}

function parseCase(text: string, fallbackName: string, preferOwnName: boolean): Case {
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (error) {
    return { name: fallbackName, problem: `not valid JSON: ${errorMessage(error)}` };
  }
  return caseOf(value, fallbackName, preferOwnName);
}

async function casesOfFile(io: CliIO, file: string): Promise<Case[]> {
  if (file.endsWith('.jsonl')) {
    const cases: Case[] = [];
    for await (const record of readRecords(io.readBytes(file), { maxBytes: DEFAULT_MAX_LINE_BYTES }, newInputStats())) {
      const name = `${file}:${record.line}`;
      cases.push(record.kind === 'value' ? caseOf(record.value, name, false) : { name, problem: record.issue.en });
    }
    return cases;
  }
  return [parseCase(await io.readText(file), file, true)];
}

/** The cases of every path, in the order given (a directory's files sorted by name). */
async function collectCases(io: CliIO, paths: readonly string[]): Promise<Case[]> {
  const cases: Case[] = [];
  for (const path of paths) {
    const names = await io.listDirectory(path);
    if (names !== null) {
      const files = names.filter((f) => f.endsWith('.json')).sort();
      for (const f of files) cases.push(...(await casesOfFile(io, join(path, f))));
    } else {
      cases.push(...(await casesOfFile(io, path)));
    }
  }
  return cases;
}

/** The `verify` command. */
export const verifyCommand: CliCommand = async (args, io) => {
  const parsed = tryParseArgs(io, VERIFY_USAGE, () => parseArgs({ args, options: { ...EDITION_OPTIONS, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }));
  if (parsed === undefined) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(VERIFY_USAGE);
    return EXIT_OK;
  }
  if (positionals.length === 0) return usageError(io, 'verify needs at least one vector file, directory or .jsonl file.', VERIFY_USAGE);
  const edition = await loadEdition(io, values);
  if (!edition.ok) return EXIT_USAGE;

  let cases: Case[];
  try {
    cases = await collectCases(io, positionals);
  } catch (error) {
    io.stderr(`cannot read vectors: ${errorMessage(error)}\n`);
    return EXIT_USAGE;
  }
  if (cases.length === 0) {
    io.stderr(`no vectors found in ${positionals.join(', ')}\n`);
    io.stdout('0 passed, 0 failed\n');
    return EXIT_SOME_FAILED;
  }

  const runnable = cases.flatMap((c) => ('vector' in c ? [c.vector] : []));
  const report = verifyVectors(runnable, { edition: edition.edition });
  let next = 0;
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    const differences = 'vector' in c ? (report.verdicts[next++]?.differences ?? []) : [c.problem];
    if (differences.length === 0) {
      passed += 1;
      io.stdout(`PASS ${c.name}\n`);
    } else {
      failed += 1;
      io.stdout(`FAIL ${c.name}\n`);
      for (const d of differences) io.stdout(`    ${d}\n`);
    }
  }
  io.stdout(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
};
