/**
 * DESIGN §6: at the limits one request assesses in under 100 ms; no rule is worse than O(n log n) in the
 * length of a list. Here each list is filled to 10,000 valid entries and the budget asserted loosely
 * (2 s, best of two runs after a warm-up, so CI noise cannot fail it); the real figures are in
 * BENCHMARKS.md ("Requests at the limits"). Attacks of issue 12: 10^5 designations took 119 s
 * (`designations.slice(0, i)` per entry); an institution with 10^4 introduced enterprises and M5
 * disbursements 5.6 s (a filter per line). The faster rules are checked against the plain ones they
 * replace (kept here as oracles) over seeded random inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeAssessUnknown as safeAssess } from '../../src/assess.js';
import type { DayNumber } from '../../src/core/calendar.js';
import { formatMoney, Money, ZERO } from '../../src/core/money.js';
import { designationSteps } from '../../src/facts/designation-steps.js';
import {
  deriveFacts,
  type EnterpriseFacts,
  firstDayIn,
  holdsDesignationOn,
  isInWindow,
  regionOn,
  registrationTimeline,
  spansDesignated,
  spansOutOfDistrict,
} from '../../src/facts/facts.js';
import { parseRequest } from '../../src/model/parse.js';
import { type Designation, LEVELS, REGIONS, type Registration, type RegistrationKind } from '../../src/model/request.js';
import { editionValues } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { validEnterpriseRequest, validRequest } from '../fuzz/support.js';
import { ENTERPRISE_LISTS, enterpriseWithEveryList, INSTITUTION_LISTS, requestWithList, retentionWorstCase } from '../../bench/at-limits.js';

const BUDGET_MS = 2_000;

/** The best of two timed runs of `safeAssess`, after a warm-up on the same shape of request (10 entries). */
function bestOfTwo(request: unknown, warmUp: unknown): { ms: number; result: ReturnType<typeof safeAssess> } {
  safeAssess(warmUp);
  let best = Number.POSITIVE_INFINITY;
  let result = safeAssess(warmUp);
  for (let run = 0; run < 2; run++) {
    const start = performance.now();
    result = safeAssess(request);
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, result };
}

const NAMES: Record<string, string> = {
  registrations: '10^4 registrations (two timelines of 5,000 changes)',
  designations: '10^4 designations (the M1 ladder, the M3 triggers)',
  caseByCaseSupport: '10^4 case-by-case supports',
  integrityFindings: '10^4 integrity findings',
  disbursements: '10^4 disbursements (ledger and G5 periods)',
  otherBenefits: '10^4 other benefits (G2)',
  contributions: '252 contributions (one per year 1949–2200)',
  leases: '10^4 leases (M3 years)',
  introducedEnterprises: '10^4 introduced enterprises (M5 lines)',
  institutionDisbursements: '10^4 introduced enterprises and 10^4 M5 disbursements (the ledger per line)',
};

describe('a request at the limits assesses in < 2 s (target < 100 ms: BENCHMARKS.md)', () => {
  for (const list of [...ENTERPRISE_LISTS, ...INSTITUTION_LISTS]) {
    it(`${NAMES[list]} assess in < 2 s`, { timeout: 30_000 }, () => {
      const { ms, result } = bestOfTwo(requestWithList(list), requestWithList(list, 10));
      expect(result.ok ? 'ok' : result.issues.slice(0, 3)).toBe('ok');
      expect(ms).toBeLessThan(BUDGET_MS);
    });
  }

  it('10^4 introduced enterprises give 10^4 M5 lines, each with its own ledger entry', () => {
    const { result } = bestOfTwo(requestWithList('institutionDisbursements'), requestWithList('institutionDisbursements', 10));
    if (!result.ok) throw new Error('expected a result');
    const m5 = result.value.measures.find((m) => m.measure === 'M5')!;
    expect(m5.lines).toHaveLength(10_000);
    // Each enterprise E1…E10000 was paid 100 once (paidOn inside its window).
    expect(m5.lines.every((l) => l.paid === '100.00')).toBe(true);
  });

  // Eight lists of 10^4 at once are eight times the work of one (about 4.7 MB of JSON): the budget is
  // looser, as its point is the products of lists, which a quadratic rule would take minutes over.
  it('an enterprise with every list at 10^4 at once (payments × timelines, moves × designations) assesses in < 5 s', { timeout: 60_000 }, () => {
    const { ms, result } = bestOfTwo(enterpriseWithEveryList(), enterpriseWithEveryList(10));
    expect(result.ok ? 'ok' : result.issues.slice(0, 3)).toBe('ok');
    expect(ms).toBeLessThan(5_000);
  });

  it('G5 at its worst (two timelines of 5,000 entries all in Mentougou, 10^4 payments whose periods span ~2,900 of them) assesses in < 2 s', { timeout: 30_000 }, () => {
    const { ms, result } = bestOfTwo(retentionWorstCase(), retentionWorstCase(10));
    expect(result.ok ? 'ok' : result.issues.slice(0, 3)).toBe('ok');
    if (result.ok) expect(result.value.clawback.breached).toBe(false);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('10^5 designations (the attack of issue 12) are refused as too-many in < 2 s', () => {
    const request = requestWithList('designations', 100_000);
    const start = performance.now();
    const result = safeAssess(request);
    expect(performance.now() - start).toBeLessThan(BUDGET_MS);
    expect(result.ok ? [] : result.issues.map((i) => `${i.path.join('.')} ${i.code}`)).toEqual(['enterprise.designations too-many']);
  });
});

// ---------------------------------------------------------------------------------------------------
// The faster rules against the plain ones they replace.

const values = editionValues(mentougou2022Draft);

/** The M1 ladder as it was (R2): an earlier designation of the same level is looked for among all before it. */
function ladderOracle(facts: EnterpriseFacts): Designation[] {
  const steps: Designation[] = [];
  let highestRank = -1;
  facts.designations.forEach((d, i) => {
    const earlier = facts.designations.slice(0, i);
    if (!isInWindow(d.obtainedOn, values, facts.asOf) || d.renewal === true || earlier.some((e) => e.level === d.level)) return;
    const rank = LEVELS.indexOf(d.level);
    if (rank <= highestRank) return;
    steps.push(d);
    highestRank = rank;
  });
  return steps;
}

/** G5's first day out as it was (R13): every change of the timeline in `from..to`, each by `regionOn`. */
function firstDayOutOracle(registrations: readonly Registration[], kind: RegistrationKind, from: DayNumber, to: DayNumber): DayNumber | null {
  const candidates = [from, ...registrationTimeline(registrations, kind).map((r) => r.from).filter((d) => d > from && d <= to)];
  for (const day of candidates) {
    const region = regionOn(registrations, kind, day);
    if (region !== undefined && region !== 'mentougou') return day;
  }
  return null;
}

/** One kind's timeline, strictly oldest first, on days 0–400. */
const timelineOf = (kind: RegistrationKind): fc.Arbitrary<Registration[]> =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 8 })
    .chain((days) => fc.tuple(...days.sort((a, b) => a - b).map((from) => fc.constantFrom(...REGIONS).map((region): Registration => ({ kind, region, from })))));

/** A registration timeline of both kinds. */
const timelines: fc.Arbitrary<Registration[]> = fc.tuple(timelineOf('business'), timelineOf('tax')).map(([business, tax]) => [...business, ...tax]);

describe('the faster rules decide as the plain ones did (seeded)', () => {
  it('the M1 ladder in one pass equals the look-back over all earlier designations (2,000 enterprises)', () => {
    fc.assert(
      fc.property(validEnterpriseRequest, (request) => {
        const parsed = parseRequest(request);
        if (!parsed.ok) throw new Error('the generator makes valid requests');
        const facts = deriveFacts(parsed.value) as EnterpriseFacts;
        expect(designationSteps(facts, values).map((s) => s.designation)).toEqual(ladderOracle(facts));
      }),
      { seed: 6101, numRuns: 2_000 },
    );
  });

  it('G5: the first day out by binary search over the spans equals the walk of the timeline (5,000 timelines × queries)', () => {
    fc.assert(
      fc.property(timelines, fc.integer({ min: -10, max: 410 }), fc.integer({ min: 0, max: 200 }), (registrations, from, length) => {
        for (const kind of ['business', 'tax'] as const) {
          expect(firstDayIn(spansOutOfDistrict(registrations, kind), from, from + length)).toBe(firstDayOutOracle(registrations, kind, from, from + length));
        }
      }),
      { seed: 6102, numRuns: 5_000 },
    );
  });

  it('M3: held on a day by binary search over the merged spans equals holdsDesignationOn (5,000 cases)', () => {
    const designation = fc.record(
      { level: fc.constantFrom(...LEVELS), obtainedOn: fc.integer({ min: 0, max: 300 }), expiresOn: fc.option(fc.integer({ min: -5, max: 320 }), { nil: undefined }) },
      { requiredKeys: ['level', 'obtainedOn'] },
    );
    fc.assert(
      fc.property(fc.array(designation, { maxLength: 6 }), fc.integer({ min: -5, max: 330 }), (list, day) => {
        const designations = list.map(({ expiresOn, ...d }) => (expiresOn === undefined ? d : { ...d, expiresOn })) as Designation[];
        expect(firstDayIn(spansDesignated(designations), day, day) !== null).toBe(holdsDesignationOn(designations, day));
      }),
      { seed: 6103, numRuns: 5_000 },
    );
  });

  it('the ledger indexed once: each M3 / M5 line is paid the sum of its year’s / enterprise’s disbursements (1,000 requests)', () => {
    fc.assert(
      fc.property(validRequest, (request) => {
        const result = safeAssess(request);
        if (!result.ok) throw new Error('the generator makes valid requests');
        const subject = (request.enterprise ?? request.institution) as { disbursements?: { measure: string; amount: string | number; year?: number; enterpriseId?: string }[] };
        for (const m of result.value.measures.filter((x) => x.measure === 'M3' || x.measure === 'M5')) {
          for (const line of m.lines) {
            const paid = (subject.disbursements ?? [])
              .filter((d) => d.measure === m.measure && (m.measure === 'M3' ? String(d.year) === line.id : d.enterpriseId === line.id))
              .reduce((sum, d) => sum.plus(new Money(d.amount)), ZERO);
            expect(line.paid).toBe(formatMoney(paid));
          }
        }
      }),
      { seed: 6104, numRuns: 1_000 },
    );
  });
});
