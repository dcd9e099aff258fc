/**
 * `mentougou-srdi/edition` — deriving and validating policy editions, and the edition's zod schema.
 * `assess` accepts any edition; this is what builds one. Kept out of the main entry so a calculator
 * does not ship it.
 */
export { editionSchema } from '../policy/edition.js';
export { deriveEdition, validateEdition, changesFromAssignments, EditionError, type EditionChanges } from '../policy/derive.js';
export { READINGS, READING_NAMES, type ReadingName, type Readings, type ReadingSpec } from '../policy/readings.js';
