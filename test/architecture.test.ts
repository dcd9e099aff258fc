/**
 * The layers of docs/architecture.md, enforced by a static scan of the imports (`import … from`,
 * `export … from`, `import(…)`, type-only imports included) of every file in src/ and bench/:
 *
 * - a file imports only from its own layer or lower ones (core < model < errors, policy < facts <
 *   measures < provisions < assess, check-clawback, explain < verify-vectors < analysis < index, entries/ (the subpath exports), cli);
 * - measures never import each other;
 * - analysis/ is imported only by index.ts, entries/ and cli/ (and itself); nothing imports cli/ but cli/;
 * - the library's only packages at run time are zod (as `zod/mini`) and decimal.js (in core/money.ts only);
 * - there is no import cycle, in src/ or in bench/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []))
    .sort();
}

/** The module specifiers a source imports or re-exports, in order (comments ignored). */
function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const m of code.matchAll(/(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** A relative specifier resolved to a repository path (`src/core/money.ts`); null for a package. */
function resolved(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return normalize(join(dirname(from), specifier))
    .split('\\')
    .join('/')
    .replace(/\.js$/, '.ts');
}

interface Graph {
  files: string[];
  /** file → the repository files it imports */
  edges: Map<string, string[]>;
  /** file → the packages it imports */
  packages: Map<string, string[]>;
}

function graphOf(dir: string): Graph {
  const files = walk(dir);
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const file of files) {
    const specs = specifiers(readFileSync(join(ROOT, file), 'utf8'));
    edges.set(file, specs.flatMap((s) => resolved(file, s) ?? []));
    packages.set(file, specs.filter((s) => !s.startsWith('.')));
  }
  return { files, edges, packages };
}

/** The layer of a library file: its folder under src/, or the file itself at the top of src/. */
const layerOf = (file: string): string => {
  const [, first, second] = file.split('/');
  return second === undefined ? first!.replace(/\.ts$/, '') : first!;
};

/** Lowest first; a file may import from its own rank or lower ones. */
const RANK: Record<string, number> = {
  core: 0,
  model: 1,
  errors: 2,
  policy: 2,
  facts: 3,
  measures: 4,
  provisions: 5,
  assess: 6,
  // DESIGN §7: the bounds and questions are the combinator's (assess imports them)
  bounds: 6,
  questions: 6,
  'check-clawback': 6,
  explain: 6,
  decide: 7,
  'verify-vectors': 7,
  analysis: 8,
  index: 9,
  entries: 9,
  cli: 9,
};

/** Every import cycle found by a depth-first walk, each as the files around it. */
function cycles(graph: Graph): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.edges.get(file) ?? []) {
      if (!graph.edges.has(next)) continue; // outside the folder scanned
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.files) if (state.get(file) === undefined) visit(file);
  return found;
}

const src = graphOf('src');
const bench = graphOf('bench');
const importsOf = (file: string): string[] => src.edges.get(file) ?? [];

describe('the scan itself', () => {
  it('reads imports, re-exports, type imports and dynamic imports, and not what a comment mentions', () => {
    const sample = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "import * as z from 'zod/mini';",
      "const e = await import('./e.js');",
      "// import { f } from './f.js';",
      "/** import { g } from './g.js'; */",
      'const url = "https://example.org"; // a string',
    ].join('\n');
    expect(specifiers(sample)).toEqual(['./a.js', '../b.js', './c.js', './d.js', 'zod/mini', './e.js']);
  });

  it('finds a cycle and a layer break when there is one', () => {
    const graph: Graph = {
      files: ['x/a.ts', 'x/b.ts', 'x/c.ts'],
      edges: new Map([
        ['x/a.ts', ['x/b.ts']],
        ['x/b.ts', ['x/c.ts']],
        ['x/c.ts', ['x/a.ts']],
      ]),
      packages: new Map(),
    };
    expect(cycles(graph)).toEqual([['x/a.ts', 'x/b.ts', 'x/c.ts', 'x/a.ts']]);
    expect(RANK[layerOf('src/measures/m01-designation-reward.ts')]! < RANK[layerOf('src/provisions/ledger.ts')]!).toBe(true);
  });

  it('knows every file of the library and the layer it is in', () => {
    expect(src.files.length).toBeGreaterThan(60);
    expect(src.files.filter((f) => RANK[layerOf(f)] === undefined)).toEqual([]);
    expect(importsOf('src/measures/m03-rent-subsidy.ts')).toContain('src/policy/edition.ts');
  });
});

describe('layers (docs/architecture.md): one-way imports', () => {
  it('a file imports only from its own layer or lower ones', () => {
    const upward = src.files.flatMap((file) =>
      importsOf(file)
        .filter((to) => RANK[layerOf(to)]! > RANK[layerOf(file)]!)
        .map((to) => `${file} → ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('measures never import each other (a shared derivation lives in core/ or facts/)', () => {
    const across = src.files
      .filter((f) => layerOf(f) === 'measures')
      .flatMap((file) => importsOf(file).filter((to) => layerOf(to) === 'measures' && to !== file).map((to) => `${file} → ${to}`));
    expect(across).toEqual([]);
  });

  it('analysis/ is imported only by index.ts, entries/ (the subpath exports) and cli/ (and itself)', () => {
    const users = src.files.filter((f) => !['analysis', 'index', 'entries', 'cli'].includes(layerOf(f)) && importsOf(f).some((to) => layerOf(to) === 'analysis'));
    expect(users).toEqual([]);
  });

  it('nothing imports cli/ but cli/ itself', () => {
    const users = src.files.filter((f) => layerOf(f) !== 'cli' && importsOf(f).some((to) => layerOf(to) === 'cli'));
    expect(users).toEqual([]);
  });

  it('the library uses no package at run time but zod (as zod/mini) and decimal.js (in core/money.ts); node: built-ins only in cli/', () => {
    // The one exception: batch's worker pool loads tsx's loader when the CLI runs from its TypeScript
    // sources (the tests); the built CLI starts dist/batch-worker.js and never imports it.
    const fromSources = (file: string, p: string): boolean => file === 'src/cli/batch-pool.ts' && p === 'tsx/esm/api';
    const outside = src.files.flatMap((file) =>
      (src.packages.get(file) ?? [])
        .filter((p) => !(p === 'zod/mini' || (p === 'decimal.js' && file === 'src/core/money.ts') || (p.startsWith('node:') && layerOf(file) === 'cli') || fromSources(file, p)))
        .map((p) => `${file}: ${p}`),
    );
    expect(outside).toEqual([]);
  });

  it('no import cycle in src/', () => {
    expect(cycles(src)).toEqual([]);
  });
});

describe('bench/', () => {
  it('has no import cycle (a row runs on its own through `run.ts --rows`)', () => {
    expect(cycles(bench).map((c) => c.join(' → '))).toEqual([]);
  });
});

describe('the relative paths the scan resolves are inside the repository', () => {
  it('every import of src/ names a file that exists', () => {
    const all = new Set(src.files);
    const missing = src.files.flatMap((file) => importsOf(file).filter((to) => !all.has(to)).map((to) => `${file} → ${relative('src', to)}`));
    expect(missing).toEqual([]);
  });
});
