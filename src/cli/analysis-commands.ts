/**
 * The district-analysis commands of the CLI:
 *
 *   forecast <in.jsonl> [--json] [--svg chart.svg] [--edition file] [--set path=value …] [--id id]
 *   compare  <in.jsonl> --set path=value … [--json] [--edition file] [--id id]
 *   targets  <in.jsonl> [--as-of YYYY-MM-DD] [--json] [--edition file] [--set path=value …] [--id id]
 *
 * Input is JSON Lines, read as a stream through `CliIO.readLines`: blank lines are skipped, a line that
 * is not JSON is reported on standard error and counted, never fatal; invalid requests are listed in
 * the output. Output is an aligned table with Chinese and English headers, or JSON with `--json`.
 * Exit 0, or 2 for bad arguments, an unreadable input or edition file, or an output file that cannot be
 * written. The edition options are those of every command (src/cli/common.ts); for `compare`, `--edition`
 * is edition A and `--set` / `--id` make edition B.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseCalendarDate } from '../core/calendar.js';
import { MEASURE_IDS } from '../core/clauses.js';
import { STATEMENT_TERMS } from '../core/messages.js';
import { formatMoneyGrouped, Money } from '../core/money.js';
import { changesFromAssignments, deriveEdition, EditionError } from '../policy/derive.js';
import type { PolicyEdition } from '../policy/edition.js';
import type { InvalidRequest, RequestRef } from '../analysis/cohort.js';
import { comparisonBuilder, type EditionComparison } from '../analysis/compare-editions.js';
import { type Forecast, forecastBuilder } from '../analysis/forecast.js';
import { forecastChartSvg } from '../analysis/svg-chart.js';
import { type TargetProgress, targetProgressBuilder } from '../analysis/target-progress.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import { displayPath, EDITION_OPTIONS, EDITION_USAGE, errorMessage, EXIT_OK, EXIT_USAGE, formatIssue, loadEdition, printIssues, stripBom, usageError } from './common.js';
import type { CliCommand, CliIO } from './io.js';

const FORECAST_USAGE = `Usage: mentougou-srdi forecast <requests.jsonl | -> [--json] [--svg <chart.svg>] [options]

The budget forecast of a cohort: each request (one per line, JSON Lines) is assessed; entitlement and
payable are summed by measure, by year and by responsible unit (责任单位; unit totals overlap), with the
outcome counts of every measure, the invalid requests, and the clawback exposure (G5).

Options:
  --json                     the forecast as JSON
  --svg <file>               also write an SVG bar chart of payable by year, stacked by measure
${EDITION_USAGE}
  -h, --help                 this help

Exit codes: 0 done (invalid requests and lines that are not JSON are reported, not fatal);
2 wrong options, an unreadable input or edition, or a chart that cannot be written.
`;

const COMPARE_USAGE = `Usage: mentougou-srdi compare <requests.jsonl | -> --set <path=value> [--set …] [--json] [options]

What a changed draft would change: edition A (the built-in one, or --edition) against B = A with the
--set changes, per subject and in total. Only the subjects that change are listed, with the measure
lines that moved (amount, payable and outcome A → B).

Options:
  --set <path=value>         a change to the edition (repeatable; at least one), e.g.
                             --set m1.tiers.national-little-giant=1000000 --set m3.years=2
  --edition <edition.json>   edition A (default: the built-in mentougou-2022-draft)
  --id <id>                  the id of edition B (default: <A's id>-modified)
  --json                     the comparison as JSON
  -h, --help                 this help

Exit codes: 0 done; 2 wrong options or changes, or an unreadable input or edition.
`;

const TARGETS_USAGE = `Usage: mentougou-srdi targets <records.jsonl | -> [--as-of YYYY-MM-DD] [--json] [options]

Progress toward the district's targets (edition targets: national little giants, municipal little
giants, municipal SRDI SMEs): enterprises holding at least each level on the day, the gap, whether met.
Each line is a request ({ asOf, enterprise }) or a bare enterprise; institutions are left out.

Options:
  --as-of <YYYY-MM-DD>       the day to count on (default: the latest asOf in the file, said in the output)
  --json                     the progress as JSON
${EDITION_USAGE}
  -h, --help                 this help

Exit codes: 0 done; 2 wrong options, an unreadable input or edition, or no day to count on.
`;

const USAGE = { forecast: FORECAST_USAGE, compare: COMPARE_USAGE, targets: TARGETS_USAGE } as const;

type CommandName = keyof typeof USAGE;

/** A line of the input that is not JSON. */
interface BadLine {
  line: number;
  error: string;
}

/** What reading a JSONL file found. */
interface InputSummary {
  file: string;
  /** Non-blank lines read. */
  lines: number;
  badJsonLines: BadLine[];
}

/**
 * Streams a JSONL file: each parsed value goes to `onValue` with its position among the values and
 * its line number (every line counted from 1, blank ones included). Lines that are not JSON are
 * reported on stderr and collected.
 *
 * @returns the summary, or `null` when the file cannot be read (reported on stderr)
 */
async function readJsonl(io: CliIO, command: CommandName, file: string, onValue: (value: unknown, ref: RequestRef) => void): Promise<InputSummary | null> {
  const summary: InputSummary = { file: displayPath(file), lines: 0, badJsonLines: [] };
  const cannotRead = (e: unknown): null => {
    io.stderr(`${command}: cannot read ${displayPath(file)}: ${errorMessage(e)}\n`);
    return null;
  };
  let iterator: AsyncIterator<string>;
  try {
    iterator = io.readLines(file)[Symbol.asyncIterator]();
  } catch (e) {
    return cannotRead(e);
  }
  let lineNumber = 0;
  let index = 0;
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await iterator.next();
    } catch (e) {
      return cannotRead(e);
    }
    if (next.done) break;
    lineNumber += 1;
    const text = (lineNumber === 1 ? stripBom(next.value) : next.value).trim();
    if (text.length === 0) continue;
    summary.lines += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      summary.badJsonLines.push({ line: lineNumber, error: errorMessage(e) });
      io.stderr(`${command}: line ${lineNumber}: not valid JSON / 不是有效的 JSON (${errorMessage(e)}); skipped\n`);
      continue;
    }
    onValue(value, { index, line: lineNumber });
    index += 1;
  }
  return summary;
}

type Parsed = { ok: true; values: Record<string, unknown>; file: string } | { ok: false; code: number };

/** Parses the arguments of a command: its options and exactly one input file. */
function parseCommandArgs(io: CliIO, command: CommandName, args: string[], options: NonNullable<ParseArgsConfig['options']>): Parsed {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as { values: Record<string, unknown>; positionals: string[] };
  } catch (e) {
    return { ok: false, code: usageError(io, `${command}: ${errorMessage(e)}`, USAGE[command]) };
  }
  if (parsed.values.help === true) {
    io.stdout(USAGE[command]);
    return { ok: false, code: EXIT_OK };
  }
  if (parsed.positionals.length !== 1) {
    return { ok: false, code: usageError(io, `${command}: expected one input file, got ${parsed.positionals.length}`, USAGE[command]) };
  }
  return { ok: true, values: parsed.values, file: parsed.positionals[0]! };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

const yuan = (text: string | null): string => (text === null ? '—' : formatMoneyGrouped(new Money(text)));

/** The statements' terms (STATEMENT_TERMS) as the tables' bilingual headers: `应享金额 Entitlement`. */
const heading = (term: { zh: string; en: string }, suffix = ''): string => `${term.zh} ${term.en.charAt(0).toUpperCase()}${term.en.slice(1)}${suffix}`;
const ENTITLEMENT = heading(STATEMENT_TERMS.entitlement);
const PAYABLE_NOW = heading(STATEMENT_TERMS.payableNow);
/** The reference-only notice, the second line of every table's output. */
const NOTICE_LINE = `${STATEMENT_TERMS.notice.zh} / ${STATEMENT_TERMS.notice.en}\n`;
const RIGHT: Align = 'right';

function inputLine(input: InputSummary, requests: number, extra: string): string {
  return `输入 Input: ${input.file} — ${input.lines} 行 lines, JSON 错误 bad JSON ${input.badJsonLines.length}; 请求 requests ${requests}${extra}\n`;
}

function invalidSection(invalid: readonly InvalidRequest[]): string {
  if (invalid.length === 0) return '';
  const rows = invalid.map((r) => `  #${r.index}${r.line === undefined ? '' : ` (第 ${r.line} 行 line ${r.line})`}${r.id === null ? '' : ` ${r.id}`}:\n${r.issues.map((i) => `    ${formatIssue(i)}\n`).join('')}`);
  return `\n无效请求 Invalid requests (${invalid.length})\n${rows.join('')}`;
}

/** The forecast as text tables. */
export function renderForecast(f: Forecast, input: InputSummary): string {
  const out: string[] = [];
  out.push(`预算测算 Budget forecast — 版本 edition ${f.edition.id}\n`);
  out.push(NOTICE_LINE);
  for (const a of f.edition.assumptions) out.push(`假定 Assumption: ${a}\n`);
  out.push(
    inputLine(
      input,
      f.requests,
      ` (有效 assessed ${f.assessed}: 企业 enterprises ${f.subjects.enterprise}, 机构 institutions ${f.subjects.institution}; 无效 invalid ${f.invalid.length})`,
    ),
  );
  out.push(`合计 Totals: ${STATEMENT_TERMS.entitlement.zh} ${STATEMENT_TERMS.entitlement.en} ${yuan(f.totals.amount)} 元 yuan; ${STATEMENT_TERMS.payableNow.zh} ${STATEMENT_TERMS.payableNow.en} ${yuan(f.totals.payable)} 元 yuan\n`);

  out.push('\n按措施 By measure\n');
  out.push(
    renderTable(
      ['措施 Measure', ENTITLEMENT, PAYABLE_NOW, '符合 Eligible', '不符合 Ineligible', '待定 Undetermined'],
      f.byMeasure.map((m) => [m.measure, yuan(m.amount), yuan(m.payable), String(m.eligible), String(m.ineligible), String(m.undetermined)]),
      ['left', RIGHT, RIGHT, RIGHT, RIGHT, RIGHT],
    ),
  );

  const inYears = new Set(f.byYear.flatMap((y) => y.byMeasure.map((m) => m.measure)));
  const yearMeasures = MEASURE_IDS.filter((m) => inYears.has(m));
  out.push(`\n按年度 By year — 各措施列：${STATEMENT_TERMS.payableNow.zh} / measure columns: ${STATEMENT_TERMS.payableNow.en}\n`);
  out.push(
    renderTable(
      ['年度 Year', ENTITLEMENT, PAYABLE_NOW, ...yearMeasures],
      f.byYear.map((y) => [
        y.year === null ? '不明 unknown' : String(y.year),
        yuan(y.amount),
        yuan(y.payable),
        ...yearMeasures.map((m) => yuan(y.byMeasure.find((x) => x.measure === m)?.payable ?? '0')),
      ]),
      ['left', RIGHT, RIGHT, ...yearMeasures.map(() => RIGHT)],
    ),
  );
  out.push(`${f.notes[0]!.zh}\n${f.notes[0]!.en}\n`);

  out.push('\n按责任单位 By responsible unit\n');
  out.push(
    renderTable(
      ['责任单位 Unit', '措施 Measures', ENTITLEMENT, PAYABLE_NOW],
      f.byUnit.units.map((u) => [u.unit, u.measures.join(','), yuan(u.amount), yuan(u.payable)]),
      ['left', 'left', RIGHT, RIGHT],
    ),
  );
  out.push(`注 Note: ${f.byUnit.note.zh}\n${f.byUnit.note.en}\n`);

  const c = f.clawbackExposure;
  out.push(`\n追回风险 Clawback exposure: ${yuan(c.total)} 元 yuan (留存期内未追回的已兑现资金 disbursements inside their retention periods on asOf, not recovered; 涉及主体 subjects ${c.subjects})\n`);
  if (c.byPeriodEndYear.length > 0) {
    out.push(
      renderTable(
        ['期满年度 Period ends', '金额 Amount', '笔数 Disbursements'],
        c.byPeriodEndYear.map((y) => [String(y.year), yuan(y.amount), String(y.disbursements)]),
        ['left', RIGHT, RIGHT],
      ),
    );
  }
  out.push(`已违约应追回 Due for recovery (commitment breached): ${yuan(c.recoverable)} 元 yuan (主体 subjects ${c.breachedSubjects})\n`);
  out.push(invalidSection(f.invalid));
  return out.join('');
}

const arrow = (a: string | null, b: string | null): string => `${a ?? '—'} → ${b ?? '—'}`;
const money2 = (a: string | null, b: string | null): string => `${yuan(a)} → ${yuan(b)}`;
const signed = (delta: string): string => (delta.startsWith('-') ? `-${yuan(delta.slice(1))}` : `+${yuan(delta)}`);

/** The comparison as text tables. */
export function renderComparison(c: EditionComparison, input: InputSummary, sets: readonly string[]): string {
  const out: string[] = [];
  out.push(`版本比较 Edition comparison: A ${c.a.id} → B ${c.b.id}\n`);
  out.push(NOTICE_LINE);
  if (sets.length > 0) out.push(`变更 Changes: ${sets.join(', ')}\n`);
  out.push(inputLine(input, c.requests, ` (有效 assessed ${c.assessed}; 无效 invalid ${c.invalid.length}; 有变化的主体 changed subjects ${c.totals.changedSubjects})`));
  out.push('\n合计 Totals\n');
  out.push(
    renderTable(
      ['项目 Item', 'A', 'B', '差额 Delta'],
      [
        [ENTITLEMENT, yuan(c.totals.amount.a), yuan(c.totals.amount.b), signed(c.totals.amount.delta)],
        [PAYABLE_NOW, yuan(c.totals.payable.a), yuan(c.totals.payable.b), signed(c.totals.payable.delta)],
      ],
      ['left', RIGHT, RIGHT, RIGHT],
    ),
  );
  if (c.totals.byMeasure.length > 0) {
    out.push('\n按措施 By measure\n');
    out.push(
      renderTable(
        ['措施 Measure', `${STATEMENT_TERMS.entitlement.zh} A`, `${STATEMENT_TERMS.entitlement.zh} B`, '差额 Δ', `${STATEMENT_TERMS.payableNow.zh} A`, `${STATEMENT_TERMS.payableNow.zh} B`, '差额 Δ'],
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
        ['主体 Subject', `${ENTITLEMENT} A → B`, '差额 Δ', `${PAYABLE_NOW} A → B`, '差额 Δ'],
        c.changed.map((s) => [s.subject.id, money2(s.amount.a, s.amount.b), signed(s.amount.delta), money2(s.payable.a, s.payable.b), signed(s.payable.delta)]),
        ['left', RIGHT, RIGHT, RIGHT, RIGHT],
      ),
    );
    out.push('\n变动的措施明细 Lines that moved\n');
    out.push(
      renderTable(
        ['主体 Subject', '措施 Measure', '明细 Line', '结果 Outcome A → B', '金额 Amount A → B', `${PAYABLE_NOW} A → B`],
        c.changed.flatMap((s) => s.lines.map((l) => [s.subject.id, l.measure, l.lineId, arrow(l.outcome.a, l.outcome.b), money2(l.amount.a, l.amount.b), money2(l.payable.a, l.payable.b)])),
        ['left', 'left', 'left', 'left', RIGHT, RIGHT],
      ),
    );
  }
  out.push(invalidSection(c.invalid));
  return out.join('');
}

/** The target progress as a text table. */
export function renderTargets(t: TargetProgress, input: InputSummary, asOfNote: string | null): string {
  const out: string[] = [];
  out.push(`目标进展 Target progress on ${t.asOf} — 版本 edition ${t.edition.id}; 目标期限 targets by ${t.targetsBy}\n`);
  out.push(NOTICE_LINE);
  if (asOfNote) out.push(`${asOfNote}\n`);
  out.push(
    inputLine(
      input,
      t.records,
      ` (企业 enterprises ${t.enterprises}; 机构（不计） institutions, not counted ${t.institutions}; 无效 invalid ${t.invalid.length}; 重复 duplicate ids ${t.duplicates.length})`,
    ),
  );
  out.push('\n');
  out.push(
    renderTable(
      ['级别 Level', '目标 Target', '至少达到 Count (at least)', '差距 Gap', '达成 Met'],
      t.levels.map((l) => [`${l.name.zh} ${l.name.en}`, String(l.target), String(l.count), String(l.gap), l.met ? '是 yes' : '否 no']),
      ['left', RIGHT, RIGHT, RIGHT, 'left'],
    ),
  );
  out.push(`规则 Rule: ${t.rule.zh}\n${t.rule.en}\n`);
  if (t.duplicates.length > 0) out.push(`重复 Duplicates (counted once, latest asOf): ${t.duplicates.map((d) => `${d.id} #${d.indices.join(',#')}`).join('; ')}\n`);
  out.push(invalidSection(t.invalid));
  return out.join('');
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** `forecast <in.jsonl> [--json] [--svg chart.svg] [--edition file] [--set path=value …] [--id id]`. */
export const forecastCommand: CliCommand = async (args, io) => {
  const parsed = parseCommandArgs(io, 'forecast', args, { json: { type: 'boolean' }, svg: { type: 'string' }, ...EDITION_OPTIONS });
  if (!parsed.ok) return parsed.code;
  const loaded = await loadEdition(io, { edition: str(parsed.values.edition), set: strs(parsed.values.set), id: str(parsed.values.id) });
  if (!loaded.ok) return EXIT_USAGE;
  const builder = forecastBuilder({ edition: loaded.edition });
  const input = await readJsonl(io, 'forecast', parsed.file, (value, ref) => builder.add(value, ref));
  if (!input) return EXIT_USAGE;
  const result = builder.result();
  const svgPath = str(parsed.values.svg);
  if (svgPath !== undefined) {
    try {
      await io.writeText(svgPath, forecastChartSvg(result));
    } catch (e) {
      io.stderr(`forecast: cannot write ${svgPath}: ${errorMessage(e)}\n`);
      return EXIT_USAGE;
    }
  }
  if (parsed.values.json === true) io.stdout(json({ input, forecast: result }));
  else io.stdout(renderForecast(result, input) + (svgPath === undefined ? '' : `\n图表 Chart: ${svgPath}\n`));
  return EXIT_OK;
};

/** `compare <in.jsonl> --set path=value … [--json] [--edition file] [--id id]`: B = A with the changes. */
export const compareCommand: CliCommand = async (args, io) => {
  const parsed = parseCommandArgs(io, 'compare', args, { json: { type: 'boolean' }, ...EDITION_OPTIONS });
  if (!parsed.ok) return parsed.code;
  const sets = strs(parsed.values.set) ?? [];
  if (sets.length === 0) return usageError(io, 'compare: give at least one --set path=value', COMPARE_USAGE);
  const loaded = await loadEdition(io, { edition: str(parsed.values.edition) });
  if (!loaded.ok) return EXIT_USAGE;
  const a = loaded.edition;
  let b: PolicyEdition;
  try {
    b = deriveEdition(a, changesFromAssignments(sets), { id: str(parsed.values.id) ?? `${a.id}-modified` });
  } catch (e) {
    if (!(e instanceof EditionError)) throw e;
    printIssues(io, 'compare: invalid --set / 参数修改无效:', e.issues);
    return EXIT_USAGE;
  }
  const builder = comparisonBuilder(a, b);
  const input = await readJsonl(io, 'compare', parsed.file, (value, ref) => builder.add(value, ref));
  if (!input) return EXIT_USAGE;
  const result = builder.result();
  if (parsed.values.json === true) io.stdout(json({ input, changes: sets, comparison: result }));
  else io.stdout(renderComparison(result, input, sets));
  return EXIT_OK;
};

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

/** `targets <in.jsonl> [--as-of YYYY-MM-DD] [--json] [--edition file] [--set path=value …] [--id id]`. */
export const targetsCommand: CliCommand = async (args, io) => {
  const parsed = parseCommandArgs(io, 'targets', args, { json: { type: 'boolean' }, 'as-of': { type: 'string' }, ...EDITION_OPTIONS });
  if (!parsed.ok) return parsed.code;
  const given = str(parsed.values['as-of']);
  if (given !== undefined && parseCalendarDate(given) === null) return usageError(io, `targets: --as-of must be a real date YYYY-MM-DD, got ${given}`, TARGETS_USAGE);
  const loaded = await loadEdition(io, { edition: str(parsed.values.edition), set: strs(parsed.values.set), id: str(parsed.values.id) });
  if (!loaded.ok) return EXIT_USAGE;
  const edition = loaded.edition;
  let result: TargetProgress;
  let asOfNote: string | null = null;
  let input: InputSummary | null;
  if (given !== undefined) {
    // The day is known: stream the records straight into the count.
    const builder = targetProgressBuilder(given, edition);
    input = await readJsonl(io, 'targets', parsed.file, (value, ref) => builder.add(value, ref));
    if (!input) return EXIT_USAGE;
    result = builder.result();
  } else {
    // The day is the latest asOf in the file, known only at its end: the records are held until then.
    const records: { value: unknown; ref: RequestRef }[] = [];
    input = await readJsonl(io, 'targets', parsed.file, (value, ref) => records.push({ value, ref }));
    if (!input) return EXIT_USAGE;
    const asOf = latestAsOf(records.map((r) => r.value));
    if (asOf === null) return usageError(io, `targets: no --as-of given and no asOf in ${displayPath(parsed.file)}`, TARGETS_USAGE);
    asOfNote = `未指定 --as-of，采用文件中最晚的 asOf：${asOf}\nNo --as-of given: using the latest asOf in the file, ${asOf}`;
    const builder = targetProgressBuilder(asOf, edition);
    for (const { value, ref } of records) builder.add(value, ref);
    result = builder.result();
  }
  if (parsed.values.json === true) io.stdout(json({ input, asOfSource: given === undefined ? 'latest-in-file' : 'argument', targets: result }));
  else io.stdout(renderTargets(result, input, asOfNote));
  return EXIT_OK;
};
