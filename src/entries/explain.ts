/**
 * `mentougou-srdi/explain` — the bilingual statement of an assessment (Markdown). Kept out of the main
 * entry so a calculator that shows the result itself does not ship the statement texts.
 */
export { explain, type ExplainOptions } from '../explain.js';
