/**
 * Readings (DESIGN §8): where the draft is unclear and DESIGN chose one reading, the other reading is an
 * edition switch, so the drafters can see what each choice costs. Each reading is declared once here: its
 * two values (DESIGN's first), the clause and ruling it departs from, the words of the text in question,
 * and a wording for the final text that would settle it on either value (docs/rulings.md says exactly
 * what each value does). The edition
 * schema (`edition.readings`), the built-in edition's values and `compareReadings` are all derived from
 * this table.
 *
 * A reading's value is read from the edition like any parameter (`editionValues(edition).readings`), in
 * the module where its ruling lives: a measure, a provision, the ledger or a shared fact.
 */
import type { ClauseId, RulingId } from '../core/clauses.js';
import type { Bilingual } from '../core/trace.js';

/** A reading's value: a boolean or a name. */
type ReadingValue = boolean | string;

/** One reading: its two values (DESIGN's first) and what a drafter needs to settle it. */
export interface ReadingSpec<V extends ReadingValue = ReadingValue> {
  /** `[default, alternative]`: the default is DESIGN's reading. */
  values: readonly [V, V];
  /** The clause whose words are unclear. */
  clause: ClauseId;
  /** The ruling whose reading the default repeats. */
  ruling: RulingId;
  /** The words of the text in question (policy/measures.zh.txt), as quoted. */
  words: string;
  /** A wording for the final text that would settle it on each value, in the order of `values`. */
  wording: readonly [Bilingual, Bilingual];
}

const spec = <const V extends ReadingValue>(s: ReadingSpec<V>): ReadingSpec<V> => s;

/**
 * The 22 readings (names and values frozen, DESIGN §8), in the order of their table.
 *
 * @example
 * ```ts
 * import { READINGS } from 'mentougou-srdi/edition';
 *
 * // DESIGN's value first, then the other reading; the clause and ruling it reads; the words of the text.
 * console.log(READINGS.g2Aggregate.values.join(' | ')); // sum | any-one
 * console.log(`${READINGS.g2Aggregate.clause} / ${READINGS.g2Aggregate.ruling}`); // G2 / R5
 * ```
 */
export const READINGS = {
  m3ClipToAsOf: spec({
    values: [false, true],
    clause: 'M3',
    ruling: 'R4',
    words: '「从2023年度起按照不高于1元/天/平米标准给予自用办公用房租金补贴」',
    wording: [
      { zh: '租金补贴按当年度租赁合同覆盖的全部天数计算。', en: 'The subsidy counts every day of the year that the lease covers.' },
      { zh: '租金补贴按当年度截至认定之日的实际租用天数计算。', en: 'The subsidy counts the days rented in the year up to the day of certification.' },
    ],
  }),
  m3RegisteredKinds: spec({
    values: ['business', 'business+tax'],
    clause: 'M3',
    ruling: 'R4',
    words: '「连续支持三年（每年认定）」 + G1 「在门头沟区登记注册」 (cf. G5 「工商注册和税务登记」)',
    wording: [
      { zh: '每年认定时，企业当年末工商注册在本区。', en: 'At each yearly certification, the business registration is in the district at the end of the year.' },
      { zh: '每年认定时，企业当年末工商注册和税务登记均在本区。', en: 'At each yearly certification, both the business and the tax registration are in the district at the end of the year.' },
    ],
  }),
  g2Base: spec({
    values: ['amount', 'payable'],
    clause: 'G2',
    ruling: 'R5',
    words: '「以上措施按照“从优不重复”的原则执行」',
    wording: [
      { zh: '与其他政策比较时，以本措施核定的奖励或补贴金额为准。', en: 'The comparison with other policies is made on the amount this measure grants.' },
      { zh: '与其他政策比较时，以本措施尚未兑现的金额为准。', en: 'The comparison with other policies is made on what this measure has still to pay.' },
    ],
  }),
  g2Aggregate: spec({
    values: ['sum', 'any-one'],
    clause: 'G2',
    ruling: 'R5',
    words: '「已享受中关村门头沟园或其他房租补贴政策支持的不重复享受」; 「从优不重复」',
    wording: [
      { zh: '同一事项享受多项其他政策支持的，合并计算后与本措施比较，从优享受。', en: 'Several other benefits for the same matter are added up and compared with this measure; the better applies.' },
      { zh: '同一事项享受多项其他政策支持的，逐项与本措施比较，任一项不低于本措施的，不再享受本措施。', en: 'Each other benefit for the same matter is compared with this measure on its own; if any one is at least as high, this measure is not granted.' },
    ],
  }),
  m3PaidMatching: spec({
    values: ['per-year', 'total'],
    clause: 'M3',
    ruling: 'R4',
    words: '「连续支持三年（每年认定），单个企业每年支持额度不超过30万元」',
    wording: [
      { zh: '房租补贴按年度认定和兑现，已兑现金额仅抵扣所属年度。', en: 'The rent subsidy is certified and paid by year; what was paid offsets only its own year.' },
      { zh: '房租补贴三年合计兑现，已兑现金额从三年合计中扣除。', en: 'The rent subsidy is paid against the total of the years; what was paid is taken off that total.' },
    ],
  }),
  breachNeedsCommitment: spec({
    values: [false, true],
    clause: 'G5',
    ruling: 'R13',
    words: '「申请以上措施中资金支持的企业须自愿承诺」',
    wording: [
      { zh: '获得资金支持的企业自资金兑现之日起8年内工商注册或税务登记迁离本区的，我区有权追回。', en: 'Any enterprise paid under these measures that moves its business or tax registration out within 8 years of payment may be made to repay.' },
      { zh: '已签署留区承诺的企业违反承诺的，我区有权追回全部支持资金。', en: 'An enterprise that signed the retention commitment and breaks it may be made to repay all support.' },
    ],
  }),
  periodIncludesPaidOn: spec({
    values: [true, false],
    clause: 'G5',
    ruling: 'R13',
    words: '「自资金兑现之日起8年内」',
    wording: [
      { zh: '承诺期自资金兑现之日（含当日）起计算8年。', en: 'The 8-year period runs from the day of payment, that day included.' },
      { zh: '承诺期自资金兑现之日的次日起计算8年。', en: 'The 8-year period runs from the day after payment.' },
    ],
  }),
  unknownRegionBreaches: spec({
    values: [false, true],
    clause: 'G5',
    ruling: 'R13',
    words: '「工商注册和税务登记不迁离本区」',
    wording: [
      { zh: '迁离以登记机关记载为准；无登记记录的，不认定为迁离。', en: 'A move away is what the registries record; no record is not a move away.' },
      { zh: '企业须证明其工商注册和税务登记在本区；不能证明的，视为迁离本区。', en: 'The enterprise must show that both registrations are in the district; otherwise it counts as having moved away.' },
    ],
  }),
  g1AbsentFact: spec({
    values: ['unknown', 'unmet'],
    clause: 'G1',
    ruling: 'R9',
    words: '「在门头沟区登记注册，具有独立法人资格，经认定的各级创新创业服务机构」',
    wording: [
      { zh: '适用条件的证明材料未提供的，待补充后认定。', en: 'Where proof of the scope is missing, the case waits until it is supplied.' },
      { zh: '未提供适用条件证明材料的，视为不符合适用范围。', en: 'Where proof of the scope is missing, the case is outside the scope.' },
    ],
  }),
  g1DesignationWhen: spec({
    values: ['asOf', 'ever'],
    clause: 'G1',
    ruling: 'R9',
    words: '「获得“专精特新”各级称号的中小企业」',
    wording: [
      { zh: '适用于申请时持有有效“专精特新”称号的中小企业。', en: 'The measures apply to SMEs that hold a valid SRDI title when they apply.' },
      { zh: '适用于曾获得“专精特新”各级称号的中小企业（含称号已过有效期的）。', en: 'The measures apply to SMEs that have ever obtained an SRDI title, expired titles included.' },
    ],
  }),
  expiresOnInclusive: spec({
    values: [true, false],
    clause: 'G1',
    ruling: 'R9',
    words: '「获得“专精特新”各级称号的中小企业」 (the text never mentions expiry)',
    wording: [
      { zh: '称号有效期截止日当日仍视为持有该称号。', en: 'A title is still held on the last day of its validity.' },
      { zh: '称号自有效期截止日起不再视为持有。', en: 'A title is no longer held from the day its validity ends.' },
    ],
  }),
  m5NoLevel: spec({
    values: ['unknown', 'unmet'],
    clause: 'M5',
    ruling: 'R6',
    words: '「新引进入驻的企业中，每增加1家北京市“专精特新”中小企业、北京市级、国家级专精特新“小巨人”称号的企业」',
    wording: [
      { zh: '引进企业称号级别待核实的，核实后按级别奖励。', en: 'Where an introduced enterprise’s level is still to be checked, the reward follows once it is.' },
      { zh: '未提供引进企业称号级别证明的，不予奖励。', en: 'No reward for an introduced enterprise whose level is not proven.' },
    ],
  }),
  m6NeedsSmallOrMicro: spec({
    values: [false, true],
    clause: 'M6',
    ruling: 'R8',
    words: '「推广“专精特新”小微企业专属信贷产品」…「设立区级引导基金」',
    wording: [
      { zh: '区级引导基金面向专精特新中小企业；专属信贷产品面向其中的小微企业。', en: 'The district guidance fund serves SRDI SMEs; the exclusive credit products serve the small and micro ones among them.' },
      { zh: '本条措施仅面向“专精特新”小微企业。', en: 'This measure serves SRDI small and micro enterprises only.' },
    ],
  }),
  r1AllEvents: spec({
    values: [false, true],
    clause: 'G6',
    ruling: 'R1',
    words: '「以上措施自2022年XX月X日起实行，有效期至2025年XX月XX日」',
    wording: [
      {
        zh: '“一企一策”“一事一议”支持、违约违法违规行为及已兑现资金，不论发生于何时，均适用本措施相关规定。',
        en: 'Case-by-case support, breaches and past payments count whenever they occurred.',
      },
      {
        zh: '仅有效期内发生的“一企一策”“一事一议”支持、违约违法违规行为和资金兑现，适用本措施相关规定。',
        en: 'Only case-by-case support, breaches and payments inside the period of validity count.',
      },
    ],
  }),
  foundingCountsAsMoveIn: spec({
    values: [false, true],
    clause: 'M3',
    ruling: 'R4',
    words: '「对新获得“专精特新”称号（含重新认定）的和新入区的」',
    wording: [
      { zh: '“新入区”是指工商注册由其他地区迁入本区。', en: '“Newly moved in” means a business registration moved into the district from elsewhere.' },
      { zh: '“新入区”包括迁入本区和在本区新设立的企业。', en: '“Newly moved in” includes enterprises newly founded in the district.' },
    ],
  }),
  roundPerLease: spec({
    values: [false, true],
    clause: 'M3',
    ruling: 'R4',
    words: '「按照不高于1元/天/平米标准」…「单个企业每年支持额度不超过30万元」',
    wording: [
      { zh: '租金补贴按年度合计、封顶后四舍五入至分。', en: 'The subsidy is summed for the year, capped, then rounded to the fen.' },
      { zh: '租金补贴按每份租赁合同分别计算并四舍五入至分后合计。', en: 'The subsidy is worked out and rounded to the fen lease by lease, then summed.' },
    ],
  }),
  g1InAmount: spec({
    values: [true, false],
    clause: 'G1',
    ruling: 'R9',
    words: '「以上措施适用于在门头沟区登记注册，具有独立法人资格……获得“专精特新”各级称号的中小企业」',
    wording: [
      { zh: '不符合第八条适用范围的，不核定奖励金额。', en: 'No amount is granted outside the scope of section 8.' },
      { zh: '奖励金额按本条标准核定；是否兑现，以第八条适用范围为准。', en: 'The amount follows the measure’s own terms; whether it is paid follows the scope of section 8.' },
    ],
  }),
  m2ReturnerQualifies: spec({
    values: [true, false],
    clause: 'M2',
    ruling: 'R3',
    words: '「对2022年1月1日以来从北京市外新引进的符合条件的企业」',
    wording: [
      { zh: '工商注册由北京市外迁入本区的企业，均视为从北京市外新引进（含曾在本区登记的企业）。', en: 'Any enterprise whose business registration moves in from outside Beijing is newly brought in, returners included.' },
      { zh: '“从北京市外新引进”是指此前未在本区登记注册、由北京市外迁入的企业。', en: '“Newly brought in from outside Beijing” means an enterprise never before registered in the district.' },
    ],
  }),
  clawbackScope: spec({
    values: ['periods-containing-breach', 'all-disbursements'],
    clause: 'G5',
    ruling: 'R13',
    words: '「若违反承诺我区有权追回全部支持资金」',
    wording: [
      { zh: '违反承诺的，我区有权追回承诺期尚未届满的全部支持资金。', en: 'On a breach, the district may recover all support whose period has not ended.' },
      { zh: '违反承诺的，我区有权追回历次兑现的全部支持资金，含承诺期已届满的。', en: 'On a breach, the district may recover every payment made, ended periods included.' },
    ],
  }),
  m3OtherRentSubsidy: spec({
    values: ['compare-per-year', 'exclude'],
    clause: 'M3',
    ruling: 'R5',
    words: '「已享受中关村门头沟园或其他房租补贴政策支持的不重复享受」',
    wording: [
      { zh: '已享受中关村门头沟园或其他房租补贴的，按年度与本条补贴比较，从优享受，不重复享受。', en: 'Another rent subsidy is compared with this one year by year; the better applies, never both.' },
      { zh: '已享受中关村门头沟园或其他房租补贴政策支持的，不再享受本条补贴。', en: 'An enterprise that has received another rent subsidy gets no subsidy under this measure.' },
    ],
  }),
  m1DistrictAtDesignation: spec({
    values: [false, true],
    clause: 'M1',
    ruling: 'R2',
    words: '「加强本区企业培育」；「对首次获得北京市“专精特新”称号的中小企业」',
    wording: [
      { zh: '在本区登记注册的企业首次获得称号的，给予奖励，不论获得称号时登记在何处。', en: 'An enterprise registered in the district is rewarded for a first title wherever it was registered when it obtained it.' },
      { zh: '企业获得称号时须已在本区登记注册。', en: 'The enterprise must already be registered in the district when it obtains the title.' },
    ],
  }),
  commitmentImpliedByDisbursement: spec({
    values: [false, true],
    clause: 'G5',
    ruling: 'R12',
    words: '「申请以上措施中资金支持的企业须自愿承诺」',
    wording: [
      { zh: '未签署留区承诺的，不予兑现资金支持。', en: 'No money is paid without a signed retention commitment.' },
      { zh: '已获得过资金兑现的企业，视同已作出留区承诺。', en: 'An enterprise already paid under these measures is taken to have made the retention commitment.' },
    ],
  }),
} as const;

/** A reading's name. */
export type ReadingName = keyof typeof READINGS;

/**
 * The names of the readings, in the order of the table.
 *
 * @example
 * ```ts
 * import { READING_NAMES } from 'mentougou-srdi/edition';
 *
 * console.log(READING_NAMES.length); // 22
 * console.log(READING_NAMES[0]); // m3ClipToAsOf
 * ```
 */
export const READING_NAMES = Object.keys(READINGS) as ReadingName[];

/** The value of each reading. */
export type Readings = { readonly [N in ReadingName]: (typeof READINGS)[N]['values'][number] };

/** DESIGN's reading of each (the first value): the built-in edition's (a new object each call). */
export function defaultReadings(): Readings {
  return Object.fromEntries(READING_NAMES.map((name) => [name, READINGS[name].values[0]])) as unknown as Readings;
}

/** DESIGN's readings, frozen: what a shared rule reads when it is not given an edition's. */
export const DEFAULT_READINGS: Readings = Object.freeze(defaultReadings());

/** The other value of a reading. */
export function otherValue<N extends ReadingName>(name: N, value: Readings[N]): Readings[N] {
  const [first, second] = READINGS[name].values;
  return (value === first ? second : first) as Readings[N];
}

/** The words of the text a reading quotes (each 「…」 of `words`), joined as the edition writes omissions (……). */
export function quotedWords(reading: Pick<ReadingSpec, 'words'>): string {
  return [...reading.words.matchAll(/「([^」]+)」/g)].map((m) => m[1]!).join('……');
}

/**
 * The built-in edition's readings: DESIGN's value of each, as a parameter with its clause and the words of
 * the text (the English gloss names the ruling and the other value).
 */
export function defaultReadingParameters(): { [N in ReadingName]: { value: Readings[N]; clause: ClauseId; zh: string; en: string } } {
  return Object.fromEntries(
    READING_NAMES.map((name) => {
      const r: ReadingSpec = READINGS[name];
      return [name, { value: r.values[0], clause: r.clause, zh: quotedWords(r), en: `${r.ruling}: ${r.wording[0].en} (the other reading, ${String(r.values[1])}: ${r.wording[1].en})` }];
    }),
  ) as unknown as { [N in ReadingName]: { value: Readings[N]; clause: ClauseId; zh: string; en: string } };
}
