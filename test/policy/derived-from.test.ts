import { describe, expect, it } from 'vitest';
import { deriveEdition } from '../../src/policy/derive.js';
import { derivedFrom, editionValues, type EditionValues, type PolicyEdition } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';

let calls = 0;
const firstYearText = (values: EditionValues): string => {
  calls++;
  return `from ${values.m3.firstYear}`;
};

describe('derivedFrom: what a rule derives from an edition is computed once per computing form', () => {
  it('derives once for the built-in (frozen) edition and returns the same value after', () => {
    const values = editionValues(mentougou2022Draft);
    calls = 0;
    const first = derivedFrom(values, firstYearText);
    expect(derivedFrom(editionValues(mentougou2022Draft), firstYearText)).toBe(first);
    expect(calls).toBeLessThanOrEqual(1);
    expect(first).toBe(`from ${values.m3.firstYear}`);
  });

  it("derives from each edition's own values: a derived edition gets its own text", () => {
    const reform = deriveEdition(mentougou2022Draft, { m3: { firstYear: 2025 } }, { id: 'reform-m3' });
    expect(derivedFrom(editionValues(reform), firstYearText)).toBe('from 2025');
    expect(derivedFrom(editionValues(mentougou2022Draft), firstYearText)).toBe(`from ${editionValues(mentougou2022Draft).m3.firstYear}`);
  });

  it('derives afresh for an edition that is not frozen, so that a change to it shows', () => {
    const open = structuredClone(mentougou2022Draft) as PolicyEdition;
    expect(derivedFrom(editionValues(open), firstYearText)).toBe(`from ${editionValues(mentougou2022Draft).m3.firstYear}`);
    (open as unknown as { m3: { firstYear: { value: number } } }).m3.firstYear.value = 2030;
    expect(derivedFrom(editionValues(open), firstYearText)).toBe('from 2030');
  });
});
