/**
 * The statement's bounds and questions (DESIGN §7 in `explain`): "至少 … 元，最多 … 元" / "at least …
 * yuan, at most … yuan" when the missing facts could still change what is payable, and the first
 * questions with who holds the fact and the money at stake.
 */
import { describe, expect, it } from 'vitest';
import { assessUnknown as assess } from '../../src/assess.js';
import { boundsLines, explain, measureBoundsText, questionLines } from '../../src/explain.js';
import type { AssessmentResult } from '../../src/model/result.js';
import { goldenVector } from '../helpers/golden.js';

/** Golden 06 (M5 up to 200,000: E14's level unknown) — 100,000 now, 200,000 at most. */
const institution = (): AssessmentResult => assess(goldenVector('06-institution').request);

describe('explain: bounds', () => {
  it('golden 06: 至少 100,000.00 元，最多 200,000.00 元 / at least 100,000.00 yuan, at most 200,000.00 yuan', () => {
    const r = institution();
    expect(boundsLines(r)).toEqual(['可兑现范围：至少 100,000.00 元，最多 200,000.00 元']);
    expect(boundsLines(r, 'en')).toEqual(['Range: at least 100,000.00 yuan, at most 200,000.00 yuan']);
    // in the summary, after the total and the money measures
    const text = explain(r);
    expect(text).toContain('\n可兑现范围：至少 100,000.00 元，最多 200,000.00 元\n');
    expect(text.indexOf('可兑现范围')).toBeGreaterThan(text.indexOf('本次可兑现合计：100,000.00 元'));
  });

  it('nothing open (golden 02: 1,500,000 = its bound): no range line', () => {
    const r = assess(goldenVector('02-newcomer-with-rent').request);
    expect(r.totalPayableUpTo).toBe(r.totalPayable);
    expect(boundsLines(r)).toEqual([]);
    expect(explain(r)).not.toContain('可兑现范围');
  });

  it('no bound (M7, municipal standard unknown): says so in both languages', () => {
    const r = institution();
    r.totalPayableUpTo = null;
    expect(boundsLines(r)).toEqual(['可兑现范围：至少 100,000.00 元，最多金额尚无上限（待补充的事实决定）']);
    expect(boundsLines(r, 'en')).toEqual(['Range: at least 100,000.00 yuan, with no upper bound yet (the missing facts decide it)']);
  });

  it('a measure’s bounds as words: M5 of golden 06, and nothing for a service measure or a settled one', () => {
    const r = institution();
    const [m5, m13] = r.measures;
    expect(measureBoundsText(m5!)).toBe('至少 100,000.00 元，最多 200,000.00 元');
    expect(measureBoundsText(m5!, 'en')).toBe('at least 100,000.00 yuan, at most 200,000.00 yuan');
    expect(measureBoundsText(m13!)).toBe('');
    expect(measureBoundsText({ ...m5!, payableUpTo: m5!.payable })).toBe('');
  });
});

describe('explain: questions', () => {
  it('golden 06: one question, the M5 level (100,000 at stake): the question, who holds it, the money and the measure', () => {
    expect(questionLines(institution())).toEqual([
      '建议先问（涉及金额多者在前）：',
      '  1. 引进企业 E14：这家引进企业目前持有的最高“专精特新”称号是哪一级（或没有称号）？',
      '     来源：市经济和信息化局（公布的名单）',
      '     涉及至多 100,000.00 元（M5）',
    ]);
    expect(questionLines(institution(), 'en')).toEqual([
      'Ask first (most money first):',
      '  1. Introduced enterprise E14: Which is the highest SRDI designation this introduced enterprise holds now (or none)?',
      '     from: Beijing Municipal Bureau of Economy and Information Technology (published lists)',
      '     up to 100,000.00 yuan at stake (M5)',
    ]);
    expect(explain(institution())).toContain('建议先问（涉及金额多者在前）：\n  1. 引进企业 E14');
  });

  it('only questions with money at stake, the first three by default, then how many more; an unbounded one says so', () => {
    const r = institution();
    const q = r.questions[0]!;
    r.questions = [{ ...q, atStake: null }, { ...q, path: 'institution.residentSrdiCount', measures: ['M13'], atStake: '0.00' }, q, q, q];
    const lines = questionLines(r);
    // 1 heading + 3 questions × 3 lines + "… 1 more" (the service-only question is left out)
    expect(lines).toHaveLength(11);
    expect(lines[3]).toBe('     涉及金额无上限（M5）');
    expect(lines.some((l) => l.includes('M13'))).toBe(false);
    expect(lines[10]).toBe('  … 另有 1 项');
    expect(questionLines(r, 'en')[10]).toBe('  … 1 more');
    expect(questionLines(r, 'zh', 5)).toHaveLength(13);
  });

  it('nothing at stake (golden 02: only services open): no questions block', () => {
    expect(questionLines(assess(goldenVector('02-newcomer-with-rent').request))).toEqual([]);
  });

  it('no questions: no lines', () => {
    const r = institution();
    r.questions = [];
    expect(questionLines(r)).toEqual([]);
  });
});
