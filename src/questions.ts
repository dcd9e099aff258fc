/**
 * Questions (DESIGN §7): one per missing fact of a result, with the measures it would help decide, how
 * much money hangs on it, who holds it, and the question to ask (from the fact dictionary).
 *
 * `atStake` of a path p: the sum, over the money lines whose open conditions name p (the line's own
 * unknown conditions, and the unknown conditions of its measure, G1's included), of `payableUpTo −
 * payable`; plus, for a measure whose own unknown conditions name p, what lines not yet listed could
 * add (the measure's `payableUpTo` less the sum of its lines' `payableUpTo`: M3 whose support years
 * wait on the registrations). `null` when one of those lines is unbounded. A line that several facts
 * keep open counts for each of them, so the `atStake` of a result's questions may add up to more than
 * `totalPayableUpTo − totalPayable`. A fact that only service measures miss has `atStake` "0.00".
 *
 * Order: unbounded first, then `atStake` descending, then the service-only facts in the order of the
 * first measure that misses them; ties by path (code-unit order). `questions[0]` is the next question.
 */
import type { MeasureId } from './core/clauses.js';
import { formatMoney, Money, ZERO } from './core/money.js';
import type { Bilingual, Condition } from './core/trace.js';
import type { Facts } from './facts/facts.js';
import type { MeasureResultOutput, Question } from './model/result.js';
import { factFor } from './policy/fact-dictionary.js';
import type { Bound, MeasureBound } from './bounds.js';

/** The paths of a list of conditions' unknown ones. */
const openPaths = (conditions: readonly Condition[]): string[] => conditions.flatMap((c) => (c.status === 'unknown' ? c.missing : []));

/** Code-unit order of two paths (never equal: a path is asked once). */
const byPath = (a: string, b: string): number => (a < b ? -1 : 1);

interface Tally {
  path: string;
  measures: MeasureId[];
  /** Index of the first measure that misses it. */
  first: number;
  /** Whether a money measure misses it. */
  money: boolean;
  stake: Bound;
}

/** What the question says beyond the dictionary's words: whose level (M5), which years (M3). */
function specifics(path: string, facts: Facts, measures: readonly MeasureResultOutput[]): { before: Bilingual; after: Bilingual } {
  const none = { before: { zh: '', en: '' }, after: { zh: '', en: '' } };
  const level = /^institution\.introducedEnterprises\.(\d+)\.highestLevel$/.exec(path);
  if (level && facts.subject === 'institution') {
    const id = facts.institution.introducedEnterprises?.[Number(level[1])]?.enterpriseId;
    return id === undefined ? none : { before: { zh: `引进企业 ${id}：`, en: `Introduced enterprise ${id}: ` }, after: none.after };
  }
  if (path === 'enterprise.contributions') {
    const years = new Set<number>();
    for (const m of measures) {
      for (const line of m.lines) {
        if (line.outcome === 'ineligible') continue;
        const open = line.conditions.some((c) => c.status === 'unknown' && c.missing.includes(path));
        const year = line.details.contributionYear;
        if (open && typeof year === 'number') years.add(year);
      }
    }
    if (years.size === 0) return none;
    const list = [...years].sort((a, b) => a - b);
    return { before: none.before, after: { zh: `（需 ${list.join('、')} 年度）`, en: ` (needed for ${list.join(', ')})` } };
  }
  return none;
}

/**
 * The questions of a result.
 *
 * @param measures the result's measures (their `missing`, conditions and lines)
 * @param bounds the money measures' bounds (`moneyBounds`)
 */
export function questionsOf(facts: Facts, measures: readonly MeasureResultOutput[], bounds: ReadonlyMap<MeasureId, MeasureBound>): Question[] {
  const tallies = new Map<string, Tally>();
  measures.forEach((m, index) => {
    for (const path of m.missing) {
      let t = tallies.get(path);
      if (!t) tallies.set(path, (t = { path, measures: [], first: index, money: false, stake: ZERO }));
      t.measures.push(m.measure);
      if (m.kind === 'money') t.money = true;
    }
    const bound = bounds.get(m.measure);
    if (m.kind !== 'money' || !bound || m.missing.length === 0) return;
    const atMeasure = new Set(openPaths(m.conditions));
    const credit = (paths: Iterable<string>, gap: Bound): void => {
      for (const p of paths) {
        // an open path of a line that is not ineligible is in its measure's missing, so it has a tally
        const t = tallies.get(p)!;
        t.stake = t.stake === null || gap === null ? null : t.stake.plus(gap);
      }
    };
    let listed: Bound = ZERO;
    m.lines.forEach((line, i) => {
      const upTo = bound.lines[i]!.payableUpTo;
      listed = listed === null || upTo === null ? null : listed.plus(upTo);
      if (line.outcome !== 'undetermined') return;
      // a money line's payable is a money string
      const gap = upTo === null ? null : upTo.minus(new Money(line.payable as string));
      credit(new Set([...atMeasure, ...openPaths(line.conditions)]), gap);
    });
    if (listed !== null && bound.payableUpTo !== null && bound.payableUpTo.greaterThan(listed)) credit(atMeasure, bound.payableUpTo.minus(listed));
  });

  const rank = (t: Tally): number => (!t.money ? 2 : t.stake === null ? 0 : 1);
  const ordered = [...tallies.values()].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra - rb;
    if (ra === 1) {
      const c = (b.stake as Money).comparedTo(a.stake as Money);
      if (c !== 0) return c;
    }
    if (ra === 2 && a.first !== b.first) return a.first - b.first;
    return byPath(a.path, b.path);
  });

  return ordered.map((t) => {
    const fact = factFor(t.path);
    const { before, after } = specifics(t.path, facts, measures);
    const asked: Bilingual = fact ? fact.question : { zh: `请提供 ${t.path}`, en: `Please provide ${t.path}` };
    return {
      path: t.path,
      measures: t.measures,
      atStake: !t.money ? formatMoney(ZERO) : t.stake === null ? null : formatMoney(t.stake),
      holder: fact ? { zh: fact.holder.zh, en: fact.holder.en } : { zh: '未知', en: 'unknown' },
      zh: `${before.zh}${asked.zh}${after.zh}`,
      en: `${before.en}${asked.en}${after.en}`,
    };
  });
}
