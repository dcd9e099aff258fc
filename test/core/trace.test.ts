import { describe, expect, it } from 'vitest';
import { checkCondition, type Condition, type ConditionSpec, missingOf, outcomeOfConditions, statusOfConditions } from '../../src/core/trace.js';

const CONTRIBUTION: ConditionSpec = {
  id: 'm3.contribution-threshold',
  clause: 'M3',
  ruling: 'R4',
  zh: '区级综合贡献 2024 年 ≥ 80 万元',
  en: 'district contribution in 2024 ≥ 800,000 yuan',
};
const PHYSICAL: ConditionSpec = { id: 'm2.physical-operation', clause: 'M2', zh: '在我区实体经营', en: 'operates physically in the district' };

describe('checkCondition', () => {
  it('met: the statement with 满足 / met, no missing paths even when some are given', () => {
    const c = checkCondition(CONTRIBUTION, 'met', ['enterprise.contributions']);
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
    const c = checkCondition(CONTRIBUTION, 'unmet', [], { zh: '2024 年为 790000.00 元', en: '790000.00 yuan in 2024' });
    expect(c.status).toBe('unmet');
    expect(c.zh).toBe('区级综合贡献 2024 年 ≥ 80 万元：不满足（2024 年为 790000.00 元）');
    expect(c.en).toBe('district contribution in 2024 ≥ 800,000 yuan: not met (790000.00 yuan in 2024)');
    expect(c.missing).toEqual([]);
  });

  it('unknown: 未知 / unknown, naming the paths that would decide it, each once', () => {
    const c = checkCondition(PHYSICAL, 'unknown', ['enterprise.physicalOperationInDistrict', 'enterprise.physicalOperationInDistrict']);
    expect(c.missing).toEqual(['enterprise.physicalOperationInDistrict']);
    expect(c.zh).toBe('在我区实体经营：未知 — 需提供 enterprise.physicalOperationInDistrict');
    expect(c.en).toBe('operates physically in the district: unknown — needs enterprise.physicalOperationInDistrict');
  });

  it('unknown with two paths and a detail', () => {
    const c = checkCondition(PHYSICAL, 'unknown', ['a.b', 'c.d'], { zh: '无记录', en: 'no record' });
    expect(c.zh).toBe('在我区实体经营：未知（无记录） — 需提供 a.b、c.d');
    expect(c.en).toBe('operates physically in the district: unknown (no record) — needs a.b, c.d');
  });

  it('carries a ruling only where the spec names one', () => {
    expect(checkCondition(PHYSICAL, 'met')).not.toHaveProperty('ruling');
    expect(checkCondition(CONTRIBUTION, 'met').ruling).toBe('R4');
  });

  it('unknown without paths has no missing paths, and a condition of a clause that no ruling reads carries no ruling key', () => {
    const c = checkCondition({ id: 'x', clause: 'M1', zh: '条件', en: 'condition' }, 'unknown');
    expect(c.missing).toEqual([]);
    expect(c.en).toBe('condition: unknown');
    expect(c).not.toHaveProperty('ruling');
    expect(checkCondition({ id: 'y', clause: 'M1', zh: '条件', en: 'condition' }, 'met')).not.toHaveProperty('ruling');
  });

  it('does not keep a reference to the caller’s list of paths', () => {
    const paths = ['x.y'];
    const c = checkCondition(PHYSICAL, 'unknown', paths);
    paths.push('z');
    expect(c.missing).toEqual(['x.y']);
  });
});

describe('statusOfConditions, outcomeOfConditions, missingOf', () => {
  const met = checkCondition(PHYSICAL, 'met');
  const unmet = checkCondition(CONTRIBUTION, 'unmet');
  const unknownA = checkCondition(PHYSICAL, 'unknown', ['enterprise.physicalOperationInDistrict']);
  const unknownB = checkCondition(CONTRIBUTION, 'unknown', ['enterprise.contributions', 'enterprise.physicalOperationInDistrict']);

  it('combines the statuses (unmet dominates, then unknown)', () => {
    expect(statusOfConditions([])).toBe('met');
    expect(statusOfConditions([met, unknownA])).toBe('unknown');
    expect(statusOfConditions([unknownA, unmet])).toBe('unmet');
    expect(outcomeOfConditions([met])).toBe('eligible');
    expect(outcomeOfConditions([met, unknownA])).toBe('undetermined');
    expect(outcomeOfConditions([met, unmet, unknownA])).toBe('ineligible');
  });

  it('missing: none when a condition is unmet (the outcome is decided), else the unknown ones’ paths, each once', () => {
    expect(missingOf([unknownA, unmet])).toEqual([]);
    expect(missingOf([met, unknownA, unknownB])).toEqual(['enterprise.physicalOperationInDistrict', 'enterprise.contributions']);
    expect(missingOf([met])).toEqual([]);
  });

  it('missing ignores paths on conditions that are not unknown', () => {
    const odd: Condition = { ...met, missing: ['should.not.appear'] };
    expect(missingOf([odd, unknownA])).toEqual(['enterprise.physicalOperationInDistrict']);
  });
});
