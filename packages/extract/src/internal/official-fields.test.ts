import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSignerTitle, parseIssuingBody, parseKindTitle, parseNumberSymbol, parsePlaceDate } from './official-fields';
import { snapOrganisationWords } from './official-words';

describe('parseNumberSymbol', () => {
  it.each([
    ['1906 /SGDĐT-CTrTT', '1906/SGDĐT-CTrTT', 'SGDĐT-CTrTT', undefined],
    ['1906/SGDDT-CTRTT', '1906/SGDĐT-CTrTT', 'SGDĐT-CTrTT', undefined],
    ['09/2023/QD-TTg', '09/2023/QĐ-TTg', 'QĐ-TTg', 'Quyết định'],
    ['30/2020/NĐ-CP', '30/2020/NĐ-CP', 'NĐ-CP', 'Nghị định'],
    ['1654/NQ-UBTVQH15', '1654/NQ-UBTVQH15', 'NQ-UBTVQH15', 'Nghị quyết'],
    ['60-NQ/TW', '60-NQ/TW', 'NQ/TW', 'Nghị quyết'],
    ['1O35 / TB - BTP', '1035/TB-BTP', 'TB-BTP', 'Thông báo'],
    ['1930 /VPCP-V.I', '1930/VPCP-V.I', 'VPCP-V.I', undefined],
  ])('%s → %s', (text, number, symbol, kind) => {
    expect(parseNumberSymbol(text)).toEqual({ number, symbol, kind });
  });

  it('keeps the symbol of a number left blank or unreadable', () => {
    expect(parseNumberSymbol('. . . / TB')).toEqual({ number: undefined, symbol: 'TB', kind: undefined });
  });

  it('rejects text that is no number/symbol', () => {
    for (const text of ['', 'Ngày 12 tháng 3', '2635', 'V/v', 'abc/def ghi'])
      expect(parseNumberSymbol(text)?.number).toBeUndefined();
  });

  it('round-trips printed numbers with OCR spacing and Đ read as D', () => {
    const symbolWord = fc.constantFrom('QĐ', 'NQ', 'TB', 'KH', 'SGDĐT', 'UBND', 'LĐTBXH', 'TTr', 'STP');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), symbolWord, symbolWord, fc.boolean(), (n, a, b, spaced) => {
        const printed = `${n}/${a}-${b}`;
        const read = (spaced ? `${n} / ${a} - ${b}` : printed).replace(/Đ/g, 'D');
        expect(parseNumberSymbol(read)?.number).toBe(printed);
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseNumberSymbol(s)));
  });
});

describe('parsePlaceDate', () => {
  it.each([
    ['Đà Nẵng, ngày 26tháng 7 năm 2020', 'Đà Nẵng', '2020-07-26'],
    ['Tuyên Quang, ngày. 28 tháng 6 năm 2018', 'Tuyên Quang', '2018-06-28'],
    ['TP. Hồ Chí Minh, ngày 26 tháng 7 năm 2011', 'TP. Hồ Chí Minh', '2011-07-26'],
    ['Số: 09/2023/QĐ-TTg Hà Nội, ngày 12 tháng 4 năm 2023', 'Hà Nội', '2023-04-12'],
  ])('%s', (text, place, date) => {
    expect(parsePlaceDate(text)).toEqual({ place, date });
  });

  it('rejects impossible dates and lines without a date', () => {
    expect(parsePlaceDate('Hà Nội, ngày 31 tháng 2 năm 2020')).toBeUndefined();
    expect(parsePlaceDate('Hà Nội, ngày … tháng … năm')).toBeUndefined();
  });

  it('round-trips every calendar day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number);
        expect(parsePlaceDate(`Hà Nội, ngày ${day} tháng ${m} năm ${y}`)).toEqual({ place: 'Hà Nội', date: iso });
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string(), (s) => void parsePlaceDate(s)));
  });
});

describe('parseIssuingBody', () => {
  it('separates the parent body from the issuer when the second line names an organisation', () => {
    expect(parseIssuingBody(['UBND THÀNH PHỐ ĐÀ NĂNG.', 'SƠ GIAO DỤC VÀ ĐAO TẠO'])).toEqual({
      issuer: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO',
      parent: 'UBND THÀNH PHỐ ĐÀ NẴNG',
    });
    expect(parseIssuingBody(['SỞ Y TẾ BẮC NINH', 'BỆNH VIÊN ĐAKHOATINH -'])).toEqual({
      issuer: 'BỆNH VIỆN ĐA KHOA TỈNH',
      parent: 'SỞ Y TẾ BẮC NINH',
    });
  });

  it('joins a name printed over two lines', () => {
    expect(parseIssuingBody(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ ĐÀ NẴNG'])).toEqual({
      issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG',
      parent: undefined,
    });
    expect(parseIssuingBody(['ỦY BAN THƯỜNG VỤ', 'QUỐC HỘI'])).toEqual({
      issuer: 'ỦY BAN THƯỜNG VỤ QUỐC HỘI',
      parent: undefined,
    });
  });

  it('drops a repeated line and mixed-case debris before the name', () => {
    expect(parseIssuingBody(['THỦ TƯỚNG CHÍNH PHỦ', 'THỦ TƯỚNG CHÍNH PHỦ'])?.issuer).toBe('THỦ TƯỚNG CHÍNH PHỦ');
    expect(parseIssuingBody(['Cơx ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK'])?.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK');
  });

  it('finds nothing in lines that are not in capitals', () => {
    expect(parseIssuingBody(['Kính gửi: các đơn vị', '—'])).toBeUndefined();
  });
});

describe('titles', () => {
  it('reads the kind from a title line and tells signature titles', () => {
    expect(parseKindTitle('QUYÊT ĐỊNH')).toBe('Quyết định');
    expect(parseKindTitle('Quyết định số 12')).toBeUndefined();
    expect(isSignerTitle('KT. GIÁM ĐỐC')).toBe(true);
    expect(isSignerTitle('PHÓ CHỦ TỊCH')).toBe(true);
    expect(isSignerTitle('Nơi nhận:')).toBe(false);
  });

  it('restores marks of known organisation words only', () => {
    expect(snapOrganisationWords('SỞ GIAO THÔNG VẬN TẢI')).toBe('SỞ GIAO THÔNG VẬN TẢI');
    expect(snapOrganisationWords('CỤC THUẾ TP.HCM')).toBe('CỤC THUẾ TP.HCM');
    expect(snapOrganisationWords('PHO GIAM ĐÓC')).toBe('PHÓ GIÁM ĐỐC');
  });
});
