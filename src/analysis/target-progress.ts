/**
 * District target progress: how close the district is to the preamble's targets for the end of the
 * 14th Five-Year Plan (edition `targets`: 15 national little giants, 50 municipal little giants, 150
 * municipal SRDI SMEs in the built-in draft).
 *
 * An enterprise counts toward a level's target when, on `asOf`, it holds a designation of that level
 * or a higher one ("at least": a national little giant counts toward the municipal-little-giant and
 * municipal-SME targets too). Held means obtained on or before `asOf` and not expired (`expiresOn`
 * itself still counts; R9's `isHeldOn`). `asOf` is an input, never the clock. Pure: no I/O.
 */
import { parseCalendarDate } from '../core/calendar.js';
import { LEVEL_NAMES } from '../core/messages.js';
import type { Bilingual } from '../core/trace.js';
import { highestLevelHeldOn, levelRank } from '../facts/facts.js';
import { parseRequest } from '../model/parse.js';
import { type Enterprise, LEVELS, type Level } from '../model/request.js';
import { trustedEdition } from '../policy/derive.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';
import { mentougou2022Draft } from '../policy/mentougou-2022-draft.js';
import { type InvalidRequest, invalidRequest, type RequestRef } from './cohort.js';

/** Progress toward one level's target. */
export interface LevelProgress {
  level: Level;
  name: Bilingual;
  /** The edition's target for the level. */
  target: number;
  /** Enterprises holding at least this level on `asOf`. */
  count: number;
  /** `target − count`, never below 0. */
  gap: number;
  met: boolean;
  /** The ids of the enterprises counted, sorted. */
  holders: string[];
}

/** The district's progress toward its targets on a day. */
export interface TargetProgress {
  asOf: string;
  edition: { id: string };
  /** The day the targets are set for (edition `targets.by`). */
  targetsBy: string;
  /** Records read. */
  records: number;
  /** Distinct enterprises counted (by id). */
  enterprises: number;
  /** Institution requests, which hold no designation and are left out. */
  institutions: number;
  /** Enterprise ids given more than once: each counts once, by its record with the latest `asOf` (a later record on a tie). */
  duplicates: { id: string; indices: number[] }[];
  /** Records that failed validation. */
  invalid: InvalidRequest[];
  /** From the highest level down: national little giant, municipal little giant, municipal SME. */
  levels: LevelProgress[];
  /** The counting rule (bilingual). */
  rule: Bilingual;
}

/** The counting rule. */
export const AT_LEAST_RULE: Bilingual = {
  zh: '按“至少达到”口径计数：评估日持有某级或更高级别称号（已获得且未过期，到期日当天仍有效）的企业计入该级目标；国家级“小巨人”同时计入市级“小巨人”和市级专精特新中小企业目标。',
  en: 'Counted “at least”: an enterprise that holds a level or a higher one on the day (obtained and not expired; the expiry day itself still counts) counts toward that level’s target; a national little giant also counts toward the municipal little giant and municipal SME targets.',
};

const isRequestForm = (item: unknown): boolean =>
  typeof item === 'object' && item !== null && !Array.isArray(item) && ['asOf', 'enterprise', 'institution'].some((k) => Object.hasOwn(item, k));

/** A target-progress count built one record at a time. */
export interface TargetProgressBuilder {
  /** Adds an enterprise (bare, validated as of the progress day) or a `{ asOf, enterprise }` / `{ asOf, institution }` request. */
  add(item: unknown, ref?: Partial<RequestRef>): void;
  result(): TargetProgress;
}

/**
 * A target-progress builder.
 *
 * @param asOf the day to count on, `YYYY-MM-DD`
 * @throws RangeError when `asOf` is not a real calendar date; EditionError for an invalid edition
 *
 * @example
 * ```ts
 * import { targetProgressBuilder } from 'mentougou-srdi/analysis';
 *
 * const builder = targetProgressBuilder('2024-12-31');
 * builder.add({ id: 'E1', designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }] });
 * console.log(builder.result().enterprises); // 1
 * ```
 */
export function targetProgressBuilder(asOf: string, given: PolicyEdition = mentougou2022Draft): TargetProgressBuilder {
  const day = parseCalendarDate(asOf);
  if (day === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${asOf}`);
  const edition = trustedEdition(given);
  let records = 0;
  let institutions = 0;
  const invalid: InvalidRequest[] = [];
  /** Per enterprise id: the record that counts, with the `asOf` it was given as of. */
  const latest = new Map<string, { asOf: number; enterprise: Enterprise }>();
  const indices = new Map<string, number[]>();
  return {
    add(item, ref) {
      const where: RequestRef = { index: ref?.index ?? records, ...(ref?.line === undefined ? {} : { line: ref.line }) };
      records += 1;
      const request = isRequestForm(item) ? item : { asOf, enterprise: item };
      const parsed = parseRequest(request);
      if (!parsed.ok) {
        invalid.push(invalidRequest(request, where, parsed.issues));
        return;
      }
      const enterprise = parsed.value.enterprise;
      if (!enterprise) {
        institutions += 1;
        return;
      }
      indices.set(enterprise.id, [...(indices.get(enterprise.id) ?? []), where.index]);
      const known = latest.get(enterprise.id);
      if (!known || parsed.value.asOf >= known.asOf) latest.set(enterprise.id, { asOf: parsed.value.asOf, enterprise });
    },
    result() {
      const values = editionValues(edition);
      const highest = new Map<string, Level | null>([...latest.entries()].map(([id, { enterprise }]) => [id, highestLevelHeldOn(enterprise.designations, day, values.readings)]));
      const levels: LevelProgress[] = [...LEVELS].reverse().map((level) => {
        const holders = [...highest.entries()]
          .filter(([, held]) => held !== null && levelRank(held) >= levelRank(level))
          .map(([id]) => id)
          .sort();
        const target = values.targets.levels[level];
        return {
          level,
          name: { zh: LEVEL_NAMES[level].zh, en: LEVEL_NAMES[level].en },
          target,
          count: holders.length,
          gap: Math.max(0, target - holders.length),
          met: holders.length >= target,
          holders,
        };
      });
      return {
        asOf,
        edition: { id: edition.id },
        targetsBy: edition.targets.by.value,
        records,
        enterprises: latest.size,
        institutions,
        duplicates: [...indices.entries()].filter(([, at]) => at.length > 1).map(([id, at]) => ({ id, indices: at })),
        invalid: [...invalid],
        levels,
        rule: AT_LEAST_RULE,
      };
    },
  };
}

/**
 * Progress toward the edition's district targets on `asOf`: per level, the enterprises holding at
 * least that level, the target, the gap (never below 0) and whether it is met.
 *
 * @param enterprises enterprises (the `enterprise` part of a request, validated as of `asOf`), or
 *   `{ asOf, enterprise }` requests (validated as they are); institution requests are left out, and
 *   invalid records are counted and listed, not thrown
 * @param asOf the day to count on, `YYYY-MM-DD` (an input, never the clock)
 * @param edition the edition whose `targets` apply (default `mentougou-2022-draft`)
 * @throws RangeError when `asOf` is not a real calendar date
 *
 * @example
 * ```ts
 * import { targetProgress } from 'mentougou-srdi/analysis';
 *
 * const progress = targetProgress([{ id: 'E1', designations: [{ level: 'national-little-giant', obtainedOn: '2023-05-01' }] }], '2024-12-31');
 * const national = progress.levels[0];
 * console.log(`${national?.count} of ${national?.target}`); // 1 of 15
 * ```
 */
export function targetProgress(enterprises: readonly unknown[] | Iterable<unknown>, asOf: string, edition: PolicyEdition = mentougou2022Draft): TargetProgress {
  const builder = targetProgressBuilder(asOf, edition);
  for (const item of enterprises) builder.add(item);
  return builder.result();
}
