/**
 * The boards of M7 (主板、中小板、创业板、科创板、新三板精选层、北交所) and when each existed (R7).
 * These are facts of the securities markets, not parameters of the policy: the SME board merged into
 * the Shenzhen main board on 2021-04-06, and the NEEQ select tier became the Beijing Stock Exchange on
 * 2021-11-15, so a listing on either after that is an input error.
 */

/**
 * The boards that M7 names.
 *
 * @example
 * ```ts
 * import { BOARD_IDS } from 'mentougou-srdi';
 *
 * console.log(BOARD_IDS.length); // 7
 * ```
 */
export const BOARD_IDS = ['sse-main', 'szse-main', 'sme-board', 'chinext', 'star', 'neeq-select', 'bse'] as const;
/** A board of M7. */
export type BoardId = (typeof BOARD_IDS)[number];

/** A board: its names, and the first and last day it took listings (`YYYY-MM-DD`), where bounded. */
export interface BoardFacts {
  zh: string;
  en: string;
  /** First day the board existed, where it opened after 2000. */
  from?: string;
  /** Last day the board existed. */
  until?: string;
  /** Why it ended, in both languages. */
  note?: { zh: string; en: string };
}

/**
 * Board history (R7).
 *
 * @example
 * ```ts
 * import { BOARDS } from 'mentougou-srdi';
 *
 * // The SME board merged into the Shenzhen main board on 2021-04-06.
 * console.log(JSON.stringify(BOARDS['sme-board'].zh)); // "中小板"
 * ```
 */
export const BOARDS: Readonly<Record<BoardId, BoardFacts>> = {
  'sse-main': { zh: '上交所主板', en: 'Shanghai main board' },
  'szse-main': { zh: '深交所主板', en: 'Shenzhen main board' },
  'sme-board': {
    zh: '中小板',
    en: 'SME board',
    until: '2021-04-05',
    note: { zh: '2021 年 4 月 6 日并入深交所主板', en: 'merged into the Shenzhen main board on 2021-04-06' },
  },
  chinext: { zh: '创业板', en: 'ChiNext', from: '2009-10-30' },
  star: { zh: '科创板', en: 'STAR Market', from: '2019-07-22' },
  'neeq-select': {
    zh: '新三板精选层',
    en: 'NEEQ select tier',
    from: '2020-07-27',
    until: '2021-11-14',
    note: { zh: '2021 年 11 月 15 日整体平移为北交所', en: 'became the Beijing Stock Exchange on 2021-11-15' },
  },
  bse: { zh: '北交所', en: 'Beijing Stock Exchange', from: '2021-11-15' },
};
