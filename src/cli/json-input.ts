/**
 * The one reader of many requests in the CLI (batch, forecast, compare, targets, verify's .jsonl): it
 * turns the raw bytes of a file into records, streaming, with flat memory whatever the file's size.
 *
 * The file is JSON Lines, or one JSON array (contract, "Batch"):
 * - **JSON Lines.** Lines are split on LF only; one trailing CR of a line is dropped, a CR anywhere else
 *   stays in the line (it is JSON whitespace, so `{"a":\r1}` is still one value). A line that is empty or
 *   holds only JSON whitespace (space, tab, CR) is blank: it is counted, and gives no record. Every other
 *   line gives exactly one record carrying its 1-based `line`: its value, or an error (`invalid-utf8`,
 *   `line-too-long`, `invalid-json`). A line of NBSP (U+00A0) or ideographic spaces (U+3000) is not
 *   blank: it is not JSON either, so it gets an `invalid-json` record.
 * - **A JSON array.** A file whose first character other than JSON whitespace is `[` (a pretty-printed
 *   array, or one on a single line) is one array of requests: each entry is a record whose `line` is the
 *   line the entry starts on and whose `index` is its position in the array (from 0). Anything after
 *   the closing bracket, an empty entry (`[1,,2]`, `[1,]`) and a missing closing bracket are
 *   `invalid-json` records.
 *
 * Bytes are decoded strictly as UTF-8 (a UTF-8 byte-order mark at the very start of the file is
 * dropped). A line (an entry) longer than `maxBytes` is not held in memory: its bytes are skipped as they
 * come, and it gives one `line-too-long` record.
 */
import type { CliIssue } from './common.js';
import { errorMessage } from './common.js';

/** The default of `--max-line-bytes`: 1 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

/** A record of the input: a value, or why a line (an entry) gives none. */
export type InputRecord =
  | { kind: 'value'; line: number; index?: number; value: unknown }
  | { kind: 'error'; line: number; index?: number; issue: CliIssue };

/** A record whose line (entry) is not decoded yet: `readUnparsedRecords` gives these for `parseRecordBytes` to finish. */
export type UnparsedRecord = Extract<InputRecord, { kind: 'error' }> | { kind: 'bytes'; line: number; index?: number; bytes: Uint8Array };

/** The two forms a file of requests may take. */
export type InputFormat = 'json-lines' | 'json-array';

/** What the reader counted, filled in as it reads. */
export interface InputStats {
  /** `json-lines` until the first character other than whitespace says otherwise. */
  format: InputFormat;
  /** Lines read, blank ones included (a last line without LF counts). */
  lines: number;
  /** Blank lines (JSON Lines only): no record. */
  blank: number;
  /** Records given: values and errors. */
  records: number;
  /** Records that hold a JSON value (a request, valid or not). */
  values: number;
}

/** Options of the reader. */
export interface ReadOptions {
  /** The longest line (or array entry) read, in bytes; longer ones give `line-too-long`. */
  maxBytes: number;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const isJsonWhitespace = (byte: number): boolean => byte === SPACE || byte === LF || byte === CR || byte === TAB;

function allJsonWhitespace(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (!isJsonWhitespace(bytes[i]!)) return false;
  return true;
}

/** The issue of bytes that are not UTF-8. */
export function invalidUtf8Issue(): CliIssue {
  return { path: [], code: 'invalid-utf8', zh: '不是有效的 UTF-8 编码', en: 'not valid UTF-8' };
}

/** The issue of a line (an entry) over the byte limit. */
export function lineTooLongIssue(maximum: number, entry: boolean): CliIssue {
  return entry
    ? { path: [], code: 'line-too-long', zh: `数组元素过长：超过 ${maximum} 字节（--max-line-bytes）`, en: `array entry too long: over ${maximum} bytes (--max-line-bytes)`, maximum }
    : { path: [], code: 'line-too-long', zh: `行过长：超过 ${maximum} 字节（--max-line-bytes）`, en: `line too long: over ${maximum} bytes (--max-line-bytes)`, maximum };
}

/** The issue of a line or file that is not JSON. */
export function invalidJsonIssue(error: unknown): CliIssue {
  const detail = errorMessage(error);
  return { path: [], code: 'invalid-json', zh: `不是有效的 JSON：${detail}`, en: `not valid JSON: ${detail}` };
}

function structureIssue(zh: string, en: string): CliIssue {
  return { path: [], code: 'invalid-json', zh: `不是有效的 JSON：${zh}`, en: `not valid JSON: ${en}` };
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes and parses the bytes of one line or entry (not blank, within the limit). */
function parseBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; issue: CliIssue } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, issue: invalidUtf8Issue() };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, issue: invalidJsonIssue(error) };
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The bytes of one line or entry as they come: kept while within the limit (plus one byte, for a
 * trailing CR), dropped beyond it, remembering only whether they were all whitespace.
 */
interface Piece {
  parts: Uint8Array[];
  size: number;
  overflow: boolean;
  /** Whether the bytes dropped on overflow were all JSON whitespace. */
  blankSoFar: boolean;
}

const emptyPiece = (): Piece => ({ parts: [], size: 0, overflow: false, blankSoFar: true });

function addToPiece(piece: Piece, bytes: Uint8Array, keep: number): void {
  if (bytes.length === 0) return;
  if (!piece.overflow && piece.size + bytes.length <= keep) {
    piece.parts.push(bytes);
    piece.size += bytes.length;
    return;
  }
  if (!piece.overflow) {
    piece.overflow = true;
    for (const part of piece.parts) piece.blankSoFar &&= allJsonWhitespace(part);
    piece.parts = [];
  }
  piece.blankSoFar &&= allJsonWhitespace(bytes);
}

/** A record the scanners give: an error, or what `settle` makes of a line's (an entry's) bytes. */
type Scanned<R> = Extract<InputRecord, { kind: 'error' }> | R;

/**
 * What becomes of the bytes of a line (an entry) that is neither blank nor too long: parsed into a
 * record (`readRecords`), or kept as bytes (`readUnparsedRecords`).
 */
type Settle<R> = (line: number, index: number | undefined, bytes: Uint8Array) => R;

/** A state machine fed chunk by chunk; it appends the records it completes to `out`. */
interface Scanner<R> {
  push(chunk: Uint8Array, from: number, out: Scanned<R>[]): void;
  end(out: Scanned<R>[]): void;
}

/**
 * JSON Lines from `line` on. With `afterArray`, every non-blank line is an error: it follows the
 * closing bracket of a JSON array.
 */
function linesScanner<R>(stats: InputStats, options: ReadOptions, settle: Settle<R>, line: number, afterArray: { closedOn: number } | null): Scanner<R> {
  let piece = emptyPiece();
  let current = line;
  // Whether the current line has any byte yet (a file that ends with LF has no last, empty line).
  let started = false;
  const finish = (out: Scanned<R>[]): void => {
    const done = piece;
    piece = emptyPiece();
    started = false;
    const lineNo = current;
    current += 1;
    let bytes: Uint8Array | null = null;
    if (!done.overflow) {
      bytes = concat(done.parts, done.size);
      if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
      if (allJsonWhitespace(bytes)) {
        if (afterArray === null) stats.blank += 1;
        return;
      }
    } else if (done.blankSoFar) {
      if (afterArray === null) stats.blank += 1;
      return;
    }
    stats.records += 1;
    if (afterArray !== null) {
      out.push({ kind: 'error', line: lineNo, issue: structureIssue(`第 ${afterArray.closedOn} 行的数组结束之后还有内容`, `content after the JSON array that ends on line ${afterArray.closedOn}`) });
      return;
    }
    if (bytes === null || bytes.length > options.maxBytes) {
      out.push({ kind: 'error', line: lineNo, issue: lineTooLongIssue(options.maxBytes, false) });
      return;
    }
    out.push(settle(lineNo, undefined, bytes));
  };
  return {
    push(chunk, from, out) {
      let at = from;
      while (at < chunk.length) {
        const lf = chunk.indexOf(LF, at);
        const stop = lf < 0 ? chunk.length : lf;
        if (stop > at) started = true;
        addToPiece(piece, chunk.subarray(at, stop), options.maxBytes + 1);
        if (lf < 0) return;
        finish(out);
        at = lf + 1;
      }
    },
    end(out) {
      if (started) finish(out);
    },
  };
}

/**
 * One JSON array, its opening bracket already consumed on `line`. Entries are cut at the commas and
 * the closing bracket found outside strings at the array's own depth; each is parsed on its own.
 */
function arrayScanner<R>(stats: InputStats, options: ReadOptions, settle: Settle<R>, line: number): Scanner<R> {
  let current = line;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let piece: Piece | null = null;
  let pieceLine = line;
  let index = 0;
  // Whether a comma was just seen (so an entry must follow).
  let afterComma = false;
  let after: Scanner<R> | null = null;

  const emit = (out: Scanned<R>[], issue: CliIssue | null): void => {
    stats.records += 1;
    const at = index;
    index += 1;
    if (issue !== null) {
      out.push({ kind: 'error', line: pieceLine, index: at, issue });
      return;
    }
    const done = piece!;
    piece = null;
    if (done.overflow) {
      out.push({ kind: 'error', line: pieceLine, index: at, issue: lineTooLongIssue(options.maxBytes, true) });
      return;
    }
    out.push(settle(pieceLine, at, concat(done.parts, done.size)));
  };
  const emptyEntry = (out: Scanned<R>[]): void => {
    pieceLine = current;
    emit(out, structureIssue(`第 ${current} 行有空的数组元素`, `an empty array entry on line ${current}`));
  };

  return {
    push(chunk, from, out) {
      let at = from;
      let start = from;
      const keep = (to: number): void => {
        if (piece !== null && to > start) addToPiece(piece, chunk.subarray(start, to), options.maxBytes);
      };
      while (at < chunk.length) {
        if (after !== null) {
          after.push(chunk, at, out);
          return;
        }
        const byte = chunk[at]!;
        if (byte === LF) current += 1;
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === BACKSLASH) escaped = true;
          else if (byte === QUOTE) inString = false;
          at += 1;
          continue;
        }
        if (depth === 0 && (byte === COMMA || byte === CLOSE_BRACKET)) {
          keep(at);
          if (piece !== null) emit(out, null);
          else if (byte === COMMA || afterComma) emptyEntry(out);
          afterComma = byte === COMMA;
          at += 1;
          start = at;
          if (byte === CLOSE_BRACKET) {
            // The rest of the file must be whitespace: its lines are read as lines after the array.
            const closedOn = current;
            after = linesScanner(stats, options, settle, current, { closedOn });
          }
          continue;
        }
        if (piece === null && !isJsonWhitespace(byte)) {
          piece = emptyPiece();
          pieceLine = current;
          start = at;
        }
        if (byte === QUOTE) inString = true;
        else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) depth += 1;
        else if ((byte === CLOSE_BRACKET || byte === CLOSE_BRACE) && depth > 0) depth -= 1;
        at += 1;
      }
      keep(chunk.length);
    },
    end(out) {
      if (after !== null) {
        after.end(out);
        return;
      }
      if (piece !== null) emit(out, null);
      stats.records += 1;
      out.push({ kind: 'error', line: Math.max(1, stats.lines), issue: structureIssue('JSON 数组没有结束的 ]', 'the JSON array has no closing ]') });
    },
  };
}

const BOM = [0xef, 0xbb, 0xbf] as const;

/** The reader of `readRecords` and `readUnparsedRecords`: `settle` says what a line's bytes become. */
async function* readWith<R>(chunks: AsyncIterable<Uint8Array>, options: ReadOptions, stats: InputStats, settle: Settle<R>): AsyncGenerator<Scanned<R>, void, undefined> {
  let scanner: Scanner<R> | null = null;
  // Before the first character that is not whitespace: the line we are on, and the BOM bytes matched.
  let line = 1;
  let bomMatched = 0;
  let bomDone = false;
  // Lines are LFs, plus a last line that does not end with one.
  let lineFeeds = 0;
  let lastByte = -1;
  const out: Scanned<R>[] = [];
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1)) lineFeeds += 1;
    lastByte = chunk[chunk.length - 1]!;
    let at = 0;
    if (scanner === null) {
      while (at < chunk.length) {
        const byte = chunk[at]!;
        if (!bomDone) {
          if (byte === BOM[bomMatched]) {
            bomMatched += 1;
            bomDone = bomMatched === BOM.length;
            at += 1;
            continue;
          }
          bomDone = true;
          if (bomMatched > 0) break; // the first bytes were not a BOM: they are content
        }
        if (!isJsonWhitespace(byte)) break;
        if (byte === LF) {
          stats.blank += 1;
          line += 1;
        }
        at += 1;
      }
      if (at === chunk.length) continue;
      if (bomMatched > 0 && bomMatched < BOM.length) {
        // Not a BOM after all: those bytes start the first line.
        scanner = linesScanner(stats, options, settle, line, null);
        scanner.push(Uint8Array.from(BOM.slice(0, bomMatched)), 0, out);
        bomMatched = 0;
      } else if (chunk[at] === OPEN_BRACKET) {
        stats.format = 'json-array';
        scanner = arrayScanner(stats, options, settle, line);
        at += 1;
      } else scanner = linesScanner(stats, options, settle, line, null);
    }
    scanner.push(chunk, at, out);
    if (out.length > 0) {
      yield* out;
      out.length = 0;
    }
  }
  stats.lines = lineFeeds + (lastByte >= 0 && lastByte !== LF ? 1 : 0);
  if (scanner === null) {
    // Only whitespace (or a BOM, or a BOM cut short): a last line without LF is blank too.
    if (bomMatched > 0 && bomMatched < BOM.length) {
      scanner = linesScanner(stats, options, settle, line, null);
      scanner.push(Uint8Array.from(BOM.slice(0, bomMatched)), 0, out);
    } else {
      if (lastByte >= 0 && lastByte !== LF) stats.blank += 1;
      return;
    }
  }
  scanner.end(out);
  yield* out;
}

/**
 * Reads records from the bytes of a file. The caller passes `stats`, which is filled in as the reading
 * goes (its counts are final once the iteration ends).
 *
 * @throws what the byte source throws (a file that cannot be read)
 */
export function readRecords(chunks: AsyncIterable<Uint8Array>, options: ReadOptions, stats: InputStats): AsyncGenerator<InputRecord, void, undefined> {
  return readWith<InputRecord>(chunks, options, stats, (line, index, bytes) => {
    const record = parseRecordBytes(line, index, bytes);
    if (record.kind === 'value') stats.values += 1;
    return record;
  });
}

/**
 * The record of one line's (entry's) bytes, as `readRecords` gives it: its value, or `invalid-utf8` or
 * `invalid-json`. The parallel batch parses in its workers the bytes `readUnparsedRecords` kept.
 */
export function parseRecordBytes(line: number, index: number | undefined, bytes: Uint8Array): InputRecord {
  const parsed = parseBytes(bytes);
  if (parsed.ok) return index === undefined ? { kind: 'value', line, value: parsed.value } : { kind: 'value', line, index, value: parsed.value };
  return index === undefined ? { kind: 'error', line, issue: parsed.issue } : { kind: 'error', line, index, issue: parsed.issue };
}

/**
 * `readRecords` without the decoding: the same records in the same order, but a line (an entry) that
 * `readRecords` would decode and parse is given as its bytes, for `parseRecordBytes`. `stats.values`
 * is not counted (the caller counts the values it parses); every other count is.
 *
 * @throws what the byte source throws (a file that cannot be read)
 */
export function readUnparsedRecords(chunks: AsyncIterable<Uint8Array>, options: ReadOptions, stats: InputStats): AsyncGenerator<UnparsedRecord, void, undefined> {
  return readWith<UnparsedRecord>(chunks, options, stats, (line, index, bytes) => (index === undefined ? { kind: 'bytes', line, bytes } : { kind: 'bytes', line, index, bytes }));
}

/** Fresh counters. */
export function newInputStats(): InputStats {
  return { format: 'json-lines', lines: 0, blank: 0, records: 0, values: 0 };
}
