/**
 * What the CLI commands share besides their arguments (src/cli/args.ts) and the reader of many requests
 * (src/cli/json-input.ts): reading one JSON file, loading a policy edition (`--edition`, `--set`), and
 * printing input issues with their paths and messages.
 */
import { changesFromAssignments, deriveEdition, EditionError, validateEdition } from '../policy/derive.js';
import type { PolicyEdition } from '../policy/edition.js';
import { mentougou2022Draft } from '../policy/mentougou-2022-draft.js';
import type { CliIO } from './io.js';

import { type Lang, pick, type Texts } from './args.js';

/** An input problem as the CLI prints it (a `PolicyIssue`, or one the CLI makes itself, e.g. bad JSON). */
export interface CliIssue {
  path: readonly (string | number)[];
  code: string;
  zh: string;
  en: string;
  /** The limit a `too-many`, `too-long` or `line-too-long` issue names. */
  maximum?: number;
}

/** `enterprise.leases.0.areaSqm：金额不能为负数` (zh) or `enterprise.leases.0.areaSqm: amount must not be negative` (en). */
export function formatIssue(issue: CliIssue, lang: Lang): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : pick(lang, '（根）', '(root)');
  return pick(lang, `${where}：${issue.zh}`, `${where}: ${issue.en}`);
}

/** Writes a heading and every issue (indented) to stderr. */
export function printIssues(io: CliIO, heading: string, issues: readonly CliIssue[], lang: Lang): void {
  io.stderr(`${heading}\n`);
  for (const issue of issues) io.stderr(`  ${formatIssue(issue, lang)}\n`);
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The outcome of reading a JSON file: the value, or the message already printed. */
export type JsonRead = { ok: true; value: unknown } | { ok: false };

/**
 * Reads and parses a JSON file (`-`: standard input); prints a clear message on failure.
 *
 * @param what what the file holds, in both languages (`{ zh: '请求', en: 'request' }`)
 */
export async function readJsonFile(io: CliIO, path: string, what: Texts, lang: Lang): Promise<JsonRead> {
  const shown = displayPath(path);
  let text: string;
  try {
    text = await io.readText(path);
  } catch (error) {
    io.stderr(pick(lang, `无法读取${what.zh} ${shown}：${errorMessage(error)}\n`, `cannot read ${what.en} ${shown}: ${errorMessage(error)}\n`));
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(stripBom(text)) as unknown };
  } catch (error) {
    io.stderr(pick(lang, `${what.zh} ${shown} 不是有效的 JSON：${errorMessage(error)}\n`, `${what.en} ${shown} is not valid JSON: ${errorMessage(error)}\n`));
    return { ok: false };
  }
}

/** `-` is shown as standard input. */
export function displayPath(path: string): string {
  return path === '-' ? '(stdin)' : path;
}

/** Drops a UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The edition options every assessing command accepts. */
export const EDITION_OPTIONS = {
  edition: { type: 'string' },
  set: { type: 'string', multiple: true },
  id: { type: 'string' },
} as const;

/** Usage lines for the edition options, in both languages. */
export const EDITION_USAGE_TEXTS: Texts = {
  zh: [
    '  --edition <edition.json>   政策版本文件（JSON，先校验）；默认为内置的 mentougou-2022-draft',
    '  --set <path=value>         修改版本的一个参数（可重复），如 --set m3.years=2',
    '  --id <id>                  --set 派生出的版本的标识（默认 <原版本标识>-modified）',
  ].join('\n'),
  en: [
    '  --edition <edition.json>   a policy edition (JSON), validated (default: the built-in edition)',
    '  --set <path=value>         change one parameter of the edition (repeatable), e.g. --set m3.years=2',
    '  --id <id>                  the id of the edition --set derives (default: <base id>-modified)',
  ].join('\n'),
};

/** The outcome of loading an edition. */
export type EditionLoad = { ok: true; edition: PolicyEdition } | { ok: false };

/**
 * The edition a command uses: `--edition` (read and validated) or the built-in one, then `--set`
 * assignments applied with `changesFromAssignments` + `deriveEdition`. Problems are printed.
 */
export async function loadEdition(io: CliIO, options: { edition?: string | undefined; set?: string[] | undefined; id?: string | undefined }, lang: Lang): Promise<EditionLoad> {
  let edition: PolicyEdition = mentougou2022Draft;
  if (options.edition !== undefined) {
    const read = await readJsonFile(io, options.edition, { zh: '政策版本', en: 'edition' }, lang);
    if (!read.ok) return { ok: false };
    try {
      edition = validateEdition(read.value);
    } catch (error) {
      if (error instanceof EditionError) {
        printIssues(io, pick(lang, `政策版本 ${displayPath(options.edition)} 无效：`, `invalid edition ${displayPath(options.edition)}:`), error.issues, lang);
        return { ok: false };
      }
      throw error;
    }
  }
  const assignments = options.set ?? [];
  if (assignments.length > 0) {
    try {
      edition = deriveEdition(edition, changesFromAssignments(assignments), { id: options.id ?? `${edition.id}-modified` });
    } catch (error) {
      if (error instanceof EditionError) {
        printIssues(io, pick(lang, '参数修改（--set）无效：', 'invalid --set:'), error.issues, lang);
        return { ok: false };
      }
      throw error;
    }
  } else if (options.id !== undefined) {
    edition = { ...edition, id: options.id, derivedFrom: edition.id };
  }
  return { ok: true, edition };
}
