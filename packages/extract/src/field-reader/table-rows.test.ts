import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrPage } from '@sohoa/core';
import { BLANK_PAGE, TEST_CONTEXT } from '../internal/reader-test-kit';
import { layoutPage, type LayoutRow } from '../test-helpers';
import { place } from './parsers';
import { readFields } from './read';
import * as rp from './parsers';
import type { ReaderSpec } from './spec';

const SPEC: ReaderSpec = {
  roles: [],
  fields: [
    { key: 'org.businessLines', labels: ['Ngành, nghề kinh doanh'], parse: (t) => t.trim() || undefined, wraps: true },
    { key: 'org.capital', labels: ['Vốn kinh doanh'], parse: (t) => t.trim() || undefined },
    { key: 'person.fullName', labels: ['Người đại diện'], parse: rp.name },
    { key: 'person.permanentAddress', labels: ['Địa chỉ thường trú'], parse: rp.place, wraps: true },
    { key: 'person.birthDate.year', labels: ['Năm sinh'], parse: rp.year },
  ],
};

/** Like `layoutPage`, but each segment of a row is its own OCR line (a table's cells read apart). */
function cellsPage(rows: LayoutRow[]): OcrPage {
  const page = layoutPage(rows);
  const lines: OcrLine[] = page.lines.flatMap((l) => {
    const groups: OcrLine['words'][] = [];
    for (const w of l.words) {
      const prev = groups.at(-1)?.at(-1);
      if (prev && w.box.x - (prev.box.x + prev.box.width) < 60) groups.at(-1)!.push(w);
      else groups.push([w]);
    }
    // A value cell's line box sits a few pixels higher than its label's (a taller font), as OCR boxes do.
    return groups.map((words, i) => {
      const lift = i > 0 ? 4 : 0;
      const moved = words.map((w) => ({ ...w, box: { ...w.box, y: w.box.y - lift } }));
      const x = words[0]!.box.x;
      const end = words.at(-1)!.box;
      return {
        text: words.map((w) => w.text).join(' '),
        confidence: l.confidence,
        box: { x, y: l.box.y - lift, width: end.x + end.width - x, height: l.box.height },
        words: moved,
      };
    });
  });
  return { ...page, lines };
}

const read = async (rows: LayoutRow[], cells = false) => {
  const r = await readFields(BLANK_PAGE, cells ? cellsPage(rows) : layoutPage(rows), SPEC, TEST_CONTEXT);
  return Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.value]));
};

describe('a wrapped value does not run into the next row of a table', () => {
  it('stops at a value cell read as its own line on the row of the next label', async () => {
    // Label cells and value cells far apart: OCR reads each cell as its own line.
    const values = await read(
      [
        [
          [100, 'Ngành, nghề kinh doanh'],
          [700, 'Sửa chữa xe có động cơ'],
        ],
        [
          [100, 'Vốn kinh doanh'],
          [700, '240.000.000 đồng'],
        ],
        [
          [100, 'Người đại diện'],
          [700, 'Trần Quốc Cường'],
        ],
      ],
      true,
    );
    expect(values['org.businessLines']).toBe('Sửa chữa xe có động cơ');
    expect(values['org.capital']).toBe('240.000.000 đồng');
    expect(values['person.fullName']).toBe('Trần Quốc Cường');
  });

  it('stops at a line that holds the next label left of the words that would continue the value', async () => {
    // The value cell alone, the next row's label and value cells merged into one OCR line.
    const values = await read(
      [
        [
          [100, 'Ngành, nghề kinh doanh'],
          [470, 'Dịch vụ ăn uống'],
        ],
        [
          [100, 'Vốn kinh doanh'],
          [320, '90.000.000 đồng'],
        ],
      ],
      true,
    );
    expect(values['org.businessLines']).toBe('Dịch vụ ăn uống');
  });

  it("still joins a wrapped line in a second column beside another column's label", async () => {
    const values = await read([
      [
        [100, 'Năm sinh: 1970'],
        [700, 'Địa chỉ thường trú: Số 5 phố Huế, Phường'],
      ],
      [
        [100, 'Người đại diện: Trần Văn An'],
        [720, 'Phố Huế, Quận Hai Bà Trưng, Hà Nội'],
      ],
    ]);
    expect(values['person.permanentAddress']).toBe('Số 5 phố Huế, Phường Phố Huế, Quận Hai Bà Trưng, Hà Nội');
    expect(values['person.fullName']).toBe('Trần Văn An');
  });
});

describe('a place holds no date', () => {
  it('rejects a place that ran into a date printed beside it', () => {
    expect(place('05/11/2029 Số 207 đường Lê Văn Việt, Phường Hiệp Phú, Thành phố Thủ Đức')).toBeUndefined();
    expect(place('Số 12/3 đường Lê Lợi, Phường 4, Quận 3, TP. Hồ Chí Minh')).toBe(
      'Số 12/3 đường Lê Lợi, Phường 4, Quận 3, TP. Hồ Chí Minh',
    );
  });
});
