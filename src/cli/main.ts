/**
 * The bin `mentougou-srdi` (built to dist/cli.js): wires the process's IO to `runCli` and sets the
 * exit code. All command logic lives in the command modules, which take `(args, io)`.
 */
import { runCli } from './commands.js';
import { processIO } from './io.js';

const code = await runCli(process.argv.slice(2), processIO());
process.exitCode = code;
// An interrupted run (130, 143) may leave a read of standard input pending: end now.
if (code === 130 || code === 143) process.exit(code);
