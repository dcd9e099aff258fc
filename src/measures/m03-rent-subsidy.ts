/**
 * M3 降低企业办公空间成本 — rent subsidy for self-use office space (二、3).
 *
 * > 3、对新获得“专精特新”称号（含重新认定）的和新入区的，区级综合贡献达到80万元（含）及以上，且在本区
 * > 租赁自用办公用房的企业，经认定，从2023年度起按照不高于1元/天/平米标准给予自用办公用房租金补贴，
 * > 连续支持三年（每年认定），单个企业每年支持额度不超过30万元。已享受中关村门头沟园或其他房租补贴
 * > 政策支持的不重复享受。（区科信局、中关村门头沟园管委会）
 *
 * Ruling R4. Trigger (“新获得……称号（含重新认定）的和新入区的”): a designation obtained inside the window
 * (R1; renewals count), or a move of the business registration into `mentougou` from another region
 * inside the window on a day the enterprise holds a designation; T = the first trigger. Support years
 * (“从2023年度起……连续支持三年”): S … S + (m3.years − 1) with S = max(m3.firstYear, year of T), each also
 * ≤ m3.lastYear and ≤ the year of `asOf`. Each year is certified on its own (“每年认定”): business
 * registration in the district on 31 December of the year (or on `asOf`, if earlier); the contribution
 * of year + m3.contributionYearOffset ≥ m3.contributionThreshold, inclusive (“80万元（含）及以上”; absent:
 * unknown); a self-use lease in the district overlapping the year (“在本区租赁自用办公用房”). Year amount
 * = min(m3.yearCap, Σ areaSqm × days of the lease in the calendar year × min(m3.maxDailyRentPerSqm,
 * dailyRentPerSqm)), the days counted over the whole calendar year as the lease covers it (the year of
 * `asOf` too), the sum capped, then rounded to the fen once per year (R14, by `settleMeasure`).
 * “不重复享受” with the park's or another rent subsidy is G2 (R5), applied after this measure.
 *
 * Readings (DESIGN §8): `m3ClipToAsOf` (the days of every year end on `asOf` at the latest),
 * `m3RegisteredKinds` (`'business+tax'`: the year's registration test reads the tax timeline as well),
 * `roundPerLease` (each lease's part rounded to the fen before the sum and the cap), and, through the
 * trigger, `foundingCountsAsMoveIn` and `expiresOnInclusive` (src/facts/rent-years.ts).
 */
import { formatCalendarDate, lastDayOfYear, overlapDaysInYear } from '../core/calendar.js';
import { allVerdicts, known, met, unknown, unmet, type Verdict } from '../core/decision.js';
import { type MeasureInfo, type MeasureLineDraft, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { formatMoney, formatMoneyGrouped, type Money, minMoney, roundToFen, sumMoney } from '../core/money.js';
import { type Bilingual, checkCondition, type Condition, type ConditionSpec } from '../core/trace.js';
import { type EnterpriseFacts, regionOn, registrationTimeline } from '../facts/facts.js';
import { REGION_NAMES, REGISTRATIONS_PATH } from '../facts/moves.js';
import { findRentSubsidyTrigger, firstRentSupportYear, type RentSubsidyTrigger, rentSupportYears } from '../facts/rent-years.js';
import { derivedFrom, type EditionValues, editionValues, type PolicyEdition } from '../policy/edition.js';
import type { Readings } from '../policy/readings.js';
import { REGISTRATION_KINDS, type RegistrationKind } from '../model/request.js';

/** M3's clause, title and responsible units. */
export const M3_INFO: MeasureInfo = {
  measure: 'M3',
  clause: '二、3 降低企业办公空间成本',
  title: { zh: '自用办公用房租金补贴（连续支持，每年认定）', en: 'Rent subsidy for self-use office space (consecutive years, certified each year)' },
  kind: 'money',
  responsibleUnits: ['区科信局', '中关村门头沟园管委会'],
};

/** “新获得“专精特新”称号（含重新认定）的和新入区的”: a trigger inside the window (R4). */
const NEWLY_DESIGNATED_OR_MOVED_IN: ConditionSpec = {
  id: 'm3.newly-designated-or-moved-in',
  clause: 'M3',
  ruling: 'R4',
  zh: '新获得“专精特新”称号（含重新认定）或持有称号新入区（在措施有效期内）',
  en: 'newly designated (renewals included), or newly moved in while designated, inside the period of validity',
};

/** A yuan amount as the text writes it: `80万元`. */
const wan = (amount: Money): string => `${amount.div(10000).toString()}万元`;

/** “从2023年度起……连续支持三年”: a support year has been reached by `asOf`. */
function supportYearReached(values: EditionValues): ConditionSpec {
  return {
    id: 'm3.support-year-reached',
    clause: 'M3',
    ruling: 'R4',
    zh: `已到支持年度（从${values.m3.firstYear}年度起连续支持${values.m3.years}年，至迟${values.m3.lastYear}年度）`,
    en: `a support year has begun (from the ${values.m3.firstYear} year on, ${values.m3.years} consecutive years, ${values.m3.lastYear} at the latest)`,
  };
}

/** “在本区……的企业”, “每年认定”: the business registration is in the district at the end of the year (or on `asOf`). */
const REGISTERED_IN_DISTRICT: ConditionSpec = {
  id: 'm3.registered-in-district',
  clause: 'M3',
  ruling: 'R4',
  zh: '年末（或评估日）工商注册在本区',
  en: 'business registration in the district on 31 December of the year (or on asOf, if earlier)',
};

/** “区级综合贡献达到80万元（含）及以上”: the contribution of the year that counts reaches the threshold, inclusive. */
function contributionThreshold(values: EditionValues): ConditionSpec {
  return {
    id: 'm3.contribution-threshold',
    clause: 'M3',
    ruling: 'R4',
    zh: `区级综合贡献达到${wan(values.m3.contributionThreshold)}（含）及以上`,
    en: `district comprehensive contribution of at least ${formatMoneyGrouped(values.m3.contributionThreshold)} yuan (inclusive)`,
  };
}

/** “在本区租赁自用办公用房”: a self-use lease in the district overlaps the year. */
const SELF_USE_LEASE: ConditionSpec = {
  id: 'm3.self-use-lease-in-district',
  clause: 'M3',
  ruling: 'R4',
  zh: '在本区租赁自用办公用房（租期与该年度重叠）',
  en: 'rents self-use office space in the district during the year',
};

const CONTRIBUTIONS_PATH = 'enterprise.contributions';

/** Reading `m3RegisteredKinds: 'business+tax'`: both registrations in the district at the end of the year. */
const REGISTERED_IN_DISTRICT_BOTH: ConditionSpec = {
  id: 'm3.registered-in-district',
  clause: 'M3',
  ruling: 'R4',
  zh: '年末（或评估日）工商注册和税务登记均在本区',
  en: 'business and tax registrations in the district on 31 December of the year (or on asOf, if earlier)',
};

const KIND_NAMES: Record<RegistrationKind, Bilingual> = { business: { zh: '工商', en: 'business' }, tax: { zh: '税务', en: 'tax' } };

/** One kind's test on day `on`: no timeline is unknown; not yet registered, or another region, is unmet. */
function registeredKind(facts: EnterpriseFacts, kind: RegistrationKind, on: number): { verdict: Verdict; detail: Bilingual | null } {
  const registrations = facts.enterprise.registrations;
  if (registrationTimeline(registrations, kind).length === 0) return { verdict: unknown([REGISTRATIONS_PATH]), detail: null };
  const date = formatCalendarDate(on);
  const region = regionOn(registrations, kind, on);
  const detail: Bilingual = region
    ? { zh: `${date} 在${REGION_NAMES[region].zh}`, en: `${REGION_NAMES[region].en} on ${date}` }
    : { zh: `${date} 尚未登记`, en: `not yet registered on ${date}` };
  return { verdict: known(region === 'mentougou'), detail };
}

/**
 * The year's registration condition: the business registration (and, under `m3RegisteredKinds:
 * 'business+tax'`, the tax registration too) in `mentougou` on 31 December, or on `asOf` if earlier.
 */
function registeredCondition(facts: EnterpriseFacts, readings: Readings, year: number): Condition {
  const on = Math.min(lastDayOfYear(year), facts.asOf);
  if (readings.m3RegisteredKinds === 'business') {
    const { verdict, detail } = registeredKind(facts, 'business', on);
    return checkCondition(REGISTERED_IN_DISTRICT, verdict, detail ?? undefined);
  }
  const kinds = REGISTRATION_KINDS.map((kind) => ({ kind, ...registeredKind(facts, kind, on) }));
  const found = kinds.filter((k) => k.detail !== null);
  const detail: Bilingual | undefined = found.length
    ? {
        zh: found.map((k) => `${KIND_NAMES[k.kind].zh}：${k.detail!.zh}`).join('；'),
        en: found.map((k) => `${KIND_NAMES[k.kind].en}: ${k.detail!.en}`).join('; '),
      }
    : undefined;
  return checkCondition(REGISTERED_IN_DISTRICT_BOTH, allVerdicts(kinds.map((k) => k.verdict)), detail);
}

/** The edition's threshold and cap as a year's details state them. */
const yearFigures = (values: EditionValues): { contributionThreshold: string; yearCap: string } => ({
  contributionThreshold: formatMoney(values.m3.contributionThreshold),
  yearCap: formatMoney(values.m3.yearCap),
});

/** The year's contribution condition: the contribution of year + offset ≥ the threshold (absent: unknown). */
function contributionCondition(facts: EnterpriseFacts, values: EditionValues, year: number): { condition: Condition; amount: Money | null } {
  const contributionYear = year + values.m3.contributionYearOffset;
  const found = facts.enterprise.contributions.find((c) => c.year === contributionYear);
  const spec = derivedFrom(values, contributionThreshold);
  if (!found) {
    const detail = { zh: `${contributionYear} 年未提供`, en: `none given for ${contributionYear}` };
    return { condition: checkCondition(spec, unknown([CONTRIBUTIONS_PATH]), detail), amount: null };
  }
  const reached = found.amount.greaterThanOrEqualTo(values.m3.contributionThreshold);
  const detail = { zh: `${contributionYear} 年为 ${formatMoneyGrouped(found.amount)} 元`, en: `${formatMoneyGrouped(found.amount)} yuan in ${contributionYear}` };
  return { condition: checkCondition(spec, known(reached), detail), amount: found.amount };
}

type Lease = EnterpriseFacts['enterprise']['leases'][number];

/** A lease M3 counts, with the rate it is paid at (the rent, capped at m3.maxDailyRentPerSqm) and the figures the trace states for it every year. */
interface CountedLease {
  lease: Lease;
  rate: Money;
  figures: { areaSqm: string; dailyRentPerSqm: string; rateUsed: string };
}

/** The leases M3 counts (self-use, in the district), in id order, so the trace reads the same whatever order the request lists them in. */
const countedLeases = (facts: EnterpriseFacts, values: EditionValues): CountedLease[] =>
  facts.enterprise.leases
    .filter((lease) => lease.selfUse && lease.inDistrict)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((lease) => {
      const cappedRate = minMoney(values.m3.maxDailyRentPerSqm, lease.dailyRentPerSqm);
      return { lease, rate: cappedRate, figures: { areaSqm: lease.areaSqm.toString(), dailyRentPerSqm: lease.dailyRentPerSqm.toString(), rateUsed: cappedRate.toString() } };
    });

/**
 * One support year's line (R4): its three conditions, certified on their own, and the year's amount
 * min(cap, Σ area × days in the year × min(max rate, rent)), shown even when the line is not eligible.
 * The amount is the capped sum; it is rounded to the fen once, for the year, by `settleMeasure`.
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (rate, cap, threshold, contribution year offset)
 * @param year the support year
 * @param leases the leases counted ({@link countedLeases}), when the caller has them for every year
 */
export function rentSubsidyYear(facts: EnterpriseFacts, edition: PolicyEdition, year: number, leases = countedLeases(facts, editionValues(edition))): MeasureLineDraft {
  const values = editionValues(edition);
  const figures = derivedFrom(values, yearFigures);
  const contribution = contributionCondition(facts, values, year);
  const details: MeasureLineDraft['details'] = {
    year,
    registrationCheckedOn: formatCalendarDate(Math.min(lastDayOfYear(year), facts.asOf)),
    contributionYear: year + values.m3.contributionYearOffset,
    contribution: contribution.amount === null ? null : formatMoney(contribution.amount),
    contributionThreshold: figures.contributionThreshold,
  };

  const { readings } = values;
  const subtotals: Money[] = [];
  const counted: string[] = [];
  for (const { lease, rate, figures: leaseFigures } of leases) {
    // Reading m3ClipToAsOf: the count ends on asOf at the latest.
    const days = overlapDaysInYear(lease.start, readings.m3ClipToAsOf ? Math.min(lease.end, facts.asOf) : lease.end, year);
    if (days === 0) continue;
    const exact = lease.areaSqm.times(days).times(rate);
    // Reading roundPerLease: each lease's part to the fen (R14 by lease) before the sum and the cap.
    const subtotal = readings.roundPerLease ? roundToFen(exact) : exact;
    subtotals.push(subtotal);
    counted.push(lease.id);
    details[`lease[${lease.id}].days`] = days;
    details[`lease[${lease.id}].areaSqm`] = leaseFigures.areaSqm;
    details[`lease[${lease.id}].dailyRentPerSqm`] = leaseFigures.dailyRentPerSqm;
    details[`lease[${lease.id}].rateUsed`] = leaseFigures.rateUsed;
    details[`lease[${lease.id}].subtotal`] = subtotal.toString();
  }
  const uncapped = sumMoney(subtotals);
  const capped = minMoney(values.m3.yearCap, uncapped);
  details.leases = counted.join(',');
  details.uncapped = uncapped.toString();
  details.yearCap = figures.yearCap;
  details.capped = capped.toString();
  details.amount = formatMoney(capped);

  const leaseDetail: Bilingual = counted.length
    ? { zh: `计入租约 ${counted.join('、')}`, en: `leases counted: ${counted.join(', ')}` }
    : { zh: `${year} 年度无在本区的自用租约`, en: `no self-use lease in the district in ${year}` };
  return {
    id: String(year),
    label: { zh: `${year} 年度租金补贴`, en: `rent subsidy for ${year}` },
    conditions: [registeredCondition(facts, readings, year), contribution.condition, checkCondition(SELF_USE_LEASE, known(counted.length > 0), leaseDetail)],
    amount: capped,
    ledger: { year },
    details,
  };
}

const describeTrigger = (trigger: RentSubsidyTrigger): Bilingual => {
  const on = formatCalendarDate(trigger.on);
  if (trigger.kind === 'designation') {
    const renewal = trigger.designation.renewal === true;
    return { zh: `${on} 获得称号${renewal ? '（重新认定）' : ''}`, en: `designated on ${on}${renewal ? ' (renewal)' : ''}` };
  }
  if (trigger.kind === 'founding') return { zh: `${on} 在本区设立（新入区）`, en: `founded in the district on ${on} (newly in the district)` };
  const from = REGION_NAMES[trigger.move.from];
  return { zh: `${on} 由${from.zh}迁入本区（时持有称号）`, en: `moved in from ${from.en} on ${on}, while designated` };
};

/**
 * M3 rent subsidy (R4): one line per support year reached by `asOf`, each certified on its own; the
 * entitlement is the sum of the eligible years.
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (window, first and last year, years, rate, cap, threshold)
 */
export function rentSubsidy(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  const values = editionValues(edition);
  const finding = findRentSubsidyTrigger(facts, values);
  const yearsSpec = derivedFrom(values, supportYearReached);
  const conditions: Condition[] = [];
  let lines: MeasureLineDraft[] = [];
  if (finding.status === 'met') {
    const { trigger } = finding;
    const years = rentSupportYears(trigger.on, values, facts.asOf);
    const first = firstRentSupportYear(trigger.on, values);
    conditions.push(checkCondition(NEWLY_DESIGNATED_OR_MOVED_IN, met(), describeTrigger(trigger)));
    const yearsDetail: Bilingual = years.length
      ? { zh: `支持年度 ${years.join('、')}`, en: `support years ${years.join(', ')}` }
      : { zh: `首个支持年度 ${first} 尚未到来（评估日 ${formatCalendarDate(facts.asOf)}）`, en: `the first support year ${first} has not begun (asOf ${formatCalendarDate(facts.asOf)})` };
    conditions.push(checkCondition(yearsSpec, known(years.length > 0), yearsDetail));
    const leases = countedLeases(facts, values);
    lines = years.map((year) => rentSubsidyYear(facts, edition, year, leases));
  } else if (finding.status === 'unknown') {
    conditions.push(checkCondition(NEWLY_DESIGNATED_OR_MOVED_IN, unknown(finding.missing)));
    conditions.push(checkCondition(yearsSpec, unknown(finding.missing)));
  } else {
    const none: Bilingual = { zh: '有效期内无新获得称号或持有称号入区', en: 'no designation or move in while designated inside the period of validity' };
    conditions.push(checkCondition(NEWLY_DESIGNATED_OR_MOVED_IN, unmet(), none));
    conditions.push(checkCondition(yearsSpec, unmet(), { zh: '无起算事件', en: 'nothing starts the support years' }));
  }
  return settleMeasure({ ...M3_INFO, conditions, lines });
}
