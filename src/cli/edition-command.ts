/**
 * `mentougou-srdi edition`: the policy edition's parameters — path, value, clause, the Chinese words
 * that state it, whether it is assumed — as a table, or the edition as JSON (`--json`); `--edition`
 * reads another edition, `--set path=value` derives a changed one.
 *
 * `mentougou-srdi schema request|result`: the JSON Schema (draft 2020-12) of the request or the result.
 */
import { requestJsonSchema, resultJsonSchema } from '../model/json-schema.js';
import type { PolicyEdition } from '../policy/edition.js';
import { COMMON_USAGE, EXIT_OK, EXIT_USAGE, type Lang, parseCommand, pick, type Texts, usageError } from './args.js';
import { EDITION_OPTIONS, EDITION_USAGE_TEXTS, loadEdition } from './common.js';
import type { CliCommand } from './io.js';
import { displayWidth, renderTable } from '../analysis/text-table.js';
import { editionValues } from '../policy/edition.js';
import { READING_NAMES, READINGS } from '../policy/readings.js';
import { assumptionText, TEXT_WIDTH, wrap } from './text.js';

/** The help of `edition`. */
export const EDITION_COMMAND_USAGE: Texts = {
  zh: `用法：mentougou-srdi edition [--json] [--edition <edition.json>] [--set <path=value>]...

列出政策版本的每个参数：路径（即 --set 所用的名称）、取值、条款、表述它的原文，以及原文未写明时
本版本是否作了假定。

选项：
  --json                     以 JSON 输出版本
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

示例：mentougou-srdi edition --set m1.tiers.national-little-giant=1000000 --json
`,
  en: `Usage: mentougou-srdi edition [--json] [--edition <edition.json>] [--set <path=value>]...

Shows every parameter of the policy edition: its path (as --set names it), value, clause, the
words of the text that state it (原文), and whether the edition assumes it where the text is silent.

Options:
  --json                     print the edition as JSON
${EDITION_USAGE_TEXTS.en}
${COMMON_USAGE.en}

Example: mentougou-srdi edition --set m1.tiers.national-little-giant=1000000 --json
`,
};

/** The help of `schema`. */
export const SCHEMA_USAGE: Texts = {
  zh: `用法：mentougou-srdi schema <request | result>

输出请求或结果的 JSON Schema（draft 2020-12）。Schema 只描述结构：日期、统一社会信用代码和跨字段
规则由评估本身检查。

选项：
${COMMON_USAGE.zh}
`,
  en: `Usage: mentougou-srdi schema <request | result>

Prints the JSON Schema (draft 2020-12) of the request or of the result. The schema describes the
shape only: dates, credit codes and cross-field rules are checked by assess itself.

Options:
${COMMON_USAGE.en}
`,
};

/** One parameter of an edition. */
export interface EditionRow {
  path: string;
  value: string;
  clause: string;
  zh: string;
  assumed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isParameter = (v: Record<string, unknown>): boolean => 'value' in v && 'clause' in v && typeof v.zh === 'string';

/** The parameters of an edition, in the edition's order. */
export function editionRows(edition: PolicyEdition): EditionRow[] {
  const rows: EditionRow[] = [];
  const walk = (node: Record<string, unknown>, path: string[]): void => {
    for (const [key, child] of Object.entries(node)) {
      if (!isRecord(child)) continue;
      const here = [...path, key];
      if (isParameter(child)) {
        const value = child.value;
        rows.push({
          path: here.join('.'),
          value: value === null ? '—' : String(value),
          clause: String(child.clause),
          zh: String(child.zh),
          assumed: child.assumed === true,
        });
      } else walk(child, here);
    }
  };
  walk(edition as unknown as Record<string, unknown>, []);
  return rows;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** The edition as a table, under its id, title and assumptions, in one language. */
export function formatEditionTable(edition: PolicyEdition, lang: Lang): string {
  const t = (zh: string, en: string): string => pick(lang, zh, en);
  const head = [wrap(`${edition.id} — ${edition.title[lang]}`, TEXT_WIDTH, '  ')];
  if (edition.derivedFrom) head.push(t(`派生自：${edition.derivedFrom}`, `derived from: ${edition.derivedFrom}`));
  if (edition.assumptions.length > 0) {
    head.push(t('假定：', 'assumptions:'));
    for (const a of edition.assumptions) head.push(`  - ${wrap(assumptionText(edition, a, lang), TEXT_WIDTH - 4, '    ')}`);
  }
  // The words of the text come last, wrapped under their column, so the table fits 100 columns.
  const header = lang === 'zh' ? ['路径', '取值', '条款', '假定', '原文'] : ['path', 'value', 'clause', 'assumed', 'source words (原文)'];
  // The readings (DESIGN §8) have a table of their own, below.
  const cells = editionRows(edition)
    .filter((r) => !r.path.startsWith('readings.'))
    .map((r) => [r.path, r.value, r.clause, r.assumed ? t('假定', 'assumed') : '', r.zh]);
  const fixed = header.slice(0, -1).map((h, i) => Math.max(displayWidth(h), ...cells.map((row) => displayWidth(row[i] ?? ''))));
  const lead = fixed.reduce((sum, w) => sum + w + 2, 0);
  const wordsWidth = Math.max(20, TEXT_WIDTH - lead);
  const line = (row: readonly string[]): string => {
    const start = row
      .slice(0, -1)
      .map((cell, i) => pad(cell, fixed[i] ?? 0))
      .join('  ');
    return `${start}  ${wrap(row[row.length - 1] ?? '', wordsWidth).split('\n').join(`\n${' '.repeat(lead)}`)}`.trimEnd();
  };
  const table = [line(header), line([...fixed.map((w) => '-'.repeat(w)), '-'.repeat(Math.min(wordsWidth, Math.max(...cells.map((r) => displayWidth(r[4] ?? '')))))]), ...cells.map(line)];
  return `${head.join('\n')}\n\n${table.join('\n')}\n${readingsTable(edition, lang)}`;
}

/**
 * The readings of the edition (DESIGN §8): each switch with the value this edition takes, the other value
 * (`--set readings.<name>=<other>`), and the clause and ruling it reads. The words of the text are in
 * `--json` and docs/rulings.md.
 */
function readingsTable(edition: PolicyEdition, lang: Lang): string {
  const values = editionValues(edition).readings;
  const rows = READING_NAMES.map((name) => {
    const spec = READINGS[name];
    const value = values[name];
    const other = spec.values[0] === value ? spec.values[1] : spec.values[0];
    return [`readings.${name}`, `${String(value)}${value === spec.values[0] ? '' : ' *'}`, String(other), `${spec.clause} / ${spec.ruling}`];
  });
  const header = lang === 'zh' ? ['解读', '取值', '另一解读', '裁定'] : ['reading', 'value', 'other value', 'ruling'];
  const title = pick(lang, '解读（DESIGN §8；改用另一解读：--set readings.<名称>=<值>）\n', 'Readings (DESIGN §8; to take the other one: --set readings.<name>=<value>)\n');
  const note = rows.some((r) => r[1]!.endsWith(' *')) ? pick(lang, '* 不是 DESIGN 的解读\n', '* not DESIGN’s reading\n') : '';
  return `\n${title}${renderTable(header, rows)}${note}`;
}

/** The `edition` command. */
export const editionCommand: CliCommand = async (args, io) => {
  const parsed = parseCommand(
    io,
    {
      name: 'edition',
      usage: EDITION_COMMAND_USAGE,
      options: { ...EDITION_OPTIONS, json: { type: 'boolean' } },
      positionals: { min: 0, max: 0, problem: { zh: '不接受位置参数；版本文件用 --edition <file>。', en: 'takes no arguments; use --edition <file>.' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values } = parsed;
  const loaded = await loadEdition(io, values, parsed.lang);
  if (!loaded.ok) return EXIT_USAGE;
  io.stdout(values.json ? `${JSON.stringify(loaded.edition, null, 2)}\n` : formatEditionTable(loaded.edition, parsed.lang));
  return EXIT_OK;
};

/** The `schema` command. */
export const schemaCommand: CliCommand = async (args, io) => {
  const parsed = parseCommand(
    io,
    {
      name: 'schema',
      usage: SCHEMA_USAGE,
      options: {},
      positionals: { min: 1, max: 1, problem: { zh: '只接受一个参数：request 或 result。', en: 'takes one argument: request or result.' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const which = parsed.positionals[0];
  if (which !== 'request' && which !== 'result') {
    return usageError(io, parsed.lang, parsed.lang === 'zh' ? 'schema：只接受一个参数：request 或 result。' : 'schema: takes one argument: request or result.', SCHEMA_USAGE);
  }
  const schema = which === 'request' ? requestJsonSchema() : resultJsonSchema();
  io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return EXIT_OK;
};
