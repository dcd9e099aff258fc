import { defineConfig } from 'vitest/config';

/**
 * Coverage (v8) is on whenever the whole suite runs (`npm test`, `npx vitest run`), with its
 * thresholds enforced. A run narrowed to some files or tests (`npx vitest run test/measures`,
 * `-t …`, `--shard`, `--project`, `vitest related`) would only measure part of the code, so it
 * runs without coverage (add `--coverage.enabled` to see its partial figures, thresholds unchecked).
 * See docs/verification.md.
 */

/** Vitest options that take a value in the next argument (`--reporter verbose`). */
const TAKES_VALUE = new Set([
  '--reporter',
  '--config',
  '-c',
  '--root',
  '-r',
  '--dir',
  '--outputFile',
  '--pool',
  '--environment',
  '--maxWorkers',
  '--mode',
  '--retry',
  '--testTimeout',
  '--hookTimeout',
  '--sequence.seed',
  '--coverage.reporter',
  '--coverage.reportsDirectory',
]);
/** Options that narrow the run to part of the suite. */
const NARROWING = /^(?:-t|--testNamePattern|--shard|--project|--changed|--exclude)(?:=|$)/;
const COMMANDS = new Set(['run', 'watch', 'dev']);

function narrowedRun(args: readonly string[]): boolean {
  if (args.includes('related') || args.includes('list')) return true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (NARROWING.test(arg)) return true;
    if (TAKES_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (!arg.startsWith('-') && !COMMANDS.has(arg)) return true; // a file or name filter
  }
  return false;
}

/** The folders the verification budget covers: ≥ 95 % of branches, lines, statements and functions each. */
const AT_LEAST_95 = { branches: 95, functions: 95, lines: 95, statements: 95 };
const THRESHOLDS = {
  'src/core/**': AT_LEAST_95,
  'src/facts/**': AT_LEAST_95,
  'src/measures/**': AT_LEAST_95,
  'src/provisions/**': AT_LEAST_95,
  'src/assess.ts': AT_LEAST_95,
};

const narrowed = narrowedRun(process.argv.slice(2));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'server/test/**/*.test.ts'],
    coverage: {
      enabled: !narrowed,
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/index.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      thresholds: narrowed ? undefined : THRESHOLDS,
    },
  },
});
