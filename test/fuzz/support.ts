/**
 * Fuzzing support: generators of requests (valid ones, and the hostile values a caller or an attacker
 * may send), and the checks every answer of `safeAssess` must pass (docs/verification.md, "Fuzzing").
 *
 * Every generator is driven by fast-check with a fixed seed in the test files, so a run is
 * reproducible; on a failure fast-check prints the seed and the path of the shrunk counterexample.
 */
import fc from 'fast-check';
import type { SafeAssessResult } from '../../src/assess.js';
import { dayNumberOf, formatCalendarDate } from '../../src/core/calendar.js';
import { creditCodeCheckCharacter } from '../../src/core/credit-code.js';
import { ISSUE_MESSAGES } from '../../src/core/messages.js';
import { BOARD_IDS, BOARDS } from '../../src/model/boards.js';
import { INTEGRITY_FINDING_KINDS, LEVELS, OVERLAPPABLE_MEASURES, PAID_MEASURES, REGIONS } from '../../src/model/request.js';

/** A JSON-like value (what a caller sends). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A request object as a caller writes it. */
export type RequestJson = { [key: string]: Json };

/** fast-check's JSON values (its type allows absent object members, which JSON never has). */
export const anyJson = (constraints: fc.JsonSharedConstraints = {}): fc.Arbitrary<Json> => fc.jsonValue(constraints) as fc.Arbitrary<Json>;

const day = (text: string): number => dayNumberOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
const date = formatCalendarDate;

const EARLIEST = day('2008-01-01');
/** asOf ranges over the years around the window 2022-01-01 – 2025-12-31, leap day 2024-02-29 included. */
const AS_OF_MIN = day('2020-01-01');
const AS_OF_MAX = day('2027-12-31');

/** A day from `min` to `max`, with the window's edges and New Year's days drawn often. */
function dayBetween(min: number, max: number): fc.Arbitrary<number> {
  const edges = ['2021-12-31', '2022-01-01', '2023-01-01', '2024-02-29', '2024-12-31', '2025-12-31', '2026-01-01'].map(day).filter((d) => d >= min && d <= max);
  const any = fc.integer({ min, max });
  return edges.length > 0 ? fc.oneof({ arbitrary: any, weight: 4 }, { arbitrary: fc.constantFrom(...edges), weight: 1 }) : any;
}

/** Money as callers write it: decimal strings (with or without a fraction) and JS numbers, 0 and -0 included. */
export const money: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom('0', '0.00', '800000', '799999.99', '800000.00', '300000', '0.005', '0.015', '1000000', '200000', '.5', '5.'),
  fc.integer({ min: 0, max: 2_000_000 }).map(String),
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.constantFrom(0, -0, 0.1, 0.005, 800000, 299999.995),
  fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.stringMatching(/^\d{0,6}$/)).map(([i, f]) => (f ? `${i}.${f}` : `${i}`)),
  // Twenty digits and more (up to the 24 allowed before the point).
  fc.constantFrom('99999999999999999999', '123456789012345678901234', '100000000000000000000000.99'),
);

/** A small decimal quantity (m², yuan per m² per day). */
const quantity: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom('0', '1', '0.5', '1.00', '2.5', '100', '1000', '0.333', 1, 0.8, 1.2),
  fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 20000 }).map(String),
);

/** Identifiers that never contain the words the output checks look for (NaN, Infinity, undefined). */
const ident = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,11}$/).filter((s) => !/NaN|Inf|undefined/.test(s));

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A unified social credit code with its right check character (GB 32100-2015). */
const creditCode = fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }).map((chars) => {
  const first = chars.join('');
  return first + creditCodeCheckCharacter(`${first}0`);
});

const region = fc.oneof({ arbitrary: fc.constant('mentougou' as const), weight: 3 }, { arbitrary: fc.constantFrom(...REGIONS), weight: 2 });

/** One kind's registration timeline: strictly increasing days up to asOf. */
function timeline(kind: 'business' | 'tax', asOf: number): fc.Arbitrary<Json[]> {
  return fc
    .uniqueArray(dayBetween(EARLIEST, asOf), { minLength: 1, maxLength: 4 })
    .chain((days) => fc.tuple(...days.sort((a, b) => a - b).map((d) => region.map((r) => ({ kind, region: r, from: date(d) })))));
}

function registrations(asOf: number): fc.Arbitrary<Json[]> {
  const both = timeline('business', asOf).map((business) => [...business, ...business.map((r) => ({ ...(r as RequestJson), kind: 'tax' }))]);
  const apart = fc.tuple(timeline('business', asOf), timeline('tax', asOf)).map(([b, t]) => [...b, ...t]);
  const oneKind = fc.oneof(timeline('business', asOf), timeline('tax', asOf));
  return fc.oneof({ arbitrary: both, weight: 4 }, { arbitrary: apart, weight: 2 }, { arbitrary: oneKind, weight: 1 });
}

const optionalBoolean = fc.boolean();

function designations(asOf: number): fc.Arbitrary<Json[]> {
  const designation = fc.record(
    {
      level: fc.constantFrom(...LEVELS),
      obtainedOn: dayBetween(EARLIEST, asOf).map(date),
      renewal: fc.boolean(),
      expiresOn: dayBetween(EARLIEST, AS_OF_MAX + 2000).map(date),
    },
    { requiredKeys: ['level', 'obtainedOn'] },
  );
  return fc.array(designation, { maxLength: 4 });
}

const contributions = fc
  .uniqueArray(fc.integer({ min: 2019, max: 2028 }), { maxLength: 6 })
  .chain((years) => fc.tuple(...years.map((year) => fc.oneof(fc.constant('800000'), money).map((amount) => ({ year, amount })))));

const leases = fc
  .uniqueArray(fc.constantFrom('L1', 'L2', 'L3', 'L4', 'office'), { maxLength: 3 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          areaSqm: quantity,
          span: fc.tuple(dayBetween(day('2018-01-01'), day('2030-12-31')), fc.integer({ min: 0, max: 2000 })),
          dailyRentPerSqm: quantity,
          selfUse: fc.boolean(),
          inDistrict: fc.boolean(),
        }).map(({ span: [start, length], ...lease }) => ({ ...lease, start: date(start), end: date(start + length) })),
      ),
    ),
  );

/** A listing on a board that existed on the listing day (R7), on or before asOf. */
function listing(asOf: number): fc.Arbitrary<Json> {
  return fc.constantFrom(...BOARD_IDS).chain((board): fc.Arbitrary<Json> => {
    const facts = BOARDS[board];
    const from = Math.max(EARLIEST, facts.from ? day(facts.from) : EARLIEST);
    const until = Math.min(asOf, facts.until ? day(facts.until) : asOf);
    // A board that closed before the window or opened after asOf: list on the STAR Market's first day instead.
    if (from > until) return fc.constant<Json>({ board: 'star', listedOn: '2019-07-22' });
    return fc.record(
      { board: fc.constant(board), listedOn: dayBetween(from, until).map(date), municipalStandardReward: money },
      { requiredKeys: ['board', 'listedOn'] },
    ) as fc.Arbitrary<Json>;
  });
}

function disbursements(asOf: number, subject: 'enterprise' | 'institution'): fc.Arbitrary<Json[]> {
  const measures = subject === 'institution' ? (['M5'] as const) : PAID_MEASURES;
  const one = fc
    .record({
      measure: fc.constantFrom(...measures),
      amount: money,
      paidOn: dayBetween(EARLIEST, asOf).map(date),
      year: fc.integer({ min: 2022, max: 2026 }),
      enterpriseId: fc.constantFrom('E1', 'E2', 'E3'),
      keepYear: fc.boolean(),
      keepEnterprise: fc.boolean(),
    })
    .map(({ keepYear, keepEnterprise, year, enterpriseId, ...d }) => ({
      ...d,
      ...(d.measure === 'M3' || keepYear ? { year } : {}),
      ...(d.measure === 'M5' || keepEnterprise ? { enterpriseId } : {}),
    }));
  return fc.array(one, { maxLength: 3 });
}

const otherBenefits = fc.array(
  fc
    .record({
      program: fc.constantFrom('zgc-mentougou-park-rent', 'municipal-srdi-reward', 'other'),
      overlapsMeasure: fc.constantFrom(...OVERLAPPABLE_MEASURES),
      amount: money,
      year: fc.integer({ min: 2022, max: 2026 }),
    })
    .map(({ year, ...b }) => (b.overlapsMeasure === 'M3' ? { ...b, year } : b)),
  { maxLength: 2 },
);

const rare = <T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<T[]> => fc.oneof({ arbitrary: fc.constant([] as T[]), weight: 4 }, { arbitrary: arb, weight: 1 });

/**
 * Two kinds of subject: an arbitrary one (any timeline, any facts: mostly outside the measures), and a
 * plausible applicant (registered in Mentougou on asOf, designated or certified, commitment signed,
 * contributions and leases that reach the thresholds), so that the rules' paying paths are fuzzed too.
 */
type Mode = 'arbitrary' | 'applicant';

const likely = fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.boolean(), weight: 1 });

/** An applicant's timeline, alike for both kinds: founded somewhere, perhaps moved in later; in Mentougou on asOf. */
function applicantRegistrations(asOf: number): fc.Arbitrary<Json[]> {
  return fc
    .tuple(dayBetween(EARLIEST, Math.min(asOf - 1, day('2021-12-31'))), fc.constantFrom('mentougou', 'mentougou', 'outside-beijing', 'beijing-other'))
    .chain(([founded, origin]) =>
      (origin === 'mentougou' ? fc.constant([{ region: 'mentougou', from: founded }]) : dayBetween(founded + 1, asOf).map((moved) => [{ region: origin, from: founded }, { region: 'mentougou', from: moved }])).map((entries) =>
        (['business', 'tax'] as const).flatMap((kind) => entries.map((e) => ({ kind, region: e.region, from: date(e.from) }))),
      ),
    );
}

function applicantDesignations(asOf: number): fc.Arbitrary<Json[]> {
  const designation = fc.record(
    {
      level: fc.constantFrom(...LEVELS),
      obtainedOn: dayBetween(Math.min(asOf, day('2021-06-01')), asOf).map(date),
      renewal: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
      expiresOn: dayBetween(asOf, asOf + 2000).map(date),
    },
    { requiredKeys: ['level', 'obtainedOn'] },
  );
  return fc.array(designation, { minLength: 1, maxLength: 3 });
}

const applicantContributions = fc
  .subarray([2021, 2022, 2023, 2024, 2025, 2026], { minLength: 1 })
  .chain((years) => fc.tuple(...years.map((year) => fc.oneof({ arbitrary: fc.constantFrom('800000', '1000000', 900000), weight: 3 }, { arbitrary: money, weight: 1 }).map((amount) => ({ year, amount })))));

const applicantLeases = fc.array(
  fc.record({
    areaSqm: fc.oneof(fc.constantFrom('100', '1000', 1200, '0.5'), quantity),
    span: fc.tuple(dayBetween(day('2020-01-01'), day('2024-12-31')), fc.integer({ min: 0, max: 2500 })),
    dailyRentPerSqm: fc.oneof(fc.constantFrom('1', '0.8', '2.5', 1.5), quantity),
    selfUse: likely,
    inDistrict: likely,
  }),
  { minLength: 1, maxLength: 2 },
).map((ls) => ls.map(({ span: [start, length], ...lease }, i) => ({ id: `L${i + 1}`, ...lease, start: date(start), end: date(start + length) })));

function common(asOf: number, subject: 'enterprise' | 'institution', mode: Mode) {
  const applicant = mode === 'applicant';
  return {
    id: ident,
    name: fc.string({ maxLength: 30 }),
    creditCode,
    independentLegalPerson: applicant ? likely : optionalBoolean,
    registrations: applicant ? applicantRegistrations(asOf) : registrations(asOf),
    caseByCaseSupport: rare(fc.array(fc.record({ kind: fc.constantFrom('one-enterprise-one-policy', 'one-matter-one-discussion'), from: dayBetween(EARLIEST, asOf).map(date) }), { maxLength: 2 })),
    integrityFindings: rare(fc.array(fc.record({ kind: fc.constantFrom(...INTEGRITY_FINDING_KINDS), on: dayBetween(EARLIEST, asOf).map(date) }), { maxLength: 2 })),
    retentionCommitmentSignedOn: dayBetween(EARLIEST, asOf).map(date),
    disbursements: applicant ? rare(disbursements(asOf, subject)) : disbursements(asOf, subject),
    otherBenefits: applicant ? rare(otherBenefits) : otherBenefits,
  };
}

const mode = fc.constantFrom<Mode>('applicant', 'applicant', 'applicant', 'arbitrary');
/** Keys an applicant's request always has (the commitment among them); an arbitrary one has only its id. */
const requiredKeysOf = (m: Mode, keys: string[]): string[] => (m === 'applicant' ? keys : ['id']);

/** A valid enterprise request: every rule of docs/contract.md § The request kept (events not after asOf, timelines in order, boards that existed). */
export const validEnterpriseRequest: fc.Arbitrary<RequestJson> = fc.tuple(mode, dayBetween(AS_OF_MIN, AS_OF_MAX)).chain(([m, asOf]) =>
  fc
    .record(
      {
        ...common(asOf, 'enterprise', m),
        designations: m === 'applicant' ? applicantDesignations(asOf) : designations(asOf),
        physicalOperationInDistrict: m === 'applicant' ? likely : optionalBoolean,
        contributions: m === 'applicant' ? applicantContributions : contributions,
        leases: m === 'applicant' ? applicantLeases : leases,
        listing: listing(asOf),
        smallOrMicro: optionalBoolean,
        expandsCapacityWithoutNewLand: optionalBoolean,
        jingxiTalents: fc.integer({ min: 0, max: 20 }),
        fundraisingProjectInDistrict: optionalBoolean,
        cultivationCandidate: optionalBoolean,
      },
      { requiredKeys: requiredKeysOf(m, ['id', 'independentLegalPerson', 'registrations', 'designations', 'retentionCommitmentSignedOn', 'physicalOperationInDistrict']) as 'id'[] },
    )
    .map((enterprise) => ({ asOf: date(asOf), enterprise: enterprise as unknown as RequestJson })),
);

/** A valid institution request (M5, M13). */
export const validInstitutionRequest: fc.Arbitrary<RequestJson> = fc.tuple(mode, dayBetween(AS_OF_MIN, AS_OF_MAX)).chain(([m, asOf]) =>
  fc
    .record(
      {
        ...common(asOf, 'institution', m),
        certified: m === 'applicant' ? likely : optionalBoolean,
        introducedEnterprises: fc
          .uniqueArray(fc.constantFrom('E1', 'E2', 'E3', 'E4', 'E5'), { maxLength: 4 })
          .chain((ids) =>
            fc.tuple(
              ...ids.map((enterpriseId) =>
                fc.record(
                  {
                    enterpriseId: fc.constant(enterpriseId),
                    movedInOn: (m === 'applicant' ? dayBetween(Math.min(asOf, day('2021-10-01')), asOf) : dayBetween(EARLIEST, asOf)).map(date),
                    highestLevel: fc.constantFrom(...LEVELS, 'none' as const),
                  },
                  { requiredKeys: ['enterpriseId', 'movedInOn'] },
                ),
              ),
            ),
          ),
        residentSrdiCount: fc.integer({ min: 0, max: 10 }),
      },
      { requiredKeys: requiredKeysOf(m, ['id', 'independentLegalPerson', 'registrations', 'retentionCommitmentSignedOn', 'certified']) as 'id'[] },
    )
    .map((institution) => ({ asOf: date(asOf), institution: institution as unknown as RequestJson })),
);

/** A valid request of either subject. */
export const validRequest: fc.Arbitrary<RequestJson> = fc.oneof({ arbitrary: validEnterpriseRequest, weight: 3 }, { arbitrary: validInstitutionRequest, weight: 1 });

// ---------------------------------------------------------------------------------------------------
// Places in a request

/** A path from the request root: keys and array indices. */
export type Path = (string | number)[];

/** Every node below the root of a JSON value, with its path (objects and arrays before their contents). */
export function nodesOf(value: Json, path: Path = []): { path: Path; value: Json }[] {
  const out: { path: Path; value: Json }[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push({ path: [...path, i], value: v }, ...nodesOf(v, [...path, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push({ path: [...path, k], value: v }, ...nodesOf(v, [...path, k]));
  return out;
}

/** A deep copy with the value at `path` replaced (or the key deleted when `replacement` is `DELETE`). */
export const DELETE = Symbol('delete');
export function withReplaced(value: Json, path: Path, replacement: Json | typeof DELETE): Json {
  const copy = structuredClone(value);
  let node = copy as unknown as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) node = node[step] as unknown as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === DELETE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

/** Whether `path` names something under an object (a key), not an array element. */
export const isKeyPath = (path: Path): boolean => typeof path[path.length - 1] === 'string';

/** The leaf kinds of the contract, by key name. */
export const DATE_KEYS = new Set(['asOf', 'from', 'obtainedOn', 'expiresOn', 'paidOn', 'start', 'end', 'listedOn', 'movedInOn', 'on', 'retentionCommitmentSignedOn']);
export const DECIMAL_KEYS = new Set(['amount', 'areaSqm', 'dailyRentPerSqm', 'municipalStandardReward']);
export const BOOLEAN_KEYS = new Set(['independentLegalPerson', 'renewal', 'selfUse', 'inDistrict', 'physicalOperationInDistrict', 'smallOrMicro', 'expandsCapacityWithoutNewLand', 'fundraisingProjectInDistrict', 'cultivationCandidate', 'certified']);
export const INTEGER_KEYS = new Set(['year', 'jingxiTalents', 'residentSrdiCount']);
export const ENUM_KEYS = new Set(['kind', 'region', 'level', 'measure', 'overlapsMeasure', 'board', 'highestLevel']);
export const IDENTIFIER_KEYS = new Set(['id', 'program', 'enterpriseId']);
/** Keys every object that has them requires (their absence is always an issue at their path). */
export const ALWAYS_REQUIRED = new Set([
  'asOf',
  'kind',
  'region',
  'from',
  'level',
  'obtainedOn',
  'measure',
  'paidOn',
  'program',
  'overlapsMeasure',
  'areaSqm',
  'start',
  'end',
  'dailyRentPerSqm',
  'selfUse',
  'inDistrict',
  'board',
  'listedOn',
  'movedInOn',
  'on',
]);

/** Values that are wrong for every field of the given kind (so the issue must be at that field's path). */
export const WRONG_FOR = {
  date: ['2023-2-1', '2023-02-01T00:00:00Z', '2023-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '', ' 2023-02-01', '2023-02-01 ', '20230201', '２０２３-０２-０１', '+002023-02-01', 20230201, 1672531200000, true, ['2023', '02', '01']],
  decimal: ['-1', '-0', '-0.01', '1e5', '1E5', '', ' ', 'abc', '0x10', '1,000', '١٢', 'NaN', 'Infinity', '1'.repeat(25), -1, -0.01, 1e308, 1e24, true, ['1']],
  boolean: ['true', 'false', 1, 0, '', 'yes'],
  integer: [1.5, -1, '5', 1e308, -0.5, true, 2.00000001],
  enum: ['', 'MENTOUGOU', 'Municipal-SME', 'm1', 'none ', 7],
  identifier: ['', 'x'.repeat(201), 5, false],
} as const satisfies Record<string, readonly Json[]>;

/** The kind of a leaf by its key, or null where the key is not one of the contract's leaves. */
export function leafKind(key: string | number | undefined): keyof typeof WRONG_FOR | null {
  if (typeof key !== 'string') return null;
  if (DATE_KEYS.has(key)) return 'date';
  if (DECIMAL_KEYS.has(key)) return 'decimal';
  if (BOOLEAN_KEYS.has(key)) return 'boolean';
  if (INTEGER_KEYS.has(key)) return 'integer';
  if (ENUM_KEYS.has(key)) return 'enum';
  if (IDENTIFIER_KEYS.has(key)) return 'identifier';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// What every answer must satisfy

const MONEY = /^\d+\.\d{2}$/;
/** An exact decimal as decimal.js prints it: plain, or with an exponent below 1e-60 (a rent of 5e-324 yuan is echoed so). */
const DECIMAL = /^\d+(?:\.\d+)?(?:e-\d+)?$/;
/** Keys whose values are money strings with exactly two decimals (or null). */
const MONEY_KEYS = new Set(['amount', 'payable', 'paid', 'totalPayable', 'tier', 'earnedBefore', 'difference', 'contribution', 'contributionThreshold', 'yearCap', 'municipalStandardReward', 'districtFloor']);
/** Detail keys that carry exact decimals as computed (not rounded): numerals without a sign. */
const DECIMAL_DETAIL = /^(?:uncapped|capped|lease\[.*\]\.(?:areaSqm|dailyRentPerSqm|rateUsed|subtotal))$/;

const cents = (money: string): bigint => BigInt(money.replace('.', ''));

/**
 * The problems of one answer of `safeAssess` (empty when it is sound):
 * - an ok result has no NaN, no Infinity, no negative number or numeral anywhere; every money field is
 *   a string with exactly two decimals; every `payable` is at most its `amount` (measures and lines);
 *   totalPayable is the sum of the measures' payables;
 * - a refused request has at least one issue, each with a path of keys and indices, a known code and
 *   both texts.
 *
 * @param textChecks also refuse the words NaN, Infinity, undefined and [object Object] in any text
 *   (for requests whose own strings cannot contain them)
 */
export function problemsOf(result: SafeAssessResult, textChecks = false): string[] {
  const problems: string[] = [];
  if (!result.ok) {
    if (!Array.isArray(result.issues) || result.issues.length === 0) problems.push('refused without issues');
    for (const issue of result.issues) {
      const where = JSON.stringify(issue.path);
      if (!Array.isArray(issue.path) || !issue.path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0))) problems.push(`bad path ${where}`);
      if (!Object.hasOwn(ISSUE_MESSAGES, issue.code)) problems.push(`unknown code ${issue.code} at ${where}`);
      if (typeof issue.zh !== 'string' || issue.zh.length === 0 || typeof issue.en !== 'string' || issue.en.length === 0) problems.push(`issue without text at ${where}`);
    }
    return problems;
  }
  const walk = (node: unknown, path: Path): void => {
    const key = path[path.length - 1];
    const at = path.join('.');
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) problems.push(`${at}: ${node}`);
      else if (node < 0) problems.push(`${at}: negative ${node}`);
    } else if (typeof node === 'string') {
      if (typeof key === 'string' && MONEY_KEYS.has(key) && !MONEY.test(node)) problems.push(`${at}: money ${JSON.stringify(node)}`);
      if (typeof key === 'string' && DECIMAL_DETAIL.test(key) && !DECIMAL.test(node)) problems.push(`${at}: decimal ${JSON.stringify(node)}`);
      if (/^[-−]\s*\d/.test(node) || /^-?(?:NaN|Infinity)$/.test(node)) problems.push(`${at}: ${JSON.stringify(node)}`);
      if (textChecks && /NaN|Infinity|undefined|\[object Object\]/.test(node)) problems.push(`${at}: text ${JSON.stringify(node)}`);
    } else if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    else if (node !== null && typeof node !== 'boolean') problems.push(`${at}: ${typeof node}`);
  };
  const value = result.value;
  walk(value, []);
  let total = 0n;
  for (const m of value.measures) {
    if ((m.amount === null) !== (m.payable === null)) problems.push(`${m.measure}: amount ${m.amount}, payable ${m.payable}`);
    if (m.amount !== null && m.payable !== null && MONEY.test(m.amount) && MONEY.test(m.payable)) {
      if (cents(m.payable) > cents(m.amount)) problems.push(`${m.measure}: payable ${m.payable} > amount ${m.amount}`);
      total += cents(m.payable);
    }
    for (const line of m.lines) {
      if (line.amount !== null && line.payable !== null && MONEY.test(line.amount) && MONEY.test(line.payable) && cents(line.payable) > cents(line.amount)) {
        problems.push(`${m.measure} line ${line.id}: payable ${line.payable} > amount ${line.amount}`);
      }
    }
  }
  if (MONEY.test(value.totalPayable) && cents(value.totalPayable) !== total) problems.push(`totalPayable ${value.totalPayable} is not the sum of the payables`);
  return problems;
}

/** Whether an issue names exactly `path` (a broken field must be reported where it is). */
export const hasIssueAt = (result: SafeAssessResult, path: Path): boolean =>
  !result.ok && result.issues.some((i) => i.path.length === path.length && i.path.every((p, k) => p === path[k]));

const PROTOTYPE_NAMES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(','));

/** Problems if any built-in prototype gained or lost a property, or a fresh object inherits a planted one. */
export function pollutionProblems(): string[] {
  const now = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(','));
  const problems = now.flatMap((names, i) => (names === PROTOTYPE_NAMES[i] ? [] : [`prototype ${i} changed: ${names}`]));
  const probe: Record<string, unknown> = {};
  for (const planted of ['polluted', 'isAdmin', 'toFixed2']) if (probe[planted] !== undefined) problems.push(`Object.prototype.${planted} is set`);
  for (const key in probe) problems.push(`a fresh object has the enumerable key ${key}`);
  return problems;
}

/** Throws (so fast-check reports the input) when an answer or the prototypes are not sound. */
export function assertSound(result: SafeAssessResult, textChecks = false, extra: string[] = []): void {
  const problems = [...extra, ...problemsOf(result, textChecks), ...pollutionProblems()];
  if (problems.length > 0) throw new Error(problems.slice(0, 10).join('\n'));
}

/** The fuzz budget of each property (100,000 requests in all; the split is in docs/verification.md § Fuzzing). */
export const FUZZ_TIMEOUT_MS = 120_000;
