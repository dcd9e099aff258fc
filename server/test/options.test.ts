/** The command line of mentougou-srdi-server: defaults, flags, PORT/HOST, and mistakes as messages. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LISTEN_OPTIONS, DEFAULT_SERVER_OPTIONS, parseServerArgs } from '../src/options.js';

describe('parseServerArgs', () => {
  it('no flags: the documented defaults (port 8080 on 127.0.0.1, 1 MiB body, 128 MiB batch, 1 MiB line)', () => {
    const parsed = parseServerArgs([]);
    expect(parsed).toEqual({ kind: 'run', server: { ...DEFAULT_SERVER_OPTIONS }, listen: { ...DEFAULT_LISTEN_OPTIONS } });
    expect(DEFAULT_LISTEN_OPTIONS).toEqual({ port: 8080, host: '127.0.0.1', shutdownGrace: 30_000 });
    expect(DEFAULT_SERVER_OPTIONS).toMatchObject({ bodyLimit: 1_048_576, batchBodyLimit: 134_217_728, maxLineBytes: 1_048_576, connectionTimeout: 60_000, requestTimeout: 300_000 });
  });

  it('every flag sets its option', () => {
    const parsed = parseServerArgs([
      '--port=9000', '--host', '0.0.0.0', '--body-limit', '2048', '--batch-limit', '4096', '--max-line-bytes', '512',
      '--connection-timeout', '1000', '--request-timeout', '2000', '--keep-alive-timeout', '3000', '--shutdown-grace', '0', '--log-level', 'warn',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      server: { bodyLimit: 2048, batchBodyLimit: 4096, maxLineBytes: 512, connectionTimeout: 1000, requestTimeout: 2000, keepAliveTimeout: 3000, logLevel: 'warn' },
      listen: { port: 9000, host: '0.0.0.0', shutdownGrace: 0 },
    });
  });

  it('PORT and HOST from the environment when the flags are absent; a flag wins', () => {
    expect(parseServerArgs([], { PORT: '3000', HOST: '::1' })).toMatchObject({ listen: { port: 3000, host: '::1' } });
    expect(parseServerArgs(['--port', '4000'], { PORT: '3000' })).toMatchObject({ listen: { port: 4000 } });
  });

  it('port bounds: 0 (a free port) and 65535 are accepted, 65536 is not', () => {
    expect(parseServerArgs(['--port', '0'])).toMatchObject({ listen: { port: 0 } });
    expect(parseServerArgs(['--port', '65535'])).toMatchObject({ listen: { port: 65535 } });
    expect(parseServerArgs(['--port', '65536'])).toEqual({ kind: 'error', message: '--port must be between 0 and 65535 (got 65536)' });
  });

  it('mistakes are messages, never throws: a non-number, a zero limit, an unknown flag, an unknown level, an empty host', () => {
    expect(parseServerArgs(['--body-limit', '1e6'])).toEqual({ kind: 'error', message: '--body-limit must be a whole number (got 1e6)' });
    expect(parseServerArgs(['--batch-limit', '0'])).toMatchObject({ kind: 'error' });
    expect(parseServerArgs(['--prot', '1'])).toMatchObject({ kind: 'error' });
    expect(parseServerArgs(['extra'])).toMatchObject({ kind: 'error' });
    expect(parseServerArgs(['--log-level', 'loud'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--log-level must be one of') });
    expect(parseServerArgs([], { HOST: '' })).toEqual({ kind: 'error', message: '--host must not be empty' });
  });

  it('--help and --version', () => {
    expect(parseServerArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseServerArgs(['-v'])).toEqual({ kind: 'version' });
  });
});
