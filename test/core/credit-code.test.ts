import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, isCreditCodeForm, isValidCreditCode } from '../../src/core/credit-code.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const goldenDir = join(import.meta.dirname, '..', 'golden');

/** The credit codes written in the golden vectors that are expected to pass (all but 08-bad-input). */
function goldenCodes(): string[] {
  return readdirSync(goldenDir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('08-'))
    .flatMap((f) => {
      const vector = JSON.parse(readFileSync(join(goldenDir, f), 'utf8')) as { request: Record<string, { creditCode?: string }> };
      const subject = vector.request.enterprise ?? vector.request.institution;
      return subject?.creditCode ? [subject.creditCode] : [];
    });
}

describe('GB 32100-2015 check character', () => {
  it('914403001922038216 is valid (check character 6)', () => {
    // Worked by hand: the codes' values are 9 1 4 4 0 3 0 0 1 9 2 2 0 3 8 2 1 and the weights 3^i mod 31 are
    // 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; Σ value × weight = 9 + 3 + 36 + 108 + 0 + 78 + 0 + 0 + 20
    // + 261 + 50 + 26 + 0 + 72 + 80 + 60 + 28 = 831; 831 mod 31 = 25; 31 − 25 = 6.
    expect(creditCodeCheckCharacter('914403001922038216')).toBe('6');
    expect(isValidCreditCode('914403001922038216')).toBe(true);
  });

  it('the codes of the golden vectors are valid', () => {
    const codes = goldenCodes();
    expect(codes).toEqual(expect.arrayContaining(['91110109MA01A1B2CM', '91110109MA01D3E4FP', '91110109MA01G5H6JR', '91110109MA01N9P0QK']));
    for (const code of codes) expect(isValidCreditCode(code), code).toBe(true);
  });

  it('a wrong check character is refused, and the right one is computed', () => {
    expect(isValidCreditCode('914403001922038217')).toBe(false);
    expect(isValidCreditCode('91110109MA01A1B2CX')).toBe(false);
    expect(creditCodeCheckCharacter('91110109MA01A1B2CX')).toBe('M');
    expect(isCreditCodeForm('91110109MA01A1B2CX')).toBe(true);
  });

  it('a check value of 0 gives the character 0 (31 − 0 mod 31)', () => {
    // 17 zeros: Σ = 0, so the check character is 0.
    expect(creditCodeCheckCharacter('00000000000000000X')).toBe('0');
    expect(isValidCreditCode('000000000000000000')).toBe(true);
  });

  it('property: exactly one check character fits the first 17 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }), (chars) => {
        const body = chars.join('');
        const fitting = [...ALPHABET].filter((c) => isValidCreditCode(body + c));
        expect(fitting).toEqual([creditCodeCheckCharacter(`${body}0`)]);
      }),
    );
  });
});

describe('credit code form', () => {
  it('refuses lowercase letters, the letters I, O, S, V, Z, and wrong lengths', () => {
    expect(isCreditCodeForm('91110109ma01a1b2cm')).toBe(false);
    expect(isValidCreditCode('91110109ma01a1b2cm')).toBe(false);
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      const code = `91110109M${letter}01A1B2CM`;
      expect(isCreditCodeForm(code), code).toBe(false);
      expect(isValidCreditCode(code), code).toBe(false);
    }
    expect(isCreditCodeForm('91440300192203821')).toBe(false);
    expect(isCreditCodeForm('9144030019220382166')).toBe(false);
    expect(isCreditCodeForm('')).toBe(false);
    expect(isCreditCodeForm(' 914403001922038216')).toBe(false);
  });
});
