/**
 * M2 吸引企业入区发展 — move-in reward (一、2).
 *
 * > 2、吸引企业入区发展。对2022年1月1日以来从北京市外新引进的符合条件的企业除上述奖励外，再一次性
 * > 给予10万元的入区奖励（需在我区实体经营），促进企业稳定发展。（责任单位：区科信局）
 *
 * Ruling R3: 100,000 once (edition m2.amount), when the business registration moved to `mentougou`
 * from `outside-beijing` (“从北京市外新引进”; a relocation — the first entry of a kind is its founding,
 * not a move) on or after m2.movedInOnOrAfter (“2022年1月1日以来”) and inside the window (R1); the
 * enterprise has an M1 entitlement (“除上述奖励外”, the R2 earning steps); and it operates physically in
 * the district (“需在我区实体经营”; absent: unknown). A move from another Beijing district does not
 * qualify; a firm that returns from outside Beijing does. With no business timeline at all, the move is
 * unknown. One line, the move, with ledger key `{}` so that M2 disbursements are matched against it.
 *
 * Readings (DESIGN §8): `m2ReturnerQualifies: false` (a move qualifies only if no earlier business entry was
 * in `mentougou`: a returner is not “新引进”); `m1DistrictAtDesignation` reaches M2 through the shared M1
 * steps (src/facts/designation-steps.ts), which decide “has an M1 entitlement”.
 */
import { civilOf, type DayNumber, formatCalendarDate } from '../core/calendar.js';
import { type MeasureInfo, type MeasureLineDraft, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { known, unknown, type Verdict, verdictOf } from '../core/decision.js';
import { formatMoney, formatMoneyGrouped } from '../core/money.js';
import { type Bilingual, checkCondition, type ConditionSpec } from '../core/trace.js';
import { designationSteps, ladderSteps, m1EntitlementVerdict } from '../facts/designation-steps.js';
import { type EnterpriseFacts, isInWindow, type Relocation, registrationTimeline } from '../facts/facts.js';
import { businessMovesIntoDistrict, hasBusinessTimeline, REGION_NAMES, REGISTRATIONS_PATH } from '../facts/moves.js';
import { derivedFrom, type EditionValues, editionValues, type PolicyEdition } from '../policy/edition.js';

/** M2's clause, title and responsible unit. */
export const M2_INFO: MeasureInfo = {
  measure: 'M2',
  clause: '一、2 吸引企业入区发展',
  title: { zh: '从北京市外新引进企业一次性入区奖励', en: 'One-time move-in reward for enterprises brought in from outside Beijing' },
  kind: 'money',
  responsibleUnits: ['区科信局'],
};

/** A date as the text writes it: `2022年1月1日`. */
function zhDate(day: DayNumber): string {
  const { year, month, day: d } = civilOf(day);
  return `${year}年${month}月${d}日`;
}

/**
 * “2022年1月1日以来”: the move in from outside Beijing is on or after m2.movedInOnOrAfter and inside the
 * window (R1). The date is the edition's, so the statement reads as the edition's text does.
 */
function movedInSince(values: EditionValues): ConditionSpec {
  return {
    id: 'm2.moved-in-since',
    clause: 'M2',
    ruling: 'R3',
    zh: `${zhDate(values.m2.movedInOnOrAfter)}以来迁入本区（且在措施有效期内）`,
    en: `moved into the district on or after ${formatCalendarDate(values.m2.movedInOnOrAfter)} (and inside the period of validity)`,
  };
}

/** The window as the trace states it: `2022-01-01–2024-12-31`. */
const windowText = (values: EditionValues): string => `${formatCalendarDate(values.window.effectiveFrom)}–${formatCalendarDate(values.window.effectiveTo)}`;

/** The reward as the line's details state it. */
const amountText = (values: EditionValues): string => formatMoney(values.m2.amount);

/** “从北京市外新引进”: the business registration moved to `mentougou` from `outside-beijing`. */
const FROM_OUTSIDE_BEIJING: ConditionSpec = {
  id: 'm2.from-outside-beijing',
  clause: 'M2',
  ruling: 'R3',
  zh: '从北京市外新引进（工商注册由北京市外迁入本区）',
  en: 'newly brought in from outside Beijing (business registration moved into the district from outside Beijing)',
};

/** “除上述奖励外”: the reward comes on top of M1, so the enterprise has an M1 entitlement (R2 earning steps). */
const ON_TOP_OF_M1: ConditionSpec = {
  id: 'm2.has-m1-entitlement',
  clause: 'M2',
  ruling: 'R3',
  zh: '除上述奖励外（企业享有一、1 首次获得称号奖励）',
  en: 'on top of the designation reward (the enterprise is entitled under M1)',
};

/** “需在我区实体经营”: the enterprise operates physically in the district. */
const PHYSICAL_OPERATION: ConditionSpec = {
  id: 'm2.physical-operation-in-district',
  clause: 'M2',
  ruling: 'R3',
  zh: '需在我区实体经营',
  en: 'operates physically in the district',
};

const PHYSICAL_OPERATION_PATH = 'enterprise.physicalOperationInDistrict';

const describeMove = (move: Relocation): Bilingual => ({
  zh: `${formatCalendarDate(move.on)} 由${REGION_NAMES[move.from].zh}迁入`,
  en: `moved in from ${REGION_NAMES[move.from].en} on ${formatCalendarDate(move.on)}`,
});

const describeMoves = (moves: readonly Relocation[]): Bilingual =>
  moves.length === 0
    ? { zh: '无迁入本区的记录', en: 'no move into the district' }
    : { zh: moves.map((m) => describeMove(m).zh).join('；'), en: moves.map((m) => describeMove(m).en).join('; ') };

/** The moves found, with a note on the returns that reading `m2ReturnerQualifies: false` leaves out. */
const withReturners = (moves: Bilingual, returners: readonly Relocation[]): Bilingual =>
  returners.length === 0
    ? moves
    : {
        zh: `${moves.zh}；此前曾在本区登记，不属新引进：${returners.map((m) => formatCalendarDate(m.on)).join('、')}`,
        en: `${moves.en}; registered in the district before, so not newly brought in: ${returners.map((m) => formatCalendarDate(m.on)).join(', ')}`,
      };

/**
 * M2 move-in reward (R3): the entitlement of 100,000 (edition m2.amount) for a move in from outside
 * Beijing, as one line keyed `{}` in the ledger.
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (amount, start date, window, M1 tiers)
 */
export function moveInReward(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  const values = editionValues(edition);
  const enterprise = facts.enterprise;
  const timelineKnown = hasBusinessTimeline(enterprise.registrations);
  const movesIn = businessMovesIntoDistrict(enterprise.registrations);
  // Reading m2ReturnerQualifies: false — a move qualifies only if no earlier business entry was in the district.
  const everInDistrictBefore = (m: Relocation): boolean => registrationTimeline(enterprise.registrations, 'business').some((r) => r.from < m.on && r.region === 'mentougou');
  const returners = values.readings.m2ReturnerQualifies ? [] : movesIn.filter((m) => m.from === 'outside-beijing' && everInDistrictBefore(m));
  const fromOutside = movesIn.filter((m) => m.from === 'outside-beijing' && !returners.includes(m));
  const dateCounts = (m: Relocation): boolean => m.on >= values.m2.movedInOnOrAfter && isInWindow(m.on, values, facts.asOf);
  const qualifying = fromOutside.find(dateCounts);

  const fromOutsideVerdict: Verdict = !timelineKnown ? unknown([REGISTRATIONS_PATH]) : known(fromOutside.length > 0);
  // The date is judged on the moves from outside Beijing when there are any (so that both conditions
  // met means one move meets both), else on the moves in from elsewhere, for the checklist.
  const dated = fromOutside.length > 0 ? fromOutside : movesIn;
  const sinceVerdict: Verdict = !timelineKnown ? unknown([REGISTRATIONS_PATH]) : known(fromOutside.length > 0 ? qualifying !== undefined : dated.some(dateCounts));
  const window = derivedFrom(values, windowText);
  const sinceDetail: Bilingual | undefined = timelineKnown
    ? {
        zh: `${describeMoves(qualifying ? [qualifying] : dated).zh}；有效期 ${window}`,
        en: `${describeMoves(qualifying ? [qualifying] : dated).en}; period of validity ${window}`,
      }
    : undefined;

  const steps = designationSteps(facts, values);
  const top = ladderSteps(steps).at(-1);
  const m1Detail: Bilingual = top
    ? { zh: `称号奖励最高档 ${formatMoneyGrouped(top.tier)} 元`, en: `designation reward tier ${formatMoneyGrouped(top.tier)} yuan` }
    : { zh: '无符合第一条第1款的称号', en: 'no designation earns the designation reward' };

  const conditions = [
    checkCondition(derivedFrom(values, movedInSince), sinceVerdict, sinceDetail),
    checkCondition(FROM_OUTSIDE_BEIJING, fromOutsideVerdict, timelineKnown ? withReturners(describeMoves(movesIn), returners) : undefined),
    checkCondition(ON_TOP_OF_M1, m1EntitlementVerdict(steps), m1Detail),
    checkCondition(PHYSICAL_OPERATION, verdictOf(enterprise.physicalOperationInDistrict, PHYSICAL_OPERATION_PATH)),
  ];

  const move = qualifying ?? fromOutside.at(-1);
  const line: MeasureLineDraft = {
    id: 'move-in',
    label: move
      ? { zh: `${formatCalendarDate(move.on)} 从北京市外迁入本区的入区奖励`, en: `move-in reward for moving in from outside Beijing on ${formatCalendarDate(move.on)}` }
      : { zh: '从北京市外迁入本区的入区奖励', en: 'move-in reward for moving in from outside Beijing' },
    conditions: [],
    amount: values.m2.amount,
    ledger: {},
    details: {
      movedInOn: move ? formatCalendarDate(move.on) : null,
      movedInFrom: move ? move.from : null,
      amount: derivedFrom(values, amountText),
    },
  };
  return settleMeasure({ ...M2_INFO, conditions, lines: [line] });
}
