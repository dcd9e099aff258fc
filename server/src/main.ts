#!/usr/bin/env node
/**
 * `mentougou-srdi-server`: parses the command line, builds the service, listens, and stops cleanly.
 *
 * SIGTERM (or SIGINT): stop accepting connections, let in-flight requests finish, exit 0; if they have
 * not finished within `--shutdown-grace`, their connections are cut and the exit code is 1.
 */
import { buildServer } from './app.js';
import { libraryVersion } from './library.js';
import { parseServerArgs, USAGE } from './options.js';

async function main(): Promise<number | undefined> {
  const parsed = parseServerArgs(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`${libraryVersion()}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const app = buildServer(parsed.server);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing in-flight requests');
    const grace = setTimeout(() => {
      app.log.error({ graceMs: parsed.listen.shutdownGrace }, 'in-flight requests did not finish in time: cut');
      app.server.closeAllConnections();
      process.exit(1);
    }, parsed.listen.shutdownGrace);
    grace.unref();
    app.close().then(
      () => {
        app.log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await app.listen({ port: parsed.listen.port, host: parsed.listen.host });
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mentougou-srdi-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
