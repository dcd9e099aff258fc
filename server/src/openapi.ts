/**
 * `GET /openapi.json`: the service described in OpenAPI 3.1, built from the JSON Schemas the library
 * ships (draft 2020-12, OpenAPI 3.1's own dialect), so the document and the library cannot disagree on
 * the request or the result. The routes and headers are those of docs/contract.md § The HTTP service.
 */
import type { JsonSchema } from './library.js';

export const VERSION_HEADER = 'Mentougou-Srdi-Version';
export const EDITION_HEADER = 'Policy-Edition';

/** The embedded form of a shipped schema: its `$schema` goes (the document's dialect says it). */
function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = structuredClone(schema);
  return rest;
}

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const headers = { [VERSION_HEADER]: { $ref: `#/components/headers/${VERSION_HEADER}` }, [EDITION_HEADER]: { $ref: `#/components/headers/${EDITION_HEADER}` } };
const json = (schema: unknown): Record<string, unknown> => ({ 'application/json': { schema } });
const error = (description: string): Record<string, unknown> => ({ description, headers, content: json(ref('Issues')) });

export interface OpenApiInput {
  version: string;
  defaultEdition: string;
  editionIds: readonly string[];
  schemas: { request: JsonSchema; result: JsonSchema };
  limits: { bodyLimit: number; batchBodyLimit: number; maxLineBytes: number };
}

/** The OpenAPI 3.1 document of the service. */
export function openApiDocument(input: OpenApiInput): Record<string, unknown> {
  const { limits } = input;
  const editionParameter = {
    name: 'edition',
    in: 'query',
    required: false,
    description: `A built-in policy edition (default ${input.defaultEdition}); an unknown one: 404.`,
    schema: { type: 'string', examples: [...input.editionIds] },
  };
  const issue = {
    type: 'object',
    description: 'One problem with the request: where (a path from the body root; empty for the URL or the body as a whole), a stable code, and the message in Chinese and English.',
    properties: {
      path: { type: 'array', items: { type: ['string', 'integer'] } },
      code: { type: 'string' },
      zh: { type: 'string' },
      en: { type: 'string' },
      parameter: { type: 'string', description: 'The query or route parameter concerned.' },
      maximum: { type: 'number', description: 'The limit passed, for limit codes.' },
    },
    required: ['path', 'code', 'zh', 'en'],
  };
  const bilingual = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } }, required: ['zh', 'en'] };
  const editionSummary = {
    type: 'object',
    properties: {
      id: { type: 'string' },
      title: bilingual,
      derivedFrom: { type: 'string' },
      assumptions: { type: 'array', items: { type: 'string' } },
      default: { type: 'boolean' },
    },
    required: ['id', 'title', 'assumptions', 'default'],
  };
  const bilingualSchema = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } }, required: ['zh', 'en'] };
  const editionParameterSchema = {
    type: 'object',
    properties: {
      path: { type: 'string', description: 'Dotted path, as the CLI’s --set names it.' },
      value: { description: 'The value: a decimal string or number of yuan, a date, a whole number, or null.' },
      clause: { type: 'string', description: 'M1–M13, G1–G6 or preamble.' },
      zh: { type: 'string', description: 'The words of the text that state the value.' },
      en: { type: 'string' },
      assumed: { type: 'boolean', description: 'The text does not state the value; the edition assumes it.' },
    },
    required: ['path', 'value', 'clause', 'zh', 'assumed'],
  };
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'mentougou-srdi',
      version: input.version,
      summary: 'Mentougou District measures for SRDI (专精特新) SMEs as rules-as-code, over HTTP.',
      description:
        'Every response carries the headers Mentougou-Srdi-Version (the library’s version) and Policy-Edition (the edition that answered, or the default one). ' +
        'Every error body is { "issues": [...] }, each issue with a path, a code and a Chinese and an English message. The service is stateless.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/assess': {
        post: {
          operationId: 'assess',
          summary: 'Assess one enterprise or institution',
          parameters: [
            editionParameter,
            { name: 'format', in: 'query', required: false, description: 'json (default): the result; text: the explain statement.', schema: { type: 'string', enum: ['json', 'text'] } },
            { name: 'lang', in: 'query', required: false, description: 'Language of the text statement (default zh).', schema: { type: 'string', enum: ['zh', 'en'] } },
          ],
          requestBody: { required: true, description: `The request, at most ${limits.bodyLimit} bytes.`, content: json(ref('Request')) },
          responses: {
            '200': {
              description: 'The result (or, with format=text, the statement).',
              headers,
              content: { ...json(ref('Result')), 'text/plain': { schema: { type: 'string' } } },
            },
            '400': error('The body is not JSON, or not a valid request: the library’s issues (zh and en); or a bad query value.'),
            '404': error('Unknown edition.'),
            '413': error(`The body is larger than ${limits.bodyLimit} bytes.`),
            '415': error('The body is not application/json.'),
          },
        },
      },
      '/batch': {
        post: {
          operationId: 'batch',
          summary: 'Assess one request per line (NDJSON), streamed',
          description:
            'One record per non-blank input line, in input order, as the CLI’s batch: the result as compact JSON, or { "line": N, "issues": [...] } (N counts every input line from 1, blank ones included). ' +
            `Lines are split on LF (one trailing CR dropped); a line of only JSON whitespace gets no record; bytes are strict UTF-8 (invalid-utf8); a line over ${limits.maxLineBytes} bytes gets line-too-long. ` +
            `A body over ${limits.batchBodyLimit} bytes: 413 when its Content-Length says so, else the response is cut (it never ends cleanly unless every line was answered).`,
          parameters: [editionParameter],
          requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
          responses: {
            '200': {
              description: 'NDJSON: one record per non-blank line.',
              headers,
              content: { 'application/x-ndjson': { schema: ref('BatchRecord') } },
            },
            '404': error('Unknown edition.'),
            '413': error(`The Content-Length is larger than ${limits.batchBodyLimit} bytes.`),
            '415': error('The body is not application/x-ndjson.'),
          },
        },
      },
      '/editions': {
        get: {
          operationId: 'listEditions',
          summary: 'The built-in policy editions',
          responses: { '200': { description: 'The editions and the default one.', headers, content: json(ref('EditionList')) } },
        },
      },
      '/editions/{id}': {
        get: {
          operationId: 'getEdition',
          summary: 'One edition: every parameter with its clause and the words of the text',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', examples: [...input.editionIds] } }],
          responses: {
            '200': { description: 'The edition.', headers, content: json(ref('EditionDetail')) },
            '404': error('Unknown edition.'),
          },
        },
      },
      '/facts': {
        get: {
          operationId: 'listFacts',
          summary: 'The fact dictionary (docs/contract.md § The fact dictionary): every request path a rule can miss, with its question and holder',
          responses: {
            '200': { description: 'The fact dictionary.', headers, content: json(ref('Facts')) },
          },
        },
      },
      '/schema/request': {
        get: {
          operationId: 'requestSchema',
          summary: 'The JSON Schema (draft 2020-12) of the request, as the library ships it',
          responses: { '200': { description: 'The schema.', headers, content: { 'application/schema+json': { schema: { type: 'object' } } } } },
        },
      },
      '/schema/result': {
        get: {
          operationId: 'resultSchema',
          summary: 'The JSON Schema (draft 2020-12) of the result, as the library ships it',
          responses: { '200': { description: 'The schema.', headers, content: { 'application/schema+json': { schema: { type: 'object' } } } } },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1.', headers, content: json({ type: 'object' }) } },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness: 200 while the service accepts requests',
          responses: { '200': { description: 'Up.', headers, content: json(ref('Health')) } },
        },
      },
    },
    components: {
      headers: {
        [VERSION_HEADER]: { description: 'The version of the mentougou-srdi library that answered.', schema: { type: 'string' } },
        [EDITION_HEADER]: { description: 'The id of the policy edition that answered (the default one where no edition applies).', schema: { type: 'string' } },
      },
      schemas: {
        Request: embedded(input.schemas.request),
        Result: embedded(input.schemas.result),
        Issue: issue,
        Issues: { type: 'object', properties: { issues: { type: 'array', items: ref('Issue'), minItems: 1 } }, required: ['issues'] },
        BatchErrorRecord: {
          type: 'object',
          properties: { line: { type: 'integer', minimum: 1 }, issues: { type: 'array', items: ref('Issue'), minItems: 1 } },
          required: ['line', 'issues'],
        },
        BatchRecord: { oneOf: [ref('Result'), ref('BatchErrorRecord')] },
        EditionSummary: editionSummary,
        EditionList: {
          type: 'object',
          properties: { default: { type: 'string' }, editions: { type: 'array', items: ref('EditionSummary') } },
          required: ['default', 'editions'],
        },
        EditionParameter: editionParameterSchema,
        EditionDetail: {
          allOf: [
            ref('EditionSummary'),
            {
              type: 'object',
              properties: {
                parameters: { type: 'array', items: ref('EditionParameter') },
                edition: { type: 'object', description: 'The edition as JSON (as the CLI’s --edition reads it).' },
              },
              required: ['parameters', 'edition'],
            },
          ],
        },
        Facts: {
          type: 'array',
          description: 'Every request path a rule can miss (each path that can appear in a result’s missing).',
          items: {
            type: 'object',
            properties: {
              path: { type: 'string', description: 'The request path, dotted, as `missing` names it.' },
              label: bilingualSchema,
              question: bilingualSchema,
              holder: bilingualSchema,
              source: { type: 'string', enum: ['department', 'self-declared'] },
              assumed: { type: 'boolean', description: 'The holder is administrative knowledge that no source states.' },
            },
            required: ['path', 'label', 'question', 'holder', 'source', 'assumed'],
          },
        },
        Health: {
          type: 'object',
          properties: { status: { const: 'ok' }, version: { type: 'string' }, edition: { type: 'string' } },
          required: ['status', 'version', 'edition'],
        },
      },
    },
  };
}
