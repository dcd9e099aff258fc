/**
 * G5 reading `breachNeedsCommitment` (R13, DESIGN §8): “申请以上措施中资金支持的企业须自愿承诺……” read as
 * “only a committed enterprise can breach”. Then a move out inside the period is a breach only when the
 * commitment is on record: signed, or (reading `commitmentImpliedByDisbursement`) implied by a payment.
 * The default reads every paid enterprise as bound, commitment or not.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import type { PolicyEdition } from '../../src/policy/edition.js';
import { stays } from '../helpers/facts.js';

/** Paid M1 200,000 on 2022-12-20; moved its business and tax registrations to another district on 2024-06-01. */
const leaver = (retentionCommitmentSignedOn?: string) => ({
  asOf: '2024-12-31',
  enterprise: {
    id: 'E-G5',
    independentLegalPerson: true,
    registrations: stays(['mentougou', '2015-01-01'], ['beijing-other', '2024-06-01']),
    designations: [{ level: 'municipal-sme' as const, obtainedOn: '2022-06-15' }],
    disbursements: [{ measure: 'M1' as const, amount: '200000', paidOn: '2022-12-20' }],
    ...(retentionCommitmentSignedOn === undefined ? {} : { retentionCommitmentSignedOn }),
  },
});
const clawback = (request: ReturnType<typeof leaver>, edition: PolicyEdition = mentougou2022Draft) => {
  const { breached, breachedOn, amount } = assess(request, { edition }).clawback;
  return { breached, breachedOn, amount };
};
const BREACH = { breached: true, breachedOn: '2024-06-01', amount: '200000.00' };
const NONE = { breached: false, breachedOn: null, amount: '0.00' };

describe('G5 reading breachNeedsCommitment', () => {
  const needsCommitment = deriveEdition(mentougou2022Draft, { readings: { breachNeedsCommitment: true } }, { id: 'breach-needs-commitment' });
  const needsCommitmentImplied = deriveEdition(mentougou2022Draft, { readings: { breachNeedsCommitment: true, commitmentImpliedByDisbursement: true } }, { id: 'breach-needs-implied-commitment' });

  it('default (false): the move out on 2024-06-01 is a breach with or without a signed commitment; 200,000.00 is recovered', () => {
    expect(clawback(leaver())).toEqual(BREACH);
    expect(clawback(leaver('2022-07-01'))).toEqual(BREACH);
  });

  it('true: a signed commitment makes the move a breach', () => {
    expect(clawback(leaver('2022-07-01'), needsCommitment)).toEqual(BREACH);
  });

  it('true: with no commitment on record the move is no breach and nothing is recovered', () => {
    expect(clawback(leaver(), needsCommitment)).toEqual(NONE);
  });

  it('true with commitmentImpliedByDisbursement: the payment implies the commitment, so the move is a breach again', () => {
    expect(clawback(leaver(), needsCommitmentImplied)).toEqual(BREACH);
  });
});
