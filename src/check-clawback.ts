/**
 * `checkClawback`: the G5 clawback check (R13) on its own, for a treasury system that holds the
 * payments and the registration timeline but not the whole request.
 */
import * as z from 'zod';
import { formatCalendarDate } from './core/calendar.js';
import { PolicyInputError } from './errors.js';
import { fromZodError } from './model/issues.js';
import { calendarDate } from './model/primitives.js';
import { disbursementSchema, registrationSchema } from './model/request.js';
import type { ClawbackResult } from './model/result.js';
import { editionValues, type PolicyEdition } from './policy/edition.js';
import { mentougou2022Draft } from './policy/mentougou-2022-draft.js';
import { clawbackOf } from './provisions/g5-retention.js';
import { validateEdition } from './policy/derive.js';

const clawbackInput = z
  .strictObject({
    disbursements: z.array(disbursementSchema),
    registrations: z.array(registrationSchema),
    asOf: calendarDate,
  })
  .superRefine((input, ctx) => {
    const last: Partial<Record<string, number>> = {};
    input.registrations.forEach((r, i) => {
      if (r.from > input.asOf) ctx.addIssue({ code: 'custom', message: 'event-after-as-of', params: { code: 'event-after-as-of', date: formatCalendarDate(r.from), asOf: formatCalendarDate(input.asOf) }, path: ['registrations', i, 'from'] });
      const before = last[r.kind];
      if (before !== undefined && r.from <= before) ctx.addIssue({ code: 'custom', message: 'registrations-order', params: { code: 'registrations-order', kind: r.kind, date: formatCalendarDate(r.from), previous: formatCalendarDate(before) }, path: ['registrations', i, 'from'] });
      last[r.kind] = r.from;
    });
    input.disbursements.forEach((d, i) => {
      if (d.paidOn > input.asOf) ctx.addIssue({ code: 'custom', message: 'event-after-as-of', params: { code: 'event-after-as-of', date: formatCalendarDate(d.paidOn), asOf: formatCalendarDate(input.asOf) }, path: ['disbursements', i, 'paidOn'] });
    });
  });

/**
 * The retention periods of the disbursements and whether the commitment is breached (G5, R13): each
 * period runs 8 years from `paidOn` by the Civil Code; the first day inside a period on which the
 * business or tax registration is out of Mentougou is the breach; the clawback is the sum of the
 * disbursements whose period contains it; `freeToLeaveAfter` is the latest period end.
 *
 * @param disbursements `{ measure, amount, paidOn, year?, enterpriseId? }[]` as in the request
 * @param registrations `{ kind, region, from }[]`, strictly oldest first within each kind
 * @param asOf `YYYY-MM-DD`; no payment or registration may be dated after it
 * @param edition the edition whose G5 period applies (default `mentougou-2022-draft`)
 * @throws PolicyInputError with every issue (paths relative to `{ disbursements, registrations, asOf }`)
 */
export function checkClawback(disbursements: unknown, registrations: unknown, asOf: unknown, edition: PolicyEdition = mentougou2022Draft): ClawbackResult {
  const parsed = clawbackInput.safeParse({ disbursements, registrations, asOf }, { reportInput: true });
  if (!parsed.success) throw new PolicyInputError(fromZodError(parsed.error));
  const values = editionValues(edition === mentougou2022Draft ? edition : validateEdition(edition));
  return clawbackOf(parsed.data.disbursements, parsed.data.registrations, values.g5RetentionYears).clawback;
}
