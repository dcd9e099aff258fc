/**
 * The subpath exports of package.json (`mentougou-srdi/explain`, `…/edition`, `…/verify`, `…/analysis`,
 * `…/schemas`): each resolves, through the package's own name, in ESM and in CommonJS, to the names it
 * promises; the main entry no longer carries them (what keeps the browser entry small, row 5 of the
 * benchmarks); and the built entries share one copy of each module, so a class from one entry is the
 * class another entry throws (`instanceof` holds across `mentougou-srdi` and `mentougou-srdi/edition`).
 * Runs on the build (`npm test` builds first), in a fresh Node process that self-references the package.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The values each subpath exports (types are checked by test/api-docs.test.ts's examples). */
const PROMISED: Record<string, string[]> = {
  explain: ['explain'],
  edition: ['EditionError', 'READINGS', 'READING_NAMES', 'changesFromAssignments', 'deriveEdition', 'editionSchema', 'validateEdition'],
  verify: ['checkVector', 'verifyVector', 'verifyVectors'],
  analysis: ['MATCH_STATUSES', 'compareEditions', 'compareReadings', 'comparisonBuilder', 'forecast', 'forecastBuilder', 'forecastChartSvg', 'lineYear', 'match', 'matchBuilder', 'matchStatus', 'readingsComparisonBuilder', 'stackedBarChartSvg', 'targetProgress', 'targetProgressBuilder'],
  schemas: ['decisionSchema', 'editionSchema', 'requestSchema', 'resultSchema'],
};

/** Runs `code` in a fresh Node process in the package's folder; its stdout parsed as JSON. */
function run(code: string, type: 'module' | 'commonjs'): unknown {
  const child = spawnSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: ROOT, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as unknown;
}

describe('subpath exports', () => {
  it('package.json exports each subpath with import/require and their types', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    for (const name of Object.keys(PROMISED)) {
      expect(pkg.exports[`./${name}`]).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
  });

  it.each(['module', 'commonjs'] as const)('each subpath gives exactly its names (%s), and the main entry none of them', (type) => {
    const load = type === 'module' ? (spec: string) => `await import(${JSON.stringify(spec)})` : (spec: string) => `require(${JSON.stringify(spec)})`;
    const body = `const out = { main: Object.keys(${load('mentougou-srdi')}) };
${Object.keys(PROMISED)
  .map((name) => `out[${JSON.stringify(name)}] = Object.keys(${load(`mentougou-srdi/${name}`)}).sort();`)
  .join('\n')}
console.log(JSON.stringify(out));`;
    const out = run(type === 'module' ? body : `(async () => { ${body} })()`, type) as Record<string, string[]>;
    for (const [name, names] of Object.entries(PROMISED)) {
      expect(out[name], name).toEqual(names);
      // requestSchema stays in the main entry too (parseRequest's schema); the others moved out.
      expect(out.main!.filter((n) => names.includes(n) && n !== 'requestSchema'), `main entry still exports ${name}'s names`).toEqual([]);
    }
    expect(out.main).toContain('assess');
  });

  it.each(['module', 'commonjs'] as const)('one copy of each module across entries (%s): an EditionError from deriveEdition is the class the subpath exports, and assess under a derived edition works', (type) => {
    const load = type === 'module' ? (spec: string) => `await import(${JSON.stringify(spec)})` : (spec: string) => `require(${JSON.stringify(spec)})`;
    const body = `const main = ${load('mentougou-srdi')};
const edition = ${load('mentougou-srdi/edition')};
const schemas = ${load('mentougou-srdi/schemas')};
let same = false;
try { edition.deriveEdition(main.mentougou2022Draft, { m3: { yearCap: '-1' } }, { id: 'bad' }); } catch (e) { same = e instanceof edition.EditionError; }
const reform = edition.deriveEdition(main.mentougou2022Draft, { m3: { years: 2 } }, { id: 'two-years' });
const result = main.assess({ asOf: '2024-12-31', enterprise: { id: 'E1' } }, { edition: reform });
console.log(JSON.stringify({ same, id: result.edition.id, schemaShared: schemas.requestSchema === main.requestSchema, editionSchemaShared: schemas.editionSchema === edition.editionSchema }));`;
    expect(run(type === 'module' ? body : `(async () => { ${body} })()`, type)).toEqual({ same: true, id: 'two-years', schemaShared: true, editionSchemaShared: true });
  });
});
