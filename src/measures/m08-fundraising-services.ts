/**
 * M8 募投项目落地服务 — services for fundraising projects after listing (五、8).
 *
 * > 8、支持专精特新企业上市后，募投项目在我区落地，为项目用地、环评、用工等提供高效便捷服务。
 * > （责任单位：区规自分局、区生态环境局、区人力资源社会保障局、区政务服务局）
 *
 * Ruling R8 (service measures): no amount. The enterprise is listed as in R7 (a listing; a designation
 * held on `listedOn`; `listedOn` inside the window: the shared check in `facts/listing.ts`), and its
 * fundraising project lands in the district (`fundraisingProjectInDistrict`; absent: unknown).
 */
import { verdictOf } from '../core/decision.js';
import { type MeasureInfo, type MeasureResult, settleMeasure } from '../core/measure-result.js';
import { checkCondition, type ConditionSpec } from '../core/trace.js';
import type { EnterpriseFacts } from '../facts/facts.js';
import { listedAsInR7, type ListingSpecs } from '../facts/listing.js';
import { editionValues, type PolicyEdition } from '../policy/edition.js';

/** M8's clause, title and responsible units. */
export const M8_INFO: MeasureInfo = {
  measure: 'M8',
  clause: '五、8 鼓励优质企业上市融资',
  title: { zh: '上市后募投项目在区落地的高效便捷服务', en: 'Fast services for fundraising projects landed in the district after listing' },
  kind: 'service',
  responsibleUnits: ['区规自分局', '区生态环境局', '区人力资源社会保障局', '区政务服务局'],
};

/** The R7 conditions in M8's words (“专精特新企业上市后”). */
const LISTING: ListingSpecs = {
  /** “上市后”: the enterprise has listed. */
  listed: { id: 'm8.listed', clause: 'M8', ruling: 'R7', zh: '已上市（上市后）', en: 'listed (after listing)' },
  /** “专精特新企业上市”: designated on the listing day. */
  designatedOnListingDay: {
    id: 'm8.designated-on-listing-day',
    clause: 'M8',
    ruling: 'R7',
    zh: '上市之日为专精特新企业（上市日持有称号）',
    en: 'an SRDI enterprise on the listing day (holds a designation on listedOn)',
  },
  /** The listing falls inside the window (R1, as for M7). */
  listedInWindow: { id: 'm8.listed-in-window', clause: 'M8', ruling: 'R1', zh: '上市日在措施有效期内', en: 'listed inside the period of validity' },
};

/** “募投项目在我区落地”. */
const PROJECT_IN_DISTRICT: ConditionSpec = {
  id: 'm8.fundraising-project-in-district',
  clause: 'M8',
  ruling: 'R8',
  zh: '募投项目在我区落地',
  en: 'the fundraising project lands in the district',
};

/**
 * M8 fundraising-project services (R8): listed as in R7 and the fundraising project in the district.
 *
 * @param facts the enterprise's derived facts
 * @param edition the policy edition (window)
 */
export function fundraisingProjectServices(facts: EnterpriseFacts, edition: PolicyEdition): MeasureResult {
  return settleMeasure({
    ...M8_INFO,
    conditions: [
      ...listedAsInR7(facts, editionValues(edition), LISTING),
      checkCondition(PROJECT_IN_DISTRICT, verdictOf(facts.enterprise.fundraisingProjectInDistrict, 'enterprise.fundraisingProjectInDistrict')),
    ],
    lines: [],
  });
}
