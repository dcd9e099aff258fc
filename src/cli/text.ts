/**
 * Text for terminals in one language: prose wrapped to the CLI's width (100 columns, a CJK character
 * taking two), the outcome words, and an edition's assumptions told in Chinese from the edition's own
 * words (the assumption texts themselves are English).
 */
import { displayWidth } from '../analysis/text-table.js';
import type { PolicyEdition } from '../policy/edition.js';
import { type Lang, pick } from './args.js';

/** The width the CLI's text and tables fit in. */
export const TEXT_WIDTH = 100;

const isWideChar = (ch: string): boolean => displayWidth(ch) === 2;

/**
 * Wraps a paragraph to `width` columns: at spaces, or between two wide characters (Chinese has no
 * spaces); continuation lines are indented by `indent`. A word longer than a line stays whole.
 */
export function wrap(text: string, width = TEXT_WIDTH, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const limit = (): number => width - (lines.length === 0 ? 0 : displayWidth(indent));
  // Tokens: a run of narrow non-space characters (a word), one wide character, or spaces.
  const tokens = text.match(/\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|./gsu) ?? [];
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line !== '') {
        line += ' ';
        lineWidth += 1;
      }
      continue;
    }
    const w = displayWidth(token);
    if (lineWidth + w > limit() && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = '';
      lineWidth = 0;
    }
    // A closing punctuation mark never starts a line: it goes back to the end of the previous one.
    if (line === '' && lines.length > 0 && isWideChar(token) && '，。；：、）》”’！？'.includes(token)) {
      lines[lines.length - 1] += token;
      continue;
    }
    line += token;
    lineWidth += w;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

/** An outcome (or none) in words. */
export function outcomeWord(outcome: string | null, lang: Lang): string {
  if (outcome === null) return '—';
  const words: Record<string, [string, string]> = { eligible: ['符合', 'eligible'], ineligible: ['不符合', 'ineligible'], undetermined: ['待定', 'undetermined'] };
  const w = words[outcome];
  return w === undefined ? outcome : pick(lang, w[0], w[1]);
}

/** Yes or no. */
export const yesNo = (value: boolean, lang: Lang): string => (value ? pick(lang, '是', 'yes') : pick(lang, '否', 'no'));

/** The parameter of an edition at a dotted path (`m3.lastYear`), if it is one. */
function parameterAt(edition: PolicyEdition, path: string): { value: unknown; zh?: unknown } | null {
  let node: unknown = edition;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null && 'value' in node ? (node as { value: unknown; zh?: unknown }) : null;
}

/**
 * An assumption of the edition in `lang`. An assumption starts with the parameters it is about and
 * their clause (`m3.lastYear (G6/R4): …`); in Chinese it is told from the edition itself: those
 * parameters, the words of the text, and the values this edition takes.
 */
export function assumptionText(edition: PolicyEdition, assumption: string, lang: Lang): string {
  if (lang === 'en') return assumption;
  const head = /^([\w.,\- ]+?) \(([^)]+)\):/.exec(assumption);
  if (head === null) return assumption;
  const paths = head[1]!.split(', ');
  const parameters = paths.map((p) => parameterAt(edition, p));
  if (parameters.some((p) => p === null)) return assumption;
  const words = parameters.map((p) => (typeof p!.zh === 'string' ? `“${p!.zh}”` : '')).filter((w) => w !== '');
  const values = parameters.map((p) => String(p!.value));
  return `${paths.join('、')}（${head[2]}）：${words.length > 0 ? `原文${[...new Set(words)].join('')}未写明，` : '原文未写明，'}本版本假定为 ${values.join('、')}`;
}
