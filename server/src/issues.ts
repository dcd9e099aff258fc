/**
 * The service's own issues: what is wrong with an HTTP request before (or instead of) the library's
 * checks — a body that is not JSON, too large, of the wrong media type; an unknown edition, route or
 * query value. Each has the shape of the library's `PolicyIssue` (a path, a stable code, a Chinese and
 * an English message), so every error body of the service is `{ "issues": [...] }`, whatever answered.
 *
 * Paths are from the request body's root, as the library's; an issue about the URL (query, route) has
 * the empty path and names the parameter in `parameter`.
 */

/** One problem, as every error body of the service lists it. */
export interface HttpIssue {
  path: (string | number)[];
  code: string;
  zh: string;
  en: string;
  /** The query or route parameter concerned, for issues about the URL. */
  parameter?: string;
  /** The limit that was passed, for the limit codes. */
  maximum?: number;
}

/** The body of every error response. */
export interface IssuesBody {
  issues: HttpIssue[];
}

/** An error that carries its status code and issues to the error handler. */
export interface HttpError extends Error {
  statusCode: number;
  issues: HttpIssue[];
}

/** An error for the error handler to answer with `statusCode` and `{ issues }`. */
export function httpError(statusCode: number, ...issues: HttpIssue[]): HttpError {
  const error = new Error(issues.map((i) => i.en).join('; ')) as HttpError;
  error.statusCode = statusCode;
  error.issues = issues;
  return error;
}

/** Whether a thrown value is an `HttpError`. */
export function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && typeof (error as Partial<HttpError>).statusCode === 'number' && Array.isArray((error as Partial<HttpError>).issues);
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A body or a batch line that is not JSON (the same code and words as the CLI's). */
export function invalidJsonIssue(error: unknown): HttpIssue {
  const detail = errorMessage(error);
  return { path: [], code: 'invalid-json', zh: `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` };
}

export const ISSUES = {
  bodyTooLarge: (maximum: number): HttpIssue => ({
    path: [],
    code: 'body-too-large',
    zh: `请求体超过 ${maximum} 字节的上限`,
    en: `the request body is larger than the limit of ${maximum} bytes`,
    maximum,
  }),
  unsupportedMediaType: (type: string | undefined, expected: string): HttpIssue => ({
    path: [],
    code: 'unsupported-media-type',
    zh: `不支持的内容类型 ${type ?? '（未给出）'}，应为 ${expected}`,
    en: `unsupported content type ${type ?? '(none given)'}; expected ${expected}`,
  }),
  unknownEdition: (id: string, known: readonly string[], parameter: string): HttpIssue => ({
    path: [],
    code: 'unknown-edition',
    zh: `没有内置的政策版本 ${id}（可用：${known.join('、')}）`,
    en: `no built-in policy edition ${id} (available: ${known.join(', ')})`,
    parameter,
  }),
  invalidQuery: (parameter: string, value: string, allowed: readonly string[]): HttpIssue => ({
    path: [],
    code: 'invalid-query',
    zh: `查询参数 ${parameter} 的值 ${value} 无效（可用：${allowed.join('、')}）`,
    en: `query parameter ${parameter} has the invalid value ${value} (allowed: ${allowed.join(', ')})`,
    parameter,
  }),
  unknownQuery: (parameter: string, known: readonly string[]): HttpIssue => ({
    path: [],
    code: 'unknown-query-parameter',
    zh: `未知的查询参数 ${parameter}（可用：${known.join('、')}）`,
    en: `unknown query parameter ${parameter} (known: ${known.join(', ')})`,
    parameter,
  }),
  notFound: (method: string, url: string): HttpIssue => ({
    path: [],
    code: 'not-found',
    zh: `没有这个接口：${method} ${url}`,
    en: `no such route: ${method} ${url}`,
  }),
  badRequest: (detail: string): HttpIssue => ({ path: [], code: 'bad-request', zh: `请求有误：${detail}`, en: `bad request: ${detail}` }),
  internal: (): HttpIssue => ({
    path: [],
    code: 'internal-error',
    zh: '服务内部错误（已记录日志）',
    en: 'internal error of the service (logged)',
  }),
  lineTooLong: (maximum: number): HttpIssue => ({
    path: [],
    code: 'line-too-long',
    zh: `该行超过 ${maximum} 字节的上限`,
    en: `the line is longer than the limit of ${maximum} bytes`,
    maximum,
  }),
  invalidUtf8: (): HttpIssue => ({ path: [], code: 'invalid-utf8', zh: '该行不是有效的 UTF-8 编码', en: 'the line is not valid UTF-8' }),
  notImplemented: (what: { zh: string; en: string }): HttpIssue => ({
    path: [],
    code: 'not-implemented',
    zh: `${what.zh}尚未接入本服务`,
    en: `${what.en} is not wired to this service yet`,
  }),
} as const;
