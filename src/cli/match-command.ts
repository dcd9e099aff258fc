/**
 * `mentougou-srdi match <requests.jsonl | -> [--csv DIR] [--json] [--lang zh|en]`: 免申即享 matching of
 * a cohort (DESIGN §7, `match` in src/analysis/match.ts). Prints the subjects by status, the totals,
 * the pay worklists by 责任单位 and the ask worklists by holder, and the invalid requests; `--json`
 * prints the match as JSON instead; `--csv DIR` also writes one CSV per worklist, and one of the
 * subjects, in UTF-8 with a byte-order mark (Excel opens them as they are).
 *
 * Input: JSON Lines, one request per line; blank lines are skipped; a line that is not JSON is reported
 * on standard error and skipped. Exit 0 done; 2 wrong options, an unreadable input or edition, no
 * request read, or a CSV that cannot be written.
 */
import { parseArgs } from 'node:util';
import { formatMoneyGrouped, Money } from '../core/money.js';
import { type AskWorklist, type Match, matchBuilder, MATCH_STATUSES, type MatchStatus, type PayWorklist } from '../analysis/match.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import { displayPath, EDITION_OPTIONS, EDITION_USAGE, errorMessage, EXIT_OK, EXIT_USAGE, formatIssue, loadEdition, stripBom, tryParseArgs, usageError } from './common.js';
import { csvDocument, type CsvValue, safeFileName } from './csv.js';
import type { CliCommand, CliIO } from './io.js';

export const MATCH_USAGE = `Usage: mentougou-srdi match <requests.jsonl | -> [--csv <dir>] [--json] [--lang zh|en] [options]

免申即享 matching of a cohort: each request (one per line, JSON Lines) is assessed and sorted by status —
pay (payable, nothing more open), pay-and-ask (payable, more open), ask (nothing payable yet, money
open), none, invalid — with the pay worklists by responsible unit (责任单位) and the questions to ask
by who holds the fact, most money first.

Options:
  --csv <dir>                also write the worklists as CSV files (UTF-8 with BOM, for Excel) into <dir>:
                             subjects.csv, pay-<unit>.csv, ask-<holder>.csv
  --json                     the match as JSON
  --lang <zh|en>             language of the text and the CSV files (default zh)
${EDITION_USAGE}
  -h, --help                 this help

Exit codes: 0 done (invalid requests and lines that are not JSON are reported, not fatal);
2 wrong options, an unreadable input or edition, no request read, or a CSV that cannot be written.
`;

type Lang = 'zh' | 'en';

/** How the worklists are built (printed under them, and in --json). */
const MATCH_NOTES: readonly { zh: string; en: string }[] = [
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
const BLOCKERS: Readonly<Record<string, { zh: string; en: string }>> = {
  'case-by-case-support': { zh: '已“一企一策”“一事一议”（G3）', en: 'supported case by case (G3)' },
  'integrity-finding': { zh: '诚信记录（G4）', en: 'an integrity finding (G4)' },
  'commitment-required': { zh: '尚无留区承诺（G5）', en: 'no retention commitment yet (G5)' },
  'commitment-breached': { zh: '已违反留区承诺（G5）', en: 'the retention commitment breached (G5)' },
};

/** The words of the command's output. */
const WORDS = {
  zh: {
    title: (edition: string) => `免申即享匹配 — 政策版本 ${edition}`,
    input: (file: string, lines: number, bad: number, requests: number) => `输入 ${file}：${lines} 行（非 JSON ${bad} 行），请求 ${requests} 件`,
    status: { pay: '直接兑现', 'pay-and-ask': '兑现并补充', ask: '待补充', none: '无资金', invalid: '无效' } satisfies Record<MatchStatus, string>,
    statusHeader: ['状态', '主体数'],
    totals: (payable: string, upTo: string | null, unbounded: number) =>
      `合计可兑现 ${payable} 元；${upTo === null ? `补齐信息后金额无上限（${unbounded} 家无上限）` : `补齐信息后最多 ${upTo} 元`}`,
    blocked: (code: string, n: number, amount: string) => `资金受阻：${BLOCKERS[code]?.zh ?? code}（${code}）${n} 家，应享 ${amount} 元`,
    payHeading: '兑现清单（按责任单位）',
    pay: (w: PayWorklist) => `${w.unit.zh} — ${w.rows.length} 笔，合计 ${yuan(w.total)} 元`,
    payColumns: ['主体', '名称', '措施', '条款', '明细', '金额（元）'],
    askHeading: '待补充清单（按信息持有方）',
    ask: (w: AskWorklist) => `${w.holder.zh} — ${w.rows.length} 项，涉及${w.atStake === null ? '金额无上限' : `至多 ${yuan(w.atStake)} 元`}`,
    askColumns: ['主体', '名称', '事实', '问题', '涉及措施', '涉及金额（元）'],
    unbounded: '无上限',
    none: '（无）',
    invalid: (n: number) => `无效请求（${n}）`,
    line: (n: number) => `第 ${n} 行`,
    subjectColumns: ['行', '主体类型', '主体', '名称', '状态', '可兑现（元）', '最多（元）', '应享（元）', '资金受阻', '问题数', '下一个问题'],
    kind: { enterprise: '企业', institution: '服务机构' },
    wrote: (n: number, dir: string) => `已写入 ${n} 个 CSV 文件：${dir}`,
  },
  en: {
    title: (edition: string) => `免申即享 matching — policy edition ${edition}`,
    input: (file: string, lines: number, bad: number, requests: number) => `Input ${file}: ${lines} lines (${bad} not JSON), ${requests} requests`,
    status: { pay: 'pay', 'pay-and-ask': 'pay and ask', ask: 'ask', none: 'none', invalid: 'invalid' } satisfies Record<MatchStatus, string>,
    statusHeader: ['Status', 'Subjects'],
    totals: (payable: string, upTo: string | null, unbounded: number) =>
      `Total payable ${payable} yuan; ${upTo === null ? `no upper bound once the missing facts are known (${plural(unbounded, 'subject')} without one)` : `at most ${upTo} yuan once the missing facts are known`}`,
    blocked: (code: string, n: number, amount: string) => `Money blocked: ${BLOCKERS[code]?.en ?? code} (${code}): subjects ${n}, entitled to ${amount} yuan`,
    payHeading: 'Pay worklists (by responsible unit)',
    pay: (w: PayWorklist) => `${w.unit.en} (${w.unit.zh}) — ${plural(w.rows.length, 'line')}, ${yuan(w.total)} yuan`,
    payColumns: ['Subject', 'Name', 'Measure', 'Clause', 'Line', 'Amount (yuan)'],
    askHeading: 'Ask worklists (by who holds the fact)',
    ask: (w: AskWorklist) => `${w.holder.en} — ${plural(w.rows.length, 'question')}, ${w.atStake === null ? 'no upper bound on the money' : `up to ${yuan(w.atStake)} yuan`} at stake`,
    askColumns: ['Subject', 'Name', 'Fact', 'Question', 'Measures', 'At stake (yuan)'],
    unbounded: 'unbounded',
    none: '(none)',
    invalid: (n: number) => `Invalid requests (${n})`,
    line: (n: number) => `line ${n}`,
    subjectColumns: ['Line', 'Kind', 'Subject', 'Name', 'Status', 'Payable (yuan)', 'At most (yuan)', 'Entitled (yuan)', 'Blocked by', 'Questions', 'Next question'],
    kind: { enterprise: 'enterprise', institution: 'institution' },
    wrote: (n: number, dir: string) => `wrote ${plural(n, 'CSV file')} into ${dir}`,
  },
} as const;

const yuan = (text: string): string => formatMoneyGrouped(new Money(text));
/** `1 line`, `2 lines`. */
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const RIGHT: Align = 'right';

/** What reading the input found. */
interface InputSummary {
  file: string;
  lines: number;
  badJsonLines: { line: number; error: string }[];
}

/** Streams the JSON Lines input into the builder; `null` when the file cannot be read (reported). */
async function readRequests(io: CliIO, file: string, onValue: (value: unknown, line: number, index: number) => void): Promise<InputSummary | null> {
  const summary: InputSummary = { file: displayPath(file), lines: 0, badJsonLines: [] };
  let lineNumber = 0;
  let index = 0;
  try {
    for await (const raw of io.readLines(file)) {
      lineNumber += 1;
      const text = (lineNumber === 1 ? stripBom(raw) : raw).trim();
      if (text.length === 0) continue;
      summary.lines += 1;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        summary.badJsonLines.push({ line: lineNumber, error: errorMessage(e) });
        io.stderr(`match: line ${lineNumber}: not valid JSON / 不是有效的 JSON (${errorMessage(e)}); skipped\n`);
        continue;
      }
      onValue(value, lineNumber, index);
      index += 1;
    }
  } catch (e) {
    io.stderr(`match: cannot read ${displayPath(file)}: ${errorMessage(e)}\n`);
    return null;
  }
  return summary;
}

const where = (lang: Lang, line: number | undefined): string => (line === undefined ? '' : WORDS[lang].line(line));

/** The match as text, in one language. */
export function renderMatch(m: Match, input: InputSummary, lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [`${w.title(m.edition.id)}\n`, `${w.input(input.file, input.lines, input.badJsonLines.length, m.requests)}\n\n`];
  out.push(renderTable(w.statusHeader, MATCH_STATUSES.map((s) => [w.status[s], String(m.counts[s])]), ['left', RIGHT]));
  out.push(`\n${w.totals(yuan(m.totals.payable), m.totals.payableUpTo === null ? null : yuan(m.totals.payableUpTo), m.totals.unbounded)}\n`);
  for (const b of m.totals.blocked) out.push(`${w.blocked(b.code, b.subjects, yuan(b.entitlement))}\n`);

  out.push(`\n${w.payHeading}\n`);
  if (m.worklists.pay.length === 0) out.push(`  ${w.none}\n`);
  for (const list of m.worklists.pay) {
    out.push(`\n${w.pay(list)}\n`);
    out.push(renderTable(w.payColumns, list.rows.map((r) => [r.subject.id, r.subject.name ?? '', r.measure, r.clause, r.lineLabel[lang], yuan(r.amount)]), ['left', 'left', 'left', 'left', 'left', RIGHT]));
  }

  out.push(`\n${w.askHeading}\n`);
  if (m.worklists.ask.length === 0) out.push(`  ${w.none}\n`);
  for (const list of m.worklists.ask) {
    out.push(`\n${w.ask(list)}\n`);
    out.push(
      renderTable(
        w.askColumns,
        list.rows.map((r) => [r.subject.id, r.subject.name ?? '', r.path, r.question[lang], r.measures.join(','), r.atStake === null ? w.unbounded : yuan(r.atStake)]),
        ['left', 'left', 'left', 'left', 'left', RIGHT],
      ),
    );
  }

  const invalid = m.subjects.filter((s) => s.status === 'invalid');
  if (invalid.length > 0) {
    out.push(`\n${w.invalid(invalid.length)}\n`);
    for (const s of invalid) out.push(`  #${s.index} ${where(lang, s.line)}${s.id === null ? '' : ` ${s.id}`}:\n${s.issues.map((i) => `    ${formatIssue(i)}\n`).join('')}`);
  }
  out.push(`\n${MATCH_NOTES.map((n) => n[lang]).join('\n')}\n`);
  return out.join('');
}

/** The CSV files of a match: file name → contents. */
export function matchCsvFiles(m: Match, lang: Lang): Map<string, string> {
  const w = WORDS[lang];
  const files = new Map<string, string>();
  const subjects: CsvValue[][] = m.subjects.map((s) =>
    s.status === 'invalid'
      ? [s.line, '', s.id, '', w.status.invalid, '', '', '', '', '', s.issues.map((i) => formatIssue(i)).join('; ')]
      : [s.line, w.kind[s.kind], s.id, s.name, w.status[s.status], s.payable, s.payableUpTo ?? w.unbounded, s.entitlement, s.blockers.join(' '), s.questions.length, s.questions[0]?.[lang]],
  );
  files.set('subjects.csv', csvDocument(w.subjectColumns, subjects));
  const payHeader = [...w.payColumns.slice(0, 4), lang === 'zh' ? '措施名称' : 'Measure title', ...w.payColumns.slice(4)];
  for (const list of m.worklists.pay) {
    const rows = list.rows.map((r): CsvValue[] => [r.subject.id, r.subject.name, r.measure, r.clause, r.title[lang], r.lineLabel[lang], r.amount]);
    files.set(`pay-${safeFileName(list.unit.zh)}.csv`, csvDocument(payHeader, rows));
  }
  const askHeader = [...w.askColumns.slice(0, 5), lang === 'zh' ? '条款' : 'Clauses', w.askColumns[5]!];
  for (const list of m.worklists.ask) {
    const rows = list.rows.map((r): CsvValue[] => [r.subject.id, r.subject.name, r.path, r.question[lang], r.measures.join(' '), r.clauses.join('; '), r.atStake ?? w.unbounded]);
    files.set(`ask-${safeFileName(list.holder.zh)}.csv`, csvDocument(askHeader, rows));
  }
  return files;
}

/** The `match` command. */
export const matchCommand: CliCommand = async (args, io) => {
  const parsed = tryParseArgs(io, MATCH_USAGE, () =>
    parseArgs({
      args,
      options: { ...EDITION_OPTIONS, csv: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (parsed === undefined) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(MATCH_USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1) return usageError(io, `match: expected one input file, got ${positionals.length}`, MATCH_USAGE);
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') return usageError(io, `match: unknown language: ${lang} (use zh or en)`, MATCH_USAGE);
  const file = positionals[0] as string;

  const edition = await loadEdition(io, values);
  if (!edition.ok) return EXIT_USAGE;
  const builder = matchBuilder({ edition: edition.edition });
  const input = await readRequests(io, file, (value, line, index) => builder.add(value, { index, line }));
  if (input === null) return EXIT_USAGE;
  const m = builder.result();
  if (m.requests === 0) {
    io.stderr(`match: no request read from ${input.file} / 未读到任何请求\n`);
    return EXIT_USAGE;
  }

  if (values.csv !== undefined) {
    const dir = values.csv.replace(/[/\\]+$/, '') || values.csv;
    const files = matchCsvFiles(m, lang);
    try {
      await io.makeDirectory?.(dir);
      for (const [name, text] of files) await io.writeText(`${dir}/${name}`, text);
    } catch (e) {
      io.stderr(`match: cannot write the CSV files into ${dir}: ${errorMessage(e)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`${WORDS[lang].wrote(files.size, dir)}\n`);
  }
  io.stdout(values.json ? `${JSON.stringify({ ...m, input, notes: MATCH_NOTES }, null, 2)}\n` : renderMatch(m, input, lang));
  return EXIT_OK;
};
