/**
 * `mentougou-srdi match <requests.jsonl | -> [--csv DIR] [--json] [--lang zh|en] [edition options]`:
 * 免申即享 matching of a cohort (DESIGN §7, `match` in src/analysis/match.ts). Prints the subjects by
 * status, the totals, the pay worklists by 责任单位 and the ask worklists by holder, and the invalid
 * requests, in one language within 100 columns; `--json` prints the match as JSON instead; `--csv DIR`
 * also writes one CSV per worklist, and one of the subjects, in UTF-8 with a byte-order mark (Excel
 * opens them as they are).
 *
 * Input: the CLI's one reader of many requests (JSON Lines, or a JSON array). Exit 0 done; 2 wrong
 * options, an unreadable input or edition, no request read, or a CSV that cannot be written.
 */
import { type AskWorklist, type Match, matchBuilder, MATCH_STATUSES, type MatchStatus, type PayWorklist } from '../analysis/match.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import { COMMON_USAGE, EXIT_OK, EXIT_USAGE, type Lang, parseCommand, pick, type Texts } from './args.js';
import { inputText, type InputSummary, invalidSection, json, moneyTerms, noticeLine, paragraph, readCohort, yuan } from './cohort-input.js';
import { EDITION_OPTIONS, EDITION_USAGE_TEXTS, errorMessage, formatIssue, loadEdition } from './common.js';
import { csvDocument, type CsvValue, safeFileName } from './csv.js';
import type { CliCommand } from './io.js';
import { TEXT_WIDTH, wrap } from './text.js';

/** The help of `match`. */
export const MATCH_USAGE: Texts = {
  zh: `用法：mentougou-srdi match <requests.jsonl | -> [--csv <目录>] [--json] [选项]

免申即享匹配：逐个评估请求（JSON Lines 每行一个，或一个 JSON 数组），按状态分类——直接兑现（pay）、
兑现并补充（pay-and-ask）、待补充（ask）、无资金（none）、无效（invalid）——并给出按措施责任单位
分组的兑现清单，和按信息持有方分组、涉及金额多者在前的待补充清单。

选项：
  --csv <目录>               另把清单写成 CSV（带 BOM 的 UTF-8，Excel 可直接打开）：subjects.csv、
                             pay-<责任单位>.csv、ask-<持有方>.csv
  --json                     以 JSON 输出匹配结果
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

退出码：0 完成（无效请求和非 JSON 行会报告，但不致命）；2 选项错误、输入或版本文件无法读取、
输入中没有请求，或 CSV 无法写入。
`,
  en: `Usage: mentougou-srdi match <requests.jsonl | -> [--csv <dir>] [--json] [options]

Matching for payment without an application: each request (one per line, JSON Lines, or a JSON
array) is assessed and sorted by status: pay (payable, nothing more open), pay-and-ask (payable, more
open), ask (nothing payable yet, money open), none, invalid; with the pay worklists by the measure's
responsible unit (责任单位) and the questions to ask by who holds the fact, most money first.

Options:
  --csv <dir>                also write the worklists as CSV files (UTF-8 with a BOM, for Excel):
                             subjects.csv, pay-<unit>.csv, ask-<holder>.csv
  --json                     the match as JSON
${EDITION_USAGE_TEXTS.en}
${COMMON_USAGE.en}

Exit codes: 0 done (invalid requests and lines that are not JSON are reported, not fatal);
2 wrong options, an unreadable input or edition, no request in the input, or a CSV that cannot be
written.
`,
};

/** How the worklists are built (printed under them, and in --json). */
const MATCH_NOTES: readonly Texts[] = [
  {
    zh: '兑现清单按措施的责任单位分组：一项措施列有两个责任单位时，分别列入每个单位，各单位合计相互重叠。',
    en: 'The pay worklists are grouped by the measure’s responsible units: a measure with two units is listed under each, so the units’ totals overlap.',
  },
  {
    zh: '待补充清单只列涉及金额的问题（涉及金额大于 0 或无上限）；仅涉及服务类措施的问题留在各主体的问题列表中。',
    en: 'The ask worklists list only the questions with money at stake (above 0, or without a bound); questions that decide only service measures stay on each subject’s list.',
  },
];

/** What blocks all money of a subject (G3, G4, G5), by reason code. */
const BLOCKERS: Readonly<Record<string, Texts>> = {
  'case-by-case-support': { zh: '已“一企一策”“一事一议”（G3）', en: 'supported case by case (G3)' },
  'integrity-finding': { zh: '诚信记录（G4）', en: 'an integrity finding (G4)' },
  'commitment-required': { zh: '尚无留区承诺（G5）', en: 'no retention commitment yet (G5)' },
  'commitment-breached': { zh: '已违反留区承诺（G5）', en: 'the retention commitment breached (G5)' },
};

const STATUS_WORDS: Record<MatchStatus, Texts> = {
  pay: { zh: '直接兑现', en: 'pay' },
  'pay-and-ask': { zh: '兑现并补充', en: 'pay and ask' },
  ask: { zh: '待补充', en: 'ask' },
  none: { zh: '无资金', en: 'none' },
  invalid: { zh: '无效', en: 'invalid' },
};

/** `1 line`, `2 lines`. */
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const RIGHT: Align = 'right';

const payHeading = (w: PayWorklist, lang: Lang): string =>
  pick(lang, `${w.unit.zh} — ${w.rows.length} 笔，合计 ${yuan(w.total)} 元`, `${w.unit.en} (${w.unit.zh}) — ${plural(w.rows.length, 'line')}, ${yuan(w.total)} yuan`);

const askHeading = (w: AskWorklist, lang: Lang): string =>
  pick(
    lang,
    `${w.holder.zh} — ${w.rows.length} 项，涉及${w.atStake === null ? '金额无上限' : `至多 ${yuan(w.atStake)} 元`}`,
    `${w.holder.en} — ${plural(w.rows.length, 'question')}, ${w.atStake === null ? 'no upper bound on the money' : `up to ${yuan(w.atStake)} yuan`} at stake`,
  );

/** One row as a wrapped paragraph, indented under its worklist. */
const row = (text: string): string => `  ${wrap(text, TEXT_WIDTH - 2, '    ')}\n`;

/** The match as text, in one language, within 100 columns. */
export function renderMatch(m: Match, input: InputSummary, lang: Lang): string {
  const t = (zh: string, en: string): string => pick(lang, zh, en);
  const terms = moneyTerms(lang);
  const money = (text: string): string => t(`${yuan(text)} 元`, `${yuan(text)} yuan`);
  const out: string[] = [t(`免申即享匹配 — 版本 ${m.edition.id}\n`, `Matching for payment without an application — edition ${m.edition.id}\n`), noticeLine(lang)];
  out.push(paragraph(inputText(input, lang)));
  out.push('\n');
  out.push(renderTable([t('状态', 'Status'), t('主体数', 'Subjects')], MATCH_STATUSES.map((s) => [STATUS_WORDS[s][lang], String(m.counts[s])]), ['left', RIGHT]));
  const upTo = m.totals.payableUpTo;
  out.push('\n');
  out.push(
    paragraph(
      t(
        `${terms.payableNow}合计 ${money(m.totals.payable)}；${upTo === null ? `补齐信息后金额无上限（${m.totals.unbounded} 家无上限）` : `补齐信息后最多 ${money(upTo)}`}`,
        `Total ${terms.payableNow}: ${money(m.totals.payable)}; ${upTo === null ? `no upper bound once the missing facts are known (${plural(m.totals.unbounded, 'subject')} without one)` : `at most ${money(upTo)} once the missing facts are known`}`,
      ),
    ),
  );
  for (const b of m.totals.blocked) {
    const name = BLOCKERS[b.code]?.[lang] ?? b.code;
    out.push(paragraph(t(`资金受阻：${name}${b.subjects} 家，${terms.entitlement} ${money(b.entitlement)}`, `Money blocked: ${name}: ${plural(b.subjects, 'subject')}, ${terms.entitlement} ${money(b.entitlement)}`)));
  }

  out.push(t('\n兑现清单（按责任单位）\n', '\nPay worklists (by responsible unit)\n'));
  if (m.worklists.pay.length === 0) out.push(t('  （无）\n', '  (none)\n'));
  for (const list of m.worklists.pay) {
    out.push(`\n${paragraph(payHeading(list, lang))}`);
    for (const r of list.rows) out.push(row(`${r.subject.id}${r.subject.name ? ` ${r.subject.name}` : ''} · ${money(r.amount)} · ${r.measure} ${r.clause} · ${r.lineLabel[lang]}`));
  }

  out.push(t('\n待补充清单（按信息持有方）\n', '\nAsk worklists (by who holds the fact)\n'));
  if (m.worklists.ask.length === 0) out.push(t('  （无）\n', '  (none)\n'));
  for (const list of m.worklists.ask) {
    out.push(`\n${paragraph(askHeading(list, lang))}`);
    for (const r of list.rows) {
      const stake = r.atStake === null ? t('涉及金额无上限', 'no upper bound') : t(`涉及至多 ${money(r.atStake)}`, `up to ${money(r.atStake)}`);
      out.push(row(`${r.subject.id}${r.subject.name ? ` ${r.subject.name}` : ''} · ${r.path} · ${r.measures.join(t('、', ', '))} · ${stake}`));
      out.push(`    ${wrap(`${t('问：', 'Ask: ')}${r.question[lang]}`, TEXT_WIDTH - 4, '      ')}\n`);
    }
  }

  const invalid = m.subjects.flatMap((s) => (s.status === 'invalid' ? [s] : []));
  out.push(invalidSection(invalid, lang));
  out.push('\n');
  for (const note of MATCH_NOTES) out.push(paragraph(note[lang]));
  return out.join('');
}

/** The CSV files of a match: file name → contents (headers and words in `lang`). */
export function matchCsvFiles(m: Match, lang: Lang): Map<string, string> {
  const t = (zh: string, en: string): string => pick(lang, zh, en);
  const terms = moneyTerms(lang);
  const files = new Map<string, string>();
  const kind = { enterprise: t('企业', 'enterprise'), institution: t('服务机构', 'institution') };
  const subjects: CsvValue[][] = m.subjects.map((s) =>
    s.status === 'invalid'
      ? [s.line, '', s.id, '', STATUS_WORDS.invalid[lang], '', '', '', '', '', s.issues.map((i) => formatIssue(i, lang)).join('; ')]
      : [s.line, kind[s.kind], s.id, s.name, STATUS_WORDS[s.status][lang], s.payable, s.payableUpTo ?? t('无上限', 'unbounded'), s.entitlement, s.blockers.join(' '), s.questions.length, s.questions[0]?.[lang]],
  );
  const subjectHeader = [
    t('行', 'Line'),
    t('主体类型', 'Kind'),
    t('主体', 'Subject'),
    t('名称', 'Name'),
    t('状态', 'Status'),
    t(`${terms.payableNow}（元）`, `${terms.payableNowHeader} (yuan)`),
    t('最多（元）', 'At most (yuan)'),
    t(`${terms.entitlement}（元）`, `${terms.entitlementHeader} (yuan)`),
    t('资金受阻', 'Blocked by'),
    t('问题数', 'Questions'),
    t('下一个问题', 'Next question'),
  ];
  files.set('subjects.csv', csvDocument(subjectHeader, subjects));
  const payHeader = [t('主体', 'Subject'), t('名称', 'Name'), t('措施', 'Measure'), t('条款', 'Clause'), t('措施名称', 'Measure title'), t('明细', 'Line'), t('金额（元）', 'Amount (yuan)')];
  for (const list of m.worklists.pay) {
    const rows = list.rows.map((r): CsvValue[] => [r.subject.id, r.subject.name, r.measure, r.clause, r.title[lang], r.lineLabel[lang], r.amount]);
    files.set(`pay-${safeFileName(list.unit.zh)}.csv`, csvDocument(payHeader, rows));
  }
  const askHeader = [t('主体', 'Subject'), t('名称', 'Name'), t('事实', 'Fact'), t('问题', 'Question'), t('涉及措施', 'Measures'), t('条款', 'Clauses'), t('涉及金额（元）', 'At stake (yuan)')];
  for (const list of m.worklists.ask) {
    const rows = list.rows.map((r): CsvValue[] => [r.subject.id, r.subject.name, r.path, r.question[lang], r.measures.join(' '), r.clauses.join('; '), r.atStake ?? t('无上限', 'unbounded')]);
    files.set(`ask-${safeFileName(list.holder.zh)}.csv`, csvDocument(askHeader, rows));
  }
  return files;
}

/** The `match` command. */
export const matchCommand: CliCommand = async (args, io) => {
  const parsed = parseCommand(
    io,
    {
      name: 'match',
      usage: MATCH_USAGE,
      options: { json: { type: 'boolean' }, csv: { type: 'string' }, ...EDITION_OPTIONS },
      positionals: { min: 1, max: 1, problem: { zh: '需要且只需要一个输入文件（- 表示标准输入）。', en: 'expected one input file (or - for standard input).' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values, lang } = parsed;
  const loaded = await loadEdition(io, values, lang);
  if (!loaded.ok) return EXIT_USAGE;
  const builder = matchBuilder({ edition: loaded.edition });
  const input = await readCohort(io, 'match', parsed.positionals[0]!, lang, (value, ref) => builder.add(value, ref));
  if (!input) return EXIT_USAGE;
  const m = builder.result();

  if (values.csv !== undefined) {
    const dir = values.csv.replace(/[/\\]+$/, '') || values.csv;
    const files = matchCsvFiles(m, lang);
    try {
      await io.makeDirectory?.(dir);
      for (const [name, text] of files) await io.writeText(`${dir}/${name}`, text);
    } catch (e) {
      io.stderr(pick(lang, `match：无法把 CSV 文件写入 ${dir}：${errorMessage(e)}\n`, `match: cannot write the CSV files into ${dir}: ${errorMessage(e)}\n`));
      return EXIT_USAGE;
    }
    io.stderr(pick(lang, `已写入 ${files.size} 个 CSV 文件：${dir}\n`, `wrote ${plural(files.size, 'CSV file')} into ${dir}\n`));
  }
  io.stdout(values.json === true ? json({ input, match: m, notes: MATCH_NOTES }) : renderMatch(m, input, lang));
  return EXIT_OK;
};
