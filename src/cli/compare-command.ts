/**
 * `mentougou-srdi compare <requests.jsonl | -> --set path=value … [--json] [--edition file] [--id id]`:
 * what a changed draft would change (src/analysis/compare-editions.ts). Edition A is the built-in one
 * (or `--edition`); B is A with the `--set` changes (named `--id`). Only the subjects that change are
 * listed, with the measure lines that moved.
 */
import { changesFromAssignments, deriveEdition, EditionError } from '../policy/derive.js';
import type { PolicyEdition } from '../policy/edition.js';
import { comparisonBuilder, type EditionComparison } from '../analysis/compare-editions.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import { COMMON_USAGE, EXIT_OK, EXIT_USAGE, parseCommand, type Texts, usageError } from './args.js';
import { inputLine, type InputSummary, invalidSection, json, readCohort, yuan } from './cohort-input.js';
import { EDITION_OPTIONS, loadEdition, printIssues } from './common.js';
import type { CliCommand } from './io.js';

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

const arrow = (a: string | null, b: string | null): string => `${a ?? '—'} → ${b ?? '—'}`;
const money2 = (a: string | null, b: string | null): string => `${yuan(a)} → ${yuan(b)}`;
const signed = (delta: string): string => (delta.startsWith('-') ? `-${yuan(delta.slice(1))}` : `+${yuan(delta)}`);

/** The comparison as text tables. */
export function renderComparison(c: EditionComparison, input: InputSummary, sets: readonly string[]): string {
  const out: string[] = [];
  out.push(`版本比较 Edition comparison: A ${c.a.id} → B ${c.b.id}\n`);
  if (sets.length > 0) out.push(`变更 Changes: ${sets.join(', ')}\n`);
  out.push(inputLine(input, c.requests, ` (有效 assessed ${c.assessed}; 无效 invalid ${c.invalid.length}; 有变化的主体 changed subjects ${c.totals.changedSubjects})`));
  out.push('\n合计 Totals\n');
  out.push(
    renderTable(
      ['项目 Item', 'A', 'B', '差额 Delta'],
      [
        ['应享 Entitlement', yuan(c.totals.amount.a), yuan(c.totals.amount.b), signed(c.totals.amount.delta)],
        ['应付 Payable', yuan(c.totals.payable.a), yuan(c.totals.payable.b), signed(c.totals.payable.delta)],
      ],
      ['left', RIGHT, RIGHT, RIGHT],
    ),
  );
  if (c.totals.byMeasure.length > 0) {
    out.push('\n按措施 By measure\n');
    out.push(
      renderTable(
        ['措施 Measure', '应享 A', '应享 B', '差额 Δ', '应付 A', '应付 B', '差额 Δ'],
        c.totals.byMeasure.map((m) => [m.measure, yuan(m.amount.a), yuan(m.amount.b), signed(m.amount.delta), yuan(m.payable.a), yuan(m.payable.b), signed(m.payable.delta)]),
        ['left', RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT],
      ),
    );
  }
  if (c.changed.length === 0) {
    out.push('\n无主体受影响 No subject changes.\n');
  } else {
    out.push('\n按主体 By subject\n');
    out.push(
      renderTable(
        ['主体 Subject', '应享 Entitlement A → B', '差额 Δ', '应付 Payable A → B', '差额 Δ'],
        c.changed.map((s) => [s.subject.id, money2(s.amount.a, s.amount.b), signed(s.amount.delta), money2(s.payable.a, s.payable.b), signed(s.payable.delta)]),
        ['left', RIGHT, RIGHT, RIGHT, RIGHT],
      ),
    );
    out.push('\n变动的措施明细 Lines that moved\n');
    out.push(
      renderTable(
        ['主体 Subject', '措施 Measure', '明细 Line', '结果 Outcome A → B', '金额 Amount A → B', '应付 Payable A → B'],
        c.changed.flatMap((s) => s.lines.map((l) => [s.subject.id, l.measure, l.lineId, arrow(l.outcome.a, l.outcome.b), money2(l.amount.a, l.amount.b), money2(l.payable.a, l.payable.b)])),
        ['left', 'left', 'left', 'left', RIGHT, RIGHT],
      ),
    );
  }
  out.push(invalidSection(c.invalid));
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
  const loaded = await loadEdition(io, { edition: values.edition });
  if (!loaded.ok) return EXIT_USAGE;
  const a = loaded.edition;
  let b: PolicyEdition;
  try {
    b = deriveEdition(a, changesFromAssignments(sets), { id: values.id ?? `${a.id}-modified` });
  } catch (e) {
    if (!(e instanceof EditionError)) throw e;
    printIssues(io, 'compare: invalid --set / 参数修改无效:', e.issues);
    return EXIT_USAGE;
  }
  const builder = comparisonBuilder(a, b);
  const input = await readCohort(io, 'compare', parsed.positionals[0]!, (value, ref) => builder.add(value, ref));
  if (!input) return EXIT_USAGE;
  const result = builder.result();
  if (values.json === true) io.stdout(json({ input, changes: sets, comparison: result }));
  else io.stdout(renderComparison(result, input, sets));
  return EXIT_OK;
};
