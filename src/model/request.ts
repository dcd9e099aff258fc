/**
 * The request (docs/contract.md § The request, frozen names): exactly one subject, `enterprise` or `institution`, and `asOf`.
 * The zod schemas here are the single source of the request's types (`z.input` is what callers send,
 * `z.output` what the rules compute with: day numbers and exact Decimals).
 *
 * Every object is strict: an unknown key is an issue. Cross-field rules (events not after `asOf`,
 * registrations oldest first, lease end not before start, a board that existed on the listing day,
 * `year` for M3 entries, `enterpriseId` for M5 payments) are checked here, so the rules never see a
 * request that breaks them.
 */
import * as z from 'zod/mini';
import { formatCalendarDate, type DayNumber } from '../core/calendar.js';
import { BOARD_IDS, BOARDS } from './boards.js';
import { calendarDate, calendarYear, creditCode, identifier, issueParams, nonNegativeDecimal, yuan } from './primitives.js';

/**
 * The designation levels (称号), lowest first.
 *
 * @example
 * ```ts
 * import { LEVELS } from 'mentougou-srdi';
 *
 * console.log(LEVELS.join(' < ')); // municipal-sme < municipal-little-giant < national-little-giant
 * ```
 */
export const LEVELS = ['municipal-sme', 'municipal-little-giant', 'national-little-giant'] as const;
/** A designation level. */
export type Level = (typeof LEVELS)[number];

/**
 * Regions a registration may be in.
 *
 * @example
 * ```ts
 * import { REGIONS } from 'mentougou-srdi';
 *
 * console.log(REGIONS.includes('mentougou')); // true
 * ```
 */
export const REGIONS = ['mentougou', 'beijing-other', 'outside-beijing'] as const;
/**
 * Registration kinds: 工商注册 (business) and 税务登记 (tax).
 *
 * @example
 * ```ts
 * import { REGISTRATION_KINDS } from 'mentougou-srdi';
 *
 * console.log(REGISTRATION_KINDS.join(', ')); // business, tax
 * ```
 */
export const REGISTRATION_KINDS = ['business', 'tax'] as const;
/** A registration kind. */
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];
/** A region. */
export type Region = (typeof REGIONS)[number];

export const registrationSchema = z.strictObject({
  kind: z.enum(REGISTRATION_KINDS),
  region: z.enum(REGIONS),
  from: calendarDate,
});

export const designationSchema = z.strictObject({
  level: z.enum(LEVELS),
  obtainedOn: calendarDate,
  renewal: z.optional(z.boolean()),
  expiresOn: z.optional(calendarDate),
});

/** Kinds of case-by-case support (一企一策, 一事一议). */
export const CASE_BY_CASE_KINDS = ['one-enterprise-one-policy', 'one-matter-one-discussion'] as const;
export const caseByCaseSupportSchema = z.strictObject({
  kind: z.enum(CASE_BY_CASE_KINDS),
  from: calendarDate,
});

export const INTEGRITY_FINDING_KINDS = ['false-materials', 'breach-of-contract', 'illegal', 'irregular', 'disciplinary'] as const;
export const integrityFindingSchema = z.strictObject({
  kind: z.enum(INTEGRITY_FINDING_KINDS),
  on: calendarDate,
});

/** Measures that pay money and so can appear in the ledger. */
export const PAID_MEASURES = ['M1', 'M2', 'M3', 'M5', 'M7'] as const;
/** A measure that pays money. */
export type PaidMeasure = (typeof PAID_MEASURES)[number];

export const disbursementSchema = z
  .strictObject({
    measure: z.enum(PAID_MEASURES),
    amount: yuan,
    paidOn: calendarDate,
    year: z.optional(calendarYear),
    enterpriseId: z.optional(identifier),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.measure === 'M3' && d.year === undefined) {
        ctx.addIssue({ code: 'custom', message: 'm3-year-required', params: issueParams('m3-year-required'), path: ['year'], input: d });
      }
      if (d.measure === 'M5' && d.enterpriseId === undefined) {
        ctx.addIssue({ code: 'custom', message: 'm5-enterprise-required', params: issueParams('m5-enterprise-required'), path: ['enterpriseId'], input: d });
      }
    }),
  );

/** Measures that another policy's money can overlap (G2). */
export const OVERLAPPABLE_MEASURES = ['M1', 'M2', 'M3', 'M7'] as const;
export const otherBenefitSchema = z
  .strictObject({
    program: identifier,
    overlapsMeasure: z.enum(OVERLAPPABLE_MEASURES),
    amount: yuan,
    year: z.optional(calendarYear),
  })
  .check(
    z.superRefine((b, ctx) => {
      if (b.overlapsMeasure === 'M3' && b.year === undefined) {
        ctx.addIssue({ code: 'custom', message: 'm3-year-required', params: issueParams('m3-year-required'), path: ['year'], input: b });
      }
    }),
  );

export const contributionSchema = z.strictObject({ year: calendarYear, amount: yuan });

export const leaseSchema = z
  .strictObject({
    id: identifier,
    areaSqm: nonNegativeDecimal,
    start: calendarDate,
    end: calendarDate,
    dailyRentPerSqm: nonNegativeDecimal,
    selfUse: z.boolean(),
    inDistrict: z.boolean(),
  })
  .check(
    z.superRefine((lease, ctx) => {
      if (lease.end < lease.start) {
        ctx.addIssue({
          code: 'custom',
          message: 'lease-end-before-start',
          params: issueParams('lease-end-before-start', { start: formatCalendarDate(lease.start), end: formatCalendarDate(lease.end) }),
          path: ['end'],
          input: lease,
        });
      }
    }),
  );

export const listingSchema = z
  .strictObject({
    board: z.enum(BOARD_IDS),
    listedOn: calendarDate,
    municipalStandardReward: z.optional(yuan),
  })
  .check(
    z.superRefine((listing, ctx) => {
      const board = BOARDS[listing.board];
      const on = formatCalendarDate(listing.listedOn);
      const tooLate = board.until !== undefined && on > board.until;
      const tooEarly = board.from !== undefined && on < board.from;
      if (tooLate || tooEarly) {
        const note = board.note ?? { zh: `自 ${board.from} 起开板`, en: `opened on ${board.from}` };
        ctx.addIssue({
          code: 'custom',
          message: 'board-not-existing',
          params: issueParams('board-not-existing', { board: listing.board, date: on, noteZh: note.zh, noteEn: note.en }),
          path: ['listedOn'],
          input: listing,
        });
      }
    }),
  );

/** The highest level an introduced enterprise holds (M5), or `none`. */
export const HIGHEST_LEVELS = [...LEVELS, 'none'] as const;
export const introducedEnterpriseSchema = z.strictObject({
  enterpriseId: identifier,
  movedInOn: calendarDate,
  highestLevel: z.optional(z.enum(HIGHEST_LEVELS)),
});

/**
 * A list of the request whose absence means none (no registrations given, no disbursement paid, …):
 * the parse gives `[]` for an absent one, so the rules never tell absent from empty. The JSON Schema
 * (`io: 'input'`) still shows it optional.
 */
function listOf<T extends z.ZodMiniType>(item: T) {
  return z._default(z.array(item), () => []);
}

const commonFields = {
  id: identifier,
  name: z.optional(z.string().check(z.maxLength(500))),
  creditCode: z.optional(creditCode),
  independentLegalPerson: z.optional(z.boolean()),
  registrations: listOf(registrationSchema),
  caseByCaseSupport: listOf(caseByCaseSupportSchema),
  integrityFindings: listOf(integrityFindingSchema),
  retentionCommitmentSignedOn: z.optional(calendarDate),
  disbursements: listOf(disbursementSchema),
  otherBenefits: listOf(otherBenefitSchema),
};

export const enterpriseSchema = z.strictObject({
  ...commonFields,
  designations: listOf(designationSchema),
  physicalOperationInDistrict: z.optional(z.boolean()),
  contributions: listOf(contributionSchema),
  leases: listOf(leaseSchema),
  listing: z.optional(listingSchema),
  smallOrMicro: z.optional(z.boolean()),
  expandsCapacityWithoutNewLand: z.optional(z.boolean()),
  jingxiTalents: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1_000_000))),
  fundraisingProjectInDistrict: z.optional(z.boolean()),
  cultivationCandidate: z.optional(z.boolean()),
});

export const institutionSchema = z.strictObject({
  ...commonFields,
  certified: z.optional(z.boolean()),
  introducedEnterprises: listOf(introducedEnterpriseSchema),
  residentSrdiCount: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1_000_000))),
});

type EnterpriseOut = z.output<typeof enterpriseSchema>;
type InstitutionOut = z.output<typeof institutionSchema>;

/** Adds an issue when an event's day is after `asOf` (docs/contract.md § The request). */
export function checkNotAfterAsOf(day: DayNumber | undefined, asOf: DayNumber, path: (string | number)[], ctx: z.core.$RefinementCtx): void {
  if (day !== undefined && day > asOf) {
    ctx.addIssue({
      code: 'custom',
      message: 'event-after-as-of',
      params: issueParams('event-after-as-of', { date: formatCalendarDate(day), asOf: formatCalendarDate(asOf) }),
      path,
      input: formatCalendarDate(day),
    });
  }
}

/**
 * Adds an issue for each registration dated after `asOf` and each one not strictly after the
 * previous entry of its kind (a kind's timeline is oldest first).
 */
export function checkRegistrationTimeline(registrations: readonly Registration[], asOf: DayNumber, path: (string | number)[], ctx: z.core.$RefinementCtx): void {
  const previous: Partial<Record<RegistrationKind, DayNumber>> = {};
  registrations.forEach((r, i) => {
    checkNotAfterAsOf(r.from, asOf, [...path, i, 'from'], ctx);
    const before = previous[r.kind];
    if (before !== undefined && r.from <= before) {
      ctx.addIssue({
        code: 'custom',
        message: 'registrations-order',
        params: issueParams('registrations-order', { kind: r.kind, date: formatCalendarDate(r.from), previous: formatCalendarDate(before) }),
        path: [...path, i, 'from'],
        input: formatCalendarDate(r.from),
      });
    }
    previous[r.kind] = r.from;
  });
}

/** Adds an issue for each event dated after `asOf`, and for out-of-order registrations. */
function checkTimeline(subject: EnterpriseOut | InstitutionOut, root: string, asOf: DayNumber, ctx: z.core.$RefinementCtx): void {
  const after = (day: DayNumber | undefined, path: (string | number)[]): void => checkNotAfterAsOf(day, asOf, [root, ...path], ctx);
  checkRegistrationTimeline(subject.registrations, asOf, [root, 'registrations'], ctx);
  subject.disbursements.forEach((d, i) => after(d.paidOn, ['disbursements', i, 'paidOn']));
  subject.caseByCaseSupport.forEach((c, i) => after(c.from, ['caseByCaseSupport', i, 'from']));
  subject.integrityFindings.forEach((f, i) => after(f.on, ['integrityFindings', i, 'on']));
  after(subject.retentionCommitmentSignedOn, ['retentionCommitmentSignedOn']);
  // Each key is tested on its own: an absent optional key is absent from the parsed object, so an
  // enterprise with a listing and no designations must still have its listing checked.
  if ('designations' in subject) subject.designations.forEach((d, i) => after(d.obtainedOn, ['designations', i, 'obtainedOn']));
  if ('listing' in subject) after(subject.listing?.listedOn, ['listing', 'listedOn']);
  if ('introducedEnterprises' in subject) {
    subject.introducedEnterprises.forEach((e, i) => after(e.movedInOn, ['introducedEnterprises', i, 'movedInOn']));
  }
}

/** Adds an issue for each repeated key in a list (two contributions for one year, two leases with one id). */
function checkUnique<T>(items: readonly T[] | undefined, keyOf: (item: T) => string | number, path: (string | number)[], code: 'duplicate-id' | 'duplicate-year', ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string | number>();
  items?.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', message: code, params: issueParams(code, code === 'duplicate-id' ? { id: String(key) } : { year: key }), path: [...path, i], input: key });
    }
    seen.add(key);
  });
}

/**
 * The request schema: `{ asOf, enterprise }` or `{ asOf, institution }`.
 *
 * Refinements (real calendar dates, credit-code check characters, the cross-field rules above) are
 * enforced by this schema's parse, which is the one authority; the exported JSON Schema describes the
 * shape only.
 *
 * @example
 * ```ts
 * import { requestSchema } from 'mentougou-srdi';
 *
 * // The zod/mini schema of the request (shape only; `parseRequest` also checks the cross-field rules).
 * const checked = requestSchema.safeParse({ asOf: '2024-12-31', enterprise: { id: 'E1' } });
 * console.log(checked.success); // true
 * ```
 */
export const requestSchema = z
  .strictObject({
    asOf: calendarDate,
    enterprise: z.optional(enterpriseSchema),
    institution: z.optional(institutionSchema),
  })
  .check(
    z.superRefine((request, ctx) => {
      const subjects = (request.enterprise ? 1 : 0) + (request.institution ? 1 : 0);
      if (subjects !== 1) {
        ctx.addIssue({ code: 'custom', message: 'subject-required', params: issueParams('subject-required'), path: [], input: request });
        return;
      }
      if (request.enterprise) {
        checkTimeline(request.enterprise, 'enterprise', request.asOf, ctx);
        checkUnique(request.enterprise.contributions, (c) => c.year, ['enterprise', 'contributions'], 'duplicate-year', ctx);
        checkUnique(request.enterprise.leases, (l) => l.id, ['enterprise', 'leases'], 'duplicate-id', ctx);
      }
      if (request.institution) {
        checkTimeline(request.institution, 'institution', request.asOf, ctx);
        checkUnique(request.institution.introducedEnterprises, (e) => e.enterpriseId, ['institution', 'introducedEnterprises'], 'duplicate-id', ctx);
      }
    }),
  );

/** What callers send (dates as strings, money as strings or numbers). */
export type PolicyRequestInput = z.input<typeof requestSchema>;
/** A validated request, as the rules see it (dates as day numbers, money as Decimal). */
export type PolicyRequest = z.output<typeof requestSchema>;
/** A validated enterprise. */
export type Enterprise = EnterpriseOut;
/** A validated institution. */
export type Institution = InstitutionOut;
/** A validated registration. */
export type Registration = z.output<typeof registrationSchema>;
/** A validated designation. */
export type Designation = z.output<typeof designationSchema>;
/** A validated lease. */
export type Lease = z.output<typeof leaseSchema>;
/** A validated disbursement (what this policy already paid). */
export type Disbursement = z.output<typeof disbursementSchema>;
/** A validated benefit from another policy. */
export type OtherBenefit = z.output<typeof otherBenefitSchema>;
/** A validated listing. */
export type Listing = z.output<typeof listingSchema>;
/** A validated introduced enterprise (M5). */
export type IntroducedEnterprise = z.output<typeof introducedEnterpriseSchema>;
