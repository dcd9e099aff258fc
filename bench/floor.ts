/**
 * Row 3, the floor: a hand-written plain-number function that computes only the M1 and M3 amounts
 * (the `amount` of each measure: its eligible lines, G1 included, as docs/contract.md § A measure defines it), with no
 * validation, no trace, no Decimal, on inputs pre-parsed into plain numbers (untimed). Nothing can do
 * the same decisions with less work, so `ours / floor` says what validation, exact money, the trace
 * and the eleven other measures cost.
 *
 * `parsePlain` (raw request → plain numbers, no checks) is shared with the json-rules-engine peer,
 * which has to do the same before it can run its rules.
 *
 * Run on its own: `npm run build && tsx bench/run.ts --rows 3` (ours vs floor, interleaved).
 */
import type { PolicyRequestInput } from '../src/index.js';

/** A level's rank: municipal-sme 0, municipal-little-giant 1, national-little-giant 2. */
export const LEVEL_RANK: Record<string, number> = { 'municipal-sme': 0, 'municipal-little-giant': 1, 'national-little-giant': 2 };
/** The built-in edition's numbers, written in by hand (the floor does not read the edition). */
export const PLAIN_POLICY = {
  windowFrom: dayOf(2022, 1, 1),
  windowTo: dayOf(2025, 12, 31),
  tiers: [200_000, 500_000, 800_000],
  m3FirstYear: 2023,
  m3LastYear: 2025,
  m3Years: 3,
  m3Threshold: 800_000,
  m3MaxRate: 1,
  m3YearCap: 300_000,
} as const;

/** A registration entry in plain numbers. */
export interface PlainRegistration {
  business: boolean;
  region: string;
  from: number;
}
/** A designation in plain numbers. */
export interface PlainDesignation {
  rank: number;
  on: number;
  renewal: boolean;
  expires: number;
}
/** A lease in plain numbers. */
export interface PlainLease {
  area: number;
  start: number;
  end: number;
  rate: number;
  selfUse: boolean;
  inDistrict: boolean;
}
/** An enterprise request in plain numbers (institutions have no M1 or M3: `null`). */
export interface PlainEnterprise {
  asOf: number;
  independentLegalPerson: boolean | undefined;
  registrations: PlainRegistration[];
  /** Oldest first; on one day the lower level first, then a first award before a renewal. */
  designations: PlainDesignation[];
  /** Contribution by year; absent years are absent. */
  contributions: Map<number, number>;
  leases: PlainLease[];
}

/** Days since 1970-01-01 of a civil date (integer arithmetic). */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** `YYYY-MM-DD` → day number, no checks. */
export const parseDay = (text: string): number => dayOf(+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10));

/** The first day of each year 1970–2199, so that the year of a day is a short search. */
const YEAR_STARTS: number[] = Array.from({ length: 230 }, (_, i) => dayOf(1970 + i, 1, 1));
/** The calendar year of a day number (1970–2199). */
export function yearOfDay(day: number): number {
  let i = Math.min(YEAR_STARTS.length - 1, Math.floor(day / 365.2425) + 1);
  while (i > 0 && (YEAR_STARTS[i] as number) > day) i--;
  return 1970 + i;
}

/** The raw request in plain numbers (no validation: the inputs are known to be valid). */
export function parsePlain(request: PolicyRequestInput): PlainEnterprise | null {
  const e = request.enterprise;
  if (!e) return null;
  const designations = (e.designations ?? []).map((d) => ({
    rank: LEVEL_RANK[d.level] as number,
    on: parseDay(d.obtainedOn),
    renewal: d.renewal === true,
    expires: d.expiresOn === undefined ? Number.MAX_SAFE_INTEGER : parseDay(d.expiresOn),
  }));
  designations.sort((a, b) => a.on - b.on || a.rank - b.rank || Number(a.renewal) - Number(b.renewal) || a.expires - b.expires);
  const contributions = new Map<number, number>();
  for (const c of e.contributions ?? []) contributions.set(c.year, Number(c.amount));
  return {
    asOf: parseDay(request.asOf),
    independentLegalPerson: e.independentLegalPerson,
    registrations: (e.registrations ?? []).map((r) => ({ business: r.kind === 'business', region: r.region, from: parseDay(r.from) })),
    designations,
    contributions,
    leases: (e.leases ?? []).map((l) => ({
      area: Number(l.areaSqm),
      start: parseDay(l.start),
      end: parseDay(l.end),
      rate: Number(l.dailyRentPerSqm),
      selfUse: l.selfUse,
      inDistrict: l.inDistrict,
    })),
  };
}

/** The business registration's region on `day` (`undefined`: none yet, or no business timeline). */
export function businessRegionOn(p: PlainEnterprise, day: number): string | undefined {
  let region: string | undefined;
  for (const r of p.registrations) if (r.business && r.from <= day) region = r.region;
  return region;
}

/** Whether a designation is held on `day`. */
export function designatedOn(p: PlainEnterprise, day: number): boolean {
  for (const d of p.designations) if (d.on <= day && day <= d.expires) return true;
  return false;
}

/** R1: inside the window and not after asOf. */
const inWindow = (day: number, asOf: number): boolean => PLAIN_POLICY.windowFrom <= day && day <= PLAIN_POLICY.windowTo && day <= asOf;

/** R4's trigger day T: the first designation obtained in the window, or the first business move in while designated; -1 if none. */
export function rentTrigger(p: PlainEnterprise): number {
  let first = -1;
  for (const d of p.designations) {
    if (inWindow(d.on, p.asOf)) {
      first = d.on;
      break;
    }
  }
  let previous: string | undefined;
  for (const r of p.registrations) {
    if (!r.business) continue;
    if (previous !== undefined && r.region !== previous && r.region === 'mentougou' && inWindow(r.from, p.asOf) && designatedOn(p, r.from)) {
      if (first < 0 || r.from < first) first = r.from;
      break;
    }
    previous = r.region;
  }
  return first;
}

/** The days of [start, end] inside calendar year `year` (both ends counted). */
export function overlapDays(start: number, end: number, year: number): number {
  const from = Math.max(start, dayOf(year, 1, 1));
  const to = Math.min(end, dayOf(year, 12, 31));
  return to < from ? 0 : to - from + 1;
}

/** min(cap, Σ area × days × min(1, rent)) over the self-use leases in the district, rounded to the fen. */
export function rentYearAmount(p: PlainEnterprise, year: number): number {
  let sum = 0;
  for (const l of p.leases) {
    if (!l.selfUse || !l.inDistrict) continue;
    const days = overlapDays(l.start, l.end, year);
    if (days > 0) sum += l.area * days * Math.min(PLAIN_POLICY.m3MaxRate, l.rate);
  }
  return toFen(Math.min(PLAIN_POLICY.m3YearCap, sum));
}

/**
 * Rounds to the fen, half up. The products have at most three decimals (area 0.1 m², rent 0.01 yuan),
 * so a nudge of a millionth of a fen turns a binary x.xx4999… back into the x.xx5 it stands for.
 */
export const toFen = (yuan: number): number => Math.round(yuan * 100 + 1e-6) / 100;

/** Whether some self-use lease in the district overlaps `year`. */
export function hasRentInYear(p: PlainEnterprise, year: number): boolean {
  for (const l of p.leases) if (l.selfUse && l.inDistrict && overlapDays(l.start, l.end, year) > 0) return true;
  return false;
}

/** G1 (R9) met: registered in the district on asOf, an independent legal person, designated on asOf. */
export function applicable(p: PlainEnterprise): boolean {
  return p.independentLegalPerson === true && businessRegionOn(p, p.asOf) === 'mentougou' && designatedOn(p, p.asOf);
}

/** The floor: M1 and M3 amounts of a pre-parsed enterprise, plain numbers only. */
export function floorAmounts(p: PlainEnterprise | null): { m1: number; m3: number } {
  if (p === null || !applicable(p)) return { m1: 0, m3: 0 };
  // M1 (R2): the highest tier earned by a first-of-its-level, non-renewal designation in the window.
  let m1 = 0;
  let seen = 0;
  for (const d of p.designations) {
    const bit = 1 << d.rank;
    if (!(seen & bit) && !d.renewal && inWindow(d.on, p.asOf)) m1 = Math.max(m1, PLAIN_POLICY.tiers[d.rank] as number);
    seen |= bit;
  }
  // M3 (R4): each support year certified on its own.
  let m3 = 0;
  const trigger = rentTrigger(p);
  if (trigger >= 0) {
    const first = Math.max(PLAIN_POLICY.m3FirstYear, yearOfDay(trigger));
    const last = Math.min(first + PLAIN_POLICY.m3Years - 1, PLAIN_POLICY.m3LastYear, yearOfDay(p.asOf));
    for (let year = first; year <= last; year++) {
      if (businessRegionOn(p, Math.min(dayOf(year, 12, 31), p.asOf)) !== 'mentougou') continue;
      const contribution = p.contributions.get(year);
      if (contribution === undefined || contribution < PLAIN_POLICY.m3Threshold) continue;
      if (!hasRentInYear(p, year)) continue;
      m3 += rentYearAmount(p, year);
    }
  }
  return { m1, m3: toFen(m3) };
}
