import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analysis/forecast.js';
import { escapeXml, forecastChartSvg, niceStep, stackedBarChartSvg } from '../../src/analysis/svg-chart.js';
import { Money } from '../../src/core/money.js';
import { cohort } from './fixtures.js';
import { xmlProblems } from './xml.js';

const bars = (svg: string): string[] => svg.match(/<rect class="bar"[^>]*>/g) ?? [];

describe('stackedBarChartSvg', () => {
  const svg = stackedBarChartSvg({
    title: ['测试 <chart> & co', 'Test'],
    xLabel: '年度 Year',
    yLabel: '金额 Amount',
    series: [
      { key: 'A', label: 'Series A', color: '#111111' },
      { key: 'B', label: 'Series B', color: '#222222' },
      { key: 'C', label: 'Never shown', color: '#333333' },
    ],
    bars: [
      { label: '2022', values: { A: '100', B: '50' } },
      { label: '2023', values: { A: '0', B: '25.5' } },
      { label: '2024', values: {} },
    ],
  });

  it('is a well-formed SVG document (and the check does catch broken ones)', () => {
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a & b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg/><svg/>')).not.toEqual([]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(xmlProblems(svg)).toEqual([]);
  });

  it('draws one rect per non-zero segment', () => {
    // 2022: A 100, B 50 → 2; 2023: B 25.5 → 1; 2024: nothing.
    expect(bars(svg)).toHaveLength(3);
  });

  it('stacks: heights are proportional and segments sit on each other', () => {
    // Max bar 150 → nice step for 150/5 = 30 is 50, top 150 (3 steps). Plot height 300 px: 100 → 200 px, 50 → 100 px, 25.5 → 51 px.
    const heights = bars(svg).map((r) => Number(/height="([\d.]+)"/.exec(r)![1]));
    expect(heights).toEqual([200, 100, 51]);
    const ys = bars(svg).map((r) => Number(/ y="([\d.]+)"/.exec(r)![1]));
    // A's top is B's bottom: y(B) + height(B) = y(A).
    expect(ys[1]! + heights[1]!).toBe(ys[0]);
  });

  it('has axis labels and a legend of the series that appear', () => {
    expect(svg).toContain('年度 Year');
    expect(svg).toContain('金额 Amount');
    expect(svg).toContain('Series A');
    expect(svg).toContain('Series B');
    expect(svg).not.toContain('Never shown');
    expect(svg.match(/<rect class="legend-swatch"/g)).toHaveLength(2);
  });

  it('escapes text', () => {
    expect(svg).toContain('测试 &lt;chart&gt; &amp; co');
    expect(escapeXml(`a"b'c`)).toBe('a&quot;b&apos;c');
  });

  it('draws no bar and says so when there is nothing', () => {
    const empty = stackedBarChartSvg({ title: 'Empty', xLabel: 'x', yLabel: 'y', series: [], bars: [], emptyText: '无 none' });
    expect(bars(empty)).toHaveLength(0);
    expect(empty).toContain('无 none');
    expect(xmlProblems(empty)).toEqual([]);
  });
});

describe('niceStep', () => {
  it('picks 1, 2 or 5 × 10ⁿ', () => {
    // 351.96 / 5 = 70.39 → 100; 150 / 5 = 30 → 50; 62 / 5 = 12.4 → 20; 5 / 5 = 1 → 1; 0.3 / 5 = 0.06 → 0.1
    expect(niceStep(new Money('351.96')).toString()).toBe('100');
    expect(niceStep(new Money(150)).toString()).toBe('50');
    expect(niceStep(new Money(62)).toString()).toBe('20');
    expect(niceStep(new Money(5)).toString()).toBe('1');
    expect(niceStep(new Money('0.3')).toString()).toBe('0.1');
    expect(niceStep(new Money(0)).toString()).toBe('1');
  });
});

describe('forecastChartSvg', () => {
  it('draws payable by year stacked by measure for the cohort', () => {
    const svg = forecastChartSvg(forecast(cohort()));
    // Non-zero payable segments (forecast.test.ts): 2022 M1, M2, M5; 2023 M1, M3, M5; 2024 M1, M3, M7; 2025 M3 → 10.
    expect(bars(svg)).toHaveLength(10);
    expect(xmlProblems(svg)).toEqual([]);
    for (const year of ['2022', '2023', '2024', '2025']) expect(svg).toContain(`>${year}</text>`);
    // Value labels in 万元: 2024 payable 3,519,600 → 351.96
    expect(svg).toContain('>351.96</text>');
    expect(svg).toContain('M7 上市奖励 Listing reward');
  });
});
