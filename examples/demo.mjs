// The demo: assess each request of examples/sample-cohort.json with the built package and print what
// `explain` says about it. `npm run demo` builds first, then runs this file.
//
//   node examples/demo.mjs            statements in Chinese
//   node examples/demo.mjs --lang en  statements in English
//
// While the assessment engine is not built yet (no `assess` / `explain` exported), it says so, lists
// what the package exports, and exits 0.
import { readFileSync } from 'node:fs';

const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'zh';
if (lang !== 'zh' && lang !== 'en') {
  console.error(`unknown language: ${lang} (use zh or en)`);
  process.exit(2);
}

let lib;
try {
  lib = { ...(await import('../dist/index.js')), ...(await import('../dist/explain.js')) };
} catch (error) {
  console.error(`cannot load the built package (dist/index.js): ${error instanceof Error ? error.message : String(error)}`);
  console.error('run `npm run build` first (or `npm run demo`, which builds).');
  process.exit(1);
}

const exported = Object.keys(lib).sort();
if (typeof lib.assess !== 'function' || typeof lib.explain !== 'function') {
  console.log('The assessment engine is not built yet: the package does not export `assess` and `explain`.');
  console.log(`Exported so far (${exported.length}): ${exported.join(', ') || '(nothing)'}`);
  process.exit(0);
}

const cohort = JSON.parse(readFileSync(new URL('./sample-cohort.json', import.meta.url), 'utf8'));

/** Prints what `explain` returns: a text, a list of statements, or anything else as JSON. */
function print(explained) {
  if (typeof explained === 'string') console.log(explained);
  else if (Array.isArray(explained)) for (const statement of explained) console.log(typeof statement === 'string' ? statement : JSON.stringify(statement));
  else console.log(JSON.stringify(explained, null, 2));
}

let failures = 0;
for (const request of cohort) {
  const subject = request.enterprise ?? request.institution;
  const heading = `${subject.id} ${subject.name ?? ''}`.trim();
  console.log(`\n=== ${heading} (asOf ${request.asOf}) ===`);
  try {
    const outcome = typeof lib.safeAssess === 'function' ? lib.safeAssess(request) : { ok: true, value: lib.assess(request) };
    if (!outcome.ok) {
      failures += 1;
      console.log(lang === 'zh' ? '输入有误：' : 'invalid input:');
      for (const issue of outcome.issues) console.log(`  ${issue.path.join('.') || '(root)'}: ${issue[lang]}`);
      continue;
    }
    print(lib.explain(outcome.value, { lang }));
  } catch (error) {
    failures += 1;
    console.log(`failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}

if (failures > 0) {
  console.error(`\n${failures} of ${cohort.length} sample requests could not be assessed`);
  process.exit(1);
}
