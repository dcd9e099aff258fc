import { describe, expect, it } from 'vitest';
import { met, unknown, unmet } from '../../src/core/decision.js';
import { checkCondition, type Condition, type ConditionSpec, conditionSchema, missingOf, outcomeOfConditions, statusOfConditions } from '../../src/core/trace.js';

const CONTRIBUTION: ConditionSpec = {
  id: 'm3.contribution-threshold',
  clause: 'M3',
  ruling: 'R4',
  zh: '区级综合贡献 2024 年 ≥ 80 万元',
  en: 'district contribution in 2024 ≥ 800,000 yuan',
};
const PHYSICAL: ConditionSpec = { id: 'm2.physical-operation', clause: 'M2', zh: '在我区实体经营', en: 'operates physically in the district' };

describe('checkCondition', () => {
  it('met: the statement with 满足 / met, and no missing paths', () => {
    const c = checkCondition(CONTRIBUTION, met());
    expect(c).toEqual({
      id: 'm3.contribution-threshold',
      clause: 'M3',
      ruling: 'R4',
      status: 'met',
      zh: '区级综合贡献 2024 年 ≥ 80 万元：满足',
      en: 'district contribution in 2024 ≥ 800,000 yuan: met',
      missing: [],
    });
  });

  it('unmet: 不满足 / not met, with the detail of what was found', () => {
    const c = checkCondition(CONTRIBUTION, unmet(), { zh: '2024 年为 790000.00 元', en: '790000.00 yuan in 2024' });
    expect(c.status).toBe('unmet');
    expect(c.zh).toBe('区级综合贡献 2024 年 ≥ 80 万元：不满足（2024 年为 790000.00 元）');
    expect(c.en).toBe('district contribution in 2024 ≥ 800,000 yuan: not met (790000.00 yuan in 2024)');
    expect(c.missing).toEqual([]);
  });

  it('unknown: 未知 / unknown, naming the paths that would decide it in missing, each once', () => {
    const c = checkCondition(PHYSICAL, unknown(['enterprise.physicalOperationInDistrict', 'enterprise.physicalOperationInDistrict']));
    expect(c.missing).toEqual(['enterprise.physicalOperationInDistrict']);
    expect(c.zh).toBe('在我区实体经营：未知');
    expect(c.en).toBe('operates physically in the district: unknown');
  });

  it('unknown with two paths and a detail: the text says what was found, missing holds both paths', () => {
    const c = checkCondition(PHYSICAL, unknown(['a.b', 'c.d']), { zh: '无记录', en: 'no record' });
    expect(c.zh).toBe('在我区实体经营：未知（无记录）');
    expect(c.en).toBe('operates physically in the district: unknown (no record)');
    expect(c.missing).toEqual(['a.b', 'c.d']);
  });

  it('a condition’s text never asks for a fact (a statement asks only where the measure still needs it)', () => {
    const c = checkCondition(PHYSICAL, unknown(['enterprise.physicalOperationInDistrict']), { zh: '无记录', en: 'no record' });
    expect(c.zh).not.toContain('需提供');
    expect(c.en).not.toContain('needs');
    expect(c.zh).not.toContain('enterprise.physicalOperationInDistrict');
    expect(c.en).not.toContain('enterprise.physicalOperationInDistrict');
  });

  it('carries a ruling only where the spec names one', () => {
    expect(checkCondition(PHYSICAL, met())).not.toHaveProperty('ruling');
    expect(checkCondition(CONTRIBUTION, met()).ruling).toBe('R4');
  });

  it('a condition of a clause that no ruling reads carries no ruling key at all, met or unknown', () => {
    const c = checkCondition({ id: 'x', clause: 'M1', zh: '条件', en: 'condition' }, unknown(['a.b']));
    expect(c.en).toBe('condition: unknown');
    expect(c).not.toHaveProperty('ruling');
    expect(checkCondition({ id: 'y', clause: 'M1', zh: '条件', en: 'condition' }, met())).not.toHaveProperty('ruling');
  });

  it('does not keep a reference to the caller’s list of paths', () => {
    const paths: [string, ...string[]] = ['x.y'];
    const verdict = unknown(paths);
    const c = checkCondition(PHYSICAL, verdict);
    paths.push('z');
    expect(c.missing).toEqual(['x.y']);
    // nor to the verdict's: two conditions built from one verdict do not share their list
    expect(checkCondition(CONTRIBUTION, verdict).missing).not.toBe(c.missing);
  });

  it('an unknown that names no path is refused (an unknown nothing could decide is a bug in the rule)', () => {
    expect(() => unknown([] as unknown as [string])).toThrow(TypeError);
  });

  it('every condition it builds is one the result schema accepts (met/unmet: no paths; unknown: at least one)', () => {
    for (const c of [checkCondition(PHYSICAL, met()), checkCondition(CONTRIBUTION, unmet(), { zh: '无', en: 'none' }), checkCondition(PHYSICAL, unknown(['a.b']))]) {
      expect(conditionSchema.safeParse(c).success).toBe(true);
    }
    // and the schema refuses the two shapes the union rules out
    expect(conditionSchema.safeParse({ ...checkCondition(PHYSICAL, met()), missing: ['a.b'] }).success).toBe(false);
    expect(conditionSchema.safeParse({ ...checkCondition(PHYSICAL, unknown(['a.b'])), missing: [] }).success).toBe(false);
  });
});

describe('statusOfConditions, outcomeOfConditions, missingOf', () => {
  const metC = checkCondition(PHYSICAL, met());
  const unmetC = checkCondition(CONTRIBUTION, unmet());
  const unknownA = checkCondition(PHYSICAL, unknown(['enterprise.physicalOperationInDistrict']));
  const unknownB = checkCondition(CONTRIBUTION, unknown(['enterprise.contributions', 'enterprise.physicalOperationInDistrict']));

  it('combines the statuses (unmet dominates, then unknown)', () => {
    expect(statusOfConditions([])).toBe('met');
    expect(statusOfConditions([metC, unknownA])).toBe('unknown');
    expect(statusOfConditions([unknownA, unmetC])).toBe('unmet');
    expect(outcomeOfConditions([metC])).toBe('eligible');
    expect(outcomeOfConditions([metC, unknownA])).toBe('undetermined');
    expect(outcomeOfConditions([metC, unmetC, unknownA])).toBe('ineligible');
  });

  it('missing: none when a condition is unmet (the outcome is decided), else the unknown ones’ paths, each once', () => {
    expect(missingOf([unknownA, unmetC])).toEqual([]);
    expect(missingOf([metC, unknownA, unknownB])).toEqual(['enterprise.physicalOperationInDistrict', 'enterprise.contributions']);
    expect(missingOf([metC])).toEqual([]);
  });

  it('missing ignores paths on conditions that are not unknown (the type rules them out; a cast cannot sneak them in)', () => {
    const odd = { ...metC, missing: ['should.not.appear'] } as unknown as Condition;
    expect(missingOf([odd, unknownA])).toEqual(['enterprise.physicalOperationInDistrict']);
  });
});
