/**
 * G5 retention commitment and clawback (八、第二款 “自资金兑现之日起8年内工商注册和税务登记不迁离本区，若违反
 * 承诺我区有权追回全部支持资金”) under rulings R12 (no commitment, no money) and R13 (8-year periods by the
 * Civil Code, the first day out of the district inside a period is the breach, the clawback is every
 * disbursement whose period contains it, nothing more is payable).
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess.js';
import { checkClawback } from '../../src/check-clawback.js';
import { parseCalendarDate } from '../../src/core/calendar.js';
import type { AssessmentResult, MeasureResultOutput } from '../../src/model/result.js';
import { deriveEdition } from '../../src/policy/derive.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { breachExclusion, clawbackOf, commitmentRequirement } from '../../src/provisions/g5-retention.js';
import { enterpriseFacts, registeredIn } from '../helpers/facts.js';
import { RICH_ENTERPRISE } from '../helpers/enterprises.js';

type EnterpriseInput = Parameters<typeof enterpriseFacts>[1];
type RegistrationInput = NonNullable<EnterpriseInput['registrations']>[number];
type DisbursementInput = NonNullable<EnterpriseInput['disbursements']>[number];

const RICH = RICH_ENTERPRISE;

const run = (asOf: string, changes: Partial<EnterpriseInput> = {}, edition = mentougou2022Draft): AssessmentResult =>
  assess({ asOf, enterprise: { id: 'E-G5', ...RICH, ...changes } }, { edition });

const measure = (r: AssessmentResult, id: string): MeasureResultOutput => {
  const m = r.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`${id} absent`);
  return m;
};
const money = (r: AssessmentResult) => r.measures.filter((m) => m.kind === 'money').map((m) => [m.measure, m.amount, m.payable]);
const reasonCodes = (m: MeasureResultOutput) => m.reasons.map((x) => [x.code, x.clause]);
const warningCodes = (r: AssessmentResult) => r.warnings.map((w) => w.code);

/** Both registrations in Mentougou from 2015-04-01, then the given later entries. */
const fromMentougou = (...later: RegistrationInput[]): RegistrationInput[] => [...registeredIn('mentougou', '2015-04-01'), ...later];

const NOT_BREACHED = { breached: false, breachedOn: null, registration: null, amount: '0.00' };

describe('R12 commitment', () => {
  const without = (() => {
    const { retentionCommitmentSignedOn: _none, ...rest } = RICH;
    return rest;
  })();

  it('no commitment: every money measure payable 0 with reason commitment-required; amounts kept', () => {
    const r = assess({ asOf: '2024-12-31', enterprise: { id: 'E-G5', ...without } });
    expect(money(r)).toEqual([
      ['M1', '500000.00', '0.00'],
      ['M2', '0.00', '0.00'],
      ['M3', '73100.00', '0.00'],
      ['M7', '1000000.00', '0.00'],
    ]);
    for (const m of r.measures.filter((x) => x.kind === 'money')) {
      expect(reasonCodes(m), m.measure).toContainEqual(['commitment-required', 'G5']);
      for (const line of m.lines) expect(line.payable).toBe('0.00');
    }
    expect(measure(r, 'M1').reasons.find((x) => x.code === 'commitment-required')?.en).toBe(
      'money support requires the commitment not to move the business and tax registrations out of the district for 8 years; none is recorded',
    );
    expect(r.totalPayable).toBe('0.00');
  });

  it('no commitment leaves the service measures as they are', () => {
    const r = assess({ asOf: '2024-12-31', enterprise: { id: 'E-G5', ...without } });
    expect(r.measures.filter((m) => m.kind === 'service')).toEqual(run('2024-12-31').measures.filter((m) => m.kind === 'service'));
  });

  it('a commitment signed on asOf itself is enough: 1,573,100.00', () => {
    const r = run('2024-12-31', { retentionCommitmentSignedOn: '2024-12-31' });
    expect(r.totalPayable).toBe('1573100.00');
    for (const m of r.measures) expect(m.reasons.map((x) => x.code)).not.toContain('commitment-required');
  });

  it('the reason states the edition’s period (a derived edition with 10 years says 10)', () => {
    const edition = deriveEdition(mentougou2022Draft, { g5: { retentionYears: 10 } }, { id: 'ten-years' });
    const r = assess({ asOf: '2024-12-31', enterprise: { id: 'E-G5', ...without } }, { edition });
    expect(measure(r, 'M1').reasons.find((x) => x.code === 'commitment-required')?.en).toContain('for 10 years');
  });

  it('commitmentRequirement on its own: null when signed, a G5 reason when not', () => {
    expect(commitmentRequirement(parseCalendarDate('2022-07-01') as number, 8)).toBeNull();
    expect(commitmentRequirement(undefined, 8)).toMatchObject({ code: 'commitment-required', clause: 'G5' });
  });
});

describe('R13 clawback', () => {
  describe('the last day of the 8-year period', () => {
    // paid 2022-06-30: the start day is not counted; the period ends on 2030-06-30 (Civil Code 201–202)
    const paid: DisbursementInput[] = [{ measure: 'M1', amount: '300000', paidOn: '2022-06-30' }];

    it('tax registration out on 2030-06-30, the last day: breached, the 300,000 recovered, no money payable', () => {
      const r = run('2030-07-01', { registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2030-06-30' }), disbursements: paid });
      expect(r.clawback).toEqual({
        breached: true,
        breachedOn: '2030-06-30',
        registration: 'tax',
        amount: '300000.00',
        items: [{ measure: 'M1', amount: '300000.00', paidOn: '2022-06-30', periodEnd: '2030-06-30', recovered: true }],
        freeToLeaveAfter: '2030-06-30',
        retentionYears: 8,
      });
      // M1 entitlement 500,000 − 300,000 paid would leave 200,000: the breach takes it to 0
      expect(measure(r, 'M1')).toMatchObject({ outcome: 'eligible', amount: '500000.00', payable: '0.00' });
      expect(reasonCodes(measure(r, 'M1'))).toContainEqual(['commitment-breached', 'G5']);
      expect(warningCodes(r)).toContain('clawback-due');
      expect(r.totalPayable).toBe('0.00');
    });

    it('tax registration out on 2030-07-01, the day after: not breached, M1 pays 500,000 − 300,000 = 200,000', () => {
      const r = run('2030-07-01', { registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2030-07-01' }), disbursements: paid });
      expect(r.clawback).toMatchObject({ ...NOT_BREACHED, freeToLeaveAfter: '2030-06-30' });
      expect(r.clawback.items).toEqual([{ measure: 'M1', amount: '300000.00', paidOn: '2022-06-30', periodEnd: '2030-06-30', recovered: false }]);
      expect(measure(r, 'M1').payable).toBe('200000.00');
      expect(warningCodes(r)).not.toContain('clawback-due');
    });
  });

  describe('paid on 29 February', () => {
    const paid: DisbursementInput[] = [{ measure: 'M1', amount: '500000', paidOn: '2024-02-29' }];

    it('paid 2024-02-29 → the period ends 2032-02-29 (2032 is a leap year)', () => {
      const r = run('2024-12-31', { disbursements: paid });
      expect(r.clawback.items.map((i) => i.periodEnd)).toEqual(['2032-02-29']);
      expect(r.clawback.freeToLeaveAfter).toBe('2032-02-29');
    });

    it('out on 2032-02-29 breaches; out on 2032-03-01 does not', () => {
      const on = run('2032-03-01', { registrations: fromMentougou({ kind: 'tax', region: 'outside-beijing', from: '2032-02-29' }), disbursements: paid });
      expect(on.clawback).toMatchObject({ breached: true, breachedOn: '2032-02-29', registration: 'tax', amount: '500000.00' });
      const after = run('2032-03-01', { registrations: fromMentougou({ kind: 'tax', region: 'outside-beijing', from: '2032-03-01' }), disbursements: paid });
      expect(after.clawback).toMatchObject(NOT_BREACHED);
    });

    it('with a 1-year period (derived edition) 2024-02-29 ends on 2025-02-28, the last day of February', () => {
      const edition = deriveEdition(mentougou2022Draft, { g5: { retentionYears: 1 } }, { id: 'one-year' });
      const r = run('2024-12-31', { disbursements: paid }, edition);
      expect(r.clawback.freeToLeaveAfter).toBe('2025-02-28');
    });
  });

  it('an older disbursement whose period already ended is not recovered; a newer one is', () => {
    // A: M1 200,000 paid 2022-06-30, period to 2030-06-30. B: M3 2023 36,500 paid 2025-03-31, period to 2033-03-31.
    // Tax out on 2031-01-15: inside B's period only → recover 36,500.00.
    const r = run('2031-06-30', {
      registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2031-01-15' }),
      disbursements: [
        { measure: 'M1', amount: '200000', paidOn: '2022-06-30' },
        { measure: 'M3', amount: '36500', paidOn: '2025-03-31', year: 2023 },
      ],
    });
    expect(r.clawback).toEqual({
      breached: true,
      breachedOn: '2031-01-15',
      registration: 'tax',
      amount: '36500.00',
      items: [
        { measure: 'M1', amount: '200000.00', paidOn: '2022-06-30', periodEnd: '2030-06-30', recovered: false },
        { measure: 'M3', amount: '36500.00', paidOn: '2025-03-31', periodEnd: '2033-03-31', recovered: true, year: 2023 },
      ],
      freeToLeaveAfter: '2033-03-31',
      retentionYears: 8,
    });
  });

  it('every disbursement whose period contains the breach day is recovered (golden 05: 200,000 + 300,000 + 150,000)', () => {
    const r = run('2026-06-30', {
      registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2026-03-01' }),
      disbursements: [
        { measure: 'M1', amount: '200000', paidOn: '2022-06-30' },
        { measure: 'M1', amount: '300000', paidOn: '2024-02-29' },
        { measure: 'M3', amount: '150000', paidOn: '2024-03-31', year: 2023 },
      ],
    });
    // 200,000 + 300,000 + 150,000 = 650,000
    expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2026-03-01', registration: 'tax', amount: '650000.00', freeToLeaveAfter: '2032-03-31' });
  });

  describe('which registration', () => {
    const paid: DisbursementInput[] = [{ measure: 'M1', amount: '200000', paidOn: '2022-12-20' }];

    it('both moving out on the same day → "both"', () => {
      const r = run('2026-06-30', {
        registrations: fromMentougou({ kind: 'business', region: 'outside-beijing', from: '2026-03-01' }, { kind: 'tax', region: 'outside-beijing', from: '2026-03-01' }),
        disbursements: paid,
      });
      expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2026-03-01', registration: 'both', amount: '200000.00' });
      expect(measure(r, 'M1').reasons.find((x) => x.code === 'commitment-breached')?.en).toBe(
        'the retention commitment was breached (business and tax registration out of the district on 2026-03-01); no money is payable',
      );
    });

    it('the business registration alone → "business"', () => {
      const r = run('2026-06-30', { registrations: fromMentougou({ kind: 'business', region: 'beijing-other', from: '2026-03-01' }), disbursements: paid });
      expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2026-03-01', registration: 'business' });
    });

    it('tax out first (2026-03-01), business later (2026-05-01) → the first day, "tax"', () => {
      const r = run('2026-06-30', {
        registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2026-03-01' }, { kind: 'business', region: 'beijing-other', from: '2026-05-01' }),
        disbursements: paid,
      });
      expect(r.clawback).toMatchObject({ breachedOn: '2026-03-01', registration: 'tax' });
    });
  });

  describe('a kind with no timeline', () => {
    const paid: DisbursementInput[] = [{ measure: 'M1', amount: '200000', paidOn: '2022-12-20' }];
    const businessOnly: RegistrationInput[] = [{ kind: 'business', region: 'mentougou', from: '2015-04-01' }];

    it('no tax timeline: warning registration-timeline-unknown, no breach from it', () => {
      const r = run('2026-06-30', { registrations: businessOnly, disbursements: paid });
      expect(r.clawback).toMatchObject({ ...NOT_BREACHED, freeToLeaveAfter: '2030-12-20' });
      const unknown = r.warnings.filter((w) => w.code === 'registration-timeline-unknown');
      expect(unknown).toHaveLength(1);
      expect(unknown[0]?.en).toBe('no tax registration timeline: whether the retention commitment holds cannot be told for it');
      expect(unknown[0]?.zh).toContain('税务登记');
    });

    it('no tax timeline, business moves out: the breach is the business one', () => {
      const r = run('2026-06-30', { registrations: [...businessOnly, { kind: 'business', region: 'outside-beijing', from: '2025-09-01' }], disbursements: paid });
      expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2025-09-01', registration: 'business', amount: '200000.00' });
    });

    it('no registrations at all: two warnings, no breach', () => {
      const { registrations: _none, ...rest } = RICH;
      const r = assess({ asOf: '2026-06-30', enterprise: { id: 'E-G5', ...rest, disbursements: paid } });
      expect(r.warnings.filter((w) => w.code === 'registration-timeline-unknown')).toHaveLength(2);
      expect(r.clawback.breached).toBe(false);
    });

    it('no disbursements: nothing to retain, so no such warning', () => {
      const r = run('2024-12-31', { registrations: businessOnly });
      expect(warningCodes(r)).not.toContain('registration-timeline-unknown');
    });

    it('a timeline that starts after the payment: the days before it cannot breach; its first entry out of the district does', () => {
      const r = run('2026-06-30', { registrations: [...businessOnly, { kind: 'tax', region: 'beijing-other', from: '2024-01-10' }], disbursements: paid });
      expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2024-01-10', registration: 'tax' });
    });
  });

  describe('the payment day itself counts', () => {
    it('paid on the day the tax registration leaves → breached that day', () => {
      const r = run('2024-12-31', {
        registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2024-03-01' }),
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2024-03-01' }],
      });
      expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2024-03-01', registration: 'tax', amount: '200000.00' });
    });

    it('paid while the tax registration is already out → breached on the payment day', () => {
      const r = run('2024-12-31', {
        registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2023-01-01' }),
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2024-03-01' }],
      });
      expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2024-03-01' });
    });

    it('out and back before the payment → no breach', () => {
      const r = run('2024-12-31', {
        registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2023-01-01' }, { kind: 'tax', region: 'mentougou', from: '2023-06-01' }),
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2024-03-01' }],
      });
      expect(r.clawback).toMatchObject(NOT_BREACHED);
      expect(measure(r, 'M1').payable).toBe('300000.00');
    });

    it('out and back inside the period → breached on the day it left', () => {
      const r = run('2025-12-31', {
        registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2025-01-01' }, { kind: 'tax', region: 'mentougou', from: '2025-02-01' }),
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2024-03-01' }],
      });
      expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2025-01-01', registration: 'tax' });
      expect(r.totalPayable).toBe('0.00');
    });
  });

  describe('once breached, no money is payable', () => {
    const r = () => run('2026-06-30', {
      registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2026-03-01' }),
      disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-12-20' }],
      contributions: [
        { year: 2023, amount: '900000' },
        { year: 2024, amount: '900000' },
        { year: 2025, amount: '900000' },
      ],
    });

    it('every money measure pays 0 with reason commitment-breached; amounts kept', () => {
      for (const m of r().measures.filter((x) => x.kind === 'money')) {
        expect(m.payable, m.measure).toBe('0.00');
        expect(reasonCodes(m), m.measure).toContainEqual(['commitment-breached', 'G5']);
      }
      expect(measure(r(), 'M1').amount).toBe('500000.00');
      expect(measure(r(), 'M7').amount).toBe('1000000.00');
      expect(r().totalPayable).toBe('0.00');
    });

    it('warns that 200,000.00 may be recovered', () => {
      expect(r().warnings.find((w) => w.code === 'clawback-due')?.en).toBe('the retention commitment is breached; the district may recover 200,000.00 yuan');
    });

    it('service measures are untouched', () => {
      expect(measure(r(), 'M11')).toMatchObject({ outcome: 'eligible', amount: null, payable: null });
      for (const m of r().measures.filter((x) => x.kind === 'service')) expect(m.reasons.map((x) => x.code)).not.toContain('commitment-breached');
    });
  });

  it('a disbursement implies the commitment: the check runs without retentionCommitmentSignedOn', () => {
    const { retentionCommitmentSignedOn: _none, ...rest } = RICH;
    const r = assess({
      asOf: '2026-06-30',
      enterprise: {
        id: 'E-G5',
        ...rest,
        registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2026-03-01' }),
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-12-20' }],
      },
    });
    expect(r.clawback).toMatchObject({ breached: true, breachedOn: '2026-03-01', amount: '200000.00' });
    expect(reasonCodes(measure(r, 'M1'))).toEqual(expect.arrayContaining([['commitment-required', 'G5'], ['commitment-breached', 'G5']]));
  });

  describe('freeToLeaveAfter', () => {
    it('is the latest period end, whatever the order of the disbursements', () => {
      const r = run('2024-12-31', {
        disbursements: [
          { measure: 'M3', amount: '36500', paidOn: '2024-03-31', year: 2023 },
          { measure: 'M1', amount: '200000', paidOn: '2022-12-20' },
        ],
      });
      // 2024-03-31 + 8 years = 2032-03-31 > 2022-12-20 + 8 years = 2030-12-20
      expect(r.clawback.freeToLeaveAfter).toBe('2032-03-31');
      // the items are listed in payment order, whatever the order of the request
      expect(r.clawback.items.map((i) => [i.paidOn, i.periodEnd])).toEqual([
        ['2022-12-20', '2030-12-20'],
        ['2024-03-31', '2032-03-31'],
      ]);
    });

    it('lists same-day payments by measure, then year, then amount', () => {
      const r = run('2024-12-31', {
        disbursements: [
          { measure: 'M7', amount: '1000', paidOn: '2024-06-30' },
          { measure: 'M3', amount: '2000', paidOn: '2024-06-30', year: 2024 },
          { measure: 'M3', amount: '3000', paidOn: '2024-06-30', year: 2023 },
          { measure: 'M1', amount: '500', paidOn: '2024-06-30' },
          { measure: 'M1', amount: '400', paidOn: '2024-06-30' },
        ],
      });
      expect(r.clawback.items.map((i) => [i.measure, i.year ?? null, i.amount])).toEqual([
        ['M1', null, '400.00'],
        ['M1', null, '500.00'],
        ['M3', 2023, '3000.00'],
        ['M3', 2024, '2000.00'],
        ['M7', null, '1000.00'],
      ]);
    });

    it('is null with no disbursements, and the clawback is empty', () => {
      const r = run('2024-12-31');
      expect(r.clawback).toEqual({ breached: false, breachedOn: null, registration: null, amount: '0.00', items: [], freeToLeaveAfter: null, retentionYears: 8 });
    });

    it('moving out after the latest period end breaches nothing', () => {
      const r = run('2031-01-01', {
        registrations: fromMentougou({ kind: 'business', region: 'outside-beijing', from: '2030-12-21' }, { kind: 'tax', region: 'outside-beijing', from: '2030-12-21' }),
        disbursements: [{ measure: 'M1', amount: '200000', paidOn: '2022-12-20' }],
      });
      expect(r.clawback).toMatchObject({ ...NOT_BREACHED, freeToLeaveAfter: '2030-12-20' });
    });
  });

  describe('clawbackOf and breachExclusion on their own', () => {
    const facts = () => enterpriseFacts('2026-06-30', {
      ...RICH,
      registrations: fromMentougou({ kind: 'tax', region: 'beijing-other', from: '2026-03-01' }),
      disbursements: [{ measure: 'M7', amount: '1000000', paidOn: '2024-12-01' }],
    });

    it('gives the breach day as a day number and the clawback as the result shows it', () => {
      const decision = clawbackOf(facts().enterprise.disbursements ?? [], facts().enterprise.registrations, 8);
      expect(decision.breachedOn).toBe(parseCalendarDate('2026-03-01'));
      expect(decision.clawback).toMatchObject({ breached: true, registration: 'tax', amount: '1000000.00', freeToLeaveAfter: '2032-12-01' });
      expect(breachExclusion(decision)).toMatchObject({ code: 'commitment-breached', clause: 'G5' });
    });

    it('no breach: breachExclusion is null', () => {
      const decision = clawbackOf([], facts().enterprise.registrations, 8);
      expect(decision.breachedOn).toBeNull();
      expect(decision.warnings).toEqual([]);
      expect(breachExclusion(decision)).toBeNull();
    });
  });
});

/** checkClawback (the public R13 check on a ledger and a registration timeline alone) at the boundaries of the breach day. */
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
