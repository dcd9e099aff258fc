/**
 * `explain`: the statement a caseworker hands over, in Chinese (default) or English — the G1 and
 * measure checklists with ✓ ✗ ?, the clause of each measure, amounts grouped by thousands, the facts
 * still to provide, the total, the retention commitment and the warnings. The rules of issue 14 (the
 * notice, the terms, the summary first, G1 once, …) are in test/explain-rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { assess, assessUnknown } from '../src/assess.js';
import { explain } from '../src/explain.js';
import { deriveEdition } from '../src/policy/derive.js';
import { mentougou2022Draft } from '../src/policy/mentougou-2022-draft.js';
import type { AssessmentResult } from '../src/model/result.js';
import { goldenRequest, goldenVectors } from './helpers/golden.js';

const LANGS = ['zh', 'en'] as const;
const results = goldenVectors()
  .filter((v) => v.expect.ok !== false)
  .map((v) => [v.name, assessUnknown(v.request)] as const);

const g02 = assessUnknown(goldenRequest('02-newcomer-with-rent'));

describe('explain', () => {
  describe.each(LANGS)('%s', (lang) => {
    const text = explain(g02, { lang });

    it('marks conditions met ✓, unmet ✗ and unknown ?', () => {
      // golden 02: M1 conditions met; M8 (no listing) unmet; M4 (expandsCapacityWithoutNewLand absent) unknown
      expect(text).toContain('✓');
      expect(text).toContain('✗');
      expect(text).toContain('?');
    });

    it('names every measure with its clause label', () => {
      for (const m of g02.measures) {
        expect(text).toContain(`[${m.clause}]`);
        expect(text).toContain(`${m.measure} ${m.title[lang]}`);
      }
      expect(text).toContain('一、1 加强本区企业培育');
      expect(text).toContain('二、3 降低企业办公空间成本');
    });

    it('gives the total grouped by thousands: 800,000 + 100,000 + 600,000 = 1,500,000.00', () => {
      expect(text).toContain('1,500,000.00');
      expect(text).toContain('800,000.00');
      expect(text).toContain('600,000.00');
    });

    it('lists every path still missing', () => {
      const missing = g02.measures.flatMap((m) => m.missing);
      expect(missing).toEqual(expect.arrayContaining(['enterprise.expandsCapacityWithoutNewLand', 'enterprise.jingxiTalents']));
      for (const path of missing) expect(text).toContain(path);
    });

    it('states each measure’s entitlement and payable now, and each condition with its clause', () => {
      // golden 02 M3: 2023 and 2025 at the 300,000 cap (1,000 m² × 365 days × 1 = 365,000 → 300,000); 2024 out
      expect(text).toContain(lang === 'zh' ? '应享金额 600,000.00 元；本次可兑现 600,000.00 元' : 'entitlement 600,000.00 yuan; payable now 600,000.00 yuan');
      expect(text).toContain(lang === 'zh' ? '2024 年为 790,000.00 元' : '790,000.00 yuan in 2024');
      expect(text).toContain('[M3 / R4]');
    });

    it('has no undefined, NaN or [object Object]', () => {
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    });

    it('ends with a newline and names the subject, asOf and edition', () => {
      expect(text.endsWith('\n')).toBe(true);
      expect(text).toContain('E02');
      expect(text).toContain('2025-12-31');
      expect(text).toContain('mentougou-2022-draft');
    });
  });

  it('Chinese is the default', () => {
    expect(explain(g02)).toBe(explain(g02, { lang: 'zh' }));
    expect(explain(g02)).toContain('本次可兑现合计：1,500,000.00 元');
    expect(explain(g02, { lang: 'en' })).toContain('Total payable now: 1,500,000.00 yuan');
  });

  it('states the warnings (the assumed window) in each language', () => {
    expect(explain(g02, { lang: 'en' })).toContain('! the draft leaves the period of validity blank; this edition assumes 2022-01-01 to 2025-12-31');
    expect(explain(g02, { lang: 'zh' })).toContain('! 政策有效期在征求意见稿中为空');
  });

  it('states a breach, the amount to recover and the end of the latest period (golden 05)', () => {
    const r = assessUnknown(goldenRequest('05-clawback-tax-move'));
    const en = explain(r, { lang: 'en' });
    expect(en).toContain('breached on 2026-03-01 (tax); 650,000.00 yuan may be recovered');
    const both = assess({
      asOf: '2026-06-30',
      enterprise: {
        id: 'E-BOTH',
        registrations: [
          { kind: 'business', region: 'mentougou', from: '2016-01-01' },
          { kind: 'tax', region: 'mentougou', from: '2016-01-01' },
          { kind: 'business', region: 'outside-beijing', from: '2026-03-01' },
          { kind: 'tax', region: 'outside-beijing', from: '2026-03-01' },
        ],
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-06-30' }],
      },
    });
    expect(explain(both, { lang: 'en' })).toContain('breached on 2026-03-01 (business and tax); 200,000.00 yuan may be recovered');
    expect(explain(both, { lang: 'zh' })).toContain('（工商注册和税务登记迁出）');
    expect(en).toContain('2032-03-31');
    // the Chinese statement names the registration in Chinese, not by its code
    expect(explain(r, { lang: 'zh' })).toContain('已于 2026-03-01 违反承诺（税务登记迁出），可追回 650,000.00 元');
  });

  it('says when nothing is paid yet (golden 02 has no disbursements)', () => {
    expect(explain(g02, { lang: 'en' })).toContain('not breached; nothing paid yet');
    expect(explain(g02, { lang: 'zh' })).toContain('未违反承诺；尚无已兑现资金');
  });

  it('an institution with an unknown line says what to provide (golden 06: E14’s level, the 4th introduced enterprise)', () => {
    const r = assessUnknown(goldenRequest('06-institution'));
    const en = explain(r, { lang: 'en' });
    expect(en).toContain('institution I01');
    expect(en).toContain('highestLevel of item 4 of institution.introducedEnterprises (M5)');
    expect(en).toContain('120,000.00');
    expect(en).toContain('100,000.00');
  });

  it.each(results)('%s: both languages are free of undefined and NaN', (_name, r: AssessmentResult) => {
    for (const lang of LANGS) expect(explain(r, { lang })).not.toMatch(/undefined|NaN|\[object Object\]/);
  });

  it('an enterprise with nothing known explains too (every condition unknown or unmet)', () => {
    const r = assess({ asOf: '2024-12-31', enterprise: { id: 'E-NONE' } });
    const en = explain(r, { lang: 'en' });
    expect(en).toContain('enterprise.registrations');
    expect(en).toContain('enterprise.independentLegalPerson');
    expect(en).toContain('Total payable now: 0.00 yuan');
    expect(en).not.toMatch(/undefined|NaN/);
  });
});

describe('explain tells the edition’s truth about the G5 period (the clawback carries retentionYears)', () => {
  // golden 01 paid M1 200,000 on 2022-12-20. Built-in edition: 8 years → period end 2030-12-20.
  // Derived edition g5.retentionYears = 5: 2022-12-20 + 5 years = 2027-12-20.
  const five = deriveEdition(mentougou2022Draft, { g5: { retentionYears: 5 } }, { id: 'g5-five-years' });
  const result = assessUnknown(goldenRequest('01-climber'), { edition: five });

  it('the result states the edition’s period, 5, and counts the period end from it', () => {
    expect(result.clawback.retentionYears).toBe(5);
    expect(result.clawback.freeToLeaveAfter).toBe('2027-12-20');
  });

  it('the statement says 5 年 / 5-year, never the built-in 8', () => {
    expect(explain(result)).toContain('最后一笔资金的 5 年期限至 2027-12-20 届满');
    expect(explain(result, { lang: 'en' })).toContain('the 5-year period of the latest payment ends on 2027-12-20');
    expect(explain(result)).not.toContain('8 年');
    expect(explain(result, { lang: 'en' })).not.toContain('8-year');
  });

  it('under the built-in edition it still says 8 年 / 8-year', () => {
    const built = assessUnknown(goldenRequest('01-climber'));
    expect(built.clawback.retentionYears).toBe(8);
    expect(explain(built)).toContain('最后一笔资金的 8 年期限至 2030-12-20 届满');
    expect(explain(built, { lang: 'en' })).toContain('the 8-year period of the latest payment ends on 2030-12-20');
  });
});
