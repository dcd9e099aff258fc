/**
 * Issue 12 item 5, DESIGN §7 (R-sound), over seeded random requests with unknown facts (the fuzz
 * generator's and the benchmark generator's):
 *
 * - **soundness**: giving any one missing fact any valid value never changes a decided line (its
 *   outcome, amount and payable), nor a measure with no open line;
 * - **completeness**: giving all of a measure's `missing` facts decides it.
 *
 * "Any valid value" is a small table from a missing path to candidate values (`CANDIDATES` below):
 * both booleans; counts either side of their thresholds; every level; amounts either side of the
 * contribution threshold for each year in question; business timelines founded in or out of the
 * district, moving in or out on days around the window.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeAssessUnknown as safeAssess } from '../../src/assess.js';
import type { AssessmentResult, MeasureResultOutput } from '../../src/model/result.js';
import { generateRequests } from '../../bench/generate.js';
import { FUZZ_TIMEOUT_MS, type RequestJson, validRequest } from '../fuzz/support.js';
import { MUTATION_RUN, propertyRuns } from '../fuzz/scale.js';

type Json = unknown;
/** One way of giving a missing fact: a name for the report, and the request with the fact given. */
interface Candidate {
  label: string;
  apply: (request: RequestJson) => RequestJson;
}

const assessed = (request: RequestJson): AssessmentResult => {
  const result = safeAssess(request);
  if (!result.ok) throw new Error(`not valid: ${JSON.stringify(result.issues.slice(0, 3))}\n${JSON.stringify(request)}`);
  return result.value;
};

const subjectKey = (request: RequestJson): 'enterprise' | 'institution' => ('enterprise' in request ? 'enterprise' : 'institution');

/** A copy of the request with `dotted` (a path from the root, e.g. `institution.introducedEnterprises.2.highestLevel`) set. */
function withValue(request: RequestJson, dotted: string, value: Json): RequestJson {
  const copy = structuredClone(request);
  const keys = dotted.split('.');
  let node = copy as Record<string, Json>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, Json>;
  node[keys[keys.length - 1]!] = value;
  return copy;
}

/** A copy of the subject with `update` applied to it. */
function withSubject(request: RequestJson, update: (subject: Record<string, Json>) => void): RequestJson {
  const copy = structuredClone(request);
  update(copy[subjectKey(copy)] as Record<string, Json>);
  return copy;
}

/** The support years whose contribution is not known (M3 lines with an unknown contribution condition). */
function yearsInQuestion(result: AssessmentResult): number[] {
  const m3 = result.measures.find((m) => m.measure === 'M3');
  const years = (m3?.lines ?? []).filter((l) => l.conditions.some((c) => c.status === 'unknown' && c.missing.includes('enterprise.contributions'))).map((l) => Number(l.details.contributionYear));
  return [...new Set(years)].sort();
}

const CONTRIBUTION_AMOUNTS = ['799999.99', '800000.00', '2500000'];
const BOOLEAN_PATHS = new Set([
  'enterprise.independentLegalPerson',
  'institution.independentLegalPerson',
  'institution.certified',
  'enterprise.physicalOperationInDistrict',
  'enterprise.smallOrMicro',
  'enterprise.expandsCapacityWithoutNewLand',
  'enterprise.fundraisingProjectInDistrict',
  'enterprise.cultivationCandidate',
]);
const COUNTS: Record<string, number[]> = { 'enterprise.jingxiTalents': [0, 1, 7], 'institution.residentSrdiCount': [0, 4, 5, 12] };
const HIGHEST_LEVEL = /^institution\.introducedEnterprises\.\d+\.highestLevel$/;

const iso = (text: string): string => text;
/** Business timelines for a subject that has none: founded in or out of Mentougou, moving in or out later. */
function businessTimelines(asOf: string): { label: string; entries: { kind: 'business'; region: string; from: string }[] }[] {
  const founded = '2008-01-01';
  const days = ['2021-12-31', '2023-06-30', asOf].filter((d, i, all) => d > founded && d <= asOf && all.indexOf(d) === i).map(iso);
  const out: { label: string; entries: { kind: 'business'; region: string; from: string }[] }[] = [];
  for (const region of ['mentougou', 'beijing-other', 'outside-beijing']) out.push({ label: `founded in ${region}`, entries: [{ kind: 'business', region, from: founded }] });
  for (const day of days) {
    out.push({ label: `outside-beijing, moved in ${day}`, entries: [{ kind: 'business', region: 'outside-beijing', from: founded }, { kind: 'business', region: 'mentougou', from: day }] });
    out.push({ label: `beijing-other, moved in ${day}`, entries: [{ kind: 'business', region: 'beijing-other', from: founded }, { kind: 'business', region: 'mentougou', from: day }] });
    out.push({ label: `mentougou, moved out ${day}`, entries: [{ kind: 'business', region: 'mentougou', from: founded }, { kind: 'business', region: 'outside-beijing', from: day }] });
  }
  return out;
}

/**
 * The candidate values of one missing path (DESIGN §7's "any valid value", as a small table). For
 * `enterprise.contributions`, one candidate gives one year in question one amount (soundness: one fact
 * at a time); `all` gives every year in question, for completeness.
 */
function candidatesFor(request: RequestJson, result: AssessmentResult, path: string, all = false): Candidate[] {
  if (BOOLEAN_PATHS.has(path)) return [true, false].map((value) => ({ label: `${path} = ${value}`, apply: (r) => withValue(r, path, value) }));
  if (COUNTS[path]) return COUNTS[path].map((value) => ({ label: `${path} = ${value}`, apply: (r) => withValue(r, path, value) }));
  if (HIGHEST_LEVEL.test(path)) {
    return ['none', 'municipal-sme', 'municipal-little-giant', 'national-little-giant'].map((value) => ({ label: `${path} = ${value}`, apply: (r) => withValue(r, path, value) }));
  }
  if (path === 'enterprise.listing.municipalStandardReward') return ['0', '150000', '3000000'].map((value) => ({ label: `${path} = ${value}`, apply: (r) => withValue(r, path, value) }));
  if (path === 'enterprise.contributions') {
    const years = yearsInQuestion(result);
    const add = (entries: { year: number; amount: string }[]) => (r: RequestJson) =>
      withSubject(r, (s) => {
        s.contributions = [...((s.contributions as Json[] | undefined) ?? []), ...entries];
      });
    if (all) return CONTRIBUTION_AMOUNTS.map((amount) => ({ label: `contributions ${years.join(', ')} = ${amount}`, apply: add(years.map((year) => ({ year, amount }))) }));
    return years.flatMap((year) => CONTRIBUTION_AMOUNTS.map((amount) => ({ label: `contribution ${year} = ${amount}`, apply: add([{ year, amount }]) })));
  }
  if (path === 'enterprise.registrations' || path === 'institution.registrations') {
    return businessTimelines(String(request.asOf)).map(({ label, entries }) => ({
      label: `business registration ${label}`,
      apply: (r) =>
        withSubject(r, (s) => {
          s.registrations = [...((s.registrations as Json[] | undefined) ?? []), ...entries];
        }),
    }));
  }
  throw new Error(`no candidate values for the missing path ${path}: add it to the table`);
}

/** What a decided line is: its outcome and money. */
const lineFigure = (l: MeasureResultOutput['lines'][number]) => ({ outcome: l.outcome, amount: l.amount, payable: l.payable });
/** What a measure is, when none of its lines is open. */
const measureFigure = (m: MeasureResultOutput) => ({ outcome: m.outcome, amount: m.amount, payable: m.payable, missing: m.missing, lines: m.lines.map((l) => [l.id, lineFigure(l)]) });

/** Soundness problems of `after` (the request with one fact given) against `before`. */
function soundnessProblems(before: AssessmentResult, after: AssessmentResult, what: string): string[] {
  const problems: string[] = [];
  for (const m of before.measures) {
    const now = after.measures.find((x) => x.measure === m.measure)!;
    for (const line of m.lines) {
      if (line.outcome === 'undetermined') continue;
      const later = now.lines.find((l) => l.id === line.id);
      if (later === undefined || JSON.stringify(lineFigure(later)) !== JSON.stringify(lineFigure(line))) {
        problems.push(`${what}: ${m.measure} line ${line.id} was ${JSON.stringify(lineFigure(line))}, is ${later ? JSON.stringify(lineFigure(later)) : 'gone'}`);
      }
    }
    const open = m.outcome === 'undetermined' || m.lines.some((l) => l.outcome === 'undetermined');
    if (!open && JSON.stringify(measureFigure(now)) !== JSON.stringify(measureFigure(m))) {
      problems.push(`${what}: ${m.measure} (no open line) was ${JSON.stringify(measureFigure(m))}, is ${JSON.stringify(measureFigure(now))}`);
    }
  }
  return problems;
}

const missingPaths = (result: AssessmentResult): string[] => [...new Set(result.measures.flatMap((m) => m.missing))].sort();

/** How often each kind of missing path was given a value (so a generator that stops making unknowns fails the test). */
const exercised = new Map<string, number>();
const kindOf = (path: string): string => path.replace(/\.\d+\./, '.N.');

/** Throws, naming the request, the path, the value and what changed, when soundness fails. */
function checkSoundness(request: RequestJson): void {
  const before = assessed(request);
  for (const path of missingPaths(before)) {
    exercised.set(kindOf(path), (exercised.get(kindOf(path)) ?? 0) + 1);
    for (const candidate of candidatesFor(request, before, path)) {
      const problems = soundnessProblems(before, assessed(candidate.apply(request)), candidate.label);
      if (problems.length > 0) throw new Error(`${problems.join('\n')}\nrequest: ${JSON.stringify(request)}`);
    }
  }
}

/** The requests of a measure's completeness check: every missing fact given, the k-th candidate of each. */
function completions(request: RequestJson, result: AssessmentResult, m: MeasureResultOutput): Candidate[] {
  const tables = m.missing.map((path) => candidatesFor(request, result, path, true));
  const rounds = Math.max(...tables.map((t) => t.length));
  return Array.from({ length: rounds }, (_, k) => {
    const chosen = tables.map((t) => t[k % t.length]!);
    return { label: chosen.map((c) => c.label).join('; '), apply: (r) => chosen.reduce((acc, c) => c.apply(acc), r) };
  });
}

/**
 * The known gap (a finding of this test, reported to the lead; DESIGN §7 R-sound is not met here): M3
 * whose trigger is unknown because the business timeline is absent lists only
 * `enterprise.registrations`. A timeline that moves in while designated then triggers the support
 * years, whose contributions may not be given: M3 is still undetermined, now missing
 * `enterprise.contributions`. Such a case is checked to be decided in a second round (the
 * contributions of the years it then names), instead of failing the property.
 */
const isKnownM3Gap = (before: MeasureResultOutput, after: MeasureResultOutput): boolean =>
  before.measure === 'M3' && before.lines.length === 0 && before.missing.includes('enterprise.registrations') && after.missing.length === 1 && after.missing[0] === 'enterprise.contributions';

/** Completeness problems: a measure still undetermined once all its missing facts are given. */
function completenessProblems(request: RequestJson): string[] {
  const before = assessed(request);
  const problems: string[] = [];
  for (const m of before.measures) {
    if (m.missing.length === 0) continue;
    for (const completion of completions(request, before, m)) {
      const given = completion.apply(request);
      const result = assessed(given);
      const after = result.measures.find((x) => x.measure === m.measure)!;
      if (after.outcome !== 'undetermined') continue;
      if (isKnownM3Gap(m, after)) {
        const second = completions(given, result, after).map((c) => assessed(c.apply(given)).measures.find((x) => x.measure === 'M3')!);
        if (second.every((x) => x.outcome !== 'undetermined')) continue;
      }
      problems.push(`${m.measure} missing [${m.missing.join(', ')}], given ${completion.label}: still undetermined, now missing [${after.missing.join(', ')}]`);
    }
  }
  return problems;
}

/** Facts a request may leave out, each forgotten when its bit of `mask` is set. */
const FORGETTABLE = [
  'independentLegalPerson',
  'physicalOperationInDistrict',
  'smallOrMicro',
  'expandsCapacityWithoutNewLand',
  'fundraisingProjectInDistrict',
  'cultivationCandidate',
  'jingxiTalents',
  'certified',
  'residentSrdiCount',
] as const;

/**
 * The request with facts forgotten, so that every kind of unknown is met often: the bits of `mask`
 * pick the booleans and counts above, then the listing's municipal standard, the introduced
 * enterprises' levels, the business timeline (all of it: the tax one stays) and the contributions.
 */
function forget(request: RequestJson, mask: number): RequestJson {
  return withSubject(request, (s) => {
    FORGETTABLE.forEach((key, bit) => {
      if (mask & (1 << bit)) delete s[key];
    });
    let bit = FORGETTABLE.length;
    const listing = s.listing as Record<string, Json> | undefined;
    if (listing && mask & (1 << bit++)) delete listing.municipalStandardReward;
    const introduced = s.introducedEnterprises as Record<string, Json>[] | undefined;
    if (introduced && mask & (1 << bit++)) introduced.forEach((e, i) => i % 2 === 0 && delete e.highestLevel);
    const registrations = s.registrations as Record<string, Json>[] | undefined;
    if (registrations && mask & (1 << bit++)) s.registrations = registrations.filter((r) => r.kind !== 'business');
    const contributions = s.contributions as Json[] | undefined;
    if (contributions && mask & (1 << bit++)) s.contributions = contributions.filter((_, i) => i % 2 === 1);
  });
}

/** Valid requests with unknown facts: the fuzz generator's, with facts forgotten (each about one time in four). */
const requestWithUnknowns: fc.Arbitrary<RequestJson> = fc.tuple(validRequest, fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }), fc.nat()).map(([request, bits, salt]) =>
  forget(request, bits.reduce((mask, on, i) => (on && (salt + i) % 2 === 0 ? mask | (1 << i) : mask), 0)),
);

const benchRequests = generateRequests(propertyRuns(400), 4242) as unknown as RequestJson[];

describe('R-sound soundness: giving one missing fact any valid value never changes a decided line, nor a measure with no open line', () => {
  it(`${propertyRuns(600)} fuzz requests with facts forgotten (seed 7101), every missing path, every candidate value`, { timeout: FUZZ_TIMEOUT_MS }, () => {
    fc.assert(fc.property(requestWithUnknowns, checkSoundness), { seed: 7101, numRuns: propertyRuns(600) });
  });

  it(`${propertyRuns(400)} benchmark requests (seed 4242), every missing path, every candidate value`, { timeout: FUZZ_TIMEOUT_MS }, () => {
    for (const request of benchRequests) checkSoundness(request);
  });
});

describe('R-sound completeness: giving all of a measure’s missing facts decides it', () => {
  it(`${propertyRuns(300)} fuzz requests with facts forgotten (seed 7102)`, { timeout: FUZZ_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(requestWithUnknowns, (request) => {
        const problems = completenessProblems(request);
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\nrequest: ${JSON.stringify(request)}`);
      }),
      { seed: 7102, numRuns: propertyRuns(300) },
    );
  });

  it(`${propertyRuns(400)} benchmark requests (seed 4242)`, { timeout: FUZZ_TIMEOUT_MS }, () => {
    for (const request of benchRequests) {
      const problems = completenessProblems(request);
      if (problems.length > 0) throw new Error(`${problems.join('\n')}\nrequest: ${JSON.stringify(request)}`);
    }
  });

  // The known gap, pinned (see isKnownM3Gap): `it.fails` passes while M3 misses the contributions its
  // unknown trigger would need; once M3 lists them (or DESIGN settles the reading), remove `.fails`.
  it.fails('known gap: M3 with no business timeline misses only enterprise.registrations, yet a move in while designated leaves it undetermined (needs enterprise.contributions)', () => {
    const request: RequestJson = {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E',
        independentLegalPerson: true,
        designations: [{ level: 'municipal-sme', obtainedOn: '2021-06-01' }],
        leases: [{ id: 'L1', areaSqm: '100', start: '2022-01-01', end: '2025-12-31', dailyRentPerSqm: '1', selfUse: true, inDistrict: true }],
      },
    };
    const m3 = (r: RequestJson) => assessed(r).measures.find((m) => m.measure === 'M3')!;
    expect(m3(request).missing).toEqual(['enterprise.registrations']);
    // Given its only missing fact: moved in from outside Beijing on 2023-06-30, while designated.
    const given = withSubject(request, (s) => {
      s.registrations = [
        { kind: 'business', region: 'outside-beijing', from: '2008-01-01' },
        { kind: 'business', region: 'mentougou', from: '2023-06-30' },
      ];
    });
    expect(m3(given).outcome).not.toBe('undetermined'); // fails: undetermined, missing [enterprise.contributions]
  });

  it('the known gap is one round deep: the contributions M3 then names decide it', () => {
    const given: RequestJson = {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E',
        independentLegalPerson: true,
        designations: [{ level: 'municipal-sme', obtainedOn: '2021-06-01' }],
        leases: [{ id: 'L1', areaSqm: '100', start: '2022-01-01', end: '2025-12-31', dailyRentPerSqm: '1', selfUse: true, inDistrict: true }],
        registrations: [
          { kind: 'business', region: 'outside-beijing', from: '2008-01-01' },
          { kind: 'business', region: 'mentougou', from: '2023-06-30' },
        ],
      },
    };
    const result = assessed(given);
    const m3 = result.measures.find((m) => m.measure === 'M3')!;
    expect([m3.outcome, m3.missing, yearsInQuestion(result)]).toEqual(['undetermined', ['enterprise.contributions'], [2023, 2024]]);
    for (const completion of completions(given, result, m3)) expect(assessed(completion.apply(given)).measures.find((m) => m.measure === 'M3')!.outcome).not.toBe('undetermined');
  });
});

describe('the generators make every kind of unknown the rules can miss', () => {
  // about the generators, not the rules: it needs the full number of runs, which the mutation run cuts to a tenth
  it.skipIf(MUTATION_RUN)('each missing path kind was given values at least 5 times by the soundness runs (and no other kind appeared)', () => {
    const kinds = [
      'enterprise.registrations',
      'institution.registrations',
      'enterprise.independentLegalPerson',
      'institution.independentLegalPerson',
      'institution.certified',
      'institution.residentSrdiCount',
      'institution.introducedEnterprises.N.highestLevel',
      'enterprise.physicalOperationInDistrict',
      'enterprise.smallOrMicro',
      'enterprise.expandsCapacityWithoutNewLand',
      'enterprise.fundraisingProjectInDistrict',
      'enterprise.cultivationCandidate',
      'enterprise.jingxiTalents',
      'enterprise.contributions',
      'enterprise.listing.municipalStandardReward',
    ];
    const counts = Object.fromEntries(kinds.map((k) => [k, exercised.get(k) ?? 0]));
    expect(Object.entries(counts).filter(([, n]) => n < 5)).toEqual([]);
    expect([...exercised.keys()].filter((k) => !kinds.includes(k))).toEqual([]);
  });
});

describe('finding of the soundness property, fixed (R4: T is the first trigger, DESIGN §7 R-sound)', () => {
  // Without the business timeline a move in while designated cannot be seen. It used to be ignored
  // when a designation trigger was seen, so M3 looked decided (ineligible, nothing missing) on support
  // years that an earlier, unseen move would change. Counterexample of seed 7101:
  // {"asOf":"2024-12-29","enterprise":{"id":"a","designations":[{"level":"municipal-sme","obtainedOn":"2024-01-01"},
  //  {"level":"municipal-sme","obtainedOn":"2008-01-01"}]}}: M3 ineligible with line 2024; given a business
  // timeline moving in from outside Beijing on 2022-01-01, a line 2023 appeared.
  const m3 = (request: RequestJson) => assessed(request).measures.find((m) => m.measure === 'M3')!;
  const withMoveIn2022 = (request: RequestJson) =>
    withSubject(request, (s) => {
      s.registrations = [
        { kind: 'business', region: 'outside-beijing', from: '2008-01-01' },
        { kind: 'business', region: 'mentougou', from: '2022-01-01' },
      ];
    });

  it('a designation trigger in 2024 and a title held since 2008: a move in on a 2022 day could come first, so T is unknown (needs enterprise.registrations)', () => {
    const request: RequestJson = {
      asOf: '2024-12-29',
      enterprise: { id: 'a', designations: [{ level: 'municipal-sme', obtainedOn: '2024-01-01' }, { level: 'municipal-sme', obtainedOn: '2008-01-01' }] },
    };
    expect([m3(request).outcome, m3(request).lines]).toEqual(['undetermined', []]);
    expect(m3(request).conditions.find((c) => c.id === 'm3.newly-designated-or-moved-in')).toMatchObject({ status: 'unknown', missing: ['enterprise.registrations'] });
    expect(m3(withMoveIn2022(request)).lines.map((l) => l.id)).toEqual(['2023', '2024']);
  });

  it('the money this hid: M3 looked ineligible, yet a move in on 2022-01-01 makes 2023 a support year worth 36,500.00', () => {
    const request: RequestJson = {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E',
        independentLegalPerson: true,
        retentionCommitmentSignedOn: '2022-01-01',
        designations: [{ level: 'municipal-sme', obtainedOn: '2024-01-01' }, { level: 'municipal-sme', obtainedOn: '2015-01-01' }],
        contributions: [{ year: 2023, amount: '900000' }, { year: 2024, amount: '900000' }],
        leases: [{ id: 'L1', areaSqm: '100', start: '2023-01-01', end: '2023-12-31', dailyRentPerSqm: '1', selfUse: true, inDistrict: true }],
      },
    };
    expect(m3(request).outcome).toBe('undetermined');
    // 100 m² × 365 days of 2023 × min(1, 1) yuan = 36,500.00 (under the 300,000 cap); 2024 has no lease.
    const given = m3(withMoveIn2022(request));
    expect(given.lines.map((l) => [l.id, l.outcome, l.amount])).toEqual([
      ['2023', 'eligible', '36500.00'],
      ['2024', 'ineligible', '0.00'],
    ]);
  });

  it('an earlier possible move that gives the same first support year changes nothing: T stays the designation (S = 2023 either way)', () => {
    // Titles held since 2021 and obtained again on 2023-03-01: a move in on 2022-01-01 would give S = max(2023, 2022) = 2023, as the designation does.
    const request: RequestJson = {
      asOf: '2024-12-31',
      enterprise: { id: 'E', designations: [{ level: 'municipal-sme', obtainedOn: '2021-01-01' }, { level: 'municipal-little-giant', obtainedOn: '2023-03-01' }] },
    };
    expect(m3(request).lines.map((l) => l.id)).toEqual(['2023', '2024']);
    expect(m3(request).conditions.find((c) => c.id === 'm3.newly-designated-or-moved-in')?.status).toBe('met');
  });
});
