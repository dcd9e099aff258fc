/**
 * `mentougou-srdi forecast <requests.jsonl | -> [--json] [--svg chart.svg] [edition options]`: the
 * budget forecast of a cohort (src/analysis/forecast.ts) — entitlement and payable by measure, year and
 * responsible unit, the outcome counts, the invalid requests and the clawback exposure (G5) — as text
 * tables, or JSON with `--json`, and an SVG chart with `--svg`.
 */
import { MEASURE_IDS } from '../core/clauses.js';
import { type Forecast, forecastBuilder } from '../analysis/forecast.js';
import { forecastChartSvg } from '../analysis/svg-chart.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import { COMMON_USAGE, EXIT_OK, EXIT_USAGE, parseCommand, type Texts } from './args.js';
import { inputLine, type InputSummary, invalidSection, json, readCohort, yuan } from './cohort-input.js';
import { EDITION_OPTIONS, EDITION_USAGE_TEXTS, errorMessage, loadEdition } from './common.js';
import type { CliCommand } from './io.js';

/** The help of `forecast`. */
export const FORECAST_USAGE: Texts = {
  zh: `用法：mentougou-srdi forecast <requests.jsonl | -> [--json] [--svg <chart.svg>] [选项]

一批主体的预算测算：逐个评估请求（JSON Lines 每行一个，或一个 JSON 数组），按措施、年度和责任单位
（责任单位合计相互重叠）汇总应享金额和可兑现金额，并给出各措施的结果计数、无效请求和追回风险（G5）。

选项：
  --json                     以 JSON 输出测算结果
  --svg <file>               另写一张 SVG 柱状图：各年度可兑现金额，按措施堆叠
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

退出码：0 完成（无效请求和非 JSON 行会报告，但不致命）；2 选项错误、输入或版本文件无法读取、
输入中没有请求，或图表无法写入。
`,
  en: `Usage: mentougou-srdi forecast <requests.jsonl | -> [--json] [--svg <chart.svg>] [options]

The budget forecast of a cohort: each request (one per line, JSON Lines, or a JSON array) is assessed;
entitlement and payable are summed by measure, by year and by responsible unit (责任单位; unit totals
overlap), with the outcome counts of every measure, the invalid requests, and the clawback exposure (G5).

Options:
  --json                     the forecast as JSON
  --svg <file>               also write an SVG bar chart of payable by year, stacked by measure
${EDITION_USAGE_TEXTS.en}
${COMMON_USAGE.en}

Exit codes: 0 done (invalid requests and lines that are not JSON are reported, not fatal);
2 wrong options, an unreadable input or edition, no request in the input, or a chart that cannot be
written.
`,
};

const RIGHT: Align = 'right';

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

  const inYears = new Set(f.byYear.flatMap((y) => y.byMeasure.map((m) => m.measure)));
  const yearMeasures = MEASURE_IDS.filter((m) => inYears.has(m));
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

/** The `forecast` command. */
export const forecastCommand: CliCommand = async (args, io) => {
  const parsed = parseCommand(
    io,
    {
      name: 'forecast',
      usage: FORECAST_USAGE,
      options: { json: { type: 'boolean' }, svg: { type: 'string' }, ...EDITION_OPTIONS },
      positionals: { min: 1, max: 1, problem: { zh: '需要且只需要一个输入文件（- 表示标准输入）。', en: 'expected one input file (or - for standard input).' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values } = parsed;
  const loaded = await loadEdition(io, values);
  if (!loaded.ok) return EXIT_USAGE;
  const builder = forecastBuilder({ edition: loaded.edition });
  const input = await readCohort(io, 'forecast', parsed.positionals[0]!, (value, ref) => builder.add(value, ref));
  if (!input) return EXIT_USAGE;
  const result = builder.result();
  if (values.svg !== undefined) {
    try {
      await io.writeText(values.svg, forecastChartSvg(result));
    } catch (e) {
      io.stderr(`forecast: cannot write ${values.svg}: ${errorMessage(e)}\n`);
      return EXIT_USAGE;
    }
  }
  if (values.json === true) io.stdout(json({ input, forecast: result }));
  else io.stdout(renderForecast(result, input) + (values.svg === undefined ? '' : `\n图表 Chart: ${values.svg}\n`));
  return EXIT_OK;
};
