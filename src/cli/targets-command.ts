/**
 * `mentougou-srdi targets <records.jsonl | -> [--as-of YYYY-MM-DD] [--json] [edition options]`: progress
 * toward the district's targets (src/analysis/target-progress.ts): enterprises holding at least each
 * level on the day, the gap, whether met. Each record is a request or a bare enterprise.
 */
import { parseCalendarDate } from '../core/calendar.js';
import type { RequestRef } from '../analysis/cohort.js';
import { type TargetProgress, targetProgressBuilder } from '../analysis/target-progress.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import { COMMON_USAGE, EXIT_OK, EXIT_USAGE, type Lang, parseCommand, pick, type Texts, usageError } from './args.js';
import { inputText, type InputSummary, invalidSection, json, noticeLine, paragraph, readCohort } from './cohort-input.js';
import { displayPath, EDITION_OPTIONS, EDITION_USAGE_TEXTS, loadEdition } from './common.js';
import type { CliCommand } from './io.js';
import { yesNo } from './text.js';

/** The help of `targets`. */
export const TARGETS_USAGE: Texts = {
  zh: `用法：mentougou-srdi targets <records.jsonl | -> [--as-of YYYY-MM-DD] [--json] [选项]

距区级目标的进展（版本中的目标：国家级专精特新“小巨人”、市级“小巨人”、市级专精特新中小企业）：
当日至少达到各级别的企业数、差距、是否达成。每条记录是一个请求（{ asOf, enterprise }）或一个企业
本身；机构不计入。

选项：
  --as-of <YYYY-MM-DD>       计数的日期（默认取文件中最晚的 asOf，并在输出中说明）
  --json                     以 JSON 输出进展
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

退出码：0 完成；2 选项错误、输入或版本文件无法读取、输入中没有请求，或没有可用于计数的日期。
`,
  en: `Usage: mentougou-srdi targets <records.jsonl | -> [--as-of YYYY-MM-DD] [--json] [options]

Progress toward the district's targets (edition targets: national little giants, municipal
little giants, municipal SRDI SMEs): enterprises holding at least each level on the day, the gap,
whether met.
Each record is a request ({ asOf, enterprise }) or a bare enterprise; institutions are left out.

Options:
  --as-of <YYYY-MM-DD>       the day to count on (default: the latest asOf in the file, as said)
  --json                     the progress as JSON
${EDITION_USAGE_TEXTS.en}
${COMMON_USAGE.en}

Exit codes: 0 done; 2 wrong options, an unreadable input or edition, no request in the input, or no
day to count on.
`,
};

const RIGHT: Align = 'right';

/** The target progress as a text table, in one language, within 100 columns. */
export function renderTargets(p: TargetProgress, input: InputSummary, asOfNote: Texts | null, lang: Lang): string {
  const t = (zh: string, en: string): string => pick(lang, zh, en);
  const out: string[] = [];
  out.push(t(`目标进展（${p.asOf}）— 版本 ${p.edition.id}；目标期限 ${p.targetsBy}\n`, `Target progress on ${p.asOf} — edition ${p.edition.id}; targets by ${p.targetsBy}\n`));
  out.push(noticeLine(lang));
  if (asOfNote) out.push(paragraph(asOfNote[lang]));
  out.push(paragraph(inputText(input, lang)));
  out.push(
    paragraph(
      t(
        `记录 ${p.records}：企业 ${p.enterprises}；机构（不计入）${p.institutions}；无效 ${p.invalid.length}；重复标识 ${p.duplicates.length}`,
        `Records ${p.records}: ${p.enterprises} enterprises; ${p.institutions} institutions (not counted); ${p.invalid.length} invalid; ${p.duplicates.length} duplicate ids`,
      ),
    ),
  );
  out.push('\n');
  out.push(
    renderTable(
      lang === 'zh' ? ['级别', '目标', '至少达到', '差距', '达成'] : ['Level', 'Target', 'At least', 'Gap', 'Met'],
      p.levels.map((l) => [l.name[lang], String(l.target), String(l.count), String(l.gap), yesNo(l.met, lang)]),
      ['left', RIGHT, RIGHT, RIGHT, 'left'],
    ),
  );
  out.push(paragraph(t(p.rule.zh, `Rule: ${p.rule.en}`)));
  if (p.duplicates.length > 0) {
    // Positions among the records, told from 1.
    const list = p.duplicates.map((d) => `${d.id} ${t('第', 'records ')}${d.indices.map((i) => i + 1).join(t('、', ', '))}${t(' 条', '')}`);
    out.push(paragraph(t(`重复（按最晚的 asOf 计一次）：${list.join('；')}`, `Duplicates (counted once, latest asOf): ${list.join('; ')}`)));
  }
  out.push(invalidSection(p.invalid, lang));
  return out.join('');
}

/** The latest valid `asOf` string among the records, or `null`. */
function latestAsOf(records: readonly unknown[]): string | null {
  let latest: { day: number; text: string } | null = null;
  for (const r of records) {
    if (typeof r !== 'object' || r === null || !Object.hasOwn(r, 'asOf')) continue;
    const text = (r as Record<string, unknown>).asOf;
    const day = typeof text === 'string' ? parseCalendarDate(text) : null;
    if (day !== null && (latest === null || day > latest.day)) latest = { day, text: text as string };
  }
  return latest?.text ?? null;
}

/** The `targets` command. */
export const targetsCommand: CliCommand = async (args, io) => {
  const parsed = parseCommand(
    io,
    {
      name: 'targets',
      usage: TARGETS_USAGE,
      options: { json: { type: 'boolean' }, 'as-of': { type: 'string' }, ...EDITION_OPTIONS },
      positionals: { min: 1, max: 1, problem: { zh: '需要且只需要一个输入文件（- 表示标准输入）。', en: 'expected one input file (or - for standard input).' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values, lang } = parsed;
  const file = parsed.positionals[0]!;
  const given = values['as-of'];
  if (given !== undefined && parseCalendarDate(given) === null) {
    return usageError(io, lang, lang === 'zh' ? `targets：--as-of 应为真实存在的日期 YYYY-MM-DD，收到 ${given}` : `targets: --as-of must be a real date YYYY-MM-DD, got ${given}`, TARGETS_USAGE);
  }
  const loaded = await loadEdition(io, values, lang);
  if (!loaded.ok) return EXIT_USAGE;
  const edition = loaded.edition;
  let result: TargetProgress;
  let asOfNote: Texts | null = null;
  let input: InputSummary | null;
  if (given !== undefined) {
    // The day is known: stream the records straight into the count.
    const builder = targetProgressBuilder(given, edition);
    input = await readCohort(io, 'targets', file, lang, (value, ref) => builder.add(value, ref));
    if (!input) return EXIT_USAGE;
    result = builder.result();
  } else {
    // The day is the latest asOf in the file, known only at its end: the records are held until then.
    const records: { value: unknown; ref: RequestRef }[] = [];
    input = await readCohort(io, 'targets', file, lang, (value, ref) => records.push({ value, ref }));
    if (!input) return EXIT_USAGE;
    const asOf = latestAsOf(records.map((r) => r.value));
    if (asOf === null) return usageError(io, lang, lang === 'zh' ? `targets：未给出 --as-of，${displayPath(file)} 中也没有 asOf` : `targets: no --as-of given and no asOf in ${displayPath(file)}`, TARGETS_USAGE);
    asOfNote = { zh: `未指定 --as-of，采用文件中最晚的 asOf：${asOf}`, en: `No --as-of given: using the latest asOf in the file, ${asOf}` };
    const builder = targetProgressBuilder(asOf, edition);
    for (const { value, ref } of records) builder.add(value, ref);
    result = builder.result();
  }
  if (values.json === true) io.stdout(json({ input, asOfSource: given === undefined ? 'latest-in-file' : 'argument', targets: result }));
  else io.stdout(renderTargets(result, input, asOfNote, lang));
  return EXIT_OK;
};
