/**
 * mentougou-srdi — the Mentougou District measures for SRDI (专精特新) SMEs as rules-as-code.
 *
 * The public API, and only that.
 */

// The main entry points.
export { assess, assessUnknown, safeAssess, safeAssessUnknown, type AssessOptions, type SafeAssessResult } from './assess.js';
export { checkClawback } from './check-clawback.js';
export { decide } from './decide.js';
export type { Decision, MeasureDecision } from './model/decision.js';
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
// build time; their generator is kept out of the entry so a browser bundle does not carry it. The zod schemas of
// the result and the edition are in `mentougou-srdi/schemas`.
export type { AssessmentResult, MeasureResultOutput, LineResultOutput, ClawbackResult, Question } from './model/result.js';
// DESIGN §7: the fact dictionary (who holds each fact, the question to ask).
export { FACTS, factFor, UNIT_NAMES, type FactEntry } from './policy/fact-dictionary.js';
export { BOARDS, BOARD_IDS, type BoardId, type BoardFacts } from './model/boards.js';

// Policy editions.
export type { PolicyEdition } from './policy/edition.js';
export { mentougou2022Draft } from './policy/mentougou-2022-draft.js';

// Building blocks a reviewer or another system may call directly.
export { retentionPeriodEnd, parseCalendarDate, formatCalendarDate } from './core/calendar.js';
export { parseMoney, formatMoney, roundToFen, type MoneyParseFailure } from './core/money.js';
export { isValidCreditCode, creditCodeCheckCharacter } from './core/credit-code.js';
export { allOf, anyOf, type Status, type Outcome } from './core/decision.js';
export { MEASURE_IDS, PROVISION_IDS, RULING_IDS, type MeasureId, type ProvisionId, type ClauseId, type RulingId } from './core/clauses.js';
export { ISSUE_MESSAGES, REASON_MESSAGES, WARNING_MESSAGES, STATEMENT_TERMS } from './core/messages.js';
// What a calculator does not need lives in subpath exports, so a browser bundle of this entry stays small:
//   mentougou-srdi/explain   explain (the statement)
//   mentougou-srdi/edition   deriveEdition, validateEdition, changesFromAssignments, EditionError, editionSchema, READINGS
//   mentougou-srdi/verify    verifyVectors, verifyVector, checkVector
//   mentougou-srdi/analysis  forecast, compareEditions, compareReadings, targetProgress, match, the SVG charts
//   mentougou-srdi/schemas   requestSchema, resultSchema, editionSchema (zod)
