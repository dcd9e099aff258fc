#!/usr/bin/env node
/**
 * Compiles a consumer project against the packed package, as a user gets it, under each module
 * resolution a TypeScript user may have: node16, nodenext and bundler, each WITHOUT skipLibCheck, so the
 * shipped .d.ts files themselves are type-checked. `npm run check:consumer` builds first; CI, which has
 * built already, runs `node scripts/check-consumer.mjs`.
 *
 * 1. `npm pack` the package into a temporary folder.
 * 2. For each mode, a consumer project: the tarball installed (`npm install --offline` from the local
 *    npm cache; when the cache lacks zod or decimal.js, the tarball is unpacked into node_modules and
 *    the repository's own zod, decimal.js and @types/node are linked beside it), a tsconfig for the mode,
 *    and a program that uses the typed API: a typed request, a misspelt field that must not compile
 *    (`@ts-expect-error`), money helpers that must not be `any`, the CommonJS entry where the mode has
 *    one, and the JSON Schemas imported `with { type: 'json' }` where the mode allows import attributes.
 * 3. `tsc -p` in each; the run fails if any mode fails, printing its errors.
 *
 * Needs no network. Writes only under the system's temporary folder, which it removes (`--keep` keeps it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const keep = process.argv.includes('--keep');

const run = (command, args, cwd) => spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

if (!existsSync(join(ROOT, 'dist', 'index.d.ts'))) {
  process.stderr.write('check-consumer: dist/index.d.ts is missing; run `npm run build` first\n');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'srdi-consumer-'));
const packed = run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
if (packed.status !== 0) {
  process.stderr.write(packed.stderr);
  process.exit(2);
}
const tarball = join(work, JSON.parse(packed.stdout)[0].filename);

/** The program every consumer compiles (ESM). */
const PROGRAM = `import {
  assess,
  assessUnknown,
  formatMoney,
  parseMoney,
  roundToFen,
  safeAssess,
  type AssessmentResult,
  type PolicyRequestInput,
} from 'mentougou-srdi';

type IsAny<T> = 0 extends 1 & T ? true : false;
type Not<T extends boolean> = T extends true ? false : true;
const check = <T extends true>(_: T): void => undefined;

const request: PolicyRequestInput = {
  asOf: '2024-12-31',
  enterprise: { id: 'E1', designations: [{ level: 'municipal-sme', obtainedOn: '2023-05-01' }] },
};
const result: AssessmentResult = assess(request);
const total: string = result.totalPayable;

// @ts-expect-error a misspelt field must not compile
safeAssess({ asof: '2024-12-31', enterprise: { id: 'E1' } });
assessUnknown(JSON.parse('{}') as unknown);

// The money helpers keep their types (they were \`any\` when decimal.js's types did not resolve).
const parsed = parseMoney('1234.565');
if (parsed.ok) {
  const fen = roundToFen(parsed.value);
  check<Not<IsAny<typeof fen>>>(true);
  const text: string = formatMoney(fen);
  void text;
}
check<Not<IsAny<typeof parseMoney>>>(true);
check<Not<IsAny<ReturnType<typeof roundToFen>>>>(true);
void total;
`;

/** The same through \`require\` (the CommonJS entry, index.d.cts). */
const COMMONJS = `import srdi = require('mentougou-srdi');

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: IsAny<ReturnType<typeof srdi.roundToFen>> = false;
const total: string = srdi.assess({ asOf: '2024-12-31', enterprise: { id: 'E1' } }).totalPayable;
export { notAny, total };
`;

/** The JSON Schemas, imported as JSON modules. */
const SCHEMAS = `import requestSchema from 'mentougou-srdi/schema/request.json' with { type: 'json' };
import resultSchema from 'mentougou-srdi/schema/result.json' with { type: 'json' };

const ids: string[] = [requestSchema.$id, resultSchema.$id];
export { ids };
`;

const MODES = [
  {
    mode: 'node16',
    packageType: 'module',
    compilerOptions: { module: 'node16', moduleResolution: 'node16', types: ['node'] },
    files: { 'index.ts': PROGRAM, 'require.cts': COMMONJS },
  },
  {
    mode: 'nodenext',
    packageType: 'module',
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', resolveJsonModule: true, types: ['node'] },
    files: { 'index.ts': PROGRAM, 'require.cts': COMMONJS, 'schemas.ts': SCHEMAS },
  },
  {
    mode: 'bundler',
    packageType: 'module',
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler', resolveJsonModule: true, lib: ['es2022', 'dom'], types: [] },
    files: { 'index.ts': PROGRAM, 'schemas.ts': SCHEMAS },
  },
];

/** Installs the tarball into `dir`: npm from the local cache if it can, else unpacked and linked. */
function install(dir) {
  const npm = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], dir);
  if (npm.status === 0) return 'npm install --offline';
  const modules = join(dir, 'node_modules');
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(join(modules, '@types'), { recursive: true });
  const untar = run('tar', ['-xzf', tarball, '-C', modules], dir);
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
  run('mv', [join(modules, 'package'), join(modules, 'mentougou-srdi')], dir);
  for (const name of ['zod', 'decimal.js', '@types/node']) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'dir');
  return 'unpacked, dependencies linked from the repository (not in the npm cache)';
}

let failed = 0;
for (const { mode, packageType, compilerOptions, files } of MODES) {
  const dir = join(work, mode);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${mode}`, private: true, type: packageType }, null, 2)}\n`);
  const how = install(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const tsconfig = {
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib: ['es2022'], skipLibCheck: false, ...compilerOptions },
    files: Object.keys(files),
  };
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  const tsc = run(process.execPath, [TSC, '-p', dir], dir);
  const ok = tsc.status === 0;
  if (!ok) failed++;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${mode.padEnd(9)} (${Object.keys(files).join(', ')}; skipLibCheck false; ${how})\n`);
  if (!ok) process.stdout.write(`${`${tsc.stdout}${tsc.stderr}`.trimEnd().replace(/^/gm, '     ')}\n`);
}

const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'typescript', 'package.json'), 'utf8')).version;
process.stdout.write(`${failed === 0 ? 'consumer check passed' : `consumer check FAILED in ${failed} mode(s)`} (TypeScript ${version}, ${tarball.split(/[\\/]/).pop()})\n`);
if (keep) process.stdout.write(`kept: ${work}\n`);
else rmSync(work, { recursive: true, force: true });
process.exit(failed === 0 ? 0 : 1);
