/**
 * The policy text, once: docs/policy/measures.zh.txt is the whole Chinese text of the draft
 * (《门头沟区关于促进“专精特新”中小企业高质量发展的若干措施》（征求意见稿）), and every Chinese quotation
 * of it elsewhere in the repository is checked against that one file:
 *
 * - the quoted lines (`> …`) of the doc comments in src/measures and src/provisions, each block of
 *   consecutive lines one quotation;
 * - every `zh` words field of the built-in edition's parameters (its pieces between “……” in order);
 * - the “原文” column of the gloss, docs/policy/measures.en.md, and its quoted lines;
 * - the quotations of the text in docs/rulings.md (“…” with Chinese in it; “…” marks an omission there).
 *
 * Whitespace and line breaks are not part of a quotation (a doc comment wraps the text); the words and
 * punctuation are. A failure names the file, the line and the first place where the quotation departs
 * from the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

const TEXT_PATH = 'docs/policy/measures.zh.txt';
const TEXT = read(TEXT_PATH);

/** A quotation or the text without its whitespace: the line breaks of a wrapped comment are not words. */
const normalise = (text: string): string => text.replace(/\s+/g, '');
const NORMALISED_TEXT = normalise(TEXT);

interface Quotation {
  /** Where it is: `path:line` (or `path › parameter`). */
  where: string;
  text: string;
}

/**
 * Why a quotation is not the text's, or null when it is. The pieces between omission marks (……, …)
 * must each occur in the text, in their order. The message shows the longest start of the failing
 * piece that the text has, and what follows it in the quotation and in the text.
 */
function departure(quotation: string): string | null {
  const pieces = normalise(quotation)
    .split(/…+/)
    .filter((p) => p.length > 0);
  if (pieces.length === 0) return 'the quotation is empty';
  let from = 0;
  for (const piece of pieces) {
    const at = NORMALISED_TEXT.indexOf(piece, from);
    if (at !== -1) {
      from = at + piece.length;
      continue;
    }
    let n = piece.length - 1;
    while (n > 0 && !NORMALISED_TEXT.includes(piece.slice(0, n), from)) n--;
    if (n === 0) return `“${piece.slice(0, 20)}…” does not begin anywhere in the text${from > 0 ? ' after the previous piece' : ''}`;
    const found = NORMALISED_TEXT.indexOf(piece.slice(0, n), from);
    const next = NORMALISED_TEXT.slice(found + n, found + n + 12);
    return `after “${piece.slice(Math.max(0, n - 12), n)}” the quotation has “${piece.slice(n, n + 12)}”, the text has “${next}”`;
  }
  return null;
}

const CJK = /[\u4e00-\u9fff]/;

/** The `> …` blocks of the doc comments of a source file, each with its first line's number. */
function commentQuotations(path: string): Quotation[] {
  const lines = read(path).split('\n');
  const out: Quotation[] = [];
  let block: { start: number; parts: string[] } | null = null;
  lines.forEach((line, i) => {
    const m = /^\s*\*\s?>\s?(.*)$/.exec(line);
    if (m) {
      block ??= { start: i + 1, parts: [] };
      block.parts.push(m[1]!);
      return;
    }
    if (block) out.push({ where: `${path}:${block.start}`, text: block.parts.join('\n') });
    block = null;
  });
  return out;
}

/** The text files under a folder of the repository (paths relative to its root), build output left out. */
function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : walk(path);
    return /\.(ts|mjs|js|md|txt|json|jsonl|html)$/.test(e.name) ? [path] : [];
  });
}

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => `${dir}/${f}`);

interface Parameter {
  clause: string;
  zh: string;
}

/** Every parameter of an edition (an object with `value`, `clause` and `zh`), with its dotted path. */
function parameters(node: unknown, path: string[] = []): [string, Parameter][] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
  if ('value' in node && 'clause' in node && 'zh' in node) return [[path.join('.'), node as Parameter]];
  return Object.entries(node).flatMap(([k, v]) => parameters(v, [...path, k]));
}

/** The cells of the “原文” column of each Markdown table that has one, and the `> …` lines. */
function glossQuotations(path: string): Quotation[] {
  const lines = read(path).split('\n');
  const out: Quotation[] = [];
  let column = -1;
  lines.forEach((line, i) => {
    const cells = line.startsWith('|') ? line.split('|').slice(1, -1).map((c) => c.trim()) : null;
    if (!cells) {
      column = -1;
      const quote = /^>\s?(.*)$/.exec(line);
      if (quote && CJK.test(quote[1]!)) out.push({ where: `${path}:${i + 1}`, text: quote[1]! });
      return;
    }
    const header = cells.findIndex((c) => c.includes('原文'));
    if (header !== -1) {
      column = header;
      return;
    }
    if (column === -1 || /^-+$/.test(cells[column] ?? '')) return;
    out.push({ where: `${path}:${i + 1}`, text: cells[column]! });
  });
  return out;
}

/**
 * The top-level “…” quotations with Chinese in them (nested “” inside are the text's own), each with its
 * line. Quotation marks never span a line there.
 */
function curlyQuotations(path: string): Quotation[] {
  const out: Quotation[] = [];
  read(path)
    .split('\n')
    .forEach((line, i) => {
      let depth = 0;
      let start = -1;
      for (let k = 0; k < line.length; k++) {
        const ch = line[k];
        if (ch === '“') {
          if (depth === 0) start = k + 1;
          depth++;
        } else if (ch === '”' && depth > 0) {
          depth--;
          if (depth === 0) {
            const quoted = line.slice(start, k);
            if (CJK.test(quoted)) out.push({ where: `${path}:${i + 1}`, text: quoted });
          }
        }
      }
    });
  return out;
}

const failures = (quotations: readonly Quotation[]): string[] =>
  quotations.flatMap((q) => {
    const why = departure(q.text);
    return why === null ? [] : [`${q.where}: ${why}`];
  });

describe('the policy text, once (docs/policy/measures.zh.txt)', () => {
  it('is the whole draft: its title, the preamble, sections 一 to 八 and the last sentence of G6', () => {
    expect(TEXT).toContain('《门头沟区关于促进“专精特新”中小企业高质量发展的若干措施》（征求意见稿）');
    for (const section of ['一、支持重点企业资质提升', '二、降低企业办公空间成本', '三、鼓励服务机构提质增效', '四、拓宽信贷股权融资渠道', '五、鼓励优质企业上市融资', '六、鼓励企业引进人才', '七、强化精准高效服务', '八、严格措施落实管理']) {
      expect(TEXT, section).toContain(section);
    }
    for (let n = 1; n <= 13; n++) expect(TEXT, `clause ${n}`).toMatch(new RegExp(`\\n${n}、`));
    expect(TEXT.trimEnd()).toMatch(/按最新政策执行。$/);
  });

  it('is the only copy: no file outside the checked quotations holds a whole paragraph of the text (the title aside)', () => {
    const paragraphs = TEXT.split('\n')
      .map(normalise)
      .filter((p) => p.length >= 40);
    expect(paragraphs.length).toBeGreaterThan(15);
    // Where whole clauses are quoted on purpose, and checked below: the gloss, the rulings, the measures and provisions.
    // the mutation report holds a copy of each mutated source file (Stryker's incremental mode diffs them), the checked quotations with them
    const checked = (path: string) =>
      path.startsWith('docs/policy/') || path === 'docs/rulings.md' || path.startsWith('src/measures/') || path.startsWith('src/provisions/') || path === 'test/mutation/stryker-incremental.json';
    const files = ['README.md', ...['src', 'test', 'docs', 'examples', 'bench', 'scripts'].flatMap((dir) => walk(dir))].filter((f) => !checked(f));
    expect(files).toContain('test/policy/edition.test.ts');
    const copies = files.flatMap((file) => {
      const content = normalise(read(file));
      return paragraphs.filter((p) => content.includes(p)).map((p) => `${file}: “${p.slice(0, 16)}…”`);
    });
    expect(copies).toEqual([]);
  });
});

describe('every quotation of the text is the text’s', () => {
  const quotationsIn = [...sources('src/measures'), ...sources('src/provisions')].map((path) => [path, commentQuotations(path)] as const);

  it('the measures and provisions quote their clauses in their doc comments (13 measures, G1, G3, G4, G5)', () => {
    const quoting = quotationsIn.filter(([, qs]) => qs.length > 0).map(([path]) => path.replace(/^src\//, ''));
    expect(quoting).toEqual([
      'measures/m01-designation-reward.ts',
      'measures/m02-move-in-reward.ts',
      'measures/m03-rent-subsidy.ts',
      'measures/m04-plot-ratio.ts',
      'measures/m05-institution-reward.ts',
      'measures/m06-financing.ts',
      'measures/m07-listing-reward.ts',
      'measures/m08-fundraising-services.ts',
      'measures/m09-talent-support.ts',
      'measures/m10-talent-hukou.ts',
      'measures/m11-service-package.ts',
      'measures/m12-cultivation-pool.ts',
      'measures/m13-dual-commitment-pilot.ts',
      'provisions/g1-applicability.ts',
      'provisions/g3-case-by-case.ts',
      'provisions/g4-integrity.ts',
      'provisions/g5-retention.ts',
    ]);
  });

  it.each(quotationsIn.filter(([, qs]) => qs.length > 0))('%s: its `> …` lines are the text, word for word', (_path, quotations) => {
    expect(failures(quotations)).toEqual([]);
  });

  it('every `zh` words field of the built-in edition (30 parameters and 22 readings) is the text’s', () => {
    const all = parameters(mentougou2022Draft).map(([path, p]) => ({ where: `mentougou-2022-draft › ${path} (${p.clause})`, text: p.zh }));
    // 30 parameters + 22 readings (DESIGN §8), whose words are the 「」 quotations of src/policy/readings.ts
    expect(all).toHaveLength(52);
    expect(failures(all)).toEqual([]);
  });

  it('the “原文” column and the quoted lines of docs/policy/measures.en.md are the text’s (M1–M13, G1–G6, the preamble)', () => {
    const quotations = glossQuotations('docs/policy/measures.en.md');
    expect(quotations).toHaveLength(13 + 6 + 1);
    expect(failures(quotations)).toEqual([]);
  });

  it('the quotations of the text in docs/rulings.md are the text’s', () => {
    const quotations = curlyQuotations('docs/rulings.md');
    expect(quotations.length).toBeGreaterThan(30);
    expect(failures(quotations)).toEqual([]);
  });
});

describe('the check itself', () => {
  it('accepts a quotation wrapped over lines, and pieces between omission marks in their order', () => {
    expect(departure('单个企业每年支持额度\n不超过30万元')).toBeNull();
    expect(departure('每增加1家北京市“专精特新”中小企业……一次性给予创新创业服务机构2万元')).toBeNull();
  });

  it('says where a quotation departs from the text: a changed figure, changed punctuation, pieces out of order', () => {
    expect(departure('单个企业每年支持额度不超过50万元')).toBe('after “个企业每年支持额度不超过” the quotation has “50万元”, the text has “30万元。已享受中关村门”');
    expect(departure('以上措施按照"从优不重复"的原则执行')).toBe('after “以上措施按照” the quotation has “"从优不重复"的原则执行”, the text has ““从优不重复”的原则执行”');
    expect(departure('一次性给予80万元奖励……一次性给予20万元奖励')).toBe('after “一次性给予” the quotation has “20万元奖励”, the text has “10万元的入区奖励（需在”');
    expect(departure('Mentougou')).toBe('“Mentougou…” does not begin anywhere in the text');
  });
});
