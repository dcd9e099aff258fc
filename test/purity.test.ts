/**
 * Purity: no module of the library reads the clock, the environment or files (docs/architecture.md; the CLI in
 * src/cli/ excepted). `asOf` is always an input.
 *
 * 1. With the clock frozen — `Date.now` throws, and `Date` is replaced by a subclass whose zero-argument
 *    constructor (and call without `new`) throws — the library is imported afresh and every entry point
 *    runs on the golden vectors; the answers equal those computed with the clock running.
 * 2. No source file outside src/cli/ mentions `process.env`, `Date.now`, `new Date(` or imports `fs`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { goldenVectors } from './helpers/golden.js';

type Library = typeof import('../src/index.js') &
  typeof import('../src/entries/explain.js') &
  typeof import('../src/entries/edition.js') &
  typeof import('../src/entries/verify.js');

/** The main entry with the subpath exports it uses, imported (afresh after `vi.resetModules()`). */
async function library(): Promise<Library> {
  return {
    ...(await import('../src/index.js')),
    ...(await import('../src/entries/explain.js')),
    ...(await import('../src/entries/edition.js')),
    ...(await import('../src/entries/verify.js')),
  };
}

const vectors = goldenVectors();
const RealDate = globalThis.Date;

class ClockReadError extends Error {}

/** `Date` with the clock taken away: dates from explicit parts or a timestamp still work. */
class FrozenDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) throw new ClockReadError('new Date() read the clock');
    super(...(args as [number]));
  }
  static override now(): number {
    throw new ClockReadError('Date.now() read the clock');
  }
}

function freezeClock(): void {
  vi.spyOn(RealDate, 'now').mockImplementation(() => {
    throw new ClockReadError('Date.now() read the clock');
  });
  globalThis.Date = FrozenDate as unknown as DateConstructor;
}

function thawClock(): void {
  globalThis.Date = RealDate;
  vi.restoreAllMocks();
}

afterEach(thawClock);

/** Everything the public entry points give on the golden vectors. */
function everything(lib: Library) {
  const results = vectors.map((v) => lib.safeAssessUnknown(v.request));
  const statements = results.flatMap((r) => (r.ok ? [lib.explain(r.value), lib.explain(r.value, { lang: 'en' })] : []));
  const thrown = vectors.map((v) => {
    try {
      lib.assessUnknown(v.request);
      return null;
    } catch (error) {
      if (!(error instanceof lib.PolicyInputError)) throw error;
      return error.issues;
    }
  });
  const clawback = vectors
    .map((v) => v.request as { asOf: string; enterprise?: { disbursements?: unknown[]; registrations?: unknown[] } })
    .filter((r) => r.enterprise?.disbursements && r.enterprise.registrations)
    .map((r) => lib.checkClawback(r.enterprise!.disbursements, r.enterprise!.registrations, r.asOf));
  const reform = lib.deriveEdition(lib.mentougou2022Draft, lib.changesFromAssignments(['m3.years=2', 'window.effectiveTo=2026-12-31']), { id: 'reform-purity' });
  const underReform = vectors.map((v) => lib.safeAssessUnknown(v.request, { edition: reform }));
  const verdicts = lib.verifyVectors(vectors);
  const period = lib.retentionPeriodEnd('2024-02-29', 8);
  return { results, statements, thrown, clawback, reform, underReform, verdicts, period };
}

describe('purity: no module reads the clock', () => {
  it('the frozen clock does throw when read (the test would catch a module that reads it)', () => {
    freezeClock();
    expect(() => Date.now()).toThrow(ClockReadError);
    expect(() => new Date()).toThrow(ClockReadError);
    expect(() => (Date as unknown as () => string)()).toThrow();
    expect(new Date(Date.UTC(2024, 1, 29)).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('assess, safeAssess, explain, checkClawback, deriveEdition and verifyVectors give the same answers on the golden vectors with the clock frozen, imported afresh', async () => {
    const first = await library();
    const running = everything(first);
    // Every vector was judged and some have a ledger. (Whether the vectors pass is test/golden.test.ts's
    // business: here only that the answers do not depend on the clock.)
    expect(running.verdicts.verdicts).toHaveLength(vectors.length);
    expect(running.clawback.length).toBeGreaterThan(0);

    vi.resetModules();
    freezeClock();
    const fresh = await library();
    const frozen = everything(fresh);
    thawClock();

    // The modules were evaluated again under the frozen clock (so their top-level code ran frozen too).
    expect(fresh.PolicyInputError).not.toBe(first.PolicyInputError);
    expect(frozen).toEqual(running);
  });
});

describe('purity: no source outside src/cli/ reads the environment, the clock or files', () => {
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  })(src)
    .map((file) => relative(src, file).split('\\').join('/'))
    .filter((file) => !file.startsWith('cli/'))
    .sort();

  const FORBIDDEN: [string, RegExp][] = [
    ['process.env', /process\s*\.\s*env/],
    ['Date.now', /Date\s*\.\s*now/],
    ['new Date(', /new\s+Date\s*\(/],
    ['an fs import', /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"](?:node:)?fs(?:\/promises)?['"]/],
  ];

  it('finds the library’s sources (core, model, policy, facts, measures, provisions, assess)', () => {
    expect(files).toContain('assess.ts');
    expect(files).toContain('core/calendar.ts');
    expect(files).toContain('measures/m03-rent-subsidy.ts');
    expect(files.some((f) => f.startsWith('cli/'))).toBe(false);
  });

  it.each(FORBIDDEN)('no file mentions %s', (_, pattern) => {
    const offenders = files.filter((file) => pattern.test(readFileSync(join(src, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check itself spots each pattern', () => {
    const samples = ['const home = process.env.HOME;', 'const t = Date.now();', 'const d = new Date();', "import { readFileSync } from 'node:fs';", "const fs = await import('fs');"];
    expect(samples.map((text) => FORBIDDEN.some(([, p]) => p.test(text)))).toEqual([true, true, true, true, true]);
  });
});
