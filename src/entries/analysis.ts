/**
 * `mentougou-srdi/analysis` — district analysis of a cohort: forecasts, edition comparisons, target
 * progress and their SVG charts. Kept out of the main entry so a calculator does not ship it.
 */
export { forecast, forecastBuilder, lineYear, type Forecast, type ForecastOptions, type ForecastBuilder, type ForecastMeasure, type ForecastYear, type ForecastUnit, type ClawbackExposure, type ExposureYear } from '../analysis/forecast.js';
export { compareEditions, comparisonBuilder, type EditionComparison, type ComparisonBuilder, type SubjectChange, type MeasureChange, type LineChange, type MeasureTotals, type MoneyDelta, type Change } from '../analysis/compare-editions.js';
export { compareReadings, readingsComparisonBuilder, type ReadingsComparison, type ReadingChange, type ReadingSubject, type CompareReadingsOptions, type ReadingsComparisonBuilder } from '../analysis/compare-readings.js';
export { targetProgress, targetProgressBuilder, type TargetProgress, type TargetProgressBuilder, type LevelProgress } from '../analysis/target-progress.js';
export { forecastChartSvg, stackedBarChartSvg, type StackedBarChartSpec, type ChartSeries, type ChartBar } from '../analysis/svg-chart.js';
export type { InvalidRequest, OutcomeCounts, MoneyPair, RequestRef } from '../analysis/cohort.js';
export {
  match,
  matchBuilder,
  matchStatus,
  MATCH_STATUSES,
  type Match,
  type MatchBuilder,
  type MatchOptions,
  type MatchStatus,
  type MatchSubject,
  type MatchedSubject,
  type MatchSubjectRef,
  type InvalidSubject,
  type PayRow,
  type AskRow,
  type PayWorklist,
  type AskWorklist,
} from '../analysis/match.js';
