/**
 * The combinator: `assess` and `safeAssess` (typed: `PolicyRequestInput`) and `assessUnknown` and
 * `safeAssessUnknown` (any value) (docs/contract.md § The result). Validation first and nothing half-computed;
 * the edition option; the measures each subject gets, in order; every result valid against
 * `resultSchema`; the window-assumed warning; and ruling R14 (lines rounded to the fen, ROUND_HALF_UP;
 * totals are sums of rounded lines).
 */
import { describe, expect, it } from 'vitest';
import { assess, assessUnknown, safeAssess, safeAssessUnknown } from '../src/assess.js';
import { PolicyInputError } from '../src/errors.js';
import type { PolicyRequestInput } from '../src/model/request.js';
import { type AssessmentResult, type MeasureResultOutput, resultSchema } from '../src/model/result.js';
import { deriveEdition, EditionError } from '../src/policy/derive.js';
import type { PolicyEdition } from '../src/policy/edition.js';
import { mentougou2022Draft } from '../src/policy/mentougou-2022-draft.js';
import { registeredIn } from './helpers/facts.js';
import { goldenRequest, goldenVectors } from './helpers/golden.js';

const ENTERPRISE_ORDER = ['M1', 'M2', 'M3', 'M4', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11', 'M12'];
const INSTITUTION_ORDER = ['M5', 'M13'];
const MONEY_MEASURES = new Set(['M1', 'M2', 'M3', 'M5', 'M7']);

const measure = (r: AssessmentResult, id: string): MeasureResultOutput => {
  const m = r.measures.find((x) => x.measure === id);
  if (!m) throw new Error(`${id} absent`);
  return m;
};

const valid = goldenVectors().filter((v) => v.expect.ok !== false);

/** More results than the goldens: G1 failures, undetermined subjects, a breach, an institution with nothing. */
const MORE: { name: string; request: unknown }[] = [
  { name: 'bare enterprise', request: { asOf: '2024-12-31', enterprise: { id: 'E-BARE' } } },
  { name: 'bare institution', request: { asOf: '2024-12-31', institution: { id: 'I-BARE' } } },
  {
    name: 'enterprise out of the district',
    request: { asOf: '2024-12-31', enterprise: { id: 'E-OUT', independentLegalPerson: true, registrations: registeredIn('beijing-other', '2015-01-01') } },
  },
  {
    name: 'integrity finding',
    request: {
      asOf: '2024-12-31',
      enterprise: {
        id: 'E-INT',
        independentLegalPerson: true,
        registrations: registeredIn('mentougou', '2015-01-01'),
        designations: [{ level: 'national-little-giant', obtainedOn: '2023-01-01' }],
        integrityFindings: [{ kind: 'illegal', on: '2024-01-01' }],
      },
    },
  },
];

describe('assess and safeAssess', () => {
  describe('invalid input: every issue, nothing half-computed', () => {
    const bad = goldenRequest('08-bad-input');

    it('safeAssess returns { ok: false, issues } and nothing else (golden 08: three faults, each with its path)', () => {
      const result = safeAssessUnknown(bad);
      expect(result.ok).toBe(false);
      expect(Object.keys(result).sort()).toEqual(['issues', 'ok']);
      if (result.ok) return;
      expect(result.issues.map((i) => i.path.join('.'))).toEqual(
        expect.arrayContaining(['enterprise.creditCode', 'enterprise.designations.0.obtainedOn', 'enterprise.leases.0.areaSqm']),
      );
      for (const issue of result.issues) {
        expect(typeof issue.code).toBe('string');
        expect(issue.zh.length).toBeGreaterThan(0);
        expect(issue.en.length).toBeGreaterThan(0);
      }
      expect(result.issues.find((i) => i.path.join('.') === 'enterprise.creditCode')?.code).toBe('credit-code-check');
      expect(result.issues.find((i) => i.path.join('.') === 'enterprise.designations.0.obtainedOn')?.code).toBe('invalid-date');
      expect(result.issues.find((i) => i.path.join('.') === 'enterprise.leases.0.areaSqm')?.code).toBe('negative-money');
    });

    it('assess throws PolicyInputError carrying the same issues', () => {
      const expected = safeAssessUnknown(bad);
      if (expected.ok) throw new Error('golden 08 should be invalid');
      let thrown: unknown;
      try {
        assessUnknown(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PolicyInputError);
      expect(thrown).toBeInstanceOf(Error);
      const error = thrown as PolicyInputError;
      expect(error.name).toBe('PolicyInputError');
      expect(error.issues).toEqual(expected.issues);
      expect(error.message).toMatch(/^invalid request \(\d+ issues?\): /);
      expect(error.message).toContain('enterprise.creditCode');
    });

    it.each([
      ['null', null],
      ['a string', 'E01'],
      ['an array', []],
      ['no subject', { asOf: '2024-12-31' }],
      ['two subjects', { asOf: '2024-12-31', enterprise: { id: 'E' }, institution: { id: 'I' } }],
      ['no asOf', { enterprise: { id: 'E' } }],
      ['an unknown key', { asOf: '2024-12-31', enterprise: { id: 'E', employees: 12 } }],
      ['an event after asOf', { asOf: '2024-12-31', enterprise: { id: 'E', retentionCommitmentSignedOn: '2025-01-01' } }],
    ])('%s: safeAssess fails with issues, assess throws PolicyInputError', (_label, request) => {
      const result = safeAssessUnknown(request);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      expect(() => assessUnknown(request)).toThrow(PolicyInputError);
    });

    it('an unknown key is named by its path', () => {
      const result = safeAssessUnknown({ asOf: '2024-12-31', enterprise: { id: 'E', employees: 12 } });
      expect(result.ok ? [] : result.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['enterprise.employees', 'unknown-key']]);
    });
  });

  describe('valid input', () => {
    it('does not change the request (a deeply frozen request is assessed as any other)', () => {
      const request = goldenRequest('07-listing-and-park-subsidy');
      const copy = structuredClone(request);
      const freeze = (o: unknown): void => {
        if (o && typeof o === 'object') {
          Object.freeze(o);
          Object.values(o).forEach(freeze);
        }
      };
      freeze(request);
      expect(assessUnknown(request).totalPayable).toBe('3219600.00');
      expect(request).toEqual(copy);
    });

    it('safeAssess returns { ok: true, value } equal to what assess returns', () => {
      const request = goldenRequest('01-climber');
      const result = safeAssessUnknown(request);
      expect(result).toEqual({ ok: true, value: assessUnknown(request) });
    });

    it('echoes the subject, asOf and the edition', () => {
      const r = assessUnknown(goldenRequest('01-climber'));
      expect(r.subject).toEqual({ kind: 'enterprise', id: 'E01' });
      expect(r.asOf).toBe('2024-12-31');
      expect(r.edition).toEqual({ id: 'mentougou-2022-draft', assumptions: mentougou2022Draft.assumptions });
      const i = assessUnknown(goldenRequest('06-institution'));
      expect(i.subject).toEqual({ kind: 'institution', id: 'I01' });
    });

    it('is deterministic: the same request gives the same result', () => {
      const request = goldenRequest('05-clawback-tax-move');
      expect(assessUnknown(request)).toEqual(assessUnknown(structuredClone(request)));
    });
  });

  describe('the measures of each subject, in the order of the text', () => {
    it.each(valid.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
      const r = assessUnknown(vector.request);
      const order = r.subject.kind === 'enterprise' ? ENTERPRISE_ORDER : INSTITUTION_ORDER;
      expect(r.measures.map((m) => m.measure)).toEqual(order);
      for (const m of r.measures) {
        expect(m.kind, m.measure).toBe(MONEY_MEASURES.has(m.measure) ? 'money' : 'service');
        if (m.kind === 'service') expect([m.amount, m.payable]).toEqual([null, null]);
        else expect([typeof m.amount, typeof m.payable]).toEqual(['string', 'string']);
      }
    });

    it('enterprises: M1–M4, M6–M12; institutions: M5, M13 (also with nothing known)', () => {
      expect(assess({ asOf: '2024-12-31', enterprise: { id: 'E' } }).measures.map((m) => m.measure)).toEqual(ENTERPRISE_ORDER);
      expect(assess({ asOf: '2024-12-31', institution: { id: 'I' } }).measures.map((m) => m.measure)).toEqual(INSTITUTION_ORDER);
    });

    it('totalPayable is the sum of the money measures’ payable (golden 07: 0 + 219,600 + 3,000,000)', () => {
      const r = assessUnknown(goldenRequest('07-listing-and-park-subsidy'));
      expect(r.measures.filter((m) => m.kind === 'money').map((m) => [m.measure, m.payable])).toEqual([
        ['M1', '0.00'],
        ['M2', '0.00'],
        ['M3', '219600.00'],
        ['M7', '3000000.00'],
      ]);
      expect(r.totalPayable).toBe('3219600.00');
    });
  });

  describe('every result validates against resultSchema', () => {
    it.each([...valid.map((v) => [v.name, v.request] as const), ...MORE.map((m) => [m.name, m.request] as const)])('%s', (_name, request) => {
      const r = assessUnknown(request);
      const parsed = resultSchema.safeParse(r);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      // and the result is plain JSON: it survives a round trip unchanged
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    });
  });

  describe('options.edition', () => {
    it('a derived edition changes the amounts: national tier 1,000,000 makes golden 01’s M1 1,000,000, payable 800,000', () => {
      const reform = deriveEdition(mentougou2022Draft, { m1: { tiers: { 'national-little-giant': 1000000 } } }, { id: 'reform-a' });
      const r = assessUnknown(goldenRequest('01-climber'), { edition: reform });
      // steps 200,000 / 300,000 / 1,000,000 − 500,000 = 500,000; 1,000,000 − 200,000 paid = 800,000
      expect(measure(r, 'M1')).toMatchObject({ amount: '1000000.00', payable: '800000.00' });
      expect(measure(r, 'M1').lines.map((l) => l.amount)).toEqual(['200000.00', '300000.00', '500000.00']);
      expect(r.totalPayable).toBe('800000.00');
      expect(r.edition.id).toBe('reform-a');
      // the built-in edition is not changed by deriving
      expect(assessUnknown(goldenRequest('01-climber')).totalPayable).toBe('600000.00');
    });

    it('a derived edition with the previous year’s contribution (offset −1) changes golden 02’s M3', () => {
      // years 2023/2024/2025 read contributions of 2022 (absent → undetermined), 2023 (900,000 ✓), 2024 (790,000 ✗):
      // only 2024 is eligible: 1000 m² × 366 days × 1 = 366,000 → capped at 300,000
      const edition = deriveEdition(mentougou2022Draft, { m3: { contributionYearOffset: -1 } }, { id: 'previous-year' });
      const m3 = measure(assessUnknown(goldenRequest('02-newcomer-with-rent'), { edition }), 'M3');
      expect(m3.lines.map((l) => [l.id, l.outcome])).toEqual([
        ['2023', 'undetermined'],
        ['2024', 'eligible'],
        ['2025', 'ineligible'],
      ]);
      expect(m3).toMatchObject({ outcome: 'eligible', amount: '300000.00', payable: '300000.00' });
    });

    it('a hand-made copy of the built-in edition gives the same result', () => {
      const copy = structuredClone(mentougou2022Draft);
      expect(assessUnknown(goldenRequest('07-listing-and-park-subsidy'), { edition: copy })).toEqual(assessUnknown(goldenRequest('07-listing-and-park-subsidy')));
    });

    it('a hand-made edition is checked on every call: support for 0 years throws EditionError the second time too', () => {
      const broken = structuredClone(mentougou2022Draft);
      broken.m3.years.value = 0;
      expect(() => safeAssessUnknown(goldenRequest('01-climber'), { edition: broken })).toThrow(EditionError);
      expect(() => safeAssessUnknown(goldenRequest('01-climber'), { edition: broken })).toThrow(EditionError);
    });

    it('a hand-made invalid edition throws EditionError, from assess and from safeAssess alike', () => {
      const negative = structuredClone(mentougou2022Draft) as PolicyEdition;
      negative.m1.tiers['national-little-giant'].value = '-800000';
      const noId = { ...structuredClone(mentougou2022Draft), id: '' };
      const extra = { ...structuredClone(mentougou2022Draft), bonus: 1 } as unknown as PolicyEdition;
      for (const edition of [negative, noId, extra]) {
        expect(() => assessUnknown(goldenRequest('01-climber'), { edition })).toThrow(EditionError);
        expect(() => safeAssessUnknown(goldenRequest('01-climber'), { edition })).toThrow(EditionError);
      }
      try {
        assessUnknown(goldenRequest('01-climber'), { edition: negative });
      } catch (error) {
        expect((error as EditionError).issues.map((i) => i.path.join('.'))).toEqual(['m1.tiers.national-little-giant.value']);
      }
    });
  });

  describe('the window-assumed warning', () => {
    it.each([...valid.map((v) => [v.name, v.request] as const), ...MORE.map((m) => [m.name, m.request] as const)])('is on every result of the built-in edition: %s', (_name, request) => {
      const r = assessUnknown(request);
      const warnings = r.warnings.filter((w) => w.code === 'window-assumed');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.en).toBe('the draft leaves the period of validity blank; this edition assumes 2022-01-01 to 2025-12-31');
    });

    it('comes first, and the result carries the built-in edition’s three assumptions (G6/R1 window, m3.lastYear, m3.contributionYearOffset)', () => {
      const r = assessUnknown(goldenRequest('01-climber'));
      expect(r.warnings[0]).toMatchObject({ code: 'window-assumed' });
      expect(r.edition.id).toBe('mentougou-2022-draft');
      expect(r.edition.assumptions.map((a) => a.split(' (')[0])).toEqual(['window.effectiveFrom, window.effectiveTo', 'm3.lastYear', 'm3.contributionYearOffset']);
    });

    it('is absent with a derived edition whose window dates are set', () => {
      const edition = deriveEdition(mentougou2022Draft, { window: { effectiveFrom: '2022-03-01', effectiveTo: '2025-12-31' } }, { id: 'window-set', assumptions: [] });
      for (const v of valid) expect(assessUnknown(v.request, { edition }).warnings.map((w) => w.code), v.name).not.toContain('window-assumed');
      expect(assessUnknown(goldenRequest('01-climber'), { edition }).edition).toEqual({ id: 'window-set', assumptions: [] });
      // the warning follows the window's own `assumed` flags, whatever the edition's list of assumptions says
      const keptAssumptions = deriveEdition(mentougou2022Draft, { window: { effectiveFrom: '2022-01-01', effectiveTo: '2025-12-31' } }, { id: 'window-set-2' });
      expect(assessUnknown(goldenRequest('01-climber'), { edition: keptAssumptions }).warnings.map((w) => w.code)).not.toContain('window-assumed');
    });

    it('stays while either end is still assumed, and says which dates it assumes', () => {
      const toOnly = deriveEdition(mentougou2022Draft, { window: { effectiveTo: '2026-06-30' } }, { id: 'to-only' });
      const r = assessUnknown(goldenRequest('01-climber'), { edition: toOnly });
      expect(r.warnings.find((w) => w.code === 'window-assumed')?.en).toBe('the draft leaves the period of validity blank; this edition assumes 2022-01-01 to 2026-06-30');
      const fromOnly = deriveEdition(mentougou2022Draft, { window: { effectiveFrom: '2022-09-01' } }, { id: 'start-known' });
      expect(assessUnknown(goldenRequest('01-climber'), { edition: fromOnly }).warnings[0]?.en).toBe('the draft leaves the period of validity blank; this edition assumes 2022-09-01 to 2025-12-31');
      const untouched = deriveEdition(mentougou2022Draft, { m3: { years: 2 } }, { id: 'two-years' });
      expect(assessUnknown(goldenRequest('01-climber'), { edition: untouched }).warnings.map((w) => w.code)).toContain('window-assumed');
    });
  });
});

describe('typed requests: assess and safeAssess take PolicyRequestInput, the Unknown variants any value', () => {
  /** An SME designated on 2023-05-01, registered in the district since 2015, committed: M1 200,000 (20万元). */
  const request: PolicyRequestInput = {
    asOf: '2024-12-31',
    enterprise: {
      id: 'E-TYPED',
      independentLegalPerson: true,
      registrations: registeredIn('mentougou', '2015-01-01'),
      designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }],
      retentionCommitmentSignedOn: '2023-06-01',
    },
  };

  it('a typed request gives the same result through assess, assessUnknown, safeAssess and safeAssessUnknown', () => {
    const typed = assess(request);
    expect(typed.measures.find((m) => m.measure === 'M1')?.payable).toBe('200000.00');
    expect(assessUnknown(request)).toEqual(typed);
    expect(safeAssess(request)).toEqual({ ok: true, value: typed });
    expect(safeAssessUnknown(request)).toEqual({ ok: true, value: typed });
  });

  it('a misspelt field does not compile (tsc fails on this file if it does), and is still refused at run time', () => {
    // @ts-expect-error `asof` is not a field of the request (it is `asOf`)
    const misspelt = safeAssess({ asof: '2024-12-31', enterprise: { id: 'E' } });
    expect(misspelt.ok).toBe(false);
    if (!misspelt.ok) expect(misspelt.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['asOf', 'required'],
      ['asof', 'unknown-key'],
    ]);
    // @ts-expect-error a level the policy does not know
    expect(() => assess({ asOf: '2024-12-31', enterprise: { id: 'E', designations: [{ level: 'district-sme', obtainedOn: '2023-01-01' }] } })).toThrow(PolicyInputError);
  });

  it('assessUnknown and safeAssessUnknown take what has no type yet (parsed JSON)', () => {
    const parsed: unknown = JSON.parse(JSON.stringify(request));
    expect(assessUnknown(parsed).totalPayable).toBe('200000.00');
    expect(safeAssessUnknown(parsed).ok).toBe(true);
    expect(safeAssessUnknown('not a request')).toMatchObject({ ok: false });
  });
});

describe('R14 rounding', () => {
  /**
   * A municipal little giant since 2022-06-15 (M1 500,000; M3 years 2023–2025), asOf 2025-12-31,
   * contributions 900,000 each year, one self-use lease of 100.005 m² at 1.5 yuan/day (rate used:
   * min(1, 1.5) = 1) for all of 2023–2025:
   *   2023: 100.005 × 365 × 1 = 36,501.825 → 36,501.83 (half up; half-even would give .82)
   *   2024: 100.005 × 366 × 1 = 36,601.830 → 36,601.83
   *   2025: 100.005 × 365 × 1 = 36,501.825 → 36,501.83
   * Sum of the rounded lines: 36,501.83 + 36,601.83 + 36,501.83 = 109,605.49.
   * Rounding the sum instead: 109,605.480 → 109,605.48 — one fen less. R14 takes 109,605.49.
   */
  const request = {
    asOf: '2025-12-31',
    enterprise: {
      id: 'E-R14',
      independentLegalPerson: true,
      registrations: registeredIn('mentougou', '2015-04-01'),
      designations: [{ level: 'municipal-little-giant', obtainedOn: '2022-06-15' }],
      contributions: [
        { year: 2023, amount: '900000' },
        { year: 2024, amount: '900000' },
        { year: 2025, amount: '900000' },
      ],
      leases: [{ id: 'L1', areaSqm: '100.005', start: '2023-01-01', end: '2025-12-31', dailyRentPerSqm: '1.5', selfUse: true, inDistrict: true }],
      retentionCommitmentSignedOn: '2022-07-01',
    },
  };

  it('rounds each year to the fen, ROUND_HALF_UP (36,501.825 → 36,501.83)', () => {
    const m3 = measure(assessUnknown(request), 'M3');
    expect(m3.lines.map((l) => [l.id, l.details.uncapped, l.amount, l.payable])).toEqual([
      ['2023', '36501.825', '36501.83', '36501.83'],
      ['2024', '36601.83', '36601.83', '36601.83'],
      ['2025', '36501.825', '36501.83', '36501.83'],
    ]);
  });

  it('the measure’s amount and payable are sums of the rounded lines: 109,605.49, not 109,605.48', () => {
    const m3 = measure(assessUnknown(request), 'M3');
    expect(m3.amount).toBe('109605.49');
    expect(m3.payable).toBe('109605.49');
  });

  it('totalPayable sums the rounded measures: 500,000.00 + 109,605.49 = 609,605.49', () => {
    expect(assessUnknown(request).totalPayable).toBe('609605.49');
  });

  it('the ledger works on rounded lines: 36,501.83 paid for 2023 leaves 0 there', () => {
    const paid = structuredClone(request) as typeof request & { enterprise: { disbursements?: unknown[] } };
    paid.enterprise.disbursements = [{ measure: 'M3', amount: '36501.83', paidOn: '2024-03-31', year: 2023 }];
    const m3 = measure(assessUnknown(paid), 'M3');
    expect(m3.lines.map((l) => l.payable)).toEqual(['0.00', '36601.83', '36501.83']);
    // 36,601.83 + 36,501.83 = 73,103.66
    expect(m3.payable).toBe('73103.66');
  });

  it('rounds to the nearest fen either way: 100.0002 m² × 365 = 36,500.073 → 36,500.07; 100.0001 × 365 = 36,500.0365 → 36,500.04', () => {
    const lease = (areaSqm: string) => {
      const r = structuredClone(request);
      r.enterprise.leases = [{ ...r.enterprise.leases[0]!, areaSqm }];
      return measure(assessUnknown(r), 'M3').lines[0]?.amount;
    };
    expect(lease('100.0002')).toBe('36500.07');
    expect(lease('100.0001')).toBe('36500.04');
  });
});
