/**
 * `mentougou-srdi readings <requests.jsonl | -> [--json] [--lang zh|en] [edition options]`: what each
 * unclear passage of the draft costs (DESIGN §8, src/analysis/compare-readings.ts). The cohort is run under
 * the base edition (the built-in one, or `--edition` / `--set`) and under each alternative reading; the
 * readings are listed most money at stake first, each with the subjects it changes, the change in
 * entitlement, payable and clawback (by measure), one example subject, the words of the text and the
 * wording that would settle it either way. Text in one language within 100 columns, or JSON.
 */
import { type ReadingChange, type ReadingsComparison, readingsComparisonBuilder, type ReadingSubject } from '../analysis/compare-readings.js';
import { type Align, renderTable } from '../analysis/text-table.js';
import { COMMON_USAGE, EXIT_OK, EXIT_USAGE, type Lang, parseCommand, pick, type Texts } from './args.js';
import { inputText, type InputSummary, invalidSection, json, moneyTerms, noticeLine, paragraph, readCohort, yuan } from './cohort-input.js';
import { EDITION_OPTIONS, EDITION_USAGE_TEXTS, loadEdition } from './common.js';
import type { CliCommand } from './io.js';
import { outcomeWord, TEXT_WIDTH, wrap } from './text.js';

/** The help of `readings`. */
export const READINGS_USAGE: Texts = {
  zh: `用法：mentougou-srdi readings <requests.jsonl | -> [--json] [选项]

草案中含义不明之处的代价（DESIGN §8）：逐一改用 22 处解读中的另一种读法（政策版本的 readings.<名称>），
对一批主体评估，列出每种解读改变的主体、应享金额、本次可兑现金额和追回金额的变化（按措施）、一个示例
主体、原文，以及可消除歧义的建议措辞。按涉及金额从多到少排列。

选项：
  --json                     以 JSON 输出比较结果
${EDITION_USAGE_TEXTS.zh}
${COMMON_USAGE.zh}

退出码：0 完成；2 选项错误、输入或版本文件无法读取，或输入中没有请求。
`,
  en: `Usage: mentougou-srdi readings <requests.jsonl | -> [--json] [options]

What each unclear passage of the draft costs (DESIGN §8): the cohort is assessed under each of the 22
readings switched to its other value (the edition's readings.<name>); per reading, the subjects whose
result changes, the change in entitlement, payable and clawback (by measure), one example subject,
the words of the text and a wording for the final text that would settle it. Most money first.

Options:
  --json                     the comparison as JSON
${EDITION_USAGE_TEXTS.en}
${COMMON_USAGE.en}

Exit codes: 0 done; 2 wrong options, an unreadable input or edition, or no request in the input.
`,
};

const RIGHT: Align = 'right';

const signed = (delta: string): string => (delta.startsWith('-') ? `-${yuan(delta.slice(1))}` : delta === '0.00' ? '0.00' : `+${yuan(delta)}`);
const shown = (v: boolean | string): string => String(v);

/** One example subject, in a sentence. */
function exampleText(s: ReadingSubject, lang: Lang): string {
  const t = (zh: string, en: string): string => pick(lang, zh, en);
  const { entitlement, payableNow } = moneyTerms(lang);
  const where = s.line === undefined ? t(`第 ${s.index + 1} 个请求`, `request ${s.index + 1}`) : t(`第 ${s.line} 行`, `line ${s.line}`);
  const parts = [
    `${entitlement} ${yuan(s.amount.a)} → ${yuan(s.amount.b)}`,
    `${payableNow} ${yuan(s.payable.a)} → ${yuan(s.payable.b)}`,
  ];
  if (s.clawback.delta !== '0.00') parts.push(t(`追回 ${yuan(s.clawback.a)} → ${yuan(s.clawback.b)}`, `clawback ${yuan(s.clawback.a)} → ${yuan(s.clawback.b)}`));
  const measures = s.measures.map((m) => {
    const bits: string[] = [];
    if (m.outcome.a !== m.outcome.b) bits.push(`${outcomeWord(m.outcome.a, lang)} → ${outcomeWord(m.outcome.b, lang)}`);
    if (m.payable.a !== m.payable.b) bits.push(`${payableNow} ${yuan(m.payable.a)} → ${yuan(m.payable.b)}`);
    else if (m.amount.a !== m.amount.b) bits.push(`${entitlement} ${yuan(m.amount.a)} → ${yuan(m.amount.b)}`);
    return `${m.measure} ${bits.join(t('，', ', '))}`;
  });
  const tail = measures.length > 0 ? t(`；${measures.join('；')}`, `; ${measures.join('; ')}`) : '';
  return t(`示例：${s.subject.id}（${where}，评估日 ${s.asOf}）${parts.join('，')}${tail}`, `Example: ${s.subject.id} (${where}, asOf ${s.asOf}): ${parts.join(', ')}${tail}`);
}

/** The detail of one reading that changes something. */
function readingDetail(r: ReadingChange, rank: number, lang: Lang): string {
  const t = (zh: string, en: string): string => pick(lang, zh, en);
  const { entitlement, payableNow } = moneyTerms(lang);
  // Two columns short of the width: a closing mark never starts a line, so it may stand (two columns wide) past the end.
  const line = (text: string): string => `   ${wrap(text, TEXT_WIDTH - 5, '     ')}\n`;
  const out: string[] = [];
  out.push(`\n${rank}. ${r.name}${t(`（${r.clause} / ${r.ruling}）：`, ` (${r.clause} / ${r.ruling}): `)}${shown(r.from)} → ${shown(r.to)}\n`);
  out.push(line(t(`原文：${r.words}`, `Words of the text: ${r.words}`)));
  const totals = [
    `${entitlement} ${signed(r.totals.amount.delta)}`,
    `${payableNow} ${signed(r.totals.payable.delta)}`,
    t(`追回 ${signed(r.totals.clawback.delta)}`, `clawback ${signed(r.totals.clawback.delta)}`),
  ];
  out.push(line(t(`改变的主体 ${r.changedSubjects} 个；合计变化：${totals.join('，')}；涉及金额 ${yuan(r.atStake)}`, `Subjects changed: ${r.changedSubjects}; in total: ${totals.join(', ')}; at stake ${yuan(r.atStake)}`)));
  if (r.totals.byMeasure.length > 0) {
    const measures = r.totals.byMeasure.map((m) => t(`${m.measure} ${entitlement} ${signed(m.amount.delta)}、${payableNow} ${signed(m.payable.delta)}`, `${m.measure} ${entitlement} ${signed(m.amount.delta)}, ${payableNow} ${signed(m.payable.delta)}`));
    out.push(line(t(`按措施：${measures.join('；')}`, `By measure: ${measures.join('; ')}`)));
  }
  if (r.example) out.push(line(exampleText(r.example, lang)));
  out.push(line(t(`建议措辞（维持 ${shown(r.from)}）：${r.wording.from.zh}`, `Suggested wording (to keep ${shown(r.from)}): ${r.wording.from.en}`)));
  out.push(line(t(`建议措辞（改为 ${shown(r.to)}）：${r.wording.to.zh}`, `Suggested wording (to take ${shown(r.to)}): ${r.wording.to.en}`)));
  return out.join('');
}

/** The readings comparison as text, in one language, within 100 columns. */
export function renderReadings(c: ReadingsComparison, input: InputSummary, lang: Lang): string {
  const t = (zh: string, en: string): string => pick(lang, zh, en);
  const { entitlement, payableNow, entitlementHeader, payableNowHeader } = moneyTerms(lang);
  const out: string[] = [];
  out.push(
    paragraph(
      t(`解读比较（DESIGN §8）：基准版本 ${c.base.id}，逐一改用另一种解读`, `Readings comparison (DESIGN §8): base edition ${c.base.id}, each other reading in turn`),
    ),
  );
  out.push(noticeLine(lang));
  out.push(paragraph(inputText(input, lang)));
  out.push(paragraph(t(`请求 ${c.requests}：有效 ${c.assessed}，无效 ${c.invalid.length}`, `Requests ${c.requests}: ${c.assessed} assessed, ${c.invalid.length} invalid`)));
  const changing = c.readings.filter((r) => r.changedSubjects > 0);
  out.push(
    `\n${paragraph(
      t(
        `按涉及金额从多到少排列（涉及金额：各主体${entitlement}、${payableNow}、追回金额三项变化中最大者之和）`,
        `Most money at stake first (at stake: the sum over the subjects of the largest change in ${entitlement}, ${payableNow} or clawback)`,
      ),
    )}`,
  );
  out.push(
    renderTable(
      [t('解读', 'Reading'), t('主体', 'Subjects'), t(`${entitlementHeader}变化`, `Δ ${entitlement}`), t(`${payableNowHeader}变化`, `Δ ${payableNow}`), t('追回金额变化', 'Δ clawback'), t('涉及金额', 'At stake')],
      changing.map((r) => [r.name, String(r.changedSubjects), signed(r.totals.amount.delta), signed(r.totals.payable.delta), signed(r.totals.clawback.delta), yuan(r.atStake)]),
      ['left', RIGHT, RIGHT, RIGHT, RIGHT, RIGHT],
    ),
  );
  changing.forEach((r, i) => out.push(readingDetail(r, i + 1, lang)));
  const unchanged = c.readings.filter((r) => r.changedSubjects === 0).map((r) => r.name);
  if (unchanged.length > 0) out.push(`\n${paragraph(t(`对这批主体没有影响的解读（${unchanged.length}）：${unchanged.join('、')}`, `Readings that change no subject here (${unchanged.length}): ${unchanged.join(', ')}`))}`);
  out.push(invalidSection(c.invalid, lang));
  return out.join('');
}

/** The `readings` command. */
export const readingsCommand: CliCommand = async (args, io) => {
  const parsed = parseCommand(
    io,
    {
      name: 'readings',
      usage: READINGS_USAGE,
      options: { json: { type: 'boolean' }, ...EDITION_OPTIONS },
      positionals: { min: 1, max: 1, problem: { zh: '需要且只需要一个输入文件（- 表示标准输入）。', en: 'expected one input file (or - for standard input).' } },
    },
    args,
  );
  if (!parsed.ok) return parsed.exit;
  const { values, lang } = parsed;
  const loaded = await loadEdition(io, values, lang);
  if (!loaded.ok) return EXIT_USAGE;
  const builder = readingsComparisonBuilder({ edition: loaded.edition });
  const input = await readCohort(io, 'readings', parsed.positionals[0]!, lang, (value, ref) => builder.add(value, ref));
  if (!input) return EXIT_USAGE;
  const result = builder.result();
  io.stdout(values.json === true ? json({ input, readings: result }) : renderReadings(result, input, lang));
  return EXIT_OK;
};
