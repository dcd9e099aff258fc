/**
 * How many requests each fuzz test generates. `npm test` (and so CI on every change) runs a tenth of the
 * 100,000 (10,000); `npm run verify:full` sets `FUZZ=full` and runs them all (docs/verification.md).
 */
export const FUZZ_FULL = process.env.FUZZ === 'full';

/** The runs of a fuzz test whose full size is `full`: all of them under `FUZZ=full`, else a tenth. */
export const fuzzRuns = (full: number): number => (FUZZ_FULL ? full : Math.max(100, Math.round(full / 10)));

/** A run count as a test name shows it: `5,000`. */
export const runsLabel = (runs: number): string => runs.toLocaleString('en-US');

/**
 * The mutation run (vitest.stryker.config.ts sets `MUTATION=1`) runs every test against each mutant it
 * covers: there the property tests of bounds and missing facts draw a tenth of their requests (at least
 * 30), which still kills what they kill (the unit tests next to them name the cases), at a tenth of the
 * time per mutant. `npm test` and `verify:full` are unchanged.
 */
export const MUTATION_RUN = process.env.MUTATION === '1';

/** The runs of a property test that draws `runs` requests in `npm test`: a tenth of them in the mutation run. */
export const propertyRuns = (runs: number): number => (MUTATION_RUN ? Math.max(30, Math.round(runs / 10)) : runs);
