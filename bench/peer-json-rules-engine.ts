/**
 * Row 2, the peer: the same M1 and M3 decisions written as json-rules-engine 7 rules, the way its
 * users must write them: the facts are pre-computed in JavaScript (the engine cannot iterate a
 * timeline or count lease days), the rules decide eligibility (G1 as a shared named condition, one rule
 * per M1 level, one rule per M3 support-year slot), and JavaScript then computes the amounts from the
 * events (the engine has no arithmetic). Plain numbers, no validation, no trace.
 *
 * Timed per item: raw request → facts → `engine.run` → amounts ("pipeline"). The engine alone, on
 * facts prepared beforehand, is reported too ("engine only"), which is the most favourable reading
 * for the peer. Each is measured awaiting one run at a time and with a whole batch in flight at once;
 * the faster of the two is the peer's figure.
 *
 * Run on its own: `npm run build && tsx bench/run.ts --rows 2` (ours vs peer, interleaved).
 */
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { PolicyRequestInput } from '../src/index.js';
import {
  businessRegionOn,
  dayOf,
  designatedOn,
  hasRentInYear,
  PLAIN_POLICY,
  type PlainEnterprise,
  parsePlain,
  rentTrigger,
  rentYearAmount,
  toFen,
  yearOfDay,
} from './floor.js';

const LEVEL_KEYS = ['sme', 'littleGiant', 'nationalGiant'] as const;
const SLOTS = [0, 1, 2] as const;

/** The facts the rules decide on, flat (no JSONPath needed), computed in JavaScript. */
export type PeerFacts = Record<string, number | boolean | string | null>;

/** G1 (R9), shared by every rule as a named condition. */
const G1: TopLevelCondition = {
  all: [
    { fact: 'businessRegionOnAsOf', operator: 'equal', value: 'mentougou' },
    { fact: 'independentLegalPerson', operator: 'equal', value: true },
    { fact: 'designatedOnAsOf', operator: 'equal', value: true },
  ],
};

/** M1 (R2): one rule per level: the first designation of the level is in the window, on or before asOf, and not a renewal. */
const m1Rules: RuleProperties[] = LEVEL_KEYS.map((key, rank) => ({
  name: `m1-${key}`,
  conditions: {
    all: [
      { condition: 'g1' },
      { fact: `${key}FirstOn`, operator: 'greaterThanInclusive', value: { fact: 'windowFrom' } },
      { fact: `${key}FirstOn`, operator: 'lessThanInclusive', value: { fact: 'windowTo' } },
      { fact: `${key}FirstOn`, operator: 'lessThanInclusive', value: { fact: 'asOf' } },
      { fact: `${key}FirstRenewal`, operator: 'equal', value: false },
    ],
  },
  event: { type: 'm1-tier', params: { rank } },
}));

/** M3 (R4): one rule per support-year slot: a trigger, the year reached, and the year certified on its own. */
const m3Rules: RuleProperties[] = SLOTS.map((slot) => ({
  name: `m3-year-${slot}`,
  conditions: {
    all: [
      { condition: 'g1' },
      { fact: 'm3Trigger', operator: 'equal', value: true },
      { fact: `m3Year${slot}`, operator: 'greaterThan', value: 0 },
      { fact: `m3Year${slot}RegisteredInDistrict`, operator: 'equal', value: true },
      { fact: `m3Year${slot}Contribution`, operator: 'greaterThanInclusive', value: PLAIN_POLICY.m3Threshold },
      { fact: `m3Year${slot}SelfUseLease`, operator: 'equal', value: true },
    ],
  },
  event: { type: 'm3-year', params: { slot } },
}));

/** The engine with the M1 and M3 rules (one engine, reused for every request, as its users do). */
export function createPeerEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.setCondition('g1', G1);
  for (const rule of [...m1Rules, ...m3Rules]) engine.addRule(rule);
  return engine;
}

/** Pre-computes the flat facts of a pre-parsed enterprise (what the rules cannot derive themselves). */
export function peerFacts(p: PlainEnterprise): PeerFacts {
  const facts: PeerFacts = {
    asOf: p.asOf,
    windowFrom: PLAIN_POLICY.windowFrom,
    windowTo: PLAIN_POLICY.windowTo,
    businessRegionOnAsOf: businessRegionOn(p, p.asOf) ?? null,
    independentLegalPerson: p.independentLegalPerson ?? null,
    designatedOnAsOf: designatedOn(p, p.asOf),
  };
  // The first designation of each level (R2: only it can earn the tier).
  for (const key of LEVEL_KEYS) {
    facts[`${key}FirstOn`] = -1;
    facts[`${key}FirstRenewal`] = null;
  }
  const seen = [false, false, false];
  for (const d of p.designations) {
    if (seen[d.rank]) continue;
    seen[d.rank] = true;
    const key = LEVEL_KEYS[d.rank] as string;
    facts[`${key}FirstOn`] = d.on;
    facts[`${key}FirstRenewal`] = d.renewal;
  }
  // The rent subsidy's trigger and its support years (R4).
  const trigger = rentTrigger(p);
  facts.m3Trigger = trigger >= 0;
  const first = trigger >= 0 ? Math.max(PLAIN_POLICY.m3FirstYear, yearOfDay(trigger)) : 0;
  const last = trigger >= 0 ? Math.min(first + PLAIN_POLICY.m3Years - 1, PLAIN_POLICY.m3LastYear, yearOfDay(p.asOf)) : -1;
  for (const slot of SLOTS) {
    const year = first + slot;
    const reached = trigger >= 0 && year <= last;
    facts[`m3Year${slot}`] = reached ? year : 0;
    facts[`m3Year${slot}RegisteredInDistrict`] = reached && businessRegionOn(p, Math.min(dayOf(year, 12, 31), p.asOf)) === 'mentougou';
    facts[`m3Year${slot}Contribution`] = reached ? (p.contributions.get(year) ?? null) : null;
    facts[`m3Year${slot}SelfUseLease`] = reached && hasRentInYear(p, year);
  }
  return facts;
}

/** The amounts from the events: M1 the highest tier earned, M3 the sum of the certified years' amounts. */
export function amountsFromEvents(p: PlainEnterprise, facts: PeerFacts, events: readonly { type: string; params?: Record<string, unknown> }[]): { m1: number; m3: number } {
  let m1 = 0;
  let m3 = 0;
  for (const event of events) {
    if (event.type === 'm1-tier') m1 = Math.max(m1, PLAIN_POLICY.tiers[event.params?.rank as number] as number);
    else if (event.type === 'm3-year') m3 += rentYearAmount(p, facts[`m3Year${event.params?.slot as number}`] as number);
  }
  return { m1, m3: toFen(m3) };
}

/** The whole peer pipeline for one raw request: facts → rules → amounts. Institutions have no M1 or M3. */
export async function peerDecide(engine: Engine, request: PolicyRequestInput): Promise<{ m1: number; m3: number }> {
  const p = parsePlain(request);
  if (p === null) return { m1: 0, m3: 0 };
  const facts = peerFacts(p);
  const { events } = await engine.run(facts);
  return amountsFromEvents(p, facts, events);
}

/** For the engine-only reading: everything the engine needs, prepared beforehand. */
export interface PreparedPeerItem {
  plain: PlainEnterprise | null;
  facts: PeerFacts | null;
}

/** Prepares the facts of every request (untimed, for the engine-only reading). */
export function preparePeer(requests: readonly PolicyRequestInput[]): PreparedPeerItem[] {
  return requests.map((request) => {
    const plain = parsePlain(request);
    return { plain, facts: plain === null ? null : peerFacts(plain) };
  });
}

/** The engine-only step for one prepared request: `engine.run` on the facts, then the amounts. */
export async function peerEngineOnly(engine: Engine, item: PreparedPeerItem): Promise<{ m1: number; m3: number }> {
  if (item.plain === null || item.facts === null) return { m1: 0, m3: 0 };
  const { events } = await engine.run(item.facts);
  return amountsFromEvents(item.plain, item.facts, events);
}
