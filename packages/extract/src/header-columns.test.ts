import { describe, expect, it } from 'vitest';
import { findHeaderColumns, readingOrder } from './header-columns';
import { LETTER_ROWS, letterPage } from './internal/letter-fixture';
import { ocrPageFromLines } from './test-helpers';

describe('readingOrder', () => {
  it('reads the left header block, then the right one, then the body', () => {
    const order = readingOrder(letterPage(LETTER_ROWS));
    expect(order.lines.slice(0, 9).map((l) => l.text)).toEqual([
      'UBND TỈNH NGHỆ AN',
      'SỞ GIAO DỤC VÀ ĐAO TẠO',
      'Số: 1O42 /SGDDT-VP',
      'V/v tổ chức kiểm tra công tác',
      'cải cách hành chính năm 2024',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Nghệ An, ngày 05 tháng 3 năm 2024',
      'Kính gửi: Các phòng giáo dục và đào tạo.',
    ]);
  });

  it('keeps every word exactly once', () => {
    const page = letterPage(LETTER_ROWS);
    const words = (lines: typeof page.lines) =>
      lines.flatMap((l) => l.words.map((w) => `${w.text}@${w.box.x},${w.box.y}`)).sort();
    expect(words(readingOrder(page).lines)).toEqual(words(page.lines));
  });

  it('leaves the signature block interleaved: only the header is split', () => {
    const texts = readingOrder(letterPage(LETTER_ROWS)).lines.map((l) => l.text);
    expect(texts).toContain('Nơi nhận: KT. GIÁM ĐỐC');
  });

  it('finds the gutter between the blocks', () => {
    const header = findHeaderColumns(letterPage(LETTER_ROWS));
    expect(header?.gutter).toBeGreaterThan(480);
    expect(header?.gutter).toBeLessThan(640);
  });

  it('changes nothing on a page without a two-column header', () => {
    const page = ocrPageFromLines(['GIẤY KHAI SINH', 'Số: 248 Quyển số: 01/2024', 'Họ, chữ đệm, tên: HOÀNG THUÝ LAN']);
    expect(readingOrder(page)).toEqual({ lines: page.lines, header: undefined });
  });
});
