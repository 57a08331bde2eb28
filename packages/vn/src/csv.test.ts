import { describe, expect, it } from 'vitest';
import { detectCsvDelimiter, parseCsvRecords, parseCsvRows } from './csv';

describe('CSV (csv-parse, delimiter detection)', () => {
  it('detects `;` (Excel with Vietnamese regional settings), tab and `,`, ignoring delimiters inside quotes', () => {
    expect(detectCsvDelimiter('đường dẫn;số định danh\r\na.jpg;001099012345\r\n')).toBe(';');
    expect(detectCsvDelimiter('path\tsubject\n')).toBe('\t');
    expect(detectCsvDelimiter('"a;b;c",subject\n')).toBe(',');
    expect(detectCsvDelimiter('path\n')).toBe(',');
  });

  it('drops a BOM, keeps quoted delimiters and doubled quotes, keeps a quote inside an unquoted cell, skips blank lines', () => {
    const text = '\uFEFFpath;note\r\n"a;b.jpg";"say ""hi"""\r\n\r\nc.jpg;5" wide\r\n';
    expect(parseCsvRows(text)).toEqual([
      ['path', 'note'],
      ['a;b.jpg', 'say "hi"'],
      ['c.jpg', '5" wide'],
    ]);
  });

  it('header-keyed records, trimmed, with missing cells empty', () => {
    expect(parseCsvRecords('ma , ten\n01, Hà Nội \n02\n')).toEqual([
      { ma: '01', ten: 'Hà Nội' },
      { ma: '02', ten: '' },
    ]);
  });

  it('an unclosed quote is an error, not a silently merged row', () => {
    expect(() => parseCsvRows('path,note\n"a.jpg,oops\n')).toThrow(/quote/i);
  });
});
