/**
 * The cohort the analysis commands' tests read, by line:
 *   1 golden 01 (E01)   2 golden 02 (E02)   3 blank   4 not JSON   5 golden 06 (I01)   6 golden 08 (invalid)
 * Forecast (hand-worked in test/analysis/forecast.test.ts): amount 800,000 + 1,500,000 + 120,000 =
 * 2,420,000; payable 600,000 + 1,500,000 + 100,000 = 2,200,000.
 * Non-zero payable by year and measure: 2022 M1 800,000 (E02), M2 100,000 (E02), M5 80,000 (E11);
 * 2023 M1 300,000 (E01), M3 300,000 (E02), M5 20,000 (E12); 2024 M1 300,000 (E01); 2025 M3 300,000 (E02) → 8 bars.
 */
import { golden } from '../analysis/fixtures.js';
import { type MemoryIO, memoryIO } from './helpers.js';

const line = (name: string): string => JSON.stringify(golden(name));

/** The cohort as JSON Lines. */
export const JSONL = [line('01-climber'), line('02-newcomer-with-rent'), '', '{not json', line('06-institution'), line('08-bad-input')].join('\n') + '\n';

/** An IO holding the cohort as `in.jsonl` (and `extra`); `/readonly/c.svg` cannot be written. */
export const cohortIO = (extra: Record<string, string> = {}): MemoryIO => memoryIO({ 'in.jsonl': JSONL, ...extra }, { readOnly: ['/readonly/c.svg'] });

export const stdout = (io: MemoryIO): string => io.out.join('');
export const stderr = (io: MemoryIO): string => io.err.join('');
