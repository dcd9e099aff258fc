/**
 * The JSON Schemas of the request and of the result (draft 2020-12), built from the zod schemas that are
 * the single source of both contracts, so that systems in other languages can check a request's shape
 * before they send it. Published as `mentougou-srdi/schema/request.json` and `…/result.json`.
 *
 * A JSON Schema describes the shape only. The request's refinements (real calendar dates, credit-code
 * check characters, the cross-field rules, events not after `asOf`) are enforced by `parseRequest` alone;
 * the request schema's description says so.
 */
import * as z from 'zod/mini';
import { requestSchema } from './request.js';
import { decisionSchema } from './decision.js';
import { resultSchema } from './result.js';

/** A JSON Schema document, as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

/** The `$id` of the request schema. */
export const REQUEST_SCHEMA_ID = 'https://unpkg.com/mentougou-srdi/dist/schema/request.json';
/** The `$id` of the decision schema. */
export const DECISION_SCHEMA_ID = 'https://unpkg.com/mentougou-srdi/dist/schema/decision.json';
/** The `$id` of the result schema. */
export const RESULT_SCHEMA_ID = 'https://unpkg.com/mentougou-srdi/dist/schema/result.json';

const REQUEST_DESCRIPTION = [
  'A request to assess one subject (exactly one of enterprise or institution) under the Mentougou District SRDI measures',
  '(门头沟区关于促进“专精特新”中小企业高质量发展的若干措施), as of the date asOf.',
  'Dates are YYYY-MM-DD strings; money is a non-negative decimal string or number of yuan; unknown keys are refused.',
  'This schema describes the shape only. The refinements are enforced only by the library’s parse (parseRequest, assess,',
  'safeAssess): real calendar dates (2023-02-29 is refused), credit-code check characters (GB 32100-2015), the cross-field',
  'rules (registrations strictly oldest first within each kind; a lease ends on or after its start; a board that existed on',
  'the listing day; year for M3 entries; enterpriseId for M5 disbursements; no duplicate contribution years, lease ids or',
  'introduced enterprises) and events not after asOf. A request that passes this schema may still be refused by the library.',
].join(' ');

const RESULT_DESCRIPTION = [
  'The result of assessing one subject under the Mentougou District SRDI measures: every measure with its outcome',
  '(eligible, ineligible or undetermined), the request paths still missing, its conditions and their status, its lines,',
  'its entitlement (amount) and what is payable after the general provisions and what was already paid; the clawback under',
  'the retention commitment; and warnings. Money is yuan as a string with exactly two decimals; dates are YYYY-MM-DD.',
].join(' ');

/** The schema keywords first, then the document's title and description, then the rest. */
function document(schema: JsonSchema, id: string, title: string, description: string): JsonSchema {
  const { $schema, ...rest } = schema;
  return { $schema, $id: id, title, description, ...rest };
}

/**
 * The JSON Schema (draft 2020-12) of what callers send: the input side of the request schema.
 * A fresh object on every call.
 */
export function requestJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(requestSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  // Exactly one subject (a refinement of the zod schema that JSON Schema can state). Each branch names
  // its property (`true`: the shape is checked under `properties`) so that strict validators
  // (Ajv's strictRequired) accept the `required` in it.
  schema.oneOf = [
    { properties: { enterprise: true }, required: ['enterprise'] },
    { properties: { institution: true }, required: ['institution'] },
  ];
  return document(schema, REQUEST_SCHEMA_ID, 'mentougou-srdi request', REQUEST_DESCRIPTION);
}

/**
 * The JSON Schema (draft 2020-12) of what `assess` returns: the output side of the result schema.
 * A fresh object on every call.
 */
export function resultJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(resultSchema, { io: 'output', target: 'draft-2020-12' }) as JsonSchema;
  return document(schema, RESULT_SCHEMA_ID, 'mentougou-srdi result', RESULT_DESCRIPTION);
}

const DECISION_DESCRIPTION = [
  'The decision of assessing one subject under the Mentougou District SRDI measures (what decide returns): the same',
  'outcomes, entitlements (amount), payables, missing request paths, total payable and clawback as the result, without its',
  'conditions, lines, reasons, texts or warnings. Money is yuan as a string with exactly two decimals; dates are YYYY-MM-DD.',
].join(' ');

/**
 * The JSON Schema (draft 2020-12) of what `decide` returns. A fresh object on every call.
 */
export function decisionJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(decisionSchema, { io: 'output', target: 'draft-2020-12' }) as JsonSchema;
  return document(schema, DECISION_SCHEMA_ID, 'mentougou-srdi decision', DECISION_DESCRIPTION);
}
