/**
 * G3 case-by-case exclusion (八、第二款; ruling R10).
 *
 * > 资金类奖励和补贴措施不适用于已采取“一企一策”、“一事一议”的方式给予支持的创新创业服务机构和企业。
 *
 * R10: any case-by-case support starting on or before `asOf` makes every money measure payable 0.
 * Service measures are untouched (R8). Reading `r1AllEvents` (DESIGN §8): only support starting inside the
 * window counts.
 */
import type { DayNumber } from '../core/calendar.js';
import { formatCalendarDate } from '../core/calendar.js';
import type { Reason } from '../core/measure-result.js';
import { message, REASON_MESSAGES } from '../core/messages.js';
import { countsByAsOf, type FactWindow } from '../facts/facts.js';
import type { Enterprise, Institution } from '../model/request.js';

/**
 * The G3 reason that blocks money measures, or `null` when the subject has no case-by-case support by `asOf`.
 *
 * @param values the edition's window and readings (`r1AllEvents`); R10 as DESIGN reads it when absent
 */
export function caseByCaseExclusion(subject: Enterprise | Institution, asOf: DayNumber, values?: FactWindow): Reason | null {
  const started = subject.caseByCaseSupport.filter((s) => countsByAsOf(s.from, asOf, values)).sort((a, b) => a.from - b.from);
  const first = started[0];
  if (!first) return null;
  return { code: 'case-by-case-support', clause: 'G3', ...message(REASON_MESSAGES['case-by-case-support'], { from: formatCalendarDate(first.from) }) };
}
