/**
 * M5 服务机构引进奖励 — reward to service institutions for introducing SRDI enterprises (三、5).
 *
 * > 5、对区内积极引进专精特新中小企业的创新创业服务机构给予引导鼓励。新引进入驻的企业中，每增加1家
 * > 北京市“专精特新”中小企业、北京市级、国家级专精特新“小巨人”称号的企业，分别一次性给予创新创业
 * > 服务机构2万元、5万元、10万元奖励，鼓励创新创业服务机构提质增效，助力地区产业转型。
 * > （责任单位：区科信局、中关村门头沟园管委会）
 *
 * Ruling R6: one line per introduced enterprise (“每增加1家”), keyed in the ledger by its
 * `enterpriseId`. A line counts when the enterprise moved in inside the window (R1); its tier is that of
 * its `highestLevel` as held on `asOf` (20,000 / 50,000 / 100,000, from the edition). `"none"`: the line is
 * ineligible; absent: undetermined. What was already paid for the enterprise is taken off by the ledger
 * after the provisions (assess). No introduced enterprise: the measure is ineligible. The lines are in
 * `enterpriseId` order (not the request's), so that a result does not depend on how the list was written.
 *
 * Reading `m5NoLevel` (DESIGN §8): `'unmet'` makes an absent `highestLevel` an unmet level (the line is
 * ineligible and names no missing path) instead of an unknown one.
 */
import { formatCalendarDate } from '../core/calendar.js';
import { known, met, unknown, unmet, type Verdict } from '../core/decision.js';
import { type MeasureInfo, type MeasureLineDraft, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { LEVEL_NAMES } from '../core/messages.js';
import { formatMoney, type Money, ZERO } from '../core/money.js';
import { checkCondition, type Bilingual, type ConditionSpec } from '../core/trace.js';
import { type InstitutionFacts, isInWindow } from '../facts/facts.js';
import type { IntroducedEnterprise } from '../model/request.js';
import { type EditionValues, editionValues, type PolicyEdition } from '../policy/edition.js';

/** M5's clause, title and responsible units. */
export const M5_INFO: MeasureInfo = {
  measure: 'M5',
  clause: '三、5 鼓励服务机构提质增效',
  title: { zh: '创新创业服务机构引进专精特新企业奖励', en: 'Reward to service institutions for each SRDI enterprise introduced' },
  kind: 'money',
  responsibleUnits: ['区科信局', '中关村门头沟园管委会'],
};

/** “新引进入驻的企业中，每增加1家”: the institution has introduced at least one enterprise. */
const HAS_INTRODUCED: ConditionSpec = {
  id: 'm5.has-introduced-enterprises',
  clause: 'M5',
  ruling: 'R6',
  zh: '有新引进入驻的企业',
  en: 'has introduced enterprises that moved in',
};

/** “新引进入驻”: the enterprise moved in inside the window (R1). */
const MOVED_IN_IN_WINDOW: ConditionSpec = {
  id: 'm5.moved-in-in-window',
  clause: 'M5',
  ruling: 'R1',
  zh: '在措施有效期内新引进入驻',
  en: 'moved in inside the period of validity',
};

/** “北京市‘专精特新’中小企业、北京市级、国家级专精特新‘小巨人’称号的企业”: holds a level (R6). */
const HOLDS_LEVEL: ConditionSpec = {
  id: 'm5.introduced-enterprise-level',
  clause: 'M5',
  ruling: 'R6',
  zh: '引进企业为北京市“专精特新”中小企业、北京市级或国家级专精特新“小巨人”企业',
  en: 'the introduced enterprise is a Beijing SRDI SME, a Beijing little giant or a national little giant',
};

/** The line of one introduced enterprise. */
function enterpriseLine(e: IntroducedEnterprise, index: number, values: EditionValues, asOf: number): MeasureLineDraft {
  const on = formatCalendarDate(e.movedInOn);
  const window = `${formatCalendarDate(values.window.effectiveFrom)} – ${formatCalendarDate(values.window.effectiveTo)}`;
  const inWindow = isInWindow(e.movedInOn, values, asOf);
  let level: Verdict;
  let levelDetail: Bilingual;
  let amount: Money | null;
  if (e.highestLevel === undefined) {
    level = values.readings.m5NoLevel === 'unmet' ? unmet() : unknown([`institution.introducedEnterprises.${index}.highestLevel`]);
    levelDetail = { zh: '称号级别未提供', en: 'level not given' };
    amount = null;
  } else if (e.highestLevel === 'none') {
    level = unmet();
    levelDetail = { zh: '无“专精特新”称号', en: 'holds no SRDI designation' };
    amount = ZERO;
  } else {
    level = met();
    levelDetail = { zh: LEVEL_NAMES[e.highestLevel].zh, en: LEVEL_NAMES[e.highestLevel].en };
    amount = values.m5.tiers[e.highestLevel];
  }
  return {
    id: e.enterpriseId,
    label: { zh: `引进企业 ${e.enterpriseId}（${on} 入驻）`, en: `introduced enterprise ${e.enterpriseId} (moved in on ${on})` },
    conditions: [
      checkCondition(MOVED_IN_IN_WINDOW, known(inWindow), { zh: `${on} 入驻，有效期 ${window}`, en: `moved in on ${on}; period of validity ${window}` }),
      checkCondition(HOLDS_LEVEL, level, levelDetail),
    ],
    amount,
    ledger: { enterpriseId: e.enterpriseId },
    details: { enterpriseId: e.enterpriseId, movedInOn: on, highestLevel: e.highestLevel ?? null, tier: amount === null ? null : formatMoney(amount) },
  };
}

/**
 * M5 institution introduction reward (R6): one line per introduced enterprise, each its tier.
 *
 * @param facts the institution's derived facts
 * @param edition the policy edition (tiers, window)
 */
export function institutionIntroductionReward(facts: InstitutionFacts, edition: PolicyEdition): MeasureResult {
  const values = editionValues(edition);
  const introduced = facts.institution.introducedEnterprises;
  // Lines in `enterpriseId` order, whatever the order of the request (ids are unique: the request
  // refuses a repeated one); each keeps the index of its entry for the paths it names.
  const lines = introduced
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.enterpriseId < b.e.enterpriseId ? -1 : a.e.enterpriseId > b.e.enterpriseId ? 1 : 0))
    .map(({ e, i }) => enterpriseLine(e, i, values, facts.asOf));
  const detail = { zh: `${introduced.length} 家`, en: `${introduced.length} introduced` };
  return settleMeasure({
    ...M5_INFO,
    conditions: [checkCondition(HAS_INTRODUCED, known(introduced.length > 0), detail)],
    lines,
  });
}
