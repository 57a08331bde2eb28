import { describe, expect, it } from 'vitest';
import type { PageImage } from '@sohoa/core';
import { canCuoc2024 } from './can-cuoc-2024';
import { cccd2016 } from './cccd-2016';
import { layoutPage, SOURCE, type LayoutRow } from './test-helpers';
import type { DocumentTypeDefinition, ExtractContext } from './types';

const blank: PageImage = { source: SOURCE, width: 1800, height: 900, channels: 1, pixels: new Uint8Array(1800 * 900).fill(255), diagnostics: [] };
const context: ExtractContext = { options: { asOf: '2025-06-01', types: undefined, documentTypes: [] } };

async function back(type: DocumentTypeDefinition, rows: LayoutRow[]) {
  const record = await type.extract([{ page: blank, ocr: layoutPage(rows) }], [{ type: type.id, part: 'back', score: 1 }], context);
  return record.fields;
}

// Backs as the official cards wrap them: the second line of a value starts flush with its label.
describe('card backs with values wrapped flush under their label', () => {
  it('2016 back: identifying marks over two lines, the issue date and the issuer', async () => {
    const fields = await back(cccd2016, [
      'Đặc điểm nhận dạng: Nốt ruồi C:1,5cm trên sau cánh',
      'mũi phải',
      'Ngày 15 tháng 3 năm 2018',
      'CỤC TRƯỞNG CỤC CẢNH SÁT ĐKQL CƯ TRÚ',
      'VÀ DLQG VỀ DÂN CƯ',
    ]);
    expect(fields['person.identifyingMarks']?.value).toBe('Nốt ruồi C:1,5cm trên sau cánh mũi phải');
    expect(fields['person.identifyingMarks']!.confidence).toBeGreaterThanOrEqual(0.7);
    expect(fields['document.issueDate']?.value).toBe('2018-03-15');
    expect(fields['document.issuer']?.value).toBe('Cục Cảnh sát đăng ký, quản lý cư trú và dữ liệu quốc gia về dân cư');
  });

  it('2016 back: marks whose end was lost stay below the fill threshold', async () => {
    const fields = await back(cccd2016, ['Đặc điểm nhận dạng: Nốt ruồi C:1,5cm trên sau cánh', '', '', 'Ngày 15 tháng 3 năm 2018']);
    expect(fields['person.identifyingMarks']!.confidence).toBeLessThan(0.7);
  });

  it('2024 back: the birth registration place and the residence wrapped flush up to the province', async () => {
    const fields = await back(canCuoc2024, [
      'Nơi cư trú / Place of residence: Số 8 ngõ 4 phố Kim Mã, Phường Kim Mã,',
      'Quận Ba Đình, Hà Nội',
      'Nơi đăng ký khai sinh / Place of birth: Xã Hoằng Đạo, Hoằng Hoá,',
      'Thanh Hoá',
      'Ngày, tháng, năm cấp / Date of issue: 01/08/2024',
      'BỘ CÔNG AN',
    ]);
    expect(fields['person.residence']?.value).toBe('Số 8 ngõ 4 phố Kim Mã, Phường Kim Mã, Quận Ba Đình, Hà Nội');
    expect(fields['person.birthRegistrationPlace']?.value).toBe('Xã Hoằng Đạo, Hoằng Hoá, Thanh Hoá');
    expect(fields['person.birthRegistrationPlace']!.confidence).toBeGreaterThanOrEqual(0.7);
    expect(fields['document.issueDate']?.value).toBe('2024-08-01');
    expect(fields['document.issuer']?.value).toBe('Bộ Công an');
  });
});
