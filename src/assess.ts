/**
 * `assess`: the combinator. Validate → derive facts → run the measures that fit the subject → apply
 * the general provisions (G1 applicability, G2 most favourable, G3 case by case, G4 integrity, G5
 * commitment and clawback) and the ledger → the result of docs/contract.md § The result.
 *
 * Money measures: `amount` is the entitlement under the measure alone (its eligible lines); `payable`
 * is what is left after G2–G5 and after what `disbursements` show was already paid, per line, never
 * below 0. Service measures (R8) have `amount` and `payable` null and are untouched by G3–G5.
 */
import type { MeasureId } from './core/clauses.js';
import { allOf, outcomeOf } from './core/decision.js';
import { type DayNumber, formatCalendarDate } from './core/calendar.js';
import { type MeasureLine, type MeasureResult, type Reason, withMeasureConditions } from './core/measure-result.js';
import type { Condition } from './core/trace.js';
import { message, REASON_MESSAGES, WARNING_MESSAGES } from './core/messages.js';
import { formatMoney, formatMoneyGrouped, type Money, nonNegative, sumMoney, ZERO } from './core/money.js';
import { PolicyInputError } from './errors.js';
import { deriveFacts, type EnterpriseFacts, type Facts, type InstitutionFacts } from './facts/facts.js';
import { designationReward } from './measures/m01-designation-reward.js';
import { moveInReward } from './measures/m02-move-in-reward.js';
import { rentSubsidy } from './measures/m03-rent-subsidy.js';
import { plotRatioSupport } from './measures/m04-plot-ratio.js';
import { institutionIntroductionReward } from './measures/m05-institution-reward.js';
import { financingSupport } from './measures/m06-financing.js';
import { listingReward } from './measures/m07-listing-reward.js';
import { fundraisingProjectServices } from './measures/m08-fundraising-services.js';
import { talentSupport } from './measures/m09-talent-support.js';
import { talentHukouPriority } from './measures/m10-talent-hukou.js';
import { servicePackage } from './measures/m11-service-package.js';
import { cultivationPool } from './measures/m12-cultivation-pool.js';
import { dualCommitmentPilot } from './measures/m13-dual-commitment-pilot.js';
import type { PolicyIssue } from './model/issues.js';
import { unreadable } from './model/limits.js';
import { parseRequest } from './model/parse.js';
import type { Enterprise, Institution, PolicyRequestInput } from './model/request.js';
import type { AssessmentResult, LineResultOutput, MeasureResultOutput } from './model/result.js';
import { EditionError, trustedEdition } from './policy/derive.js';
import { type EditionValues, editionValues, type PolicyEdition } from './policy/edition.js';
import { mentougou2022Draft } from './policy/mentougou-2022-draft.js';
import { amountUnderG1, applicabilityConditions } from './provisions/g1-applicability.js';
import { mostFavourable } from './provisions/g2-most-favourable.js';
import { caseByCaseExclusion } from './provisions/g3-case-by-case.js';
import { integrityExclusion } from './provisions/g4-integrity.js';
import { breachExclusion, clawbackOf, commitmentImplied, commitmentRequirement, type Warning } from './provisions/g5-retention.js';
import { ledgerOf } from './provisions/ledger.js';
import { type Bound, isOpenMoney, type MeasureBound, type MoneyEvaluation, moneyBounds } from './bounds.js';
import { questionsOf } from './questions.js';

/** Options of `assess`. */
export interface AssessOptions {
  /** The policy edition to apply; the built-in `mentougou-2022-draft` by default. */
  edition?: PolicyEdition;
}

/** The outcome of `safeAssess`. */
export type SafeAssessResult = { ok: true; value: AssessmentResult } | { ok: false; issues: PolicyIssue[] };

/** The measures of an enterprise (M1–M4, M6–M12), in the order of the text. */
const ENTERPRISE_MEASURES: readonly ((facts: EnterpriseFacts, edition: PolicyEdition) => MeasureResult)[] = [
  designationReward,
  moveInReward,
  rentSubsidy,
  plotRatioSupport,
  financingSupport,
  listingReward,
  fundraisingProjectServices,
  talentSupport,
  talentHukouPriority,
  servicePackage,
  cultivationPool,
];

/** The measures of a service institution (M5, M13). */
const INSTITUTION_MEASURES: readonly ((facts: InstitutionFacts, edition: PolicyEdition) => MeasureResult)[] = [institutionIntroductionReward, dualCommitmentPilot];

/**
 * The edition to use: the built-in one, or `options.edition` as `trustedEdition` gives it (an edition
 * from `deriveEdition` / `validateEdition` as it is; any other validated afresh on every call, so one
 * changed after an earlier call is checked again).
 */
function editionOf(options: AssessOptions | undefined): PolicyEdition {
  return trustedEdition(options?.edition ?? mentougou2022Draft);
}

/**
 * The edition of the options; whatever goes wrong reading or checking it is an `EditionError` (a getter
 * of `options` that throws included), so that nothing else escapes `safeAssess`.
 */
function editionFor(options: AssessOptions | undefined): PolicyEdition {
  try {
    return editionOf(options);
  } catch (error) {
    if (error instanceof EditionError) throw error;
    throw new EditionError([unreadable('options.edition')]);
  }
}

/** The money measures (docs/contract.md § A measure, `kind: "money"`) by their functions: a completion for the bounds runs only the open ones. */
const MONEY_MEASURES: ReadonlyMap<unknown, MeasureId> = new Map<unknown, MeasureId>([
  [designationReward, 'M1'],
  [moveInReward, 'M2'],
  [rentSubsidy, 'M3'],
  [listingReward, 'M7'],
  [institutionIntroductionReward, 'M5'],
]);

/**
 * The measures of the subject, in the order of the text.
 *
 * @param only run only these money measures (a completion for the bounds); every measure when absent
 */
function measuresOf(facts: Facts, edition: PolicyEdition, only?: ReadonlySet<MeasureId>): MeasureResult[] {
  const keep = <T>(measures: readonly T[]): readonly T[] => (only ? measures.filter((m) => only.has(MONEY_MEASURES.get(m) as MeasureId)) : measures);
  return facts.subject === 'enterprise' ? keep(ENTERPRISE_MEASURES).map((m) => m(facts, edition)) : keep(INSTITUTION_MEASURES).map((m) => m(facts, edition));
}

// Results share no mutable object with each other or with the library (DESIGN §6): what the measures
// build from shared pieces (a measure's title, a line's label) is copied here, one level deep, which is
// all these plain records have; the rest is made fresh per call (test/hardening/fresh-results.test.ts
// walks every object of results to prove it). The G1 conditions, the same objects in every measure's
// list, are copied too, and so are the reasons the blockers give every money measure, so that no two
// places of one result are one object either.
const conditionOut = (c: Condition): Condition => (c.clause === 'G1' ? { ...c, missing: [...c.missing] } : c) as Condition;

const reasonOut = (r: Reason): Reason => ({ ...r });

/** What blocks all money of the subject: G3, G4, G5 (commitment, breach), in that order. */
function moneyBlockers(subject: Enterprise | Institution, facts: Facts, values: EditionValues, breach: Reason | null): { reasons: Reason[]; integrity: ReturnType<typeof integrityExclusion> } {
  const integrity = integrityExclusion(subject, facts.asOf, values);
  const commitment = commitmentRequirement(subject.retentionCommitmentSignedOn, values.g5.retentionYears, commitmentImplied(subject, values.readings));
  const reasons = [caseByCaseExclusion(subject, facts.asOf, values), integrity.reason, commitment, breach].filter((r): r is Reason => r !== null);
  return { reasons, integrity };
}

/** What a line of a money measure is entitled to: its amount when it is eligible, else nothing (docs/contract.md § A measure). */
const entitlementOf = (line: MeasureLine): Money => (line.outcome === 'eligible' && line.amount !== null ? line.amount : ZERO);

/**
 * What a settling builds: `'result'`, everything `assess` returns, each object its own; `'decisions'`,
 * only what decisions and bounds read (outcomes, money, missing paths): no reasons, no warnings, and the
 * measures' labels, titles and conditions left as the measures built them, not copied (such outputs are
 * never returned as they are: `decide` takes its fields from them, the bounds their money).
 */
export type Detail = 'result' | 'decisions';

/** The edition and the day a money measure is paid under, and what the settling builds. */
interface PayContext {
  values: EditionValues;
  asOf: DayNumber;
  detail: Detail;
}

/**
 * Applies G2, the blockers and the ledger to one money measure.
 *
 * @param alone the measure as it decided before G1 (its entitlement under reading `g1InAmount: false`)
 */
function payMoneyMeasure(measure: MeasureResult, alone: MeasureResult, subject: Enterprise | Institution, blockers: readonly Reason[], warnings: Warning[], context: PayContext): MeasureResultOutput {
  const entitlements = new Map<string, Money>(measure.lines.map((l) => [l.id, entitlementOf(l)]));
  const ledger = ledgerOf(measure, subject.disbursements, entitlements, context.asOf, context.values);
  const paid = ledger.byLine;
  const favour = mostFavourable(measure, subject.otherBenefits, paid, context.values.readings);
  const blocked = blockers.length > 0;
  const payables: Money[] = [];
  const full = context.detail === 'result';
  const lines: LineResultOutput[] = measure.lines.map((line) => {
    const entitlement = entitlementOf(line);
    const paidHere = paid.get(line.id) ?? ZERO;
    const payable = blocked || favour.overtakenLines.has(line.id) ? ZERO : nonNegative(entitlement.minus(paidHere));
    payables.push(payable);
    return {
      id: line.id,
      label: full ? { ...line.label } : line.label,
      outcome: line.outcome,
      amount: formatMoney(line.amount ?? ZERO),
      payable: formatMoney(payable),
      // DESIGN §7: set once the bounds are known (assessFacts)
      amountUpTo: null,
      payableUpTo: null,
      paid: formatMoney(paidHere),
      conditions: full ? line.conditions.map(conditionOut) : line.conditions,
      details: line.details,
    };
  });
  const amount = formatMoney(amountUnderG1(measure, alone, context.values.readings) ?? ZERO);
  // what the ledger sets against the whole measure (m3PaidMatching 'total') comes off the lines' sum
  const payable = formatMoney(nonNegative(sumMoney(payables).minus(ledger.onTotal)));
  if (!full) return measureOutput(measure, { amount, payable, lines, reasons: [] }, 'decisions');
  const totalPaid = sumMoney([...paid.values()]).plus(ledger.onTotal);
  // The note states what was really paid under the measure: the ledger caps what it sets against the
  // M1/M2/M7 lines at their entitlement, so an overpayment would otherwise not show.
  const disbursed = ledger.disbursed;
  const reasons = [...measure.reasons, ...blockers];
  if (!blocked) {
    reasons.push(...favour.reasons);
    warnings.push(...favour.warnings);
    if (totalPaid.greaterThan(ZERO)) reasons.push({ code: 'already-paid', clause: measure.measure, ...message(REASON_MESSAGES['already-paid'], { paid: formatMoneyGrouped(disbursed) }) });
  }
  // the measure's entitlement is the sum of its eligible lines (settleMeasure's amount; R9 / g1InAmount)
  return measureOutput(measure, { amount, payable, lines, reasons: reasons.map(reasonOut) }, 'result');
}

/** A measure's result: its decision, with the money and lines the provisions settled (one literal, no spread). */
function measureOutput(measure: MeasureResult, money: Pick<MeasureResultOutput, 'amount' | 'payable' | 'lines' | 'reasons'>, detail: Detail): MeasureResultOutput {
  const full = detail === 'result';
  return {
    measure: measure.measure,
    clause: measure.clause,
    title: full ? { ...measure.title } : measure.title,
    kind: measure.kind,
    outcome: measure.outcome,
    missing: [...measure.missing],
    amount: money.amount,
    payable: money.payable,
    // DESIGN §7: set once the bounds are known (assessFacts); service measures keep null
    amountUpTo: null,
    payableUpTo: null,
    conditions: full ? measure.conditions.map(conditionOut) : measure.conditions,
    lines: money.lines,
    reasons: money.reasons,
    responsibleUnits: full ? [...measure.responsibleUnits] : (measure.responsibleUnits as string[]),
  };
}

function serviceMeasure(measure: MeasureResult, detail: Detail): MeasureResultOutput {
  // decisions read nothing of a service measure's lines
  if (detail === 'decisions') return measureOutput(measure, { amount: null, payable: null, lines: [], reasons: [] }, detail);
  return measureOutput(
    measure,
    {
      amount: null,
      payable: null,
      lines: measure.lines.map((line) => ({
        id: line.id,
        label: { ...line.label },
        outcome: line.outcome,
        amount: null,
        payable: null,
        amountUpTo: null,
        payableUpTo: null,
        paid: null,
        conditions: line.conditions.map(conditionOut),
        details: line.details,
      })),
      reasons: measure.reasons.map(reasonOut),
    },
    detail,
  );
}

/** G5 (R13) and the blockers of all money (G3, G4, G5) of a request. */
export interface Blocking {
  clawback: ReturnType<typeof clawbackOf>;
  integrity: ReturnType<typeof integrityExclusion>;
  blockers: Reason[];
}

/** The clawback (R13), then the blockers of all money (G3, G4, G5); warnings go to `warnings`. */
function blockingOf(facts: Facts, edition: PolicyEdition, warnings: Warning[]): Blocking {
  const values = editionValues(edition);
  const subject = facts.subject === 'enterprise' ? facts.enterprise : facts.institution;
  const committed = subject.retentionCommitmentSignedOn !== undefined || commitmentImplied(subject, values.readings);
  const clawback = clawbackOf(subject.disbursements, subject.registrations, values.g5.retentionYears, { asOf: facts.asOf, readings: values.readings, committed });
  warnings.push(...clawback.warnings);
  const { reasons: blockers, integrity } = moneyBlockers(subject, facts, values, breachExclusion(clawback));
  if (integrity.creditRecord.recorded) warnings.push({ code: 'credit-record', ...message(WARNING_MESSAGES['credit-record']) });
  return { clawback, integrity, blockers };
}

/**
 * G1 (R9) as conditions of every measure, the measures, and each money measure paid under the
 * blockers (G2 and the ledger). Warnings go to `warnings` in the order the result lists them.
 *
 * @param only run only these money measures (a completion for the bounds needs nothing else)
 */
function settle(facts: Facts, edition: PolicyEdition, blockers: readonly Reason[], warnings: Warning[], detail: Detail, only?: ReadonlySet<MeasureId>): { generalConditions: ReturnType<typeof applicabilityConditions>; measures: MeasureResultOutput[] } {
  const values = editionValues(edition);
  const subject = facts.subject === 'enterprise' ? facts.enterprise : facts.institution;
  const generalConditions = applicabilityConditions(facts, undefined, values.readings);
  const forM12 = applicabilityConditions(facts, 'M12', values.readings);
  const decided = measuresOf(facts, edition, only);
  const measures = decided.map((m) => withMeasureConditions(m, m.measure === 'M12' ? forM12 : generalConditions));
  const context: PayContext = { values, asOf: facts.asOf, detail };
  const outputs = measures.map((m, i) => (m.kind === 'money' ? payMoneyMeasure(m, decided[i]!, subject, blockers, warnings, context) : serviceMeasure(m, detail)));
  return { generalConditions, measures: outputs };
}

const formatBound = (bound: Bound): string | null => (bound === null ? null : formatMoney(bound));

const ZERO_TEXT = formatMoney(ZERO);

/**
 * Writes the bounds (DESIGN §7) into the money measures and their lines: an open measure's from
 * `bounds`; a measure nothing can change keeps its values (its eligible lines theirs, the others
 * "0.00"). Returns `totalPayableUpTo`: `totalPayable` plus what the open measures may add.
 */
function applyBounds(measures: MeasureResultOutput[], bounds: ReadonlyMap<string, MeasureBound>, totalPayable: Money): Bound {
  let total: Bound = totalPayable;
  for (const m of measures) {
    if (m.kind !== 'money') continue;
    const bound = bounds.get(m.measure);
    if (!bound) {
      m.amountUpTo = m.amount;
      m.payableUpTo = m.payable;
      for (const line of m.lines) {
        const eligible = line.outcome === 'eligible';
        line.amountUpTo = eligible ? line.amount : ZERO_TEXT;
        line.payableUpTo = eligible ? line.payable : ZERO_TEXT;
      }
      continue;
    }
    m.amountUpTo = formatBound(bound.amountUpTo);
    m.payableUpTo = formatBound(bound.payableUpTo);
    m.lines.forEach((line, i) => {
      const b = bound.lines[i]!;
      line.amountUpTo = formatBound(b.amountUpTo);
      line.payableUpTo = formatBound(b.payableUpTo);
    });
    // a money measure's payable is a money string
    total = total === null || bound.payableUpTo === null ? null : total.plus(bound.payableUpTo).minus(m.payable as string);
  }
  return total;
}

/** A request settled: its blocking (G3–G5), G1's conditions, the measures with their bounds written in, and the totals. */
export interface Settled {
  blocking: Blocking;
  generalConditions: ReturnType<typeof applicabilityConditions>;
  measures: MeasureResultOutput[];
  bounds: ReadonlyMap<MeasureId, MeasureBound>;
  totalPayable: Money;
  totalPayableUpTo: Bound;
}

/**
 * Settles a validated request: the blockers, the measures paid under them, the total, and the bounds
 * (DESIGN §7) over the completions of the missing facts, which are settled for their decisions only.
 * Warnings go to `warnings` in the order the result lists them (the clawback's and G4's before G2's).
 *
 * @param detail what the measures' outputs hold ({@link Detail}); the bounds are the same either way
 */
export function settleRequest(facts: Facts, edition: PolicyEdition, warnings: Warning[], detail: Detail): Settled {
  const values = editionValues(edition);
  const blocking = blockingOf(facts, edition, warnings);
  const { blockers } = blocking;
  const { generalConditions, measures } = settle(facts, edition, blockers, warnings, detail);
  const totalPayable = measures.reduce((sum, m) => (m.payable === null ? sum : sum.plus(m.payable)), ZERO);

  const open = new Set(measures.filter(isOpenMoney).map((m) => m.measure));
  const registrationsOf = (f: Facts) => (f.subject === 'enterprise' ? f.enterprise.registrations : f.institution.registrations);
  const evaluate = (completed: Facts): MoneyEvaluation => {
    // the blockers read the registrations, the ledger and G3/G4 facts: the same unless a completion gives the registrations
    const blocked = registrationsOf(completed) === registrationsOf(facts) ? blockers : blockingOf(completed, edition, []).blockers;
    return { measures: settle(completed, edition, blocked, [], 'decisions', open).measures, blocked: blocked.length > 0 };
  };
  const bounds = moneyBounds(facts, values, measures, evaluate);
  const totalPayableUpTo = applyBounds(measures, bounds, totalPayable);
  return { blocking, generalConditions, measures, bounds, totalPayable, totalPayableUpTo };
}

/** Assesses a validated request (the pure core of `assess`). */
function assessFacts(facts: Facts, edition: PolicyEdition): AssessmentResult {
  const subject = facts.subject === 'enterprise' ? facts.enterprise : facts.institution;
  const warnings: Warning[] = [];
  if (edition.window.effectiveFrom.assumed || edition.window.effectiveTo.assumed) {
    warnings.push({
      code: 'window-assumed',
      ...message(WARNING_MESSAGES['window-assumed'], { from: edition.window.effectiveFrom.value, to: edition.window.effectiveTo.value }),
    });
  }

  const settled = settleRequest(facts, edition, warnings, 'result');
  const { generalConditions, measures: measureOutputs, bounds } = settled;
  const { clawback, integrity } = settled.blocking;
  const applicabilityStatus = allOf(generalConditions.map((c) => c.status));
  const applicabilityReasons: Reason[] =
    applicabilityStatus === 'unmet'
      ? [
          {
            code: 'not-applicable',
            clause: 'G1',
            ...message(REASON_MESSAGES['not-applicable'], {
              detail: {
                zh: generalConditions.filter((c) => c.status === 'unmet').map((c) => c.zh).join('；'),
                en: generalConditions.filter((c) => c.status === 'unmet').map((c) => c.en).join('; '),
              },
            }),
          },
        ]
      : [];

  return {
    subject: { kind: facts.subject, id: subject.id },
    asOf: formatCalendarDate(facts.asOf),
    edition: { id: edition.id, assumptions: [...edition.assumptions] },
    applicability: { outcome: outcomeOf(applicabilityStatus), reasons: applicabilityReasons, conditions: generalConditions.map(conditionOut) },
    measures: measureOutputs,
    totalPayable: formatMoney(settled.totalPayable),
    totalPayableUpTo: formatBound(settled.totalPayableUpTo),
    // DESIGN §7: the questions, from the bounds
    questions: questionsOf(facts, measureOutputs, bounds),
    clawback: clawback.clawback,
    creditRecord: integrity.creditRecord,
    warnings: warnings.map((w) => ({ code: w.code, zh: w.zh, en: w.en })),
  };
}

/**
 * Validates a request, derives its facts and runs `run` on them, total as `safeAssessUnknown` is: an
 * invalid request is its issues, and anything thrown while validating or running is the issue
 * `unreadable` at the root.
 *
 * @throws EditionError only when `options.edition` is not a valid edition
 */
export function safelyRun<T>(request: unknown, options: AssessOptions | undefined, run: (facts: Facts, edition: PolicyEdition) => T): { ok: true; value: T } | { ok: false; issues: PolicyIssue[] } {
  const edition = editionFor(options);
  // Total (DESIGN §6): the limits are checked while the input is read into plain data, before
  // validation (parseRequest: a getter or a Proxy trap that throws, a revoked Proxy, an array of length
  // 2^32 − 1, any nesting); as the last guard, anything thrown while validating or assessing is the
  // issue `unreadable` at the root too.
  try {
    const parsed = parseRequest(request);
    if (!parsed.ok) return parsed;
    return { ok: true, value: run(deriveFacts(parsed.value), edition) };
  } catch {
    return { ok: false, issues: [unreadable('(request)')] };
  }
}

/**
 * Assesses one enterprise or institution under the measures, without throwing on bad input.
 *
 * The request is typed (`PolicyRequestInput`, the input type of the request's schema): a misspelt or
 * unknown field does not compile. It is still validated at run time, so a JavaScript caller is safe
 * too. For a value whose type is not known (parsed JSON, a form), use `safeAssessUnknown`.
 *
 * @param request `{ asOf, enterprise }` or `{ asOf, institution }` (docs/contract.md § The request)
 * @param options `edition`: any `PolicyEdition` (default `mentougou-2022-draft`)
 * @returns `{ ok: true, value }` with the result (docs/contract.md § The result), or `{ ok: false, issues }`
 *   for invalid input (nothing computed)
 * @throws EditionError only when `options.edition` is not a valid edition
 * @example
 * ```ts
 * import { safeAssess } from 'mentougou-srdi';
 *
 * const result = safeAssess({ asOf: '2024-12-31', enterprise: { id: 'E1', designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }] } });
 * if (result.ok) console.log(result.value.totalPayable);
 * else for (const issue of result.issues) console.log(issue.path.join('.'), issue.zh);
 * ```
 */
export function safeAssess(request: PolicyRequestInput, options?: AssessOptions): SafeAssessResult {
  return safeAssessUnknown(request, options);
}

/**
 * `safeAssess` for a value of unknown type: a JSON document read from a file or a request body, a form.
 * Validation decides what it is; whatever it is given, it returns (a value it cannot read is an issue
 * `unreadable` at the root).
 *
 * @param request anything
 * @param options as for `safeAssess`
 * @returns as `safeAssess`
 * @throws EditionError only when `options.edition` is not a valid edition
 * @example
 * ```ts
 * import { safeAssessUnknown } from 'mentougou-srdi';
 *
 * const body: unknown = JSON.parse('{"asOf":"2024-12-31","enterprise":{"id":"E1"}}');
 * const result = safeAssessUnknown(body);
 * console.log(result.ok ? result.value.measures.length : result.issues);
 * ```
 */
export function safeAssessUnknown(request: unknown, options?: AssessOptions): SafeAssessResult {
  return safelyRun(request, options, assessFacts);
}

/**
 * Assesses one enterprise or institution under the measures (docs/contract.md § The result).
 *
 * The request is typed as for `safeAssess`; `assessUnknown` takes a value of unknown type.
 *
 * @param request `{ asOf, enterprise }` or `{ asOf, institution }` (docs/contract.md § The request)
 * @param options `edition`: any `PolicyEdition` (default `mentougou-2022-draft`)
 * @returns the result
 * @throws PolicyInputError with every issue when the request is invalid (nothing is computed)
 * @throws EditionError when `options.edition` is not a valid edition
 * @example
 * ```ts
 * import { assess } from 'mentougou-srdi';
 *
 * const result = assess({
 *   asOf: '2024-12-31',
 *   enterprise: {
 *     id: 'E1',
 *     independentLegalPerson: true,
 *     registrations: [
 *       { kind: 'business', region: 'mentougou', from: '2015-01-01' },
 *       { kind: 'tax', region: 'mentougou', from: '2015-01-01' },
 *     ],
 *     designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }],
 *     retentionCommitmentSignedOn: '2023-06-01',
 *   },
 * });
 * console.log(result.measures.find((m) => m.measure === 'M1')?.payable); // 200000.00
 * ```
 */
export function assess(request: PolicyRequestInput, options?: AssessOptions): AssessmentResult {
  return assessUnknown(request, options);
}

/**
 * `assess` for a value of unknown type (parsed JSON, a form): validation decides what it is.
 *
 * @param request anything
 * @param options as for `assess`
 * @returns the result
 * @throws PolicyInputError with every issue when the request is invalid (nothing is computed)
 * @throws EditionError when `options.edition` is not a valid edition
 * @example
 * ```ts
 * import { assessUnknown, PolicyInputError } from 'mentougou-srdi';
 *
 * try {
 *   assessUnknown(JSON.parse('{"asOf":"2024-13-01","enterprise":{"id":"E1"}}'));
 * } catch (error) {
 *   if (error instanceof PolicyInputError) console.log(error.issues[0]?.path.join('.')); // asOf
 * }
 * ```
 */
export function assessUnknown(request: unknown, options?: AssessOptions): AssessmentResult {
  const result = safeAssessUnknown(request, options);
  if (!result.ok) throw new PolicyInputError(result.issues);
  return result.value;
}
