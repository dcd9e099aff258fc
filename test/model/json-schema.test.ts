import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendarDate } from '../../src/core/calendar.js';
import { isValidCreditCode } from '../../src/core/credit-code.js';
import { parseMoney } from '../../src/core/money.js';
import { REQUEST_SCHEMA_ID, RESULT_SCHEMA_ID, requestJsonSchema, resultJsonSchema } from '../../src/model/json-schema.js';
import { parseRequest } from '../../src/model/parse.js';
import { JSON_SCHEMA_PATTERNS } from '../../src/model/primitives.js';
import type { AssessmentResult } from '../../src/model/result.js';

const goldenDir = join(import.meta.dirname, '..', 'golden');
const vectors = readdirSync(goldenDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(goldenDir, f), 'utf8')) as { request: unknown; expect: { ok?: boolean } }] as const);

/**
 * A strict draft 2020-12 validator. `format: "date"` is declared known and left as an annotation, so
 * what refuses a request here is the schema's own keywords (types, enums, patterns, minimum, required,
 * additionalProperties), not a format checker.
 */
function validator(schema: object) {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, formats: { date: true } });
  return ajv.compile(schema);
}

const validateRequest = validator(requestJsonSchema());
const validateResult = validator(resultJsonSchema());

const errorsOf = (validate: ReturnType<typeof validator>, data: unknown): string[] => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`));

describe('the request JSON Schema', () => {
  const schema = requestJsonSchema();

  it('still shows the lists that default to [] at the parse as optional (not required) arrays', () => {
    const defs = schema as { properties: Record<string, { required?: string[]; properties: Record<string, { type?: unknown }> }> };
    const lists = {
      enterprise: ['registrations', 'caseByCaseSupport', 'integrityFindings', 'disbursements', 'otherBenefits', 'designations', 'contributions', 'leases'],
      institution: ['registrations', 'caseByCaseSupport', 'integrityFindings', 'disbursements', 'otherBenefits', 'introducedEnterprises'],
    };
    for (const [subject, keys] of Object.entries(lists)) {
      const node = defs.properties[subject]!;
      expect(node.required).toEqual(['id']);
      for (const key of keys) expect(node.properties[key]!.type, `${subject}.${key}`).toBe('array');
    }
  });

  it('is draft 2020-12 with $id, title and a description that says the refinements are enforced by the parse only', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(REQUEST_SCHEMA_ID);
    expect(typeof schema.title).toBe('string');
    const description = String(schema.description);
    for (const words of ['real calendar dates', 'check character', 'cross-field', 'not after asOf', 'only by the library’s parse']) expect(description).toContain(words);
    expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
  });

  it('is a fresh object on each call', () => {
    expect(requestJsonSchema()).not.toBe(schema);
    expect(requestJsonSchema()).toEqual(schema);
  });

  for (const [file, vector] of vectors) {
    if (vector.expect.ok === false) continue;
    it(`accepts the valid golden request ${file}`, () => {
      expect(errorsOf(validateRequest, vector.request)).toEqual([]);
    });
  }

  it('refuses 08-bad-input by its negative area (the impossible date and the check character are the parse’s to refuse)', () => {
    const bad = vectors.find(([f]) => f.startsWith('08-'))?.[1].request;
    expect(validateRequest(bad)).toBe(false);
    const errors = (validateRequest.errors ?? []).map((e) => e.instancePath);
    expect(errors).toContain('/enterprise/leases/0/areaSqm');
  });

  it('states exactly one subject, strict objects, required fields and enums', () => {
    expect(errorsOf(validateRequest, { asOf: '2024-12-31' })).not.toEqual([]);
    expect(errorsOf(validateRequest, { asOf: '2024-12-31', enterprise: { id: 'E' }, institution: { id: 'I' } })).not.toEqual([]);
    expect(errorsOf(validateRequest, { asOf: '2024-12-31', institution: { id: 'I' } })).toEqual([]);
    expect(errorsOf(validateRequest, { asOf: '2024-12-31', enterprise: { id: 'E', extra: 1 } })).toContain('/enterprise additionalProperties');
    expect(errorsOf(validateRequest, { asOf: '2024-12-31', enterprise: { id: 'E', leases: [{ id: 'L' }] } })).toContain('/enterprise/leases/0 required');
    expect(errorsOf(validateRequest, { asOf: '2024-12-31', enterprise: { id: 'E', designations: [{ level: 'city', obtainedOn: '2024-01-01' }] } })).toContain(
      '/enterprise/designations/0/level enum',
    );
  });

  it('refuses negative money (string or number), exponents, and dates that are not YYYY-MM-DD', () => {
    const contribution = (amount: unknown) => ({ asOf: '2024-12-31', enterprise: { id: 'E', contributions: [{ year: 2023, amount }] } });
    expect(validateRequest(contribution('-1'))).toBe(false);
    expect(validateRequest(contribution(-1))).toBe(false);
    expect(validateRequest(contribution('1e5'))).toBe(false);
    expect(validateRequest(contribution(' 800000 '))).toBe(true);
    expect(validateRequest(contribution(800000.5))).toBe(true);
    for (const asOf of ['2023-2-1', '2023-02-01T00:00:00Z', '2023-13-01', '2023-02-32']) expect(validateRequest({ asOf, enterprise: { id: 'E' } }), asOf).toBe(false);
    // 29 February of a common year has the shape of a date: only the parse refuses it.
    expect(validateRequest({ asOf: '2023-02-29', enterprise: { id: 'E' } })).toBe(true);
    expect(parseRequest({ asOf: '2023-02-29', enterprise: { id: 'E' } }).ok).toBe(false);
  });

  it('refuses a credit code of the wrong form; a wrong check character is the parse’s to refuse', () => {
    const withCode = (creditCode: string) => ({ asOf: '2024-12-31', enterprise: { id: 'E', creditCode } });
    expect(validateRequest(withCode('91110109ma01a1b2cm'))).toBe(false);
    expect(validateRequest(withCode('914403001922038216'))).toBe(true);
    expect(validateRequest(withCode('914403001922038217'))).toBe(true);
    expect(parseRequest(withCode('914403001922038217')).ok).toBe(false);
  });

  it('property: the patterns never refuse what the parse accepts (and the money pattern refuses what it refuses)', () => {
    const date = new RegExp(JSON_SCHEMA_PATTERNS.date, 'u');
    const decimal = new RegExp(JSON_SCHEMA_PATTERNS.decimal, 'u');
    const creditCode = new RegExp(JSON_SCHEMA_PATTERNS.creditCode, 'u');
    const dateLike = fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/);
    const decimalLike = fc.oneof(fc.stringMatching(/^\s?-?\d{0,6}(\.\d{0,4})?\s?$/), fc.string());
    fc.assert(
      fc.property(dateLike, (t) => {
        if (parseCalendarDate(t) !== null) expect(date.test(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(decimalLike, (t) => {
        // The money pattern says exactly what parseMoney accepts, but for the count of digits.
        const r = parseMoney(t);
        expect(decimal.test(t)).toBe(r.ok || r.reason === 'too-many-digits');
      }),
      { numRuns: 3000 },
    );
    for (const code of ['914403001922038216', '91110109MA01A1B2CM', '91110109MA01N9P0QK']) {
      expect(isValidCreditCode(code)).toBe(true);
      expect(creditCode.test(code)).toBe(true);
    }
  });

  it('property: a request the parse accepts passes the schema', () => {
    const date = fc.integer({ min: 16_000, max: 20_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    const money = fc.oneof(fc.nat({ max: 10_000_000 }), fc.stringMatching(/^\d{1,9}(\.\d{1,2})?$/));
    const request = fc.record({
      asOf: fc.constant('2030-12-31'),
      enterprise: fc.record(
        {
          id: fc.string({ minLength: 1, maxLength: 10 }),
          designations: fc.array(fc.record({ level: fc.constantFrom('municipal-sme', 'municipal-little-giant', 'national-little-giant'), obtainedOn: date, renewal: fc.boolean() }, { requiredKeys: ['level', 'obtainedOn'] }), { maxLength: 3 }),
          contributions: fc.uniqueArray(fc.record({ year: fc.integer({ min: 2020, max: 2026 }), amount: money }), { selector: (c) => c.year, maxLength: 3 }),
          physicalOperationInDistrict: fc.boolean(),
          jingxiTalents: fc.nat({ max: 50 }),
        },
        { requiredKeys: ['id'] },
      ),
    });
    fc.assert(
      fc.property(request, (r) => {
        if (parseRequest(r).ok) expect(errorsOf(validateRequest, r)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/** A result written by hand in the shape of docs/contract.md § The result: an enterprise with M1 eligible and M11 a service. */
function handMadeResult(): AssessmentResult {
  const condition = { id: 'g1.registered-in-district', clause: 'G1' as const, ruling: 'R9' as const, status: 'met' as const, zh: '在门头沟区登记注册：满足', en: 'registered in Mentougou: met', missing: [] };
  return {
    subject: { kind: 'enterprise', id: 'E01' },
    asOf: '2024-12-31',
    edition: { id: 'mentougou-2022-draft', assumptions: ['G6/R1: 2022-01-01 to 2025-12-31'] },
    applicability: { outcome: 'eligible', reasons: [], conditions: [condition] },
    measures: [
      {
        measure: 'M1',
        clause: '一、1 加强本区企业培育',
        title: { zh: '首次获得称号一次性奖励', en: 'One-time reward' },
        kind: 'money',
        outcome: 'eligible',
        missing: [],
        amount: '800000.00',
        payable: '600000.00',
        amountUpTo: '800000.00',
        payableUpTo: '600000.00',
        conditions: [condition],
        lines: [
          {
            id: 'municipal-sme@2022-06-15',
            label: { zh: '北京市“专精特新”中小企业', en: 'Beijing SRDI SME' },
            outcome: 'eligible',
            amount: '200000.00',
            payable: '0.00',
            amountUpTo: '200000.00',
            payableUpTo: '0.00',
            paid: '200000.00',
            conditions: [],
            details: { tier: '200000.00', earnedBefore: '0.00', renewal: false, expiresOn: null, days: 3 },
          },
        ],
        reasons: [{ code: 'already-paid', clause: 'M1', zh: '已兑现 200000.00 元，仅补差额', en: '200000.00 yuan already paid' }],
        responsibleUnits: ['区科信局'],
      },
      {
        measure: 'M11',
        clause: '七、11',
        title: { zh: '服务包', en: 'Service package' },
        kind: 'service',
        outcome: 'undetermined',
        missing: ['enterprise.independentLegalPerson'],
        amount: null,
        payable: null,
        amountUpTo: null,
        payableUpTo: null,
        conditions: [{ id: 'g1.legal-person', clause: 'G1', status: 'unknown', zh: '独立法人：未知', en: 'independent legal person: unknown', missing: ['enterprise.independentLegalPerson'] }],
        lines: [],
        reasons: [],
        responsibleUnits: ['区发改委', '区政务服务局'],
      },
    ],
    totalPayable: '600000.00',
    totalPayableUpTo: '600000.00',
    questions: [
      {
        path: 'enterprise.independentLegalPerson',
        measures: ['M11'],
        atStake: '0.00',
        holder: { zh: '区市场监管局', en: 'District Administration for Market Regulation' },
        zh: '该企业是否具有独立法人资格？',
        en: 'Is the enterprise an independent legal person?',
      },
    ],
    clawback: {
      breached: false,
      breachedOn: null,
      registration: null,
      amount: '0.00',
      items: [{ measure: 'M1', amount: '200000.00', paidOn: '2022-12-20', periodEnd: '2030-12-20', recovered: false }],
      freeToLeaveAfter: '2030-12-20',
      retentionYears: 8,
    },
    creditRecord: { recorded: false, noFurtherFiscalFunds: false, findings: [] },
    warnings: [{ code: 'window-assumed', zh: '本版本假定为 2022-01-01 至 2025-12-31', en: 'this edition assumes 2022-01-01 to 2025-12-31' }],
  };
}

describe('the result JSON Schema', () => {
  const schema = resultJsonSchema();

  it('is draft 2020-12 with $id, title and description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(RESULT_SCHEMA_ID);
    expect(typeof schema.title).toBe('string');
    expect(String(schema.description)).toContain('two decimals');
  });

  it('a result written by hand in the shape of docs/contract.md § The result validates', () => {
    expect(errorsOf(validateResult, handMadeResult())).toEqual([]);
  });

  it('carries the bounds and questions of DESIGN §7: totalPayableUpTo may be null (no bound), a question needs its holder', () => {
    const unbounded = handMadeResult();
    unbounded.totalPayableUpTo = null;
    unbounded.questions[0]!.atStake = null;
    expect(errorsOf(validateResult, unbounded)).toEqual([]);
    const { holder: _holder, ...noHolder } = handMadeResult().questions[0]!;
    expect(errorsOf(validateResult, { ...handMadeResult(), questions: [noHolder] })).toContain('/questions/0 required');
    const { totalPayableUpTo: _total, ...noTotal } = handMadeResult();
    expect(errorsOf(validateResult, noTotal)).toContain(' required');
    const noLineBound = handMadeResult();
    delete (noLineBound.measures[0]!.lines[0] as Partial<(typeof noLineBound.measures)[0]['lines'][0]>).payableUpTo;
    expect(errorsOf(validateResult, noLineBound)).toContain('/measures/0/lines/0 required');
  });

  it('a breached clawback validates', () => {
    const r = handMadeResult();
    r.clawback = { ...r.clawback, breached: true, breachedOn: '2026-03-01', registration: 'tax', amount: '200000.00' };
    expect(errorsOf(validateResult, r)).toEqual([]);
  });

  it('refuses money without exactly two decimals, an unknown outcome, a missing field and an extra one', () => {
    const oneDecimal = handMadeResult();
    oneDecimal.totalPayable = '600000.0';
    expect(errorsOf(validateResult, oneDecimal)).toContain('/totalPayable pattern');

    const negative = handMadeResult();
    negative.totalPayable = '-1.00';
    expect(validateResult(negative)).toBe(false);

    const outcome = handMadeResult() as unknown as { measures: { outcome: string }[] };
    outcome.measures[0]!.outcome = 'maybe';
    expect(errorsOf(validateResult, outcome)).toContain('/measures/0/outcome enum');

    const { warnings: _warnings, ...missing } = handMadeResult();
    expect(errorsOf(validateResult, missing)).toContain(' required');

    expect(errorsOf(validateResult, { ...handMadeResult(), extra: 1 })).toContain(' additionalProperties');
  });
});
