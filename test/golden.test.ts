/**
 * The hand-worked acceptance vectors (test/golden, copied from the project's shared vectors) through
 * the public API — from the sources, and from the built package as users import it.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyVectors, type PolicyVector } from '../src/verify-vectors.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, 'golden');
const vectors = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as PolicyVector), name: f }));

describe('golden acceptance vectors (sources)', () => {
  it('there are eight of them', () => {
    expect(vectors).toHaveLength(8);
  });
  for (const vector of vectors) {
    it(`${vector.name}: ${vector.description ?? ''}`, () => {
      const report = verifyVectors([vector]);
      expect(report.verdicts[0]?.differences).toEqual([]);
    });
  }
});

// verifyVectors is in the subpath export mentougou-srdi/verify (dist/verify.js), which runs the built safeAssess.
const built = join(here, '..', 'dist', 'verify.js');
describe.runIf(existsSync(built))('golden acceptance vectors (built package)', () => {
  it('every vector passes through the built safeAssess', async () => {
    const lib = (await import(pathToFileURL(built).href)) as { verifyVectors: typeof verifyVectors };
    const report = lib.verifyVectors(vectors);
    expect(report.verdicts.filter((v) => !v.passed)).toEqual([]);
    expect(report.passed).toBe(8);
  });
});
