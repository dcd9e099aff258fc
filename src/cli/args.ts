/**
 * The one argument helper of every command: parses the options (strictly: an unknown option or a
 * missing value is a usage error), answers `--help` in the chosen language, checks `--lang zh|en` and
 * the number of positional arguments. The language is Chinese unless `--lang en` is given, for help and
 * messages as for the output.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO } from './io.js';

/** The languages of the CLI's text. */
export type Lang = 'zh' | 'en';

/** A text in both languages. */
export interface Texts {
  zh: string;
  en: string;
}

/** The text in `lang`. */
export const pick = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);

/** Exit codes of every command: 0 done; 1 done, but some input failed; 2 could not run as asked. */
export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The options every command takes. */
export const COMMON_OPTIONS = { help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } } as const;

/** Usage lines of the common options. */
export const COMMON_USAGE: Texts = {
  zh: ['  --lang <zh|en>             输出、帮助和提示的语言（默认 zh）', '  -h, --help                 本帮助'].join('\n'),
  en: ['  --lang <zh|en>             the language of the output, help and messages (default zh)', '  -h, --help                 this help'].join('\n'),
};

/** The parsed option values of a command with options `O` (plus `help` and `lang`). */
export type OptionValues<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof COMMON_OPTIONS; allowPositionals: true; strict: true }>>['values'];

/** What a command takes. */
export interface CommandSpec<O extends OptionsConfig> {
  /** The command's name, as typed. */
  name: string;
  /** Its help, in both languages. */
  usage: Texts;
  options: O;
  /** How many positional arguments it takes, and what to say when the count is wrong. */
  positionals: { min: number; max: number; problem: Texts };
}

/** Parsed arguments, or the exit code once the help or a usage error has been printed. */
export type ParsedCommand<O extends OptionsConfig> = { ok: true; values: OptionValues<O>; positionals: string[]; lang: Lang } | { ok: false; exit: number };

const isLang = (value: unknown): value is Lang => value === 'zh' || value === 'en';

/**
 * The language asked for in `args` (`--lang en`, `--lang=en`), read before the parse so that even a
 * usage error is told in it; Chinese by default.
 */
export function langOf(args: readonly string[]): Lang {
  let lang: Lang = 'zh';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (isLang(value)) lang = value;
  }
  return lang;
}

/** Prints a usage problem and the usage on stderr; returns exit code 2. */
export function usageError(io: CliIO, lang: Lang, problem: string, usage: Texts): number {
  io.stderr(`${problem}\n\n${usage[lang]}`);
  return EXIT_USAGE;
}

/** Parses a command's arguments. */
export function parseCommand<const O extends OptionsConfig>(io: CliIO, spec: CommandSpec<O>, args: readonly string[]): ParsedCommand<O> {
  const asked = langOf(args);
  let parsed: { values: OptionValues<O>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: { ...spec.options, ...COMMON_OPTIONS }, allowPositionals: true, strict: true }) as { values: OptionValues<O>; positionals: string[] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, exit: usageError(io, asked, pick(asked, `${spec.name}：选项错误：${message}`, `${spec.name}: ${message}`), spec.usage) };
  }
  const common = parsed.values as { help?: boolean; lang?: string };
  if (common.lang !== undefined && !isLang(common.lang)) {
    return { ok: false, exit: usageError(io, asked, pick(asked, `${spec.name}：未知的语言 ${common.lang}（可用 zh 或 en）`, `${spec.name}: unknown language: ${common.lang} (use zh or en)`), spec.usage) };
  }
  const lang: Lang = common.lang ?? 'zh';
  if (common.help === true) {
    io.stdout(spec.usage[lang]);
    return { ok: false, exit: EXIT_OK };
  }
  const n = parsed.positionals.length;
  if (n < spec.positionals.min || n > spec.positionals.max) return { ok: false, exit: usageError(io, lang, `${spec.name}${pick(lang, '：', ': ')}${spec.positionals.problem[lang]}`, spec.usage) };
  return { ok: true, values: parsed.values, positionals: parsed.positionals, lang };
}
