/**
 * `mentougou-srdi/verify` — checking policy vectors (a request and its expected outcomes) against the
 * library. Kept out of the main entry so a calculator does not ship it.
 */
export { verifyVectors, verifyVector, checkVector, type PolicyVector, type VectorExpectation, type VectorVerdict, type VectorReport, type VectorDifference, type VectorDifferenceCode } from '../verify-vectors.js';
