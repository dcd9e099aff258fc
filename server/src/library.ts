/**
 * What the service reads of the installed library package besides its code: its version (for the
 * `Mentougou-Srdi-Version` header) and the JSON Schemas it ships (`mentougou-srdi/schema/*.json`).
 */
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** A JSON Schema document, as shipped. */
export type JsonSchema = Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function loadJson(specifier: string): Record<string, unknown> {
  const value: unknown = load(specifier);
  if (!isRecord(value)) throw new Error(`${specifier} is not a JSON object`);
  return value;
}

/** The library's version, from its package.json. */
export function libraryVersion(): string {
  const version = loadJson('mentougou-srdi/package.json').version;
  if (typeof version !== 'string') throw new Error('mentougou-srdi/package.json has no version');
  return version;
}

/** The shipped JSON Schemas (draft 2020-12) of the request and of the result. */
export function librarySchemas(): { request: JsonSchema; result: JsonSchema } {
  return { request: loadJson('mentougou-srdi/schema/request.json'), result: loadJson('mentougou-srdi/schema/result.json') };
}
