/**
 * One record of a batch, and a chunk of records: what the main thread and the workers of `batch
 * --workers N` (src/cli/batch-worker.ts) share, so that a line gives the same output bytes wherever it is
 * assessed.
 *
 * A chunk carries up to `CHUNK_RECORDS` records in input order: the reader's error records as they are,
 * and the other lines as their undecoded bytes, packed into one buffer (sent to a worker without a copy).
 * `runChunk` decodes, parses, assesses and serializes them with the very functions of the one-thread run
 * (`parseRecordBytes`, `batchLine`) and returns the output lines in order with what the summary counts.
 */
import { safeAssessUnknown } from '../assess.js';
import type { MeasureId } from '../core/clauses.js';
import { Money, ZERO } from '../core/money.js';
import { safeDecideUnknown } from '../decide.js';
import type { Decision } from '../model/decision.js';
import type { AssessmentResult } from '../model/result.js';
import type { PolicyEdition } from '../policy/edition.js';
import { type CliIssue, errorMessage } from './common.js';
import { type InputRecord, parseRecordBytes, type UnparsedRecord } from './json-input.js';

/** An error record of the output. */
export interface BatchErrorRecord {
  line: number;
  /** The entry's position in a JSON array input (from 0). */
  index?: number;
  issues: CliIssue[];
}

/** What a batch counted. */
export interface BatchSummary {
  assessed: number;
  invalid: number;
  totalPayable: Money;
  /** Payable by money measure, summed over the assessed lines. */
  payableByMeasure: Map<MeasureId, Money>;
}

/** A summary with nothing counted yet. */
export const newBatchSummary = (): BatchSummary => ({ assessed: 0, invalid: 0, totalPayable: ZERO, payableByMeasure: new Map() });

/** What the summary counts of a record: a full result or a decision (`--decisions`) alike. */
type Counted = Pick<AssessmentResult | Decision, 'totalPayable'> & { measures: readonly { measure: string; payable: string | null }[] };

function addResult(summary: BatchSummary, result: Counted): void {
  summary.assessed += 1;
  summary.totalPayable = summary.totalPayable.plus(result.totalPayable);
  for (const m of result.measures) {
    if (m.payable === null) continue;
    const id = m.measure as MeasureId;
    summary.payableByMeasure.set(id, (summary.payableByMeasure.get(id) ?? ZERO).plus(m.payable));
  }
}

const errorRecord = (record: { line: number; index?: number }, issues: CliIssue[]): BatchErrorRecord =>
  record.index === undefined ? { line: record.line, issues } : { line: record.line, index: record.index, issues };

/** The issue of a line whose assessment threw (safeAssessUnknown is total: this is the last guard). */
function unassessableIssue(error: unknown): CliIssue {
  const detail = errorMessage(error);
  return { path: [], code: 'unreadable', zh: `无法评估：${detail}`, en: `could not be assessed: ${detail}` };
}

/**
 * How a batch assesses one value: `safeAssessUnknown` under the run's edition, or with `--decisions`
 * `safeDecideUnknown` (`decide`'s record: outcomes and money without texts, settled for the decisions
 * only; equal field by field to the result's, test/decide.test.ts).
 */
export type BatchAssess = (value: unknown) => { ok: true; value: AssessmentResult | Decision } | { ok: false; issues: CliIssue[] };

/** The assessment of a run: the full result under `edition`, or (`decisions`) its decision. */
export function batchAssess(edition: PolicyEdition, decisions: boolean): BatchAssess {
  return decisions ? (value) => safeDecideUnknown(value, { edition }) : (value) => safeAssessUnknown(value, { edition });
}

/** The output line of one record; counts it in the summary. Never throws, whatever `assess` does. */
export function batchLine(record: InputRecord, assess: BatchAssess, summary: BatchSummary): string {
  if (record.kind === 'error') {
    summary.invalid += 1;
    return `${JSON.stringify(errorRecord(record, [record.issue]))}\n`;
  }
  let line: string;
  let result: Counted | null = null;
  try {
    const assessed = assess(record.value);
    if (assessed.ok) {
      line = `${JSON.stringify(assessed.value)}\n`;
      result = assessed.value;
    } else line = `${JSON.stringify(errorRecord(record, assessed.issues))}\n`;
  } catch (error) {
    line = `${JSON.stringify(errorRecord(record, [unassessableIssue(error)]))}\n`;
  }
  if (result === null) summary.invalid += 1;
  else addResult(summary, result);
  return line;
}

/**
 * Records per chunk, at most: with full results (about 24 KB a line) 64, so that the chunks in flight
 * and the heaps of the threads stay small; with decisions (about 1.6 KB a line) 256. Either way a chunk's
 * output is about 1.5 MB: a message to or from a worker is worth its cost.
 */
export const CHUNK_RECORDS = { full: 64, decisions: 256 } as const;

/** A chunk is sent once its lines' bytes reach this many (a chunk of long lines stays small). */
export const CHUNK_BYTES = 1 << 20;

/** A chunk of records, in input order, as it is sent to a worker. */
export interface BatchChunk {
  /** Each record's line (1-based). */
  lines: number[];
  /** Each record's array index, or -1 (JSON Lines). */
  indexes: number[];
  /** Each record's end in `bytes` (its start is the previous end), or -1 for a reader's error record. */
  ends: number[];
  /** The reader's error records' issues, by position in the chunk. */
  issues: (CliIssue | null)[];
  /** The undecoded bytes of the other records, one after another. */
  bytes: Uint8Array;
}

/** What one chunk gave: the output lines in order, and what the summary counts of them. */
export interface ChunkResult {
  /** The output lines, one per record, each ending with LF, as UTF-8 (moved to the main thread, not copied). */
  bytes: Uint8Array;
  /** Each line's end in `bytes` (its start is the previous end). */
  ends: number[];
  /** 1 for a record that is an error (invalid), 0 for one assessed: per record, for the progress lines. */
  invalid: Uint8Array;
  /** Records that held a JSON value (`InputStats.values`). */
  values: number;
  assessed: number;
  /** Total payable of the assessed records (exact decimal string). */
  totalPayable: string;
  /** Payable by money measure (exact decimal strings), for the measures that had any. */
  payableByMeasure: [MeasureId, string][];
}

/** Builds chunks record by record. */
export interface ChunkPacker {
  add(record: UnparsedRecord): void;
  /** Whether the chunk is full (take it). */
  readonly full: boolean;
  /** Records in the chunk being built. */
  readonly size: number;
  /** The chunk built so far; the packer starts a new one. */
  take(): BatchChunk;
}

/** A packer of chunks of at most `records` records (or about `bytes` bytes of lines). */
export function chunkPacker(records: number, bytes = CHUNK_BYTES): ChunkPacker {
  let lines: number[] = [];
  let indexes: number[] = [];
  let ends: number[] = [];
  let issues: (CliIssue | null)[] = [];
  let parts: Uint8Array[] = [];
  let size = 0;
  return {
    add(record) {
      lines.push(record.line);
      indexes.push(record.index ?? -1);
      if (record.kind === 'error') {
        ends.push(-1);
        issues.push(record.issue);
        return;
      }
      parts.push(record.bytes);
      size += record.bytes.length;
      ends.push(size);
      issues.push(null);
    },
    get full() {
      return lines.length >= records || size >= bytes;
    },
    get size() {
      return lines.length;
    },
    take() {
      const packed = new Uint8Array(size);
      let at = 0;
      for (const part of parts) {
        packed.set(part, at);
        at += part.length;
      }
      const chunk: BatchChunk = { lines, indexes, ends, issues, bytes: packed };
      lines = [];
      indexes = [];
      ends = [];
      issues = [];
      parts = [];
      size = 0;
      return chunk;
    },
  };
}

const encoder = new TextEncoder();
const LF = 0x0a;

/** Assesses a chunk: its output lines and counts. Never throws, whatever `assess` does (as `batchLine`). */
export function runChunk(chunk: BatchChunk, assess: BatchAssess): ChunkResult {
  const summary = newBatchSummary();
  const texts: string[] = [];
  const invalid = new Uint8Array(chunk.lines.length);
  let values = 0;
  let start = 0;
  for (let i = 0; i < chunk.lines.length; i++) {
    const line = chunk.lines[i]!;
    const index = chunk.indexes[i]! < 0 ? undefined : chunk.indexes[i]!;
    const end = chunk.ends[i]!;
    let record: InputRecord;
    if (end < 0) {
      const issue = chunk.issues[i]!;
      record = index === undefined ? { kind: 'error', line, issue } : { kind: 'error', line, index, issue };
    } else {
      record = parseRecordBytes(line, index, chunk.bytes.subarray(start, end));
      start = end;
      if (record.kind === 'value') values += 1;
    }
    const before = summary.invalid;
    texts.push(batchLine(record, assess, summary));
    invalid[i] = summary.invalid > before ? 1 : 0;
  }
  const bytes = encoder.encode(texts.join(''));
  const ends: number[] = [];
  let at = 0;
  // Compact JSON has no raw LF: each line ends at its LF.
  for (let i = 0; i < texts.length; i++) {
    at = bytes.indexOf(LF, at) + 1;
    ends.push(at);
  }
  return {
    bytes,
    ends,
    invalid,
    values,
    assessed: summary.assessed,
    totalPayable: summary.totalPayable.toFixed(),
    payableByMeasure: [...summary.payableByMeasure].map(([id, amount]) => [id, amount.toFixed()]),
  };
}

/** Adds a chunk's counts but `invalid` (counted record by record as the lines are written) to the summary. */
export function addChunkCounts(summary: BatchSummary, result: ChunkResult): void {
  summary.assessed += result.assessed;
  summary.totalPayable = summary.totalPayable.plus(new Money(result.totalPayable));
  for (const [id, amount] of result.payableByMeasure) summary.payableByMeasure.set(id, (summary.payableByMeasure.get(id) ?? ZERO).plus(new Money(amount)));
}
