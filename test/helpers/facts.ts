/**
 * Test helpers: build the derived facts of a request written as a caller would write it, so measure
 * tests state their cases in the contract's own terms.
 */
import { type EnterpriseFacts, type InstitutionFacts, deriveFacts } from '../../src/facts/facts.js';
import { parseRequest } from '../../src/model/parse.js';
import type { PolicyRequestInput } from '../../src/model/request.js';

type EnterpriseInput = NonNullable<PolicyRequestInput['enterprise']>;
type InstitutionInput = NonNullable<PolicyRequestInput['institution']>;

/** The facts of `{ asOf, enterprise }`; throws with the issues if the request is invalid. */
export function enterpriseFacts(asOf: string, enterprise: Omit<EnterpriseInput, 'id'> & { id?: string }): EnterpriseFacts {
  const parsed = parseRequest({ asOf, enterprise: { id: 'E-TEST', ...enterprise } });
  if (!parsed.ok) throw new Error(`invalid test request: ${JSON.stringify(parsed.issues)}`);
  return deriveFacts(parsed.value) as EnterpriseFacts;
}

/** The facts of `{ asOf, institution }`; throws with the issues if the request is invalid. */
export function institutionFacts(asOf: string, institution: Omit<InstitutionInput, 'id'> & { id?: string }): InstitutionFacts {
  const parsed = parseRequest({ asOf, institution: { id: 'I-TEST', ...institution } });
  if (!parsed.ok) throw new Error(`invalid test request: ${JSON.stringify(parsed.issues)}`);
  return deriveFacts(parsed.value) as InstitutionFacts;
}

/** Registrations of both kinds in one region from one day. */
export function registeredIn(region: 'mentougou' | 'beijing-other' | 'outside-beijing', from: string) {
  return [
    { kind: 'business' as const, region, from },
    { kind: 'tax' as const, region, from },
  ];
}

/** Registrations of both kinds through regions, each stay from its day (`stays(['mentougou', '2015-01-01'], ['beijing-other', '2024-06-01'])`). */
export function stays(...periods: ['mentougou' | 'beijing-other' | 'outside-beijing', string][]) {
  return periods.flatMap(([region, from]) => registeredIn(region, from));
}
