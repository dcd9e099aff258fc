import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/model/parse.js';
import type { PolicyRequestInput } from '../../src/model/request.js';

type EnterpriseInput = NonNullable<PolicyRequestInput['enterprise']>;
type InstitutionInput = NonNullable<PolicyRequestInput['institution']>;

const AS_OF = '2024-12-31';

/** The issues of a request as `path code` strings (`[]` when it is valid). */
function issues(input: unknown): string[] {
  const r = parseRequest(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')} ${i.code}`);
}

const enterprise = (fields: Partial<EnterpriseInput>, asOf = AS_OF): unknown => ({ asOf, enterprise: { id: 'E', ...fields } });
const institution = (fields: Partial<InstitutionInput>, asOf = AS_OF): unknown => ({ asOf, institution: { id: 'I', ...fields } });

const lease = (start: string, end: string) => ({ id: 'L1', areaSqm: '100', start, end, dailyRentPerSqm: '1', selfUse: true, inDistrict: true });

describe('a lease ends on or after its start', () => {
  it('end = start is one day and fine', () => {
    expect(issues(enterprise({ leases: [lease('2024-05-01', '2024-05-01')] }))).toEqual([]);
  });

  it('end after start is fine', () => {
    expect(issues(enterprise({ leases: [lease('2024-05-01', '2024-05-02')] }))).toEqual([]);
  });

  it('end the day before start is an issue at the end', () => {
    expect(issues(enterprise({ leases: [lease('2024-05-01', '2024-04-30')] }))).toEqual(['enterprise.leases.0.end lease-end-before-start']);
  });

  it('the message names both dates', () => {
    const r = parseRequest(enterprise({ leases: [lease('2024-05-01', '2024-04-30')] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.zh).toContain('2024-04-30');
      expect(r.issues[0]?.zh).toContain('2024-05-01');
      expect(r.issues[0]?.en).toBe('lease end 2024-04-30 is before its start 2024-05-01');
    }
  });
});

describe('events are not dated after asOf (the same day is fine)', () => {
  const cases: { name: string; at: (date: string) => unknown; path: string }[] = [
    {
      name: 'registrations[].from',
      at: (d) => enterprise({ registrations: [{ kind: 'business', region: 'mentougou', from: d }] }),
      path: 'enterprise.registrations.0.from',
    },
    {
      name: 'designations[].obtainedOn',
      at: (d) => enterprise({ designations: [{ level: 'municipal-sme', obtainedOn: d }] }),
      path: 'enterprise.designations.0.obtainedOn',
    },
    { name: 'listing.listedOn', at: (d) => enterprise({ listing: { board: 'star', listedOn: d } }), path: 'enterprise.listing.listedOn' },
    {
      name: 'disbursements[].paidOn',
      at: (d) => enterprise({ disbursements: [{ measure: 'M1', amount: '200000', paidOn: d }] }),
      path: 'enterprise.disbursements.0.paidOn',
    },
    {
      name: 'caseByCaseSupport[].from',
      at: (d) => enterprise({ caseByCaseSupport: [{ kind: 'one-matter-one-discussion', from: d }] }),
      path: 'enterprise.caseByCaseSupport.0.from',
    },
    {
      name: 'integrityFindings[].on',
      at: (d) => enterprise({ integrityFindings: [{ kind: 'false-materials', on: d }] }),
      path: 'enterprise.integrityFindings.0.on',
    },
    { name: 'retentionCommitmentSignedOn', at: (d) => enterprise({ retentionCommitmentSignedOn: d }), path: 'enterprise.retentionCommitmentSignedOn' },
    {
      name: 'institution registrations[].from',
      at: (d) => institution({ registrations: [{ kind: 'tax', region: 'mentougou', from: d }] }),
      path: 'institution.registrations.0.from',
    },
    {
      name: 'introducedEnterprises[].movedInOn',
      at: (d) => institution({ introducedEnterprises: [{ enterpriseId: 'E11', movedInOn: d }] }),
      path: 'institution.introducedEnterprises.0.movedInOn',
    },
    {
      name: 'institution disbursements[].paidOn',
      at: (d) => institution({ disbursements: [{ measure: 'M5', amount: '20000', paidOn: d, enterpriseId: 'E11' }] }),
      path: 'institution.disbursements.0.paidOn',
    },
    {
      name: 'institution caseByCaseSupport[].from',
      at: (d) => institution({ caseByCaseSupport: [{ kind: 'one-enterprise-one-policy', from: d }] }),
      path: 'institution.caseByCaseSupport.0.from',
    },
    {
      name: 'institution integrityFindings[].on',
      at: (d) => institution({ integrityFindings: [{ kind: 'disciplinary', on: d }] }),
      path: 'institution.integrityFindings.0.on',
    },
    { name: 'institution retentionCommitmentSignedOn', at: (d) => institution({ retentionCommitmentSignedOn: d }), path: 'institution.retentionCommitmentSignedOn' },
  ];

  for (const c of cases) {
    it(`${c.name}: on asOf fine, the day after an issue`, () => {
      expect(issues(c.at('2024-12-31'))).toEqual([]);
      expect(issues(c.at('2025-01-01'))).toEqual([`${c.path} event-after-as-of`]);
    });
  }

  it('the message names the date and asOf', () => {
    const r = parseRequest(enterprise({ retentionCommitmentSignedOn: '2025-01-01' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.en).toBe('event date 2025-01-01 is after asOf 2024-12-31');
  });

  it('a listing after asOf is an issue even with no designations key (each key is checked on its own)', () => {
    expect(issues(enterprise({ listing: { board: 'bse', listedOn: '2025-03-01' } }))).toEqual(['enterprise.listing.listedOn event-after-as-of']);
  });

  it('every event after asOf is reported, not only the first', () => {
    expect(
      issues(
        enterprise({
          designations: [
            { level: 'municipal-sme', obtainedOn: '2024-01-01' },
            { level: 'municipal-little-giant', obtainedOn: '2025-02-01' },
          ],
          retentionCommitmentSignedOn: '2025-01-15',
        }),
      ).sort(),
    ).toEqual(['enterprise.designations.1.obtainedOn event-after-as-of', 'enterprise.retentionCommitmentSignedOn event-after-as-of']);
  });

  it('leases and contributions are not events: a lease may start later, a contribution may be an estimate', () => {
    expect(issues(enterprise({ leases: [lease('2025-06-01', '2027-05-31')], contributions: [{ year: 2026, amount: '900000' }] }))).toEqual([]);
  });

  it('expiresOn is not an event: a designation may expire after asOf', () => {
    expect(issues(enterprise({ designations: [{ level: 'municipal-sme', obtainedOn: '2022-01-01', expiresOn: '2027-12-31' }] }))).toEqual([]);
  });
});

describe('registrations are strictly oldest first within each kind', () => {
  const reg = (kind: 'business' | 'tax', region: 'mentougou' | 'beijing-other' | 'outside-beijing', from: string) => ({ kind, region, from });

  it('oldest first is fine', () => {
    expect(issues(enterprise({ registrations: [reg('business', 'outside-beijing', '2010-01-01'), reg('business', 'mentougou', '2022-03-10')] }))).toEqual([]);
  });

  it('the same day twice for one kind is an issue', () => {
    expect(issues(enterprise({ registrations: [reg('business', 'outside-beijing', '2022-03-10'), reg('business', 'mentougou', '2022-03-10')] }))).toEqual([
      'enterprise.registrations.1.from registrations-order',
    ]);
  });

  it('newest first for one kind is an issue', () => {
    expect(issues(enterprise({ registrations: [reg('tax', 'mentougou', '2022-03-10'), reg('tax', 'outside-beijing', '2010-01-01')] }))).toEqual([
      'enterprise.registrations.1.from registrations-order',
    ]);
  });

  it('another kind interleaved is fine, even with earlier dates and the same day', () => {
    expect(
      issues(
        enterprise({
          registrations: [
            reg('business', 'outside-beijing', '2010-03-01'),
            reg('tax', 'outside-beijing', '2009-01-01'),
            reg('business', 'mentougou', '2022-03-10'),
            reg('tax', 'mentougou', '2022-03-10'),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('each entry is compared with the previous entry of its kind', () => {
    // business: 2010, 2022, 2015 → the third is out of order; tax: 2016 alone is fine.
    expect(
      issues(
        enterprise({
          registrations: [reg('business', 'outside-beijing', '2010-01-01'), reg('business', 'mentougou', '2022-01-01'), reg('tax', 'mentougou', '2016-01-01'), reg('business', 'beijing-other', '2015-01-01')],
        }),
      ),
    ).toEqual(['enterprise.registrations.3.from registrations-order']);
  });
});

describe('R7 the board existed on the listing day', () => {
  const listed = (board: 'sme-board' | 'neeq-select' | 'bse' | 'star' | 'chinext' | 'sse-main', listedOn: string) => enterprise({ listing: { board, listedOn } });

  it('sme-board: 2021-04-05 fine, 2021-04-06 an issue (merged into the Shenzhen main board)', () => {
    expect(issues(listed('sme-board', '2021-04-05'))).toEqual([]);
    expect(issues(listed('sme-board', '2021-04-06'))).toEqual(['enterprise.listing.listedOn board-not-existing']);
  });

  it('neeq-select: 2021-11-14 fine, 2021-11-15 an issue (became the Beijing Stock Exchange)', () => {
    expect(issues(listed('neeq-select', '2021-11-14'))).toEqual([]);
    expect(issues(listed('neeq-select', '2021-11-15'))).toEqual(['enterprise.listing.listedOn board-not-existing']);
  });

  it('bse from 2021-11-15; star from 2019-07-22; chinext from 2009-10-30', () => {
    expect(issues(listed('bse', '2021-11-15'))).toEqual([]);
    expect(issues(listed('bse', '2021-11-14'))).toEqual(['enterprise.listing.listedOn board-not-existing']);
    expect(issues(listed('star', '2019-07-22'))).toEqual([]);
    expect(issues(listed('star', '2019-07-21'))).toEqual(['enterprise.listing.listedOn board-not-existing']);
    expect(issues(listed('chinext', '2009-10-29'))).toEqual(['enterprise.listing.listedOn board-not-existing']);
  });

  it('the main boards have no bounds', () => {
    expect(issues(listed('sse-main', '2001-01-01'))).toEqual([]);
  });

  it('the message says why the board did not exist', () => {
    const r = parseRequest(listed('sme-board', '2022-01-10'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.en).toBe('the sme-board board did not exist on 2022-01-10 (merged into the Shenzhen main board on 2021-04-06)');
      expect(r.issues[0]?.zh).toContain('2021 年 4 月 6 日并入深交所主板');
    }
  });
});

describe('ledger entries: M3 needs year, M5 needs enterpriseId', () => {
  it('an M3 disbursement without year is an issue at its year', () => {
    expect(issues(enterprise({ disbursements: [{ measure: 'M3', amount: '150000', paidOn: '2024-03-31' }] }))).toEqual(['enterprise.disbursements.0.year m3-year-required']);
    expect(issues(enterprise({ disbursements: [{ measure: 'M3', amount: '150000', paidOn: '2024-03-31', year: 2023 }] }))).toEqual([]);
  });

  it('an M3 other benefit without year is an issue at its year', () => {
    expect(issues(enterprise({ otherBenefits: [{ program: 'zgc-mentougou-park', overlapsMeasure: 'M3', amount: '250000' }] }))).toEqual(['enterprise.otherBenefits.0.year m3-year-required']);
    expect(issues(enterprise({ otherBenefits: [{ program: 'zgc-mentougou-park', overlapsMeasure: 'M3', amount: '250000', year: 2023 }] }))).toEqual([]);
  });

  it('other measures need no year', () => {
    expect(issues(enterprise({ disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2023-01-01' }], otherBenefits: [{ program: 'x', overlapsMeasure: 'M1', amount: '1' }] }))).toEqual([]);
  });

  it('an M5 disbursement without enterpriseId is an issue at its enterpriseId', () => {
    expect(issues(institution({ disbursements: [{ measure: 'M5', amount: '20000', paidOn: '2022-10-01' }] }))).toEqual(['institution.disbursements.0.enterpriseId m5-enterprise-required']);
    expect(issues(institution({ disbursements: [{ measure: 'M5', amount: '20000', paidOn: '2022-10-01', enterpriseId: 'E11' }] }))).toEqual([]);
  });
});

describe('exactly one subject', () => {
  it('neither subject is an issue at the root', () => {
    expect(issues({ asOf: AS_OF })).toEqual([' subject-required']);
  });

  it('both subjects is an issue at the root', () => {
    expect(issues({ asOf: AS_OF, enterprise: { id: 'E' }, institution: { id: 'I' } })).toEqual([' subject-required']);
  });

  it('one subject is fine, either one', () => {
    expect(issues({ asOf: AS_OF, enterprise: { id: 'E' } })).toEqual([]);
    expect(issues({ asOf: AS_OF, institution: { id: 'I' } })).toEqual([]);
  });

  it('an enterprise field on an institution is an unknown key, and the reverse', () => {
    expect(issues(institution({ designations: [] } as Partial<InstitutionInput>))).toEqual(['institution.designations unknown-key']);
    expect(issues(enterprise({ certified: true } as Partial<EnterpriseInput>))).toEqual(['enterprise.certified unknown-key']);
  });
});

describe('no duplicates where one entry per key is meant', () => {
  it('two contributions for one year', () => {
    expect(issues(enterprise({ contributions: [{ year: 2023, amount: 1 }, { year: 2023, amount: 2 }] }))).toEqual(['enterprise.contributions.1 duplicate-year']);
  });

  it('two leases with one id', () => {
    expect(issues(enterprise({ leases: [lease('2023-01-01', '2023-12-31'), lease('2024-01-01', '2024-12-31')] }))).toEqual(['enterprise.leases.1 duplicate-id']);
  });

  it('two introduced enterprises with one id', () => {
    expect(
      issues(
        institution({
          introducedEnterprises: [
            { enterpriseId: 'E11', movedInOn: '2022-05-01' },
            { enterpriseId: 'E11', movedInOn: '2023-05-01' },
          ],
        }),
      ),
    ).toEqual(['institution.introducedEnterprises.1 duplicate-id']);
  });
});

describe('credit code', () => {
  it('914403001922038216 and the golden codes are valid', () => {
    for (const creditCode of ['914403001922038216', '91110109MA01A1B2CM', '91110109MA01D3E4FP', '91110109MA01G5H6JR']) {
      expect(issues(enterprise({ creditCode })), creditCode).toEqual([]);
    }
    expect(issues(institution({ creditCode: '91110109MA01N9P0QK' }))).toEqual([]);
  });

  it('a wrong check character is an issue whose message gives the expected one', () => {
    const r = parseRequest(enterprise({ creditCode: '914403001922038217' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ path: ['enterprise', 'creditCode'], code: 'credit-code-check' });
      expect(r.issues[0]?.zh).toContain('应为 6');
      expect(r.issues[0]?.en).toContain('expected 6');
    }
  });

  it('lowercase letters and letters outside the alphabet are a format issue', () => {
    expect(issues(enterprise({ creditCode: '91110109ma01a1b2cm' }))).toEqual(['enterprise.creditCode credit-code-format']);
    expect(issues(enterprise({ creditCode: '91110109MA01O1B2CM' }))).toEqual(['enterprise.creditCode credit-code-format']);
    expect(issues(enterprise({ creditCode: '9144030019220382' }))).toEqual(['enterprise.creditCode credit-code-format']);
  });
});
