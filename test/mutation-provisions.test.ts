/**
 * G5 / R13 (retention and clawback) and the ledger's note, pinned at cases the other tests left open
 * (found by mutation testing; see docs/verification.md): the breach is the FIRST day out, a payment
 * made after that day is not recovered, dates before 1970, the shape of the items, and the order of
 * payments made on one day.
 */
import { describe, expect, it } from 'vitest';
import { safeAssess } from '../src/assess.js';
import { checkClawback } from '../src/check-clawback.js';

const reg = (kind: 'business' | 'tax', region: 'mentougou' | 'beijing-other' | 'outside-beijing', from: string) => ({ kind, region, from });

describe('R13 the breach is the first day out of the district', () => {
  // Business registration: in Mentougou since 2015, out 2024-03-01, back 2024-09-01, out again 2025-05-01.
  const registrations = [
    reg('business', 'mentougou', '2015-01-01'),
    reg('business', 'beijing-other', '2024-03-01'),
    reg('business', 'mentougou', '2024-09-01'),
    reg('business', 'beijing-other', '2025-05-01'),
    reg('tax', 'mentougou', '2015-01-01'),
  ];
  const disbursements = [
    { measure: 'M1', amount: '200000', paidOn: '2023-01-10' },
    { measure: 'M3', amount: '36500', paidOn: '2024-10-01', year: 2023 },
  ];

  it('left on 2024-03-01, came back, left again on 2025-05-01: breached on 2024-03-01 (business)', () => {
    const r = checkClawback(disbursements, registrations, '2025-06-30');
    expect(r).toMatchObject({ breached: true, breachedOn: '2024-03-01', registration: 'business' });
  });

  it('the payment of 2024-10-01, made after the breach day, is not recovered; the 2023 payment is: 200,000', () => {
    const r = checkClawback(disbursements, registrations, '2025-06-30');
    expect(r.items.map((i) => [i.paidOn, i.recovered])).toEqual([
      ['2023-01-10', true],
      ['2024-10-01', false],
    ]);
    expect(r.amount).toBe('200000.00');
    // 2024-10-01 + 8 years
    expect(r.freeToLeaveAfter).toBe('2032-10-01');
  });

  it('the tax registration leaving later (2026-01-05) does not move the breach day', () => {
    const r = checkClawback(disbursements, [...registrations, reg('tax', 'outside-beijing', '2026-01-05')], '2026-06-30');
    expect(r).toMatchObject({ breachedOn: '2024-03-01', registration: 'business' });
  });
});

describe('R13 with dates before 1970 (day numbers below zero)', () => {
  it('payments of 1961 and 1969, always in Mentougou: nothing recovered; free to leave after 1977-06-30', () => {
    const r = checkClawback(
      [
        { measure: 'M1', amount: '1000', paidOn: '1961-03-01' },
        { measure: 'M1', amount: '2000', paidOn: '1969-06-30' },
      ],
      [reg('business', 'mentougou', '1960-01-01'), reg('tax', 'mentougou', '1960-01-01')],
      '1975-01-01',
    );
    expect(r).toMatchObject({ breached: false, breachedOn: null, registration: null, amount: '0.00', freeToLeaveAfter: '1977-06-30' });
    expect(r.items.map((i) => [i.periodEnd, i.recovered])).toEqual([
      ['1969-03-01', false],
      ['1977-06-30', false],
    ]);
  });

  it('a single payment of 1961: its period ended on 1969-03-01, and that is when it was free to leave', () => {
    const r = checkClawback([{ measure: 'M1', amount: '1000', paidOn: '1961-03-01' }], [reg('business', 'mentougou', '1960-01-01'), reg('tax', 'mentougou', '1960-01-01')], '1975-01-01');
    expect(r.freeToLeaveAfter).toBe('1969-03-01');
  });
});

describe('R13 clawback items', () => {
  const registrations = [reg('business', 'mentougou', '2015-01-01'), reg('tax', 'mentougou', '2015-01-01')];

  it('an item names its support year only for M3 and its introduced enterprise only for M5', () => {
    const r = checkClawback(
      [
        { measure: 'M1', amount: '200000', paidOn: '2022-12-20' },
        { measure: 'M3', amount: '36500', paidOn: '2024-03-31', year: 2023 },
        { measure: 'M5', amount: '20000', paidOn: '2024-05-01', enterpriseId: 'E7' },
      ],
      registrations,
      '2024-12-31',
    );
    expect(r.items.map((i) => Object.keys(i).sort())).toEqual([
      ['amount', 'measure', 'paidOn', 'periodEnd', 'recovered'],
      ['amount', 'measure', 'paidOn', 'periodEnd', 'recovered', 'year'],
      ['amount', 'enterpriseId', 'measure', 'paidOn', 'periodEnd', 'recovered'],
    ]);
  });

  it('payments of one day are listed by measure, then support year, then introduced enterprise, then amount — whatever the input order', () => {
    const sameDay = [
      { measure: 'M5', amount: '10000', paidOn: '2024-03-31', enterpriseId: 'E2' },
      { measure: 'M3', amount: '5000', paidOn: '2024-03-31', year: 2024 },
      { measure: 'M5', amount: '20000', paidOn: '2024-03-31', enterpriseId: 'E1' },
      { measure: 'M1', amount: '100', paidOn: '2024-03-31' },
      { measure: 'M3', amount: '7000', paidOn: '2024-03-31', year: 2023 },
      { measure: 'M5', amount: '5000', paidOn: '2024-03-31', enterpriseId: 'E1' },
    ];
    const expected = [
      ['M1', '100.00'],
      ['M3', '7000.00'],
      ['M3', '5000.00'],
      ['M5', '5000.00'],
      ['M5', '20000.00'],
      ['M5', '10000.00'],
    ];
    for (const order of [sameDay, [...sameDay].reverse(), [sameDay[4], sameDay[1], sameDay[0], sameDay[2], sameDay[5], sameDay[3]]]) {
      expect(checkClawback(order, registrations, '2024-12-31').items.map((i) => [i.measure, i.amount])).toEqual(expected);
    }
  });
});

describe('R2 / ledger: the “already paid” note of a measure', () => {
  it('names what was paid under that measure only: M1’s note says 200,000, not the M3 payment beside it', () => {
    const result = safeAssess({
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-NOTE',
        independentLegalPerson: true,
        registrations: [reg('business', 'mentougou', '2015-01-01'), reg('tax', 'mentougou', '2015-01-01')],
        designations: [
          { level: 'municipal-sme', obtainedOn: '2022-06-15' },
          { level: 'municipal-little-giant', obtainedOn: '2024-08-01' },
        ],
        retentionCommitmentSignedOn: '2022-07-01',
        disbursements: [
          { measure: 'M1', amount: '200000', paidOn: '2022-12-20' },
          { measure: 'M3', amount: '36500', paidOn: '2024-03-31', year: 2023 },
        ],
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const m1 = result.value.measures.find((m) => m.measure === 'M1')!;
    // 500,000 − 200,000 paid = 300,000
    expect(m1.payable).toBe('300000.00');
    const note = m1.reasons.find((r) => r.code === 'already-paid');
    expect(note?.en).toBe('200,000.00 yuan already paid under this measure; only the difference is payable');
  });
});
