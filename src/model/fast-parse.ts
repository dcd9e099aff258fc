/**
 * `fastParseRequest`: an accept-only fast path in front of zod (issue 13). It reads a request once and,
 * when it can tell that the request is valid, returns exactly the value `requestSchema`'s parse would
 * return (the same keys in the same order, `[]` for an absent list, day numbers, Decimals from the same
 * `parseMoney`); for anything else it returns `undefined` ("not sure") and `parseRequest` goes the one
 * authoritative way: the copy within the limits (`readRequest`), then zod, which alone reports issues.
 *
 * It accepts only what it fully understands, and so never needs to report anything:
 * - plain objects (prototype `Object.prototype` or `null`) with only the contract's keys, each present
 *   key holding a value of its kind (an explicit `undefined` is declined, though zod would accept it);
 * - arrays (prototype `Array.prototype`) of at most `MAX_ARRAY_ENTRIES` entries, every entry present;
 * - strings within `MAX_STRING_LENGTH`, at most `MAX_VALUES` values in all;
 * - every refinement of src/model/request.ts checked as there: real dates, money via `parseMoney` and
 *   `significantDigits`, credit-code check characters, events not after `asOf`, registrations in
 *   order, lease end not before start, boards that existed, M3 `year` / M5 `enterpriseId`, unique
 *   years and ids.
 * The contract's nesting is fixed (the deepest object is at level 3), so it never follows a reference
 * into unknown structure: cycles and deep nesting are declined where an object stands for a leaf.
 *
 * Reads follow `readRequest`: an object's own enumerable keys (`Object.keys`), then each key's value
 * once; an array's `length`, then its entries `0 … length − 1`. Anything that throws (a getter, a Proxy
 * trap, a revoked Proxy) is declined, and the request is then read again by `readRequest`, which turns
 * the throw into `unreadable`. So a value is read once when the fast path accepts and at most twice
 * when it declines; validation and the rules always see the answer of one read.
 *
 * Equivalence with zod is proven by a seeded differential property test (test/model/fast-parse.test.ts,
 * docs/verification.md § The fast validation path).
 */
import { type DayNumber, formatCalendarDate, parseCalendarDate } from '../core/calendar.js';
import { creditCodeCheckCharacter, isCreditCodeForm } from '../core/credit-code.js';
import { type Money, parseMoney } from '../core/money.js';
import { BOARD_IDS, BOARDS, type BoardId } from './boards.js';
import { MAX_ARRAY_ENTRIES, MAX_DECIMAL_DIGITS, MAX_STRING_LENGTH, MAX_VALUES, significantDigits } from './limits.js';
import {
  type Designation,
  type Disbursement,
  type Enterprise,
  type Institution,
  type IntroducedEnterprise,
  type Lease,
  type Listing,
  type OtherBenefit,
  type PolicyRequest,
  type Registration,
  CASE_BY_CASE_KINDS,
  HIGHEST_LEVELS,
  INTEGRITY_FINDING_KINDS,
  LEVELS,
  OVERLAPPABLE_MEASURES,
  PAID_MEASURES,
  REGIONS,
  REGISTRATION_KINDS,
} from './request.js';

/**
 * The keys of each object of the request, in the order of its zod shape (the order of the parsed
 * value's keys). A test checks them against the schemas, so a field added there is declined here
 * until this module learns it.
 */
export const FAST_PATH_KEYS = {
  request: ['asOf', 'enterprise', 'institution'],
  enterprise: [
    'id',
    'name',
    'creditCode',
    'independentLegalPerson',
    'registrations',
    'caseByCaseSupport',
    'integrityFindings',
    'retentionCommitmentSignedOn',
    'disbursements',
    'otherBenefits',
    'designations',
    'physicalOperationInDistrict',
    'contributions',
    'leases',
    'listing',
    'smallOrMicro',
    'expandsCapacityWithoutNewLand',
    'jingxiTalents',
    'fundraisingProjectInDistrict',
    'cultivationCandidate',
  ],
  institution: [
    'id',
    'name',
    'creditCode',
    'independentLegalPerson',
    'registrations',
    'caseByCaseSupport',
    'integrityFindings',
    'retentionCommitmentSignedOn',
    'disbursements',
    'otherBenefits',
    'certified',
    'introducedEnterprises',
    'residentSrdiCount',
  ],
  registration: ['kind', 'region', 'from'],
  designation: ['level', 'obtainedOn', 'renewal', 'expiresOn'],
  caseByCaseSupport: ['kind', 'from'],
  integrityFinding: ['kind', 'on'],
  disbursement: ['measure', 'amount', 'paidOn', 'year', 'enterpriseId'],
  otherBenefit: ['program', 'overlapsMeasure', 'amount', 'year'],
  contribution: ['year', 'amount'],
  lease: ['id', 'areaSqm', 'start', 'end', 'dailyRentPerSqm', 'selfUse', 'inDistrict'],
  listing: ['board', 'listedOn', 'municipalStandardReward'],
  introducedEnterprise: ['enterpriseId', 'movedInOn', 'highestLevel'],
} as const;

/** Thrown inside the fast path to decline (never escapes `fastParseRequest`). */
const DECLINE: unique symbol = Symbol('decline');

/** Values read so far (every property and entry, as `readRequest` counts them). */
let values = 0;

const count = (n: number): void => {
  values += n;
  if (values > MAX_VALUES) throw DECLINE;
};

/** A plain object's own enumerable keys (each then read once by the caller), or a decline. */
function keysOf(value: unknown): { object: Record<string, unknown>; keys: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw DECLINE;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw DECLINE;
  const keys = Object.keys(value);
  count(keys.length);
  return { object: value as Record<string, unknown>, keys };
}

/** An array's entries, read once each in order (a hole or an absent entry reads as `undefined`). */
function listOf<T>(value: unknown, item: (entry: unknown) => T): T[] {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) throw DECLINE;
  const length: unknown = value.length;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || length > MAX_ARRAY_ENTRIES) throw DECLINE;
  count(length);
  const out = new Array<T>(length);
  for (let i = 0; i < length; i++) out[i] = item(value[i]);
  return out;
}

function date(value: unknown): DayNumber {
  if (typeof value !== 'string') throw DECLINE;
  const day = parseCalendarDate(value);
  if (day === null) throw DECLINE;
  return day;
}

/** A non-negative decimal as `nonNegativeDecimal` parses it (string or number, via `parseMoney`). */
function decimal(value: unknown): Money {
  if (typeof value === 'string') {
    if (value.length > MAX_STRING_LENGTH || significantDigits(value) > MAX_DECIMAL_DIGITS) throw DECLINE;
  } else if (typeof value !== 'number') throw DECLINE;
  const parsed = parseMoney(value);
  if (!parsed.ok) throw DECLINE;
  return parsed.value;
}

function boolean(value: unknown): boolean {
  if (typeof value !== 'boolean') throw DECLINE;
  return value;
}

function integer(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw DECLINE;
  return value;
}

const year = (value: unknown): number => integer(value, 1949, 2200);
const count0To1e6 = (value: unknown): number => integer(value, 0, 1_000_000);

function identifier(value: unknown): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > 200) throw DECLINE;
  return value;
}

function name(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) throw DECLINE;
  return value;
}

function creditCode(value: unknown): string {
  if (typeof value !== 'string' || !isCreditCodeForm(value) || creditCodeCheckCharacter(value) !== value.charAt(17)) throw DECLINE;
  return value;
}

/** One of the names of an enum. */
function oneOf<T extends string>(names: readonly T[], value: unknown): T {
  for (const n of names) if (n === value) return n;
  throw DECLINE;
}


/** A day that must not be after `asOf` (an event). */
function eventDate(value: unknown, asOf: DayNumber): DayNumber {
  const day = date(value);
  if (day > asOf) throw DECLINE;
  return day;
}

function registration(value: unknown, asOf: DayNumber): Registration {
  const { object, keys } = keysOf(value);
  let kind: Registration['kind'] | undefined;
  let region: Registration['region'] | undefined;
  let from: DayNumber | undefined;
  for (const key of keys) {
    const v = object[key];
    if (key === 'kind') kind = oneOf(REGISTRATION_KINDS, v);
    else if (key === 'region') region = oneOf(REGIONS, v);
    else if (key === 'from') from = eventDate(v, asOf);
    else throw DECLINE;
  }
  if (kind === undefined || region === undefined || from === undefined) throw DECLINE;
  return { kind, region, from };
}

/** Registrations, each kind's timeline strictly oldest first. */
function registrations(value: unknown, asOf: DayNumber): Registration[] {
  const list = listOf(value, (v) => registration(v, asOf));
  let business = -Infinity;
  let tax = -Infinity;
  for (const r of list) {
    if (r.kind === 'business') {
      if (r.from <= business) throw DECLINE;
      business = r.from;
    } else {
      if (r.from <= tax) throw DECLINE;
      tax = r.from;
    }
  }
  return list;
}

function designation(value: unknown, asOf: DayNumber): Designation {
  const { object, keys } = keysOf(value);
  let level: Designation['level'] | undefined;
  let obtainedOn: DayNumber | undefined;
  let renewal: boolean | undefined;
  let expiresOn: DayNumber | undefined;
  for (const key of keys) {
    const v = object[key];
    if (key === 'level') level = oneOf(LEVELS, v);
    else if (key === 'obtainedOn') obtainedOn = eventDate(v, asOf);
    else if (key === 'renewal') renewal = boolean(v);
    else if (key === 'expiresOn') expiresOn = date(v);
    else throw DECLINE;
  }
  if (level === undefined || obtainedOn === undefined) throw DECLINE;
  const out: Designation = { level, obtainedOn };
  if (renewal !== undefined) out.renewal = renewal;
  if (expiresOn !== undefined) out.expiresOn = expiresOn;
  return out;
}

function caseByCaseSupport(value: unknown, asOf: DayNumber): Enterprise['caseByCaseSupport'][number] {
  const { object, keys } = keysOf(value);
  let kind: (typeof CASE_BY_CASE_KINDS)[number] | undefined;
  let from: DayNumber | undefined;
  for (const key of keys) {
    const v = object[key];
    if (key === 'kind') kind = oneOf(CASE_BY_CASE_KINDS, v);
    else if (key === 'from') from = eventDate(v, asOf);
    else throw DECLINE;
  }
  if (kind === undefined || from === undefined) throw DECLINE;
  return { kind, from };
}

function integrityFinding(value: unknown, asOf: DayNumber): Enterprise['integrityFindings'][number] {
  const { object, keys } = keysOf(value);
  let kind: (typeof INTEGRITY_FINDING_KINDS)[number] | undefined;
  let on: DayNumber | undefined;
  for (const key of keys) {
    const v = object[key];
    if (key === 'kind') kind = oneOf(INTEGRITY_FINDING_KINDS, v);
    else if (key === 'on') on = eventDate(v, asOf);
    else throw DECLINE;
  }
  if (kind === undefined || on === undefined) throw DECLINE;
  return { kind, on };
}

function disbursement(value: unknown, asOf: DayNumber): Disbursement {
  const { object, keys } = keysOf(value);
  let measure: Disbursement['measure'] | undefined;
  let amount: Money | undefined;
  let paidOn: DayNumber | undefined;
  let y: number | undefined;
  let enterpriseId: string | undefined;
  for (const key of keys) {
    const v = object[key];
    if (key === 'measure') measure = oneOf(PAID_MEASURES, v);
    else if (key === 'amount') amount = decimal(v);
    else if (key === 'paidOn') paidOn = eventDate(v, asOf);
    else if (key === 'year') y = year(v);
    else if (key === 'enterpriseId') enterpriseId = identifier(v);
    else throw DECLINE;
  }
  if (measure === undefined || amount === undefined || paidOn === undefined) throw DECLINE;
  if ((measure === 'M3' && y === undefined) || (measure === 'M5' && enterpriseId === undefined)) throw DECLINE;
  const out: Disbursement = { measure, amount, paidOn };
  if (y !== undefined) out.year = y;
  if (enterpriseId !== undefined) out.enterpriseId = enterpriseId;
  return out;
}

function otherBenefit(value: unknown): OtherBenefit {
  const { object, keys } = keysOf(value);
  let program: string | undefined;
  let overlapsMeasure: OtherBenefit['overlapsMeasure'] | undefined;
  let amount: Money | undefined;
  let y: number | undefined;
  for (const key of keys) {
    const v = object[key];
    if (key === 'program') program = identifier(v);
    else if (key === 'overlapsMeasure') overlapsMeasure = oneOf(OVERLAPPABLE_MEASURES, v);
    else if (key === 'amount') amount = decimal(v);
    else if (key === 'year') y = year(v);
    else throw DECLINE;
  }
  if (program === undefined || overlapsMeasure === undefined || amount === undefined) throw DECLINE;
  if (overlapsMeasure === 'M3' && y === undefined) throw DECLINE;
  const out: OtherBenefit = { program, overlapsMeasure, amount };
  if (y !== undefined) out.year = y;
  return out;
}

function contribution(value: unknown): Enterprise['contributions'][number] {
  const { object, keys } = keysOf(value);
  let y: number | undefined;
  let amount: Money | undefined;
  for (const key of keys) {
    const v = object[key];
    if (key === 'year') y = year(v);
    else if (key === 'amount') amount = decimal(v);
    else throw DECLINE;
  }
  if (y === undefined || amount === undefined) throw DECLINE;
  return { year: y, amount };
}

function lease(value: unknown): Lease {
  const { object, keys } = keysOf(value);
  let id: string | undefined;
  let areaSqm: Money | undefined;
  let start: DayNumber | undefined;
  let end: DayNumber | undefined;
  let dailyRentPerSqm: Money | undefined;
  let selfUse: boolean | undefined;
  let inDistrict: boolean | undefined;
  for (const key of keys) {
    const v = object[key];
    if (key === 'id') id = identifier(v);
    else if (key === 'areaSqm') areaSqm = decimal(v);
    else if (key === 'start') start = date(v);
    else if (key === 'end') end = date(v);
    else if (key === 'dailyRentPerSqm') dailyRentPerSqm = decimal(v);
    else if (key === 'selfUse') selfUse = boolean(v);
    else if (key === 'inDistrict') inDistrict = boolean(v);
    else throw DECLINE;
  }
  if (id === undefined || areaSqm === undefined || start === undefined || end === undefined || dailyRentPerSqm === undefined || selfUse === undefined || inDistrict === undefined) throw DECLINE;
  if (end < start) throw DECLINE;
  return { id, areaSqm, start, end, dailyRentPerSqm, selfUse, inDistrict };
}

function listing(value: unknown, asOf: DayNumber): Listing {
  const { object, keys } = keysOf(value);
  let board: BoardId | undefined;
  let listedOn: DayNumber | undefined;
  let municipalStandardReward: Money | undefined;
  for (const key of keys) {
    const v = object[key];
    if (key === 'board') board = oneOf(BOARD_IDS, v);
    else if (key === 'listedOn') listedOn = eventDate(v, asOf);
    else if (key === 'municipalStandardReward') municipalStandardReward = decimal(v);
    else throw DECLINE;
  }
  if (board === undefined || listedOn === undefined) throw DECLINE;
  // The board existed on the listing day, compared as in `listingSchema`.
  const facts = BOARDS[board];
  const on = formatCalendarDate(listedOn);
  if ((facts.until !== undefined && on > facts.until) || (facts.from !== undefined && on < facts.from)) throw DECLINE;
  const out: Listing = { board, listedOn };
  if (municipalStandardReward !== undefined) out.municipalStandardReward = municipalStandardReward;
  return out;
}

function introducedEnterprise(value: unknown, asOf: DayNumber): IntroducedEnterprise {
  const { object, keys } = keysOf(value);
  let enterpriseId: string | undefined;
  let movedInOn: DayNumber | undefined;
  let highestLevel: IntroducedEnterprise['highestLevel'];
  for (const key of keys) {
    const v = object[key];
    if (key === 'enterpriseId') enterpriseId = identifier(v);
    else if (key === 'movedInOn') movedInOn = eventDate(v, asOf);
    else if (key === 'highestLevel') highestLevel = oneOf(HIGHEST_LEVELS, v);
    else throw DECLINE;
  }
  if (enterpriseId === undefined || movedInOn === undefined) throw DECLINE;
  const out: IntroducedEnterprise = { enterpriseId, movedInOn };
  if (highestLevel !== undefined) out.highestLevel = highestLevel;
  return out;
}

/** Declines when two items share a key (`duplicate-year`, `duplicate-id`). */
function unique<T>(items: readonly T[], keyOf: (item: T) => string | number): void {
  if (items.length < 2) return;
  const seen = new Set<string | number>();
  for (const item of items) {
    const key = keyOf(item);
    if (seen.has(key)) throw DECLINE;
    seen.add(key);
  }
}

/** The fields an enterprise and an institution share, read into their slots; false for a key not shared. */
interface Common {
  id?: string;
  name?: string;
  creditCode?: string;
  independentLegalPerson?: boolean;
  registrations?: Registration[];
  caseByCaseSupport?: Enterprise['caseByCaseSupport'];
  integrityFindings?: Enterprise['integrityFindings'];
  retentionCommitmentSignedOn?: DayNumber;
  disbursements?: Disbursement[];
  otherBenefits?: OtherBenefit[];
}

function commonField(into: Common, key: string, v: unknown, asOf: DayNumber): boolean {
  switch (key) {
    case 'id':
      into.id = identifier(v);
      return true;
    case 'name':
      into.name = name(v);
      return true;
    case 'creditCode':
      into.creditCode = creditCode(v);
      return true;
    case 'independentLegalPerson':
      into.independentLegalPerson = boolean(v);
      return true;
    case 'registrations':
      into.registrations = registrations(v, asOf);
      return true;
    case 'caseByCaseSupport':
      into.caseByCaseSupport = listOf(v, (e) => caseByCaseSupport(e, asOf));
      return true;
    case 'integrityFindings':
      into.integrityFindings = listOf(v, (e) => integrityFinding(e, asOf));
      return true;
    case 'retentionCommitmentSignedOn':
      into.retentionCommitmentSignedOn = eventDate(v, asOf);
      return true;
    case 'disbursements':
      into.disbursements = listOf(v, (e) => disbursement(e, asOf));
      return true;
    case 'otherBenefits':
      into.otherBenefits = listOf(v, otherBenefit);
      return true;
    default:
      return false;
  }
}

/** The shared fields in shape order, lists defaulting to `[]`, into `out` (which must be empty). */
function writeCommon(out: Partial<Enterprise> | Partial<Institution>, c: Common): void {
  if (c.id === undefined) throw DECLINE;
  out.id = c.id;
  if (c.name !== undefined) out.name = c.name;
  if (c.creditCode !== undefined) out.creditCode = c.creditCode;
  if (c.independentLegalPerson !== undefined) out.independentLegalPerson = c.independentLegalPerson;
  out.registrations = c.registrations ?? [];
  out.caseByCaseSupport = c.caseByCaseSupport ?? [];
  out.integrityFindings = c.integrityFindings ?? [];
  if (c.retentionCommitmentSignedOn !== undefined) out.retentionCommitmentSignedOn = c.retentionCommitmentSignedOn;
  out.disbursements = c.disbursements ?? [];
  out.otherBenefits = c.otherBenefits ?? [];
}

function enterprise(value: unknown, asOf: DayNumber): Enterprise {
  const { object, keys } = keysOf(value);
  const common: Common = {};
  let designations: Designation[] | undefined;
  let physicalOperationInDistrict: boolean | undefined;
  let contributions: Enterprise['contributions'] | undefined;
  let leases: Lease[] | undefined;
  let theListing: Listing | undefined;
  let smallOrMicro: boolean | undefined;
  let expandsCapacityWithoutNewLand: boolean | undefined;
  let jingxiTalents: number | undefined;
  let fundraisingProjectInDistrict: boolean | undefined;
  let cultivationCandidate: boolean | undefined;
  for (const key of keys) {
    const v = object[key];
    if (commonField(common, key, v, asOf)) continue;
    switch (key) {
      case 'designations':
        designations = listOf(v, (e) => designation(e, asOf));
        break;
      case 'physicalOperationInDistrict':
        physicalOperationInDistrict = boolean(v);
        break;
      case 'contributions':
        contributions = listOf(v, contribution);
        unique(contributions, (c) => c.year);
        break;
      case 'leases':
        leases = listOf(v, lease);
        unique(leases, (l) => l.id);
        break;
      case 'listing':
        theListing = listing(v, asOf);
        break;
      case 'smallOrMicro':
        smallOrMicro = boolean(v);
        break;
      case 'expandsCapacityWithoutNewLand':
        expandsCapacityWithoutNewLand = boolean(v);
        break;
      case 'jingxiTalents':
        jingxiTalents = count0To1e6(v);
        break;
      case 'fundraisingProjectInDistrict':
        fundraisingProjectInDistrict = boolean(v);
        break;
      case 'cultivationCandidate':
        cultivationCandidate = boolean(v);
        break;
      default:
        throw DECLINE;
    }
  }
  const out: Partial<Enterprise> = {};
  writeCommon(out, common);
  out.designations = designations ?? [];
  if (physicalOperationInDistrict !== undefined) out.physicalOperationInDistrict = physicalOperationInDistrict;
  out.contributions = contributions ?? [];
  out.leases = leases ?? [];
  if (theListing !== undefined) out.listing = theListing;
  if (smallOrMicro !== undefined) out.smallOrMicro = smallOrMicro;
  if (expandsCapacityWithoutNewLand !== undefined) out.expandsCapacityWithoutNewLand = expandsCapacityWithoutNewLand;
  if (jingxiTalents !== undefined) out.jingxiTalents = jingxiTalents;
  if (fundraisingProjectInDistrict !== undefined) out.fundraisingProjectInDistrict = fundraisingProjectInDistrict;
  if (cultivationCandidate !== undefined) out.cultivationCandidate = cultivationCandidate;
  return out as Enterprise;
}

function institution(value: unknown, asOf: DayNumber): Institution {
  const { object, keys } = keysOf(value);
  const common: Common = {};
  let certified: boolean | undefined;
  let introducedEnterprises: IntroducedEnterprise[] | undefined;
  let residentSrdiCount: number | undefined;
  for (const key of keys) {
    const v = object[key];
    if (commonField(common, key, v, asOf)) continue;
    if (key === 'certified') certified = boolean(v);
    else if (key === 'introducedEnterprises') {
      introducedEnterprises = listOf(v, (e) => introducedEnterprise(e, asOf));
      unique(introducedEnterprises, (e) => e.enterpriseId);
    } else if (key === 'residentSrdiCount') residentSrdiCount = count0To1e6(v);
    else throw DECLINE;
  }
  const out: Partial<Institution> = {};
  writeCommon(out, common);
  if (certified !== undefined) out.certified = certified;
  out.introducedEnterprises = introducedEnterprises ?? [];
  if (residentSrdiCount !== undefined) out.residentSrdiCount = residentSrdiCount;
  return out as Institution;
}

function request(input: unknown): PolicyRequest {
  const { object, keys } = keysOf(input);
  // The root's values are read first (once each, in key order), so that `asOf` is known below.
  let asOfText: unknown;
  let subject: unknown;
  let kind: 'enterprise' | 'institution' | undefined;
  let hasAsOf = false;
  for (const key of keys) {
    const v = object[key];
    if (key === 'asOf') {
      asOfText = v;
      hasAsOf = true;
    } else if ((key === 'enterprise' || key === 'institution') && kind === undefined) {
      subject = v;
      kind = key;
    } else throw DECLINE; // an unknown key, or both subjects (`subject-required`)
  }
  if (!hasAsOf || kind === undefined) throw DECLINE;
  const asOf = date(asOfText);
  return kind === 'enterprise' ? { asOf, enterprise: enterprise(subject, asOf) } : { asOf, institution: institution(subject, asOf) };
}

/**
 * The accept-only fast path of `parseRequest`: the value `requestSchema` would parse `input` into, when
 * this function can tell that `input` is a valid request within the limits; otherwise `undefined`, and
 * the caller must validate `input` the authoritative way (`readRequest`, then zod). Never throws.
 *
 * @param input anything, typically parsed JSON
 * @returns the parsed request (fresh objects, shared with nothing), or `undefined` when not sure
 *
 * @example
 * ```ts
 * import { fastParseRequest } from './fast-parse.js';
 *
 * console.log(fastParseRequest({ asOf: '2024-12-31', enterprise: { id: 'E1' } })?.asOf); // 20088
 * console.log(fastParseRequest({ asOf: '2024-02-30', enterprise: { id: 'E1' } })); // undefined
 * ```
 */
export function fastParseRequest(input: unknown): PolicyRequest | undefined {
  // A getter may itself validate a request: the count of the outer one is kept across it.
  const outer = values;
  values = 1;
  try {
    return request(input);
  } catch {
    // A decline, or a getter / Proxy trap that threw: the authoritative path decides.
    return undefined;
  } finally {
    values = outer;
  }
}
