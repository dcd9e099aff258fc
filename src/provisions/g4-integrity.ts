/**
 * G4 integrity (八、第二款; ruling R11).
 *
 * > 提供虚假材料以及存在任何违约、违法、违规、违纪行为的，一律取消企业享受资金支持的资格，追究相应的
 * > 法律责任，并计入企业诚信系统，不再予以政府财政资金支持。
 *
 * R11: any integrity finding on or before `asOf` makes every money measure payable 0, and the result
 * says the case goes to the credit record and gets no further fiscal funds. Reading `r1AllEvents` (DESIGN
 * §8): only findings inside the window count, for the block and for the credit record.
 */
import { type DayNumber, formatCalendarDate } from '../core/calendar.js';
import type { Reason } from '../core/measure-result.js';
import { message, REASON_MESSAGES } from '../core/messages.js';
import { countsByAsOf, type FactWindow } from '../facts/facts.js';
import type { Enterprise, Institution } from '../model/request.js';

const FINDING_NAMES = {
  'false-materials': { zh: '提供虚假材料', en: 'false materials' },
  'breach-of-contract': { zh: '违约行为', en: 'a breach of contract' },
  illegal: { zh: '违法行为', en: 'an illegal act' },
  irregular: { zh: '违规行为', en: 'a breach of regulations' },
  disciplinary: { zh: '违纪行为', en: 'a breach of discipline' },
} as const;

const KIND_ORDER = Object.keys(FINDING_NAMES) as (keyof typeof FINDING_NAMES)[];

/** What G4 decides: the reason that blocks money measures, and the credit-record consequence. */
export interface IntegrityDecision {
  reason: Reason | null;
  creditRecord: { recorded: boolean; noFurtherFiscalFunds: boolean; findings: { kind: keyof typeof FINDING_NAMES; on: string }[] };
}

/**
 * G4 for a subject on `asOf`.
 *
 * @param values the edition's window and readings (`r1AllEvents`); R11 as DESIGN reads it when absent
 */
export function integrityExclusion(subject: Enterprise | Institution, asOf: DayNumber, values?: FactWindow): IntegrityDecision {
  // Oldest first; on one day in the order of FINDING_NAMES, so that the result does not depend on the order of the request.
  const findings = subject.integrityFindings.filter((f) => countsByAsOf(f.on, asOf, values)).sort((a, b) => a.on - b.on || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const first = findings[0];
  const creditRecord = {
    recorded: findings.length > 0,
    noFurtherFiscalFunds: findings.length > 0,
    findings: findings.map((f) => ({ kind: f.kind, on: formatCalendarDate(f.on) })),
  };
  if (!first) return { reason: null, creditRecord };
  const text = message(REASON_MESSAGES['integrity-finding'], { on: formatCalendarDate(first.on), finding: FINDING_NAMES[first.kind] });
  return { reason: { code: 'integrity-finding', clause: 'G4', ...text }, creditRecord };
}
