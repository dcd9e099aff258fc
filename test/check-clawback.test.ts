/**
 * `checkClawback`: the G5 clawback check (R13) on its own, for a treasury system holding only the
 * payments and the registration timeline. Input errors throw PolicyInputError with paths relative to
 * `{ disbursements, registrations, asOf }`.
 */
import { describe, expect, it } from 'vitest';
import { assessUnknown } from '../src/assess.js';
import { checkClawback } from '../src/check-clawback.js';
import { PolicyInputError } from '../src/errors.js';
import { deriveEdition, EditionError } from '../src/policy/derive.js';
import type { PolicyEdition } from '../src/policy/edition.js';
import { mentougou2022Draft } from '../src/policy/mentougou-2022-draft.js';
import { goldenRequest } from './helpers/golden.js';

const REGISTRATIONS = [
  { kind: 'business', region: 'mentougou', from: '2016-01-01' },
  { kind: 'tax', region: 'mentougou', from: '2016-01-01' },
  { kind: 'tax', region: 'beijing-other', from: '2026-03-01' },
];
const DISBURSEMENTS = [
  { measure: 'M1', amount: '200000', paidOn: '2022-06-30' },
  { measure: 'M1', amount: '300000', paidOn: '2024-02-29' },
  { measure: 'M3', amount: '150000', paidOn: '2024-03-31', year: 2023 },
];

/** The issues a call throws, as `[dotted path, code]`. */
function issuesOf(call: () => unknown): [string, string][] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyInputError);
    return (error as PolicyInputError).issues.map((i) => [i.path.join('.'), i.code]);
  }
  throw new Error('expected PolicyInputError');
}

describe('R13 clawback', () => {
  describe('checkClawback on its own', () => {
    it('golden 05’s payments and timeline: breached 2026-03-01 (tax), 200,000 + 300,000 + 150,000 = 650,000 recovered', () => {
      expect(checkClawback(DISBURSEMENTS, REGISTRATIONS, '2026-06-30')).toEqual({
        breached: true,
        breachedOn: '2026-03-01',
        registration: 'tax',
        amount: '650000.00',
        items: [
          // 2022-06-30 + 8 years; 2024-02-29 + 8 years (2032 is a leap year); 2024-03-31 + 8 years
          { measure: 'M1', amount: '200000.00', paidOn: '2022-06-30', periodEnd: '2030-06-30', recovered: true },
          { measure: 'M1', amount: '300000.00', paidOn: '2024-02-29', periodEnd: '2032-02-29', recovered: true },
          { measure: 'M3', amount: '150000.00', paidOn: '2024-03-31', periodEnd: '2032-03-31', recovered: true, year: 2023 },
        ],
        freeToLeaveAfter: '2032-03-31',
        retentionYears: 8,
      });
    });

    it('agrees with the clawback of the whole assessment', () => {
      expect(checkClawback(DISBURSEMENTS, REGISTRATIONS, '2026-06-30')).toEqual(assessUnknown(goldenRequest('05-clawback-tax-move')).clawback);
    });

    it('no disbursements: not breached, nothing to recover, freeToLeaveAfter null', () => {
      expect(checkClawback([], REGISTRATIONS, '2026-06-30')).toEqual({ breached: false, breachedOn: null, registration: null, amount: '0.00', items: [], freeToLeaveAfter: null, retentionYears: 8 });
    });

    it('still in the district: not breached; freeToLeaveAfter is the latest period end', () => {
      const r = checkClawback(DISBURSEMENTS, REGISTRATIONS.slice(0, 2), '2026-06-30');
      expect(r).toMatchObject({ breached: false, breachedOn: null, registration: null, amount: '0.00', freeToLeaveAfter: '2032-03-31' });
      expect(r.items.map((i) => i.recovered)).toEqual([false, false, false]);
    });

    it('an older payment whose period ended before the move is not recovered', () => {
      // paid 2022-06-30 → period to 2030-06-30; tax out 2030-07-01: only the 2024 payments' periods contain it
      const r = checkClawback(DISBURSEMENTS, [...REGISTRATIONS.slice(0, 2), { kind: 'tax', region: 'outside-beijing', from: '2030-07-01' }], '2030-12-31');
      expect(r).toMatchObject({ breached: true, breachedOn: '2030-07-01', amount: '450000.00' });
      expect(r.items.map((i) => i.recovered)).toEqual([false, true, true]);
    });

    it('keeps enterpriseId of M5 payments in its items', () => {
      const r = checkClawback([{ measure: 'M5', amount: 20000, paidOn: '2022-10-01', enterpriseId: 'E11' }], REGISTRATIONS.slice(0, 2), '2024-12-31');
      expect(r.items).toEqual([{ measure: 'M5', amount: '20000.00', paidOn: '2022-10-01', periodEnd: '2030-10-01', recovered: false, enterpriseId: 'E11' }]);
    });

    it('takes the period from the edition it is given (5 years: 2022-06-30 → 2027-06-30)', () => {
      const edition = deriveEdition(mentougou2022Draft, { g5: { retentionYears: 5 } }, { id: 'five-years' });
      const r = checkClawback([DISBURSEMENTS[0]], REGISTRATIONS, '2026-06-30', edition);
      expect(r).toMatchObject({ breached: true, breachedOn: '2026-03-01', freeToLeaveAfter: '2027-06-30' });
      // with 5 years a move on 2027-07-01 is after the period
      const later = checkClawback([DISBURSEMENTS[0]], [...REGISTRATIONS.slice(0, 2), { kind: 'tax', region: 'beijing-other', from: '2027-07-01' }], '2027-12-31', edition);
      expect(later.breached).toBe(false);
    });

    it('an invalid edition throws EditionError', () => {
      const bad = { ...structuredClone(mentougou2022Draft), g5: { retentionYears: { value: 0, clause: 'G5', zh: '8年' } } } as PolicyEdition;
      expect(() => checkClawback(DISBURSEMENTS, REGISTRATIONS, '2026-06-30', bad)).toThrow(EditionError);
    });

    it('does not change its arguments', () => {
      const d = structuredClone(DISBURSEMENTS);
      const r = structuredClone(REGISTRATIONS);
      checkClawback(d, r, '2026-06-30');
      expect([d, r]).toEqual([DISBURSEMENTS, REGISTRATIONS]);
    });
  });

  describe('checkClawback with invalid input throws PolicyInputError with paths', () => {
    it('a payment after asOf (paid 2024-03-31, asOf 2024-03-30)', () => {
      expect(issuesOf(() => checkClawback(DISBURSEMENTS, REGISTRATIONS.slice(0, 2), '2024-03-30'))).toEqual([['disbursements.2.paidOn', 'event-after-as-of']]);
    });

    it('a registration after asOf (tax move 2026-03-01, asOf 2026-02-28)', () => {
      expect(issuesOf(() => checkClawback([], REGISTRATIONS, '2026-02-28'))).toEqual([['registrations.2.from', 'event-after-as-of']]);
    });

    it('registrations of a kind not oldest first', () => {
      const regs = [...REGISTRATIONS.slice(0, 2), { kind: 'tax', region: 'beijing-other', from: '2016-01-01' }];
      expect(issuesOf(() => checkClawback([], regs, '2026-06-30'))).toEqual([['registrations.2.from', 'registrations-order']]);
    });

    it('a bad date, a negative amount and an M3 payment without its year, at once', () => {
      const issues = issuesOf(() =>
        checkClawback(
          [
            { measure: 'M1', amount: '-5', paidOn: '2023-01-01' },
            { measure: 'M1', amount: '5', paidOn: '2023-02-30' },
            { measure: 'M3', amount: '5', paidOn: '2023-03-01' },
          ],
          REGISTRATIONS,
          '2026-06-30',
        ),
      );
      expect(issues).toEqual(
        expect.arrayContaining([
          ['disbursements.0.amount', 'negative-money'],
          ['disbursements.1.paidOn', 'invalid-date'],
          ['disbursements.2.year', 'm3-year-required'],
        ]),
      );
    });

    it('an invalid asOf, a missing argument, a wrong type, an unknown key', () => {
      expect(issuesOf(() => checkClawback(DISBURSEMENTS, REGISTRATIONS, '2026-13-01'))).toEqual([['asOf', 'invalid-date']]);
      expect(issuesOf(() => checkClawback(undefined, REGISTRATIONS, '2026-06-30'))).toEqual([['disbursements', 'required']]);
      expect(issuesOf(() => checkClawback(DISBURSEMENTS, 'mentougou', '2026-06-30'))).toEqual([['registrations', 'invalid-type']]);
      expect(issuesOf(() => checkClawback([{ ...DISBURSEMENTS[0], note: 'x' }], REGISTRATIONS, '2026-06-30'))).toEqual([['disbursements.0.note', 'unknown-key']]);
    });

    it('every issue carries a Chinese and an English message', () => {
      let issues: PolicyInputError['issues'] = [];
      try {
        checkClawback(DISBURSEMENTS, REGISTRATIONS.slice(0, 2), '2024-03-30');
      } catch (error) {
        issues = (error as PolicyInputError).issues;
      }
      expect(issues.map((i) => [i.zh, i.en])).toEqual([['事件日期 2024-03-31 晚于评估日 asOf 2024-03-30', 'event date 2024-03-31 is after asOf 2024-03-30']]);
    });
  });
});
