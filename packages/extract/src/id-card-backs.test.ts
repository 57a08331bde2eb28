import { describe, expect, it } from 'vitest';
import { cccd2016 } from './documents/cccd-2016/definition';
import { layoutPage, type LayoutRow, whitePage } from './test-helpers';
import type { DocumentTypeDefinition, ExtractContext } from './types';

const blank = whitePage(1800, 900);
const context: ExtractContext = { options: { asOf: '2025-06-01', types: undefined, documentTypes: [] } };

async function back(type: DocumentTypeDefinition, rows: LayoutRow[]) {
  const record = await type.extract(
    [{ page: blank, ocr: layoutPage(rows), qr: undefined }],
    [{ type: type.id, part: 'back', score: 1 }],
    context,
  );
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
    const fields = await back(cccd2016, [
      'Đặc điểm nhận dạng: Nốt ruồi C:1,5cm trên sau cánh',
      '',
      '',
      'Ngày 15 tháng 3 năm 2018',
    ]);
    expect(fields['person.identifyingMarks']!.confidence).toBeLessThan(0.7);
  });
});
