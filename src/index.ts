/**
 * mentougou-srdi — the Mentougou District measures for SRDI (专精特新) SMEs as rules-as-code.
 *
 * The public API, and only that.
 */

// The main entry points.
export { assess, assessUnknown, safeAssess, safeAssessUnknown, type AssessOptions, type SafeAssessResult } from './assess.js';
export { explain, type ExplainOptions } from './explain.js';
export { checkClawback } from './check-clawback.js';
export { PolicyInputError } from './errors.js';

// The contract.
export { parseRequest, type ParseRequestResult } from './model/parse.js';
export type { PolicyIssue } from './model/issues.js';
export {
  requestSchema,
  LEVELS,
  REGIONS,
  REGISTRATION_KINDS,
  type Level,
  type Region,
  type PolicyRequest,
  type PolicyRequestInput,
  type Enterprise,
  type Institution,
} from './model/request.js';
// The JSON Schemas ship as files (`mentougou-srdi/schema/request.json`, `…/result.json`), generated at
// build time; their generator is kept out of the entry so a browser bundle does not carry it.
export { resultSchema, type AssessmentResult, type MeasureResultOutput, type LineResultOutput, type ClawbackResult, type Question } from './model/result.js';
// DESIGN §7: the fact dictionary (who holds each fact, the question to ask).
export { FACTS, factFor, UNIT_NAMES, type FactEntry } from './policy/fact-dictionary.js';
export { BOARDS, BOARD_IDS, type BoardId, type BoardFacts } from './model/boards.js';

// Policy editions.
export { editionSchema, type PolicyEdition } from './policy/edition.js';
export { mentougou2022Draft } from './policy/mentougou-2022-draft.js';
export { deriveEdition, validateEdition, changesFromAssignments, EditionError, type EditionChanges } from './policy/derive.js';

// Building blocks a reviewer or another system may call directly.
export { retentionPeriodEnd, parseCalendarDate, formatCalendarDate } from './core/calendar.js';
export { parseMoney, formatMoney, roundToFen, type MoneyParseFailure } from './core/money.js';
export { isValidCreditCode, creditCodeCheckCharacter } from './core/credit-code.js';
export { allOf, anyOf, type Status, type Outcome } from './core/decision.js';
export { MEASURE_IDS, PROVISION_IDS, RULING_IDS, type MeasureId, type ProvisionId, type ClauseId, type RulingId } from './core/clauses.js';
export { ISSUE_MESSAGES, REASON_MESSAGES, WARNING_MESSAGES, STATEMENT_TERMS } from './core/messages.js';
export { verifyVectors, verifyVector, checkVector, type PolicyVector, type VectorExpectation, type VectorVerdict, type VectorReport, type VectorDifference, type VectorDifferenceCode } from './verify-vectors.js';

// District analysis of a cohort.
export { forecast, forecastBuilder, lineYear, type Forecast, type ForecastOptions, type ForecastBuilder, type ForecastMeasure, type ForecastYear, type ForecastUnit, type ClawbackExposure, type ExposureYear } from './analysis/forecast.js';
export { compareEditions, comparisonBuilder, type EditionComparison, type ComparisonBuilder, type SubjectChange, type MeasureChange, type LineChange, type MeasureTotals, type MoneyDelta, type Change } from './analysis/compare-editions.js';
export { targetProgress, targetProgressBuilder, type TargetProgress, type TargetProgressBuilder, type LevelProgress } from './analysis/target-progress.js';
export { forecastChartSvg, stackedBarChartSvg, type StackedBarChartSpec, type ChartSeries, type ChartBar } from './analysis/svg-chart.js';
export type { InvalidRequest, OutcomeCounts, MoneyPair, RequestRef } from './analysis/cohort.js';
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
} from './analysis/match.js';
