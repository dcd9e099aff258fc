/**
 * M1's conditions by name: which words of 一、1 each tests (R1, R2), what it says when met and when not, and
 * the reading `m1DistrictAtDesignation` (DESIGN §8), which adds a fifth condition to each earning step and
 * only then. The texts are the reviewed wordings of the clause; a statement shows them as they are here.
 */
import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../src/core/measure-result.js';
import { designationReward } from '../../src/measures/m01-designation-reward.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import type { PolicyEdition } from '../../src/policy/edition.js';
import { enterpriseFacts, registeredIn, stays } from '../helpers/facts.js';

type Enterprise = Parameters<typeof enterpriseFacts>[1];
const m1 = (asOf: string, enterprise: Enterprise, edition: PolicyEdition = mentougou2022Draft): MeasureResult => designationReward(enterpriseFacts(asOf, enterprise), edition);
const named = (conditions: MeasureResult['conditions']) => conditions.map((c) => ({ id: c.id, clause: c.clause, ruling: c.ruling, status: c.status }));

/** Founded in Mentougou in 2015; a Beijing SRDI SME from 2022-06-15 (inside the window). */
const SME_2022: Enterprise = { registrations: registeredIn('mentougou', '2015-01-01'), designations: [{ level: 'municipal-sme', obtainedOn: '2022-06-15' }] };

/** Registered outside Beijing until it moved to Mentougou on 2023-03-01; an SME before the move, a little giant after. */
const MOVED_IN: Enterprise = {
  registrations: stays(['outside-beijing', '2015-01-01'], ['mentougou', '2023-03-01']),
  designations: [
    { level: 'municipal-sme', obtainedOn: '2022-06-15' },
    { level: 'municipal-little-giant', obtainedOn: '2023-07-20' },
  ],
};

describe('M1 “首次获得……称号” (R2): the measure’s condition', () => {
  it('is met by a first designation in the window and names the highest tier earned (200,000.00, grouped)', () => {
    const r = m1('2024-12-31', SME_2022);
    expect(r.conditions).toEqual([
      {
        id: 'm1.first-designation-in-window',
        clause: 'M1',
        ruling: 'R2',
        status: 'met',
        zh: '有效期内首次获得某级“专精特新”称号（非重新认定，且为该级别首次）：满足（最高档 200,000.00 元）',
        en: 'a designation obtained for the first time at its level, inside the period of validity, not a renewal: met (highest tier 200,000.00 yuan)',
        missing: [],
      },
    ]);
  });

  it('is unmet when no designation earns (one obtained before the window opened on 2022-01-01)', () => {
    const r = m1('2024-12-31', { ...SME_2022, designations: [{ level: 'municipal-sme', obtainedOn: '2021-12-31' }] });
    expect(r.lines).toEqual([]);
    expect(r.conditions.map((c) => [c.id, c.status, c.zh, c.en])).toEqual([
      [
        'm1.first-designation-in-window',
        'unmet',
        '有效期内首次获得某级“专精特新”称号（非重新认定，且为该级别首次）：不满足（无符合条件的称号）',
        'a designation obtained for the first time at its level, inside the period of validity, not a renewal: not met (no designation qualifies)',
      ],
    ]);
  });
});

describe('M1 each earning step’s conditions (R1 the window; R2 not a renewal, first of its level, a move up)', () => {
  it('a step carries the four, in the order of the words, each met and naming its ruling', () => {
    const [line] = m1('2024-12-31', SME_2022).lines;
    expect(named(line!.conditions)).toEqual([
      { id: 'm1.obtained-in-window', clause: 'M1', ruling: 'R1', status: 'met' },
      { id: 'm1.not-renewal', clause: 'M1', ruling: 'R2', status: 'met' },
      { id: 'm1.first-of-level', clause: 'M1', ruling: 'R2', status: 'met' },
      { id: 'm1.moves-up', clause: 'M1', ruling: 'R2', status: 'met' },
    ]);
    expect(line!.conditions.map((c) => c.zh)).toEqual(['称号在措施有效期内获得：满足', '非重新认定：满足', '该级别称号为企业首次获得：满足', '晋级（高于此前已获奖励的最高档）：满足']);
    expect(line!.conditions.map((c) => c.en)).toEqual([
      'obtained inside the period of validity: met',
      'not a renewal: met',
      'the first designation of its level in the enterprise’s history: met',
      'a move up (above the highest tier earned before): met',
    ]);
  });

  it('under the default reading (m1DistrictAtDesignation false) a designation obtained outside the district adds no condition', () => {
    const r = m1('2024-12-31', MOVED_IN);
    expect(r.lines.map((l) => l.conditions.map((c) => c.id))).toEqual([
      ['m1.obtained-in-window', 'm1.not-renewal', 'm1.first-of-level', 'm1.moves-up'],
      ['m1.obtained-in-window', 'm1.not-renewal', 'm1.first-of-level', 'm1.moves-up'],
    ]);
  });
});

describe('reading m1DistrictAtDesignation = true (“加强本区企业培育”): registered in the district on the day of the designation', () => {
  const edition = deriveEdition(mentougou2022Draft, { readings: { m1DistrictAtDesignation: true } }, { id: 'm1-district-at-designation' });

  it('adds the fifth condition to each step: unmet for the SME title obtained outside Beijing, met for the little giant obtained after the move', () => {
    const r = m1('2024-12-31', MOVED_IN, edition);
    const fifth = r.lines.map((l) => l.conditions[4]);
    expect(fifth).toEqual([
      {
        id: 'm1.registered-in-district-on-designation',
        clause: 'M1',
        ruling: 'R2',
        status: 'unmet',
        zh: '获得称号时工商注册在本区（本区企业）：不满足（2022-06-15 在北京市外）',
        en: 'business registration in the district on the day the designation was obtained (a district enterprise): not met (outside Beijing on 2022-06-15)',
        missing: [],
      },
      {
        id: 'm1.registered-in-district-on-designation',
        clause: 'M1',
        ruling: 'R2',
        status: 'met',
        zh: '获得称号时工商注册在本区（本区企业）：满足（2023-07-20 在门头沟区）',
        en: 'business registration in the district on the day the designation was obtained (a district enterprise): met (Mentougou District on 2023-07-20)',
        missing: [],
      },
    ]);
    expect(r.lines.map((l) => [l.id, l.outcome])).toEqual([
      ['municipal-sme@2022-06-15', 'ineligible'],
      ['municipal-little-giant@2023-07-20', 'eligible'],
    ]);
  });
});
