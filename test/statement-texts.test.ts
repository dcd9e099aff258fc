/**
 * The texts inside a result that a statement shows as they are (issue 14, item 2): condition texts and
 * reasons. Money in them is grouped by thousands, as people read it (the JSON money fields stay
 * two-decimal ungrouped strings); a programme is named by its name where the policy names it, else
 * marked as another programme's id; a position in a list is counted from 1 in prose, while paths in
 * JSON stay JSON paths.
 */
import { describe, expect, it } from 'vitest';
import { assessUnknown } from '../src/assess.js';
import { pathInProse, PROGRAM_NAMES, programNames } from '../src/core/messages.js';
import type { AssessmentResult } from '../src/model/result.js';
import { goldenRequest } from './helpers/golden.js';

const measure = (r: AssessmentResult, id: string) => r.measures.find((m) => m.measure === id)!;
/** Every condition text of a result, of the measures and their lines, in both languages. */
const conditionTexts = (r: AssessmentResult): string[] =>
  r.measures.flatMap((m) => [...m.conditions, ...m.lines.flatMap((l) => l.conditions)]).flatMap((c) => [c.zh, c.en]);
const reasonTexts = (r: AssessmentResult): string[] => [...r.measures.flatMap((m) => m.reasons), ...r.warnings].flatMap((x) => [x.zh, x.en]);
/** Four or more digits in a row before a decimal point: an amount of 1,000 yuan or more, not grouped. */
const UNGROUPED = /\d{4,}\.\d{2}/;

describe('money in a condition text is grouped', () => {
  const g02 = assessUnknown(goldenRequest('02-newcomer-with-rent'));

  it('M3: the 2024 contribution reads 790,000.00, the threshold 800,000.00 (golden 02)', () => {
    const y2024 = measure(g02, 'M3').lines.find((l) => l.id === '2024')!;
    const contribution = y2024.conditions.find((c) => c.id === 'm3.contribution-threshold')!;
    expect(contribution.zh).toBe('区级综合贡献达到80万元（含）及以上：不满足（2024 年为 790,000.00 元）');
    expect(contribution.en).toBe('district comprehensive contribution of at least 800,000.00 yuan (inclusive): not met (790,000.00 yuan in 2024)');
  });

  it('M1 and M2: the tier reads 800,000.00 (golden 02, a national little giant)', () => {
    expect(measure(g02, 'M1').conditions.find((c) => c.id === 'm1.first-designation-in-window')!.zh).toContain('（最高档 800,000.00 元）');
    expect(measure(g02, 'M2').conditions.find((c) => c.id === 'm2.has-m1-entitlement')!.en).toContain('(designation reward tier 800,000.00 yuan)');
  });

  it('M7: the municipal standard reads 3,000,000.00 (golden 07)', () => {
    const g07 = assessUnknown(goldenRequest('07-listing-and-park-subsidy'));
    const line = measure(g07, 'M7').lines[0]!;
    expect(line.conditions[0]!.zh).toContain('市级标准 3,000,000.00 元');
    expect(line.conditions[0]!.en).toContain('municipal standard 3,000,000.00 yuan');
  });

  it('no condition text or reason of any golden vector has an ungrouped amount of 1,000 yuan or more', () => {
    for (const name of ['01-climber', '02-newcomer-with-rent', '03-leap-year-rent', '04-case-by-case', '05-clawback-tax-move', '06-institution', '07-listing-and-park-subsidy']) {
      const r = assessUnknown(goldenRequest(name));
      for (const text of [...conditionTexts(r), ...reasonTexts(r)]) expect(text, `${name}: ${text}`).not.toMatch(UNGROUPED);
    }
  });

  it('the already-paid note and the clawback warning group too; the JSON money fields stay ungrouped (golden 05)', () => {
    const g05 = assessUnknown(goldenRequest('05-clawback-tax-move'));
    expect(g05.warnings.find((w) => w.code === 'clawback-due')!.zh).toBe('已违反留区承诺，区政府有权追回 650,000.00 元');
    expect(g05.clawback.amount).toBe('650000.00');
    const g06 = assessUnknown(goldenRequest('06-institution'));
    expect(measure(g06, 'M5').reasons.find((r) => r.code === 'already-paid')!.zh).toBe('已兑现 20,000.00 元，仅补差额');
    expect(measure(g06, 'M5').payable).toBe('100000.00');
  });
});

describe('program ids are shown by their name where known', () => {
  // golden 07: the park paid 250,000 for 2023 against our 600 m² × 365 days × 1 = 219,000 → ours pays 0;
  // for 2024 it paid 100,000 against 600 × 366 = 219,600 → ours pays, the park's must be forgone.
  const g07 = assessUnknown(goldenRequest('07-listing-and-park-subsidy'));

  it('zgc-mentougou-park → 中关村门头沟园房租补贴 / the ZGC Mentougou Park rent subsidy', () => {
    const over = measure(g07, 'M3').reasons.find((r) => r.code === 'overlap-other-more-favourable')!;
    expect(over.zh).toBe('从优不重复：已享受的中关村门头沟园房租补贴（250,000.00 元）不低于本措施（219,000.00 元），本措施不予兑现');
    expect(over.en).toBe('most favourable, no duplication: the ZGC Mentougou Park rent subsidy (250,000.00 yuan) is at least what this measure gives (219,000.00 yuan), so this measure pays nothing');
    const forgo = g07.warnings.find((w) => w.code === 'forgo-other-benefit')!;
    expect(forgo.zh).toBe('M3 2024：须放弃中关村门头沟园房租补贴（100,000.00 元），因本措施更优（从优不重复）');
    for (const text of reasonTexts(g07)) expect(text).not.toContain('zgc-mentougou-park');
  });

  it('an id the policy does not name is shown as given, marked as another programme’s', () => {
    expect(programNames(['city-srdi-award'])).toEqual({ zh: '其他政策“city-srdi-award”', en: 'the other programme “city-srdi-award”' });
    expect(programNames(['b', 'a', 'b'])).toEqual({ zh: '其他政策“b”、“a”', en: 'the other programmes “b”, “a”' });
  });

  it('a known name and an unknown id together; an id like “constructor” is not a known name', () => {
    expect(programNames(['zgc-mentougou-park', 'x'])).toEqual({ zh: '中关村门头沟园房租补贴、其他政策“x”', en: 'the ZGC Mentougou Park rent subsidy and the other programme “x”' });
    expect(programNames(['constructor']).zh).toBe('其他政策“constructor”');
    expect(Object.keys(PROGRAM_NAMES)).toEqual(['zgc-mentougou-park']);
  });
});

describe('people’s positions are 1-based in prose, paths in JSON stay JSON paths', () => {
  it('introducedEnterprises.3 is the 4th enterprise', () => {
    expect(pathInProse('institution.introducedEnterprises.3.highestLevel')).toEqual({
      zh: 'institution.introducedEnterprises 第 4 项的 highestLevel',
      en: 'highestLevel of item 4 of institution.introducedEnterprises',
    });
  });

  it('the boundary: position 0 is item 1; a path that ends on a position; a path with none is as it is', () => {
    expect(pathInProse('enterprise.leases.0')).toEqual({ zh: 'enterprise.leases 第 1 项', en: 'item 1 of enterprise.leases' });
    expect(pathInProse('enterprise.leases.0.end').en).toBe('end of item 1 of enterprise.leases');
    expect(pathInProse('enterprise.smallOrMicro')).toEqual({ zh: 'enterprise.smallOrMicro', en: 'enterprise.smallOrMicro' });
  });

  it('the result’s missing path of golden 06 stays the JSON path, counted from 0', () => {
    const g06 = assessUnknown(goldenRequest('06-institution'));
    expect(measure(g06, 'M5').missing).toEqual(['institution.introducedEnterprises.3.highestLevel']);
  });
});

describe('the G5 texts read as Chinese', () => {
  it('a breach names the registration that left, with no space before 迁出 (golden 05: the tax registration, 2026-03-01)', () => {
    const g05 = assessUnknown(goldenRequest('05-clawback-tax-move'));
    expect(measure(g05, 'M1').reasons.find((r) => r.code === 'commitment-breached')!.zh).toBe('已违反留区承诺（2026-03-01 税务登记迁出），不再兑现资金支持');
  });

  it('a kind with no timeline: “无税务登记记录”, not “无税务登记登记记录”', () => {
    const r = assessUnknown({
      asOf: '2024-12-31',
      enterprise: { id: 'E', registrations: [{ kind: 'business', region: 'mentougou', from: '2015-01-01' }], disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2023-01-10' }] },
    });
    expect(r.warnings.find((w) => w.code === 'registration-timeline-unknown')!.zh).toBe('无税务登记记录，无法判断是否违反留区承诺');
  });
});
