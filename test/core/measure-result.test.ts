import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { known, type Status, unknown } from '../../src/core/decision.js';
import { type MeasureDraft, type MeasureInfo, type MeasureLineDraft, settleMeasure, withMeasureConditions } from '../../src/core/measure-result.js';
import { Money } from '../../src/core/money.js';
import { type Condition, checkCondition } from '../../src/core/trace.js';

const MONEY_INFO: MeasureInfo = {
  measure: 'M3',
  clause: '二、3',
  title: { zh: '房租补贴', en: 'rent subsidy' },
  kind: 'money',
  responsibleUnits: ['区科信局'],
};
const SERVICE_INFO: MeasureInfo = { measure: 'M11', clause: '七、11', title: { zh: '服务包', en: 'service package' }, kind: 'service', responsibleUnits: ['区发改委'] };

/** A condition with a status; an unknown one names `path`. */
function cond(id: string, status: Status, path = `enterprise.${id}`): Condition {
  return checkCondition({ id, clause: 'M3', zh: id, en: id }, status === 'unknown' ? unknown([path]) : known(status === 'met'));
}

function line(id: string, amount: string | null, ...conditions: Condition[]): MeasureLineDraft {
  return { id, label: { zh: id, en: id }, conditions, amount: amount === null ? null : new Money(amount), details: {} };
}

function draft(conditions: Condition[], lines: MeasureLineDraft[], info: MeasureInfo = MONEY_INFO): MeasureDraft {
  return { ...info, conditions, lines };
}

const amountOf = (d: MeasureDraft): string | null => settleMeasure(d).amount?.toFixed(2) ?? null;

describe('settleMeasure: outcome of a measure without lines (docs/contract.md § A measure)', () => {
  it('eligible when every condition is met', () => {
    expect(settleMeasure(draft([cond('a', 'met'), cond('b', 'met')], [])).outcome).toBe('eligible');
  });

  it('ineligible when any condition is unmet, even with unknown ones (unmet dominates)', () => {
    const r = settleMeasure(draft([cond('a', 'unknown'), cond('b', 'unmet'), cond('c', 'met')], []));
    expect(r.outcome).toBe('ineligible');
    expect(r.missing).toEqual([]);
  });

  it('undetermined when none is unmet and some are unknown, naming what would decide it', () => {
    const r = settleMeasure(draft([cond('a', 'met'), cond('b', 'unknown'), cond('c', 'unknown')], []));
    expect(r.outcome).toBe('undetermined');
    expect(r.missing).toEqual(['enterprise.b', 'enterprise.c']);
  });

  it('a money measure without lines has amount 0; a service measure has amount null', () => {
    expect(amountOf(draft([cond('a', 'met')], []))).toBe('0.00');
    const service = settleMeasure(draft([cond('a', 'met')], [], SERVICE_INFO));
    expect(service.amount).toBeNull();
    expect(service.outcome).toBe('eligible');
  });

  it('keeps the measure’s static facts and reasons', () => {
    const reason = { code: 'already-paid', clause: 'M3' as const, zh: '甲', en: 'a' };
    const r = settleMeasure({ ...draft([cond('a', 'met')], []), reasons: [reason] });
    expect(r).toMatchObject({ measure: 'M3', clause: '二、3', kind: 'money', responsibleUnits: ['区科信局'], reasons: [reason] });
    expect(settleMeasure(draft([], [])).reasons).toEqual([]);
  });
});

describe('settleMeasure: measures of several lines (docs/contract.md § A measure)', () => {
  it('each line takes the measure’s conditions and its own', () => {
    const r = settleMeasure(
      draft(
        [cond('g1', 'met')],
        [line('2023', '1000', cond('y2023', 'met')), line('2024', '2000', cond('y2024', 'unmet')), line('2025', '3000', cond('y2025', 'unknown'))],
      ),
    );
    expect(r.lines.map((l) => l.outcome)).toEqual(['eligible', 'ineligible', 'undetermined']);
    expect(r.outcome).toBe('eligible');
  });

  it('eligible when any line is; the amount sums the eligible lines only (an undetermined line adds nothing)', () => {
    // 1000.00 (eligible) + 3000.00 (eligible); 2000.00 undetermined and 500.00 ineligible add nothing: 4000.00.
    const r = settleMeasure(
      draft(
        [],
        [line('a', '1000', cond('a', 'met')), line('b', '2000', cond('b', 'unknown')), line('c', '3000'), line('d', '500', cond('d', 'unmet'))],
      ),
    );
    expect(r.outcome).toBe('eligible');
    expect(r.amount?.toFixed(2)).toBe('4000.00');
    // The undetermined line still shows what it would bring.
    expect(r.lines[1]?.amount?.toFixed(2)).toBe('2000.00');
  });

  it('undetermined when no line is eligible and some line is undetermined; amount 0', () => {
    const r = settleMeasure(draft([], [line('a', '1000', cond('a', 'unmet')), line('b', '2000', cond('b', 'unknown'))]));
    expect(r.outcome).toBe('undetermined');
    expect(r.amount?.toFixed(2)).toBe('0.00');
    expect(r.missing).toEqual(['enterprise.b']);
  });

  it('ineligible when every line is; missing is then empty even if a line had an unknown condition', () => {
    const r = settleMeasure(draft([], [line('a', '1000', cond('a', 'unmet'), cond('x', 'unknown')), line('b', '2000', cond('b', 'unmet'))]));
    expect(r.outcome).toBe('ineligible');
    expect(r.missing).toEqual([]);
    expect(r.amount?.toFixed(2)).toBe('0.00');
  });

  it('an unmet measure condition makes the measure and every line ineligible (unmet dominates), with no missing', () => {
    const r = settleMeasure(draft([cond('g1', 'unmet'), cond('m', 'unknown')], [line('a', '1000', cond('a', 'met')), line('b', '2000', cond('b', 'unknown'))]));
    expect(r.outcome).toBe('ineligible');
    expect(r.lines.map((l) => l.outcome)).toEqual(['ineligible', 'ineligible']);
    expect(r.missing).toEqual([]);
    expect(r.amount?.toFixed(2)).toBe('0.00');
  });

  it('an unknown measure condition makes every otherwise eligible line undetermined', () => {
    const r = settleMeasure(draft([cond('g1', 'unknown')], [line('a', '1000', cond('a', 'met')), line('b', '2000', cond('b', 'unmet'))]));
    expect(r.lines.map((l) => l.outcome)).toEqual(['undetermined', 'ineligible']);
    expect(r.outcome).toBe('undetermined');
    expect(r.amount?.toFixed(2)).toBe('0.00');
  });

  it('missing: the measure’s unknowns and those of the lines not already ineligible, each once', () => {
    const r = settleMeasure(
      draft(
        [cond('g1', 'unknown', 'enterprise.independentLegalPerson')],
        [
          line('a', '1', cond('c2023', 'unknown', 'enterprise.contributions')),
          line('b', '1', cond('c2024', 'unknown', 'enterprise.contributions')),
          line('c', '1', cond('x', 'unknown', 'enterprise.leases'), cond('y', 'unmet')),
        ],
      ),
    );
    expect(r.outcome).toBe('undetermined');
    expect(r.missing).toEqual(['enterprise.independentLegalPerson', 'enterprise.contributions']);
  });

  it('an eligible measure still names what would decide its undetermined lines', () => {
    const r = settleMeasure(draft([], [line('a', '1', cond('a', 'met')), line('b', '1', cond('b', 'unknown', 'enterprise.contributions'))]));
    expect(r.outcome).toBe('eligible');
    expect(r.missing).toEqual(['enterprise.contributions']);
  });
});

describe('R14 settleMeasure rounds each line to the fen; the amount is the sum of rounded lines', () => {
  it('two lines of 0.005 are 0.01 each and 0.02 together (not 0.01)', () => {
    const r = settleMeasure(draft([], [line('a', '0.005'), line('b', '0.005')]));
    expect(r.lines.map((l) => l.amount?.toFixed())).toEqual(['0.01', '0.01']);
    expect(r.amount?.toFixed(2)).toBe('0.02');
  });

  it('a line of 123.45 m² × 366 days × 0.8 yuan is 36146.16', () => {
    // 123.45 × 366 = 45182.70; 45182.70 × 0.8 = 36146.16.
    const r = settleMeasure(draft([], [line('2024', new Money('123.45').times(366).times('0.8').toFixed())]));
    expect(r.amount?.toFixed(2)).toBe('36146.16');
  });

  it('a line of 1.005 rounds up to 1.01, a line of 2.004 down to 2.00', () => {
    const r = settleMeasure(draft([], [line('a', '1.005'), line('b', '2.004')]));
    expect(r.lines.map((l) => l.amount?.toFixed(2))).toEqual(['1.01', '2.00']);
    expect(r.amount?.toFixed(2)).toBe('3.01');
  });

  it('a service line keeps amount null', () => {
    const r = settleMeasure(draft([], [line('fund', null, cond('a', 'met'))], SERVICE_INFO));
    expect(r.lines[0]?.amount).toBeNull();
    expect(r.amount).toBeNull();
  });

  it('property: the amount is the sum of the eligible lines, each rounded to the fen', () => {
    const lineArb = fc.record({
      cents: fc.integer({ min: 0, max: 10_000_000 }),
      thousandths: fc.integer({ min: 0, max: 9 }),
      status: fc.constantFrom<Status>('met', 'unmet', 'unknown'),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 6 }), (specs) => {
        const lines = specs.map((s, i) => line(`l${i}`, `${Math.floor(s.cents / 100)}.${String(s.cents % 100).padStart(2, '0')}${s.thousandths}`, cond(`c${i}`, s.status)));
        const r = settleMeasure(draft([], lines));
        // Expected by integer arithmetic in thousandths of a yuan: round half up to tens.
        let expectedCents = 0;
        specs.forEach((s) => {
          if (s.status === 'met') expectedCents += s.cents + (s.thousandths >= 5 ? 1 : 0);
        });
        expect(r.amount?.toFixed(2)).toBe(`${Math.floor(expectedCents / 100)}.${String(expectedCents % 100).padStart(2, '0')}`);
        const expectedOutcome = specs.some((s) => s.status === 'met') ? 'eligible' : specs.some((s) => s.status === 'unknown') ? 'undetermined' : 'ineligible';
        expect(r.outcome).toBe(expectedOutcome);
        if (r.outcome === 'ineligible') expect(r.missing).toEqual([]);
      }),
    );
  });
});

describe('withMeasureConditions (R9: the G1 conditions apply to every measure)', () => {
  const settled = settleMeasure(draft([cond('m', 'met')], [line('a', '200000', cond('a', 'met')), line('b', '300000', cond('b', 'met'))]));

  it('a G1 failure makes the measure and every line ineligible with amount 0', () => {
    expect(settled.amount?.toFixed(2)).toBe('500000.00');
    const r = withMeasureConditions(settled, [cond('g1.registered-in-district', 'unmet')]);
    expect(r.outcome).toBe('ineligible');
    expect(r.lines.every((l) => l.outcome === 'ineligible')).toBe(true);
    expect(r.amount?.toFixed(2)).toBe('0.00');
  });

  it('places the added conditions first', () => {
    const r = withMeasureConditions(settled, [cond('g1.independent-legal-person', 'met')]);
    expect(r.conditions.map((c) => c.id)).toEqual(['g1.independent-legal-person', 'm']);
    expect(r.outcome).toBe('eligible');
    expect(r.amount?.toFixed(2)).toBe('500000.00');
  });

  it('an unknown G1 fact makes the measure undetermined and names it', () => {
    const r = withMeasureConditions(settled, [cond('g1.legal-person', 'unknown', 'enterprise.independentLegalPerson')]);
    expect(r.outcome).toBe('undetermined');
    expect(r.missing).toEqual(['enterprise.independentLegalPerson']);
    expect(r.amount?.toFixed(2)).toBe('0.00');
  });

  it('does not change the measure it was given', () => {
    withMeasureConditions(settled, [cond('g1', 'unmet')]);
    expect(settled.outcome).toBe('eligible');
    expect(settled.conditions.map((c) => c.id)).toEqual(['m']);
  });
});
