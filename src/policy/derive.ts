/**
 * Validating and deriving editions. Deriving a changed edition (a "reform"): the district asks what a
 * changed draft would cost. A change names parameters by their place in the edition and gives new
 * values; anything else is an error, and the result is validated like any edition.
 *
 * Trust: an edition is trusted only when this module made it — the built-in one, or one returned by
 * `validateEdition` or `deriveEdition` — and every such edition is deep-frozen, so it cannot change
 * after it was validated. Any other edition (built by hand, or a copy) is validated again on every use
 * (`trustedEdition`), so changing it after a first use cannot slip an invalid value past validation.
 */
import { type IssueCode, ISSUE_MESSAGES, message, type MessageParams } from '../core/messages.js';
import type { PolicyIssue } from '../model/issues.js';
import { fromZodError } from '../model/issues.js';
import { deepFreeze, editionSchema, type PolicyEdition } from './edition.js';
import { mentougou2022Draft } from './mentougou-2022-draft.js';

/** Changes to an edition: the edition's shape, with raw values at the parameters (`{ m3: { years: 2 } }`). */
export type EditionChanges = { [key: string]: EditionChanges | string | number | boolean | null };

/**
 * An edition or a change to one was invalid.
 *
 * @example
 * ```ts
 * import { mentougou2022Draft } from 'mentougou-srdi';
 * import { deriveEdition, EditionError } from 'mentougou-srdi/edition';
 *
 * try {
 *   deriveEdition(mentougou2022Draft, { m3: { yearCap: '-1' } }, { id: 'bad' });
 * } catch (error) {
 *   if (error instanceof EditionError) console.log(error.issues[0]?.path.join('.')); // m3.yearCap.value
 * }
 * ```
 */
export class EditionError extends Error {
  readonly issues: PolicyIssue[];
  constructor(issues: PolicyIssue[]) {
    super(`invalid policy edition: ${issues.map((i) => `${i.path.join('.')}: ${i.en}`).join('; ')}`);
    this.name = 'EditionError';
    this.issues = issues;
  }
}

const editionIssue = (path: (string | number)[], code: IssueCode, params: MessageParams = {}): PolicyIssue => ({ path, code, ...message(ISSUE_MESSAGES[code], params) });

/** The editions this module validated (deep-frozen: they cannot have changed since). */
const trusted = new WeakSet<PolicyEdition>([mentougou2022Draft]);

const isParameter = (node: unknown): node is { value: unknown } =>
  typeof node === 'object' && node !== null && 'value' in node && 'clause' in node;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function applyChanges(node: Record<string, unknown>, changes: EditionChanges, path: string[], issues: PolicyIssue[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...node };
  for (const key of Object.keys(changes)) {
    const here = [...path, key];
    const target = Object.hasOwn(node, key) ? node[key] : undefined;
    const change = changes[key];
    if (FORBIDDEN.has(key) || target === undefined || typeof target !== 'object' || target === null || Array.isArray(target)) {
      issues.push(editionIssue(here, 'unknown-key', { key: here.join('.') }));
      continue;
    }
    if (isParameter(target)) {
      copy[key] = { ...target, value: change, assumed: undefined };
      delete (copy[key] as Record<string, unknown>).assumed;
    } else if (typeof change === 'object' && change !== null) {
      copy[key] = applyChanges(target as Record<string, unknown>, change, here, issues);
    } else {
      issues.push(editionIssue(here, 'invalid-type', { expected: 'object' }));
    }
  }
  return copy;
}

/** The dotted paths of the parameters a change sets (`m3.years`, `window.effectiveTo`). */
function parameterPaths(changes: EditionChanges, prefix = ''): string[] {
  return Object.entries(changes).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? parameterPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/**
 * Validates an edition as a whole (for one read from a file or built by hand): every value with its
 * bounds, then the rules between values (a window that does not end before it starts, `m3.firstYear ≤
 * m3.lastYear`).
 *
 * @returns a deep-frozen copy of the edition, trusted from then on
 * @throws EditionError with every issue found, each naming its parameter's path
 *
 * @example
 * ```ts
 * import { mentougou2022Draft } from 'mentougou-srdi';
 * import { EditionError, validateEdition } from 'mentougou-srdi/edition';
 *
 * const edition = structuredClone(mentougou2022Draft);
 * edition.m3.years.value = 0;
 * try {
 *   validateEdition(edition);
 * } catch (error) {
 *   if (error instanceof EditionError) console.log(error.issues[0]?.path.join('.')); // m3.years.value
 * }
 * ```
 */
export function validateEdition(candidate: unknown): PolicyEdition {
  let parsed: ReturnType<typeof editionSchema.safeParse>;
  try {
    parsed = editionSchema.safeParse(candidate, { reportInput: true });
  } catch {
    // A getter or Proxy trap that throws while the edition is read: not an edition.
    throw new EditionError([editionIssue([], 'invalid')]);
  }
  if (!parsed.success) throw new EditionError(fromZodError(parsed.error));
  const edition = deepFreeze(parsed.data);
  trusted.add(edition);
  return edition;
}

/**
 * The edition to compute with: `edition` itself when this module made it (built-in, validated or
 * derived: frozen), else a validated, frozen copy of it, made afresh on every call.
 *
 * @throws EditionError when `edition` is not a valid edition
 */
export function trustedEdition(edition: PolicyEdition): PolicyEdition {
  return trusted.has(edition) ? edition : validateEdition(edition);
}

/**
 * A new edition: `base` with `changes` applied, under a new `id`. The new edition records
 * `derivedFrom` and keeps the base's assumptions, less those whose parameters the change all sets (an
 * assumption names the parameter paths it is about at its start, e.g. `m3.lastYear (G6/R4): …`), unless
 * `options.assumptions` replaces them.
 *
 * @throws EditionError for an unknown key (`readings.<unknown name>` included), a negative amount, a value a
 *   reading does not have, or any other invalid value
 *
 * @example
 * ```ts
 * import { assess, mentougou2022Draft } from 'mentougou-srdi';
 * import { deriveEdition } from 'mentougou-srdi/edition';
 *
 * // A reform: the national little giant's reward raised to 1,000,000 (never edit the built-in edition).
 * const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'national-little-giant': '1000000' } } }, { id: 'reform-a' });
 * console.log(reform.derivedFrom); // mentougou-2022-draft
 * const result = assess({ asOf: '2024-12-31', enterprise: { id: 'E1' } }, { edition: reform });
 * console.log(result.edition.id); // reform-a
 *
 * // The other reading of an unclear passage (DESIGN §8): other benefits compared one by one.
 * const anyOne = deriveEdition(mentougou2022Draft, { readings: { g2Aggregate: 'any-one' } }, { id: 'g2-any-one' });
 * console.log(anyOne.readings.g2Aggregate.value); // any-one
 * ```
 */
export function deriveEdition(base: PolicyEdition, changes: EditionChanges, options: { id: string; assumptions?: string[] }): PolicyEdition {
  const from = trustedEdition(base);
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) throw new EditionError([editionIssue([], 'not-an-edition-change')]);
  const issues: PolicyIssue[] = [];
  const changed = applyChanges(from as unknown as Record<string, unknown>, changes, [], issues);
  if (issues.length > 0) throw new EditionError(issues);
  changed.id = typeof options === 'object' && options !== null ? options.id : undefined;
  changed.derivedFrom = from.id;
  const setPaths = parameterPaths(changes);
  const settled = (assumption: string): boolean => (assumption.split(' (')[0] ?? '').split(', ').every((path) => setPaths.includes(path));
  changed.assumptions = options?.assumptions ?? from.assumptions.filter((a) => !settled(a));
  return validateEdition(changed);
}

/**
 * Changes from `path=value` assignments, as a command line writes them
 * (`m1.tiers.national-little-giant=1000000`, `m3.years=2`, `window.effectiveTo=2026-12-31`,
 * `readings.g2Aggregate=any-one`, `readings.m3ClipToAsOf=true`).
 * A value that reads as JSON (a number, `true` / `false`, `null`) is taken as such; anything else as a string.
 *
 * @example
 * ```ts
 * import { mentougou2022Draft } from 'mentougou-srdi';
 * import { changesFromAssignments, deriveEdition } from 'mentougou-srdi/edition';
 *
 * // `path=value` assignments, as the command line's --set takes them.
 * const changes = changesFromAssignments(['m3.years=2', 'm1.tiers.national-little-giant=1000000']);
 * console.log(JSON.stringify(changes)); // {"m3":{"years":2},"m1":{"tiers":{"national-little-giant":1000000}}}
 * const edition = deriveEdition(mentougou2022Draft, changes, { id: 'reform-b' });
 * console.log(edition.m3.years.value); // 2
 * ```
 */
export function changesFromAssignments(assignments: readonly string[]): EditionChanges {
  const changes: EditionChanges = {};
  const issues: PolicyIssue[] = [];
  /** The dotted paths set so far. */
  const set: string[] = [];
  for (const assignment of assignments) {
    const at = assignment.indexOf('=');
    const keys = at <= 0 ? [] : assignment.slice(0, at).split('.').filter((k) => k.length > 0);
    if (keys.length === 0) {
      issues.push(editionIssue([assignment], 'invalid'));
      continue;
    }
    // A key such as `__proto__` would walk into Object.prototype below and pollute every object.
    const forbidden = keys.find((k) => FORBIDDEN.has(k));
    if (forbidden !== undefined) {
      issues.push(editionIssue(keys, 'forbidden-key', { key: forbidden }));
      continue;
    }
    // One value per parameter: the same path twice, or a path and one inside it (`m3=1`, `m3.years=2`), is an error.
    const path = keys.join('.');
    const clash = set.find((other) => other === path || other.startsWith(`${path}.`) || path.startsWith(`${other}.`));
    if (clash !== undefined) {
      issues.push(clash === path ? editionIssue(keys, 'assignment-repeated', { path }) : editionIssue(keys, 'assignment-overlaps', { path, other: clash }));
      continue;
    }
    set.push(path);
    const raw = assignment.slice(at + 1);
    let value: string | number | boolean | null = raw;
    try {
      const json: unknown = JSON.parse(raw);
      if (typeof json === 'number' || typeof json === 'boolean' || json === null) value = json;
    } catch {
      value = raw;
    }
    let node = changes;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) node[key] = value;
      else {
        const next = Object.hasOwn(node, key) ? node[key] : undefined;
        if (typeof next !== 'object' || next === null) node[key] = {};
        node = node[key] as EditionChanges;
      }
    });
  }
  if (issues.length > 0) throw new EditionError(issues);
  return changes;
}
