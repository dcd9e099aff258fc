/**
 * The policy edition: every amount, rate, cap, threshold, date and count of the text, each with the
 * clause it comes from and the Chinese words that state it (as OpenFisca keeps parameters apart from
 * formulas). A measure never writes a number of the policy inline: it reads it here.
 *
 * An edition is plain JSON (strings for money and dates), validated by `editionSchema`; `editionValues`
 * gives the computing form (Decimal, day numbers), computed once per edition object.
 */
import * as z from 'zod/mini';
import { type DayNumber, parseCalendarDate } from '../core/calendar.js';
import { MEASURE_IDS, PROVISION_IDS } from '../core/clauses.js';
import { Money, parseMoney } from '../core/money.js';
import { BOARD_IDS, type BoardId } from '../model/boards.js';
import { LEVELS, type Level } from '../model/request.js';
import { type Readings, readingsSchema } from './readings.js';

/** A clause id, or the preamble (前言), which states the district targets. */
const clauseId = z.enum([...MEASURE_IDS, ...PROVISION_IDS, 'preamble']);

/** A money value in an edition: a non-negative decimal string or number of yuan. */
const moneyValue = z.union([z.string(), z.number()]).check(z.refine((v: string | number) => parseMoney(v).ok, { message: 'invalid-money' }));
/** A date value in an edition: `YYYY-MM-DD`, a real date. */
const dateValue = z.string().check(z.refine((v: string) => parseCalendarDate(v) !== null, { message: 'invalid-date' }));

/** A parameter: its value, its clause, and the words of the text it comes from. */
function parameter<T extends z.ZodMiniType>(value: T) {
  return z.strictObject({
    value,
    clause: clauseId,
    /** The Chinese words of the text that state the value (or that leave it blank). */
    zh: z.string(),
    /** An English gloss. */
    en: z.optional(z.string()),
    /** True where the text does not state the value and the edition assumes it. */
    assumed: z.optional(z.boolean()),
  });
}

const byLevel = <T extends z.ZodMiniType>(value: T) =>
  z.strictObject({ 'municipal-sme': parameter(value), 'municipal-little-giant': parameter(value), 'national-little-giant': parameter(value) });

const wholeNumber = z.number().check(z.int());

/** The schema of a policy edition. */
export const editionSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  /** The edition this one was derived from, if any. */
  derivedFrom: z.optional(z.string()),
  /** What the edition assumes where the text is silent or blank (shown on every result). */
  assumptions: z.array(z.string()),
  /** G6: the period of validity (R1). */
  window: z.strictObject({ effectiveFrom: parameter(dateValue), effectiveTo: parameter(dateValue) }),
  m1: z.strictObject({ tiers: byLevel(moneyValue) }),
  m2: z.strictObject({ amount: parameter(moneyValue), movedInOnOrAfter: parameter(dateValue) }),
  m3: z.strictObject({
    maxDailyRentPerSqm: parameter(moneyValue),
    yearCap: parameter(moneyValue),
    contributionThreshold: parameter(moneyValue),
    firstYear: parameter(wholeNumber),
    lastYear: parameter(wholeNumber),
    years: parameter(wholeNumber.check(z.gte(1))),
    contributionYearOffset: parameter(wholeNumber.check(z.gte(-5), z.lte(0))),
  }),
  m5: z.strictObject({ tiers: byLevel(moneyValue) }),
  m7: z.strictObject({
    districtFloors: z.strictObject(
      Object.fromEntries(BOARD_IDS.map((b) => [b, parameter(z.nullable(moneyValue))])) as Record<BoardId, ReturnType<typeof parameter<z.ZodMiniNullable<typeof moneyValue>>>>,
    ),
  }),
  m13: z.strictObject({ minResidentSrdi: parameter(wholeNumber.check(z.gte(0))) }),
  g5: z.strictObject({ retentionYears: parameter(wholeNumber.check(z.gte(1))) }),
  targets: z.strictObject({ by: parameter(dateValue), levels: byLevel(wholeNumber.check(z.gte(0))) }),
  /** DESIGN §8: one value per reading of an unclear passage (src/policy/readings.ts); DESIGN's by default. */
  readings: readingsSchema,
});

/** A policy edition (JSON form). */
export type PolicyEdition = z.infer<typeof editionSchema>;

/** The computing form of an edition: Decimals and day numbers. */
export interface EditionValues {
  effectiveFrom: DayNumber;
  effectiveTo: DayNumber;
  m1Tiers: Record<Level, Money>;
  m2Amount: Money;
  m2MovedInOnOrAfter: DayNumber;
  m3MaxDailyRentPerSqm: Money;
  m3YearCap: Money;
  m3ContributionThreshold: Money;
  m3FirstYear: number;
  m3LastYear: number;
  m3Years: number;
  m3ContributionYearOffset: number;
  m5Tiers: Record<Level, Money>;
  m7DistrictFloors: Record<BoardId, Money | null>;
  m13MinResidentSrdi: number;
  g5RetentionYears: number;
  targetsBy: DayNumber;
  targets: Record<Level, number>;
  /** The readings of the unclear passages (DESIGN §8), as the edition sets them. */
  readings: Readings;
}

const cache = new WeakMap<PolicyEdition, EditionValues>();

const day = (text: string): DayNumber => parseCalendarDate(text) as DayNumber;
const money = (value: string | number): Money => new Money(value);
const levels = <T, U>(tiers: Record<Level, { value: T }>, f: (v: T) => U): Record<Level, U> =>
  Object.fromEntries(LEVELS.map((l) => [l, f(tiers[l].value)])) as Record<Level, U>;

/**
 * The computing form of an edition, computed once per edition object. The edition must be valid
 * (the built-in one, or one from `deriveEdition` / `validateEdition`).
 */
export function editionValues(edition: PolicyEdition): EditionValues {
  const known = cache.get(edition);
  if (known) return known;
  const values: EditionValues = {
    effectiveFrom: day(edition.window.effectiveFrom.value),
    effectiveTo: day(edition.window.effectiveTo.value),
    m1Tiers: levels(edition.m1.tiers, money),
    m2Amount: money(edition.m2.amount.value),
    m2MovedInOnOrAfter: day(edition.m2.movedInOnOrAfter.value),
    m3MaxDailyRentPerSqm: money(edition.m3.maxDailyRentPerSqm.value),
    m3YearCap: money(edition.m3.yearCap.value),
    m3ContributionThreshold: money(edition.m3.contributionThreshold.value),
    m3FirstYear: edition.m3.firstYear.value,
    m3LastYear: edition.m3.lastYear.value,
    m3Years: edition.m3.years.value,
    m3ContributionYearOffset: edition.m3.contributionYearOffset.value,
    m5Tiers: levels(edition.m5.tiers, money),
    m7DistrictFloors: Object.fromEntries(
      BOARD_IDS.map((b) => {
        const v = edition.m7.districtFloors[b].value;
        return [b, v === null ? null : money(v)];
      }),
    ) as Record<BoardId, Money | null>,
    m13MinResidentSrdi: edition.m13.minResidentSrdi.value,
    g5RetentionYears: edition.g5.retentionYears.value,
    targetsBy: day(edition.targets.by.value),
    targets: levels(edition.targets.levels, (n: number) => n),
    readings: edition.readings,
  };
  cache.set(edition, values);
  return values;
}
