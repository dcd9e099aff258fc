/**
 * Row 5, footprint: the min+gzip size of the library's ESM entry with its dependencies bundled (what a
 * web calculator ships) and without them (external: what the library itself adds), by an esbuild
 * bundle of `export * from './dist/index.js'` for the browser, minified (esbuild's default charset, ASCII: the
 * Chinese texts as `\uXXXX` escapes; the same bundle with UTF-8 texts, as Vite writes them, too), then gzip level 9 (as
 * size-limit's gzip mode; scripts/bundle-size.ts, which the suite's size budget uses too); the size of
 * each subpath export (`mentougou-srdi/analysis`, …) bundled alone the same way; the size of
 * the calculator bundle when examples/calculator/dist/calculator.js exists; and the cold `import` time of the package in a fresh Node process (the median of several runs
 * of `node --input-type=module -e "…await import('./dist/index.js')…"`).
 *
 * Run on its own: `npm run build && tsx bench/run.ts --rows 5`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BundleSize, bundleSize } from '../scripts/bundle-size.js';
import { DIST, fmt, median, ROOT, row } from './harness.js';

/** The footprint row's result. */
export interface FootprintRow {
  withDependencies: BundleSize;
  withoutDependencies: BundleSize;
  /** The main entry with its dependencies, its Chinese texts written as UTF-8 (as Vite's build writes them) rather than escaped. */
  withDependenciesUtf8: BundleSize;
  calculator: { raw: number; gzipped: number } | null;
  coldImportMs: number[];
  /** Each subpath export bundled alone with its dependencies (min+gz bytes): what importing only it costs. */
  subpaths: Record<string, BundleSize>;
}

/** The subpath exports (package.json `exports`), each a built file `<name>.js`. */
export const SUBPATHS = ['explain', 'edition', 'verify', 'analysis', 'schemas'] as const;

/** The cold import time of the package in a fresh process, `runs` times (ms). */
export function coldImportTimes(runs = Number(process.env.BENCH_IMPORT_RUNS ?? 11), dist: string = DIST): number[] {
  const url = pathToFileURL(join(dist, 'index.js')).href;
  const script = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold import failed: ${child.stderr}`);
    times.push(Number(child.stdout.trim()));
  }
  return times;
}

const kb = (bytes: number): string => `${fmt(bytes / 1024, 1)} KB`;
const parts = (byPackage: Record<string, number>): string =>
  Object.entries(byPackage)
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');

/** Runs the footprint row and prints it. */
export async function runFootprintRow(): Promise<FootprintRow> {
  const withDependencies = await bundleSize(DIST);
  const withoutDependencies = await bundleSize(DIST, { external: true });
  const withDependenciesUtf8 = await bundleSize(DIST, { charset: 'utf8' });
  row('5. size, deps bundled (min+gz)', kb(withDependencies.gzipped), `${withDependencies.gzipped} B; min ${kb(withDependencies.minified)}; min by package: ${parts(withDependencies.byPackage)}`);
  row('5. size, deps bundled, UTF-8 texts', kb(withDependenciesUtf8.gzipped), `${withDependenciesUtf8.gzipped} B; min ${kb(withDependenciesUtf8.minified)} (charset utf8, as Vite writes them; above: esbuild's default, \\uXXXX escapes)`);
  row('5. size, deps external (min+gz)', kb(withoutDependencies.gzipped), `min ${kb(withoutDependencies.minified)}`);
  const subpaths: Record<string, BundleSize> = {};
  for (const name of SUBPATHS) {
    const size = await bundleSize(DIST, { entry: `${name}.js` });
    subpaths[name] = size;
    row(`5. size, mentougou-srdi/${name} alone`, kb(size.gzipped), `${size.gzipped} B; min ${kb(size.minified)} (deps bundled; shares most of it with the main entry)`);
  }
  const calculatorPath = join(ROOT, 'examples/calculator/dist/calculator.js');
  let calculator: FootprintRow['calculator'] = null;
  if (existsSync(calculatorPath)) {
    const bytes = readFileSync(calculatorPath);
    calculator = { raw: bytes.byteLength, gzipped: gzipSync(bytes, { level: 9 }).byteLength };
    row('5. calculator bundle (gz)', kb(calculator.gzipped), `raw ${kb(calculator.raw)} (examples/calculator/dist/calculator.js)`);
  } else {
    row('5. calculator bundle', 'not measured', 'examples/calculator/dist/calculator.js does not exist');
  }
  const coldImportMs = coldImportTimes();
  row('5. cold import (median)', `${fmt(median(coldImportMs), 1)} ms`, `${coldImportMs.length} fresh processes, min ${fmt(Math.min(...coldImportMs), 1)} / max ${fmt(Math.max(...coldImportMs), 1)} ms`);
  return { withDependencies, withoutDependencies, withDependenciesUtf8, calculator, coldImportMs, subpaths };
}
