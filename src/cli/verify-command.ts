/**
 * `mentougou-srdi verify <vector.json | dir | file.jsonl>…`: runs policy test vectors — the
 * `{ name?, description?, request, expect }` files a reviewer writes without code (see test/golden) —
 * through `verifyVectors`, and prints `PASS name` or `FAIL name` with the differences indented, then
 * `N passed, M failed`. A directory contributes its *.json files, sorted by name; a .jsonl file one
 * vector per non-blank line, named `file:line`. A file that is not a vector fails as a case.
 */
import { join } from 'node:path';
import { type PolicyVector, verifyVectors } from '../verify-vectors.js';
import { COMMON_USAGE, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, parseCommand, type Texts } from './args.js';
import { EDITION_OPTIONS, EDITION_USAGE_TEXTS, errorMessage, loadEdition, stripBom } from './common.js';
import type { CliCommand, CliIO } from './io.js';
import { DEFAULT_MAX_LINE_BYTES, newInputStats, readRecords } from './json-input.js';

/** The help of `verify`. */
export const VERIFY_USAGE: Texts = {
  zh: `用法：mentougou-srdi verify <vector.json | 目录 | vectors.jsonl>... [选项]

运行政策测试用例：JSON 对象 { "name"?, "description"?, "request": {...}, "expect": {...} }。
"expect" 可写 totalPayable、measures.<M1..M13>.outcome | amount | payable | missingIncludes、
clawback.<字段>，或 ok: false 加 issuePaths。未写的字段不检查。
目录取其中的 *.json 文件（按名称排序）；.jsonl 文件每行一个用例（名为 文件:行号），也可以是一个 JSON 数组。

选项：
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

逐例输出 PASS <名称> 或 FAIL <名称> 及差异，最后一行 “N passed, M failed”。
退出码：0 全部通过；1 有未通过的用例；2 路径无法读取或选项错误。
`,
  en: `Usage: mentougou-srdi verify <vector.json | directory | vectors.jsonl>... [options]

Runs policy test vectors: JSON objects { "name"?, "description"?, "request": {...}, "expect": {...} }.
"expect" may name totalPayable, measures.<M1..M13>.outcome | amount | payable | missingIncludes,
clawback.<field>, or ok: false with issuePaths. Fields not named are not checked.
A directory contributes its *.json files (sorted); a .jsonl file one vector per line (named file:line),
or a JSON array of vectors.

Options:
${EDITION_USAGE_TEXTS.en}
${COMMON_USAGE.en}

Prints PASS <name> or FAIL <name> with the differences, then "N passed, M failed".
Exit codes: 0 all passed; 1 some failed; 2 a path cannot be read, or wrong options.
`,
};

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
  const parsed = parseCommand(
    io,
    {
      name: 'verify',
      usage: VERIFY_USAGE,
      options: { ...EDITION_OPTIONS },
      positionals: { min: 1, max: Infinity, problem: { zh: '至少需要一个用例文件、目录或 .jsonl 文件。', en: 'verify needs at least one vector file, directory or .jsonl file.' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values, positionals } = parsed;
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
