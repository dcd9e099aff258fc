/**
 * The batch lines of POST /batch (docs/contract.md § Limits and guarantees): LF-only splitting, one trailing CR dropped, blank vs
 * non-blank, strict UTF-8, the line limit, and the CLI's record shape.
 */
import fc from 'fast-check';
import { mentougou2022Draft, safeAssessUnknown } from 'mentougou-srdi';
import { describe, expect, it } from 'vitest';
import { type BatchCounts, type BatchLine, batchRecords, lineOutcome, splitLines } from '../src/batch-lines.js';
import { golden } from './helpers.js';

const enc = new TextEncoder();

async function* chunksOf(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === 'string' ? enc.encode(p) : p;
}

/** The lines as text (too-long ones as `<too-long>`). */
async function lines(max: number, ...parts: (string | Uint8Array)[]): Promise<string[]> {
  const out: string[] = [];
  for await (const l of splitLines(chunksOf(...parts), max)) out.push(l.kind === 'too-long' ? `${l.line}:<too-long>` : `${l.line}:${Buffer.from(l.bytes).toString('latin1')}`);
  return out;
}

const line = (n: number, text: string | Uint8Array): BatchLine => ({ line: n, kind: 'bytes', bytes: typeof text === 'string' ? enc.encode(text) : text });
const outcome = (n: number, text: string | Uint8Array, max = 1 << 20) => lineOutcome(line(n, text), mentougou2022Draft, max);
const record = (o: ReturnType<typeof outcome>): unknown => (o.kind === 'blank' ? undefined : JSON.parse(o.text));

describe('splitLines: LF only, one trailing CR dropped (docs/contract.md § Limits and guarantees)', () => {
  it('splits on LF; input ending with LF has no empty last line; input without one ends with its last line', async () => {
    expect(await lines(100, 'a\nb\n')).toEqual(['1:a', '2:b']);
    expect(await lines(100, 'a\nb')).toEqual(['1:a', '2:b']);
    expect(await lines(100, '')).toEqual([]);
    // An empty line is a line: it is counted (and later found blank).
    expect(await lines(100, '\n\nx')).toEqual(['1:', '2:', '3:x']);
  });

  it('drops one trailing CR only; a lone CR inside a line stays (the line is not split)', async () => {
    expect(await lines(100, 'a\r\nb\r\n')).toEqual(['1:a', '2:b']);
    expect(await lines(100, 'a\rb\nc')).toEqual(['1:a\rb', '2:c']);
    expect(await lines(100, 'a\r\r\n')).toEqual(['1:a\r']);
    expect(await lines(100, 'a\r')).toEqual(['1:a']);
  });

  it('a line split across chunks is joined, a CR and its LF in different chunks still make one line end', async () => {
    expect(await lines(100, 'ab', 'c\r', '\nd', 'e')).toEqual(['1:abc', '2:de']);
  });

  it('the limit: exactly maxLineBytes is kept, one byte more is too long; the trailing CR does not count', async () => {
    // max 4: "abcd" is 4 bytes (kept), "abcde" 5 (too long), "abcd\r" is 4 + the CR (kept).
    expect(await lines(4, 'abcd\nabcde\nabcd\r\nabcde\r\nxy')).toEqual(['1:abcd', '2:<too-long>', '3:abcd', '4:<too-long>', '5:xy']);
  });

  it('a too-long line spread over chunks is skipped up to its LF, and the next line is whole', async () => {
    expect(await lines(3, 'ab', 'cdef', 'gh', 'ij\nklm', '\n')).toEqual(['1:<too-long>', '2:klm']);
    // A too-long last line without LF is still one record.
    expect(await lines(3, 'ok\n', 'abcdefgh')).toEqual(['1:ok', '2:<too-long>']);
  });

  it('property: however the bytes are chunked, the lines are those of splitting the whole text (seed 20221)', async () => {
    const alphabet = fc.constantFrom('a', 'b', '\n', '\r', ' ', '{', '}');
    await fc.assert(
      fc.asyncProperty(fc.array(alphabet, { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }), async (chars, cuts) => {
        const text = chars.join('');
        // The reference: split the whole text on LF, drop the empty piece after a final LF, drop one CR per line.
        const pieces = text.split('\n');
        if (pieces[pieces.length - 1] === '') pieces.pop();
        const expected = pieces.map((p, i) => `${i + 1}:${p.endsWith('\r') ? p.slice(0, -1) : p}`);
        const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((x, y) => x - y);
        const parts: string[] = [];
        let from = 0;
        for (const p of points) {
          parts.push(text.slice(from, p));
          from = p;
        }
        parts.push(text.slice(from));
        expect(await lines(1000, ...parts)).toEqual(expected);
      }),
      { seed: 20221, numRuns: 300 },
    );
  });
});

describe('lineOutcome: blank lines, strict UTF-8, the CLI record shape', () => {
  it('a line that is empty or only JSON whitespace (space, tab, CR) is blank: no record', () => {
    for (const text of ['', ' ', '\t \t', ' \r ']) expect(outcome(3, text).kind).toBe('blank');
  });

  it('a line of NBSP or U+3000 (not JSON whitespace) is not blank: it gets an invalid-json record with its line', () => {
    for (const text of ['\u00a0', '\u3000', ' \u00a0 ']) {
      const r = record(outcome(7, text)) as { line: number; issues: { code: string; zh: string; en: string }[] };
      expect(r.line).toBe(7);
      expect(r.issues.map((i) => i.code)).toEqual(['invalid-json']);
      expect(r.issues[0]?.zh.startsWith('不是有效的 JSON')).toBe(true);
      expect(r.issues[0]?.en.startsWith('not valid JSON')).toBe(true);
    }
  });

  it('bytes that are not UTF-8 give invalid-utf8 (a stray byte, an overlong form, an encoded surrogate)', () => {
    for (const bytes of [[0xff], [0x7b, 0xc0, 0x80, 0x7d], [0x22, 0xed, 0xa0, 0x80, 0x22]]) {
      expect(record(outcome(2, Uint8Array.from(bytes)))).toEqual({
        line: 2,
        issues: [{ path: [], code: 'invalid-utf8', zh: '该行不是有效的 UTF-8 编码', en: 'the line is not valid UTF-8' }],
      });
    }
  });

  it('a byte-order mark is dropped on line 1 only (on a later line it makes the line invalid JSON)', () => {
    const request = JSON.stringify(golden('01-climber').request);
    expect(outcome(1, `\ufeff${request}`).kind).toBe('assessed');
    expect(outcome(1, '\ufeff  ').kind).toBe('blank');
    expect((record(outcome(2, `\ufeff${request}`)) as { issues: { code: string }[] }).issues[0]?.code).toBe('invalid-json');
  });

  it('a too-long line gives line-too-long with the limit', () => {
    expect(record(lineOutcome({ line: 4, kind: 'too-long' }, mentougou2022Draft, 4096))).toEqual({
      line: 4,
      issues: [{ path: [], code: 'line-too-long', zh: '该行超过 4096 字节的上限', en: 'the line is longer than the limit of 4096 bytes', maximum: 4096 }],
    });
  });

  it('a valid request gives the result as compact JSON: 01-climber pays 600,000.00 (M1 800,000 entitlement − 200,000 paid, R2)', () => {
    const vector = golden('01-climber');
    const o = outcome(1, JSON.stringify(vector.request));
    expect(o.kind).toBe('assessed');
    if (o.kind !== 'assessed') return;
    expect(o.text.endsWith('}\n')).toBe(true);
    expect(o.text.indexOf('\n')).toBe(o.text.length - 1);
    const result = JSON.parse(o.text) as { totalPayable: string; measures: { measure: string; amount: string | null; payable: string | null }[] };
    expect(result.totalPayable).toBe('600000.00');
    expect(result.measures.find((m) => m.measure === 'M1')).toMatchObject({ amount: '800000.00', payable: '600000.00' });
    // The record is the library's result itself, as the CLI writes it: no wrapper, no extra key.
    const direct = safeAssessUnknown(vector.request);
    expect(direct.ok && o.text === `${JSON.stringify(direct.value)}\n`).toBe(true);
  });

  it('an invalid request gives { line, issues } with the library’s paths and both messages (08-bad-input)', () => {
    const vector = golden('08-bad-input');
    const r = record(outcome(9, JSON.stringify(vector.request))) as { line: number; issues: { path: (string | number)[]; zh: string; en: string }[] };
    expect(Object.keys(r)).toEqual(['line', 'issues']);
    expect(r.line).toBe(9);
    expect(r.issues.map((i) => i.path.join('.')).sort()).toEqual([...(vector.expect.issuePaths ?? [])].sort());
    for (const i of r.issues) expect(i.zh.length > 0 && i.en.length > 0).toBe(true);
  });
});

describe('batchRecords: every input line accounted for exactly once, in order', () => {
  it('a mixed input: 8 lines read, 3 blank, 2 assessed, 3 invalid; records in input order with their 1-based lines', async () => {
    const ok = JSON.stringify(golden('01-climber').request);
    const input = [ok, '', '  \t', '{"asOf":', '\u3000', JSON.stringify(golden('06-institution').request), '\r', '[1]'].join('\n');
    const counts: BatchCounts = { linesRead: 0, blank: 0, assessed: 0, invalid: 0 };
    const out: string[] = [];
    for await (const r of batchRecords(chunksOf(input), mentougou2022Draft, 1 << 20, counts)) out.push(r);
    const parsed = out.map((r) => JSON.parse(r) as { line?: number; subject?: { id: string }; issues?: { code: string }[] });
    expect(parsed.map((r) => r.line ?? r.subject?.id)).toEqual(['E01', 4, 5, 'I01', 8]);
    expect(parsed[3]?.subject).toEqual({ kind: 'institution', id: 'I01' });
    expect(parsed[4]?.issues?.[0]?.code).toBe('invalid-type');
    expect(counts).toEqual({ linesRead: 8, blank: 3, assessed: 2, invalid: 3 });
  });
});
