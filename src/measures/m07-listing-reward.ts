/**
 * M7 上市奖励 — reward for listing (五、7).
 *
 * > 7、对在区内登陆主板、中小板、创业板、科创板、新三板精选层、北交所的专精特新中小企业，给予不低于
 * > 市级标准的奖励。（责任单位：区发改委、中关村门头沟园管委会）
 *
 * Ruling R7: the enterprise has listed (an absent listing means not listed), holds a designation on
 * `listedOn` (“专精特新中小企业”; `expiresOn` itself still counts), and `listedOn` is inside the window
 * (R1); that the board existed on that day is an input rule. Amount = max(`municipalStandardReward`, the
 * edition's district floor for the board) when either exists (“不低于市级标准”); with neither, the
 * line is undetermined (its amount unknown). One line, keyed in the ledger by nothing but the measure.
 */
import { formatCalendarDate } from '../core/calendar.js';
import { type MeasureInfo, type MeasureLineDraft, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { formatMoney, formatMoneyGrouped, type Money, maxMoney } from '../core/money.js';
import { met, unknown } from '../core/decision.js';
import { type Bilingual, checkCondition, type ConditionSpec } from '../core/trace.js';
import type { EnterpriseFacts } from '../facts/facts.js';
import { listedAsInR7, type ListingSpecs } from '../facts/listing.js';
import { BOARDS } from '../model/boards.js';
import type { Listing } from '../model/request.js';
import { type EditionValues, editionValues, type PolicyEdition } from '../policy/edition.js';

/** M7's clause, title and responsible units. */
export const M7_INFO: MeasureInfo = {
  measure: 'M7',
  clause: '五、7 鼓励优质企业上市融资',
  title: { zh: '登陆资本市场奖励（不低于市级标准）', en: 'Listing reward (no lower than the municipal standard)' },
  kind: 'money',
  responsibleUnits: ['区发改委', '中关村门头沟园管委会'],
};

/** The R7 conditions in M7's words. */
const LISTING: ListingSpecs = {
  /** “登陆主板、中小板、创业板、科创板、新三板精选层、北交所”. */
  listed: {
    id: 'm7.listed',
    clause: 'M7',
    ruling: 'R7',
    zh: '登陆主板、中小板、创业板、科创板、新三板精选层或北交所',
    en: 'listed on the main board, SME board, ChiNext, STAR Market, NEEQ select tier or Beijing Stock Exchange',
  },
  /** “的专精特新中小企业”: designated on the listing day. */
  designatedOnListingDay: {
    id: 'm7.designated-on-listing-day',
    clause: 'M7',
    ruling: 'R7',
    zh: '上市之日为专精特新中小企业（上市日持有称号）',
    en: 'an SRDI SME on the listing day (holds a designation on listedOn)',
  },
  /** The listing is an earning event inside the window (R1). */
  listedInWindow: {
    id: 'm7.listed-in-window',
    clause: 'M7',
    ruling: 'R1',
    zh: '上市日在措施有效期内',
    en: 'listed inside the period of validity',
  },
};

/** “给予不低于市级标准的奖励”: the municipal standard or a district floor is known. */
const REWARD_STANDARD_KNOWN: ConditionSpec = {
  id: 'm7.reward-standard-known',
  clause: 'M7',
  ruling: 'R7',
  zh: '市级奖励标准或区级最低奖励已知（不低于市级标准）',
  en: 'the municipal standard or a district floor is known (no lower than the municipal standard)',
};

/** The one line of a listing: max(municipal standard, district floor), or unknown with neither. */
function listingLine(listing: Listing, values: EditionValues): MeasureLineDraft {
  const on = formatCalendarDate(listing.listedOn);
  const board = BOARDS[listing.board];
  const municipal = listing.municipalStandardReward;
  const floor = values.m7.districtFloors[listing.board];
  const amount: Money | null = municipal !== undefined && floor !== null ? maxMoney(municipal, floor) : (municipal ?? floor);
  const basis = amount === null ? null : municipal !== undefined && (floor === null || !floor.greaterThan(municipal)) ? 'municipal-standard' : 'district-floor';
  const yuan = (m: Money): Bilingual => ({ zh: `${formatMoneyGrouped(m)} 元`, en: `${formatMoneyGrouped(m)} yuan` });
  const standard: Bilingual = municipal === undefined ? { zh: '市级标准未提供', en: 'no municipal standard given' } : { zh: `市级标准 ${yuan(municipal).zh}`, en: `municipal standard ${yuan(municipal).en}` };
  const districtFloor: Bilingual = floor === null ? { zh: '未设区级最低奖励', en: 'no district floor' } : { zh: `区级最低 ${yuan(floor).zh}`, en: `district floor ${yuan(floor).en}` };
  const detail =
    amount === null
      ? { zh: '市级奖励标准未提供，且本版本未设区级最低奖励', en: 'no municipal standard given, and this edition sets no district floor' }
      : { zh: `${standard.zh}，${districtFloor.zh}`, en: `${standard.en}, ${districtFloor.en}` };
  return {
    id: `${listing.board}@${on}`,
    label: { zh: `${on} 登陆${board.zh}`, en: `${on}: listed on the ${board.en}` },
    conditions: [checkCondition(REWARD_STANDARD_KNOWN, amount === null ? unknown(['enterprise.listing.municipalStandardReward']) : met(), detail)],
    amount,
    ledger: {},
    details: {
      board: listing.board,
      listedOn: on,
      municipalStandardReward: municipal === undefined ? null : formatMoney(municipal),
      districtFloor: floor === null ? null : formatMoney(floor),
      basis,
    },
  };
}

/**
 * M7 listing reward (R7): one line when the enterprise has listed.
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (window, district floors by board)
 */
export function listingReward(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  const values = editionValues(edition);
  const listing = facts.enterprise.listing;
  return settleMeasure({
    ...M7_INFO,
    conditions: listedAsInR7(facts, values, LISTING),
    lines: listing === undefined ? [] : [listingLine(listing, values)],
  });
}
