/**
 * The HTTP service of mentougou-srdi (docs/contract.md § The HTTP service), as a Fastify 5 instance that is built, not started:
 * tests drive it in-process with `inject`, main.ts makes it listen.
 *
 * Routes (frozen): POST /assess, POST /batch, GET /editions, GET /editions/{id}, GET /facts,
 * GET /schema/request, GET /schema/result, GET /openapi.json, GET /healthz.
 * Every response carries `Mentougou-Srdi-Version` (the library's version) and `Policy-Edition` (the
 * edition that answered; the default one where none applies). Every error body is `{ issues }`.
 * Stateless: nothing is kept between requests.
 */
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type PolicyEdition, safeAssessUnknown } from 'mentougou-srdi';
import { explain } from 'mentougou-srdi/explain';
import { type BatchCounts, batchRecords } from './batch-lines.js';
import { BUILT_IN_EDITIONS, DEFAULT_EDITION, editionDetail, editionSummary } from './editions.js';
import { factsResponse } from './facts.js';
import { errorMessage, httpError, invalidJsonIssue, isHttpError, ISSUES } from './issues.js';
import { libraryVersion, librarySchemas } from './library.js';
import { EDITION_HEADER, openApiDocument, VERSION_HEADER } from './openapi.js';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions } from './options.js';
import { readAhead } from './read-ahead.js';

/** Where the logs go (a test passes a stream to read them); default stdout. */
export interface BuildOptions extends Partial<ServerOptions> {
  logStream?: NodeJS.WritableStream;
}

const JSON_TYPE = 'application/json';
const NDJSON_TYPE = 'application/x-ndjson';

type Query = Record<string, string | string[] | undefined>;

/** The query of a request, checked: only `allowed` names, each at most once, each value from its list (when it has one). */
function checkedQuery(request: FastifyRequest, allowed: Readonly<Record<string, readonly string[] | null>>): Record<string, string | undefined> {
  const query = (request.query ?? {}) as Query;
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(query)) {
    const values = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
    if (values === undefined) throw httpError(400, ISSUES.unknownQuery(name, Object.keys(allowed)));
    if (typeof value !== 'string') throw httpError(400, ISSUES.invalidQuery(name, String(value), values ?? []));
    if (values !== null && !values.includes(value)) throw httpError(400, ISSUES.invalidQuery(name, value, values));
    out[name] = value;
  }
  return out;
}

const editionIds = (): string[] => [...BUILT_IN_EDITIONS.keys()];

/** The built-in edition `id` names (undefined: the default), or a 404. */
function editionNamed(id: string | undefined, parameter: string): PolicyEdition {
  if (id === undefined) return DEFAULT_EDITION;
  const edition = BUILT_IN_EDITIONS.get(id);
  if (edition === undefined) throw httpError(404, ISSUES.unknownEdition(id, editionIds(), parameter));
  return edition;
}

/** The service, built and ready to `listen` or `inject`. */
export function buildServer(options: BuildOptions = {}): FastifyInstance {
  const settings: ServerOptions = { ...DEFAULT_SERVER_OPTIONS, ...withoutUndefined(options) };
  const version = libraryVersion();
  const schemas = librarySchemas();
  const requestSchemaText = JSON.stringify(schemas.request);
  const resultSchemaText = JSON.stringify(schemas.result);
  const openApiText = JSON.stringify(
    openApiDocument({
      version,
      defaultEdition: DEFAULT_EDITION.id,
      editionIds: editionIds(),
      schemas,
      limits: { bodyLimit: settings.bodyLimit, batchBodyLimit: settings.batchBodyLimit, maxLineBytes: settings.maxLineBytes },
    }),
  );
  const editionsText = JSON.stringify({ default: DEFAULT_EDITION.id, editions: [...BUILT_IN_EDITIONS.values()].map(editionSummary) });

  const app = Fastify({
    logger: { level: settings.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: settings.bodyLimit,
    connectionTimeout: settings.connectionTimeout,
    requestTimeout: settings.requestTimeout,
    keepAliveTimeout: settings.keepAliveTimeout,
    // While closing, a request that still comes on an open connection gets Fastify's own 503
    // (`Connection: close`); Node and Fastify close idle keep-alive connections at once.
    return503OnClosing: true,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header(VERSION_HEADER, version);
    reply.header(EDITION_HEADER, DEFAULT_EDITION.id);
  });

  app.setNotFoundHandler(async (request, reply) => reply.code(404).send({ issues: [ISSUES.notFound(request.method, request.url)] }));

  app.setErrorHandler(async (error, request, reply) => {
    if (isHttpError(error)) return reply.code(error.statusCode).send({ issues: error.issues });
    const code = (error as { code?: unknown }).code;
    const status = (error as { statusCode?: unknown }).statusCode;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ issues: [ISSUES.bodyTooLarge(settings.bodyLimit)] });
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const expected = request.routeOptions.url === '/batch' ? NDJSON_TYPE : JSON_TYPE;
      return reply.code(415).send({ issues: [ISSUES.unsupportedMediaType(request.headers['content-type'], expected)] });
    }
    if (typeof status === 'number' && status >= 400 && status < 500) return reply.code(status).send({ issues: [ISSUES.badRequest(errorMessage(error))] });
    request.log.error({ err: error }, 'internal error');
    return reply.code(500).send({ issues: [ISSUES.internal()] });
  });

  // POST /assess: one JSON request.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(JSON_TYPE, { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string) as unknown);
      } catch (error) {
        done(httpError(400, invalidJsonIssue(error)));
      }
    });
    scope.post('/assess', async (request, reply) => {
      const query = checkedQuery(request, { edition: null, format: ['json', 'text'], lang: ['zh', 'en'] });
      const edition = editionNamed(query.edition, 'edition');
      reply.header(EDITION_HEADER, edition.id);
      const result = safeAssessUnknown(request.body, { edition });
      if (!result.ok) return reply.code(400).send({ issues: result.issues });
      if (query.format === 'text') {
        const lang = query.lang === 'en' ? 'en' : 'zh';
        return reply.type('text/plain; charset=utf-8').send(explain(result.value, { lang }));
      }
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(result.value));
    });
  });

  // POST /batch: NDJSON in, NDJSON out, streamed.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(NDJSON_TYPE, (request, payload, done) => {
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > settings.batchBodyLimit) done(httpError(413, ISSUES.bodyTooLarge(settings.batchBodyLimit)));
      else done(null, payload);
    });
    scope.post('/batch', async (request, reply) => {
      const query = checkedQuery(request, { edition: null });
      const edition = editionNamed(query.edition, 'edition');
      reply.header(EDITION_HEADER, edition.id);
      const body = request.body instanceof Readable ? request.body : Readable.from([]);
      const counts: BatchCounts = { linesRead: 0, blank: 0, assessed: 0, invalid: 0 };
      const output = Readable.from(batchRecords(readAhead(body, settings.batchBodyLimit), edition, settings.maxLineBytes, counts), { objectMode: false });
      output.on('end', () => request.log.info({ batch: counts }, 'batch done'));
      output.on('error', (error) => request.log.warn({ batch: counts, err: error }, 'batch cut short'));
      return reply.type('application/x-ndjson; charset=utf-8').send(output);
    });
  });

  app.get('/editions', async (_request, reply) => sendJson(reply, editionsText));
  app.get('/editions/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const edition = editionNamed(id, 'id');
    reply.header(EDITION_HEADER, edition.id);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(editionDetail(edition)));
  });
  app.get('/facts', async (_request, reply) => {
    const facts = factsResponse();
    return reply.code(facts.statusCode).send(facts.body);
  });
  app.get('/schema/request', async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(requestSchemaText));
  app.get('/schema/result', async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(resultSchemaText));
  app.get('/openapi.json', async (_request, reply) => sendJson(reply, openApiText));
  app.get('/healthz', async (_request, reply) => sendJson(reply, JSON.stringify({ status: 'ok', version, edition: DEFAULT_EDITION.id })));

  return app;
}

function sendJson(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}

function withoutUndefined(options: BuildOptions): Partial<ServerOptions> {
  const out: Partial<Record<keyof ServerOptions, unknown>> = {};
  for (const key of Object.keys(DEFAULT_SERVER_OPTIONS) as (keyof ServerOptions)[]) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out as Partial<ServerOptions>;
}
