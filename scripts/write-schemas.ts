/**
 * Writes the published JSON Schemas (run by `npm run build` after tsup):
 * dist/schema/request.json and dist/schema/result.json. The schemas themselves are built in
 * src/model/json-schema.ts; this script only writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decisionJsonSchema, requestJsonSchema, resultJsonSchema } from '../src/model/json-schema.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'schema');
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of [
  ['request.json', requestJsonSchema()],
  ['result.json', resultJsonSchema()],
  ['decision.json', decisionJsonSchema()],
] as const) {
  const file = join(outDir, name);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`, 'utf8');
  console.log(`wrote ${file}`);
}
