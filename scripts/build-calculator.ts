/**
 * Builds the in-browser calculator: bundles examples/calculator/calculator.ts with the library into
 * examples/calculator/dist/calculator.js (an IIFE, minified, ES2020, for the browser: a plain <script>
 * that works from file://), and prints the bundle's size in bytes and gzipped KB.
 *
 *   npx tsx scripts/build-calculator.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The calculator's entry point. */
export const CALCULATOR_ENTRY = `${root}examples/calculator/calculator.ts`;
/** The bundle the page loads (`dist/calculator.js` beside index.html). */
export const CALCULATOR_BUNDLE = `${root}examples/calculator/dist/calculator.js`;
/** The page. */
export const CALCULATOR_PAGE = `${root}examples/calculator/index.html`;

/** What a build produced. */
export interface CalculatorBuild {
  /** Absolute path of the bundle. */
  outfile: string;
  /** Size of the bundle in bytes. */
  bytes: number;
  /** Size of the bundle gzipped (level 9), in bytes. */
  gzipBytes: number;
}

/** Bundles the calculator; throws when esbuild reports an error. */
export async function buildCalculator(): Promise<CalculatorBuild> {
  await build({
    entryPoints: [CALCULATOR_ENTRY],
    outfile: CALCULATOR_BUNDLE,
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    sourcemap: false,
    logLevel: 'warning',
  });
  const code = readFileSync(CALCULATOR_BUNDLE);
  return { outfile: CALCULATOR_BUNDLE, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** One line for the console: the bundle's size in bytes and gzipped KB. */
export function describeBuild(result: CalculatorBuild): string {
  return `calculator bundle examples/calculator/dist/calculator.js: ${result.bytes} bytes, ${(result.gzipBytes / 1024).toFixed(1)} KB gzip (${result.gzipBytes} bytes)`;
}

const entryScript = process.argv[1];
if (entryScript !== undefined && import.meta.url === pathToFileURL(entryScript).href) {
  console.log(describeBuild(await buildCalculator()));
}
