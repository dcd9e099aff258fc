/**
 * `mentougou-srdi compare <requests.jsonl | -> --set path=value … [--json] [--edition file] [--id id]`:
 * what a changed draft would change (src/analysis/compare-editions.ts). Edition A is the built-in one
 * (or `--edition`); B is A with the `--set` changes (named `--id`). Only the subjects that change are
 * listed, with the measure lines that moved.
 */
import { changesFromAssignments, deriveEdition, EditionError } from '../policy/derive.js';
import type { PolicyEdition } from '../policy/edition.js';
import { comparisonBuilder, type EditionComparison, type LineChange, type MoneyDelta } from '../analysis/compare-editions.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import { COMMON_USAGE, EXIT_OK, EXIT_USAGE, type Lang, parseCommand, pick, type Texts, usageError } from './args.js';
import { inputText, type InputSummary, invalidSection, json, moneyTerms, noticeLine, paragraph, readCohort, yuan } from './cohort-input.js';
import { EDITION_OPTIONS, loadEdition, printIssues } from './common.js';
import type { CliCommand } from './io.js';
import { outcomeWord } from './text.js';

/** The help of `compare`. */
export const COMPARE_USAGE: Texts = {
  zh: `用法：mentougou-srdi compare <requests.jsonl | -> --set <path=value> [--set …] [--json] [选项]

修改草案会带来什么变化：版本 A（内置版本，或 --edition）与 B（A 加上 --set 的修改）逐个主体及合计
比较。只列出有变化的主体，以及变动的措施明细（金额、可兑现金额和结果 A → B）。

选项：
  --set <path=value>         对版本的一项修改（可重复；至少一项），如
                             --set m1.tiers.national-little-giant=1000000 --set m3.years=2
  --edition <edition.json>   版本 A（默认为内置的 mentougou-2022-draft）
  --id <id>                  版本 B 的标识（默认 <A 的标识>-modified）
  --json                     以 JSON 输出比较结果
${COMMON_USAGE.zh}

退出码：0 完成；2 选项或修改错误、输入或版本文件无法读取，或输入中没有请求。
`,
  en: `Usage: mentougou-srdi compare <requests.jsonl | -> --set <path=value> [--set …] [--json] [options]

What a changed draft would change: edition A (the built-in one, or --edition) against B = A with the
--set changes, per subject and in total. Only the subjects that change are listed, with the measure
lines that moved (amount, payable and outcome A → B).

Options:
  --set <path=value>         a change to the edition (repeatable; at least one), e.g.
                             --set m1.tiers.national-little-giant=1000000 --set m3.years=2
  --edition <edition.json>   edition A (default: the built-in mentougou-2022-draft)
  --id <id>                  the id of edition B (default: <A's id>-modified)
  --json                     the comparison as JSON
${COMMON_USAGE.en}

Exit codes: 0 done; 2 wrong options or changes, an unreadable input or edition, or no request in the
input.
`,
};

const RIGHT: Align = 'right';

const signed = (delta: string): string => (delta.startsWith('-') ? `-${yuan(delta.slice(1))}` : `+${yuan(delta)}`);

/** The comparison as text tables, in one language, within 100 columns. */
export function renderComparison(c: EditionComparison, input: InputSummary, sets: readonly string[], lang: Lang): string {
  const t = (zh: string, en: string): string => pick(lang, zh, en);
  const terms = moneyTerms(lang);
  const entitlement = terms.entitlementHeader;
  const payable = terms.payableNowHeader;
  const out: string[] = [];
  out.push(t(`版本比较：A ${c.a.id} → B ${c.b.id}\n`, `Edition comparison: A ${c.a.id} → B ${c.b.id}\n`));
  out.push(noticeLine(lang));
  if (sets.length > 0) out.push(paragraph(t(`修改：${sets.join('，')}`, `Changes: ${sets.join(', ')}`)));
  out.push(paragraph(inputText(input, lang)));
  out.push(
    paragraph(
      t(
        `请求 ${c.requests}：有效 ${c.assessed}，无效 ${c.invalid.length}；有变化的主体 ${c.totals.changedSubjects}`,
        `Requests ${c.requests}: ${c.assessed} assessed, ${c.invalid.length} invalid; ${c.totals.changedSubjects} subjects changed`,
      ),
    ),
  );
  const moneyRows = (label: string, d: { amount: MoneyDelta; payable: MoneyDelta }): string[][] => [
    [label, entitlement, yuan(d.amount.a), yuan(d.amount.b), signed(d.amount.delta)],
    [label, payable, yuan(d.payable.a), yuan(d.payable.b), signed(d.payable.delta)],
  ];
  out.push(t('\n合计\n', '\nTotals\n'));
  out.push(
    renderTable(
      [t('项目', 'Item'), 'A', 'B', t('差额', 'Delta')],
      moneyRows('', c.totals).map((r) => r.slice(1)),
      ['left', RIGHT, RIGHT, RIGHT],
    ),
  );
  if (c.totals.byMeasure.length > 0) {
    out.push(t('\n按措施\n', '\nBy measure\n'));
    out.push(renderTable([t('措施', 'Measure'), t('项目', 'Item'), 'A', 'B', t('差额', 'Delta')], c.totals.byMeasure.flatMap((m) => moneyRows(m.measure, m)), ['left', 'left', RIGHT, RIGHT, RIGHT]));
  }
  if (c.changed.length === 0) {
    out.push(t('\n没有主体受影响。\n', '\nNo subject changes.\n'));
  } else {
    out.push(t('\n按主体\n', '\nBy subject\n'));
    out.push(renderTable([t('主体', 'Subject'), t('项目', 'Item'), 'A', 'B', t('差额', 'Delta')], c.changed.flatMap((s) => moneyRows(s.subject.id, s)), ['left', 'left', RIGHT, RIGHT, RIGHT]));
    // One row per field of a line that moved: outcome, amount, payable now.
    const rows = c.changed.flatMap((s) =>
      s.lines.flatMap((l: LineChange) => {
        const fields: string[][] = [];
        if (l.outcome.a !== l.outcome.b) fields.push([t('结果', 'Outcome'), outcomeWord(l.outcome.a, lang), outcomeWord(l.outcome.b, lang)]);
        if (l.amount.a !== l.amount.b) fields.push([t('金额', 'Amount'), yuan(l.amount.a), yuan(l.amount.b)]);
        if (l.payable.a !== l.payable.b) fields.push([payable, yuan(l.payable.a), yuan(l.payable.b)]);
        return fields.map((f) => [s.subject.id, l.measure, l.lineId, ...f]);
      }),
    );
    out.push(t('\n变动的措施明细\n', '\nLines that moved\n'));
    out.push(renderTable([t('主体', 'Subject'), t('措施', 'Measure'), t('明细', 'Line'), t('项目', 'Item'), 'A', 'B'], rows, ['left', 'left', 'left', 'left', RIGHT, RIGHT]));
  }
  out.push(invalidSection(c.invalid, lang));
  return out.join('');
}

/** The `compare` command. */
export const compareCommand: CliCommand = async (args, io) => {
  const parsed = parseCommand(
    io,
    {
      name: 'compare',
      usage: COMPARE_USAGE,
      options: { json: { type: 'boolean' }, ...EDITION_OPTIONS },
      positionals: { min: 1, max: 1, problem: { zh: '需要且只需要一个输入文件（- 表示标准输入）。', en: 'expected one input file (or - for standard input).' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values, lang } = parsed;
  const sets = values.set ?? [];
  if (sets.length === 0) return usageError(io, lang, lang === 'zh' ? 'compare：至少给出一个 --set path=value' : 'compare: give at least one --set path=value', COMPARE_USAGE);
  const loaded = await loadEdition(io, { edition: values.edition }, lang);
  if (!loaded.ok) return EXIT_USAGE;
  const a = loaded.edition;
  let b: PolicyEdition;
  try {
    b = deriveEdition(a, changesFromAssignments(sets), { id: values.id ?? `${a.id}-modified` });
  } catch (e) {
    if (!(e instanceof EditionError)) throw e;
    printIssues(io, pick(lang, 'compare：参数修改（--set）无效：', 'compare: invalid --set:'), e.issues, lang);
    return EXIT_USAGE;
  }
  const builder = comparisonBuilder(a, b);
  const input = await readCohort(io, 'compare', parsed.positionals[0]!, lang, (value, ref) => builder.add(value, ref));
  if (!input) return EXIT_USAGE;
  const result = builder.result();
  if (values.json === true) io.stdout(json({ input, changes: sets, comparison: result }));
  else io.stdout(renderComparison(result, input, sets, lang));
  return EXIT_OK;
};
