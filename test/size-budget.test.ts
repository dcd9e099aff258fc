/**
 * The size budget of what a web calculator ships: the built ESM entry (dist/index.js, which `npm test`
 * builds first) bundled with all its dependencies by esbuild for the browser, minified, then gzipped
 * at level 9 (scripts/bundle-size.ts, the same measurement as the benchmarks' footprint row). The test
 * fails when that is above the budget.
 *
 * Budget: the measured size plus 2 KiB, 47,147 bytes. Measured on 2026-12-01 after explain, the edition
 * builders, verify, analysis and the result's zod schema moved to subpath exports (`mentougou-srdi/explain`,
 * `…/edition`, `…/verify`, `…/analysis`, `…/schemas`): 45,099 bytes (minified 133,856 B), from 57,092 bytes
 * before (45,210 with `decide`). After the merge of DESIGN §7 (bounds, questions, FACTS; `match` went to
 * `…/analysis`): 50,533 bytes (minified 153,275 B; main's entry then 63,296 B); budget then 50,533 + 2 KiB. After the merge of the readings (DESIGN §8: `READINGS` with the clause words and the
 * settling wordings of all 22 stays in the main entry, since `assess` reads an edition's readings): 56,409 bytes
 * (minified 176,875 B); budget 56,409 + 2 KiB. `assess` alone with its dependencies is 44,534 bytes of that: the target, 40 KB, is not
 * met (see BENCHMARKS.md, row 5). After the fast validation path (issue 13: `parseRequest` 2.4–3.4× faster, a
 * hand-written checker in front of zod): 58,985 bytes (minified 185,265 B); budget 58,985 + 2 KiB. Speed was
 * taken over size here: the 2.2 KB buy the largest single saving of `assess`'s time.
 * Sizes only: timings never gate a test.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleSize } from '../scripts/bundle-size.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const ENTRY = join(DIST, 'index.js');

/** The budget for the library with its dependencies, minified and gzipped (bytes). */
export const SIZE_BUDGET_BYTES = 58_985 + 2 * 1024;

describe('size budget of the browser bundle (library + zod + decimal.js, min+gzip)', () => {
  it('the build exists (npm test builds it first: `npm run build`)', () => {
    expect(existsSync(ENTRY), `${ENTRY} is missing: run \`npm run build\``).toBe(true);
  });

  it(`is at most ${SIZE_BUDGET_BYTES} bytes`, { timeout: 30_000 }, async () => {
    const size = await bundleSize(DIST);
    const parts = Object.entries(size.byPackage)
      .map(([name, bytes]) => `${name} ${bytes} B`)
      .join(', ');
    expect(size.gzipped, `min+gz ${size.gzipped} B (min ${size.minified} B: ${parts}) > budget ${SIZE_BUDGET_BYTES} B`).toBeLessThanOrEqual(SIZE_BUDGET_BYTES);
  });
});
