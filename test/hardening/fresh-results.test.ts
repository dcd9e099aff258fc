/**
 * DESIGN §6: results share no mutable object with each other or with the library (titles, conditions,
 * editions): a caller may change a result freely. Attack (issue 12): changing
 * `result.measures[0].title.zh` changed every later result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessUnknown as assess } from '../../src/assess.js';
import { decide } from '../../src/decide.js';
import type { PolicyRequestInput } from '../../src/model/request.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { validRequest } from '../fuzz/support.js';
import { goldenNames, goldenVector } from '../helpers/golden.js';

/** Every object and array in a value, the value itself included. */
function objectsOf(value: unknown, into: Set<object> = new Set()): Set<object> {
  if (value === null || typeof value !== 'object' || into.has(value)) return into;
  into.add(value);
  for (const child of Object.values(value)) objectsOf(child, into);
  return into;
}

/**
 * Changes every object of a result in place, as a careless caller could: each string becomes another,
 * each number and boolean flips, each array gains an entry, each object a key.
 */
function vandalise(value: unknown): void {
  for (const node of objectsOf(value)) {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        if (typeof item === 'string') node[i] = `${item} (changed)`;
      });
      node.push('added');
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const [key, v] of Object.entries(record)) {
      if (typeof v === 'string') record[key] = `${v} (changed)`;
      else if (typeof v === 'number') record[key] = v + 1;
      else if (typeof v === 'boolean') record[key] = !v;
    }
    record.added = true;
  }
}

const requests: { name: string; request: unknown }[] = [
  ...goldenNames()
    .map((name) => ({ name, request: goldenVector(name).request }))
    .filter(({ name }) => name !== '08-bad-input'),
  // Valid requests of both subjects, paying and not (seeded).
  ...fc.sample(validRequest, { seed: 1212, numRuns: 40 }).map((request, i) => ({ name: `fuzz #${i}`, request })),
];

describe('a result may be changed freely: the next result is as if it never had been', () => {
  it('changing result.measures[0].title.zh does not change the next result’s title', () => {
    const request = goldenVector('01-climber').request;
    const first = assess(request);
    const title = first.measures[0]!.title.zh;
    first.measures[0]!.title.zh = 'changed';
    expect(assess(request).measures[0]!.title.zh).toBe(title);
  });

  for (const { name, request } of requests) {
    it(`every nested object of a result changed (deep walk), then assessed again: ${name}`, () => {
      const pristine = JSON.stringify(assess(request));
      const edition = JSON.stringify(mentougou2022Draft);
      const first = assess(request);
      vandalise(first);
      expect(JSON.stringify(first)).not.toBe(pristine); // the walk did change it
      expect(JSON.stringify(assess(request))).toBe(pristine);
      expect(JSON.stringify(mentougou2022Draft)).toBe(edition);
    });
  }

  it('two results of one request share no object (nor does any result share one with the built-in edition)', () => {
    const library = objectsOf(mentougou2022Draft);
    for (const { request } of requests) {
      const first = objectsOf(assess(request));
      for (const node of objectsOf(assess(request))) {
        expect(first.has(node)).toBe(false);
        expect(library.has(node)).toBe(false);
      }
    }
  });

  it('within a result, the G1 conditions listed under applicability and under each measure are separate objects', () => {
    const result = assess(goldenVector('01-climber').request);
    const applicability = new Set<object>(result.applicability.conditions);
    for (const m of result.measures) for (const c of m.conditions) expect(applicability.has(c)).toBe(false);
  });
});

describe('a decision may be changed freely too (decide settles for its decisions only, with no result to copy from)', () => {
  for (const { name, request } of requests.slice(0, 12)) {
    it(`every nested object of a decision changed, then decided and assessed again: ${name}`, () => {
      const pristine = JSON.stringify(decide(request as PolicyRequestInput));
      const assessed = JSON.stringify(assess(request));
      const first = decide(request as PolicyRequestInput);
      vandalise(first);
      expect(JSON.stringify(first)).not.toBe(pristine);
      expect(JSON.stringify(decide(request as PolicyRequestInput))).toBe(pristine);
      expect(JSON.stringify(assess(request))).toBe(assessed);
    });
  }

  it('two decisions of one request share no object', () => {
    for (const { request } of requests) {
      const first = objectsOf(decide(request as PolicyRequestInput));
      for (const node of objectsOf(decide(request as PolicyRequestInput))) expect(first.has(node)).toBe(false);
    }
  });
});
