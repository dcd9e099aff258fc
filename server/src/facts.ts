/**
 * `GET /facts`: the fact dictionary `FACTS` of docs/contract.md § The fact dictionary (every request path a rule can miss, with its
 * label, question, holder and source).
 *
 * The library does not export `FACTS` yet: until it does, the route answers 501 with a bilingual issue.
 * Wiring it is one line here: `return { statusCode: 200, body: FACTS }` with `FACTS` from 'mentougou-srdi'.
 */
import { type IssuesBody, ISSUES } from './issues.js';

/** What `GET /facts` answers. */
export type FactsResponse = { statusCode: 200; body: unknown } | { statusCode: 501; body: IssuesBody };

export function factsResponse(): FactsResponse {
  return { statusCode: 501, body: { issues: [ISSUES.notImplemented({ zh: '事实字典（FACTS）', en: 'the fact dictionary (FACTS)' })] } };
}
