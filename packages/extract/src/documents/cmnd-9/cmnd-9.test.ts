import { describe, expect, it } from 'vitest';
import { cmnd9, isCmndNumber } from './definition';
import { layoutPage, type LayoutRow, whitePage } from '../../test-helpers';
import type { ExtractContext, PageClass, PageReading } from '../../types';

const blank = whitePage(1800, 900);
const context: ExtractContext = { options: { asOf: '2024-06-01', types: undefined, documentTypes: [] } };
const reading = (rows: LayoutRow[]): PageReading => ({ page: blank, ocr: layoutPage(rows), qr: undefined });
const FRONT: PageClass = { type: 'cmnd-9', part: 'front', score: 1 };
const BACK: PageClass = { type: 'cmnd-9', part: 'back', score: 1 };

async function read(...pages: Array<[LayoutRow[], PageClass]>) {
  const record = await cmnd9.extract(
    pages.map(([rows]) => reading(rows)),
    pages.map(([, c]) => c),
    context,
  );
  const values = Object.fromEntries(Object.entries(record.fields).map(([k, f]) => [k, f.value]));
  return { record, values, fields: record.fields };
}

describe('cmnd-9 in layouts the reader was not written for', () => {
  it('reads a front with dot leaders, a value under its label and addresses wrapped flush under the label', async () => {
    const { values, fields } = await read([
      [
        [[100, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']],
        [[500, 'GIẤY CHỨNG MINH NHÂN DÂN']],
        [[600, 'Số: 162345678']],
        'Họ tên ........ TRẦN THỊ MAI',
        'Sinh ngày ...... 12-05-1980',
        'Nguyên quán ..... Xã Yên Phong, huyện Ý',
        'Yên, tỉnh Nam Định',
        'Nơi ĐKHK thường trú:',
        'Số 5 ngõ 12 phố Huế, phường Phố Huế,',
        'quận Hai Bà Trưng, Hà Nội',
      ],
      FRONT,
    ]);
    expect(values['person.oldIdNumber']).toBe('162345678');
    expect(values['person.fullName']).toBe('Trần Thị Mai');
    expect(values['person.birthDate']).toBe('1980-05-12');
    expect(values['person.hometown']).toBe('Xã Yên Phong, huyện Ý Yên, tỉnh Nam Định');
    expect(values['person.permanentAddress']).toBe('Số 5 ngõ 12 phố Huế, phường Phố Huế, quận Hai Bà Trưng, Hà Nội');
    // Over a dotted line a single reading stays under the threshold; the address without leaders fills.
    expect(fields['person.hometown']!.confidence).toBeLessThan(0.7);
    expect(fields['person.permanentAddress']!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('keeps a place whose wrapped line was lost below the fill threshold, never certain', async () => {
    const { values, fields } = await read([
      [
        'GIẤY CHỨNG MINH NHÂN DÂN',
        'SỐ 162345678',
        'Họ tên: TRẦN THỊ MAI',
        'Nguyên quán: Xã Yên Phong, huyện Ý',
        '',
        '',
        'Nơi ĐKHK thường trú: Hà Nội',
      ],
      FRONT,
    ]);
    expect(String(values['person.hometown'])).toMatch(/^Xã Yên Phong, huyện/);
    expect(fields['person.hometown']!.confidence).toBeLessThan(0.7);
  });

  it('reads an older back ("Đặc điểm nhận dạng", ethnicity and religion on one line) and the provincial issuer', async () => {
    const { values, fields } = await read([
      [
        'Dân tộc: Kinh        Tôn giáo: Không',
        'ĐẶC ĐIỂM NHẬN DẠNG',
        'Nốt ruồi cách 2cm dưới mép phải',
        'Ngày 03 tháng 7 năm 2006',
        'GIÁM ĐỐC CA TỈNH NAM ĐỊNH',
        [
          [100, 'NGÓN TRỎ TRÁI'],
          [700, 'NGÓN TRỎ PHẢI'],
        ],
      ],
      BACK,
    ]);
    expect(values['person.ethnicity']).toBe('Kinh');
    expect(values['person.religion']).toBe('Không');
    expect(values['person.identifyingMarks']).toBe('Nốt ruồi cách 2cm dưới mép phải');
    expect(values['document.issueDate']).toBe('2006-07-03');
    expect(values['document.issuer']).toBe('Công an tỉnh Nam Định');
    expect(fields['document.issuer']!.evidence[0]!.method).toBe('ocr');
  });

  it('joins a front and a back into one record under the CMND number', async () => {
    const { record, values } = await read(
      [
        [
          'GIẤY CHỨNG MINH NHÂN DÂN',
          'SỐ 031234567',
          'Họ tên NGUYỄN VĂN AN',
          'Sinh ngày 01-01-1970',
          'Nguyên quán Hải Phòng',
          'Nơi ĐKHK thường trú Hải Phòng',
        ],
        FRONT,
      ],
      [
        [
          'Dân tộc Kinh',
          'Tôn giáo Phật giáo',
          'DẤU VẾT RIÊNG VÀ DỊ HÌNH',
          'Sẹo chấm C:2cm trên trước tai trái',
          'Ngày 15 tháng 10 năm 2008',
          'GIÁM ĐỐC CA THÀNH PHỐ HẢI PHÒNG',
        ],
        BACK,
      ],
    );
    expect(record.part).toBe('front+back');
    expect(record.subject).toEqual({ kind: 'person', id: '031234567' });
    expect(values['person.religion']).toBe('Phật giáo');
    expect(values['person.oldIdDocument.issueDate']).toBe('2008-10-15');
    expect(values['document.issuer']).toBe('Công an thành phố Hải Phòng');
  });

  it('an issue date in digits after "Cấp ngày" is read too', async () => {
    const { values } = await read([
      ['Dân tộc: Tày', 'Cấp ngày: 15/10/2008', 'GIÁM ĐỐC CA TỈNH CAO BẰNG', 'NGÓN TRỎ TRÁI'],
      BACK,
    ]);
    expect(values['document.issueDate']).toBe('2008-10-15');
  });

  it('a 9-digit run that breaks the number structure, or one among several without a label, is never certain', async () => {
    expect(isCmndNumber('162345678')).toBe(true);
    expect(isCmndNumber('962345678')).toBe(false);
    expect(isCmndNumber('001234567')).toBe(false);
    const bad = await read([['GIẤY CHỨNG MINH NHÂN DÂN', 'SỐ 962345678', 'Họ tên: TRẦN THỊ MAI'], FRONT]);
    expect(bad.fields['person.oldIdNumber']!.confidence).toBeLessThan(0.9);
    const two = await read([['GIẤY CHỨNG MINH NHÂN DÂN', '162345678', 'Họ tên: TRẦN THỊ MAI', '172345678'], FRONT]);
    expect(two.fields['person.oldIdNumber']).toBeUndefined();
  });

  it('reads the name after a label garbled by OCR, below the name threshold', async () => {
    const { values, fields } = await read([
      ['GIẤY CHỨNG MINH NHÂN DÂN', 'SO 113123513', 'Họ tn DƯƠNG THỊ THU HUYỀN', 'Sinh ngày 19-12-1960'],
      FRONT,
    ]);
    expect(values['person.fullName']).toBe('Dương Thị Thu Huyền');
    expect(fields['person.fullName']!.confidence).toBeLessThan(0.9);
    expect(values['person.oldIdNumber']).toBe('113123513');
  });
});
