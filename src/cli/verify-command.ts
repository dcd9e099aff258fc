/**
 * `mentougou-srdi verify <vector.json | dir | file.jsonl>…`: runs policy test vectors — the
 * `{ name?, description?, request, expect }` files a reviewer writes without code (see test/golden) —
 * through `verifyVectors`, and prints `PASS name` or `FAIL name` with each difference indented
 * (`expected … got …`, `期望 … 实际 …` by `--lang`), then `N passed, M failed`. A directory contributes
 * its *.json files, sorted by name; a .json file one vector or an array of them; a .jsonl file one
 * vector per non-blank line (or a JSON array), named `file:line`.
 *
 * Exit codes: 0 all passed; 1 some failed (a misspelt or empty `expect` key included); 2 a vector that
 * cannot be read (not JSON, not a vector), a path that cannot be read, or wrong options.
 */
import { join } from 'node:path';
import { type PolicyVector, verifyVectors } from '../verify-vectors.js';
import { COMMON_USAGE, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, parseCommand, pick, type Texts } from './args.js';
import { EDITION_OPTIONS, EDITION_USAGE_TEXTS, errorMessage, loadEdition, stripBom } from './common.js';
import type { CliCommand, CliIO } from './io.js';
import { DEFAULT_MAX_LINE_BYTES, newInputStats, readRecords } from './json-input.js';

/** The help of `verify`. */
export const VERIFY_USAGE: Texts = {
  zh: `用法：mentougou-srdi verify <vector.json | 目录 | vectors.jsonl>... [选项]

运行政策测试用例：JSON 对象 { "name"?, "description"?, "request": {...}, "expect": {...} }。
"expect" 可写 totalPayable、measures.<M1..M13>.outcome | amount | payable | missingIncludes、
clawback.<字段>，或 ok: false 加 issuePaths。未写的字段不检查。
目录取其中的 *.json 文件（按名称排序）；.jsonl 文件每行一个用例（名为 文件:行号），
也可以是一个 JSON 数组。

选项：
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

"expect" 中未知（拼写错误）或为空的键会使用例失败，并指明该键。金额按数额比较："1500000"、
1500000 与 "1500000.00" 相等。

逐例输出 PASS <名称> 或 FAIL <名称> 及每处差异（期望 …，实际 …），最后一行 “N passed, M failed”
（这几种行在两种语言下相同，供脚本读取）。
退出码：0 全部通过；1 有未通过的用例；2 用例无法读取（不是 JSON、不是用例）、路径无法读取
或选项错误。
`,
  en: `Usage: mentougou-srdi verify <vector.json | directory | vectors.jsonl>... [options]

Runs policy test vectors: JSON objects
{ "name"?, "description"?, "request": {...}, "expect": {...} }.
"expect" may name totalPayable, measures.<M1..M13>.outcome | amount | payable | missingIncludes,
clawback.<field>, or ok: false with issuePaths. Fields not named are not checked.
A directory contributes its *.json files (sorted); a .jsonl file one vector per line (named
file:line), or a JSON array of vectors.

Options:
${EDITION_USAGE_TEXTS.en}
${COMMON_USAGE.en}

"expect" keys that are unknown (a misspelling) or empty fail the vector, naming the key. Money is
compared as an amount: "1500000", 1500000 and "1500000.00" are equal.

Prints PASS <name> or FAIL <name> with each difference (expected …, got …), then
"N passed, M failed" (these lines are the same in both languages).
Exit codes: 0 all passed; 1 some failed; 2 a vector cannot be read (not JSON, not a vector), a path
cannot be read, or wrong options.
`,
};

/** Why an input is not a vector it can run, in both languages. */
type Unreadable = Texts;

/** A case to run: a vector, or the reason the input cannot be read as one. */
type Case = { name: string; vector: PolicyVector & { name: string } } | { name: string; unreadable: Unreadable };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const NOT_A_VECTOR: Unreadable = {
  zh: '不是政策测试用例：应为带 "request" 和 "expect"（对象）的对象',
  en: 'not a policy vector: expected an object with "request" and "expect" (an object)',
};

/** A parsed JSON value as a case (a vector's own `name` wins over the fallback). */
function caseOf(value: unknown, fallbackName: string, preferOwnName: boolean): Case {
  if (!isRecord(value) || !('request' in value) || !isRecord(value.expect)) return { name: fallbackName, unreadable: NOT_A_VECTOR };
  const name = preferOwnName && typeof value.name === 'string' && value.name.length > 0 ? value.name : fallbackName;
  return { name, vector: { ...(value as unknown as PolicyVector), name } };
}

/** The cases of one .json file: one vector, or a JSON array of vectors (`file[i]` where unnamed). */
function casesOfJson(text: string, file: string): Case[] {
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (error) {
    return [{ name: file, unreadable: { zh: `不是有效的 JSON：${errorMessage(error)}`, en: `not valid JSON: ${errorMessage(error)}` } }];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [{ name: file, unreadable: { zh: '空数组：没有用例', en: 'an empty array: no vector' } }];
    return value.map((v, i) => caseOf(v, `${file}[${i}]`, true));
  }
  return [caseOf(value, file, true)];
}

/** The cases of a file: .jsonl through the one reader of many records (JSON Lines or a JSON array). */
async function casesOfFile(io: CliIO, file: string): Promise<Case[]> {
  if (file.endsWith('.jsonl')) {
    const cases: Case[] = [];
    for await (const record of readRecords(io.readBytes(file), { maxBytes: DEFAULT_MAX_LINE_BYTES }, newInputStats())) {
      const name = `${file}:${record.line}${record.index === undefined ? '' : `[${record.index}]`}`;
      cases.push(record.kind === 'value' ? caseOf(record.value, name, false) : { name, unreadable: { zh: record.issue.zh, en: record.issue.en } });
    }
    return cases;
  }
  return casesOfJson(await io.readText(file), file);
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
      positionals: { min: 1, max: Infinity, problem: { zh: '至少需要一个用例文件、目录或 .jsonl 文件。', en: 'needs at least one vector file, directory or .jsonl file.' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values, positionals, lang } = parsed;
  const edition = await loadEdition(io, values, lang);
  if (!edition.ok) return EXIT_USAGE;

  let cases: Case[];
  try {
    cases = await collectCases(io, positionals);
  } catch (error) {
    io.stderr(pick(lang, `无法读取用例：${errorMessage(error)}\n`, `cannot read vectors: ${errorMessage(error)}\n`));
    return EXIT_USAGE;
  }
  if (cases.length === 0) {
    io.stderr(pick(lang, `${positionals.join('、')} 中没有用例\n`, `no vectors found in ${positionals.join(', ')}\n`));
    io.stdout('0 passed, 0 failed\n');
    return EXIT_SOME_FAILED;
  }

  const runnable = cases.flatMap((c) => ('vector' in c ? [c.vector] : []));
  const report = verifyVectors(runnable, { edition: edition.edition });
  let next = 0;
  let passed = 0;
  let failed = 0;
  let unreadable = 0;
  for (const c of cases) {
    if ('unreadable' in c) {
      unreadable += 1;
      io.stdout(`FAIL ${c.name}\n    ${pick(lang, '无法读取此用例：', 'cannot read this vector: ')}${c.unreadable[lang]}\n`);
      continue;
    }
    const details = report.verdicts[next++]?.details ?? [];
    if (details.length === 0) {
      passed += 1;
      io.stdout(`PASS ${c.name}\n`);
    } else {
      failed += 1;
      io.stdout(`FAIL ${c.name}\n`);
      for (const d of details) io.stdout(`    ${d[lang]}\n`);
    }
  }
  // The PASS / FAIL lines and this last line are the same in both languages: scripts read them.
  io.stdout(`${passed} passed, ${failed + unreadable} failed${unreadable > 0 ? ` (${unreadable} unreadable)` : ''}\n`);
  return unreadable > 0 ? EXIT_USAGE : failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
};
