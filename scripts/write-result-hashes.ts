/**
 * Writes test/regression/result-hashes.json: for every regression case (test/regression/cases.ts), in
 * order, the hash of `assess`'s and `decide`'s JSON. Run it only when a result changes on purpose:
 * `npx tsx scripts/write-result-hashes.ts`.
 */
import { writeFileSync } from 'node:fs';
import { hashOf, regressionCases } from '../test/regression/cases.js';

const hashes = regressionCases().map(hashOf);
writeFileSync(new URL('../test/regression/result-hashes.json', import.meta.url), `[\n${hashes.map((h) => JSON.stringify(h)).join(',\n')}\n]\n`);
console.log(`${hashes.length} cases, ${hashes.filter((h) => h.startsWith('invalid')).length} invalid`);
