/**
 * Attack (issue 12): `explain(climber(), { lang: 'fr' })` died with a TypeError deep inside. An unknown
 * language is now a RangeError that names it and the two that exist, in Chinese and in English.
 */
import { describe, expect, it } from 'vitest';
import { assessUnknown as assess } from '../../src/assess.js';
import { explain, type ExplainOptions } from '../../src/explain.js';
import { goldenVector } from '../helpers/golden.js';

/** Assessed inside each test, not while the file loads (a mutation run counts code run at load as static: every test would then run on each of its mutants). */
const climber = (): ReturnType<typeof assess> => assess(goldenVector('01-climber').request);

describe('explain with a language it does not have', () => {
  it("lang 'fr' is a RangeError naming it and zh / en, in both languages", () => {
    expect(() => explain(climber(), { lang: 'fr' } as unknown as ExplainOptions)).toThrow(RangeError);
    expect(() => explain(climber(), { lang: 'fr' } as unknown as ExplainOptions)).toThrow('explain：不支持的语言 "fr"，应为 "zh" 或 "en" / explain: unknown lang "fr"; expected "zh" or "en"');
  });

  it("a key every object has ('constructor', '__proto__', 'toString') is refused too, not looked up", () => {
    for (const lang of ['constructor', '__proto__', 'toString', 'ZH', 'en ', '']) {
      expect(() => explain(climber(), { lang } as unknown as ExplainOptions)).toThrow(`unknown lang ${JSON.stringify(lang)}`);
    }
  });

  it('a lang that is not a string is named by its type', () => {
    expect(() => explain(climber(), { lang: 7 } as unknown as ExplainOptions)).toThrow('unknown lang (number)');
    expect(() => explain(climber(), { lang: { toString: () => { throw new Error('x'); } } } as unknown as ExplainOptions)).toThrow('unknown lang (object)');
  });

  it('zh and en still work, and an absent lang is zh', () => {
    expect(explain(climber(), { lang: 'en' })).toContain('Total payable now: 600,000.00 yuan');
    expect(explain(climber(), { lang: 'zh' })).toContain('本次可兑现合计：600,000.00 元');
    expect(explain(climber())).toBe(explain(climber(), { lang: 'zh' }));
    expect(explain(climber(), {})).toBe(explain(climber(), { lang: 'zh' }));
  });
});
