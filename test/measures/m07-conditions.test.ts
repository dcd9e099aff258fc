/**
 * M7's line condition by its words (R7: “给予不低于市级标准的奖励”): the reward is max(the municipal
 * standard, the edition's district floor for the board); the condition says which of the two it knows, in
 * grouped yuan, and with neither is unknown by `enterprise.listing.municipalStandardReward`.
 */
import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../src/core/measure-result.js';
import { listingReward } from '../../src/measures/m07-listing-reward.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import type { PolicyEdition } from '../../src/policy/edition.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';

/** A municipal little giant since 2020, listed on the STAR Market on 2024-11-20 (inside the window). */
const listed = (municipalStandardReward?: string, edition: PolicyEdition = mentougou2022Draft): MeasureResult =>
  listingReward(
    enterpriseFacts('2024-12-31', {
      registrations: registeredIn('mentougou', '2015-01-01'),
      designations: [{ level: 'municipal-little-giant', obtainedOn: '2020-01-01' }],
      listing: municipalStandardReward === undefined ? { board: 'star', listedOn: '2024-11-20' } : { board: 'star', listedOn: '2024-11-20', municipalStandardReward },
    }),
    edition,
  );
const STATEMENT = { zh: '市级奖励标准或区级最低奖励已知（不低于市级标准）', en: 'the municipal standard or a district floor is known (no lower than the municipal standard)' };
const lineCondition = (r: MeasureResult) => {
  const [c] = r.lines[0]!.conditions;
  return { id: c!.id, clause: c!.clause, ruling: c!.ruling, status: c!.status, zh: c!.zh, en: c!.en, missing: c!.missing };
};
const floorOnStar = deriveEdition(mentougou2022Draft, { m7: { districtFloors: { star: 1000000 } } }, { id: 'star-floor-1m' });

describe('M7 “不低于市级标准” (R7): the line’s condition and what it names', () => {
  it('the municipal standard only (the draft sets no district floor): met, both named', () => {
    const r = listed('3000000');
    expect(r.lines[0]!.amount?.toFixed(2)).toBe('3000000.00');
    expect(lineCondition(r)).toEqual({
      id: 'm7.reward-standard-known',
      clause: 'M7',
      ruling: 'R7',
      status: 'met',
      zh: `${STATEMENT.zh}：满足（市级标准 3,000,000.00 元，未设区级最低奖励）`,
      en: `${STATEMENT.en}: met (municipal standard 3,000,000.00 yuan, no district floor)`,
      missing: [],
    });
  });

  it('a district floor only: met, the floor is the reward (1,000,000.00)', () => {
    const r = listed(undefined, floorOnStar);
    expect(r.lines[0]!.amount?.toFixed(2)).toBe('1000000.00');
    expect(lineCondition(r)).toMatchObject({
      status: 'met',
      zh: `${STATEMENT.zh}：满足（市级标准未提供，区级最低 1,000,000.00 元）`,
      en: `${STATEMENT.en}: met (no municipal standard given, district floor 1,000,000.00 yuan)`,
    });
  });

  it('both: the larger is the reward (a standard of 800,000.00 under a floor of 1,000,000.00 gives 1,000,000.00)', () => {
    const r = listed('800000', floorOnStar);
    expect(r.lines[0]!.amount?.toFixed(2)).toBe('1000000.00');
    expect(r.lines[0]!.details.basis).toBe('district-floor');
    expect(lineCondition(r).zh).toBe(`${STATEMENT.zh}：满足（市级标准 800,000.00 元，区级最低 1,000,000.00 元）`);
  });

  it('neither: unknown by enterprise.listing.municipalStandardReward, and says which two are missing', () => {
    const r = listed();
    expect(r.lines[0]!.amount).toBeNull();
    expect(lineCondition(r)).toEqual({
      id: 'm7.reward-standard-known',
      clause: 'M7',
      ruling: 'R7',
      status: 'unknown',
      zh: `${STATEMENT.zh}：未知（市级奖励标准未提供，且本版本未设区级最低奖励）`,
      en: `${STATEMENT.en}: unknown (no municipal standard given, and this edition sets no district floor)`,
      missing: ['enterprise.listing.municipalStandardReward'],
    });
  });
});
