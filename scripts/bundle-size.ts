/**
 * The size of what a web page ships: the built ESM entry (or a subpath export) bundled for the browser by esbuild
 * (`export * from '<dist>/index.js'`, minified, ES2022), then gzipped at level 9 (as size-limit's
 * gzip mode). One measurement for two users: the size budget in the suite (test/size-budget.test.ts)
 * and the footprint row of the benchmarks (bench/footprint.ts).
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** A bundle's sizes, and what it is made of (bytes in the minified output by package). */
export interface BundleSize {
  minified: number;
  gzipped: number;
  byPackage: Record<string, number>;
}

/** The package a bundled input comes from: the folder under node_modules, else the library itself. */
export const packageOf = (input: string): string => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? 'mentougou-srdi';

/**
 * Bundles `<dist>/index.js` for the browser, minified, and gzips it.
 *
 * @param dist the build folder (absolute), e.g. `<repo>/dist`
 * @param options `external: true` leaves the dependencies out (what the library itself adds); `entry`
 *   the built file to bundle, `index.js` (the main entry) unless told, e.g. `analysis.js` for
 *   `mentougou-srdi/analysis`; `charset` how the bundle writes the Chinese texts: `ascii` (esbuild's default,
 *   `\uXXXX` escapes; the figure of the size budget) unless told, `utf8` as Vite's build writes them
 */
export async function bundleSize(dist: string, options: { external?: boolean; entry?: string; charset?: 'ascii' | 'utf8' } = {}): Promise<BundleSize> {
  const result = await build({
    // The entry is written with the absolute path, so any build folder works.
    stdin: { contents: `export * from ${JSON.stringify(join(dist, options.entry ?? 'index.js'))};`, resolveDir: dist, loader: 'js', sourcefile: 'bundle-size-entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    charset: options.charset ?? 'ascii',
    ...(options.external ? { packages: 'external' as const } : {}),
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const byPackage: Record<string, number> = {};
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) byPackage[packageOf(input)] = (byPackage[packageOf(input)] ?? 0) + info.bytesInOutput;
  }
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, byPackage };
}
