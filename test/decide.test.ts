/**
 * `decide` (issue 13): the decisions of `assess` without texts. Every field of a decision is `assess`'s
 * field of the same name (a seeded property test over the fuzz generators' valid requests, enterprises
 * and institutions); a decision carries nothing else (no conditions, lines, reasons, warnings); it
 * matches its own JSON Schema (`mentougou-srdi/schema/decision.json`); invalid input throws the same
 * PolicyInputError as `assess`, nothing computed.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, assessUnknown, safeAssessUnknown } from '../src/assess.js';
import { decide } from '../src/decide.js';
import { PolicyInputError } from '../src/errors.js';
import { DECISION_SCHEMA_ID, decisionJsonSchema } from '../src/model/json-schema.js';
import type { PolicyRequestInput } from '../src/model/request.js';
import { validInstitutionRequest, validRequest } from './fuzz/support.js';
import { goldenRequest } from './helpers/golden.js';

const SEED = 20261201;
const settings = { seed: SEED, numRuns: 300 };

const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, formats: { date: true } });
const validateDecision = ajv.compile(decisionJsonSchema());

describe('decide: each field equals assess’s (property, seeded)', () => {
  it('subject, asOf, edition.id, applicability.outcome, every measure’s measure/outcome/amount/payable/missing, totalPayable and the clawback’s four fields', () => {
    fc.assert(
      fc.property(fc.oneof(validRequest, validInstitutionRequest), (json) => {
        const request = json as unknown as PolicyRequestInput;
        const result = assess(request);
        const decision = decide(request);
        expect(decision.subject).toEqual(result.subject);
        expect(decision.asOf).toBe(result.asOf);
        expect(decision.edition.id).toBe(result.edition.id);
        expect(decision.applicability.outcome).toBe(result.applicability.outcome);
        expect(decision.measures.map((m) => m.measure)).toEqual(result.measures.map((m) => m.measure));
        decision.measures.forEach((m, i) => {
          const full = result.measures[i]!;
          expect([m.outcome, m.amount, m.payable, m.amountUpTo, m.payableUpTo, m.missing]).toEqual([full.outcome, full.amount, full.payable, full.amountUpTo, full.payableUpTo, full.missing]);
        });
        expect(decision.totalPayable).toBe(result.totalPayable);
        expect(decision.totalPayableUpTo).toBe(result.totalPayableUpTo);
        expect(decision.clawback).toEqual({
          breached: result.clawback.breached,
          breachedOn: result.clawback.breachedOn,
          amount: result.clawback.amount,
          freeToLeaveAfter: result.clawback.freeToLeaveAfter,
        });
        expect(validateDecision(decision), JSON.stringify(validateDecision.errors)).toBe(true);
      }),
      settings,
    );
  });
});

describe('decide on a golden vector (01-climber, worked by hand in test/golden/01-climber.json)', () => {
  const decision = decide(goldenRequest('01-climber') as PolicyRequestInput);

  it('M1: 800,000.00 entitled, 600,000.00 payable (200,000.00 already paid); total 600,000.00', () => {
    expect(decision.measures.find((m) => m.measure === 'M1')).toMatchObject({ outcome: 'eligible', amount: '800000.00', payable: '600000.00' });
    expect(decision.totalPayable).toBe('600000.00');
  });

  it('a service measure (M10) has no money: amount and payable null', () => {
    expect(decision.measures.find((m) => m.measure === 'M10')).toMatchObject({ outcome: 'eligible', amount: null, payable: null });
  });

  it('clawback: not breached, nothing recovered, free to leave after 2030-12-20 (8 years, G5)', () => {
    expect(decision.clawback).toEqual({ breached: false, breachedOn: null, amount: '0.00', freeToLeaveAfter: '2030-12-20' });
  });

  it('carries only the decision fields: no texts, conditions, lines, reasons or warnings', () => {
    expect(Object.keys(decision)).toEqual(['subject', 'asOf', 'edition', 'applicability', 'measures', 'totalPayable', 'totalPayableUpTo', 'clawback']);
    expect(Object.keys(decision.edition)).toEqual(['id']);
    expect(Object.keys(decision.applicability)).toEqual(['outcome']);
    for (const m of decision.measures) expect(Object.keys(m)).toEqual(['measure', 'outcome', 'amount', 'payable', 'amountUpTo', 'payableUpTo', 'missing']);
    expect(JSON.stringify(decision)).not.toMatch(/"(zh|en|conditions|lines|reasons|warnings)"/);
  });
});

describe('decide on invalid input', () => {
  it('throws the PolicyInputError assess throws, with the same issues (asOf missing)', () => {
    const bad = { enterprise: { id: 'E1' } } as unknown as PolicyRequestInput;
    const issues = safeAssessUnknown(bad);
    expect(issues.ok).toBe(false);
    expect(() => decide(bad)).toThrow(PolicyInputError);
    try {
      decide(bad);
    } catch (error) {
      expect((error as PolicyInputError).issues).toEqual(issues.ok ? [] : issues.issues);
    }
    expect(() => assessUnknown(bad)).toThrow(PolicyInputError);
  });
});

describe('the decision JSON Schema', () => {
  it('has its $id and refuses a decision with a text field or a malformed amount', () => {
    const schema = decisionJsonSchema();
    expect(schema.$id).toBe(DECISION_SCHEMA_ID);
    const good = decide({ asOf: '2024-12-31', enterprise: { id: 'E1' } });
    expect(validateDecision(good)).toBe(true);
    expect(validateDecision({ ...good, totalPayable: '1.5' })).toBe(false);
    expect(validateDecision({ ...good, measures: good.measures.map((m) => ({ ...m, zh: 'x' })) })).toBe(false);
  });
});
