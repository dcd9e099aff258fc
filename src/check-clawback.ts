/**
 * `checkClawback`: the G5 clawback check (R13) on its own, for a treasury system that holds the
 * payments and the registration timeline but not the whole request.
 */
import * as z from 'zod/mini';
import { PolicyInputError } from './errors.js';
import { fromZodError } from './model/issues.js';
import { calendarDate } from './model/primitives.js';
import { checkNotAfterAsOf, checkRegistrationTimeline, disbursementSchema, registrationSchema } from './model/request.js';
import type { ClawbackResult } from './model/result.js';
import { editionValues, type PolicyEdition } from './policy/edition.js';
import { mentougou2022Draft } from './policy/mentougou-2022-draft.js';
import { clawbackOf } from './provisions/g5-retention.js';
import { trustedEdition } from './policy/derive.js';

const clawbackInput = z
  .strictObject({
    disbursements: z.array(disbursementSchema),
    registrations: z.array(registrationSchema),
    asOf: calendarDate,
  })
  .check(
    z.superRefine((input, ctx) => {
      checkRegistrationTimeline(input.registrations, input.asOf, ['registrations'], ctx);
      input.disbursements.forEach((d, i) => checkNotAfterAsOf(d.paidOn, input.asOf, ['disbursements', i, 'paidOn'], ctx));
    }),
  );

/**
 * The retention periods of the disbursements and whether the commitment is breached (G5, R13): each
 * period runs 8 years from `paidOn` by the Civil Code; the first day inside a period on which the
 * business or tax registration is out of Mentougou is the breach; the clawback is the sum of the
 * disbursements whose period contains it; `freeToLeaveAfter` is the latest period end.
 *
 * @param disbursements `{ measure, amount, paidOn, year?, enterpriseId? }[]` as in the request
 * @param registrations `{ kind, region, from }[]`, strictly oldest first within each kind
 * @param asOf `YYYY-MM-DD`; no payment or registration may be dated after it
 * @param edition the edition whose G5 period and readings apply (default `mentougou-2022-draft`; the payments
 *   are taken to carry the commitment, so `breachNeedsCommitment` does not stop the check)
 * @throws PolicyInputError with every issue (paths relative to `{ disbursements, registrations, asOf }`)
 *
 * @example
 * ```ts
 * import { checkClawback } from 'mentougou-srdi';
 *
 * // 200,000 paid on 2023-01-10; the tax registration leaves on 2025-03-01, inside the 8 years.
 * const clawback = checkClawback(
 *   [{ measure: 'M1', amount: '200000', paidOn: '2023-01-10' }],
 *   [
 *     { kind: 'business', region: 'mentougou', from: '2015-01-01' },
 *     { kind: 'tax', region: 'mentougou', from: '2015-01-01' },
 *     { kind: 'tax', region: 'beijing-other', from: '2025-03-01' },
 *   ],
 *   '2025-06-30',
 * );
 * console.log(clawback.breachedOn); // 2025-03-01
 * console.log(clawback.amount); // 200000.00
 * console.log(clawback.freeToLeaveAfter); // 2031-01-10
 * ```
 */
export function checkClawback(disbursements: unknown, registrations: unknown, asOf: unknown, edition: PolicyEdition = mentougou2022Draft): ClawbackResult {
  const parsed = clawbackInput.safeParse({ disbursements, registrations, asOf }, { reportInput: true });
  if (!parsed.success) throw new PolicyInputError(fromZodError(parsed.error));
  const values = editionValues(trustedEdition(edition));
  // The payments stand for the commitment here (a treasury holds them, not the signed commitment).
  return clawbackOf(parsed.data.disbursements, parsed.data.registrations, values.g5.retentionYears, { asOf: parsed.data.asOf, readings: values.readings, committed: true }).clawback;
}
