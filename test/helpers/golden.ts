/**
 * Test helpers: the hand-worked acceptance vectors of test/golden (copies of the project's shared
 * vectors), loaded once per name, and their requests as derived facts for the measure tests.
 *
 * A vector is named by its file name, with or without `.json` (`'01-climber'`, `'01-climber.json'`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { deriveFacts, type EnterpriseFacts, type InstitutionFacts } from '../../src/facts/facts.js';
import { parseRequest } from '../../src/model/parse.js';
import type { PolicyVector } from '../../src/verify-vectors.js';

/** A golden vector as stored: `request` for `assess`, `expect` for the fields it names. */
export type GoldenVector = PolicyVector & { name: string };

const DIR = new URL('../golden/', import.meta.url);
const cache = new Map<string, GoldenVector>();

const fileOf = (name: string): string => (name.endsWith('.json') ? name : `${name}.json`);

/** The names of every vector in test/golden, sorted (`01-climber`, …). */
export function goldenNames(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => f.slice(0, -'.json'.length));
}

/** One vector, read from test/golden (a fresh deep copy each call, so a test may change it freely). */
export function goldenVector(name: string): GoldenVector {
  const file = fileOf(name);
  let vector = cache.get(file);
  if (!vector) {
    const parsed = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as PolicyVector;
    vector = { ...parsed, name: file.slice(0, -'.json'.length) };
    cache.set(file, vector);
  }
  return structuredClone(vector);
}

/** Every vector in test/golden, sorted by name. */
export function goldenVectors(): GoldenVector[] {
  return goldenNames().map(goldenVector);
}

/** A vector's request (a fresh deep copy), as a caller would send it. */
export function goldenRequest(name: string): Record<string, unknown> {
  return goldenVector(name).request as Record<string, unknown>;
}

function goldenFacts(name: string) {
  const parsed = parseRequest(goldenVector(name).request);
  if (!parsed.ok) throw new Error(`golden ${name} does not parse: ${JSON.stringify(parsed.issues)}`);
  return deriveFacts(parsed.value);
}

/** The derived facts of a golden enterprise request; throws if the vector is not a valid enterprise request. */
export function goldenEnterpriseFacts(name: string): EnterpriseFacts {
  const facts = goldenFacts(name);
  if (facts.subject !== 'enterprise') throw new Error(`golden ${name} is not an enterprise request`);
  return facts;
}

/** The derived facts of a golden institution request; throws if the vector is not a valid institution request. */
export function goldenInstitutionFacts(name: string): InstitutionFacts {
  const facts = goldenFacts(name);
  if (facts.subject !== 'institution') throw new Error(`golden ${name} is not an institution request`);
  return facts;
}
