// Builds the package (`npm run build`) unless dist/ is already newer than everything the build reads:
// `npm run demo` builds, and the `npm test` that follows it (pretest) then does not build a second time.
// Anything newer than dist/ (a source file, package.json, the build configuration) rebuilds.
//
//   node scripts/build-if-stale.mjs
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads. */
const INPUTS = ['src', 'scripts/write-schemas.ts', 'package.json', 'tsup.config.ts', 'tsconfig.json'];
/** What the build writes; the oldest of them is the build's time. */
const OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/explain.js', 'dist/edition.js', 'dist/verify.js', 'dist/analysis.js', 'dist/schemas.js', 'dist/cli.js', 'dist/batch-worker.js', 'dist/schema/request.json', 'dist/schema/result.json', 'dist/schema/decision.json'];

/** The newest modification time under a file or folder. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const built = OUTPUTS.every((f) => existsSync(f)) ? Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs)) : -Infinity;
const changed = Math.max(...INPUTS.filter((f) => existsSync(f)).map(newest));
if (changed < built) {
  console.log('dist/ is up to date: not rebuilt');
} else {
  execSync('npm run build --silent', { stdio: 'inherit' });
}
