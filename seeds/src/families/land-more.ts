import { formatDateVn } from '@sohoa/vn';
import { generateLandCertificates } from '../land-certificate';
import type { LayoutFamily } from '../layout-families';
import { A4_WIDTH } from '../internal/a4';
import type { TextStyle } from '../internal/canvas';
import { FormPage, titleCase, upper, type DrawnForm } from '../internal/form-kit';
import type { Rng } from '../rng';
import type { SyntheticDocument } from '../types';
import { motto, signerBlock, style } from './common';

/**
 * More tuned land certificate families (fourth round), drawn after the official models' structure rather
 * than after our first template: the one-sheet model of TT 10/2024 with its sections I–IV in capitals and
 * the holders run on in one sentence, and the TT 23/2014 inner page drawn as a ruled two-column table
 * (label cell | value cell, values wrapping in their cell) with labels in capitals.
 */

const comma = (area: string): string => area.replace('.', ',');
const holders = (doc: SyntheticDocument): Array<{ pre: string; p: Record<string, string> }> => [
  { pre: '', p: doc.fields },
  ...doc.relations.map((r) => ({ pre: `${r.role}:`, p: r.fields })),
];
const title = (p: Record<string, string>): string => (p['person.sex'] === 'male' ? 'Ông' : 'Bà');
const provinceOf = (issuer: string): { unit: string; name: string } => {
  const [, unit, name] = /^Sở Tài nguyên và Môi trường (thành phố|tỉnh) (.+)$/.exec(issuer)!;
  return { unit: unit!, name: name! };
};

/**
 * Pieces drawn one after another on a line, wrapping to the next line at `right`: labels and separators
 * unscored, values recorded under their key (a holder's sentence `Ông: AN, năm sinh: 1970, CCCD số: …`).
 */
function runOn(
  p: FormPage,
  y: number,
  x0: number,
  pieces: Array<{ text: string; key?: string }>,
  right = A4_WIDTH - 110,
): number {
  const lh = p.style.lineHeight;
  let x = x0;
  for (const piece of pieces) {
    const s: TextStyle = piece.key ? p.valueStyle : p.labelStyle;
    const w = p.c.measure(piece.text, s);
    if (x + w > right && x > x0) {
      x = x0;
      y += lh;
    }
    const box = p.c.text(piece.text, x, y, s);
    if (piece.key) p.record(piece.key, piece.text, [box]);
    x += w + p.c.measure(' ', s);
  }
  return y + lh + 4;
}

/** The signing block of the 2024 model: place and date, the department, signer; the register numbers at the left. */
function signing2024(p: FormPage, rng: Rng, f: Record<string, string>, y: number): void {
  const cx = A4_WIDTH - 330;
  const { unit, name } = provinceOf(f['document.issuer']!);
  const d = f['document.issueDate']!;
  const date = `${name}, ngày ${d.slice(8)} tháng ${d.slice(5, 7)} năm ${d.slice(0, 4)}`;
  p.record('document.issueDate', date, [
    p.c.text(date, cx, y, { font: p.style.labelFont, size: 21, anchor: 'middle', fill: p.style.ink }),
  ]);
  const a = p.c.text('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', cx, y + 38, {
    font: p.style.headingFont,
    size: 21,
    anchor: 'middle',
    fill: p.style.ink,
  });
  const b = p.c.text(upper(`${unit} ${name}`), cx, y + 68, {
    font: p.style.headingFont,
    size: 21,
    anchor: 'middle',
    fill: p.style.ink,
  });
  p.record('document.issuer', `SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG ${upper(`${unit} ${name}`)}`, [a, b]);
  signerBlock(p, rng, cx, y + 100, ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], undefined);
}

/**
 * TT 10/2024 one sheet: sections I–IV headed in capitals; each holder one running sentence
 * (`Ông: NGUYỄN VĂN AN, năm sinh: 1970, CCCD số: 0010…`) with the address after it; the parcel items as
 * `Thửa đất số: 12;  Tờ bản đồ số: 3`, `Loại đất`, `Hình thức sử dụng đất`, `Thời hạn`, the area's words in
 * brackets on the area's line; the issue numbers at the foot, left.
 */
function landSections2024(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'serif',
      valueFont: 'serif',
      headingFont: 'serif-bold',
      size: 21,
      lineHeight: 36,
      paper: '#fdf8f3',
      ink: '#1f1a1a',
      valueInk: '#111',
    }),
  );
  p.frame(40, false, '#c0392b');
  let y = motto(p, 100, A4_WIDTH / 2, 23);
  p.centred('GIẤY CHỨNG NHẬN', y, 34, 'serif-bold', '#b0151b');
  p.centred('QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT', y + 36, 22, 'serif-bold', '#b0151b');
  y += 96;
  p.text('I. NGƯỜI SỬ DỤNG ĐẤT, CHỦ SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT', 110, y, { font: 'serif-bold' });
  y += 44;
  for (const { pre, p: h } of holders(doc)) {
    y = runOn(p, y, 130, [
      { text: `${title(h)}:` },
      { text: upper(h['person.fullName']!), key: `${pre}person.fullName` },
      { text: ', năm sinh:' },
      { text: h['person.birthDate.year']!, key: `${pre}person.birthDate.year` },
      { text: ', CCCD số:' },
      { text: h['person.idNumber']!, key: `${pre}person.idNumber` },
    ]);
  }
  y = p.row(
    y,
    [{ label: 'Địa chỉ thường trú', value: f['person.permanentAddress']!, key: 'person.permanentAddress' }],
    [130],
  );
  p.text('II. THÔNG TIN THỬA ĐẤT', 110, y + 6, { font: 'serif-bold' });
  y += 50;
  y = p.row(
    y,
    [
      { label: 'Thửa đất số', value: f['land.parcelNumber']!, key: 'land.parcelNumber' },
      { label: 'Tờ bản đồ số', value: f['land.mapSheetNumber']!, key: 'land.mapSheetNumber' },
    ],
    [130, 480],
  );
  y = p.row(y, [{ label: 'Địa chỉ', value: f['land.address']!, key: 'land.address' }], [130]);
  y = runOn(p, y, 130, [
    { text: 'Diện tích:' },
    { text: `${comma(f['land.area']!)} m²`, key: 'land.area' },
    { text: '(Bằng chữ:' },
    { text: f['land.area.words']!, key: 'land.area.words' },
    { text: ')' },
  ]);
  y = p.row(y, [{ label: 'Loại đất', value: f['land.purpose']!, key: 'land.purpose' }], [130]);
  y = p.row(y, [{ label: 'Hình thức sử dụng đất', value: f['land.useForm']!, key: 'land.useForm' }], [130]);
  const term = f['land.term']!;
  y = p.row(
    y,
    [{ label: 'Thời hạn', value: term === 'Lâu dài' ? term : `Đến ngày ${formatDateVn(term)}`, key: 'land.term' }],
    [130],
  );
  y = p.row(y, [{ label: 'Nguồn gốc sử dụng', value: f['land.origin']!, key: 'land.origin' }], [130]);
  p.text('III. THÔNG TIN TÀI SẢN GẮN LIỀN VỚI ĐẤT: -/-', 110, y + 6, { font: 'serif-bold' });
  y += 50;
  p.text('IV. GHI CHÚ: -/-', 110, y + 6, { font: 'serif-bold' });
  y += 50;
  p.text(`Thời điểm đăng ký vào sổ địa chính: ${formatDateVn(f['document.issueDate']!)}`, 130, y, {});
  y += 60;
  signing2024(p, rng, f, y);
  const foot = y + 360;
  p.row(
    foot,
    [{ label: 'Số phát hành Giấy chứng nhận', value: f['land.certificate.serial']!, key: 'land.certificate.serial' }],
    [110],
  );
  p.row(
    foot + 40,
    [
      {
        label: 'Số vào sổ cấp Giấy chứng nhận',
        value: f['land.certificate.registryNumber']!,
        key: 'land.certificate.registryNumber',
      },
    ],
    [110],
  );
  return [p.done()];
}

/**
 * TT 23/2014 pages 1–2 on one sheet as a ruled two-column table: labels in capitals in the left cell
 * (`HỌ VÀ TÊN`, `NĂM SINH`, `SỐ GIẤY TỜ NHÂN THÂN`, `THỬA ĐẤT SỐ`, …), values in the right cell,
 * long values wrapping in their cell; the co-holder in a second block headed `NGƯỜI CÙNG SỬ DỤNG ĐẤT`
 * is not drawn (one holder only); mixed-case names; condensed type, phone photos.
 */
function landTable2014(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'condensed',
      valueFont: 'condensed-bold',
      headingFont: 'condensed-bold',
      size: 21,
      lineHeight: 36,
      paper: '#f8f3ec',
    }),
  );
  let y = motto(p, 100, A4_WIDTH / 2, 23);
  p.centred('GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT', y, 32, 'condensed-bold', '#a01318');
  p.centred('QUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT', y + 34, 22, 'condensed-bold', '#a01318');
  y += 90;
  const term = f['land.term']!;
  const row = (label: string, value: string, key: string) => ({ label, values: [{ value, key }] });
  y = p.table(
    y,
    ['NGƯỜI SỬ DỤNG ĐẤT', ''],
    [
      row('HỌ VÀ TÊN', `${title(f)} ${titleCase(f['person.fullName']!)}`, 'person.fullName'),
      row('NĂM SINH', f['person.birthDate.year']!, 'person.birthDate.year'),
      row('SỐ GIẤY TỜ NHÂN THÂN', f['person.idNumber']!, 'person.idNumber'),
      row('ĐỊA CHỈ THƯỜNG TRÚ', f['person.permanentAddress']!, 'person.permanentAddress'),
    ],
    [380, 660],
  );
  y += 20;
  y = p.table(
    y,
    ['THỬA ĐẤT', ''],
    [
      row('THỬA ĐẤT SỐ', f['land.parcelNumber']!, 'land.parcelNumber'),
      row('TỜ BẢN ĐỒ SỐ', f['land.mapSheetNumber']!, 'land.mapSheetNumber'),
      row('ĐỊA CHỈ THỬA ĐẤT', f['land.address']!, 'land.address'),
      row('DIỆN TÍCH (m²)', comma(f['land.area']!), 'land.area'),
      row('HÌNH THỨC SỬ DỤNG', f['land.useForm']!, 'land.useForm'),
      row('MỤC ĐÍCH SỬ DỤNG', f['land.purpose']!, 'land.purpose'),
      row('THỜI HẠN SỬ DỤNG', term === 'Lâu dài' ? term : `Đến ngày ${formatDateVn(term)}`, 'land.term'),
      row('NGUỒN GỐC SỬ DỤNG', f['land.origin']!, 'land.origin'),
    ],
    [380, 660],
  );
  y += 30;
  p.row(
    y,
    [
      { label: 'Số phát hành', value: f['land.certificate.serial']!, key: 'land.certificate.serial' },
      {
        label: 'Vào sổ cấp GCN số',
        value: f['land.certificate.registryNumber']!,
        key: 'land.certificate.registryNumber',
      },
    ],
    [110, 600],
  );
  signing2024(p, rng, f, y + 70);
  return [p.done()];
}

/** Holders beyond the first are not printed by the table model: one holder only. */
const oneHolder = (docs: SyntheticDocument[]): SyntheticDocument[] =>
  docs.map((d) => ({
    ...d,
    relations: [],
    fields: { ...d.fields, 'land.useForm': 'Sử dụng riêng' },
  }));

export const LAND_MORE_FAMILIES: LayoutFamily[] = [
  {
    type: 'land-use-certificate',
    family: 'sections-2024',
    description:
      'TT 10/2024 one sheet: sections I–IV in capitals, each holder one running sentence ("Ông: …, năm sinh: …, CCCD số: …"), "Loại đất", "Hình thức sử dụng đất", "Thời hạn", area words in brackets on the area line, "Số phát hành Giấy chứng nhận" at the foot; serif.',
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateLandCertificates(seed, count),
    draw: landSections2024,
  },
  {
    type: 'land-use-certificate',
    family: 'ruled-table-caps',
    description:
      'A ruled two-column table (label cell | value cell) with labels in capitals ("HỌ VÀ TÊN", "SỐ GIẤY TỜ NHÂN THÂN", "THỬA ĐẤT SỐ", "DIỆN TÍCH (m²)"), the holder titled in the value ("Ông Nguyễn Văn An"), one holder; condensed type; phone photos.',
    heldOut: false,
    capture: 'phone',
    generate: (seed, count) => oneHolder(generateLandCertificates(seed, count)),
    draw: landTable2014,
  },
];
