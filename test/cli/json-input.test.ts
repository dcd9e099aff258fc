/**
 * The CLI's one reader of many requests (src/cli/json-input.ts; contract, "Batch"): JSON Lines split on
 * LF only, blank lines, strict UTF-8, the byte limit, and JSON arrays — each attack of issue 12 on the
 * batch's input by name, plus a property test against a plain model of the rules, over every chunking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InputRecord, type InputStats, newInputStats, readRecords } from '../../src/cli/json-input.js';
import { ROOT } from './helpers.js';

const enc = new TextEncoder();
const bytesOf = (text: string | Uint8Array): Uint8Array => (typeof text === 'string' ? enc.encode(text) : text);

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

async function read(input: string | Uint8Array, options: { maxBytes?: number; chunk?: number } = {}): Promise<{ records: InputRecord[]; stats: InputStats }> {
  const stats = newInputStats();
  const records: InputRecord[] = [];
  const bytes = bytesOf(input);
  for await (const r of readRecords(chunked(bytes, options.chunk ?? 65_536), { maxBytes: options.maxBytes ?? 1 << 20 }, stats)) records.push(r);
  return { records, stats };
}

/** Records as `line:value` or `line:!code` (with `#index` for array entries). */
const brief = (records: readonly InputRecord[]): string[] =>
  records.map((r) => `${r.line}${r.index === undefined ? '' : `#${r.index}`}:${r.kind === 'value' ? JSON.stringify(r.value) : `!${r.issue.code}`}`);

const concatBytes = (...parts: (string | number[])[]): Uint8Array => {
  const arrays = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};

describe('JSON Lines: split on LF only', () => {
  it('a lone CR inside a JSON line stays in the line: one record, and the later line numbers do not shift', async () => {
    const { records, stats } = await read('{"a":\r1}\n{"b":2}\n');
    expect(brief(records)).toEqual(['1:{"a":1}', '2:{"b":2}']);
    expect(stats.lines).toBe(2);
  });

  it('a lone CR between two values is one line that is not one JSON value: one invalid-json record', async () => {
    expect(brief((await read('{"a":1}\r{"b":2}\n{"c":3}')).records)).toEqual(['1:!invalid-json', '2:{"c":3}']);
  });

  it('CRLF: one trailing CR is dropped; a last line without LF counts', async () => {
    const { records, stats } = await read('1\r\n2\r\n3');
    expect(brief(records)).toEqual(['1:1', '2:2', '3:3']);
    expect(stats.lines).toBe(3);
  });

  it('a line of CRs only is blank (one dropped, the others JSON whitespace)', async () => {
    const { records, stats } = await read('1\n\r\r\n2\n');
    expect(brief(records)).toEqual(['1:1', '3:2']);
    expect(stats.blank).toBe(1);
  });
});

describe('JSON Lines: blank and non-blank lines', () => {
  it('empty lines and lines of only spaces, tabs and CR are blank: counted, no record', async () => {
    const { records, stats } = await read('\n \t \n1\n\t\n\r\n2\n   ');
    expect(brief(records)).toEqual(['3:1', '6:2']);
    // Lines: "", " \t ", "1", "\t", "\r", "2", "   " → 7, of which 5 blank.
    expect(stats).toMatchObject({ lines: 7, blank: 5, records: 2, values: 2 });
  });

  it('lines of NBSP (U+00A0) or ideographic spaces (U+3000) are not blank: each gets an error record', async () => {
    const { records, stats } = await read('1\n\u00a0\n\u3000\u3000\n \u00a0 \n2\n');
    expect(brief(records)).toEqual(['1:1', '2:!invalid-json', '3:!invalid-json', '4:!invalid-json', '5:2']);
    expect(stats.blank).toBe(0);
  });

  it('an empty file gives no record and counts no line', async () => {
    expect((await read('')).stats).toMatchObject({ lines: 0, blank: 0, records: 0, values: 0 });
  });
});

describe('JSON Lines: strict UTF-8', () => {
  it('bytes that are not UTF-8 give invalid-utf8 for their line only', async () => {
    const input = concatBytes(
      '1\n',
      [0xff, 0x0a], // a byte never in UTF-8
      [0x22, 0xc0, 0x80, 0x22, 0x0a], // an overlong NUL inside a string
      [0x22, 0xed, 0xa0, 0x80, 0x22, 0x0a], // an encoded surrogate (U+D800)
      [0x22, 0xe4, 0xb8, 0x22, 0x0a], // 中 (E4 B8 AD) cut short
      '"中"\n',
    );
    expect(brief((await read(input)).records)).toEqual(['1:1', '2:!invalid-utf8', '3:!invalid-utf8', '4:!invalid-utf8', '5:!invalid-utf8', '6:"中"']);
  });

  it('a byte-order mark at the start of the file is dropped; one at the start of a later line is not', async () => {
    expect(brief((await read('\ufeff{"a":1}\n\ufeff{"b":2}\n')).records)).toEqual(['1:{"a":1}', '2:!invalid-json']);
  });

  it('a BOM-like start that is not a BOM (EF BC 88, a fullwidth parenthesis) stays in the line', async () => {
    expect(brief((await read('（\n1\n')).records)).toEqual(['1:!invalid-json', '2:1']);
    // Cut in two chunks inside those three bytes, too.
    expect(brief((await read('（\n1\n', { chunk: 1 })).records)).toEqual(['1:!invalid-json', '2:1']);
  });
});

describe('JSON Lines: --max-line-bytes', () => {
  it('a line of exactly the limit is read; one byte more gives line-too-long; a CR before LF does not count', async () => {
    const ten = '"12345678"'; // 10 bytes
    const { records } = await read(`${ten}\n${ten} \n${ten}\r\n`, { maxBytes: 10, chunk: 3 });
    expect(brief(records)).toEqual(['1:"12345678"', '2:!line-too-long', '3:"12345678"']);
    const issue = records[1]!.kind === 'error' ? records[1]!.issue : null;
    expect(issue).toMatchObject({ code: 'line-too-long', maximum: 10 });
    expect(issue?.en).toBe('line too long: over 10 bytes (--max-line-bytes)');
  });

  it('a long line of whitespace only is still blank', async () => {
    expect(brief((await read(`${' '.repeat(100)}\n1\n`, { maxBytes: 10, chunk: 7 })).records)).toEqual(['2:1']);
  });

  it('a 256 MiB line is skipped as it comes, without being held in memory, and the next line is read', async () => {
    const chunk = 1 << 20;
    const lines = 256;
    let peak = 0;
    async function* huge(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < lines; i++) {
        // A fresh chunk each time: if the reader kept them, 256 MiB would stay reachable.
        yield new Uint8Array(chunk).fill(0x61);
        if (i % 16 === 0) peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      }
      yield enc.encode('\n{"after":true}\n');
    }
    const before = process.memoryUsage().arrayBuffers;
    const stats = newInputStats();
    const records: InputRecord[] = [];
    for await (const r of readRecords(huge(), { maxBytes: 1 << 20 }, stats)) records.push(r);
    expect(brief(records)).toEqual(['1:!line-too-long', '2:{"after":true}']);
    // Loose: what garbage collection has not yet taken back, far below the 256 MiB of the line.
    expect(peak - before).toBeLessThan(128 * chunk);
  }, 60_000);
});

describe('a JSON array where JSON Lines are expected', () => {
  it('a pretty-printed array (examples/sample-cohort.json) is read as a list of requests, each with the line it starts on', async () => {
    const text = readFileSync(join(ROOT, 'examples', 'sample-cohort.json'), 'utf8');
    const { records, stats } = await read(text, { chunk: 4096 });
    const parsed = JSON.parse(text) as unknown[];
    expect(stats.format).toBe('json-array');
    expect(records.map((r) => (r.kind === 'value' ? r.value : null))).toEqual(parsed);
    expect(records.map((r) => r.index)).toEqual(parsed.map((_, i) => i));
    // Each entry's line is the line of its opening brace.
    const lines = text.split('\n');
    for (const r of records) expect(lines[r.line - 1]?.trim().startsWith('{'), `line ${r.line}`).toBe(true);
    expect(records[0]!.line).toBe(2);
  });

  it('an array on one line: its entries, all on line 1, told apart by index', async () => {
    expect(brief((await read('[{"a":1}, {"b":[2,3]}]\n')).records)).toEqual(['1#0:{"a":1}', '1#1:{"b":[2,3]}']);
  });

  it('commas, brackets, braces and escaped quotes inside strings do not cut an entry', async () => {
    const value = { s: 'a,b]c}d{e[f"g\\', t: ['x', { u: '",' }] };
    expect(brief((await read(`[\n${JSON.stringify(value)},\n  2\n]`, { chunk: 2 })).records)).toEqual([`2#0:${JSON.stringify(value)}`, '3#1:2']);
  });

  it('leading blank lines and a BOM before the array are fine', async () => {
    const { records, stats } = await read('\ufeff\n\n  [1,\n2]\n');
    expect(brief(records)).toEqual(['3#0:1', '4#1:2']);
    expect(stats.format).toBe('json-array');
  });

  it('an empty array holds no request', async () => {
    expect((await read('[ ]\n')).stats).toMatchObject({ format: 'json-array', records: 0, values: 0 });
  });

  it('an empty entry, a trailing comma and a missing closing bracket are invalid-json records', async () => {
    expect(brief((await read('[1,,2]')).records)).toEqual(['1#0:1', '1#1:!invalid-json', '1#2:2']);
    expect(brief((await read('[1,\n]')).records)).toEqual(['1#0:1', '2#1:!invalid-json']);
    const unterminated = await read('[\n{"a":1},\n{"b":2}\n');
    expect(brief(unterminated.records)).toEqual(['2#0:{"a":1}', '3#1:{"b":2}', '3:!invalid-json']);
    const last = unterminated.records[2];
    expect(last?.kind === 'error' ? last.issue.en : '').toBe('not valid JSON: the JSON array has no closing ]');
  });

  it('content after the closing bracket: one invalid-json record per non-blank line after it', async () => {
    const { records } = await read('[1]\n\n{"a":1}\n{"b":2}\n');
    expect(brief(records)).toEqual(['1#0:1', '3:!invalid-json', '4:!invalid-json']);
    const first = records[1];
    expect(first?.kind === 'error' ? first.issue.en : '').toBe('not valid JSON: content after the JSON array that ends on line 1');
  });

  it('an entry over the limit gives line-too-long with its index; one not UTF-8 gives invalid-utf8', async () => {
    const input = concatBytes('[\n"', 'x'.repeat(50), '",\n', [0x22, 0xff, 0x22], ',\n3\n]');
    expect(brief((await read(input, { maxBytes: 20, chunk: 5 })).records)).toEqual(['2#0:!line-too-long', '3#1:!invalid-utf8', '4#2:3']);
  });
});

/** The rules of JSON Lines written plainly, on the whole text at once: the oracle. */
function model(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^[ \t\r]*$/.test(line)) return;
    try {
      out.push(`${i + 1}:${JSON.stringify(JSON.parse(line))}`);
    } catch {
      out.push(`${i + 1}:!invalid-json`);
    }
  });
  return out;
}

describe('property: JSON Lines read in any chunking give the model records', () => {
  const lineArb = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.jsonValue().map((v) => JSON.stringify(v, null, 1).replace(/\n/g, '\r')),
    fc.constantFrom('', ' ', '\t', '\r', ' \r ', '\u00a0', '\u3000', '{', 'not json', '"中文"', '[1,2]'),
  );
  it('records, line numbers and counts equal the model, whatever the chunk size (seed 20251212)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(lineArb, fc.boolean()), { maxLength: 30 }), fc.integer({ min: 1, max: 17 }), async (lines, chunk) => {
        // Lines ending with CRLF or LF; the text must not start with [ (that is the array form).
        const text = `0\n${lines.map(([l, crlf]) => `${l}${crlf ? '\r\n' : '\n'}`).join('')}`;
        const { records, stats } = await read(text, { chunk });
        expect(brief(records)).toEqual(model(text));
        expect(stats.lines).toBe(lines.length + 1);
      }),
      { seed: 20251212, numRuns: 300 },
    );
  });
});
