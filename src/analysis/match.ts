/**
 * 免申即享 matching (DESIGN §7): sorts a cohort into who can be paid without applying, who must be
 * asked first, and who gets nothing, with the worklists the offices act on.
 *
 * Each request goes through `safeAssess`. A subject's `status`:
 * - `pay`: something is payable (`totalPayable` > 0) and nothing more can be (`totalPayableUpTo` =
 *   `totalPayable`);
 * - `pay-and-ask`: something is payable and the missing facts could bring more;
 * - `ask`: nothing is payable yet, and the missing facts could bring something (`totalPayableUpTo` > 0
 *   or without a bound);
 * - `none`: nothing is payable and no missing fact can change that (services may still be open:
 *   their questions stay on the subject);
 * - `invalid`: the request failed validation (its issues are listed).
 *
 * Worklists: the `pay` worklist groups every line with a payable amount by its measure's 责任单位 (a
 * measure with two units is listed under each, so the units' totals overlap, as in the forecast); the
 * `ask` worklist groups by holder (the fact dictionary's) every question with money at stake (`atStake`
 * above 0 or without a bound), most money first (holders, and the rows within each; ties in input order). Each row names the subject, the measure and its clause,
 * and the amount. A subject whose money is all blocked (G3, G4, G5: `blockers`) shows what it would be
 * entitled to, so that, for instance, those who only lack the retention commitment (R12) can be found.
 *
 * Pure: no I/O, no clock.
 */
import { MEASURE_IDS, type MeasureId } from '../core/clauses.js';
import { formatMoney, Money, ZERO } from '../core/money.js';
import type { Bilingual } from '../core/trace.js';
import { type AssessOptions, safeAssessUnknown } from '../assess.js';
import type { PolicyIssue } from '../model/issues.js';
import type { AssessmentResult, Question } from '../model/result.js';
import { mentougou2022Draft } from '../policy/mentougou-2022-draft.js';
import { unitName } from '../policy/fact-dictionary.js';
import { rawSubjectId, type RequestRef } from './cohort.js';

/** A subject's status in a match. */
export type MatchStatus = 'pay' | 'pay-and-ask' | 'ask' | 'none' | 'invalid';

/**
 * The statuses, in the order a report lists them.
 *
 * @example
 * ```ts
 * import { MATCH_STATUSES } from 'mentougou-srdi/analysis';
 *
 * console.log(MATCH_STATUSES.join(' ')); // pay pay-and-ask ask none invalid
 * ```
 */
export const MATCH_STATUSES: readonly MatchStatus[] = ['pay', 'pay-and-ask', 'ask', 'none', 'invalid'];

/** The reason codes that block all money of a subject (G3, G4, G5). */
const BLOCKER_CODES: ReadonlySet<string> = new Set(['case-by-case-support', 'integrity-finding', 'commitment-required', 'commitment-breached']);

/** Options of `match`. */
export interface MatchOptions {
  /** The policy edition to apply; the built-in `mentougou-2022-draft` by default. */
  edition?: AssessOptions['edition'];
}

/** Who a row is about. */
export interface MatchSubjectRef {
  /** Position in the input (0-based). */
  index: number;
  /** Line of the input file (1-based), when the caller knows it. */
  line?: number;
  kind: 'enterprise' | 'institution';
  id: string;
  /** The subject's name, when the request gives one. */
  name: string | null;
}

/** A subject that was assessed. */
export interface MatchedSubject extends MatchSubjectRef {
  status: Exclude<MatchStatus, 'invalid'>;
  /** `totalPayable`. */
  payable: string;
  /** `totalPayableUpTo` (`null`: no bound). */
  payableUpTo: string | null;
  /** The sum of the money measures' entitlement (`amount`), paid or not. */
  entitlement: string;
  /** The codes of the reasons that block all money (G3 `case-by-case-support`, G4, G5), once each. */
  blockers: string[];
  /** The result's questions, in its order (the first is the next to ask). */
  questions: Question[];
}

/** A request that failed validation. */
export interface InvalidSubject {
  status: 'invalid';
  index: number;
  line?: number;
  /** `enterprise.id` / `institution.id` when the input has a string there. */
  id: string | null;
  issues: PolicyIssue[];
}

/** A subject of the match: assessed, or invalid. */
export type MatchSubject = MatchedSubject | InvalidSubject;

/** One line to pay: who, which measure and clause, which line, how much. */
export interface PayRow {
  subject: MatchSubjectRef;
  measure: MeasureId;
  /** The measure's section of the text, e.g. `一、1 加强本区企业培育`. */
  clause: string;
  title: Bilingual;
  lineId: string;
  lineLabel: Bilingual;
  /** The line's payable amount. */
  amount: string;
}

/** One question to ask: who about, which fact, the measures it decides, how much hangs on it. */
export interface AskRow {
  subject: MatchSubjectRef;
  path: string;
  measures: MeasureId[];
  /** The clause of each measure, in the same order. */
  clauses: string[];
  /** `null`: no bound. */
  atStake: string | null;
  question: Bilingual;
}

/** The pay worklist of one 责任单位. */
export interface PayWorklist {
  unit: Bilingual;
  rows: PayRow[];
  /** The sum of the rows' amounts. */
  total: string;
}

/** The ask worklist of one holder. */
export interface AskWorklist {
  holder: Bilingual;
  rows: AskRow[];
  /** The sum of the rows' `atStake` (`null` when one has no bound). */
  atStake: string | null;
}

/** The match of a cohort. */
export interface Match {
  edition: { id: string; assumptions: string[] };
  /** Requests read. */
  requests: number;
  /** Every request, in input order, with its status. */
  subjects: MatchSubject[];
  /** Subjects by status. */
  counts: Record<MatchStatus, number>;
  totals: {
    /** Σ `totalPayable` of the assessed subjects. */
    payable: string;
    /** Σ `totalPayableUpTo` (`null` when one has no bound). */
    payableUpTo: string | null;
    /** Subjects whose `totalPayableUpTo` has no bound. */
    unbounded: number;
    /** By blocker code: the subjects it blocks and their entitlement (a subject with two blockers counts under each). */
    blocked: { code: string; subjects: number; entitlement: string }[];
  };
  worklists: { pay: PayWorklist[]; ask: AskWorklist[] };
}

/** A running match: add requests one by one, then take the result. */
export interface MatchBuilder {
  /** Assesses one request (position `ref.index`, line `ref.line` when read from a file). */
  add(request: unknown, ref?: RequestRef): void;
  /** The match of everything added so far. */
  result(): Match;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const moneyOf = (text: string): Money => new Money(text);

/**
 * The status of an assessed result: `pay` when something is payable and nothing more can be,
 * `pay-and-ask` when more can be, `ask` when nothing is payable yet but something can be, else `none`.
 *
 * @example
 * ```ts
 * import { matchStatus } from 'mentougou-srdi/analysis';
 *
 * console.log(matchStatus({ totalPayable: '200000.00', totalPayableUpTo: '500000.00' })); // pay-and-ask
 * console.log(matchStatus({ totalPayable: '0.00', totalPayableUpTo: null })); // ask
 * ```
 */
export function matchStatus(result: Pick<AssessmentResult, 'totalPayable' | 'totalPayableUpTo'>): Exclude<MatchStatus, 'invalid'> {
  const payable = moneyOf(result.totalPayable);
  const open = result.totalPayableUpTo === null || moneyOf(result.totalPayableUpTo).greaterThan(payable);
  if (payable.greaterThan(ZERO)) return open ? 'pay-and-ask' : 'pay';
  return open ? 'ask' : 'none';
}

const nameOf = (request: unknown, kind: 'enterprise' | 'institution'): string | null => {
  const subject = (request as Record<string, unknown>)[kind];
  const name = typeof subject === 'object' && subject !== null ? (subject as Record<string, unknown>).name : undefined;
  return typeof name === 'string' ? name : null;
};

/** The order of a unit in the text: by the first measure that names it, then its place there. */
function unitOrder(units: Map<string, number>, measureIndex: number, position: number, unit: string): void {
  if (!units.has(unit)) units.set(unit, measureIndex * 100 + position);
}

/**
 * A match built request by request (so that a CLI can stream a file through it).
 *
 * @example
 * ```ts
 * import { matchBuilder } from 'mentougou-srdi/analysis';
 *
 * const builder = matchBuilder();
 * builder.add({ asOf: '2024-12-31', enterprise: { id: 'E1' } }, { index: 0, line: 1 });
 * console.log(builder.result().counts.none); // 1
 * ```
 */
export function matchBuilder(options: MatchOptions = {}): MatchBuilder {
  const edition = options.edition ?? mentougou2022Draft;
  const subjects: MatchSubject[] = [];
  const payRows = new Map<string, PayRow[]>();
  const unitRank = new Map<string, number>();
  const askRows = new Map<string, { holder: Bilingual; rows: { row: AskRow; order: number }[] }>();
  let askOrder = 0;
  let count = 0;

  return {
    add(request, ref) {
      const index = ref?.index ?? count;
      count += 1;
      const assessed = safeAssessUnknown(request, { edition });
      if (!assessed.ok) {
        const invalid: InvalidSubject = { status: 'invalid', index, id: rawSubjectId(request), issues: assessed.issues };
        if (ref?.line !== undefined) invalid.line = ref.line;
        subjects.push(invalid);
        return;
      }
      const r = assessed.value;
      const who: MatchSubjectRef = { index, kind: r.subject.kind, id: r.subject.id, name: nameOf(request, r.subject.kind) };
      if (ref?.line !== undefined) who.line = ref.line;
      const blockers = [...new Set(r.measures.flatMap((m) => m.reasons.filter((x) => BLOCKER_CODES.has(x.code)).map((x) => x.code)))];
      const entitlement = r.measures.reduce((sum, m) => (m.amount === null ? sum : sum.plus(m.amount)), ZERO);
      subjects.push({ ...who, status: matchStatus(r), payable: r.totalPayable, payableUpTo: r.totalPayableUpTo, entitlement: formatMoney(entitlement), blockers, questions: r.questions });

      for (const m of r.measures) {
        if (m.kind !== 'money') continue;
        const measureIndex = MEASURE_IDS.indexOf(m.measure);
        m.responsibleUnits.forEach((unit, position) => unitOrder(unitRank, measureIndex, position, unit));
        for (const line of m.lines) {
          if (line.payable === null || !moneyOf(line.payable).greaterThan(ZERO)) continue;
          for (const unit of m.responsibleUnits) {
            const rows = payRows.get(unit) ?? [];
            rows.push({ subject: { ...who }, measure: m.measure, clause: m.clause, title: { zh: m.title.zh, en: m.title.en }, lineId: line.id, lineLabel: { zh: line.label.zh, en: line.label.en }, amount: line.payable });
            payRows.set(unit, rows);
          }
        }
      }
      for (const q of r.questions) {
        if (q.atStake !== null && !moneyOf(q.atStake).greaterThan(ZERO)) continue;
        const group = askRows.get(q.holder.zh) ?? { holder: { zh: q.holder.zh, en: q.holder.en }, rows: [] };
        const clauses = q.measures.map((id) => r.measures.find((m) => m.measure === id)?.clause ?? id);
        group.rows.push({ row: { subject: { ...who }, path: q.path, measures: [...q.measures], clauses, atStake: q.atStake, question: { zh: q.zh, en: q.en } }, order: askOrder++ });
        askRows.set(q.holder.zh, group);
      }
    },

    result() {
      const counts: Record<MatchStatus, number> = { pay: 0, 'pay-and-ask': 0, ask: 0, none: 0, invalid: 0 };
      let payable = ZERO;
      let payableUpTo: Money | null = ZERO;
      let unbounded = 0;
      const blocked = new Map<string, { subjects: number; entitlement: Money }>();
      for (const s of subjects) {
        counts[s.status] += 1;
        if (s.status === 'invalid') continue;
        payable = payable.plus(s.payable);
        if (s.payableUpTo === null) unbounded += 1;
        payableUpTo = payableUpTo === null || s.payableUpTo === null ? null : payableUpTo.plus(s.payableUpTo);
        for (const code of s.blockers) {
          const b = blocked.get(code) ?? { subjects: 0, entitlement: ZERO };
          b.subjects += 1;
          b.entitlement = b.entitlement.plus(s.entitlement);
          blocked.set(code, b);
        }
      }
      const pay: PayWorklist[] = [...payRows.entries()]
        .sort(([a], [b]) => (unitRank.get(a) ?? 0) - (unitRank.get(b) ?? 0) || byText(a, b))
        .map(([unit, rows]) => ({
          unit: { zh: unit, en: unitName(unit, 'en') },
          rows: [...rows],
          total: formatMoney(rows.reduce((sum, row) => sum.plus(row.amount), ZERO)),
        }));
      const stakeKey = (row: AskRow): Money | null => (row.atStake === null ? null : moneyOf(row.atStake));
      const ask: AskWorklist[] = [...askRows.values()]
        .map(({ holder, rows }) => {
          const sorted = [...rows].sort((a, b) => {
            const x = stakeKey(a.row);
            const y = stakeKey(b.row);
            if (x === null || y === null) return x === y ? a.order - b.order : x === null ? -1 : 1;
            return y.comparedTo(x) || a.order - b.order;
          });
          const atStake = sorted.reduce<Money | null>((sum, { row }) => (sum === null || row.atStake === null ? null : sum.plus(row.atStake)), ZERO);
          return { holder, rows: sorted.map((x) => x.row), atStake: atStake === null ? null : formatMoney(atStake) };
        })
        .sort((a, b) => {
          // most money first: a holder with an unbounded question first, then by the sum at stake
          if (a.atStake === null || b.atStake === null) return a.atStake === b.atStake ? byText(a.holder.zh, b.holder.zh) : a.atStake === null ? -1 : 1;
          return moneyOf(b.atStake).comparedTo(a.atStake) || byText(a.holder.zh, b.holder.zh);
        });
      return {
        edition: { id: edition.id, assumptions: [...edition.assumptions] },
        requests: count,
        subjects: [...subjects],
        counts,
        totals: {
          payable: formatMoney(payable),
          payableUpTo: payableUpTo === null ? null : formatMoney(payableUpTo),
          unbounded,
          blocked: [...blocked.entries()].sort(([a], [b]) => byText(a, b)).map(([code, b]) => ({ code, subjects: b.subjects, entitlement: formatMoney(b.entitlement) })),
        },
        worklists: { pay, ask },
      };
    },
  };
}

/**
 * 免申即享 matching of a cohort (DESIGN §7): each subject's status, payable and bound, and questions;
 * the pay worklists by 责任单位 and the ask worklists by holder; totals.
 *
 * @param requests the requests, in order (invalid ones are reported, never thrown)
 * @param options `edition`: any valid `PolicyEdition` (default `mentougou-2022-draft`)
 * @example
 * ```ts
 * import { match } from 'mentougou-srdi/analysis';
 *
 * const registered = [{ kind: 'business', region: 'mentougou', from: '2015-01-01' }];
 * const m = match([
 *   // a municipal SME of 2023 with the commitment signed: M1 200,000, nothing more open
 *   { asOf: '2024-12-31', enterprise: { id: 'E1', independentLegalPerson: true, registrations: registered, designations: [{ level: 'municipal-sme', obtainedOn: '2023-03-01' }], retentionCommitmentSignedOn: '2023-03-10' } },
 *   // the same without its legal-person status: up to 200,000 once it is known
 *   { asOf: '2024-12-31', enterprise: { id: 'E2', registrations: registered, designations: [{ level: 'municipal-sme', obtainedOn: '2023-03-01' }], retentionCommitmentSignedOn: '2023-03-10' } },
 * ]);
 * console.log(m.subjects.map((s) => s.status).join(' ')); // pay ask
 * console.log(m.worklists.pay[0]?.unit.zh); // 区科信局
 * console.log(m.worklists.ask[0]?.rows[0]?.path); // enterprise.independentLegalPerson
 * ```
 */
export function match(requests: Iterable<unknown>, options: MatchOptions = {}): Match {
  const builder = matchBuilder(options);
  let index = 0;
  for (const request of requests) builder.add(request, { index: index++ });
  return builder.result();
}
