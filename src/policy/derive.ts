/**
 * Deriving a changed edition (a "reform"): the district asks what a changed draft would cost. A
 * change names parameters by their place in the edition and gives new values; anything else is an
 * error, and the result is validated like any edition.
 */
import { ISSUE_MESSAGES, message } from '../core/messages.js';
import type { PolicyIssue } from '../model/issues.js';
import { fromZodError } from '../model/issues.js';
import { editionSchema, type PolicyEdition } from './edition.js';

/** Changes to an edition: the edition's shape, with raw values at the parameters (`{ m3: { years: 2 } }`). */
export type EditionChanges = { [key: string]: EditionChanges | string | number | boolean | null };

/** An edition or a change to one was invalid. */
export class EditionError extends Error {
  readonly issues: PolicyIssue[];
  constructor(issues: PolicyIssue[]) {
    super(`invalid policy edition: ${issues.map((i) => `${i.path.join('.')}: ${i.en}`).join('; ')}`);
    this.name = 'EditionError';
    this.issues = issues;
  }
}

const isParameter = (node: unknown): node is { value: unknown } =>
  typeof node === 'object' && node !== null && 'value' in node && 'clause' in node;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The sections of an edition whose entries are plain values rather than `{ value, clause }` parameters:
 * the readings (DESIGN §8, `readings.g2Aggregate`), whose clause and words live in src/policy/readings.ts.
 */
const VALUE_SECTIONS = new Set(['readings']);

function applyChanges(node: Record<string, unknown>, changes: EditionChanges, path: string[], issues: PolicyIssue[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...node };
  for (const key of Object.keys(changes)) {
    const here = [...path, key];
    const target = Object.hasOwn(node, key) ? node[key] : undefined;
    const change = changes[key];
    if (path.length === 1 && VALUE_SECTIONS.has(path[0]!) && target !== undefined && !FORBIDDEN.has(key)) {
      // A value of its own; validateEdition checks it against the reading's two values.
      copy[key] = change;
      continue;
    }
    if (FORBIDDEN.has(key) || target === undefined || typeof target !== 'object' || target === null || Array.isArray(target)) {
      const text = message(ISSUE_MESSAGES['unknown-key'], { key: here.join('.') });
      issues.push({ path: here, code: 'unknown-key', ...text });
      continue;
    }
    if (isParameter(target)) {
      copy[key] = { ...target, value: change, assumed: undefined };
      delete (copy[key] as Record<string, unknown>).assumed;
    } else if (typeof change === 'object' && change !== null) {
      copy[key] = applyChanges(target as Record<string, unknown>, change, here, issues);
    } else {
      const text = message(ISSUE_MESSAGES['invalid-type'], { expected: 'object' });
      issues.push({ path: here, code: 'invalid-type', ...text });
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
 * Validates an edition (for one read from a file or built by hand).
 *
 * @throws EditionError with every issue found
 */
export function validateEdition(candidate: unknown): PolicyEdition {
  const parsed = editionSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) throw new EditionError(fromZodError(parsed.error));
  return parsed.data;
}

/**
 * A new edition: `base` with `changes` applied, under a new `id`. The new edition records
 * `derivedFrom` and keeps the base's assumptions, less those whose parameters the change all sets (an
 * assumption names the parameter paths it is about at its start, e.g. `m3.lastYear (G6/R4): …`), unless
 * `options.assumptions` replaces them.
 *
 * @example deriveEdition(mentougou2022Draft, { m1: { tiers: { 'national-little-giant': 1000000 } } }, { id: 'reform-a' })
 * @example deriveEdition(mentougou2022Draft, { readings: { g2Aggregate: 'any-one' } }, { id: 'g2-any-one' }) // DESIGN §8
 * @throws EditionError for an unknown key (`readings.<unknown name>` included), a negative amount, a value a
 *   reading does not have, or any other invalid value
 */
export function deriveEdition(base: PolicyEdition, changes: EditionChanges, options: { id: string; assumptions?: string[] }): PolicyEdition {
  const issues: PolicyIssue[] = [];
  const changed = applyChanges(base as unknown as Record<string, unknown>, changes, [], issues);
  if (issues.length > 0) throw new EditionError(issues);
  changed.id = options.id;
  changed.derivedFrom = base.id;
  const setPaths = parameterPaths(changes);
  const settled = (assumption: string): boolean => (assumption.split(' (')[0] ?? '').split(', ').every((path) => setPaths.includes(path));
  changed.assumptions = options.assumptions ?? base.assumptions.filter((a) => !settled(a));
  return validateEdition(changed);
}

/**
 * Changes from `path=value` assignments, as a command line writes them
 * (`m1.tiers.national-little-giant=1000000`, `m3.years=2`, `window.effectiveTo=2026-12-31`,
 * `readings.g2Aggregate=any-one`, `readings.m3ClipToAsOf=true`).
 * A value that reads as JSON (a number, `true` / `false`, `null`) is taken as such; anything else as a string.
 */
export function changesFromAssignments(assignments: readonly string[]): EditionChanges {
  const changes: EditionChanges = {};
  for (const assignment of assignments) {
    const at = assignment.indexOf('=');
    if (at <= 0) throw new EditionError([{ path: [assignment], code: 'invalid', ...message(ISSUE_MESSAGES.invalid) }]);
    const keys = assignment.slice(0, at).split('.').filter((k) => k.length > 0);
    if (keys.length === 0) throw new EditionError([{ path: [assignment], code: 'invalid', ...message(ISSUE_MESSAGES.invalid) }]);
    // A key such as `__proto__` would walk into Object.prototype below and pollute every object.
    const forbidden = keys.find((k) => FORBIDDEN.has(k));
    if (forbidden !== undefined) throw new EditionError([{ path: keys, code: 'forbidden-key', ...message(ISSUE_MESSAGES['forbidden-key'], { key: forbidden }) }]);
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
  return changes;
}

