/**
 * The policy edition: every amount, rate, cap, threshold, date and count of the text, each with the
 * clause it comes from and the Chinese words that state it (as OpenFisca keeps parameters apart from
 * formulas). A measure never writes a number of the policy inline: it reads it here.
 *
 * Each parameter is declared once, in `PARAMETERS`: its place in the edition and its kind (the schema
 * of its JSON value, with its bounds, and its computing form). The edition schema, the edition's type,
 * the computing form's type `EditionValues` and `editionValues` are all built from that one table.
 *
 * An edition is plain JSON (strings for money and dates), validated as a whole by `editionSchema`
 * (each value, then the rules between values); `editionValues` gives the computing form (Decimal, day
 * numbers) of a validated, frozen edition, computed once per edition object.
 */
import * as z from 'zod/mini';
import { type DayNumber, parseCalendarDate } from '../core/calendar.js';
import { MEASURE_IDS, PROVISION_IDS } from '../core/clauses.js';
import { Money, parseMoney } from '../core/money.js';
import { type IssueCode } from '../core/messages.js';
import { BOARD_IDS, type BoardId } from '../model/boards.js';
import { issueParams } from '../model/primitives.js';
import { LEVELS, type Level } from '../model/request.js';
import { READING_NAMES, type ReadingName, type Readings, READINGS } from './readings.js';

/** A clause id, or the preamble (前言), which states the district targets. */
const clauseId = z.enum([...MEASURE_IDS, ...PROVISION_IDS, 'preamble']);

/** The largest amount an edition may state, in yuan (10^12: far beyond any district budget). */
export const MAX_EDITION_AMOUNT = '1000000000000';
/** The years an edition's dates and years may fall in. */
export const EDITION_YEARS = { first: 1900, last: 2200 } as const;
/** The G5 period an edition may state, in years. */
export const RETENTION_YEARS = { min: 1, max: 100 } as const;
/** The largest count an edition may state (resident enterprises, targets, support years). */
const MAX_COUNT = 1_000_000;

/** A kind of parameter: the schema of its JSON value (with its bounds) and its computing form. */
export interface ParameterKind<Raw, Value> {
  readonly schema: z.ZodMiniType<Raw>;
  compute(raw: Raw): Value;
}

const kind = <Raw, Value>(schema: z.ZodMiniType<Raw>, compute: (raw: Raw) => Value): ParameterKind<Raw, Value> => ({ schema, compute });

const issue = (ctx: z.core.$RefinementCtx, code: IssueCode, input: unknown, params: Record<string, string | number> = {}): void => {
  ctx.addIssue({ code: 'custom', message: code, params: issueParams(code, params), input });
};

/** A money value: a non-negative decimal string or number of yuan, at most 10^12. */
const moneyValue = z.union([z.string(), z.number()]).check(
  z.superRefine((v: string | number, ctx) => {
    const parsed = parseMoney(v);
    if (!parsed.ok) issue(ctx, 'invalid-money', v);
    else if (parsed.value.greaterThan(MAX_EDITION_AMOUNT)) issue(ctx, 'out-of-range', v, { minimum: 0, maximum: MAX_EDITION_AMOUNT });
  }),
);
/** A date value: `YYYY-MM-DD`, a real date, in the years 1900–2200. */
const dateValue = z.string().check(
  z.superRefine((v: string, ctx) => {
    const day = parseCalendarDate(v);
    if (day === null) issue(ctx, 'invalid-date', v);
    else {
      const year = Number(v.slice(0, 4));
      if (year < EDITION_YEARS.first || year > EDITION_YEARS.last) issue(ctx, 'out-of-range', v, { minimum: `${EDITION_YEARS.first}-01-01`, maximum: `${EDITION_YEARS.last}-12-31` });
    }
  }),
);
const wholeNumber = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

const money = kind(moneyValue, (v) => new Money(v));
const optionalMoney = kind(z.nullable(moneyValue), (v): Money | null => (v === null ? null : new Money(v)));
const date = kind(dateValue, (v) => parseCalendarDate(v) as DayNumber);
const year = kind(wholeNumber(EDITION_YEARS.first, EDITION_YEARS.last), (n) => n);
const count = (min: number) => kind(wholeNumber(min, MAX_COUNT), (n) => n);

/**
 * The readings (DESIGN §8), one switch per unclear passage: each takes one of its two values (DESIGN's
 * first), declared in src/policy/readings.ts with its clause, ruling, words and suggested wordings.
 */
const readingKinds = Object.fromEntries(READING_NAMES.map((name) => [name, kind(z.literal(READINGS[name].values), (v) => v)])) as unknown as {
  readonly [N in ReadingName]: ParameterKind<Readings[N], Readings[N]>;
};

const byLevel = <Raw, Value>(k: ParameterKind<Raw, Value>) => ({ 'municipal-sme': k, 'municipal-little-giant': k, 'national-little-giant': k }) as const satisfies Record<Level, ParameterKind<Raw, Value>>;
const byBoard = <Raw, Value>(k: ParameterKind<Raw, Value>) => Object.fromEntries(BOARD_IDS.map((b) => [b, k])) as Record<BoardId, ParameterKind<Raw, Value>>;

/**
 * Every parameter of an edition, once: its place (the edition's own path, e.g. `m3.yearCap`) and its
 * kind. The clause and the words of each value are the edition's (see the built-in edition).
 */
export const PARAMETERS = {
  /** G6: the period of validity (R1). */
  window: { effectiveFrom: date, effectiveTo: date },
  m1: { tiers: byLevel(money) },
  m2: { amount: money, movedInOnOrAfter: date },
  m3: {
    maxDailyRentPerSqm: money,
    yearCap: money,
    contributionThreshold: money,
    firstYear: year,
    lastYear: year,
    years: count(1),
    contributionYearOffset: kind(wholeNumber(-5, 0), (n) => n),
  },
  m5: { tiers: byLevel(money) },
  m7: { districtFloors: byBoard(optionalMoney) },
  m13: { minResidentSrdi: count(0) },
  g5: { retentionYears: kind(wholeNumber(RETENTION_YEARS.min, RETENTION_YEARS.max), (n) => n) },
  targets: { by: date, levels: byLevel(count(0)) },
  /** DESIGN §8: one value per reading of an unclear passage (`readings.g2Aggregate`). */
  readings: readingKinds,
} as const;

/** A group of parameters: parameters or further groups, by key. */
type ParameterGroup = { readonly [key: string]: ParameterKind<unknown, unknown> | ParameterGroup };

/** A parameter as an edition states it: its value, its clause, and the words of the text. */
export interface EditionParameter<Raw> {
  value: Raw;
  clause: z.infer<typeof clauseId>;
  /** The Chinese words of the text that state the value (or that leave it blank). */
  zh: string;
  /** An English gloss. */
  en?: string;
  /** True where the text does not state the value and the edition assumes it. */
  assumed?: boolean;
}

/** The JSON form of a group of parameters. */
type EditionGroup<T> = { [K in keyof T]: T[K] extends ParameterKind<infer Raw, unknown> ? EditionParameter<Raw> : EditionGroup<T[K]> };
/** The computing form of a group of parameters. */
type ValuesOf<T> = { readonly [K in keyof T]: T[K] extends ParameterKind<unknown, infer Value> ? Value : ValuesOf<T[K]> };

const editionHeader = {
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  /** The edition this one was derived from, if any. */
  derivedFrom: z.optional(z.string()),
  /** What the edition assumes where the text is silent or blank (shown on every result). */
  assumptions: z.array(z.string()),
};

/** A policy edition (JSON form): its id, title and assumptions, and every parameter of `PARAMETERS`. */
export type PolicyEdition = z.infer<z.ZodMiniObject<typeof editionHeader>> & EditionGroup<typeof PARAMETERS>;

/** The computing form of an edition: the edition's parameters, by the same paths, as Decimals, day numbers and numbers. */
export type EditionValues = ValuesOf<typeof PARAMETERS>;

const isParameterKind = (node: ParameterKind<unknown, unknown> | ParameterGroup): node is ParameterKind<unknown, unknown> => 'compute' in node && typeof node.compute === 'function';

/** The schema of one parameter: its value, its clause, and the words of the text it comes from. */
function parameterSchema(value: z.ZodMiniType) {
  return z.strictObject({ value, clause: clauseId, zh: z.string(), en: z.optional(z.string()), assumed: z.optional(z.boolean()) });
}

function groupSchema(group: ParameterGroup): z.ZodMiniType {
  return z.strictObject(Object.fromEntries(Object.entries(group).map(([key, node]) => [key, isParameterKind(node) ? parameterSchema(node.schema) : groupSchema(node)])));
}

const dayOf = (value: unknown): DayNumber | null => (typeof value === 'string' ? parseCalendarDate(value) : null);

/** The rules between parameters: a window that does not end before it starts; M3's years in order. */
function checkAcrossParameters(edition: PolicyEdition, ctx: z.core.$RefinementCtx): void {
  const from = dayOf(edition.window.effectiveFrom.value);
  const to = dayOf(edition.window.effectiveTo.value);
  if (from !== null && to !== null && from > to) {
    ctx.addIssue({
      code: 'custom',
      message: 'window-reversed',
      params: issueParams('window-reversed', { from: edition.window.effectiveFrom.value, to: edition.window.effectiveTo.value }),
      path: ['window', 'effectiveTo', 'value'],
      input: edition.window.effectiveTo.value,
    });
  }
  const first = edition.m3.firstYear.value;
  const last = edition.m3.lastYear.value;
  if (Number.isInteger(first) && Number.isInteger(last) && first > last) {
    ctx.addIssue({ code: 'custom', message: 'years-reversed', params: issueParams('years-reversed', { first, last }), path: ['m3', 'lastYear', 'value'], input: last });
  }
}

/**
 * The schema of a policy edition, built from `PARAMETERS`: every value with its bounds, then the rules
 * between values (run once every value is valid on its own).
 *
 * @example
 * ```ts
 * import { mentougou2022Draft } from 'mentougou-srdi';
 * import { editionSchema } from 'mentougou-srdi/edition';
 *
 * // `validateEdition` parses with it and returns a deep-frozen, trusted edition.
 * console.log(editionSchema.safeParse(mentougou2022Draft).success); // true
 * ```
 */
export const editionSchema = z
  .strictObject({ ...editionHeader, ...(groupSchema(PARAMETERS) as z.ZodMiniObject).shape })
  .check(z.superRefine((edition, ctx) => checkAcrossParameters(edition as PolicyEdition, ctx))) as unknown as z.ZodMiniType<PolicyEdition>;

function computeGroup(group: ParameterGroup, node: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.freeze(
    Object.fromEntries(
      Object.entries(group).map(([key, kindOrGroup]) => {
        const child = node[key] as Readonly<Record<string, unknown>>;
        return [key, isParameterKind(kindOrGroup) ? (kindOrGroup.compute as (raw: unknown) => unknown)(child.value) : computeGroup(kindOrGroup, child)];
      }),
    ),
  );
}

const cache = new WeakMap<PolicyEdition, EditionValues>();

/**
 * The computing form of an edition. The edition must be valid (the built-in one, or one from
 * `deriveEdition` / `validateEdition`, which are frozen); the form of a frozen edition is computed once.
 */
export function editionValues(edition: PolicyEdition): EditionValues {
  const known = cache.get(edition);
  if (known) return known;
  const values = computeGroup(PARAMETERS, edition as unknown as Readonly<Record<string, unknown>>) as unknown as EditionValues;
  // Only a frozen edition cannot change under its cached form.
  if (Object.isFrozen(edition)) cache.set(edition, values);
  return values;
}

/** Freezes a plain JSON value (objects and arrays) all the way down. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const derivations = new WeakMap<EditionValues, Map<(values: EditionValues) => unknown, unknown>>();

/**
 * What a rule derives from an edition's values alone (a condition whose text states a parameter, a
 * parameter formatted for the trace), computed once per computing form: the built-in edition's and
 * every frozen edition's form are cached (`editionValues`), so their derivations are too; an edition
 * that is not frozen gets a new form, and new derivations, on every call.
 *
 * `derive` must be a pure function of the values, kept at module level (it is the cache's key), and
 * what it returns must not be changed by its users (it is shared between calls).
 *
 * @example derivedFrom(values, contributionThreshold) // the M3 threshold condition, built once per edition
 */
export function derivedFrom<T>(values: EditionValues, derive: (values: EditionValues) => T): T {
  let known = derivations.get(values);
  if (!known) derivations.set(values, (known = new Map()));
  if (known.has(derive)) return known.get(derive) as T;
  const derived = derive(values);
  known.set(derive, derived);
  return derived;
}
