/**
 * `mentougou-srdi forecast <requests.jsonl | -> [--json] [--svg chart.svg] [edition options]`: the
 * budget forecast of a cohort (src/analysis/forecast.ts) — entitlement and payable by measure, year and
 * responsible unit, the outcome counts, the invalid requests and the clawback exposure (G5) — as text
 * tables, or JSON with `--json`, and an SVG chart with `--svg`.
 */
import { MEASURE_IDS } from '../core/clauses.js';
import { Money } from '../core/money.js';
import type { PolicyEdition } from '../policy/edition.js';
import { type Forecast, forecastBuilder } from '../analysis/forecast.js';
import { forecastChartSvg } from '../analysis/svg-chart.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import { COMMON_USAGE, EXIT_OK, EXIT_USAGE, type Lang, parseCommand, pick, type Texts } from './args.js';
import { inputText, type InputSummary, invalidSection, json, moneyTerms, noticeLine, paragraph, readCohort, yuan } from './cohort-input.js';
import { EDITION_OPTIONS, EDITION_USAGE_TEXTS, errorMessage, loadEdition } from './common.js';
import type { CliCommand } from './io.js';
import { assumptionText } from './text.js';

/** The help of `forecast`. */
export const FORECAST_USAGE: Texts = {
  zh: `用法：mentougou-srdi forecast <requests.jsonl | -> [--json] [--svg <chart.svg>] [选项]

一批主体的预算测算：逐个评估请求（JSON Lines 每行一个，或一个 JSON 数组），按措施、年度和责任单位
（责任单位合计相互重叠）汇总应享金额和本次可兑现，并给出各措施的结果计数、无效请求和追回风险（G5）。

选项：
  --json                     以 JSON 输出测算结果
  --svg <file>               另写一张 SVG 柱状图：各年度可兑现金额，按措施堆叠
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

退出码：0 完成（无效请求和非 JSON 行会报告，但不致命）；2 选项错误、输入或版本文件无法读取、
输入中没有请求，或图表无法写入。
`,
  en: `Usage: mentougou-srdi forecast <requests.jsonl | -> [--json] [--svg <chart.svg>] [options]

The budget forecast of a cohort: each request (one per line, JSON Lines, or a JSON array) is
assessed; entitlement and payable now are summed by measure, by year and by responsible unit
(责任单位; unit totals overlap), with the outcome counts of every measure, the invalid requests,
and the clawback exposure (G5).

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

/** The forecast as text tables, in one language, within 100 columns. */
export function renderForecast(f: Forecast, input: InputSummary, edition: PolicyEdition, lang: Lang): string {
  const t = (zh: string, en: string): string => pick(lang, zh, en);
  const out: string[] = [];
  const money = (text: string | null): string => t(`${yuan(text)} 元`, `${yuan(text)} yuan`);
  const terms = moneyTerms(lang);
  out.push(t(`预算测算 — 版本 ${f.edition.id}\n`, `Budget forecast — edition ${f.edition.id}\n`));
  out.push(noticeLine(lang));
  for (const a of f.edition.assumptions) out.push(paragraph(t(`假定：${assumptionText(edition, a, 'zh')}`, `Assumption: ${a}`)));
  out.push(paragraph(inputText(input, lang)));
  out.push(
    paragraph(
      t(
        `请求 ${f.requests}：有效 ${f.assessed}（企业 ${f.subjects.enterprise}，机构 ${f.subjects.institution}），无效 ${f.invalid.length}`,
        `Requests ${f.requests}: ${f.assessed} assessed (${f.subjects.enterprise} enterprises, ${f.subjects.institution} institutions), ${f.invalid.length} invalid`,
      ),
    ),
  );
  out.push(t(`合计：${terms.entitlement} ${money(f.totals.amount)}；${terms.payableNow} ${money(f.totals.payable)}\n`, `Totals: ${terms.entitlement} ${money(f.totals.amount)}; ${terms.payableNow} ${money(f.totals.payable)}\n`));

  out.push(t('\n按措施\n', '\nBy measure\n'));
  out.push(
    renderTable(
      [t('措施', 'Measure'), terms.entitlementHeader, terms.payableNowHeader, t('符合', 'Eligible'), t('不符合', 'Ineligible'), t('待定', 'Undetermined')],
      f.byMeasure.map((m) => [m.measure, yuan(m.amount), yuan(m.payable), String(m.eligible), String(m.ineligible), String(m.undetermined)]),
      ['left', RIGHT, RIGHT, RIGHT, RIGHT, RIGHT],
    ),
  );

  const yearName = (year: number | null): string => (year === null ? t('不明', 'unknown') : String(year));
  out.push(t('\n按年度\n', '\nBy year\n'));
  out.push(
    renderTable(
      [t('年度', 'Year'), terms.entitlementHeader, terms.payableNowHeader],
      f.byYear.map((y) => [yearName(y.year), yuan(y.amount), yuan(y.payable)]),
      ['left', RIGHT, RIGHT],
    ),
  );
  // Year by measure, one row per pair that brings anything (a wide year × measure grid would not fit).
  const pairs = f.byYear.flatMap((y) =>
    MEASURE_IDS.flatMap((id) => {
      const m = y.byMeasure.find((x) => x.measure === id);
      return m === undefined || (new Money(m.amount).isZero() && new Money(m.payable).isZero()) ? [] : [[yearName(y.year), id, yuan(m.amount), yuan(m.payable)]];
    }),
  );
  if (pairs.length > 0) {
    out.push(t('\n按年度和措施\n', '\nBy year and measure\n'));
    out.push(renderTable([t('年度', 'Year'), t('措施', 'Measure'), terms.entitlementHeader, terms.payableNowHeader], pairs, ['left', 'left', RIGHT, RIGHT]));
  }
  for (const note of f.notes.filter((n) => n.zh !== f.byUnit.note.zh)) out.push(paragraph(note[lang]));

  out.push(t('\n按责任单位\n', '\nBy responsible unit\n'));
  out.push(
    renderTable(
      [t('责任单位', 'Unit'), t('措施', 'Measures'), terms.entitlementHeader, terms.payableNowHeader],
      f.byUnit.units.map((u) => [u.unit, u.measures.join(','), yuan(u.amount), yuan(u.payable)]),
      ['left', 'left', RIGHT, RIGHT],
    ),
  );
  out.push(paragraph(t(`注：${f.byUnit.note.zh}`, `Note: ${f.byUnit.note.en}`)));

  const c = f.clawbackExposure;
  out.push('\n');
  out.push(
    paragraph(
      t(
        `追回风险：${money(c.total)}（评估日仍在留存期内、尚未追回的已兑现资金；涉及主体 ${c.subjects}）`,
        `Clawback exposure: ${money(c.total)} (disbursements inside their retention periods on asOf, not recovered; ${c.subjects} subjects)`,
      ),
    ),
  );
  if (c.byPeriodEndYear.length > 0) {
    out.push(
      renderTable(
        lang === 'zh' ? ['期满年度', '金额', '笔数'] : ['Period ends', 'Amount', 'Disbursements'],
        c.byPeriodEndYear.map((y) => [String(y.year), yuan(y.amount), String(y.disbursements)]),
        ['left', RIGHT, RIGHT],
      ),
    );
  }
  out.push(t(`已违约应追回：${money(c.recoverable)}（主体 ${c.breachedSubjects}）\n`, `Due for recovery (commitment breached): ${money(c.recoverable)} (${c.breachedSubjects} subjects)\n`));
  out.push(invalidSection(f.invalid, lang));
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
  const { lang } = parsed;
  const loaded = await loadEdition(io, values, lang);
  if (!loaded.ok) return EXIT_USAGE;
  const builder = forecastBuilder({ edition: loaded.edition });
  const input = await readCohort(io, 'forecast', parsed.positionals[0]!, lang, (value, ref) => builder.add(value, ref));
  if (!input) return EXIT_USAGE;
  const result = builder.result();
  if (values.svg !== undefined) {
    try {
      await io.writeText(values.svg, forecastChartSvg(result));
    } catch (e) {
      io.stderr(pick(lang, `forecast：无法写入 ${values.svg}：${errorMessage(e)}\n`, `forecast: cannot write ${values.svg}: ${errorMessage(e)}\n`));
      return EXIT_USAGE;
    }
  }
  if (values.json === true) io.stdout(json({ input, forecast: result }));
  else io.stdout(renderForecast(result, input, loaded.edition, lang) + (values.svg === undefined ? '' : pick(lang, `\n图表：${values.svg}\n`, `\nChart: ${values.svg}\n`)));
  return EXIT_OK;
};
