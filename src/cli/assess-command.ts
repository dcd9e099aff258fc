/**
 * `mentougou-srdi assess <file.json | ->`: assesses one request and prints the `explain` statement
 * (Chinese by default, `--lang en` for English) or, with `--json`, the result as pretty JSON.
 * An invalid request prints every issue with its path and both messages on stderr and exits 2,
 * with nothing on stdout.
 */
import { safeAssessUnknown } from '../assess.js';
import { explain } from '../explain.js';
import { COMMON_USAGE, EXIT_OK, EXIT_USAGE, parseCommand, pick, type Texts } from './args.js';
import { displayPath, EDITION_OPTIONS, EDITION_USAGE_TEXTS, loadEdition, printIssues, readJsonFile } from './common.js';
import type { CliCommand } from './io.js';

/** The help of `assess`. */
export const ASSESS_USAGE: Texts = {
  zh: `用法：mentougou-srdi assess <request.json | -> [选项]

评估一个企业或机构（{ "asOf": ..., "enterprise": {...} } 或 "institution"），输出各项措施的评估
说明（评估结论），仅供参考，不构成行政决定。

选项：
  --json                     以 JSON 输出评估结果，而不是说明
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

退出码：0 已评估；2 文件无法读取、不是有效的 JSON、请求无效或版本无效。
`,
  en: `Usage: mentougou-srdi assess <request.json | -> [options]

Assesses one enterprise or institution ({ "asOf": ..., "enterprise": {...} } or "institution")
and prints the statement of every measure (评估结论), for reference only.

Options:
  --json                     print the result as JSON instead of the statement
${EDITION_USAGE_TEXTS.en}
${COMMON_USAGE.en}

Exit codes: 0 assessed; 2 unreadable file, invalid JSON, invalid request or edition.
`,
};

/** A policy test vector (`{ request, expect }`) passed where a request belongs. */
const looksLikeVector = (v: unknown): boolean => typeof v === 'object' && v !== null && 'request' in v && 'expect' in v;

/** The `assess` command. */
export const assessCommand: CliCommand = async (args, io) => {
  const parsed = parseCommand(
    io,
    {
      name: 'assess',
      usage: ASSESS_USAGE,
      options: { ...EDITION_OPTIONS, json: { type: 'boolean' } },
      positionals: { min: 1, max: 1, problem: { zh: '需要且只需要一个请求文件（- 表示标准输入）。', en: 'takes exactly one request file (or - for standard input).' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values, lang } = parsed;
  const file = parsed.positionals[0]!;

  const edition = await loadEdition(io, values, lang);
  if (!edition.ok) return EXIT_USAGE;
  const request = await readJsonFile(io, file, { zh: '请求', en: 'request' }, lang);
  if (!request.ok) return EXIT_USAGE;

  const result = safeAssessUnknown(request.value, { edition: edition.edition });
  if (!result.ok) {
    const n = result.issues.length;
    printIssues(io, pick(lang, `${displayPath(file)}：请求无效，共 ${n} 处问题：`, `${displayPath(file)}: invalid request, ${n} issue${n === 1 ? '' : 's'}:`), result.issues, lang);
    if (looksLikeVector(request.value)) {
      io.stderr(pick(lang, '（这像是一个政策测试用例：请用 `mentougou-srdi verify` 运行，或只传入其中的 "request"）\n', '(this looks like a policy test vector: run it with `mentougou-srdi verify`, or pass its "request")\n'));
    }
    return EXIT_USAGE;
  }
  io.stdout(values.json ? `${JSON.stringify(result.value, null, 2)}\n` : explain(result.value, { lang }));
  return EXIT_OK;
};
