/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from the 31-character
 * alphabet `0-9 A-Z` without I, O, S, V and Z; the 18th is a check character computed from the first 17
 * with weights 3^i mod 31.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const FORM = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;

/** Whether `code` has the form of a credit code (18 characters of the alphabet), check character aside. */
export function isCreditCodeForm(code: string): boolean {
  return FORM.test(code);
}

/**
 * The check character that the first 17 characters of `code` call for (GB 32100-2015 §5).
 *
 * @example
 * ```ts
 * import { creditCodeCheckCharacter } from 'mentougou-srdi';
 *
 * // The GB 32100-2015 check character of the first 17 characters.
 * console.log(creditCodeCheckCharacter('91110000600037341')); // L
 * ```
 */
export function creditCodeCheckCharacter(code: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i]!;
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Whether `code` is a well-formed credit code with the right check character.
 *
 * @example
 * ```ts
 * import { isValidCreditCode } from 'mentougou-srdi';
 *
 * console.log(isValidCreditCode('91110000600037341L')); // true
 * console.log(isValidCreditCode('91110000600037341X')); // false
 * ```
 */
export function isValidCreditCode(code: string): boolean {
  return isCreditCodeForm(code) && creditCodeCheckCharacter(code) === code.charAt(17);
}
