/**
 * Support of the bounds tests (DESIGN §7): requests with unknowns, completions that give each missing
 * fact a value, and the checks of a result's bounds and questions.
 *
 * The requests come from two generators: the fuzz arbitrary (test/fuzz/support.ts: any valid request,
 * most facts optional) and the benchmark generator (bench/generate.ts: realistic cohorts with a few
 * facts left out). Importing bench/ makes no cycle: bench imports only the library's sources.
 */
import fc from 'fast-check';
import { generateRequests } from '../../bench/generate.js';
import { parseCalendarDate, formatCalendarDate } from '../../src/core/calendar.js';
import type { AssessmentResult, LineResultOutput, MeasureResultOutput } from '../../src/model/result.js';
import { factFor } from '../../src/policy/fact-dictionary.js';
import { validRequest, type Json, type RequestJson } from '../fuzz/support.js';

/** Cents of a money string. */
export const cents = (money: string): bigint => BigInt(money.replace('.', ''));
/** Whether `a ≤ b`, with `null` for no bound (∞). */
export const atMost = (a: string | null, b: string | null): boolean => b === null || (a !== null && cents(a) <= cents(b));

const day = (text: string): number => parseCalendarDate(text) as number;
const date = formatCalendarDate;

/** A pool of benchmark requests (seeded). */
const BENCH_POOL = generateRequests(2_000, 20_251_231) as unknown as RequestJson[];

/** The facts a request may leave out that a rule reads as unknown (the business timeline among them). */
const WITHHELD = ['independentLegalPerson', 'certified', 'physicalOperationInDistrict', 'business-registrations', 'registrations', 'contribution', 'highestLevel', 'municipalStandardReward'] as const;

/** The request with some facts left out (each one time in four): so that every kind of unknown meets every other. */
function withheld(request: RequestJson, drop: readonly boolean[]): RequestJson {
  const copy = structuredClone(request);
  const subject = (copy.enterprise ?? copy.institution) as Record<string, Json>;
  WITHHELD.forEach((fact, i) => {
    if (!drop[i]) return;
    if (fact === 'business-registrations' && Array.isArray(subject.registrations)) subject.registrations = subject.registrations.filter((r) => (r as Record<string, Json>).kind !== 'business');
    else if (fact === 'contribution' && Array.isArray(subject.contributions)) subject.contributions = subject.contributions.slice(1);
    else if (fact === 'highestLevel' && Array.isArray(subject.introducedEnterprises)) for (const e of subject.introducedEnterprises) delete (e as Record<string, Json>).highestLevel;
    else if (fact === 'municipalStandardReward' && subject.listing) delete (subject.listing as Record<string, Json>).municipalStandardReward;
    else delete subject[fact];
  });
  return copy;
}

/** Requests with unknowns: two from the fuzz arbitrary for one from the benchmark generator, with facts left out. */
export const requestWithUnknowns: fc.Arbitrary<RequestJson> = fc
  .tuple(
    fc.oneof({ weight: 2, arbitrary: validRequest }, { weight: 1, arbitrary: fc.integer({ min: 0, max: BENCH_POOL.length - 1 }).map((i) => BENCH_POOL[i]!) }),
    fc.array(fc.integer({ min: 0, max: 3 }).map((n) => n === 0), { minLength: WITHHELD.length, maxLength: WITHHELD.length }),
  )
  .map(([request, drop]) => withheld(request, drop));

const BOOLEAN_FACTS = new Set(['independentLegalPerson', 'certified', 'physicalOperationInDistrict', 'smallOrMicro', 'expandsCapacityWithoutNewLand', 'fundraisingProjectInDistrict', 'cultivationCandidate']);
const COUNT_FACTS = new Set(['jingxiTalents', 'residentSrdiCount']);
const LEVEL_VALUES = ['municipal-sme', 'municipal-little-giant', 'national-little-giant', 'none'] as const;
const REGION_VALUES = ['mentougou', 'beijing-other', 'outside-beijing'] as const;

/** One kind's timeline, oldest first and not after asOf: the ways a subject may have come to be where it is. */
function timeline(g: fc.GeneratorValue, kind: string, asOf: number): Json[] {
  const early = g(() => fc.integer({ min: day('2005-01-01'), max: Math.min(asOf, day('2021-12-31')) }));
  const shape = g(() => fc.constantFrom('native', 'moved-in', 'moved-in', 'moved-out', 'any'));
  if (shape === 'native' || early >= asOf) return [{ kind, region: 'mentougou', from: date(early) }];
  const later = g(() => fc.integer({ min: early + 1, max: asOf }));
  if (shape === 'moved-in') return [{ kind, region: g(() => fc.constantFrom('outside-beijing', 'beijing-other')), from: date(early) }, { kind, region: 'mentougou', from: date(later) }];
  if (shape === 'moved-out') return [{ kind, region: 'mentougou', from: date(early) }, { kind, region: g(() => fc.constantFrom('outside-beijing', 'beijing-other')), from: date(later) }];
  return [{ kind, region: g(() => fc.constantFrom(...REGION_VALUES)), from: date(early) }, { kind, region: g(() => fc.constantFrom(...REGION_VALUES)), from: date(later) }];
}

/**
 * The request with a value for each of `paths` (missing facts), drawn from `g`.
 *
 * @throws Error for a path the test does not know how to give a value (a path the fact dictionary must name)
 */
export function complete(request: RequestJson, paths: readonly string[], g: fc.GeneratorValue): RequestJson {
  const copy = structuredClone(request);
  const asOf = day(copy.asOf as string);
  for (const path of paths) {
    const [root, key, ...rest] = path.split('.') as [string, string, ...string[]];
    const subject = copy[root] as Record<string, Json>;
    if (rest.length === 0 && BOOLEAN_FACTS.has(key)) subject[key] = g(fc.boolean);
    else if (rest.length === 0 && COUNT_FACTS.has(key)) subject[key] = g(() => fc.integer({ min: 0, max: 8 }));
    else if (rest.length === 0 && key === 'registrations') {
      const given = (subject.registrations as Json[] | undefined) ?? [];
      const has = (kind: string): boolean => given.some((r) => (r as Record<string, Json>).kind === kind);
      const business = has('business') ? [] : timeline(g, 'business', asOf);
      const tax = has('tax') ? [] : g(fc.boolean) ? business.map((r) => ({ ...(r as Record<string, Json>), kind: 'tax' })) : timeline(g, 'tax', asOf);
      subject.registrations = [...given, ...business, ...tax];
    } else if (rest.length === 0 && key === 'contributions') {
      const given = (subject.contributions as Json[] | undefined) ?? [];
      const years = new Set(given.map((c) => (c as Record<string, Json>).year));
      const added: Json[] = [];
      for (let year = 2019; year <= 2028; year++) {
        if (years.has(year) || g(() => fc.integer({ min: 0, max: 4 })) === 0) continue;
        added.push({ year, amount: g(() => fc.oneof(fc.constantFrom('800000', '799999.99', '1000000', '0'), fc.integer({ min: 0, max: 2_000_000 }).map(String))) });
      }
      subject.contributions = [...given, ...added];
    } else if (key === 'listing' && rest.join('.') === 'municipalStandardReward') {
      (subject.listing as Record<string, Json>).municipalStandardReward = g(() => fc.integer({ min: 0, max: 5_000_000 }).map(String));
    } else if (key === 'introducedEnterprises' && rest.length === 2 && rest[1] === 'highestLevel') {
      ((subject.introducedEnterprises as Json[])[Number(rest[0])] as Record<string, Json>).highestLevel = g(() => fc.constantFrom(...LEVEL_VALUES));
    } else throw new Error(`no completion for the missing path ${path}`);
  }
  return copy;
}

/** Every path the measures of a result miss, once each. */
export const missingOf = (r: AssessmentResult): string[] => [...new Set(r.measures.flatMap((m) => m.missing))];

const entitlement = (line: LineResultOutput): string => (line.outcome === 'eligible' ? (line.amount ?? '0.00') : '0.00');

/** The problems of one result's own bounds and questions (empty when it is sound). */
export function boundsProblems(r: AssessmentResult): string[] {
  const problems: string[] = [];
  let total: bigint | null = 0n;
  for (const m of r.measures) {
    const at = m.measure;
    if (m.kind === 'service') {
      if (m.amountUpTo !== null || m.payableUpTo !== null || m.lines.some((l) => l.amountUpTo !== null || l.payableUpTo !== null)) problems.push(`${at}: a service measure with a bound`);
      continue;
    }
    if (!atMost(m.payable, m.payableUpTo)) problems.push(`${at}: payable ${m.payable} > payableUpTo ${m.payableUpTo}`);
    if (!atMost(m.amount, m.amountUpTo)) problems.push(`${at}: amount ${m.amount} > amountUpTo ${m.amountUpTo}`);
    if (!atMost(m.payableUpTo, m.amountUpTo) && m.payableUpTo !== null) problems.push(`${at}: payableUpTo ${m.payableUpTo} > amountUpTo ${m.amountUpTo}`);
    let sum: bigint | null = 0n;
    for (const l of m.lines) {
      if (!atMost(l.payable, l.payableUpTo)) problems.push(`${at} ${l.id}: payable ${l.payable} > payableUpTo ${l.payableUpTo}`);
      if (!atMost(entitlement(l), l.amountUpTo)) problems.push(`${at} ${l.id}: entitlement > amountUpTo ${l.amountUpTo}`);
      if (l.outcome === 'ineligible' && (l.amountUpTo !== '0.00' || l.payableUpTo !== '0.00')) problems.push(`${at} ${l.id}: an ineligible line with a bound`);
      if (l.outcome === 'eligible' && (l.amountUpTo !== l.amount || l.payableUpTo !== l.payable)) problems.push(`${at} ${l.id}: an eligible line whose bounds are not its values`);
      sum = sum === null || l.payableUpTo === null ? null : sum + cents(l.payableUpTo);
    }
    if (m.outcome === 'ineligible' && (m.amountUpTo !== '0.00' || m.payableUpTo !== '0.00')) problems.push(`${at}: ineligible with a bound`);
    if (m.outcome !== 'undetermined' && (sum === null ? m.payableUpTo !== null : m.payableUpTo === null || cents(m.payableUpTo) !== sum)) problems.push(`${at}: payableUpTo ${m.payableUpTo} is not the sum of its lines'`);
    if (m.outcome === 'undetermined' && sum !== null && (m.payableUpTo === null || cents(m.payableUpTo) < sum)) problems.push(`${at}: payableUpTo ${m.payableUpTo} below the sum of its lines'`);
    // no bound only where a fact without one is missing (M7's municipal standard, R7)
    if ((m.amountUpTo === null || m.payableUpTo === null) && !m.missing.includes('enterprise.listing.municipalStandardReward')) problems.push(`${at}: no bound, yet no fact without a bound is missing`);
    if (m.missing.length === 0 && (m.amountUpTo !== m.amount || m.payableUpTo !== m.payable)) problems.push(`${at}: nothing missing, yet bounds ${m.amountUpTo}/${m.payableUpTo} ≠ ${m.amount}/${m.payable}`);
    total = total === null || m.payableUpTo === null ? null : total + cents(m.payableUpTo);
  }
  const expectedTotal = total === null ? null : `${total / 100n}.${String(total % 100n).padStart(2, '0')}`;
  if (r.totalPayableUpTo !== expectedTotal) problems.push(`totalPayableUpTo ${r.totalPayableUpTo} ≠ ${expectedTotal}`);
  if (!atMost(r.totalPayable, r.totalPayableUpTo)) problems.push(`totalPayable ${r.totalPayable} > totalPayableUpTo ${r.totalPayableUpTo}`);

  // Questions: one per missing path, each in the dictionary, in DESIGN §7's order.
  const missing = missingOf(r).sort();
  const asked = r.questions.map((q) => q.path);
  if (JSON.stringify([...asked].sort()) !== JSON.stringify(missing)) problems.push(`questions ${asked.join(',')} ≠ missing ${missing.join(',')}`);
  for (const q of r.questions) {
    if (!factFor(q.path)) problems.push(`${q.path}: not in FACTS`);
    const expected = r.measures.filter((m) => m.missing.includes(q.path)).map((m) => m.measure);
    if (JSON.stringify(q.measures) !== JSON.stringify(expected)) problems.push(`${q.path}: measures ${q.measures.join(',')} ≠ ${expected.join(',')}`);
  }
  problems.push(...orderProblems(r));
  return problems;
}

const SERVICE = (r: AssessmentResult, path: string): boolean => r.measures.every((m) => m.kind === 'service' || !m.missing.includes(path));

/** The problems of the questions' order: unbounded, then atStake descending, then service-only in measure order; ties by path. */
export function orderProblems(r: AssessmentResult): string[] {
  const key = (q: AssessmentResult['questions'][number]): [number, bigint, number, string] => {
    if (SERVICE(r, q.path)) return [2, 0n, r.measures.findIndex((m) => m.missing.includes(q.path)), q.path];
    if (q.atStake === null) return [0, 0n, 0, q.path];
    return [1, -cents(q.atStake), 0, q.path];
  };
  for (let i = 1; i < r.questions.length; i++) {
    const a = key(r.questions[i - 1]!);
    const b = key(r.questions[i]!);
    const before = a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] !== b[2] ? a[2] < b[2] : a[3] < b[3];
    if (!before) return [`questions out of order at ${i}: ${r.questions[i - 1]!.path} before ${r.questions[i]!.path}`];
  }
  return [];
}

/** The problems of a completion's result against the bounds of the result it completes. */
export function completionProblems(base: AssessmentResult, next: AssessmentResult): string[] {
  const problems: string[] = [];
  for (const m of base.measures) {
    if (m.kind !== 'money') continue;
    const n = next.measures.find((x) => x.measure === m.measure) as MeasureResultOutput;
    const at = m.measure;
    if (cents(n.payable as string) < cents(m.payable as string) || !atMost(n.payable, m.payableUpTo)) problems.push(`${at}: payable ${n.payable} outside [${m.payable}, ${m.payableUpTo}]`);
    if (cents(n.amount as string) < cents(m.amount as string) || !atMost(n.amount, m.amountUpTo)) problems.push(`${at}: amount ${n.amount} outside [${m.amount}, ${m.amountUpTo}]`);
    for (const l of m.lines) {
      const nl = n.lines.find((x) => x.id === l.id);
      if (!nl) {
        if (m.outcome !== 'undetermined') problems.push(`${at} ${l.id}: a line of a decided measure vanished`);
        continue;
      }
      if (l.outcome !== 'undetermined' && (nl.outcome !== l.outcome || nl.payable !== l.payable)) problems.push(`${at} ${l.id}: a decided line changed (${l.outcome} ${l.payable} → ${nl.outcome} ${nl.payable})`);
      if (cents(nl.payable as string) < cents(l.payable as string) || !atMost(nl.payable, l.payableUpTo)) problems.push(`${at} ${l.id}: payable ${nl.payable} outside [${l.payable}, ${l.payableUpTo}]`);
      if (!atMost(entitlement(nl), l.amountUpTo)) problems.push(`${at} ${l.id}: entitlement ${entitlement(nl)} > amountUpTo ${l.amountUpTo}`);
    }
  }
  if (cents(next.totalPayable) < cents(base.totalPayable) || !atMost(next.totalPayable, base.totalPayableUpTo)) problems.push(`totalPayable ${next.totalPayable} outside [${base.totalPayable}, ${base.totalPayableUpTo}]`);
  return problems;
}

/**
 * The request with every missing fact given the value that helps every line (registrations excepted):
 * legal person and certified true, physical operation true, a contribution of exactly 800,000 for each
 * year 2019–2028 without one, the national little giant level for an introduced enterprise without one.
 */
export function bestCompletion(request: RequestJson): RequestJson {
  const copy = structuredClone(request);
  const subject = (copy.enterprise ?? copy.institution) as Record<string, Json>;
  subject.independentLegalPerson ??= true;
  if (copy.institution) subject.certified ??= true;
  else {
    subject.physicalOperationInDistrict ??= true;
    const given = (subject.contributions as Json[] | undefined) ?? [];
    const years = new Set(given.map((c) => (c as Record<string, Json>).year));
    const added: Json[] = [];
    for (let year = 2019; year <= 2028; year++) if (!years.has(year)) added.push({ year, amount: '800000' });
    subject.contributions = [...given, ...added];
  }
  if (Array.isArray(subject.introducedEnterprises)) for (const e of subject.introducedEnterprises) (e as Record<string, Json>).highestLevel ??= 'national-little-giant';
  return copy;
}
