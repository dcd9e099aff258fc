import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/core/calendar.js';
import {
  deriveFacts,
  designationsInOrder,
  highestLevelHeldOn,
  holdsDesignationOn,
  isHeldOn,
  isInWindow,
  levelRank,
  regionOn,
  registrationTimeline,
  relocations,
} from '../../src/facts/facts.js';
import { parseRequest } from '../../src/model/parse.js';
import { type Designation, LEVELS, type Level, type Registration } from '../../src/model/request.js';
import { editionValues } from '../../src/policy/edition.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { enterpriseFacts, institutionFacts, registeredIn } from '../helpers/facts.js';

function day(text: string): number {
  const n = parseCalendarDate(text);
  if (n === null) throw new Error(`not a date: ${text}`);
  return n;
}

const designation = (level: Level, obtainedOn: string, extra: { renewal?: boolean; expiresOn?: string } = {}): Designation => ({
  level,
  obtainedOn: day(obtainedOn),
  ...(extra.renewal === undefined ? {} : { renewal: extra.renewal }),
  ...(extra.expiresOn === undefined ? {} : { expiresOn: day(extra.expiresOn) }),
});

const reg = (kind: Registration['kind'], region: Registration['region'], from: string): Registration => ({ kind, region, from: day(from) });

describe('levelRank', () => {
  it('municipal-sme < municipal-little-giant < national-little-giant', () => {
    expect(LEVELS.map(levelRank)).toEqual([0, 1, 2]);
  });
});

describe('isHeldOn, highestLevelHeldOn, holdsDesignationOn (R9: expiresOn itself still counts)', () => {
  const sme = designation('municipal-sme', '2022-06-15', { expiresOn: '2025-06-14' });
  const giant = designation('municipal-little-giant', '2023-07-20', { expiresOn: '2026-07-19' });
  const national = designation('national-little-giant', '2024-08-01');

  it('held from obtainedOn (inclusive)', () => {
    expect(isHeldOn(sme, day('2022-06-14'))).toBe(false);
    expect(isHeldOn(sme, day('2022-06-15'))).toBe(true);
  });

  it('held on expiresOn, not the day after', () => {
    expect(isHeldOn(sme, day('2025-06-14'))).toBe(true);
    expect(isHeldOn(sme, day('2025-06-15'))).toBe(false);
  });

  it('without expiresOn, held for ever after', () => {
    expect(isHeldOn(national, day('2099-12-31'))).toBe(true);
  });

  it('the highest level held on a day', () => {
    const all = [sme, giant, national];
    expect(highestLevelHeldOn(all, day('2022-06-14'))).toBeNull();
    expect(highestLevelHeldOn(all, day('2022-06-15'))).toBe('municipal-sme');
    expect(highestLevelHeldOn(all, day('2023-07-19'))).toBe('municipal-sme');
    expect(highestLevelHeldOn(all, day('2023-07-20'))).toBe('municipal-little-giant');
    expect(highestLevelHeldOn(all, day('2024-08-01'))).toBe('national-little-giant');
    expect(highestLevelHeldOn([national, giant, sme], day('2024-08-01'))).toBe('national-little-giant');
  });

  it('an expired higher level gives way to a lower one still held', () => {
    const expiredGiant = designation('municipal-little-giant', '2022-01-01', { expiresOn: '2024-12-31' });
    const laterSme = designation('municipal-sme', '2024-06-01');
    expect(highestLevelHeldOn([expiredGiant, laterSme], day('2024-12-31'))).toBe('municipal-little-giant');
    expect(highestLevelHeldOn([expiredGiant, laterSme], day('2025-01-01'))).toBe('municipal-sme');
    expect(highestLevelHeldOn([expiredGiant], day('2025-01-01'))).toBeNull();
  });

  it('holdsDesignationOn: any designation held on the day', () => {
    expect(holdsDesignationOn([sme], day('2025-06-14'))).toBe(true);
    expect(holdsDesignationOn([sme], day('2025-06-15'))).toBe(false);
    expect(holdsDesignationOn([], day('2025-06-15'))).toBe(false);
  });
});

describe('registrations: timeline, regionOn, relocations', () => {
  const registrations = [
    reg('business', 'outside-beijing', '2010-03-01'),
    reg('tax', 'outside-beijing', '2010-04-01'),
    reg('business', 'mentougou', '2022-03-10'),
    reg('tax', 'mentougou', '2022-05-01'),
    reg('business', 'mentougou', '2023-01-01'),
    reg('tax', 'beijing-other', '2026-03-01'),
  ];

  it('the timeline of one kind keeps the order', () => {
    expect(registrationTimeline(registrations, 'business').map((r) => r.from)).toEqual([day('2010-03-01'), day('2022-03-10'), day('2023-01-01')]);
    expect(registrationTimeline([], 'tax')).toEqual([]);
  });

  it('regionOn: unknown before the first entry (not yet founded, or not known)', () => {
    expect(regionOn(registrations, 'business', day('2010-02-28'))).toBeUndefined();
    expect(regionOn([], 'business', day('2024-01-01'))).toBeUndefined();
    expect(regionOn([reg('tax', 'mentougou', '2010-01-01')], 'business', day('2024-01-01'))).toBeUndefined();
  });

  it('regionOn: an entry holds from its own day on', () => {
    expect(regionOn(registrations, 'business', day('2010-03-01'))).toBe('outside-beijing');
    expect(regionOn(registrations, 'business', day('2022-03-09'))).toBe('outside-beijing');
    expect(regionOn(registrations, 'business', day('2022-03-10'))).toBe('mentougou');
    expect(regionOn(registrations, 'business', day('2030-01-01'))).toBe('mentougou');
  });

  it('regionOn: each kind on its own', () => {
    expect(regionOn(registrations, 'tax', day('2022-03-10'))).toBe('outside-beijing');
    expect(regionOn(registrations, 'tax', day('2022-05-01'))).toBe('mentougou');
    expect(regionOn(registrations, 'tax', day('2026-02-28'))).toBe('mentougou');
    expect(regionOn(registrations, 'tax', day('2026-03-01'))).toBe('beijing-other');
  });

  it('relocations: the first entry of a kind is its founding, not a relocation', () => {
    expect(relocations([reg('business', 'mentougou', '2015-04-01')], 'business')).toEqual([]);
    expect(relocations([reg('business', 'outside-beijing', '2015-04-01')], 'business')).toEqual([]);
  });

  it('relocations: a change of region, with its day and the index of its entry', () => {
    expect(relocations(registrations, 'business')).toEqual([{ kind: 'business', from: 'outside-beijing', to: 'mentougou', on: day('2022-03-10'), index: 2 }]);
    expect(relocations(registrations, 'tax')).toEqual([
      { kind: 'tax', from: 'outside-beijing', to: 'mentougou', on: day('2022-05-01'), index: 3 },
      { kind: 'tax', from: 'mentougou', to: 'beijing-other', on: day('2026-03-01'), index: 5 },
    ]);
  });

  it('relocations: an entry in the same region is no relocation; a return is one', () => {
    const back = [reg('business', 'mentougou', '2015-01-01'), reg('business', 'mentougou', '2016-01-01'), reg('business', 'outside-beijing', '2018-01-01'), reg('business', 'mentougou', '2022-06-01')];
    expect(relocations(back, 'business').map((m) => `${m.from}>${m.to}@${m.index}`)).toEqual(['mentougou>outside-beijing@2', 'outside-beijing>mentougou@3']);
    expect(relocations([], 'business')).toEqual([]);
  });
});

describe('R1 isInWindow (built-in window 2022-01-01 .. 2025-12-31)', () => {
  const values = editionValues(mentougou2022Draft);
  const asOf = day('2030-01-01');

  it('the first and last day of the window are inside; the days beyond are not', () => {
    expect(isInWindow(day('2021-12-31'), values, asOf)).toBe(false);
    expect(isInWindow(day('2022-01-01'), values, asOf)).toBe(true);
    expect(isInWindow(day('2025-12-31'), values, asOf)).toBe(true);
    expect(isInWindow(day('2026-01-01'), values, asOf)).toBe(false);
  });

  it('the day must also be on or before asOf', () => {
    expect(isInWindow(day('2024-06-30'), values, day('2024-06-30'))).toBe(true);
    expect(isInWindow(day('2024-07-01'), values, day('2024-06-30'))).toBe(false);
  });

  it('takes any window', () => {
    expect(isInWindow(5, { window: { effectiveFrom: 5, effectiveTo: 5 } }, 5)).toBe(true);
    expect(isInWindow(5, { window: { effectiveFrom: 6, effectiveTo: 9 } }, 9)).toBe(false);
  });
});

describe('designationsInOrder', () => {
  it('oldest first; on one day the lower level first, a first award before a renewal', () => {
    const input = [
      designation('national-little-giant', '2024-08-01'),
      designation('municipal-little-giant', '2023-07-20', { renewal: true }),
      designation('municipal-sme', '2022-06-15'),
      designation('municipal-little-giant', '2023-07-20'),
      designation('municipal-sme', '2023-07-20'),
    ];
    expect(designationsInOrder(input).map((d) => `${d.level}@${d.obtainedOn}${d.renewal ? 'R' : ''}`)).toEqual([
      `municipal-sme@${day('2022-06-15')}`,
      `municipal-sme@${day('2023-07-20')}`,
      `municipal-little-giant@${day('2023-07-20')}`,
      `municipal-little-giant@${day('2023-07-20')}R`,
      `national-little-giant@${day('2024-08-01')}`,
    ]);
  });

  it('does not change its input', () => {
    const input = [designation('national-little-giant', '2024-08-01'), designation('municipal-sme', '2022-06-15')];
    const before = [...input];
    designationsInOrder(input);
    expect(input).toEqual(before);
  });

  it('property: the order is independent of the input order (shuffled)', () => {
    const arb = fc.record(
      {
        level: fc.constantFrom(...LEVELS),
        obtainedOn: fc.integer({ min: 18_000, max: 18_010 }),
        renewal: fc.boolean(),
        expiresOn: fc.integer({ min: 19_000, max: 19_003 }),
      },
      { requiredKeys: ['level', 'obtainedOn'] },
    );
    // A designation as the rules read it: an absent renewal is not a renewal.
    const normal = (d: Designation) => ({ level: d.level, obtainedOn: d.obtainedOn, renewal: d.renewal ?? false, expiresOn: d.expiresOn ?? null });
    fc.assert(
      fc.property(
        fc.array(arb, { maxLength: 8 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        ([list, shuffled]) => {
          expect(designationsInOrder(shuffled).map(normal)).toEqual(designationsInOrder(list).map(normal));
          const ordered = designationsInOrder(list);
          for (let i = 1; i < ordered.length; i++) expect(ordered[i - 1]!.obtainedOn).toBeLessThanOrEqual(ordered[i]!.obtainedOn);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('deriveFacts', () => {
  it('an enterprise: asOf as a day number, designations in order', () => {
    const facts = enterpriseFacts('2024-12-31', {
      registrations: registeredIn('mentougou', '2015-04-01'),
      designations: [
        { level: 'national-little-giant', obtainedOn: '2024-08-01' },
        { level: 'municipal-sme', obtainedOn: '2022-06-15' },
      ],
    });
    expect(facts.subject).toBe('enterprise');
    expect(facts.asOf).toBe(day('2024-12-31'));
    expect(facts.designations.map((d) => d.level)).toEqual(['municipal-sme', 'national-little-giant']);
    // The request's own list is left as it was sent.
    expect(facts.enterprise.designations?.map((d) => d.level)).toEqual(['national-little-giant', 'municipal-sme']);
  });

  it('an enterprise without designations has an empty list', () => {
    expect(enterpriseFacts('2024-12-31', {}).designations).toEqual([]);
  });

  it('an institution', () => {
    const facts = institutionFacts('2024-12-31', { certified: true, residentSrdiCount: 5 });
    expect(facts.subject).toBe('institution');
    expect(facts.institution.certified).toBe(true);
    expect(facts.asOf).toBe(day('2024-12-31'));
  });

  it('from parseRequest directly', () => {
    const parsed = parseRequest({ asOf: '2024-01-01', institution: { id: 'I1' } });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(deriveFacts(parsed.value)).toMatchObject({ subject: 'institution', institution: { id: 'I1' } });
  });
});
