/** Test helpers for EditionError: shared by the edition tests. */
import { expect } from 'vitest';
import { EditionError } from '../../src/policy/derive.js';

/** The EditionError a call throws (fails the test if it throws nothing or something else). */
export function editionError(f: () => unknown): EditionError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(EditionError);
    return error as EditionError;
  }
  throw new Error('expected an EditionError');
}

/** `path code` of each issue of an EditionError. */
export const issues = (e: EditionError): string[] => e.issues.map((i) => `${i.path.join('.')} ${i.code}`);
