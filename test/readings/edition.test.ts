/**
 * `edition.readings` (DESIGN §8): the 22 frozen names with DESIGN's value in the built-in edition, switched
 * by `deriveEdition` (and `--set readings.<name>=<value>`), unknown names and values refused.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { changesFromAssignments, deriveEdition, EditionError, validateEdition } from '../../src/policy/derive.js';
import { editionValues } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { READING_NAMES, READINGS } from '../../src/policy/readings.js';

/** readings.md: each name with its default (DESIGN's) value and its alternative, in the table's order. */
const TABLE: [string, boolean | string, boolean | string][] = [
  ['m3ClipToAsOf', false, true],
  ['m3RegisteredKinds', 'business', 'business+tax'],
  ['g2Base', 'amount', 'payable'],
  ['g2Aggregate', 'sum', 'any-one'],
  ['m3PaidMatching', 'per-year', 'total'],
  ['breachNeedsCommitment', false, true],
  ['periodIncludesPaidOn', true, false],
  ['unknownRegionBreaches', false, true],
  ['g1AbsentFact', 'unknown', 'unmet'],
  ['g1DesignationWhen', 'asOf', 'ever'],
  ['expiresOnInclusive', true, false],
  ['m5NoLevel', 'unknown', 'unmet'],
  ['m6NeedsSmallOrMicro', false, true],
  ['r1AllEvents', false, true],
  ['foundingCountsAsMoveIn', false, true],
  ['roundPerLease', false, true],
  ['g1InAmount', true, false],
  ['m2ReturnerQualifies', true, false],
  ['clawbackScope', 'periods-containing-breach', 'all-disbursements'],
  ['m3OtherRentSubsidy', 'compare-per-year', 'exclude'],
  ['m1DistrictAtDesignation', false, true],
  ['commitmentImpliedByDisbursement', false, true],
];

function editionError(f: () => unknown): EditionError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(EditionError);
    return error as EditionError;
  }
  throw new Error('expected an EditionError');
}

describe('edition.readings of the built-in edition', () => {
  it('holds the 22 names of readings.md, each at DESIGN’s value, as a parameter with its clause and words', () => {
    expect(Object.entries(mentougou2022Draft.readings).map(([name, p]) => [name, p.value])).toEqual(TABLE.map(([name, value]) => [name, value]));
    expect(editionValues(mentougou2022Draft).readings).toEqual(Object.fromEntries(TABLE.map(([name, value]) => [name, value])));
    expect(mentougou2022Draft.readings.g2Aggregate).toMatchObject({ clause: 'G2', zh: '已享受中关村门头沟园或其他房租补贴政策支持的不重复享受……从优不重复' });
    expect(mentougou2022Draft.readings.clawbackScope).toMatchObject({ clause: 'G5', zh: '若违反承诺我区有权追回全部支持资金' });
    expect(Object.values(mentougou2022Draft.readings).some((p) => 'assumed' in p)).toBe(false);
  });

  it('each reading has exactly the two values of readings.md, DESIGN’s first', () => {
    expect(READING_NAMES).toHaveLength(22);
    for (const [name, first, second] of TABLE) expect(READINGS[name as keyof typeof READINGS].values, name).toEqual([first, second]);
  });

  it('each reading quotes the words of the text (each piece between 「」 occurs in docs/policy/measures.zh.txt)', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const text = readFileSync(join(root, 'docs', 'policy', 'measures.zh.txt'), 'utf8');
    for (const name of READING_NAMES) {
      const quotes = [...READINGS[name].words.matchAll(/「([^」]+)」/g)].map((m) => m[1]!);
      expect(quotes.length, name).toBeGreaterThan(0);
      for (const quote of quotes) for (const piece of quote.split('…')) if (piece.length > 0) expect(text, `${name}: ${piece}`).toContain(piece);
    }
  });

  it('each gives a wording that would settle it on either value, in Chinese and English', () => {
    for (const name of READING_NAMES) {
      const r = READINGS[name];
      for (const text of r.wording) {
        expect(text.zh, name).toMatch(/[\u4e00-\u9fff]/);
        expect(text.en.length, name).toBeGreaterThan(10);
      }
      expect(r.wording[0].zh, name).not.toBe(r.wording[1].zh);
    }
  });
});

describe('deriveEdition with readings', () => {
  it('switches any one reading to its alternative and keeps the others', () => {
    for (const [name, first, second] of TABLE) {
      const e = deriveEdition(mentougou2022Draft, { readings: { [name]: second } }, { id: `alt-${name}` });
      expect(e.readings[name as keyof typeof e.readings].value, name).toBe(second);
      expect(editionValues(e).readings[name as keyof typeof e.readings], name).toBe(second);
      const others = Object.entries(editionValues(e).readings).filter(([n]) => n !== name);
      expect(others, name).toEqual(TABLE.filter(([n]) => n !== name).map(([n, v]) => [n, v]));
      expect(first, name).not.toBe(second);
    }
    expect(mentougou2022Draft.readings.g2Aggregate.value).toBe('sum');
  });

  it('keeps the base’s assumptions (a reading is not one of them)', () => {
    const e = deriveEdition(mentougou2022Draft, { readings: { g2Aggregate: 'any-one' } }, { id: 'g2-any-one' });
    expect(e.assumptions).toEqual(mentougou2022Draft.assumptions);
    expect(e.derivedFrom).toBe('mentougou-2022-draft');
  });

  it('an unknown name is an EditionError naming readings.<name>', () => {
    const e = editionError(() => deriveEdition(mentougou2022Draft, { readings: { g2Aggregat: 'any-one' } }, { id: 'x' }));
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['readings.g2Aggregat', 'unknown-key']]);
  });

  it('a value the reading does not have is an EditionError naming readings.<name> and the two values', () => {
    const e = editionError(() => deriveEdition(mentougou2022Draft, { readings: { g2Aggregate: 'each' } }, { id: 'x' }));
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['readings.g2Aggregate.value', 'invalid-value']]);
    expect(e.issues[0]!.en).toBe('invalid value; expected one of: sum | any-one');
    // a boolean reading takes true or false, not their names as strings
    const b = editionError(() => deriveEdition(mentougou2022Draft, { readings: { m3ClipToAsOf: 'true' } }, { id: 'x' }));
    expect(b.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['readings.m3ClipToAsOf.value', 'invalid-value']]);
    expect(b.issues[0]!.en).toBe('invalid value; expected one of: false | true');
  });

  it('readings is a group of switches: a value in its place, or an object for a value, is refused', () => {
    expect(editionError(() => deriveEdition(mentougou2022Draft, { readings: 'all' }, { id: 'x' })).issues.map((i) => i.path.join('.'))).toEqual(['readings']);
    expect(editionError(() => deriveEdition(mentougou2022Draft, { readings: { g2Aggregate: { value: 'any-one' } } }, { id: 'x' })).issues.map((i) => i.path.join('.'))).toEqual([
      'readings.g2Aggregate.value',
    ]);
    for (const key of ['__proto__', 'constructor']) {
      const e = editionError(() => deriveEdition(mentougou2022Draft, { readings: JSON.parse(`{"${key}": true}`) as Record<string, boolean> }, { id: 'x' }));
      expect(e.issues.map((i) => i.path.join('.'))).toEqual([`readings.${key}`]);
    }
  });

  it('an edition without readings, or with one missing, is invalid', () => {
    const { readings, ...without } = mentougou2022Draft;
    expect(editionError(() => validateEdition(without)).issues.map((i) => [i.path.join('.'), i.code])).toEqual([['readings', 'required']]);
    const { g1InAmount: _dropped, ...fewer } = readings;
    void _dropped;
    expect(editionError(() => validateEdition({ ...mentougou2022Draft, readings: fewer })).issues.map((i) => [i.path.join('.'), i.code])).toEqual([['readings.g1InAmount', 'required']]);
  });

  it('path=value assignments reach them, as the CLI --set writes them', () => {
    const e = deriveEdition(mentougou2022Draft, changesFromAssignments(['readings.g2Aggregate=any-one', 'readings.m3ClipToAsOf=true', 'readings.g1InAmount=false']), { id: 'cli' });
    expect([e.readings.g2Aggregate.value, e.readings.m3ClipToAsOf.value, e.readings.g1InAmount.value]).toEqual(['any-one', true, false]);
  });
});

describe('docs/rulings.md lists every reading under its ruling', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const text = readFileSync(join(root, 'docs', 'rulings.md'), 'utf8');
  /** The section of one ruling: from its heading to the next. */
  const section = (ruling: string): string => text.split(/^## /m).find((s) => s.startsWith(`${ruling} `)) ?? '';

  it('each with both values and both suggested wordings, in the section of its ruling', () => {
    for (const name of READING_NAMES) {
      const r = READINGS[name];
      const here = section(r.ruling);
      expect(here, name).toContain(`\`${name}\``);
      for (const v of r.values) expect(here, `${name} ${String(v)}`).toContain(typeof v === 'string' ? `'${v}'` : `\`${String(v)}\``);
      for (const w of r.wording) expect(here, name).toContain(w.zh);
    }
  });
});
