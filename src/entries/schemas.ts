/**
 * `mentougou-srdi/schemas` — the zod schemas of the contract: the request (also in the main entry), the
 * result, the decision and the edition. The JSON Schemas ship as files (`mentougou-srdi/schema/*.json`).
 */
export { requestSchema } from '../model/request.js';
export { resultSchema } from '../model/result.js';
export { editionSchema } from '../policy/edition.js';
export { decisionSchema } from '../model/decision.js';
