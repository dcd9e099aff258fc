/**
 * Fuzzing `safeAssess` with valid requests of which one field is broken (20,000 of the 100,000;
 * docs/verification.md). The answer never throws; a refusal lists well-formed issues; and where the
 * change is wrong for every field of its kind (a leaf replaced by null, an object or an array; a date
 * written `2023-2-1` or `2023-02-01T00:00:00Z`; a negative or exponent amount; an unknown key; a
 * required key removed), the refusal names the broken field's own path.
 */
import fc from 'fast-check';
import { fuzzRuns, runsLabel } from './scale.js';
import { describe, it } from 'vitest';
import { safeAssessUnknown } from '../../src/assess.js';
import {
  ALWAYS_REQUIRED,
  anyJson,
  assertSound,
  DELETE,
  FUZZ_TIMEOUT_MS,
  hasIssueAt,
  type Json,
  leafKind,
  nodesOf,
  type Path,
  validRequest,
  withReplaced,
  WRONG_FOR,
} from './support.js';

/** One broken request: what was done, where, and whether an issue must name that place. */
interface Broken {
  request: Json;
  change: string;
  path: Path;
  mustNameIt: boolean;
}

const isContainer = (v: Json): boolean => v !== null && typeof v === 'object';

/** A valid request with one field broken in one of the ways above. */
const brokenRequest: fc.Arbitrary<Broken> = fc
  .tuple(validRequest, fc.nat(), fc.nat(), fc.constantFrom('null', 'shape', 'kind', 'unknown-key', 'delete', 'any-json'), anyJson({ maxDepth: 2 }))
  .map(([request, at, pick, how, json]): Broken => {
    const nodes = nodesOf(request);
    const { path, value } = nodes[at % nodes.length]!;
    const key = path[path.length - 1];
    switch (how) {
      case 'null':
        return { request: withReplaced(request, path, null), change: 'null', path, mustNameIt: true };
      case 'shape': {
        // A leaf becomes an object or an array; an object or an array becomes a number or a string.
        const replacement: Json = isContainer(value) ? (pick % 2 === 0 ? 42 : 'x') : pick % 2 === 0 ? {} : [];
        return { request: withReplaced(request, path, replacement), change: JSON.stringify(replacement), path, mustNameIt: true };
      }
      case 'kind': {
        const kind = leafKind(key);
        if (kind === null || isContainer(value)) return { request: withReplaced(request, path, null), change: 'null', path, mustNameIt: true };
        const wrong = WRONG_FOR[kind];
        const replacement = wrong[pick % wrong.length]! as Json;
        return { request: withReplaced(request, path, replacement), change: `${kind} ${JSON.stringify(replacement)}`, path, mustNameIt: true };
      }
      case 'unknown-key': {
        const objects = [{ path: [] as Path, value: request }, ...nodes].filter((n) => isContainer(n.value) && !Array.isArray(n.value));
        const target = objects[pick % objects.length]!;
        const name = `x-${pick % 1000}`;
        return { request: withReplaced(request, [...target.path, name], json), change: `unknown key ${name}`, path: [...target.path, name], mustNameIt: true };
      }
      case 'delete':
        return {
          request: withReplaced(request, path, DELETE),
          change: 'delete',
          path,
          // The subject's own id is required too (`enterprise.id`), as is any key the contract always requires.
          mustNameIt: typeof key === 'string' && (ALWAYS_REQUIRED.has(key) || (key === 'id' && path.length === 2)),
        };
      default:
        // Anything at all in the field's place: refused or accepted, the answer must be sound.
        return { request: withReplaced(request, path, json), change: `json ${JSON.stringify(json)}`, path, mustNameIt: false };
    }
  });

const check = ({ request, change, path, mustNameIt }: Broken): void => {
  const result = safeAssessUnknown(request);
  const extra = mustNameIt && !hasIssueAt(result, path) ? [`${change} at ${path.join('.')} was not reported there: ${result.ok ? 'accepted' : JSON.stringify(result.issues.map((i) => i.path.join('.')))}`] : [];
  assertSound(result, false, extra);
};

describe('fuzz: valid requests with one field broken', () => {
  for (const seed of [101, 202, 303, 404]) {
    it(`${runsLabel(fuzzRuns(5_000))} broken requests (seed ${seed})`, { timeout: FUZZ_TIMEOUT_MS }, () => {
      fc.assert(fc.property(brokenRequest, check), { seed, numRuns: fuzzRuns(5_000) });
    });
  }
});
