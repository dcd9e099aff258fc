/**
 * G4 integrity (八、第二款 “提供虚假材料以及存在任何违约、违法、违规、违纪行为的，一律取消企业享受资金支持的
 * 资格……计入企业诚信系统，不再予以政府财政资金支持”) under ruling R11: any integrity finding on or before
 * asOf makes every money measure payable 0, and the result records that the case goes to the credit
 * record and gets no further fiscal funds (`creditRecord`, warning `credit-record`).
 */
import { describe, expect, it } from 'vitest';
import { assess, safeAssess } from '../../src/assess.js';
import { parseCalendarDate } from '../../src/core/calendar.js';
import type { AssessmentResult, MeasureResultOutput } from '../../src/model/result.js';
import { integrityExclusion } from '../../src/provisions/g4-integrity.js';
import { enterpriseFacts } from '../helpers/facts.js';
import { RICH_ENTERPRISE } from '../helpers/enterprises.js';

type EnterpriseInput = Parameters<typeof enterpriseFacts>[1];
type FindingInput = NonNullable<EnterpriseInput['integrityFindings']>[number];

const RICH = RICH_ENTERPRISE;

const run = (integrityFindings?: FindingInput[]): AssessmentResult =>
  assess({ asOf: '2024-12-31', enterprise: { id: 'E-G4', ...RICH, ...(integrityFindings ? { integrityFindings } : {}) } });

const measure = (r: AssessmentResult, id: string): MeasureResultOutput => {
  const m = r.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`${id} absent`);
  return m;
};
const money = (r: AssessmentResult) => r.measures.filter((m) => m.kind === 'money').map((m) => [m.measure, m.amount, m.payable]);

describe('R11 integrity', () => {
  const plain = () => run();

  it('without findings: paid in full, nothing recorded, no credit-record warning', () => {
    expect(plain().totalPayable).toBe('1573100.00');
    expect(plain().creditRecord).toEqual({ recorded: false, noFurtherFiscalFunds: false, findings: [] });
    expect(plain().warnings.map((w) => w.code)).not.toContain('credit-record');
  });

  for (const kind of ['false-materials', 'breach-of-contract', 'illegal', 'irregular', 'disciplinary'] as const) {
    it(`a ${kind} finding (2024-03-01): money payable 0, amounts kept, credit record, no further fiscal funds`, () => {
      const r = run([{ kind, on: '2024-03-01' }]);
      expect(money(r)).toEqual([
        ['M1', '500000.00', '0.00'],
        ['M2', '0.00', '0.00'],
        ['M3', '73100.00', '0.00'],
        ['M7', '1000000.00', '0.00'],
      ]);
      expect(r.totalPayable).toBe('0.00');
      expect(r.creditRecord).toEqual({ recorded: true, noFurtherFiscalFunds: true, findings: [{ kind, on: '2024-03-01' }] });
      expect(r.warnings.filter((w) => w.code === 'credit-record')).toHaveLength(1);
      for (const m of r.measures.filter((x) => x.kind === 'money')) expect(m.reasons.map((x) => [x.code, x.clause])).toContainEqual(['integrity-finding', 'G4']);
    });
  }

  it('a finding on asOf itself counts', () => {
    const r = run([{ kind: 'irregular', on: '2024-12-31' }]);
    expect(r.totalPayable).toBe('0.00');
    expect(r.creditRecord.recorded).toBe(true);
    expect(r.creditRecord.noFurtherFiscalFunds).toBe(true);
  });

  it('a finding before the window (2019) still counts: G4 is not limited to the window (R1)', () => {
    const r = run([{ kind: 'false-materials', on: '2019-02-01' }]);
    expect(r.totalPayable).toBe('0.00');
    expect(r.creditRecord.findings).toEqual([{ kind: 'false-materials', on: '2019-02-01' }]);
  });

  it('the reason text says credit record and no further fiscal funds, in both languages', () => {
    const reason = measure(run([{ kind: 'false-materials', on: '2024-03-01' }]), 'M1').reasons.find((x) => x.code === 'integrity-finding');
    expect(reason?.en).toBe('false materials found (2024-03-01): the right to money support is cancelled, the case goes to the credit record, and no further fiscal funds are given');
    expect(reason?.zh).toContain('计入企业诚信系统');
    expect(reason?.zh).toContain('不再予以政府财政资金支持');
  });

  it('several findings: every one is listed oldest first, one warning', () => {
    const r = run([
      { kind: 'illegal', on: '2024-05-01' },
      { kind: 'breach-of-contract', on: '2023-02-01' },
    ]);
    expect(r.creditRecord.findings).toEqual([
      { kind: 'breach-of-contract', on: '2023-02-01' },
      { kind: 'illegal', on: '2024-05-01' },
    ]);
    expect(r.warnings.filter((w) => w.code === 'credit-record')).toHaveLength(1);
  });

  it('two findings on one day are listed in the order of the text, whatever the order of the request', () => {
    const a = run([
      { kind: 'disciplinary', on: '2024-05-01' },
      { kind: 'false-materials', on: '2024-05-01' },
    ]);
    const b = run([
      { kind: 'false-materials', on: '2024-05-01' },
      { kind: 'disciplinary', on: '2024-05-01' },
    ]);
    expect(a.creditRecord.findings.map((f) => f.kind)).toEqual(['false-materials', 'disciplinary']);
    expect(a).toEqual(b);
  });

  it('service measures are untouched', () => {
    const r = run([{ kind: 'illegal', on: '2024-03-01' }]);
    expect(r.measures.filter((m) => m.kind === 'service')).toEqual(plain().measures.filter((m) => m.kind === 'service'));
  });

  it('a finding after asOf is an input error', () => {
    const result = safeAssess({ asOf: '2024-12-31', enterprise: { id: 'E-G4', ...RICH, integrityFindings: [{ kind: 'illegal', on: '2025-01-01' }] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path.join('.'))).toEqual(['enterprise.integrityFindings.0.on']);
  });

  describe('integrityExclusion on its own', () => {
    it('counts only findings on or before the day it is asked about', () => {
      const facts = enterpriseFacts('2024-12-31', { ...RICH, integrityFindings: [{ kind: 'disciplinary', on: '2024-06-01' }] });
      const on = parseCalendarDate('2024-06-01') as number;
      expect(integrityExclusion(facts.enterprise, on)).toMatchObject({ reason: { code: 'integrity-finding', clause: 'G4' }, creditRecord: { recorded: true, noFurtherFiscalFunds: true } });
      expect(integrityExclusion(facts.enterprise, on - 1)).toEqual({ reason: null, creditRecord: { recorded: false, noFurtherFiscalFunds: false, findings: [] } });
    });
  });
});
