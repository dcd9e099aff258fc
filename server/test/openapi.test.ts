/**
 * GET /openapi.json: a valid OpenAPI 3.1 document (checked by @readme/openapi-parser, a maintained
 * validator), with exactly the routes of docs/contract.md § The HTTP service, built from the shipped JSON Schemas; and the
 * service's real answers conform to the schemas it declares (checked with Ajv, draft 2020-12).
 */
import { readFileSync } from 'node:fs';
import { validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { golden, LIBRARY_VERSION, ndjson, testServer } from './helpers.js';

const { app } = testServer({ logLevel: 'silent' });
afterAll(() => app.close());

type Doc = {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
  components: { schemas: Record<string, unknown> };
};
let doc: Doc;
beforeAll(async () => {
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  expect(response.statusCode).toBe(200);
  doc = JSON.parse(response.body) as Doc;
});

const shipped = (which: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../dist/schema/${which}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (@readme/openapi-parser)', async () => {
    const result = await validate(structuredClone(doc) as unknown as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(LIBRARY_VERSION);
  });

  it('the validator does reject a broken document (the check can fail)', async () => {
    const broken = structuredClone(doc) as Doc & { paths: Record<string, unknown> };
    (broken.paths['/assess'] as { post: { responses: unknown } }).post.responses = 'none';
    const result = await validate(broken as unknown as Parameters<typeof validate>[0]);
    expect(result.valid).toBe(false);
  });

  it('has exactly the routes of docs/contract.md § The HTTP service, each with its method', () => {
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      ['POST /assess', 'POST /batch', 'GET /editions', 'GET /editions/{id}', 'GET /facts', 'GET /schema/request', 'GET /schema/result', 'GET /openapi.json', 'GET /healthz'].sort(),
    );
  });

  it('declares both headers on every response', () => {
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops))
        for (const response of Object.values(op.responses)) expect(Object.keys(response.headers ?? {}).sort()).toEqual(['Mentougou-Srdi-Version', 'Policy-Edition']);
  });

  it('its Request and Result schemas are the shipped JSON Schemas (without $schema: the document’s dialect is 2020-12)', () => {
    const { $schema: requestDialect, ...request } = shipped('request');
    const { $schema: resultDialect, ...result } = shipped('result');
    expect(requestDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(resultDialect).toBe(requestDialect);
    expect(doc.components.schemas.Request).toEqual(request);
    expect(doc.components.schemas.Result).toEqual(result);
  });
});

describe('the answers conform to the schemas the document declares', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  let check: (name: string, value: unknown) => string[];
  beforeAll(() => {
    ajv.addSchema({ ...doc, $id: 'openapi' } as object, 'openapi');
    check = (name, value) => {
      const validateOne = ajv.getSchema(`openapi#/components/schemas/${name}`);
      if (!validateOne) throw new Error(`no schema ${name}`);
      return validateOne(value) ? [] : (validateOne.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
    };
  });
  const post = (url: string, payload: string, type = 'application/json') => app.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('the check can fail: a result without totalPayable does not conform', () => {
    expect(check('Result', { subject: { kind: 'enterprise', id: 'x' } }).length).toBeGreaterThan(0);
  });

  it('POST /assess → Result (enterprise and institution), 400 → Issues', async () => {
    for (const name of ['01-climber', '06-institution', '07-listing-and-park-subsidy']) {
      expect(check('Result', JSON.parse((await post('/assess', JSON.stringify(golden(name).request))).body))).toEqual([]);
    }
    expect(check('Issues', JSON.parse((await post('/assess', JSON.stringify(golden('08-bad-input').request))).body))).toEqual([]);
    expect(check('Issues', JSON.parse((await post('/assess', '{')).body))).toEqual([]);
  });

  it('POST /batch → BatchRecord per line (a result and an error record)', async () => {
    const body = (await post('/batch', `${JSON.stringify(golden('01-climber').request)}\nnot json\n`, 'application/x-ndjson')).body;
    const records = ndjson(body);
    expect(records).toHaveLength(2);
    for (const r of records) expect(check('BatchRecord', r)).toEqual([]);
  });

  it('GET /editions → EditionList, /editions/{id} → EditionDetail, /facts → Facts, /healthz → Health, 404 → Issues', async () => {
    expect(check('EditionList', JSON.parse((await get('/editions')).body))).toEqual([]);
    expect(check('EditionDetail', JSON.parse((await get('/editions/mentougou-2022-draft')).body))).toEqual([]);
    expect(check('Health', JSON.parse((await get('/healthz')).body))).toEqual([]);
    expect(check('Issues', JSON.parse((await get('/editions/nope')).body))).toEqual([]);
    expect(check('Facts', JSON.parse((await get('/facts')).body))).toEqual([]);
  });
});
