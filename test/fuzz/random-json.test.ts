/**
 * Fuzzing `safeAssess` with random JSON and deep nesting (25,000 of the 100,000; docs/verification.md):
 * the answer never throws, a refusal lists well-formed issues, an acceptance is sound, and no
 * prototype is touched.
 */
import fc from 'fast-check';
import { fuzzRuns, runsLabel } from './scale.js';
import { describe, expect, it } from 'vitest';
import { safeAssessUnknown } from '../../src/assess.js';
import { anyJson, assertSound, FUZZ_TIMEOUT_MS, type Json, type RequestJson, validRequest } from './support.js';

const ENTERPRISE_KEYS = [
  'id', 'name', 'creditCode', 'independentLegalPerson', 'registrations', 'caseByCaseSupport', 'integrityFindings', 'retentionCommitmentSignedOn',
  'disbursements', 'otherBenefits', 'designations', 'physicalOperationInDistrict', 'contributions', 'leases', 'listing', 'smallOrMicro',
  'expandsCapacityWithoutNewLand', 'jingxiTalents', 'fundraisingProjectInDistrict', 'cultivationCandidate', 'certified', 'introducedEnterprises', 'residentSrdiCount',
];

const sound = (request: unknown): void => assertSound(safeAssessUnknown(request));

/** Nesting `depth` levels deep, iteratively (arrays, objects, or both alternating), around `core`. */
function nested(depth: number, shape: 'array' | 'object' | 'mixed', core: Json): Json {
  let value = core;
  for (let i = 0; i < depth; i++) value = shape === 'array' || (shape === 'mixed' && i % 2 === 0) ? [value] : { designations: value };
  return value;
}

describe('fuzz: random JSON through safeAssess', () => {
  it(`${runsLabel(fuzzRuns(10_000))} random JSON values as the request, half of them parsed from JSON text (seed 7)`, { timeout: FUZZ_TIMEOUT_MS }, () => {
    const request = fc.oneof(anyJson(), fc.json().map((text) => JSON.parse(text) as Json));
    fc.assert(fc.property(request, sound), { seed: 7, numRuns: fuzzRuns(10_000) });
  });

  it(`${runsLabel(fuzzRuns(10_000))} subjects of random JSON under the contract’s own keys (seed 8)`, { timeout: FUZZ_TIMEOUT_MS }, () => {
    const subject = fc.dictionary(fc.oneof(fc.constantFrom(...ENTERPRISE_KEYS), fc.string()), anyJson({ maxDepth: 3 }), { maxKeys: 8 });
    const request = fc.record({
      asOf: fc.oneof(fc.constant('2024-12-31'), anyJson({ maxDepth: 1 })),
      which: fc.constantFrom('enterprise', 'institution', 'both'),
      subject,
    }).map(({ asOf, which, subject: s }): RequestJson => (which === 'both' ? { asOf, enterprise: s, institution: s } : { asOf, [which]: { id: 'E', ...s } }));
    fc.assert(fc.property(request, sound), { seed: 8, numRuns: fuzzRuns(10_000) });
  });

  it(`${runsLabel(fuzzRuns(5_000))} deeply nested values (1 to 5,000 levels) in a request’s place (seed 9)`, { timeout: FUZZ_TIMEOUT_MS }, () => {
    const deep = fc
      .record({
        base: validRequest,
        depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5_000 })),
        shape: fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
        where: fc.constantFrom('root', 'subject', 'designations', 'registrations', 'listing', 'id', 'new-key'),
        core: anyJson({ maxDepth: 1 }),
      })
      .map(({ base, depth, shape, where, core }): Json => {
        const value = nested(depth, shape, core);
        if (where === 'root') return value;
        const subjectKey = 'enterprise' in base ? 'enterprise' : 'institution';
        const subject = { ...(base[subjectKey] as RequestJson) };
        if (where === 'subject') return { ...base, [subjectKey]: value };
        subject[where === 'new-key' ? 'nested' : where] = value;
        return { ...base, [subjectKey]: subject };
      });
    fc.assert(fc.property(deep, sound), { seed: 9, numRuns: fuzzRuns(5_000) });
  });

  it('refuses nesting beyond 32 levels with too-deep, without recursing into it', () => {
    const result = safeAssessUnknown({ asOf: '2024-12-31', enterprise: { id: 'E', designations: nested(100_000, 'mixed', 1) } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('too-deep');
  });
});
