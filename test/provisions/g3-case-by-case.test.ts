/**
 * G3 case-by-case exclusion (八、第二款 “资金类奖励和补贴措施不适用于已采取‘一企一策’、‘一事一议’的方式给予
 * 支持的……企业”) under ruling R10: any case-by-case support starting on or before asOf makes every money
 * measure payable 0; amounts are kept; service measures are untouched (R8).
 */
import { describe, expect, it } from 'vitest';
import { assess, assessUnknown, safeAssess } from '../../src/assess.js';
import { parseCalendarDate } from '../../src/core/calendar.js';
import type { AssessmentResult, MeasureResultOutput } from '../../src/model/result.js';
import { caseByCaseExclusion } from '../../src/provisions/g3-case-by-case.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { goldenRequest } from '../helpers/golden.js';
import { RICH_ENTERPRISE } from '../helpers/enterprises.js';

type EnterpriseInput = Parameters<typeof enterpriseFacts>[1];
type SupportInput = NonNullable<EnterpriseInput['caseByCaseSupport']>[number];

const RICH = RICH_ENTERPRISE;

const run = (caseByCaseSupport?: SupportInput[]): AssessmentResult =>
  assess({ asOf: '2024-12-31', enterprise: { id: 'E-G3', ...RICH, ...(caseByCaseSupport ? { caseByCaseSupport } : {}) } });

const measure = (r: AssessmentResult, id: string): MeasureResultOutput => {
  const m = r.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`${id} absent`);
  return m;
};
const money = (r: AssessmentResult) => r.measures.filter((m) => m.kind === 'money').map((m) => [m.measure, m.outcome, m.amount, m.payable]);
const services = (r: AssessmentResult) => r.measures.filter((m) => m.kind === 'service');

describe('R10 case-by-case', () => {
  const plain = () => run();

  it('without case-by-case support the baseline pays 1,573,100.00', () => {
    expect(money(plain())).toEqual([
      ['M1', 'eligible', '500000.00', '500000.00'],
      ['M2', 'ineligible', '0.00', '0.00'],
      ['M3', 'eligible', '73100.00', '73100.00'],
      ['M7', 'eligible', '1000000.00', '1000000.00'],
    ]);
    expect(plain().totalPayable).toBe('1573100.00');
  });

  for (const [label, support] of [
    ['one-enterprise-one-policy since 2023-01-01', [{ kind: 'one-enterprise-one-policy', from: '2023-01-01' }]],
    ['one-matter-one-discussion starting on asOf itself (2024-12-31)', [{ kind: 'one-matter-one-discussion', from: '2024-12-31' }]],
    ['support that began before the window (2019-05-01)', [{ kind: 'one-matter-one-discussion', from: '2019-05-01' }]],
  ] as [string, SupportInput[]][]) {
    describe(label, () => {
      const r = () => run(support);

      it('every money measure pays 0.00, each line too; amounts and outcomes are kept', () => {
        expect(money(r())).toEqual([
          ['M1', 'eligible', '500000.00', '0.00'],
          ['M2', 'ineligible', '0.00', '0.00'],
          ['M3', 'eligible', '73100.00', '0.00'],
          ['M7', 'eligible', '1000000.00', '0.00'],
        ]);
        for (const m of r().measures.filter((x) => x.kind === 'money')) {
          for (const line of m.lines) expect(line.payable, `${m.measure} ${line.id}`).toBe('0.00');
          expect(m.reasons.map((x) => [x.code, x.clause]), m.measure).toContainEqual(['case-by-case-support', 'G3']);
        }
        expect(measure(r(), 'M3').lines.map((l) => [l.id, l.amount])).toEqual([
          ['2023', '36500.00'],
          ['2024', '36600.00'],
        ]);
        expect(r().totalPayable).toBe('0.00');
      });

      it('service measures are untouched: identical to the result without support, still eligible', () => {
        expect(services(r())).toEqual(services(plain()));
        expect(measure(r(), 'M11')).toMatchObject({ outcome: 'eligible', amount: null, payable: null });
        expect(measure(r(), 'M6')).toMatchObject({ outcome: 'eligible', amount: null, payable: null });
        expect(measure(r(), 'M9').outcome).toBe('eligible');
        for (const m of services(r())) expect(m.reasons.map((x) => x.code)).not.toContain('case-by-case-support');
      });

      it('G1 is not touched: applicability stays eligible', () => {
        expect(r().applicability).toEqual(plain().applicability);
      });
    });
  }

  it('the reason names the earliest support that has started', () => {
    const r = run([
      { kind: 'one-matter-one-discussion', from: '2024-03-01' },
      { kind: 'one-enterprise-one-policy', from: '2023-05-10' },
    ]);
    expect(measure(r, 'M1').reasons.find((x) => x.code === 'case-by-case-support')?.en).toBe('already supported case by case (since 2023-05-10); money measures do not apply');
  });

  it('support starting after asOf is an input error (an event after asOf), so nothing is computed', () => {
    const result = safeAssess({ asOf: '2024-12-31', enterprise: { id: 'E-G3', ...RICH, caseByCaseSupport: [{ kind: 'one-enterprise-one-policy', from: '2025-01-01' }] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['enterprise.caseByCaseSupport.0.from', 'event-after-as-of']]);
  });

  it('golden 04: the climber of 01 with support since 2023 has M1 800,000 but pays nothing; M10 stays', () => {
    const r = assessUnknown(goldenRequest('04-case-by-case'));
    expect(measure(r, 'M1')).toMatchObject({ outcome: 'eligible', amount: '800000.00', payable: '0.00' });
    expect(measure(r, 'M10')).toMatchObject({ outcome: 'eligible', amount: null, payable: null });
    expect(r.totalPayable).toBe('0.00');
  });

  it('an institution with case-by-case support: M5 keeps 100,000 but pays 0; M13 untouched', () => {
    const institution = {
      id: 'I-G3',
      independentLegalPerson: true,
      certified: true,
      registrations: registeredIn('mentougou', '2019-05-01'),
      introducedEnterprises: [{ enterpriseId: 'E11', movedInOn: '2023-03-01', highestLevel: 'national-little-giant' }],
      residentSrdiCount: 5,
      retentionCommitmentSignedOn: '2022-02-01',
    };
    const plainI = assessUnknown({ asOf: '2024-12-31', institution });
    const r = assessUnknown({ asOf: '2024-12-31', institution: { ...institution, caseByCaseSupport: [{ kind: 'one-enterprise-one-policy', from: '2024-01-01' }] } });
    expect(measure(plainI, 'M5')).toMatchObject({ amount: '100000.00', payable: '100000.00' });
    expect(measure(r, 'M5')).toMatchObject({ outcome: 'eligible', amount: '100000.00', payable: '0.00' });
    expect(measure(r, 'M13')).toEqual(measure(plainI, 'M13'));
  });

  describe('caseByCaseExclusion on its own', () => {
    const asOf = parseCalendarDate('2024-12-31') as number;
    it('null without support; a G3 reason with support on or before asOf', () => {
      expect(caseByCaseExclusion(enterpriseFacts('2024-12-31', RICH).enterprise, asOf)).toBeNull();
      const facts = enterpriseFacts('2024-12-31', { ...RICH, caseByCaseSupport: [{ kind: 'one-enterprise-one-policy', from: '2024-12-31' }] });
      expect(caseByCaseExclusion(facts.enterprise, asOf)).toMatchObject({ code: 'case-by-case-support', clause: 'G3' });
      // judged on another day before the support began: nothing yet
      expect(caseByCaseExclusion(facts.enterprise, asOf - 1)).toBeNull();
    });
  });
});
