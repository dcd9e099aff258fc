/**
 * The API reference (`npm run docs`, TypeDoc from the JSDoc of src/index.ts's exports) has an example
 * for every exported value, and the examples are right:
 *
 * - every value src/index.ts exports (function, constant, class) has an `@example` with a ```ts block;
 *   every exported type has a doc comment;
 * - every example type-checks against the library under the project's strict settings;
 * - every example runs, and where a `console.log(…)` line ends with a comment (`// 200000.00`), the
 *   value it prints is that text.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const INDEX = join(ROOT, 'src/index.ts');
/** The subpath exports (`mentougou-srdi/<name>`), each a file of src/entries/. */
const SUBPATHS = ['explain', 'edition', 'verify', 'analysis', 'schemas'] as const;
const ENTRIES = [INDEX, ...SUBPATHS.map((name) => join(ROOT, 'src/entries', `${name}.ts`))];
const OUT = join(ROOT, 'test-output', 'api-examples');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  strict: true,
  noUncheckedIndexedAccess: true,
  isolatedModules: true,
  esModuleInterop: true,
  skipLibCheck: true,
  resolveJsonModule: true,
  noEmit: true,
  types: ['node'],
};

interface Export {
  name: string;
  kind: 'value' | 'type';
  examples: string[];
  documented: boolean;
}

/** The exports of src/index.ts and of the subpath entries, each with the ```ts blocks of its @example tags. */
function exportsOfIndex(): Export[] {
  const program = ts.createProgram(ENTRIES, COMPILER_OPTIONS);
  const checker = program.getTypeChecker();
  const seen = new Set<string>();
  const exported = ENTRIES.flatMap((entry) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)).filter((e) => !seen.has(e.name) && seen.add(e.name));
  return exported.map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    const kind = symbol.flags & ts.SymbolFlags.Value ? 'value' : 'type';
    const examples = declarations.flatMap((d) =>
      ts
        .getJSDocTags(d)
        .filter((t) => t.tagName.text === 'example')
        .flatMap((t) => {
          const text = ts.getTextOfJSDocComment(t.comment) ?? '';
          return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
        }),
    );
    const documented = symbol.getDocumentationComment(checker).length > 0 || declarations.some((d) => ts.getJSDocTags(d).length > 0);
    return { name: exported.name, kind, examples, documented };
  });
}

const EXPORTS = exportsOfIndex();
const examples = EXPORTS.flatMap((e) => e.examples.map((code, i) => ({ name: `${e.name}-${i + 1}`, code })));

/** An example as a module of its own: `from 'mentougou-srdi'` becomes the sources' index, `'mentougou-srdi/<name>'` its entry. */
const asModule = (code: string, from: string): string =>
  `${SUBPATHS.reduce((text, name) => text.replaceAll(`from 'mentougou-srdi/${name}'`, `from '${from.replace(/index\.js$/, `entries/${name}.js`)}'`), code).replaceAll("from 'mentougou-srdi'", `from '${from}'`)}\nexport {};\n`;

describe('the API reference: an example for every export', () => {
  it('finds the exports of src/index.ts and the subpath entries (more than 40 values)', () => {
    expect(EXPORTS.filter((e) => e.kind === 'value').length).toBeGreaterThan(40);
    expect(EXPORTS.map((e) => e.name)).toContain('assess');
  });

  it('every exported value has an @example with a ```ts block', () => {
    expect(EXPORTS.filter((e) => e.kind === 'value' && e.examples.length === 0).map((e) => e.name)).toEqual([]);
  });

  it('every exported type has a doc comment', () => {
    expect(EXPORTS.filter((e) => e.kind === 'type' && !e.documented).map((e) => e.name)).toEqual([]);
  });
});

describe('the examples', () => {
  it('type-check against the library (strict, noUncheckedIndexedAccess)', () => {
    const files = new Map(examples.map((e) => [join(ROOT, 'test-output', 'api-examples', `${e.name}.ts`), asModule(e.code, INDEX.replace(/\.ts$/, '.js'))]));
    const host = ts.createCompilerHost(COMPILER_OPTIONS);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (f) => files.get(f) ?? readFile(f);
    host.fileExists = (f) => files.has(f) || fileExists(f);
    host.getSourceFile = (f, v, onError, create) => {
      const text = files.get(f);
      return text === undefined ? getSourceFile(f, v, onError, create) : ts.createSourceFile(f, text, v);
    };
    const program = ts.createProgram([...files.keys()], COMPILER_OPTIONS, host);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.has(d.file.fileName))
      .map((d) => `${d.file!.fileName.split('/').pop()}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(errors).toEqual([]);
  }, 60_000);

  mkdirSync(OUT, { recursive: true });
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it.each(examples.map((e) => [e.name, e.code] as const))('%s runs, and prints what its comments say', async (name, code) => {
    const file = join(OUT, `${name}.ts`);
    writeFileSync(file, asModule(code, '../../src/index.js'));
    const printed: unknown[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args[0]);
    });
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      log.mockRestore();
    }
    const expected = code
      .split('\n')
      .filter((line) => /console\.log\(/.test(line))
      .map((line) => /\);\s*\/\/ (.*)$/.exec(line)?.[1] ?? null);
    if (expected.length > 0 && expected.every((e) => e !== null)) {
      expect(printed.map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))).toEqual(expected);
    }
  });
});
