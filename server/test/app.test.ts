/**
 * Every route and every error of the service, in-process (`inject`), docs/contract.md § The HTTP service: status, headers
 * (`Mentougou-Srdi-Version`, `Policy-Edition`), bodies, limits, and the logs.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { assessUnknown, FACTS, mentougou2022Draft } from 'mentougou-srdi';
import { explain } from 'mentougou-srdi/explain';
import type { InjectOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { golden, goldenVectors, LIBRARY_VERSION, ndjson, testServer } from './helpers.js';

const { app, logs } = testServer();
afterAll(() => app.close());

const EDITION = 'mentougou-2022-draft';
const json = { 'content-type': 'application/json' };
const nd = { 'content-type': 'application/x-ndjson' };

type Issue = { path: (string | number)[]; code: string; zh: string; en: string; parameter?: string; maximum?: number };
/** `text` padded with spaces to exactly `bytes` bytes of UTF-8 (JSON allows whitespace around a value). */
const padBytes = (text: string, bytes: number): string => text + ' '.repeat(bytes - Buffer.byteLength(text));
const issuesOf = (body: string): Issue[] => (JSON.parse(body) as { issues: Issue[] }).issues;

/** The headers every response carries. */
function expectHeaders(response: { headers: Record<string, unknown> }, edition = EDITION): void {
  expect(response.headers['mentougou-srdi-version']).toBe(LIBRARY_VERSION);
  expect(response.headers['policy-edition']).toBe(edition);
}

describe('every response carries Mentougou-Srdi-Version and Policy-Edition, errors included', () => {
  const climber = JSON.stringify(golden('01-climber').request);
  const cases: [string, InjectOptions, number][] = [
    ['POST /assess', { method: 'POST', url: '/assess', headers: json, payload: climber }, 200],
    ['POST /assess (text)', { method: 'POST', url: '/assess?format=text', headers: json, payload: climber }, 200],
    ['POST /assess invalid', { method: 'POST', url: '/assess', headers: json, payload: '{}' }, 400],
    ['POST /assess not JSON', { method: 'POST', url: '/assess', headers: json, payload: '{' }, 400],
    ['POST /assess unknown edition', { method: 'POST', url: '/assess?edition=nope', headers: json, payload: climber }, 404],
    ['POST /assess too large', { method: 'POST', url: '/assess', headers: json, payload: ' '.repeat(1_048_577) }, 413],
    ['POST /assess wrong type', { method: 'POST', url: '/assess', headers: { 'content-type': 'text/plain' }, payload: climber }, 415],
    ['POST /batch', { method: 'POST', url: '/batch', headers: nd, payload: `${climber}\n` }, 200],
    ['POST /batch wrong type', { method: 'POST', url: '/batch', headers: json, payload: climber }, 415],
    ['GET /editions', { method: 'GET', url: '/editions' }, 200],
    ['GET /editions/{id}', { method: 'GET', url: `/editions/${EDITION}` }, 200],
    ['GET /editions/{id} unknown', { method: 'GET', url: '/editions/nope' }, 404],
    ['GET /facts', { method: 'GET', url: '/facts' }, 200],
    ['GET /schema/request', { method: 'GET', url: '/schema/request' }, 200],
    ['GET /schema/result', { method: 'GET', url: '/schema/result' }, 200],
    ['GET /openapi.json', { method: 'GET', url: '/openapi.json' }, 200],
    ['GET /healthz', { method: 'GET', url: '/healthz' }, 200],
    ['HEAD /healthz', { method: 'HEAD', url: '/healthz' }, 200],
    ['unknown route', { method: 'GET', url: '/nope' }, 404],
    ['wrong method', { method: 'GET', url: '/assess' }, 404],
  ];
  it.each(cases)('%s → %i', async (_, request, status) => {
    const response = await app.inject(request);
    expect(response.statusCode).toBe(status);
    expectHeaders(response);
  });
});

describe('POST /assess', () => {
  it.each(goldenVectors().filter((v) => v.expect.ok !== false))('golden vector %#: the hand-worked figures come back over HTTP', async (vector) => {
    const response = await app.inject({ method: 'POST', url: '/assess', headers: json, payload: JSON.stringify(vector.request) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const result = JSON.parse(response.body) as { totalPayable: string; measures: { measure: string }[]; clawback: Record<string, unknown> };
    if (vector.expect.totalPayable !== undefined) expect(result.totalPayable).toBe(vector.expect.totalPayable);
    for (const [id, want] of Object.entries(vector.expect.measures ?? {})) expect(result.measures.find((m) => m.measure === id)).toMatchObject(want);
    if (vector.expect.clawback) expect(result.clawback).toMatchObject(vector.expect.clawback);
  });

  it('the body is the library’s result byte for byte (the service adds and drops nothing)', async () => {
    const request = golden('02-newcomer-with-rent').request;
    const response = await app.inject({ method: 'POST', url: '/assess', headers: json, payload: JSON.stringify(request) });
    expect(response.body).toBe(JSON.stringify(assessUnknown(request)));
  });

  it('an invalid request: 400 { issues } with the library’s paths, codes and both messages (08-bad-input)', async () => {
    const vector = golden('08-bad-input');
    const response = await app.inject({ method: 'POST', url: '/assess', headers: json, payload: JSON.stringify(vector.request) });
    expect(response.statusCode).toBe(400);
    const issues = issuesOf(response.body);
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual([...(vector.expect.issuePaths ?? [])].sort());
    for (const i of issues) expect(i.code.length > 0 && i.zh.length > 0 && i.en.length > 0).toBe(true);
  });

  it('a body that is not JSON, or empty: 400 invalid-json with both messages; no body at all: the library’s required', async () => {
    for (const payload of ['{"asOf": ', '']) {
      const response = await app.inject({ method: 'POST', url: '/assess', headers: json, payload });
      expect(response.statusCode).toBe(400);
      expect(issuesOf(response.body)).toEqual([expect.objectContaining({ path: [], code: 'invalid-json', zh: expect.stringMatching(/^不是有效的 JSON：/), en: expect.stringMatching(/^not valid JSON: /) })]);
    }
    const none = await app.inject({ method: 'POST', url: '/assess' });
    expect(none.statusCode).toBe(400);
    expect(issuesOf(none.body)).toEqual([{ path: [], code: 'required', zh: '必填项缺失', en: 'required' }]);
  });

  it('format=text gives the explain statement, in Chinese by default and in English with lang=en', async () => {
    const request = golden('01-climber').request;
    const zh = await app.inject({ method: 'POST', url: '/assess?format=text', headers: json, payload: JSON.stringify(request) });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(zh.body).toBe(explain(assessUnknown(request)));
    expect(zh.body.startsWith(`门头沟区“专精特新”措施评估（仅供参考，不构成行政决定）\n企业 E01 · 评估日 2024-12-31 · 政策版本 ${EDITION}\n`)).toBe(true);
    const en = await app.inject({ method: 'POST', url: '/assess?format=text&lang=en', headers: json, payload: JSON.stringify(request) });
    expect(en.body.startsWith(`Mentougou SRDI measures — assessment (for reference only, not an administrative decision)\nenterprise E01 · as of 2024-12-31 · policy edition ${EDITION}\n`)).toBe(true);
    // format=json (explicit) is the result.
    const asJson = await app.inject({ method: 'POST', url: '/assess?format=json&edition=mentougou-2022-draft', headers: json, payload: JSON.stringify(request) });
    expect((JSON.parse(asJson.body) as { totalPayable: string }).totalPayable).toBe('600000.00');
  });

  it('?edition= picks a built-in edition (Policy-Edition names it); an unknown one is 404 unknown-edition naming the ones there are', async () => {
    const payload = JSON.stringify(golden('01-climber').request);
    const ok = await app.inject({ method: 'POST', url: `/assess?edition=${EDITION}`, headers: json, payload });
    expect(ok.statusCode).toBe(200);
    expectHeaders(ok, EDITION);
    const unknown = await app.inject({ method: 'POST', url: '/assess?edition=mentougou-2099', headers: json, payload });
    expect(unknown.statusCode).toBe(404);
    expect(issuesOf(unknown.body)).toEqual([
      {
        path: [],
        code: 'unknown-edition',
        zh: `没有内置的政策版本 mentougou-2099（可用：${EDITION}）`,
        en: `no built-in policy edition mentougou-2099 (available: ${EDITION})`,
        parameter: 'edition',
      },
    ]);
  });

  it('a bad query is 400, never silently ignored: an unknown parameter (a typo), a value not in its list, a repeated parameter', async () => {
    const payload = JSON.stringify(golden('01-climber').request);
    const codes = async (url: string): Promise<[number, string[]]> => {
      const r = await app.inject({ method: 'POST', url, headers: json, payload });
      return [r.statusCode, issuesOf(r.body).map((i) => `${i.code}:${i.parameter}`)];
    };
    expect(await codes('/assess?editon=x')).toEqual([400, ['unknown-query-parameter:editon']]);
    expect(await codes('/assess?format=xml')).toEqual([400, ['invalid-query:format']]);
    expect(await codes('/assess?format=text&lang=fr')).toEqual([400, ['invalid-query:lang']]);
    expect(await codes('/assess?format=text&format=json')).toEqual([400, ['invalid-query:format']]);
  });

  it('413 over the body limit, with the limit; exactly the limit is read (here 4,096 bytes)', async () => {
    const small = testServer({ bodyLimit: 4096, logLevel: 'silent' }).app;
    const request = JSON.stringify(golden('01-climber').request);
    expect(Buffer.byteLength(request)).toBeLessThan(4096);
    // Padded to exactly 4,096 bytes, then to 4,097.
    const exact = await small.inject({ method: 'POST', url: '/assess', headers: json, payload: padBytes(request, 4096) });
    expect(exact.statusCode).toBe(200);
    const over = await small.inject({ method: 'POST', url: '/assess', headers: json, payload: padBytes(request, 4097) });
    expect(over.statusCode).toBe(413);
    expect(issuesOf(over.body)).toEqual([{ path: [], code: 'body-too-large', zh: '请求体超过 4096 字节的上限', en: 'the request body is larger than the limit of 4096 bytes', maximum: 4096 }]);
    expectHeaders(over);
    await small.close();
  });

  it('415 for a body that is not application/json, naming the type expected', async () => {
    const response = await app.inject({ method: 'POST', url: '/assess', headers: { 'content-type': 'application/x-ndjson' }, payload: '{}' });
    expect(response.statusCode).toBe(415);
    expect(issuesOf(response.body)).toEqual([
      {
        path: [],
        code: 'unsupported-media-type',
        zh: '不支持的内容类型 application/x-ndjson，应为 application/json',
        en: 'unsupported content type application/x-ndjson; expected application/json',
      },
    ]);
  });
});

describe('POST /batch', () => {
  it('one record per non-blank line, in order, as the CLI’s batch: results, then { line, issues } for the bad lines', async () => {
    const a = golden('01-climber').request;
    const b = golden('06-institution').request;
    // Lines: 1 a, 2 blank, 3 not JSON, 4 b (CRLF), 5 invalid request, 6 not UTF-8, (end without LF) 7 a.
    const body = Buffer.concat([
      Buffer.from(`${JSON.stringify(a)}\n \t\n{"asOf"\n${JSON.stringify(b)}\r\n${JSON.stringify(golden('08-bad-input').request)}\n`),
      Buffer.from([0xc3, 0x28, 0x0a]),
      Buffer.from(JSON.stringify(a)),
    ]);
    const response = await app.inject({ method: 'POST', url: '/batch', headers: nd, payload: body });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const records = ndjson(response.body) as { line?: number; issues?: Issue[] }[];
    expect(records.map((r) => r.line ?? 'result')).toEqual(['result', 3, 'result', 5, 6, 'result']);
    expect(response.body.split('\n')[0]).toBe(JSON.stringify(assessUnknown(a)));
    expect(records[2]).toEqual(JSON.parse(JSON.stringify(assessUnknown(b))));
    expect(records[1]?.issues?.[0]?.code).toBe('invalid-json');
    expect(records[3]?.issues?.map((i) => i.path.join('.')).sort()).toEqual([...(golden('08-bad-input').expect.issuePaths ?? [])].sort());
    expect(records[4]?.issues?.[0]?.code).toBe('invalid-utf8');
    // The log line of the batch: counts only.
    expect(logs.some((l) => l.includes('"batch":{"linesRead":7,"blank":1,"assessed":3,"invalid":3}'))).toBe(true);
  });

  it('an empty body gives an empty 200 answer', async () => {
    const response = await app.inject({ method: 'POST', url: '/batch', headers: nd, payload: '' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
  });

  it('a line over --max-line-bytes gives line-too-long and the batch goes on (here 2,048 bytes)', async () => {
    const small = testServer({ maxLineBytes: 2048, logLevel: 'silent' }).app;
    const request = JSON.stringify(golden('06-institution').request);
    expect(Buffer.byteLength(request)).toBeLessThan(2048);
    const response = await small.inject({ method: 'POST', url: '/batch', headers: nd, payload: `${padBytes(request, 2048)}\n${padBytes(request, 2049)}\n${request}\n` });
    const records = ndjson(response.body) as { line?: number; issues?: Issue[]; subject?: { id: string } }[];
    expect(records.map((r) => r.line ?? r.subject?.id)).toEqual(['I01', 2, 'I01']);
    expect(records[1]?.issues).toEqual([{ path: [], code: 'line-too-long', zh: '该行超过 2048 字节的上限', en: 'the line is longer than the limit of 2048 bytes', maximum: 2048 }]);
    await small.close();
  });

  it('a Content-Length over the batch limit is 413 before any line is read; exactly the limit is read (here 1,000 bytes)', async () => {
    const small = testServer({ batchBodyLimit: 1000, logLevel: 'silent' }).app;
    const exact = await small.inject({ method: 'POST', url: '/batch', headers: nd, payload: `${'\n'.repeat(999)}x` });
    expect(exact.statusCode).toBe(200);
    expect((ndjson(exact.body) as { line: number }[]).map((r) => r.line)).toEqual([1000]);
    const over = await small.inject({ method: 'POST', url: '/batch', headers: nd, payload: '\n'.repeat(1001) });
    expect(over.statusCode).toBe(413);
    expect(issuesOf(over.body)).toEqual([expect.objectContaining({ code: 'body-too-large', maximum: 1000 })]);
    await small.close();
  });

  it('a chunked body that passes the batch limit mid-stream: the response is cut, never ended cleanly', async () => {
    const small = testServer({ batchBodyLimit: 1000, logLevel: 'silent' }).app;
    const body = new PassThrough();
    const pending = small.inject({ method: 'POST', url: '/batch', headers: nd, payload: body });
    body.write('{}\n');
    body.end('x'.repeat(1000));
    await expect(pending).rejects.toThrow(/destroyed before completion/);
    await small.close();
  });

  it('?edition= as for /assess; 404 for an unknown one; 415 for a body that is not NDJSON', async () => {
    const request = `${JSON.stringify(golden('01-climber').request)}\n`;
    const ok = await app.inject({ method: 'POST', url: `/batch?edition=${EDITION}`, headers: nd, payload: request });
    expect(ok.statusCode).toBe(200);
    const unknown = await app.inject({ method: 'POST', url: '/batch?edition=nope', headers: nd, payload: request });
    expect(unknown.statusCode).toBe(404);
    expect(issuesOf(unknown.body)[0]?.code).toBe('unknown-edition');
    const typo = await app.inject({ method: 'POST', url: '/batch?lang=en', headers: nd, payload: request });
    expect(issuesOf(typo.body)[0]?.code).toBe('unknown-query-parameter');
    const wrong = await app.inject({ method: 'POST', url: '/batch', headers: { 'content-type': 'text/plain' }, payload: request });
    expect(wrong.statusCode).toBe(415);
    expect(issuesOf(wrong.body)[0]?.en).toBe('unsupported content type text/plain; expected application/x-ndjson');
  });
});

describe('editions, facts, schemas, health', () => {
  it('GET /editions lists the built-in editions and the default one', async () => {
    const response = await app.inject({ method: 'GET', url: '/editions' });
    const body = JSON.parse(response.body) as { default: string; editions: { id: string; default: boolean; assumptions: string[] }[] };
    expect(body.default).toBe(EDITION);
    expect(body.editions.map((e) => [e.id, e.default])).toEqual([[EDITION, true]]);
    expect(body.editions[0]?.assumptions).toEqual(mentougou2022Draft.assumptions);
  });

  it('GET /editions/{id}: every parameter with its clause and the words of the text (30 in the 2022 draft and 22 readings, 4 assumed)', async () => {
    const response = await app.inject({ method: 'GET', url: `/editions/${EDITION}` });
    expectHeaders(response, EDITION);
    const body = JSON.parse(response.body) as { id: string; parameters: { path: string; value: unknown; clause: string; zh: string; assumed: boolean }[]; edition: unknown };
    expect(body.id).toBe(EDITION);
    // window 2 + m1 tiers 3 + m2 2 + m3 7 + m5 tiers 3 + m7 floors (7 boards) + m13 1 + g5 1 + targets (by + 3 levels) 4 = 30,
    // and the 22 readings of DESIGN §8 (readings.<name>, DESIGN's value each) = 52.
    expect(body.parameters).toHaveLength(52);
    expect(body.parameters.find((p) => p.path === 'readings.g2Aggregate')).toMatchObject({ value: 'sum', clause: 'G2', assumed: false });
    expect(body.parameters.find((p) => p.path === 'm3.yearCap')).toEqual({ path: 'm3.yearCap', value: '300000', clause: 'M3', zh: '单个企业每年支持额度不超过30万元', assumed: false });
    expect(body.parameters.filter((p) => p.assumed).map((p) => p.path)).toEqual(['window.effectiveFrom', 'window.effectiveTo', 'm3.lastYear', 'm3.contributionYearOffset']);
    expect(body.edition).toEqual(JSON.parse(JSON.stringify(mentougou2022Draft)));
  });

  it('GET /editions/{id} for an unknown id: 404 naming the route parameter', async () => {
    const response = await app.inject({ method: 'GET', url: '/editions/beijing-2030' });
    expect(response.statusCode).toBe(404);
    expect(issuesOf(response.body)).toEqual([expect.objectContaining({ code: 'unknown-edition', parameter: 'id' })]);
  });

  it('GET /facts: the library’s fact dictionary, every entry with its question and holder in both languages', async () => {
    const response = await app.inject({ method: 'GET', url: '/facts' });
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body) as { path: string; question: { zh: string; en: string }; holder: { zh: string } }[];
    expect(body).toEqual(JSON.parse(JSON.stringify(FACTS)));
    expect(body.map((f) => f.path)).toContain('enterprise.contributions');
    expect(body.find((f) => f.path === 'enterprise.contributions')?.holder.zh).toBe('区财政局');
    for (const f of body) expect(f.question.zh.length > 0 && f.question.en.length > 0).toBe(true);
  });

  it.each(['request', 'result'])('GET /schema/%s is the JSON Schema the library ships, as application/schema+json', async (which) => {
    const response = await app.inject({ method: 'GET', url: `/schema/${which}` });
    expect(response.headers['content-type']).toBe('application/schema+json; charset=utf-8');
    const shipped: unknown = JSON.parse(readFileSync(new URL(`../../dist/schema/${which}.json`, import.meta.url), 'utf8'));
    expect(JSON.parse(response.body)).toEqual(shipped);
    expect((shipped as { $schema: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('GET /healthz: ok, the version and the default edition', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(JSON.parse(response.body)).toEqual({ status: 'ok', version: LIBRARY_VERSION, edition: EDITION });
  });

  it('an unknown route: 404 not-found with both messages', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/editions' });
    expect(issuesOf(response.body)).toEqual([{ path: [], code: 'not-found', zh: '没有这个接口：DELETE /editions', en: 'no such route: DELETE /editions' }]);
  });
});

describe('limits and timeouts are Fastify options with the documented defaults', () => {
  it('defaults: body 1 MiB, connection 60 s, request 300 s, keep-alive 72 s; each can be set', async () => {
    expect(app.initialConfig).toMatchObject({ bodyLimit: 1_048_576, connectionTimeout: 60_000, requestTimeout: 300_000, keepAliveTimeout: 72_000 });
    const custom = testServer({ bodyLimit: 10, connectionTimeout: 1000, requestTimeout: 2000, keepAliveTimeout: 3000, logLevel: 'silent' }).app;
    expect(custom.initialConfig).toMatchObject({ bodyLimit: 10, connectionTimeout: 1000, requestTimeout: 2000, keepAliveTimeout: 3000 });
    await custom.close();
  });
});

describe('errors inside the service and the logs', () => {
  it('an unexpected error: 500 internal-error with both messages and the headers; the error is logged', async () => {
    const { app: faulty, logs: faultyLogs } = testServer();
    faulty.get('/boom', async () => {
      throw new Error('kaboom');
    });
    const response = await faulty.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expectHeaders(response);
    expect(issuesOf(response.body)).toEqual([{ path: [], code: 'internal-error', zh: '服务内部错误（已记录日志）', en: 'internal error of the service (logged)' }]);
    expect(faultyLogs.some((l) => l.includes('"level":50') && l.includes('kaboom'))).toBe(true);
    await faulty.close();
  });

  it('the logs are JSON lines with the method, URL and status, and never a request body', async () => {
    const secret = '京西绝密科技-7f3a91';
    const request = golden('01-climber').request as { enterprise: { name: string } };
    request.enterprise.name = secret;
    const before = logs.length;
    await app.inject({ method: 'POST', url: '/assess', headers: json, payload: JSON.stringify(request) });
    await app.inject({ method: 'POST', url: '/batch', headers: nd, payload: `${JSON.stringify(request)}\n` });
    const lines = logs.slice(before).map((l) => JSON.parse(l) as { msg: string; req?: { method: string; url: string }; res?: { statusCode: number } });
    expect(lines.some((l) => l.msg === 'incoming request' && l.req?.method === 'POST' && l.req.url === '/assess')).toBe(true);
    expect(lines.some((l) => l.msg === 'request completed' && l.res?.statusCode === 200)).toBe(true);
    expect(logs.slice(before).join('\n')).not.toContain(secret);
  });
});
