/**
 * The CSV writer of the CLI (src/cli/csv.ts): RFC 4180 with a UTF-8 byte-order mark, as Excel opens it,
 * and cells that Excel would take for formulas written as text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvDocument, csvField, csvRecord, safeFileName } from '../../src/cli/csv.js';

/** An RFC 4180 reader written for the test (a state machine, no shared code): records of fields. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

describe('csvField (RFC 4180)', () => {
  it('plain text as it is; a comma, a double quote, CR or LF quoted, the quotes doubled', () => {
    expect(csvField('区科信局')).toBe('区科信局');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('numbers as numerals; null and undefined as an empty field; money strings unchanged', () => {
    expect([csvField(12), csvField(null), csvField(undefined), csvField('100000.00')]).toEqual(['12', '', '', '100000.00']);
  });

  it('a cell Excel would read as a formula (= + - @, tab, CR first) gets a leading apostrophe', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+86')).toBe("'+86");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // only at the start
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('csvDocument', () => {
  it('BOM, header, rows, each record ended by CRLF', () => {
    expect(csvDocument(['主体', '金额'], [['E01', '200000.00'], ['E02, Ltd', null]])).toBe(`${BOM}主体,金额\r\nE01,200000.00\r\n"E02, Ltd",\r\n`);
    expect(csvRecord([])).toBe('\r\n');
  });

  it('reads back to the same fields with an independent RFC 4180 reader (1,000 random tables)', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('"', ',', '\r\n', '\n', '京西"智芯",有限公司', ''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = csvDocument(['a', 'b'], rows);
        expect(text.startsWith(BOM)).toBe(true);
        const read = readCsv(text.slice(1));
        const expected = rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
        expect(read).toEqual([['a', 'b'], ...expected]);
      }),
      { seed: 20_250_703, numRuns: 1_000 },
    );
  });
});

describe('safeFileName', () => {
  it('keeps Chinese and brackets; replaces what no file system takes; at most 80 characters', () => {
    expect(safeFileName('市经济和信息化局（公布的名单）')).toBe('市经济和信息化局（公布的名单）');
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0001')).toBe('a_b_c_d_e_f_g_h_i_j_');
    expect([...safeFileName('长'.repeat(200))]).toHaveLength(80);
    expect(safeFileName('  ')).toBe('_');
  });
});
