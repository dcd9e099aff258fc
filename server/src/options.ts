/**
 * The service's settings, their defaults, and the command line that sets them.
 *
 *   mentougou-srdi-server [--port 8080] [--host 127.0.0.1] [--body-limit BYTES] [--batch-limit BYTES]
 *                         [--max-line-bytes BYTES] [--connection-timeout MS] [--request-timeout MS]
 *                         [--keep-alive-timeout MS] [--shutdown-grace MS] [--log-level LEVEL]
 *
 * `PORT` and `HOST` in the environment are read when the flags are absent (as most platforms set them).
 */
import { parseArgs } from 'node:util';

export interface ServerOptions {
  /** Largest JSON body (`POST /assess`), bytes; over it: 413. */
  bodyLimit: number;
  /** Largest NDJSON body (`POST /batch`), bytes; over it: 413 (or, for a chunked body, the response is cut). */
  batchBodyLimit: number;
  /** Longest batch line, bytes; over it the line gets `line-too-long` and the batch goes on (docs/contract.md § Batch). */
  maxLineBytes: number;
  /** A socket with no activity for this long is closed, ms (Fastify `connectionTimeout`). */
  connectionTimeout: number;
  /** The whole request must have come within this, ms (Fastify `requestTimeout`); then 408. */
  requestTimeout: number;
  /** An idle keep-alive connection is closed after this, ms (Fastify `keepAliveTimeout`). */
  keepAliveTimeout: number;
  /** Pino log level; `silent` logs nothing. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** How the process listens and stops (main.ts). */
export interface ListenOptions {
  port: number;
  host: string;
  /** On SIGTERM, in-flight requests get this long to finish, ms; then they are cut and the exit code is 1. */
  shutdownGrace: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_SERVER_OPTIONS: Readonly<ServerOptions> = Object.freeze({
  bodyLimit: MiB,
  batchBodyLimit: 128 * MiB,
  maxLineBytes: MiB,
  connectionTimeout: 60_000,
  requestTimeout: 300_000,
  keepAliveTimeout: 72_000,
  logLevel: 'info',
});

export const DEFAULT_LISTEN_OPTIONS: Readonly<ListenOptions> = Object.freeze({ port: 8080, host: '127.0.0.1', shutdownGrace: 30_000 });

export const USAGE = `Usage: mentougou-srdi-server [options]

The HTTP service of mentougou-srdi: POST /assess, POST /batch, GET /editions, /editions/{id}, /facts,
/schema/request, /schema/result, /openapi.json, /healthz. Logs are JSON lines (pino) on stdout.

Options:
  --port <n>                 port (default ${DEFAULT_LISTEN_OPTIONS.port}, or $PORT; 0 picks a free one)
  --host <address>           address to listen on (default ${DEFAULT_LISTEN_OPTIONS.host}, or $HOST; 0.0.0.0 for all)
  --body-limit <bytes>       largest JSON body (default ${DEFAULT_SERVER_OPTIONS.bodyLimit}, 1 MiB): 413 above
  --batch-limit <bytes>      largest /batch body (default ${DEFAULT_SERVER_OPTIONS.batchBodyLimit}, 128 MiB): 413 above
  --max-line-bytes <bytes>   longest /batch line (default ${DEFAULT_SERVER_OPTIONS.maxLineBytes}, 1 MiB): line-too-long above
  --connection-timeout <ms>  idle socket timeout (default ${DEFAULT_SERVER_OPTIONS.connectionTimeout})
  --request-timeout <ms>     time to receive a whole request (default ${DEFAULT_SERVER_OPTIONS.requestTimeout}): 408 after
  --keep-alive-timeout <ms>  idle keep-alive timeout (default ${DEFAULT_SERVER_OPTIONS.keepAliveTimeout})
  --shutdown-grace <ms>      on SIGTERM, time for in-flight requests (default ${DEFAULT_LISTEN_OPTIONS.shutdownGrace})
  --log-level <level>        fatal, error, warn, info (default), debug, trace or silent
  -h, --help                 this help
  -v, --version              the library's version

SIGTERM or SIGINT: stop accepting, finish what is in flight, exit 0 (1 if the grace ran out).
`;

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** What the command line asks for. */
export type ParsedArgs =
  | { kind: 'run'; server: ServerOptions; listen: ListenOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

function wholeNumber(name: string, text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text)) return `--${name} must be a whole number (got ${text})`;
  const n = Number(text);
  if (n < min || n > max) return `--${name} must be between ${min} and ${max} (got ${text})`;
  return n;
}

/**
 * Parses the command line (`process.argv.slice(2)`) and the environment's `PORT` / `HOST`.
 * Never throws: a mistake is `{ kind: 'error', message }`.
 */
export function parseServerArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'body-limit': { type: 'string' },
        'batch-limit': { type: 'string' },
        'max-line-bytes': { type: 'string' },
        'connection-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        'keep-alive-timeout': { type: 'string' },
        'shutdown-grace': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const server: ServerOptions = { ...DEFAULT_SERVER_OPTIONS };
  const listen: ListenOptions = { ...DEFAULT_LISTEN_OPTIONS };
  const numbers: [string, string | undefined, (n: number) => void, number, number][] = [
    ['port', (values.port as string | undefined) ?? env.PORT, (n) => (listen.port = n), 0, 65_535],
    ['body-limit', values['body-limit'] as string | undefined, (n) => (server.bodyLimit = n), 1, Number.MAX_SAFE_INTEGER],
    ['batch-limit', values['batch-limit'] as string | undefined, (n) => (server.batchBodyLimit = n), 1, Number.MAX_SAFE_INTEGER],
    ['max-line-bytes', values['max-line-bytes'] as string | undefined, (n) => (server.maxLineBytes = n), 1, 1 << 30],
    ['connection-timeout', values['connection-timeout'] as string | undefined, (n) => (server.connectionTimeout = n), 0, 2 ** 31 - 1],
    ['request-timeout', values['request-timeout'] as string | undefined, (n) => (server.requestTimeout = n), 0, 2 ** 31 - 1],
    ['keep-alive-timeout', values['keep-alive-timeout'] as string | undefined, (n) => (server.keepAliveTimeout = n), 1, 2 ** 31 - 1],
    ['shutdown-grace', values['shutdown-grace'] as string | undefined, (n) => (listen.shutdownGrace = n), 0, 2 ** 31 - 1],
  ];
  for (const [name, text, set, min, max] of numbers) {
    if (text === undefined) continue;
    const n = wholeNumber(name, text, min, max);
    if (typeof n === 'string') return { kind: 'error', message: n };
    set(n);
  }
  const host = (values.host as string | undefined) ?? env.HOST;
  if (host !== undefined) {
    if (host === '') return { kind: 'error', message: '--host must not be empty' };
    listen.host = host;
  }
  const level = values['log-level'] as string | undefined;
  if (level !== undefined) {
    const known = LEVELS.find((l) => l === level);
    if (known === undefined) return { kind: 'error', message: `--log-level must be one of ${LEVELS.join(', ')} (got ${level})` };
    server.logLevel = known;
  }
  return { kind: 'run', server, listen };
}
