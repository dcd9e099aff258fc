/**
 * A seeded generator of realistic requests for the benchmarks: enterprises with 1–3 designations,
 * moves into (and sometimes out of) the district, 0–3 leases, contributions around the 800,000
 * threshold, ledgers of what was already paid, benefits from other policies, the odd case-by-case or
 * integrity finding, and some service institutions. Every request is valid (the run checks it).
 *
 * Deterministic: the same seed gives the same requests on any machine and in any time zone (dates
 * are built from day numbers with the library's calendar, src/core/calendar.ts, never from the clock
 * or the host's zone).
 *
 * Run on its own to write JSONL: `tsx bench/generate.ts <count> [out.jsonl] [--seed N]`.
 */
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dayNumberOf as dayOf, formatCalendarDate as iso, parseCalendarDate, yearOf as yearOfDay } from '../src/core/calendar.js';
import type { PolicyRequestInput } from '../src/index.js';

/** The fixed seed of every benchmark run. */
export const BENCH_SEED = 20_220_101;

/** A random source: uniform in [0, 1). */
export type Rng = () => number;

/** mulberry32: a small 32-bit PRNG, good enough for test data and fully reproducible. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---- small helpers on a random source ----

const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Rng, p: number): boolean => rng() < p;
function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}
/** A decimal string with `places` decimals, uniform in [min, max]. */
const decimal = (rng: Rng, min: number, max: number, places: number): string => (min + rng() * (max - min)).toFixed(places);
/** Money written as callers do: mostly strings, sometimes plain numbers of yuan. */
const money = (rng: Rng, value: number): string | number => (chance(rng, 0.8) ? value.toFixed(2) : Math.round(value));

// ---- calendar: the library's own (day numbers since 1970-01-01, integer arithmetic, no host zone) ----

const between = (rng: Rng, from: number, to: number): number => int(rng, from, Math.max(from, to));

const WINDOW_FROM = dayOf(2022, 1, 1);
/** Assessment dates: quarter ends from mid-2023 to the end of 2025. */
const AS_OF_DATES = [dayOf(2023, 6, 30), dayOf(2023, 12, 31), dayOf(2024, 6, 30), dayOf(2024, 12, 31), dayOf(2025, 3, 31), dayOf(2025, 6, 30), dayOf(2025, 9, 30), dayOf(2025, 12, 31), dayOf(2025, 12, 31)];

// ---- identities ----

const NAME_HEADS = ['京西', '永定河', '门城', '潭柘', '妙峰', '灵山', '斋堂', '龙泉', '王平', '清水', '雁翅', '军庄'];
const NAME_CORES = ['精密', '智能', '智造', '新材', '生物', '数控', '光电', '氢能', '信息', '机器人', '检测', '环保'];
const NAME_TAILS = ['科技有限公司', '装备有限公司', '技术股份有限公司', '科技发展有限公司', '医疗器械有限公司'];
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A unified social credit code of a Mentougou company (9 1 110109 …) with a right GB 32100 check character. */
function creditCodeOf(rng: Rng): string {
  let body = '91110109';
  for (let i = 0; i < 9; i++) body += CODE_ALPHABET.charAt(int(rng, 0, 30));
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CODE_ALPHABET.indexOf(body.charAt(i)) * (CODE_WEIGHTS[i] as number);
  return body + CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

const nameOf = (rng: Rng): string => `${pick(rng, NAME_HEADS)}${pick(rng, NAME_CORES)}${pick(rng, NAME_TAILS)}`;

// ---- the request parts ----

type EnterpriseInput = NonNullable<PolicyRequestInput['enterprise']>;
type InstitutionInput = NonNullable<PolicyRequestInput['institution']>;
type RegistrationInput = NonNullable<EnterpriseInput['registrations']>[number];
type DesignationInput = NonNullable<EnterpriseInput['designations']>[number];
type LeaseInput = NonNullable<EnterpriseInput['leases']>[number];
type DisbursementInput = NonNullable<EnterpriseInput['disbursements']>[number];
type OtherBenefitInput = NonNullable<EnterpriseInput['otherBenefits']>[number];
type Level = DesignationInput['level'];

const LEVEL_ORDER: readonly Level[] = ['municipal-sme', 'municipal-little-giant', 'national-little-giant'];
const TIER: Record<Level, number> = { 'municipal-sme': 200_000, 'municipal-little-giant': 500_000, 'national-little-giant': 800_000 };

/** Where the enterprise has been registered: native, moved in (from outside Beijing or another district), moved out, or partial. */
function registrationsOf(rng: Rng, asOf: number): { registrations: RegistrationInput[]; movedInOn: number | null; fromOutsideBeijing: boolean } {
  const founded = dayOf(int(rng, 2003, 2020), int(rng, 1, 12), int(rng, 1, 28));
  const both = (region: RegistrationInput['region'], from: number, taxLag = 0): RegistrationInput[] => [
    { kind: 'business', region, from: iso(from) },
    { kind: 'tax', region, from: iso(Math.min(from + taxLag, asOf)) },
  ];
  const roll = rng();
  if (roll < 0.68) return { registrations: both('mentougou', founded), movedInOn: null, fromOutsideBeijing: false };
  if (roll < 0.88) {
    const origin = chance(rng, 0.65) ? 'outside-beijing' : 'beijing-other';
    const movedIn = between(rng, Math.max(founded + 365, WINDOW_FROM - 200), asOf - 30);
    const lag = chance(rng, 0.7) ? 0 : int(rng, 1, 25);
    const registrations = [...both(origin, Math.min(founded, movedIn - 1)), ...both('mentougou', movedIn, lag)];
    return { registrations: sortRegistrations(registrations), movedInOn: movedIn, fromOutsideBeijing: origin === 'outside-beijing' };
  }
  if (roll < 0.94) {
    // Moved out after a while (a clawback case when something was paid before).
    const left = between(rng, WINDOW_FROM + 200, asOf - 10);
    const registrations = [...both('mentougou', Math.min(founded, left - 400)), ...(chance(rng, 0.5) ? both('beijing-other', left) : [{ kind: 'tax' as const, region: 'beijing-other' as const, from: iso(left) }])];
    return { registrations: sortRegistrations(registrations), movedInOn: null, fromOutsideBeijing: false };
  }
  if (roll < 0.97) return { registrations: [{ kind: 'business', region: 'mentougou', from: iso(founded) }], movedInOn: null, fromOutsideBeijing: false };
  return { registrations: [], movedInOn: null, fromOutsideBeijing: false };
}

function sortRegistrations(registrations: RegistrationInput[]): RegistrationInput[] {
  return registrations.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** 1–3 designations, climbing levels, sometimes a renewal or an expiry. */
function designationsOf(rng: Rng, asOf: number): DesignationInput[] {
  const count = rng() < 0.5 ? 1 : rng() < 0.7 ? 2 : 3;
  const designations: DesignationInput[] = [];
  let level = rng() < 0.62 ? 0 : rng() < 0.8 ? 1 : 2;
  let on = between(rng, dayOf(2019, 1, 1), asOf - 20);
  for (let i = 0; i < count && on <= asOf; i++) {
    const first = designations.length === 0;
    const renewal = !first && (level >= 2 || chance(rng, 0.2));
    const designation: DesignationInput = { level: LEVEL_ORDER[level] as Level, obtainedOn: iso(on) };
    if (renewal) {
      designation.level = designations[0]?.level ?? designation.level;
      designation.renewal = true;
    } else level = Math.min(2, level + 1);
    if (chance(rng, 0.25)) designation.expiresOn = iso(on + 3 * 365);
    designations.push(designation);
    on = on + int(rng, 200, 1100);
  }
  return designations;
}

/** 0–3 leases, mostly self-use office space in the district. */
function leasesOf(rng: Rng): LeaseInput[] {
  const roll = rng();
  const count = roll < 0.15 ? 0 : roll < 0.65 ? 1 : roll < 0.9 ? 2 : 3;
  const leases: LeaseInput[] = [];
  for (let i = 0; i < count; i++) {
    const start = between(rng, dayOf(2019, 1, 1), dayOf(2025, 6, 30));
    const years = int(rng, 1, 5);
    leases.push({
      id: `L${i + 1}`,
      areaSqm: chance(rng, 0.7) ? decimal(rng, 150, 2_400, 1) : int(rng, 150, 2_400),
      start: iso(start),
      end: iso(start + years * 365 - 1),
      dailyRentPerSqm: decimal(rng, 0.6, 4.8, 2),
      selfUse: chance(rng, 0.88),
      inDistrict: chance(rng, 0.9),
    });
  }
  return leases;
}

/** The district comprehensive contribution of each year, around the 800,000 threshold (a few exactly on it, a few years missing). */
function contributionsOf(rng: Rng, asOf: number): EnterpriseInput['contributions'] {
  const contributions: NonNullable<EnterpriseInput['contributions']> = [];
  const scale = 0.55 + rng() * 0.9;
  for (let year = chance(rng, 0.3) ? 2021 : 2022; year <= yearOfDay(asOf); year++) {
    if (chance(rng, 0.06)) continue;
    const amount = chance(rng, 0.04) ? 800_000 : 800_000 * scale * (0.85 + rng() * 0.3);
    contributions.push({ year, amount: money(rng, amount) });
  }
  return contributions;
}

/** One enterprise request. */
export function generateEnterprise(rng: Rng, index: number): PolicyRequestInput {
  const asOf = pick(rng, AS_OF_DATES);
  const { registrations, movedInOn, fromOutsideBeijing } = registrationsOf(rng, asOf);
  const designations = designationsOf(rng, asOf);
  const firstDesignation = designations[0];
  const firstOn = firstDesignation ? dayOfIso(firstDesignation.obtainedOn) : asOf;
  const enterprise: EnterpriseInput = { id: `E${String(index).padStart(6, '0')}`, name: nameOf(rng) };
  if (chance(rng, 0.9)) enterprise.creditCode = creditCodeOf(rng);
  if (chance(rng, 0.97)) enterprise.independentLegalPerson = chance(rng, 0.99);
  if (registrations.length > 0) enterprise.registrations = registrations;
  enterprise.designations = designations;
  if (chance(rng, 0.85)) enterprise.physicalOperationInDistrict = chance(rng, 0.93);
  enterprise.contributions = contributionsOf(rng, asOf);
  const leases = leasesOf(rng);
  if (leases.length > 0) enterprise.leases = leases;
  if (chance(rng, 0.85)) enterprise.retentionCommitmentSignedOn = iso(Math.min(asOf, firstOn + int(rng, 10, 120)));

  // The ledger: what this policy already paid.
  const disbursements: DisbursementInput[] = [];
  if (firstDesignation && firstOn >= WINDOW_FROM && firstOn + 150 <= asOf && firstDesignation.renewal !== true && chance(rng, 0.6)) {
    disbursements.push({ measure: 'M1', amount: String(TIER[firstDesignation.level]), paidOn: iso(firstOn + int(rng, 60, 150)) });
  }
  if (movedInOn !== null && fromOutsideBeijing && movedInOn + 200 <= asOf && chance(rng, 0.3)) {
    disbursements.push({ measure: 'M2', amount: '100000', paidOn: iso(movedInOn + int(rng, 90, 200)) });
  }
  const lastYear = yearOfDay(asOf) - 1;
  if (lastYear >= 2023 && leases.length > 0 && chance(rng, 0.25)) {
    disbursements.push({ measure: 'M3', amount: money(rng, int(rng, 50_000, 300_000)), paidOn: iso(Math.min(asOf, dayOf(lastYear + 1, 3, int(rng, 1, 28)))), year: lastYear });
  }
  if (disbursements.length > 0) enterprise.disbursements = disbursements;

  // Other policies' money for the same matter (G2): the Zhongguancun park's rent subsidy, now and then a municipal reward.
  const otherBenefits: OtherBenefitInput[] = [];
  if (leases.length > 0 && chance(rng, 0.12)) {
    otherBenefits.push({ program: 'zgc-mentougou-park-rent', overlapsMeasure: 'M3', amount: money(rng, int(rng, 40_000, 400_000)), year: int(rng, 2023, Math.max(2023, yearOfDay(asOf))) });
  }
  if (chance(rng, 0.03)) otherBenefits.push({ program: 'municipal-srdi-reward', overlapsMeasure: 'M1', amount: money(rng, int(rng, 100_000, 900_000)) });
  if (otherBenefits.length > 0) enterprise.otherBenefits = otherBenefits;

  if (chance(rng, 0.02)) enterprise.caseByCaseSupport = [{ kind: pick(rng, ['one-enterprise-one-policy', 'one-matter-one-discussion'] as const), from: iso(between(rng, dayOf(2021, 1, 1), asOf)) }];
  if (chance(rng, 0.015)) enterprise.integrityFindings = [{ kind: pick(rng, ['false-materials', 'breach-of-contract', 'illegal', 'irregular', 'disciplinary'] as const), on: iso(between(rng, dayOf(2020, 1, 1), asOf)) }];
  if (chance(rng, 0.06)) {
    const listedOn = between(rng, WINDOW_FROM, asOf);
    enterprise.listing = { board: pick(rng, ['star', 'chinext', 'bse', 'sse-main', 'szse-main'] as const), listedOn: iso(listedOn) };
    if (chance(rng, 0.7)) enterprise.listing.municipalStandardReward = money(rng, pick(rng, [1_000_000, 2_000_000, 3_000_000]));
    if (chance(rng, 0.6)) enterprise.fundraisingProjectInDistrict = chance(rng, 0.7);
  }
  if (chance(rng, 0.8)) enterprise.smallOrMicro = chance(rng, 0.6);
  if (chance(rng, 0.5)) enterprise.expandsCapacityWithoutNewLand = chance(rng, 0.3);
  if (chance(rng, 0.6)) enterprise.jingxiTalents = int(rng, 0, 6);
  if (chance(rng, 0.3)) enterprise.cultivationCandidate = chance(rng, 0.5);
  return { asOf: iso(asOf), enterprise };
}

/** One service-institution request (M5, M13). */
export function generateInstitution(rng: Rng, index: number): PolicyRequestInput {
  const asOf = pick(rng, AS_OF_DATES);
  const founded = dayOf(int(rng, 2010, 2021), int(rng, 1, 12), int(rng, 1, 28));
  const institution: InstitutionInput = {
    id: `I${String(index).padStart(6, '0')}`,
    name: `${pick(rng, NAME_HEADS)}创新创业服务中心`,
    creditCode: creditCodeOf(rng),
    independentLegalPerson: true,
    registrations: [
      { kind: 'business', region: 'mentougou', from: iso(founded) },
      { kind: 'tax', region: 'mentougou', from: iso(founded) },
    ],
    certified: chance(rng, 0.9),
    residentSrdiCount: int(rng, 0, 12),
  };
  const introduced: NonNullable<InstitutionInput['introducedEnterprises']> = [];
  const count = int(rng, 0, 6);
  for (let i = 0; i < count; i++) {
    const entry: (typeof introduced)[number] = { enterpriseId: `X${index}-${i}`, movedInOn: iso(between(rng, dayOf(2021, 6, 1), asOf)) };
    if (chance(rng, 0.9)) entry.highestLevel = pick(rng, [...LEVEL_ORDER, 'none'] as const);
    introduced.push(entry);
  }
  if (introduced.length > 0) institution.introducedEnterprises = introduced;
  if (chance(rng, 0.8)) institution.retentionCommitmentSignedOn = iso(between(rng, founded, asOf));
  const paidFor = introduced[0];
  if (paidFor && chance(rng, 0.4)) institution.disbursements = [{ measure: 'M5', amount: '20000', paidOn: iso(Math.min(asOf, dayOfIso(paidFor.movedInOn) + 90)), enterpriseId: paidFor.enterpriseId }];
  return { asOf: iso(asOf), institution };
}

function dayOfIso(text: string): number {
  const day = parseCalendarDate(text);
  if (day === null) throw new Error(`generated an invalid date: ${text}`);
  return day;
}

/** `count` requests from `seed`: about 94 % enterprises, 6 % service institutions. */
export function generateRequests(count: number, seed: number = BENCH_SEED): PolicyRequestInput[] {
  const rng = mulberry32(seed);
  const requests: PolicyRequestInput[] = [];
  for (let i = 0; i < count; i++) requests.push(rng() < 0.06 ? generateInstitution(rng, i) : generateEnterprise(rng, i));
  return requests;
}

/** Writes `count` requests as JSONL (one request per line), streaming, so 100,000 lines need little memory. */
export async function writeRequestsJsonl(path: string, count: number, seed: number = BENCH_SEED): Promise<number> {
  const rng = mulberry32(seed);
  const out = createWriteStream(path, 'utf8');
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const line = `${JSON.stringify(rng() < 0.06 ? generateInstitution(rng, i) : generateEnterprise(rng, i))}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return bytes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : BENCH_SEED;
  const positional = seedAt < 0 ? args : args.filter((_, i) => i !== seedAt && i !== seedAt + 1);
  const count = Number(positional[0] ?? 10);
  const out = positional[1];
  if (out) await writeRequestsJsonl(out, count, seed);
  else for (const request of generateRequests(count, seed)) process.stdout.write(`${JSON.stringify(request)}\n`);
}
