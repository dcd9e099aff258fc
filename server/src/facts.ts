/**
 * `GET /facts`: the library's fact dictionary `FACTS` (docs/contract.md § The fact dictionary): every
 * request path a rule can miss, with its label, the question that asks for it, who holds it, whether a
 * department or the subject declares it, and whether that holder is assumed.
 */
import { FACTS, type FactEntry } from 'mentougou-srdi';

/** What `GET /facts` answers. */
export interface FactsResponse {
  statusCode: 200;
  body: readonly FactEntry[];
}

export function factsResponse(): FactsResponse {
  return { statusCode: 200, body: FACTS };
}
