/**
 * `mentougou-srdi assess <file.json | ->`: assesses one request and prints the `explain` statement
 * (Chinese by default, `--lang en` for English) or, with `--json`, the result as pretty JSON.
 * An invalid request prints every issue with its path and both messages on stderr and exits 2,
 * with nothing on stdout.
 */
import { parseArgs } from 'node:util';
import { safeAssessUnknown } from '../assess.js';
import { explain } from '../explain.js';
import { displayPath, EDITION_OPTIONS, EDITION_USAGE, EXIT_OK, EXIT_USAGE, loadEdition, printIssues, readJsonFile, tryParseArgs, usageError } from './common.js';
import type { CliCommand } from './io.js';

export const ASSESS_USAGE = `Usage: mentougou-srdi assess <request.json | -> [options]

Assesses one enterprise or institution ({ "asOf": ..., "enterprise": {...} } or "institution")
and prints the statement of every measure (评估结论).

Options:
  --lang <zh|en>             language of the statement (default zh)
  --json                     print the result as JSON instead of the statement
${EDITION_USAGE}
  -h, --help                 this help

Exit codes: 0 assessed; 2 unreadable file, invalid JSON, invalid request or edition.
`;

/** A policy test vector (`{ request, expect }`) passed where a request belongs. */
const looksLikeVector = (v: unknown): boolean => typeof v === 'object' && v !== null && 'request' in v && 'expect' in v;

/** The `assess` command. */
export const assessCommand: CliCommand = async (args, io) => {
  const parsed = tryParseArgs(io, ASSESS_USAGE, () =>
    parseArgs({
      args,
      options: { ...EDITION_OPTIONS, lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (parsed === undefined) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(ASSESS_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1) return usageError(io, 'assess takes exactly one request file (or - for standard input).', ASSESS_USAGE);
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') return usageError(io, `unknown language: ${lang} (use zh or en)`, ASSESS_USAGE);
  const file = positionals[0] as string;

  const edition = await loadEdition(io, values);
  if (!edition.ok) return EXIT_USAGE;
  const request = await readJsonFile(io, file, 'request');
  if (!request.ok) return EXIT_USAGE;

  const result = safeAssessUnknown(request.value, { edition: edition.edition });
  if (!result.ok) {
    const n = result.issues.length;
    printIssues(io, `${displayPath(file)}: 请求无效，共 ${n} 处问题 / invalid request, ${n} issue${n === 1 ? '' : 's'}:`, result.issues);
    if (looksLikeVector(request.value)) io.stderr('(this looks like a policy test vector: run it with `mentougou-srdi verify`, or pass its "request")\n');
    return EXIT_USAGE;
  }
  io.stdout(values.json ? `${JSON.stringify(result.value, null, 2)}\n` : explain(result.value, { lang }));
  return EXIT_OK;
};
