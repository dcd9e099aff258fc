/**
 * How many requests each fuzz test generates. `npm test` (and so CI on every change) runs a tenth of the
 * 100,000 (10,000); `npm run verify:full` sets `FUZZ=full` and runs them all (docs/verification.md).
 */
export const FUZZ_FULL = process.env.FUZZ === 'full';

/** The runs of a fuzz test whose full size is `full`: all of them under `FUZZ=full`, else a tenth. */
export const fuzzRuns = (full: number): number => (FUZZ_FULL ? full : Math.max(100, Math.round(full / 10)));

/** A run count as a test name shows it: `5,000`. */
export const runsLabel = (runs: number): string => runs.toLocaleString('en-US');
