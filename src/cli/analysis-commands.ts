/**
 * The district-analysis commands of the CLI:
 *
 *   forecast <in.jsonl> [--json] [--svg chart.svg] [--edition file]
 *   compare  <in.jsonl> --set path=value … [--json] [--edition file]
 *   targets  <in.jsonl> [--as-of YYYY-MM-DD] [--json] [--edition file]
 *
 * Input is JSON Lines, read as a stream through `CliIO.readLines`: blank lines are skipped, a line that
 * is not JSON is reported on standard error and counted, never fatal. Output is an aligned table with
 * Chinese and English headers, or JSON with `--json`. Exit 0, or 2 for bad arguments, an unreadable
 * input or edition file, or an output file that cannot be written.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseCalendarDate } from '../core/calendar.js';
import { formatMoneyGrouped, Money } from '../core/money.js';
import type { PolicyIssue } from '../model/issues.js';
import { changesFromAssignments, deriveEdition, EditionError, validateEdition } from '../policy/derive.js';
import type { PolicyEdition } from '../policy/edition.js';
import { mentougou2022Draft } from '../policy/mentougou-2022-draft.js';
import type { InvalidRequest, RequestRef } from '../analysis/cohort.js';
import { comparisonBuilder, type EditionComparison } from '../analysis/compare-editions.js';
import { type Forecast, forecastBuilder } from '../analysis/forecast.js';
import { forecastChartSvg } from '../analysis/svg-chart.js';
import { type TargetProgress, targetProgressBuilder } from '../analysis/target-progress.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import type { CliCommand, CliIO } from './io.js';

const USAGE = {
  forecast: 'usage: mentougou-srdi forecast <in.jsonl> [--json] [--svg chart.svg] [--edition edition.json]\n',
  compare: 'usage: mentougou-srdi compare <in.jsonl> --set path=value [--set path=value …] [--json] [--edition edition.json]\n',
  targets: 'usage: mentougou-srdi targets <in.jsonl> [--as-of YYYY-MM-DD] [--json] [--edition edition.json]\n',
} as const;

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

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const issueText = (issue: PolicyIssue): string => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.zh} / ${issue.en}`;

/**
 * Streams a JSONL file: each parsed value goes to `onValue` with its position among the values and
 * its line number. Bad JSON lines are reported on stderr and collected.
 *
 * @returns the summary, or `null` when the file cannot be read (reported on stderr)
 */
async function readJsonl(io: CliIO, command: CommandName, file: string, onValue: (value: unknown, ref: RequestRef) => void): Promise<InputSummary | null> {
  const summary: InputSummary = { file, lines: 0, badJsonLines: [] };
  let iterator: AsyncIterator<string>;
  try {
    iterator = io.readLines(file)[Symbol.asyncIterator]();
  } catch (e) {
    io.stderr(`${command}: cannot read ${file}: ${errorText(e)}\n`);
    return null;
  }
  let lineNumber = 0;
  let index = 0;
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await iterator.next();
    } catch (e) {
      io.stderr(`${command}: cannot read ${file}: ${errorText(e)}\n`);
      return null;
    }
    if (next.done) break;
    lineNumber += 1;
    const text = (lineNumber === 1 ? next.value.replace(/^\uFEFF/, '') : next.value).trim();
    if (text.length === 0) continue;
    summary.lines += 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      summary.badJsonLines.push({ line: lineNumber, error: errorText(e) });
      io.stderr(`${command}: line ${lineNumber}: not valid JSON (${errorText(e)}); skipped\n`);
      continue;
    }
    onValue(value, { index, line: lineNumber });
    index += 1;
  }
  return summary;
}

/** Loads and validates an edition file; `null` (reported) when it cannot be read or is invalid. */
async function loadEdition(io: CliIO, command: CommandName, file: string | undefined): Promise<PolicyEdition | null> {
  if (file === undefined) return mentougou2022Draft;
  let text: string;
  try {
    text = await io.readText(file);
  } catch (e) {
    io.stderr(`${command}: cannot read edition ${file}: ${errorText(e)}\n`);
    return null;
  }
  try {
    return validateEdition(JSON.parse(text));
  } catch (e) {
    if (e instanceof EditionError) io.stderr(`${command}: invalid edition ${file}:\n${e.issues.map((i) => `  ${issueText(i)}\n`).join('')}`);
    else io.stderr(`${command}: edition ${file} is not valid JSON: ${errorText(e)}\n`);
    return null;
  }
}

type Parsed<T> = { ok: true; values: T; file: string } | { ok: false; code: number };

/** Parses the arguments of a command: its options and exactly one input file. */
function parseCommandArgs(io: CliIO, command: CommandName, args: string[], options: NonNullable<ParseArgsConfig['options']>): Parsed<Record<string, unknown>> {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as { values: Record<string, unknown>; positionals: string[] };
  } catch (e) {
    io.stderr(`${command}: ${errorText(e)}\n${USAGE[command]}`);
    return { ok: false, code: 2 };
  }
  if (parsed.values.help === true) {
    io.stdout(USAGE[command]);
    return { ok: false, code: 0 };
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`${command}: expected one input file, got ${parsed.positionals.length}\n${USAGE[command]}`);
    return { ok: false, code: 2 };
  }
  return { ok: true, values: parsed.values, file: parsed.positionals[0]! };
}

const yuan = (text: string | null): string => (text === null ? '—' : formatMoneyGrouped(new Money(text)));
const RIGHT: Align = 'right';

function inputLine(input: InputSummary, requests: number, extra: string): string {
  return `输入 Input: ${input.file} — ${input.lines} 行 lines, JSON 错误 bad JSON ${input.badJsonLines.length}; 请求 requests ${requests}${extra}\n`;
}

function invalidSection(invalid: readonly InvalidRequest[]): string {
  if (invalid.length === 0) return '';
  const rows = invalid.map((r) => `  #${r.index}${r.line === undefined ? '' : ` (第 ${r.line} 行 line ${r.line})`}${r.id === null ? '' : ` ${r.id}`}:\n${r.issues.map((i) => `    ${issueText(i)}\n`).join('')}`);
  return `\n无效请求 Invalid requests (${invalid.length})\n${rows.join('')}`;
}

/** The forecast as text tables. */
export function renderForecast(f: Forecast, input: InputSummary): string {
  const out: string[] = [];
  out.push(`预算测算 Budget forecast — 版本 edition ${f.edition.id}\n`);
  for (const a of f.edition.assumptions) out.push(`假定 Assumption: ${a}\n`);
  out.push(
    inputLine(
      input,
      f.requests,
      ` (有效 assessed ${f.assessed}: 企业 enterprises ${f.subjects.enterprise}, 机构 institutions ${f.subjects.institution}; 无效 invalid ${f.invalid.length})`,
    ),
  );
  out.push(`合计 Totals: 应享 entitlement ${yuan(f.totals.amount)} 元 yuan; 应付 payable ${yuan(f.totals.payable)} 元 yuan\n`);

  out.push('\n按措施 By measure\n');
  out.push(
    renderTable(
      ['措施 Measure', '应享金额 Entitlement', '应付金额 Payable', '符合 Eligible', '不符合 Ineligible', '待定 Undetermined'],
      f.byMeasure.map((m) => [m.measure, yuan(m.amount), yuan(m.payable), String(m.eligible), String(m.ineligible), String(m.undetermined)]),
      ['left', RIGHT, RIGHT, RIGHT, RIGHT, RIGHT],
    ),
  );

  const yearMeasures = [...new Set(f.byYear.flatMap((y) => y.byMeasure.map((m) => m.measure)))];
  out.push('\n按年度 By year\n');
  out.push(
    renderTable(
      ['年度 Year', '应享金额 Entitlement', '应付金额 Payable', ...yearMeasures.map((m) => `${m} 应付 payable`)],
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
      ['责任单位 Unit', '措施 Measures', '应享金额 Entitlement', '应付金额 Payable'],
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

/** The target progress as a text table. */
export function renderTargets(t: TargetProgress, input: InputSummary, asOfNote: string | null): string {
  const out: string[] = [];
  out.push(`目标进展 Target progress on ${t.asOf} — 版本 edition ${t.edition.id}; 目标期限 targets by ${t.targetsBy}\n`);
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

/** `forecast <in.jsonl> [--json] [--svg chart.svg] [--edition file]`. */
export const forecastCommand: CliCommand = async (args, io) => {
  const parsed = parseCommandArgs(io, 'forecast', args, { json: { type: 'boolean' }, svg: { type: 'string' }, edition: { type: 'string' } });
  if (!parsed.ok) return parsed.code;
  const edition = await loadEdition(io, 'forecast', parsed.values.edition as string | undefined);
  if (!edition) return 2;
  const builder = forecastBuilder({ edition });
  const input = await readJsonl(io, 'forecast', parsed.file, (value, ref) => builder.add(value, ref));
  if (!input) return 2;
  const result = builder.result();
  const svgPath = parsed.values.svg as string | undefined;
  if (svgPath !== undefined) {
    try {
      await io.writeText(svgPath, forecastChartSvg(result));
    } catch (e) {
      io.stderr(`forecast: cannot write ${svgPath}: ${errorText(e)}\n`);
      return 2;
    }
  }
  if (parsed.values.json === true) io.stdout(json({ input, forecast: result }));
  else io.stdout(renderForecast(result, input) + (svgPath === undefined ? '' : `\n图表 Chart: ${svgPath}\n`));
  return 0;
};

/** `compare <in.jsonl> --set path=value … [--json] [--edition file]`: B = A with the changes. */
export const compareCommand: CliCommand = async (args, io) => {
  const parsed = parseCommandArgs(io, 'compare', args, { json: { type: 'boolean' }, set: { type: 'string', multiple: true }, edition: { type: 'string' } });
  if (!parsed.ok) return parsed.code;
  const sets = (parsed.values.set as string[] | undefined) ?? [];
  if (sets.length === 0) {
    io.stderr(`compare: give at least one --set path=value\n${USAGE.compare}`);
    return 2;
  }
  const a = await loadEdition(io, 'compare', parsed.values.edition as string | undefined);
  if (!a) return 2;
  let b: PolicyEdition;
  try {
    b = deriveEdition(a, changesFromAssignments(sets), { id: `${a.id}+reform` });
  } catch (e) {
    if (e instanceof EditionError) io.stderr(`compare: invalid --set:\n${e.issues.map((i) => `  ${issueText(i)}\n`).join('')}`);
    else io.stderr(`compare: invalid --set: ${errorText(e)}\n`);
    return 2;
  }
  const builder = comparisonBuilder(a, b);
  const input = await readJsonl(io, 'compare', parsed.file, (value, ref) => builder.add(value, ref));
  if (!input) return 2;
  const result = builder.result();
  if (parsed.values.json === true) io.stdout(json({ input, changes: sets, comparison: result }));
  else io.stdout(renderComparison(result, input, sets));
  return 0;
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

/** `targets <in.jsonl> [--as-of YYYY-MM-DD] [--json] [--edition file]`. */
export const targetsCommand: CliCommand = async (args, io) => {
  const parsed = parseCommandArgs(io, 'targets', args, { json: { type: 'boolean' }, 'as-of': { type: 'string' }, edition: { type: 'string' } });
  if (!parsed.ok) return parsed.code;
  const given = parsed.values['as-of'] as string | undefined;
  if (given !== undefined && parseCalendarDate(given) === null) {
    io.stderr(`targets: --as-of must be a real date YYYY-MM-DD, got ${given}\n${USAGE.targets}`);
    return 2;
  }
  const edition = await loadEdition(io, 'targets', parsed.values.edition as string | undefined);
  if (!edition) return 2;
  // The day may come from the file (the latest asOf), so the records are held until the end.
  const records: unknown[] = [];
  const refs: RequestRef[] = [];
  const input = await readJsonl(io, 'targets', parsed.file, (value, ref) => {
    records.push(value);
    refs.push(ref);
  });
  if (!input) return 2;
  let asOf = given ?? null;
  let asOfNote: string | null = null;
  if (asOf === null) {
    asOf = latestAsOf(records);
    if (asOf === null) {
      io.stderr(`targets: no --as-of given and no asOf in ${parsed.file}\n${USAGE.targets}`);
      return 2;
    }
    asOfNote = `未指定 --as-of，采用文件中最晚的 asOf：${asOf}\nNo --as-of given: using the latest asOf in the file, ${asOf}`;
  }
  const builder = targetProgressBuilder(asOf, edition);
  records.forEach((record, i) => builder.add(record, refs[i]));
  const result = builder.result();
  if (parsed.values.json === true) io.stdout(json({ input, asOfSource: given === undefined ? 'latest-in-file' : 'argument', targets: result }));
  else io.stdout(renderTargets(result, input, asOfNote));
  return 0;
};
