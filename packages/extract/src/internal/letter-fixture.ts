import type { OcrLine, OcrPage, OcrWord } from '@sohoa/core';
import { SOURCE } from '../test-helpers';

/** A printed segment of a row: its text and where it starts (`x`) or is centred (`centre`). */
export type Segment = { text: string; x?: number; centre?: number };

const CHAR = 13;
const SPACE = 9;
const width = (text: string) => [...text].length * CHAR;

/**
 * An OcrPage of an A4 page at 150 dpi (1240 × 1754) from rows of segments. Each row is one OCR
 * line holding every segment's words, as tesseract's block mode merges the two header columns.
 */
export function letterPage(rows: Segment[][], confidence = 0.92): OcrPage {
  const lines: OcrLine[] = rows.flatMap((row, i) => {
    if (row.length === 0) return [];
    const y = 100 + i * 40;
    const words: OcrWord[] = row.flatMap((seg) => {
      let x = seg.x ?? Math.round(seg.centre! - (width(seg.text) + SPACE * (seg.text.split(' ').length - 1)) / 2);
      return seg.text.split(' ').map((w) => {
        const word = { text: w, confidence, box: { x, y, width: width(w), height: 26 } };
        x += width(w) + SPACE;
        return word;
      });
    });
    const x0 = Math.min(...words.map((w) => w.box.x));
    const x1 = Math.max(...words.map((w) => w.box.x + w.box.width));
    return [
      { text: words.map((w) => w.text).join(' '), confidence, box: { x: x0, y, width: x1 - x0, height: 26 }, words },
    ];
  });
  return {
    source: SOURCE,
    width: 1240,
    height: 1754,
    text: lines.map((l) => l.text).join('\n'),
    confidence,
    lines,
    engine: 'fake',
    diagnostics: [],
  };
}

const L = 320;
const R = 860;

/** A synthetic Công văn of a made-up department: the header rows as a block-mode OCR reads them. */
export const LETTER_ROWS: Segment[][] = [
  [
    { text: 'UBND TỈNH NGHỆ AN', centre: L },
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', centre: R },
  ],
  [
    { text: 'SỞ GIAO DỤC VÀ ĐAO TẠO', centre: L },
    { text: 'Độc lập - Tự do - Hạnh phúc', centre: R },
  ],
  [
    { text: 'Số: 1O42 /SGDDT-VP', centre: L },
    { text: 'Nghệ An, ngày 05 tháng 3 năm 2024', centre: R },
  ],
  [{ text: 'V/v tổ chức kiểm tra công tác', centre: L }],
  [{ text: 'cải cách hành chính năm 2024', centre: L }],
  [],
  [{ text: 'Kính gửi: Các phòng giáo dục và đào tạo.', x: 330 }],
  [
    {
      text: 'Thực hiện kế hoạch của Ủy ban nhân dân tỉnh về cải cách hành chính năm 2024, Sở yêu cầu các đơn vị',
      x: 170,
    },
  ],
  [{ text: 'báo cáo kết quả trước ngày 20 tháng 3 năm 2024.', x: 110 }],
  [],
  [
    { text: 'Nơi nhận:', x: 110 },
    { text: 'KT. GIÁM ĐỐC', centre: 880 },
  ],
  [
    { text: '- Như trên;', x: 110 },
    { text: 'PHÓ GIÁM ĐỐC', centre: 880 },
  ],
  [{ text: '- Lưu: VT.', x: 110 }],
  [],
  [{ text: 'Đinh Thị Hồng Nhung', centre: 880 }],
];
