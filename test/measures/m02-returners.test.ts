/**
 * M2 “从北京市外新引进” and a firm that comes back (R3; reading `m2ReturnerQualifies`, DESIGN §8). By default a
 * firm that returns from outside Beijing qualifies; under `false` a move in from outside Beijing counts only
 * when no earlier business registration was in the district (“新引进”), and the condition names the moves it
 * left out. The move's own registration entry (from the day of the move) is not “earlier”.
 */
import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../src/core/measure-result.js';
import { moveInReward } from '../../src/measures/m02-move-in-reward.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import type { PolicyEdition } from '../../src/policy/edition.js';
import { enterpriseFacts, stays } from '../helpers/facts.js';

/** Designated on 2023-05-01 (M1 200,000), operating in the district; assessed on 2024-12-31. */
const m2 = (registrations: ReturnType<typeof stays>, edition: PolicyEdition = mentougou2022Draft): MeasureResult =>
  moveInReward(enterpriseFacts('2024-12-31', { registrations, designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }], physicalOperationInDistrict: true }), edition);
const fromOutside = (r: MeasureResult) => r.conditions.find((c) => c.id === 'm2.from-outside-beijing')!;

const RETURNER = stays(['mentougou', '2015-01-01'], ['outside-beijing', '2019-06-01'], ['mentougou', '2023-03-01']);
const NEWCOMER = stays(['outside-beijing', '2015-01-01'], ['mentougou', '2023-03-01']);
const STATEMENT = { zh: '从北京市外新引进（工商注册由北京市外迁入本区）', en: 'newly brought in from outside Beijing (business registration moved into the district from outside Beijing)' };
const returnersExcluded = deriveEdition(mentougou2022Draft, { readings: { m2ReturnerQualifies: false } }, { id: 'm2-returners-excluded' });

describe('M2 a returner under the default reading (m2ReturnerQualifies = true)', () => {
  it('qualifies: 100,000.00 for the move back from outside Beijing on 2023-03-01', () => {
    const r = m2(RETURNER);
    expect([r.outcome, r.amount?.toFixed(2)]).toEqual(['eligible', '100000.00']);
    expect([fromOutside(r).status, fromOutside(r).zh, fromOutside(r).en]).toEqual(['met', `${STATEMENT.zh}：满足（2023-03-01 由北京市外迁入）`, `${STATEMENT.en}: met (moved in from outside Beijing on 2023-03-01)`]);
  });
});

describe('reading m2ReturnerQualifies = false (“新引进”: never registered in the district before)', () => {
  it('a returner does not qualify, and the condition names the move it leaves out', () => {
    const r = m2(RETURNER, returnersExcluded);
    expect(r.outcome).toBe('ineligible');
    expect(fromOutside(r)).toMatchObject({
      status: 'unmet',
      zh: `${STATEMENT.zh}：不满足（2023-03-01 由北京市外迁入；此前曾在本区登记，不属新引进：2023-03-01）`,
      en: `${STATEMENT.en}: not met (moved in from outside Beijing on 2023-03-01; registered in the district before, so not newly brought in: 2023-03-01)`,
    });
  });

  it('a firm never registered in the district before still qualifies (the move’s own entry, from the day of the move, is not “before”)', () => {
    const r = m2(NEWCOMER, returnersExcluded);
    expect([r.outcome, r.amount?.toFixed(2)]).toEqual(['eligible', '100000.00']);
    expect(fromOutside(r).zh).toBe(`${STATEMENT.zh}：满足（2023-03-01 由北京市外迁入）`);
  });

  it('a move back from another Beijing district is not from outside Beijing, and is not named as a returner either', () => {
    const r = m2(stays(['mentougou', '2015-01-01'], ['beijing-other', '2019-06-01'], ['mentougou', '2023-03-01']), returnersExcluded);
    expect(fromOutside(r)).toMatchObject({ status: 'unmet', zh: `${STATEMENT.zh}：不满足（2023-03-01 由北京市其他区迁入）`, en: `${STATEMENT.en}: not met (moved in from another Beijing district on 2023-03-01)` });
  });

  it('of two moves back from outside Beijing the later is left out too; the note lists both days', () => {
    const twice = stays(['mentougou', '2015-01-01'], ['outside-beijing', '2019-06-01'], ['mentougou', '2022-03-01'], ['outside-beijing', '2022-09-01'], ['mentougou', '2023-03-01']);
    const r = m2(twice, returnersExcluded);
    expect(fromOutside(r).zh).toBe(`${STATEMENT.zh}：不满足（2022-03-01 由北京市外迁入；2023-03-01 由北京市外迁入；此前曾在本区登记，不属新引进：2022-03-01、2023-03-01）`);
    expect(fromOutside(r).en).toBe(`${STATEMENT.en}: not met (moved in from outside Beijing on 2022-03-01; moved in from outside Beijing on 2023-03-01; registered in the district before, so not newly brought in: 2022-03-01, 2023-03-01)`);
  });
});
