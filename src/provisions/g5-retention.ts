/**
 * G5 retention commitment and clawback (八、第二款; rulings R12, R13).
 *
 * > 申请以上措施中资金支持的企业须自愿承诺自资金兑现之日起8年内工商注册和税务登记不迁离本区，
 * > 若违反承诺我区有权追回全部支持资金。
 *
 * R12: money is payable only with `retentionCommitmentSignedOn`; without it, payable 0 (reason
 * `commitment-required`).
 * R13: each disbursement opens a period of 8 years from its `paidOn`, counted by the Civil Code (arts.
 * 201–202: the start day is not counted; the period ends on the corresponding day 8 years later, or the
 * last day of that month where there is none). The commitment is breached on the first day D with
 * paidOn ≤ D ≤ period end on which the business or the tax registration is not in `mentougou`. A kind
 * with no timeline cannot breach (the result warns that it is unknown). The clawback is the sum of the
 * disbursements whose period contains D; `freeToLeaveAfter` is the latest period end. Once breached,
 * no money measure is payable (reason `commitment-breached`). The items are listed in payment order.
 *
 * Readings (DESIGN §8): `commitmentImpliedByDisbursement` (R12 blocks only when there is neither a signed
 * commitment nor any disbursement); `breachNeedsCommitment` (no breach is searched without a commitment on
 * record); `periodIncludesPaidOn: false` (a period starts the day after payment); `unknownRegionBreaches`
 * (a kind with no entry yet counts as out of the district); `clawbackScope: 'all-disbursements'` (a breach
 * recovers every disbursement paid on or before it, ended periods included).
 */
import { type DayNumber, formatCalendarDate, periodEndByYears } from '../core/calendar.js';
import type { Reason } from '../core/measure-result.js';
import type { Bilingual } from '../core/trace.js';
import { message, REASON_MESSAGES, WARNING_MESSAGES } from '../core/messages.js';
import { formatMoney, formatMoneyGrouped, sumMoney } from '../core/money.js';
import { firstDayIn, regionOn, registrationTimeline, spansOutOfDistrict } from '../facts/facts.js';
import { REGISTRATION_KINDS, type Disbursement, type Enterprise, type Institution, type Registration, type RegistrationKind } from '../model/request.js';
import type { ClawbackResult } from '../model/result.js';
import { DEFAULT_READINGS, type Readings } from '../policy/readings.js';

/** A warning on the whole result. */
export interface Warning extends Bilingual {
  code: string;
}

/**
 * Reading `commitmentImpliedByDisbursement`: whether the subject's disbursements stand for the commitment
 * (any one, of any measure and day; never under DESIGN's reading).
 */
export function commitmentImplied(subject: Pick<Enterprise | Institution, 'disbursements'>, readings: Readings = DEFAULT_READINGS): boolean {
  return readings.commitmentImpliedByDisbursement && subject.disbursements.length > 0;
}

/**
 * R12: the reason that blocks money when no commitment is recorded, or `null`.
 *
 * @param implied whether the disbursements stand for the commitment (`commitmentImplied`)
 */
export function commitmentRequirement(retentionCommitmentSignedOn: DayNumber | undefined, retentionYears: number, implied = false): Reason | null {
  if (retentionCommitmentSignedOn !== undefined || implied) return null;
  return { code: 'commitment-required', clause: 'G5', ...message(REASON_MESSAGES['commitment-required'], { years: retentionYears }) };
}

/** Whether a kind's registration is out of the district on `day` (no entry yet: out only under `unknownRegionBreaches`). */
function isOut(registrations: readonly Registration[], kind: RegistrationKind, day: DayNumber, readings: Readings): boolean {
  const region = regionOn(registrations, kind, day);
  return region === undefined ? readings.unknownRegionBreaches : region !== 'mentougou';
}

/** What the clawback check finds, with its warnings. */
export interface ClawbackDecision {
  clawback: ClawbackResult;
  /** The breach day, when the commitment is breached. */
  breachedOn: DayNumber | null;
  warnings: Warning[];
}

const REGISTRATION_NAMES = { business: { zh: '工商注册', en: 'business' }, tax: { zh: '税务登记', en: 'tax' } } as const;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Disbursements oldest first; on one day by measure, year, introduced enterprise, then amount. */
function inPaymentOrder(a: Disbursement, b: Disbursement): number {
  return (
    a.paidOn - b.paidOn ||
    byText(a.measure, b.measure) ||
    (a.year ?? 0) - (b.year ?? 0) ||
    byText(a.enterpriseId ?? '', b.enterpriseId ?? '') ||
    a.amount.comparedTo(b.amount)
  );
}

/** How the clawback check reads the text (DESIGN §8), and the day it looks from. */
export interface ClawbackOptions {
  /** No breach after this day counts (default: none; every event of a valid request is on or before asOf). */
  asOf?: DayNumber;
  /** The edition's readings (default DESIGN's). */
  readings?: Readings;
  /** Whether the commitment is on record, signed or implied (default true: the payments imply it, R13). */
  committed?: boolean;
}

/**
 * R13 on validated facts: the retention periods of the disbursements and the first breach day.
 *
 * @param retentionYears the edition's G5 period (8)
 */
export function clawbackOf(disbursements: readonly Disbursement[], registrations: readonly Registration[], retentionYears: number, options: ClawbackOptions = {}): ClawbackDecision {
  const readings = options.readings ?? DEFAULT_READINGS;
  const asOf = options.asOf ?? Number.MAX_SAFE_INTEGER;
  // Reading periodIncludesPaidOn: false — the period starts the day after payment (its end is unchanged).
  const startOf = (d: Disbursement): DayNumber => (readings.periodIncludesPaidOn ? d.paidOn : d.paidOn + 1);
  // Items in the order of payment, so that the result does not depend on the order of the input.
  const periods = [...disbursements].sort(inPaymentOrder).map((d) => ({ d, start: startOf(d), end: periodEndByYears(d.paidOn, retentionYears) }));
  const warnings: Warning[] = [];
  if (periods.length > 0) {
    for (const kind of REGISTRATION_KINDS) {
      if (registrationTimeline(registrations, kind).length === 0) {
        warnings.push({ code: 'registration-timeline-unknown', ...message(WARNING_MESSAGES['registration-timeline-unknown'], { kind: REGISTRATION_NAMES[kind] }) });
      }
    }
  }
  let breachedOn: DayNumber | null = null;
  // The first day in start..end (and ≤ asOf) on which a kind's registration is out of the district: found
  // by a binary search over the kind's spans out, made once (not a walk of the timeline per payment).
  // Reading unknownRegionBreaches: the days before a kind's first entry are out too.
  const spans = {
    business: spansOutOfDistrict(registrations, 'business', readings.unknownRegionBreaches),
    tax: spansOutOfDistrict(registrations, 'tax', readings.unknownRegionBreaches),
  };
  // Reading breachNeedsCommitment: without a commitment on record, no breach is searched.
  const searched = !readings.breachNeedsCommitment || options.committed !== false;
  for (const { start, end } of searched ? periods : []) {
    for (const kind of REGISTRATION_KINDS) {
      const day = firstDayIn(spans[kind], start, Math.min(end, asOf));
      if (day !== null && (breachedOn === null || day < breachedOn)) breachedOn = day;
    }
  }
  const outOn = (kind: RegistrationKind): boolean => {
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent — outOn is only called once a breach day is known (see `registration` below)
    if (breachedOn === null) return false;
    return isOut(registrations, kind, breachedOn, readings);
  };
  // Reading clawbackScope: the periods that contain D (R13), or every disbursement paid on or before D.
  const recoverable = (start: DayNumber, d: Disbursement, end: DayNumber): boolean =>
    breachedOn !== null && (readings.clawbackScope === 'all-disbursements' ? d.paidOn <= breachedOn : start <= breachedOn && breachedOn <= end);
  const registration = breachedOn === null ? null : outOn('business') && outOn('tax') ? 'both' : outOn('business') ? 'business' : 'tax';
  const items = periods.map(({ d, start, end }) => {
    const item: ClawbackResult['items'][number] = {
      measure: d.measure,
      amount: formatMoney(d.amount),
      paidOn: formatCalendarDate(d.paidOn),
      periodEnd: formatCalendarDate(end),
      recovered: recoverable(start, d, end),
    };
    if (d.year !== undefined) item.year = d.year;
    if (d.enterpriseId !== undefined) item.enterpriseId = d.enterpriseId;
    return item;
  });
  const recovered = periods.filter((_, i) => items[i]!.recovered).map(({ d }) => d.amount);
  const latestEnd = periods.reduce<DayNumber | null>((latest, { end }) => (latest === null || end > latest ? end : latest), null);
  const amount = sumMoney(recovered);
  if (breachedOn !== null) warnings.push({ code: 'clawback-due', ...message(WARNING_MESSAGES['clawback-due'], { amount: formatMoneyGrouped(amount) }) });
  return {
    breachedOn,
    warnings,
    clawback: {
      breached: breachedOn !== null,
      breachedOn: breachedOn === null ? null : formatCalendarDate(breachedOn),
      registration,
      amount: formatMoney(amount),
      items,
      freeToLeaveAfter: latestEnd === null ? null : formatCalendarDate(latestEnd),
      retentionYears,
    },
  };
}

/** R13: the reason that blocks money once the commitment is breached, or `null`. */
export function breachExclusion(decision: ClawbackDecision): Reason | null {
  if (decision.breachedOn === null) return null;
  const registration = decision.clawback.registration === 'both' ? { zh: '工商注册和税务登记', en: 'business and tax' } : REGISTRATION_NAMES[decision.clawback.registration ?? 'tax'];
  return {
    code: 'commitment-breached',
    clause: 'G5',
    ...message(REASON_MESSAGES['commitment-breached'], { on: formatCalendarDate(decision.breachedOn), registration }),
  };
}
