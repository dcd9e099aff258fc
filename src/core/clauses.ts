/**
 * Clause ids of the policy (docs/policy/measures.en.md; the text is docs/policy/measures.zh.txt): the
 * thirteen measures M1–M13 and the general provisions G1–G6, and the rulings R1–R14 (docs/rulings.md)
 * that settle what the text leaves open.
 */

/**
 * The measures, in the order of the text.
 *
 * @example
 * ```ts
 * import { MEASURE_IDS } from 'mentougou-srdi';
 *
 * console.log(MEASURE_IDS.length); // 13
 * ```
 */
export const MEASURE_IDS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11', 'M12', 'M13'] as const;
/** A measure's clause id. */
export type MeasureId = (typeof MEASURE_IDS)[number];

/**
 * The general provisions (八、严格措施落实管理).
 *
 * @example
 * ```ts
 * import { PROVISION_IDS } from 'mentougou-srdi';
 *
 * console.log(PROVISION_IDS.join(' ')); // G1 G2 G3 G4 G5 G6
 * ```
 */
export const PROVISION_IDS = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6'] as const;
/** A general provision's clause id. */
export type ProvisionId = (typeof PROVISION_IDS)[number];

/**
 * The rulings on what the text leaves open.
 *
 * @example
 * ```ts
 * import { RULING_IDS } from 'mentougou-srdi';
 *
 * console.log(RULING_IDS.at(-1)); // R14
 * ```
 */
export const RULING_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14'] as const;
/** A ruling's id. */
export type RulingId = (typeof RULING_IDS)[number];

/** Any clause id of the text. */
export type ClauseId = MeasureId | ProvisionId;

/**
 * A citation: the clause, and the ruling that reads it where one does (`"M3 / R4"`).
 */
export function cite(clause: ClauseId, ruling?: RulingId): string {
  return ruling ? `${clause} / ${ruling}` : clause;
}
