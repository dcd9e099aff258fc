/**
 * `POST /batch`, line by line, as docs/contract.md § Batch states the guarantees; pure helpers over byte chunks,
 * so the HTTP route only wires a request stream in and a response stream out.
 *
 * - Lines are split on LF only; one trailing CR is dropped (a lone CR inside a line stays in it, and
 *   JSON reads it as whitespace).
 * - A line that is empty or only JSON whitespace (space, tab, CR, LF) is blank: counted, no record.
 *   Any other line gets exactly one record, in input order.
 * - Bytes are decoded strictly as UTF-8 (`invalid-utf8`); a byte-order mark is dropped on line 1 only.
 * - A line over `maxLineBytes` (the trailing CR not counted) gives `line-too-long` without being held
 *   in memory: its bytes past the limit are skipped up to the next LF.
 *
 * The records are the CLI's (`batch`): the result as compact JSON for a valid request, else
 * `{ "line": N, "issues": [...] }` with N counted from 1 over every input line, blank ones included.
 */
import { type PolicyEdition, safeAssessUnknown } from 'mentougou-srdi';
import { type HttpIssue, invalidJsonIssue, ISSUES } from './issues.js';

const LF = 0x0a;
const CR = 0x0d;

/** One input line: its bytes (LF and one trailing CR removed), or the fact that it was too long. */
export type BatchLine = { line: number; kind: 'bytes'; bytes: Uint8Array } | { line: number; kind: 'too-long' };

/**
 * Splits a byte stream into lines, numbered from 1, holding at most `maxLineBytes + 1` bytes of a line.
 * Input ending without an LF ends with its last line; input ending with an LF has no empty line after it.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<BatchLine> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;
  let pending = false; // some byte of the current line was seen
  const finish = (): BatchLine => {
    line += 1;
    const done: BatchLine = tooLong ? { line, kind: 'too-long' } : lineOf(line, parts, size, maxLineBytes);
    parts = [];
    size = 0;
    tooLong = false;
    pending = false;
    return done;
  };
  const take = (segment: Uint8Array): void => {
    if (segment.length === 0) return;
    pending = true;
    if (tooLong) return;
    size += segment.length;
    // One byte more than the limit may be the trailing CR, which does not count.
    if (size > maxLineBytes + 1) {
      tooLong = true;
      parts = [];
    } else parts.push(segment);
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let at = chunk.indexOf(LF, from); at !== -1; at = chunk.indexOf(LF, from)) {
      take(chunk.subarray(from, at));
      yield finish();
      from = at + 1;
    }
    // Copied: the chunk's memory may be reused by the stream after this turn.
    if (from < chunk.length) take(Uint8Array.prototype.slice.call(chunk, from));
  }
  if (pending) yield finish();
}

function lineOf(line: number, parts: readonly Uint8Array[], size: number, maxLineBytes: number): BatchLine {
  let bytes: Uint8Array;
  if (parts.length === 1) bytes = parts[0] as Uint8Array;
  else {
    bytes = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
  }
  if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
  return bytes.length > maxLineBytes ? { line, kind: 'too-long' } : { line, kind: 'bytes', bytes };
}

/** An error record of the output (the CLI's shape). */
export interface BatchErrorRecord {
  line: number;
  issues: readonly HttpIssue[];
}

/** What one input line gave: the output line (with its LF), or nothing for a blank line. */
export type LineOutcome = { kind: 'blank' } | { kind: 'assessed'; text: string } | { kind: 'invalid'; text: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** JSON's whitespace (RFC 8259): a line of only these is blank. NBSP or U+3000 is not. */
const BLANK = /^[ \t\r\n]*$/;

const errorLine = (line: number, issues: readonly HttpIssue[]): LineOutcome => ({
  kind: 'invalid',
  text: `${JSON.stringify({ line, issues } satisfies BatchErrorRecord)}\n`,
});

/** The record of one line, assessed under `edition` (blank lines give none). */
export function lineOutcome(input: BatchLine, edition: PolicyEdition, maxLineBytes: number): LineOutcome {
  if (input.kind === 'too-long') return errorLine(input.line, [ISSUES.lineTooLong(maxLineBytes)]);
  let text: string;
  try {
    text = strictUtf8.decode(input.bytes);
  } catch {
    return errorLine(input.line, [ISSUES.invalidUtf8()]);
  }
  if (input.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (BLANK.test(text)) return { kind: 'blank' };
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (error) {
    return errorLine(input.line, [invalidJsonIssue(error)]);
  }
  let result: ReturnType<typeof safeAssessUnknown>;
  try {
    result = safeAssessUnknown(request, { edition });
  } catch {
    // safeAssess is total (docs/contract.md § Limits and guarantees); should a request still break it, the line is answered and the run goes on.
    return errorLine(input.line, [ISSUES.internal()]);
  }
  return result.ok ? { kind: 'assessed', text: `${JSON.stringify(result.value)}\n` } : errorLine(input.line, result.issues);
}

/** What a batch counted (logged at the end of a request; no request content). */
export interface BatchCounts {
  linesRead: number;
  blank: number;
  assessed: number;
  invalid: number;
}

/**
 * The output lines of a whole batch, in input order; `counts` is updated as it goes, so a caller
 * still has the figures when the run is cut short.
 */
export async function* batchRecords(
  chunks: AsyncIterable<Uint8Array>,
  edition: PolicyEdition,
  maxLineBytes: number,
  counts: BatchCounts = { linesRead: 0, blank: 0, assessed: 0, invalid: 0 },
): AsyncGenerator<string> {
  for await (const input of splitLines(chunks, maxLineBytes)) {
    counts.linesRead = input.line;
    const outcome = lineOutcome(input, edition, maxLineBytes);
    if (outcome.kind === 'blank') {
      counts.blank += 1;
      continue;
    }
    counts[outcome.kind] += 1;
    yield outcome.text;
  }
}
