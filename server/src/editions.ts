/**
 * The built-in policy editions the service offers (`?edition=ID`, `GET /editions`), and an edition's
 * parameters as a flat list: every value with its path, clause and the words of the text that state it.
 */
import { mentougou2022Draft, type PolicyEdition } from 'mentougou-srdi';

/** The edition a request gets when it names none. */
export const DEFAULT_EDITION: PolicyEdition = mentougou2022Draft;

/** The built-in editions, by id (the library's built-in edition; more when the library ships them). */
export const BUILT_IN_EDITIONS: ReadonlyMap<string, PolicyEdition> = new Map([[mentougou2022Draft.id, mentougou2022Draft]]);

/** An edition's head, as `GET /editions` lists it. */
export interface EditionSummary {
  id: string;
  title: { zh: string; en: string };
  derivedFrom?: string;
  assumptions: string[];
  default: boolean;
}

/** One parameter of an edition. */
export interface EditionParameter {
  /** Dotted path, as the CLI's `--set` names it (`m3.yearCap`). */
  path: string;
  value: unknown;
  clause: string;
  /** The Chinese words of the text that state the value. */
  zh: string;
  en?: string;
  /** True where the text does not state the value and the edition assumes it. */
  assumed: boolean;
}

export function editionSummary(edition: PolicyEdition): EditionSummary {
  return {
    id: edition.id,
    title: { zh: edition.title.zh, en: edition.title.en },
    ...(edition.derivedFrom === undefined ? {} : { derivedFrom: edition.derivedFrom }),
    assumptions: [...edition.assumptions],
    default: edition.id === DEFAULT_EDITION.id,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isParameter = (v: Record<string, unknown>): boolean => 'value' in v && typeof v.clause === 'string' && typeof v.zh === 'string';

/** Every parameter of an edition, in the edition's order. */
export function editionParameters(edition: PolicyEdition): EditionParameter[] {
  const rows: EditionParameter[] = [];
  const walk = (node: Record<string, unknown>, path: readonly string[]): void => {
    for (const [key, child] of Object.entries(node)) {
      if (!isRecord(child)) continue;
      const here = [...path, key];
      if (isParameter(child)) {
        rows.push({
          path: here.join('.'),
          value: child.value,
          clause: child.clause as string,
          zh: child.zh as string,
          ...(typeof child.en === 'string' ? { en: child.en } : {}),
          assumed: child.assumed === true,
        });
      } else walk(child, here);
    }
  };
  walk(edition as unknown as Record<string, unknown>, []);
  return rows;
}

/** `GET /editions/{id}`: the head, every parameter, and the edition itself (JSON, as `--edition` reads it). */
export function editionDetail(edition: PolicyEdition): EditionSummary & { parameters: EditionParameter[]; edition: PolicyEdition } {
  return { ...editionSummary(edition), parameters: editionParameters(edition), edition };
}
