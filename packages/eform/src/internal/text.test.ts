import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, splitName } from './fold';

describe('foldText', () => {
  it('folds Vietnamese labels for matching', () => {
    expect(foldText('Họ, chữ đệm và tên (1):')).toBe('ho chu dem va ten');
    expect(foldText('ĐỊA CHỈ THƯỜNG TRÚ')).toBe('dia chi thuong tru');
    // Old and new tone-mark placement fold the same.
    expect(foldText('Hoà')).toBe(foldText('Hòa'));
    expect(foldText('Số điện thoại (nếu có)')).toBe('so dien thoai');
    expect(splitName('ngaySinhBangChu')).toBe('ngay sinh bang chu');
  });

  it('never throws, is idempotent and leaves only a-z, digits-free words', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const folded = foldText(s);
        expect(foldText(folded)).toBe(folded);
        expect(folded).toBe(folded.trim());
      }),
    );
  });
});
