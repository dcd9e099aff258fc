/**
 * The bin `mentougou-srdi` (built to dist/cli.js): wires the process's IO to `runCli` and sets the
 * exit code. All command logic lives in the command modules, which take `(args, io)`.
 */
import { runCli } from './commands.js';
import { processIO } from './io.js';

process.exitCode = await runCli(process.argv.slice(2), processIO());
