/**
 * The fact dictionary `FACTS` (DESIGN §7): every request path a rule can miss is in it. Two proofs:
 * the paths that thousands of generated requests (the benchmark generator's and the fuzz arbitrary's,
 * with facts left out) list in `missing`; and the path strings of the rules' sources. Both sets are in
 * FACTS, and they are the same set, so the generators reach every path a rule can name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeAssessUnknown as safeAssess } from '../../src/assess.js';
import { FACTS, factFor, factPattern, UNIT_NAMES } from '../../src/policy/fact-dictionary.js';
import { mentougou2022Draft } from '../../src/policy/mentougou-2022-draft.js';
import { missingOf, requestWithUnknowns } from './support.js';
import { propertyRuns } from '../fuzz/scale.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The request paths written in the code of the rules (string and template literals; comments left out). */
function pathsInSources(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(SRC)) {
    if (file.endsWith('fact-dictionary.ts') || file.includes(`${join('src', 'cli')}`) || file.includes(join('src', 'analysis'))) continue;
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const [, literal] of code.matchAll(/['`]((?:enterprise|institution|\$\{root\})\.[A-Za-z${}.]+)['`]/g)) {
      const roots = literal!.startsWith('${root}') ? ['enterprise', 'institution'] : [''];
      for (const root of roots) found.add(factPattern(literal!.replace('${root}', root).replace(/\$\{\w+\}/g, '0')));
    }
  }
  return found;
}

describe('FACTS, the fact dictionary', () => {
  it('every path that the rules’ sources name is in FACTS, and FACTS names nothing else', () => {
    const named = pathsInSources();
    expect(named.size).toBe(15);
    expect([...named].filter((p) => factFor(p) === undefined)).toEqual([]);
    expect(FACTS.map((f) => f.path).sort()).toEqual([...named].sort());
  });

  it(`every path that ${propertyRuns(3_000).toLocaleString('en-US')} generated requests miss is in FACTS, and the generators miss every path the sources name`, { timeout: 120_000 }, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(requestWithUnknowns, (request) => {
        const r = safeAssess(request);
        if (r.ok) for (const path of missingOf(r.value)) seen.add(factPattern(path));
      }),
      { seed: 20_250_702, numRuns: propertyRuns(3_000) },
    );
    expect([...seen].filter((p) => factFor(p) === undefined)).toEqual([]);
    expect([...seen].sort()).toEqual([...pathsInSources()].sort());
  });

  it('each entry is complete: unique path, both languages of label, question and holder, a source, the assumed flag', () => {
    expect(new Set(FACTS.map((f) => f.path)).size).toBe(FACTS.length);
    for (const f of FACTS) {
      expect(f.path).toMatch(/^(enterprise|institution)\.[A-Za-z*.]+$/);
      for (const text of [f.label, f.question, f.holder]) {
        expect(text.zh.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
      expect(f.question.zh.endsWith('？')).toBe(true);
      expect(f.question.en.endsWith('?')).toBe(true);
      expect(['department', 'self-declared']).toContain(f.source);
      expect(typeof f.assumed).toBe('boolean');
    }
  });

  it('is deep-frozen (results copy what they take from it)', () => {
    expect(Object.isFrozen(FACTS)).toBe(true);
    expect(Object.isFrozen(FACTS[0])).toBe(true);
    expect(Object.isFrozen(FACTS[0]?.holder)).toBe(true);
    expect(Object.isFrozen(UNIT_NAMES)).toBe(true);
  });

  it('holders as DESIGN §7 lists them; a self-declared fact is checked by its measure’s 责任单位 (not assumed)', () => {
    const holder = (path: string) => factFor(path)?.holder.zh;
    expect(holder('enterprise.registrations')).toBe('区市场监管局（工商注册）、区税务局（税务登记）');
    expect(holder('institution.introducedEnterprises.0.highestLevel')).toBe('市经济和信息化局（公布的名单）');
    expect(holder('enterprise.contributions')).toBe('区财政局');
    expect(holder('enterprise.jingxiTalents')).toBe('区委组织部');
    expect(holder('institution.certified')).toBe('区科信局');
    expect(holder('enterprise.smallOrMicro')).toBe('企业自报（区发改委、区财政局、区科信局核实）');
    // physical operation: the enterprise, checked by M2's unit (the text names it): source and not assumed
    expect(factFor('enterprise.physicalOperationInDistrict')).toMatchObject({ holder: { zh: '企业自报（区科信局核实）' }, source: 'self-declared', assumed: false });
    // registrations: DESIGN's default, no source in the text: assumed
    expect(factFor('enterprise.registrations')).toMatchObject({ source: 'department', assumed: true });
  });

  it('factFor finds an indexed path by its pattern, and nothing for a path that is no fact', () => {
    expect(factFor('institution.introducedEnterprises.12.highestLevel')?.path).toBe('institution.introducedEnterprises.*.highestLevel');
    expect(factFor('enterprise.listing.municipalStandardReward')?.path).toBe('enterprise.listing.municipalStandardReward');
    expect(factFor('enterprise.leases.0.areaSqm')).toBeUndefined();
    expect(factFor('asOf')).toBeUndefined();
  });

  it('every unit of the edition’s measures has an English name', () => {
    const r = safeAssess({ asOf: '2024-12-31', enterprise: { id: 'X' } }, { edition: mentougou2022Draft });
    const units = r.ok ? r.value.measures.flatMap((m) => m.responsibleUnits) : [];
    const institution = safeAssess({ asOf: '2024-12-31', institution: { id: 'Y' } });
    if (institution.ok) units.push(...institution.value.measures.flatMap((m) => m.responsibleUnits));
    expect(units.length).toBeGreaterThan(20);
    expect(units.filter((u) => UNIT_NAMES[u] === undefined)).toEqual([]);
  });
});
