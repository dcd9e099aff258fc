/**
 * Issue 12: M5 lines followed the order of the request. They are now in `enterpriseId` order (plain
 * code-unit order of the ids), so two requests that list the same introduced enterprises differently
 * give the same lines; each line still names the index of its own entry in the paths it misses.
 */
import { describe, expect, it } from 'vitest';
import { assessUnknown as assess } from '../../src/assess.js';

const entries = [
  { enterpriseId: 'E9', movedInOn: '2023-03-01', highestLevel: 'municipal-sme' },
  { enterpriseId: 'E10', movedInOn: '2023-04-01' },
  { enterpriseId: 'A1', movedInOn: '2024-05-01', highestLevel: 'national-little-giant' },
  { enterpriseId: 'b0', movedInOn: '2022-02-01', highestLevel: 'none' },
];
const institution = (introducedEnterprises: unknown[]) => ({
  asOf: '2024-12-31',
  institution: {
    id: 'I',
    independentLegalPerson: true,
    certified: true,
    registrations: [
      { kind: 'business', region: 'mentougou', from: '2019-05-01' },
      { kind: 'tax', region: 'mentougou', from: '2019-05-01' },
    ],
    retentionCommitmentSignedOn: '2022-01-10',
    introducedEnterprises,
    disbursements: [{ measure: 'M5', amount: '20000', paidOn: '2023-06-01', enterpriseId: 'E9' }],
  },
});
const m5 = (request: unknown) => assess(request).measures.find((m) => m.measure === 'M5')!;

describe('M5 lines in enterpriseId order, not the request’s', () => {
  it('ids sorted by code unit: A1 < E10 < E9 < b0 (capitals before small letters, "E10" before "E9")', () => {
    expect(m5(institution(entries)).lines.map((l) => l.id)).toEqual(['A1', 'E10', 'E9', 'b0']);
  });

  it('the same enterprises listed in reverse give the same lines, amounts and payables', () => {
    const summary = (request: unknown) => m5(request).lines.map((l) => [l.id, l.outcome, l.amount, l.payable, l.paid]);
    // A1 national little giant 100,000; E9 municipal SME 20,000, already paid 20,000 → payable 0;
    // E10 level not given (undetermined); b0 no title (ineligible).
    const expected = [
      ['A1', 'eligible', '100000.00', '100000.00', '0.00'],
      ['E10', 'undetermined', '0.00', '0.00', '0.00'],
      ['E9', 'eligible', '20000.00', '0.00', '20000.00'],
      ['b0', 'ineligible', '0.00', '0.00', '0.00'],
    ];
    expect(summary(institution(entries))).toEqual(expected);
    expect(summary(institution([...entries].reverse()))).toEqual(expected);
  });

  it('a line names the index of its own entry in the request (E10 is entry 1, or entry 2 reversed)', () => {
    expect(m5(institution(entries)).missing).toEqual(['institution.introducedEnterprises.1.highestLevel']);
    expect(m5(institution([...entries].reverse())).missing).toEqual(['institution.introducedEnterprises.2.highestLevel']);
  });
});
