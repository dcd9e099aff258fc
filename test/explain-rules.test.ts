/**
 * The rules of a statement a reviewer can trust (issue 14, item 2), each on `explain` in both languages:
 * the reference-only notice on every statement; one set of terms (应享金额 / 本次可兑现, entitlement /
 * payable now); a summary first (subject, total payable now, what is still needed) that fits on one
 * screen; G1 once; no request for facts a measure no longer needs; money always grouped and never
 * “如符合可得 0.00 元”; positions counted from 1 in prose; programmes by name; “not breached” only where a
 * commitment is signed or a payment implies one.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/analysis/text-table.js';
import { assessUnknown } from '../src/assess.js';
import { explain } from '../src/explain.js';
import type { AssessmentResult } from '../src/model/result.js';
import { goldenRequest, goldenVectors } from './helpers/golden.js';

const LANGS = ['zh', 'en'] as const;
const NOTICE = { zh: '仅供参考，不构成行政决定', en: 'for reference only, not an administrative decision' };
const DETAILS = { zh: '—— 逐项说明 ——', en: '—— Measure by measure ——' };

const both = (region: string, from: string) => [
  { kind: 'business', region, from },
  { kind: 'tax', region, from },
];

/** A designated enterprise with nothing else known: every G1 fact but the title is open. */
const unknownG1 = assessUnknown({ asOf: '2024-12-31', enterprise: { id: 'E-G1-OPEN', designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }] } });
/**
 * Supported case by case since 2024 and an integrity finding: every money measure is stopped for good
 * (R10, R11). Moved in from outside Beijing in 2022 and renting in the district, with M2's physical
 * operation and M3's contributions not given: those two stay undetermined, and their facts would decide
 * nothing that can be paid.
 */
const blocked = assessUnknown({
  asOf: '2024-12-31',
  enterprise: {
    id: 'E-BLOCK',
    independentLegalPerson: true,
    registrations: [...both('outside-beijing', '2015-01-01'), ...both('mentougou', '2022-03-01')],
    designations: [{ level: 'municipal-little-giant', obtainedOn: '2023-06-01' }],
    leases: [{ id: 'L', areaSqm: 100, start: '2022-03-01', end: '2026-12-31', dailyRentPerSqm: 1, selfUse: true, inDistrict: true }],
    caseByCaseSupport: [{ kind: 'one-matter-one-discussion', from: '2024-01-01' }],
    integrityFindings: [{ kind: 'irregular', on: '2024-05-05' }],
    retentionCommitmentSignedOn: '2023-07-01',
  },
});

const cases: [string, AssessmentResult][] = [
  ...goldenVectors()
    .filter((v) => v.expect.ok !== false)
    .map((v) => [`golden ${v.name}`, assessUnknown(v.request)] as [string, AssessmentResult]),
  ['G1 open', unknownG1],
  ['blocked', blocked],
];
const g02 = assessUnknown(goldenRequest('02-newcomer-with-rent'));
const summaryOf = (text: string, lang: 'zh' | 'en'): string => text.slice(0, text.indexOf(DETAILS[lang]));
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('the notice is on every statement', () => {
  it.each(cases)('%s: once, on the first line, in each language', (_name, r) => {
    for (const lang of LANGS) {
      const text = explain(r, { lang });
      expect(text.split('\n')[0]).toContain(NOTICE[lang]);
      expect(count(text, NOTICE[lang])).toBe(1);
    }
  });
});

describe('one set of terms everywhere: 应享金额 / 本次可兑现, entitlement / payable now', () => {
  it.each(cases)('%s: never 核定金额 (an approved amount), 应兑现 or 应付', (_name, r) => {
    const zh = explain(r);
    expect(zh).not.toContain('核定');
    expect(zh).not.toContain('应兑现');
    expect(zh).not.toContain('应付');
    expect(zh).not.toMatch(/合计可兑现/);
  });

  it('golden 02 names M1’s two amounts with the two terms', () => {
    expect(explain(g02)).toContain('  M1 称号奖励：应享金额 800,000.00 元；本次可兑现 800,000.00 元\n');
    expect(explain(g02, { lang: 'en' })).toContain('entitlement 800,000.00 yuan; payable now 800,000.00 yuan');
  });
});

describe('a summary first: subject, total payable now, what is still needed', () => {
  it.each(LANGS)('%s: golden 02 — the summary comes before the details, in that order', (lang) => {
    const text = explain(g02, { lang });
    const lines = text.split('\n');
    expect(lines[1]).toBe(lang === 'zh' ? '企业 E02 · 评估日 2025-12-31 · 政策版本 mentougou-2022-draft' : 'enterprise E02 · as of 2025-12-31 · policy edition mentougou-2022-draft');
    // 800,000 (M1) + 100,000 (M2) + 600,000 (M3) = 1,500,000
    expect(lines[3]).toBe(lang === 'zh' ? '本次可兑现合计：1,500,000.00 元' : 'Total payable now: 1,500,000.00 yuan');
    const summary = summaryOf(text, lang);
    expect(summary).toContain(lang === 'zh' ? '尚需提供：\n  enterprise.expandsCapacityWithoutNewLand（M4）\n  enterprise.smallOrMicro（M6）\n  enterprise.jingxiTalents（M9）' : 'Still needed:\n  enterprise.expandsCapacityWithoutNewLand (M4)\n  enterprise.smallOrMicro (M6)\n  enterprise.jingxiTalents (M9)');
    expect(summary).toContain(lang === 'zh' ? '不符合：M7、M8' : 'Not eligible: M7, M8');
    expect(text.indexOf(DETAILS[lang])).toBeGreaterThan(text.indexOf(lang === 'zh' ? '尚需提供' : 'Still needed'));
  });

  it.each(LANGS)('%s: golden 02’s summary fits on one screen (24 lines at most, each at most 100 columns wide)', (lang) => {
    const summary = summaryOf(explain(g02, { lang }), lang).trimEnd().split('\n');
    expect(summary.length).toBeLessThanOrEqual(24);
    for (const line of summary) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  });

  it('a statement with nothing to provide says so', () => {
    // a certified institution with one national little giant moved in on 2023-03-01 (R6: 100,000) and 5 resident SRDI SMEs (M13)
    const r = assessUnknown({
      asOf: '2024-12-31',
      institution: {
        id: 'I-ALL',
        independentLegalPerson: true,
        certified: true,
        registrations: both('mentougou', '2018-01-01'),
        introducedEnterprises: [{ enterpriseId: 'E1', movedInOn: '2023-03-01', highestLevel: 'national-little-giant' }],
        residentSrdiCount: 5,
        retentionCommitmentSignedOn: '2023-01-01',
      },
    });
    expect(r.measures.flatMap((m) => m.missing)).toEqual([]);
    expect(summaryOf(explain(r), 'zh')).toContain('本次可兑现合计：100,000.00 元');
    expect(summaryOf(explain(r), 'zh')).toContain('尚需提供：无（各项措施均可判断）');
    expect(summaryOf(explain(r, { lang: 'en' }), 'en')).toContain('Still needed: nothing (every measure can be decided)');
  });

  it('a path needed by several measures is listed once, with each of them', () => {
    // registrations unknown: M2 (where it came from) and M3 (whether it moved in while designated) both need them
    const r = assessUnknown({ asOf: '2024-06-30', enterprise: { id: 'E', independentLegalPerson: true, designations: [{ level: 'municipal-sme', obtainedOn: '2020-05-01' }], retentionCommitmentSignedOn: '2022-01-01' } });
    const summary = summaryOf(explain(r), 'zh');
    expect(count(summary, 'enterprise.registrations')).toBe(1);
    expect(summary).toContain('enterprise.registrations（G1，各项措施）');
  });
});

describe('G1 once', () => {
  it.each(LANGS)('%s: “independent legal person: unknown” is stated once, not under every measure', (lang) => {
    const text = explain(unknownG1, { lang });
    expect(count(text, lang === 'zh' ? '具有独立法人资格：未知' : 'an independent legal person: unknown')).toBe(1);
    expect(count(text, '[G1 / R9]')).toBe(3);
    // each measure says only that G1 is open for it, pointing above (M1–M4, M6–M12: 11 measures)
    expect(count(text, lang === 'zh' ? '? 适用范围（G1）：待定（见上文）' : '? applicability (G1): unknown (see above)')).toBe(11);
  });

  it('a measure for which G1 is met says nothing of it', () => {
    const text = explain(g02);
    expect(count(text, '[G1 / R9]')).toBe(3);
    expect(text).not.toContain('（见上文）');
  });

  it('a line held back only by G1 lists none of its own conditions (they are all met)', () => {
    // E-G1-OPEN: a municipal SME title obtained 2023-05-01 earns M1’s 200,000 step, undetermined only by G1
    const text = explain(unknownG1);
    expect(text).toContain('• 2023-05-01 首次获得北京市“专精特新”中小企业称号：待定（信息不足） — 如符合可得 200,000.00 元，不计入应享金额\n  · 本次不予兑现（G5），见摘要\n');
    expect(text).not.toContain('✓ 非重新认定');
  });

  it('G1 open: its facts are asked once, for every measure', () => {
    const summary = summaryOf(explain(unknownG1), 'zh');
    expect(summary).toContain('enterprise.independentLegalPerson（G1，各项措施）');
    expect(count(summary, 'enterprise.independentLegalPerson')).toBe(1);
  });
});

describe('an ineligible measure asks for nothing', () => {
  it('golden 02: M8 (not listed) leaves fundraisingProjectInDistrict unknown, and the statement never asks for it', () => {
    const m8 = g02.measures.find((m) => m.measure === 'M8')!;
    expect(m8.outcome).toBe('ineligible');
    expect(m8.conditions.some((c) => c.status === 'unknown' && c.missing.includes('enterprise.fundraisingProjectInDistrict'))).toBe(true);
    for (const lang of LANGS) expect(explain(g02, { lang })).not.toContain('enterprise.fundraisingProjectInDistrict');
  });

  it('the unknown condition of an ineligible measure is still shown, as unknown, without a request', () => {
    expect(explain(g02)).toContain('? 募投项目在我区落地：未知 [M8 / R8]');
    expect(explain(g02, { lang: 'en' })).toContain('? the fundraising project lands in the district: unknown [M8 / R8]');
  });

  it('G1 failed: nothing is asked for the measures it excludes (only M12, exempt from the title, still asks)', () => {
    const r = assessUnknown({ asOf: '2024-12-31', enterprise: { id: 'E-NONE' } });
    const summary = summaryOf(explain(r), 'zh');
    expect(summary).toContain('enterprise.independentLegalPerson（M12）');
    expect(summary).not.toContain('G1，各项措施');
    expect(summary).not.toContain('enterprise.physicalOperationInDistrict');
  });

  it('money stopped for good (G3, G4): the money measures ask for nothing; the services still do', () => {
    expect(blocked.measures.find((m) => m.measure === 'M3')!.missing).toEqual(['enterprise.contributions']);
    expect(blocked.measures.find((m) => m.measure === 'M2')!.missing).toEqual(['enterprise.physicalOperationInDistrict']);
    const text = explain(blocked);
    expect(text).not.toContain('enterprise.contributions');
    expect(text).not.toContain('enterprise.physicalOperationInDistrict');
    expect(summaryOf(text, 'zh')).toContain('enterprise.jingxiTalents（M9）');
  });

  it('the blockers of all money are stated once, in the summary; a measure points to them', () => {
    const text = explain(blocked);
    expect(count(text, '已通过“一企一策”“一事一议”方式给予支持（自 2024-01-01 起），资金类措施不适用 [G3]')).toBe(1);
    expect(summaryOf(text, 'zh')).toContain('资金类措施本次均不予兑现：');
    expect(text).toContain('  · 本次不予兑现（G3、G4），见摘要');
  });
});

describe('money in the statement is always grouped, and “如符合可得 0.00 元” is never shown', () => {
  it.each(cases)('%s: no ungrouped amount of 1,000 yuan or more, no 0.00 that “would be brought”', (_name, r) => {
    for (const lang of LANGS) {
      const text = explain(r, { lang });
      expect(text).not.toMatch(/\d{4,}\.\d{2}/);
      expect(text).not.toContain('如符合可得 0.00 元');
      expect(text).not.toContain('would bring 0.00 yuan');
    }
  });

  it('golden 06: E14’s level is not given — its amount is “not known yet”, not 0.00', () => {
    const r = assessUnknown(goldenRequest('06-institution'));
    expect(explain(r)).toContain('• 引进企业 E14（2024-04-01 入驻）：待定（信息不足） — 金额待定');
    expect(explain(r, { lang: 'en' })).toContain('• introduced enterprise E14 (moved in on 2024-04-01): undetermined (facts missing) — amount not known yet');
  });

  it('an ineligible line with nothing to bring shows no money; one with something shows it, grouped', () => {
    // golden 06 E13 moved in on 2021-11-30, before the window: a Beijing little giant would have brought 50,000
    const r = assessUnknown(goldenRequest('06-institution'));
    expect(explain(r)).toContain('• 引进企业 E13（2021-11-30 入驻）：不符合 — 如符合可得 50,000.00 元，不计入应享金额');
    // E-NONE: M3 has no support year; M2's line would bring 100,000
    const none = assessUnknown({ asOf: '2024-12-31', enterprise: { id: 'E-NONE' } });
    expect(explain(none)).toContain('从北京市外迁入本区的入区奖励：不符合 — 如符合可得 100,000.00 元，不计入应享金额');
  });

  it('a line states what was already paid for it (golden 06: E11, 100,000 − 20,000 paid = 80,000)', () => {
    const r = assessUnknown(goldenRequest('06-institution'));
    expect(explain(r)).toContain('应享金额 100,000.00 元；本次可兑现 80,000.00 元；已兑现 20,000.00 元');
  });
});

describe('people’s positions are 1-based in prose', () => {
  it.each(LANGS)('%s: golden 06 asks for the level of the 4th introduced enterprise, never “introducedEnterprises.3”', (lang) => {
    const text = explain(assessUnknown(goldenRequest('06-institution')), { lang });
    expect(text).toContain(lang === 'zh' ? 'institution.introducedEnterprises 第 4 项的 highestLevel（M5）' : 'highestLevel of item 4 of institution.introducedEnterprises (M5)');
    expect(text).not.toContain('introducedEnterprises.3');
  });
});

describe('program ids are shown by their name where known', () => {
  it.each(LANGS)('%s: golden 07 names the park’s rent subsidy, never its id', (lang) => {
    const text = explain(assessUnknown(goldenRequest('07-listing-and-park-subsidy')), { lang });
    expect(text).toContain(lang === 'zh' ? '中关村门头沟园房租补贴' : 'the ZGC Mentougou Park rent subsidy');
    expect(text).not.toContain('zgc-mentougou-park');
  });
});

describe('“not breached” only where a commitment was signed or a disbursement implies one', () => {
  it('signed, nothing paid: not breached (golden 02)', () => {
    expect(explain(g02)).toContain('留区承诺（G5）：未违反承诺；尚无已兑现资金');
  });

  it('no commitment and nothing paid: says so, never “not breached”', () => {
    const r = assessUnknown({ asOf: '2024-12-31', enterprise: { id: 'E-NONE' } });
    expect(explain(r)).toContain('留区承诺（G5）：尚未作出承诺；尚无已兑现资金');
    expect(explain(r)).not.toContain('未违反承诺');
    expect(explain(r, { lang: 'en' })).toContain('Retention commitment (G5): no commitment made yet; nothing paid yet');
    expect(explain(r, { lang: 'en' })).not.toContain('not breached');
  });

  it('no commitment signed, but a payment made: the payment implies it (R13), so not breached', () => {
    // paid 200,000 on 2023-01-10: the 8-year period ends on 2031-01-10
    const r = assessUnknown({ asOf: '2024-12-31', enterprise: { id: 'E-PAID', registrations: both('mentougou', '2015-01-01'), disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2023-01-10' }] } });
    expect(explain(r)).toContain('留区承诺（G5）：未违反承诺（已兑现资金视为已承诺）；最后一笔资金的 8 年期限至 2031-01-10 届满');
    expect(explain(r, { lang: 'en' })).toContain('not breached (a payment made implies the commitment); the 8-year period of the latest payment ends on 2031-01-10');
  });

  it('breached: the day, the registration and the amount (golden 05)', () => {
    expect(explain(assessUnknown(goldenRequest('05-clawback-tax-move')))).toContain('留区承诺（G5）：已于 2026-03-01 违反承诺（税务登记迁出），可追回 650,000.00 元');
  });
});
