/**
 * A hand-written SVG bar chart (no chart library): payable amounts by year, each bar stacked by
 * measure, with axis labels, value labels and a legend. Builds a string; writing it is the CLI's job.
 *
 * Heights are computed from the amounts as Decimals (`Money`) and only the pixel coordinates are
 * printed as numbers (two decimals). Every non-zero segment is one `<rect class="bar">`; the legend's
 * swatches are `<rect class="legend-swatch">`. Pure: no I/O.
 */
import { MEASURE_IDS, type MeasureId } from '../core/clauses.js';
import { STATEMENT_TERMS } from '../core/messages.js';
import { formatMoneyGrouped, Money, ZERO } from '../core/money.js';
import type { Forecast } from './forecast.js';
import { displayWidth } from './text-table.js';

/** One series of a stacked chart (a measure). */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** One bar: its label on the x axis and each series' value (yuan, decimal strings). */
export interface ChartBar {
  label: string;
  values: Record<string, string>;
}

/** What the chart shows. */
export interface StackedBarChartSpec {
  /** The title, one line per entry (e.g. Chinese, then English). */
  title: string | readonly string[];
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  bars: ChartBar[];
  /** Divide the values by this for the y axis and the value labels (10000: 万元). Default 1. */
  unitDivisor?: number;
  /** Shown in the plot when there is nothing to draw. */
  emptyText?: string;
}

/** Short legend names of the money measures. */
export const MEASURE_LEGEND: Partial<Record<MeasureId, string>> = {
  M1: 'M1 称号奖励 Designation reward',
  M2: 'M2 入区奖励 Move-in reward',
  M3: 'M3 房租补贴 Rent subsidy',
  M5: 'M5 机构引进奖励 Institution reward',
  M7: 'M7 上市奖励 Listing reward',
};

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const MEASURE_COLORS: Partial<Record<MeasureId, string>> = { M1: '#4e79a7', M2: '#f28e2b', M3: '#59a14f', M5: '#e15759', M7: '#76b7b2' };

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** A pixel coordinate, printed with at most two decimals. */
const px = (value: Money | number): string => new Money(value).toDecimalPlaces(2).toString();

/** A “nice” tick step (1, 2 or 5 × 10ⁿ) so that about `ticks` steps cover `max`. */
export function niceStep(max: Money, ticks = 5): Money {
  if (!max.greaterThan(ZERO)) return new Money(1);
  const raw = max.div(ticks);
  const base = new Money(10).pow(raw.e);
  const f = raw.div(base);
  const m = f.lessThanOrEqualTo(1) ? 1 : f.lessThanOrEqualTo(2) ? 2 : f.lessThanOrEqualTo(5) ? 5 : 10;
  return base.times(m);
}

const FONT = "font-family=\"'Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif\"";

/**
 * A stacked bar chart as an SVG document (a string starting with `<svg`).
 *
 * @example
 * ```ts
 * import { stackedBarChartSvg } from 'mentougou-srdi/analysis';
 *
 * const svg = stackedBarChartSvg({
 *   title: ['应享金额', 'Entitlement'],
 *   xLabel: 'year',
 *   yLabel: '万元',
 *   unitDivisor: 10000,
 *   series: [{ key: 'M1', label: 'M1', color: '#4e79a7' }],
 *   bars: [{ label: '2024', values: { M1: '200000.00' } }],
 * });
 * console.log(svg.includes('2024')); // true
 * ```
 */
export function stackedBarChartSvg(spec: StackedBarChartSpec): string {
  const divisor = new Money(spec.unitDivisor ?? 1);
  const values = spec.bars.map((bar) => spec.series.map((s) => new Money(bar.values[s.key] ?? '0')));
  const totals = values.map((vs) => vs.reduce((a, b) => a.plus(b), ZERO));
  const max = totals.reduce((a, b) => (b.greaterThan(a) ? b : a), ZERO);
  const shown = spec.series.filter((_, i) => values.some((vs) => !vs[i]!.isZero()));

  const titleLines = typeof spec.title === 'string' ? [spec.title] : [...spec.title];
  const title = titleLines.join(' ');
  // Text widths are estimated from display cells (a CJK character is two): about 7 px a cell at 12 px, 8.5 at 15 px.
  const legendWidth = Math.max(0, ...shown.map((s) => displayWidth(s.label))) * 7;
  const left = 96;
  const right = 24 + 20 + legendWidth + 16;
  const top = 36 + titleLines.length * 20;
  const bottom = 64;
  const band = 84;
  const plotWidth = Math.max(320, spec.bars.length * band);
  const plotHeight = 300;
  const width = Math.ceil(Math.max(left + plotWidth + right, 40 + Math.max(...titleLines.map((t) => displayWidth(t))) * 8.5));
  const height = top + plotHeight + bottom;
  const barBand = spec.bars.length > 0 ? plotWidth / spec.bars.length : plotWidth;
  const barWidth = Math.min(56, barBand * 0.6);

  // The y axis in display units (e.g. 万元): a nice step and a top that is a whole number of steps.
  const step = niceStep(max.div(divisor));
  const stepsToTop = max.isZero() ? new Money(1) : max.div(divisor).div(step).ceil();
  const axisTop = step.times(stepsToTop).times(divisor);
  const yOf = (amount: Money): Money => new Money(top + plotHeight).minus(amount.div(axisTop).times(plotHeight));

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" ${FONT} font-size="12">`,
  );
  out.push(`<title>${escapeXml(title)}</title>`);
  out.push(`<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  titleLines.forEach((line, i) => {
    out.push(`<text class="chart-title" x="${px(width / 2)}" y="${26 + i * 20}" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(line)}</text>`);
  });

  // Grid lines and y tick labels.
  out.push('<g class="y-axis">');
  for (let i = 0; stepsToTop.greaterThanOrEqualTo(i); i += 1) {
    const tick = step.times(i);
    const y = yOf(tick.times(divisor));
    out.push(`<line x1="${left}" y1="${px(y)}" x2="${left + plotWidth}" y2="${px(y)}" stroke="${i === 0 ? '#333333' : '#dddddd'}" stroke-width="1"/>`);
    out.push(`<text x="${left - 8}" y="${px(y.plus(4))}" text-anchor="end">${escapeXml(tick.toString())}</text>`);
  }
  out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#333333" stroke-width="1"/>`);
  out.push(
    `<text class="axis-label" x="${px(left - 64)}" y="${px(top + plotHeight / 2)}" text-anchor="middle" transform="rotate(-90 ${px(left - 64)} ${px(top + plotHeight / 2)})">${escapeXml(spec.yLabel)}</text>`,
  );
  out.push('</g>');

  // Bars: one rect per non-zero segment, stacked from the axis up, with the bar's total above it.
  out.push('<g class="bars">');
  spec.bars.forEach((bar, b) => {
    const x = left + barBand * b + (barBand - barWidth) / 2;
    let cumulative = ZERO;
    spec.series.forEach((series, s) => {
      const value = values[b]![s]!;
      if (value.isZero()) return;
      const y0 = yOf(cumulative);
      cumulative = cumulative.plus(value);
      const y1 = yOf(cumulative);
      out.push(
        `<rect class="bar" data-series="${escapeXml(series.key)}" data-bar="${escapeXml(bar.label)}" x="${px(x)}" y="${px(y1)}" width="${px(barWidth)}" height="${px(y0.minus(y1))}" fill="${series.color}"><title>${escapeXml(`${bar.label} ${series.label}: ${formatMoneyGrouped(value)}`)}</title></rect>`,
      );
    });
    const total = totals[b]!;
    if (!total.isZero()) {
      out.push(`<text class="value-label" x="${px(x + barWidth / 2)}" y="${px(yOf(total).minus(6))}" text-anchor="middle" font-size="11">${escapeXml(total.div(divisor).toDecimalPlaces(2).toString())}</text>`);
    }
    out.push(`<text class="x-tick" x="${px(x + barWidth / 2)}" y="${top + plotHeight + 18}" text-anchor="middle">${escapeXml(bar.label)}</text>`);
  });
  out.push('</g>');
  out.push(`<text class="axis-label" x="${px(left + plotWidth / 2)}" y="${top + plotHeight + 46}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  if (max.isZero()) {
    out.push(`<text class="empty" x="${px(left + plotWidth / 2)}" y="${px(top + plotHeight / 2)}" text-anchor="middle" fill="#777777">${escapeXml(spec.emptyText ?? 'No data')}</text>`);
  }

  // Legend.
  out.push('<g class="legend">');
  shown.forEach((series, i) => {
    const y = top + 8 + i * 22;
    const x = left + plotWidth + 24;
    out.push(`<rect class="legend-swatch" x="${x}" y="${y}" width="14" height="14" fill="${series.color}"/>`);
    out.push(`<text x="${x + 20}" y="${y + 11}">${escapeXml(series.label)}</text>`);
  });
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

const payableNow = STATEMENT_TERMS.payableNow;
const capital = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The forecast's payable amounts by year, stacked by measure, as an SVG document, under the statements'
 * terms and their reference-only notice.
 * Years with nothing payable keep their place on the x axis with no bar; the unknown year is labelled.
 *
 * @example
 * ```ts
 * import { forecast, forecastChartSvg } from 'mentougou-srdi/analysis';
 *
 * const svg = forecastChartSvg(forecast([{ asOf: '2024-12-31', enterprise: { id: 'E1' } }]));
 * console.log(svg.startsWith('<svg')); // true
 * ```
 */
export function forecastChartSvg(forecast: Forecast): string {
  const present = new Set(forecast.byYear.flatMap((y) => y.byMeasure.map((m) => m.measure)));
  const measures = MEASURE_IDS.filter((m) => present.has(m));
  const series: ChartSeries[] = measures.map((m, i) => ({ key: m, label: MEASURE_LEGEND[m] ?? m, color: MEASURE_COLORS[m] ?? PALETTE[i % PALETTE.length]! }));
  const bars: ChartBar[] = forecast.byYear.map((y) => ({
    label: y.year === null ? '年份不明 unknown' : String(y.year),
    values: Object.fromEntries(y.byMeasure.map((m) => [m.measure, m.payable])),
  }));
  return stackedBarChartSvg({
    title: [
      `按年度${payableNow.zh}金额（按措施堆叠）`,
      `${capital(payableNow.en)} by year, stacked by measure — ${forecast.edition.id}`,
      `${STATEMENT_TERMS.notice.zh} / ${STATEMENT_TERMS.notice.en}`,
    ],
    xLabel: '年度 Year',
    yLabel: `${payableNow.zh}（万元） ${capital(payableNow.en)} (10,000 yuan)`,
    series,
    bars,
    unitDivisor: 10000,
    emptyText: `无${payableNow.zh}金额 Nothing ${payableNow.en}`,
  });
}
