/**
 * HELD OUT (third round): reader engineers do not open this file. See `./sheet.ts` and the rule at the
 * top of `seeds/src/layout-families.ts`.
 */
import { centredMotto } from './sheet';
import { generateLandCertificates } from '../../land-certificate';
import type { TextStyle } from '../../internal/canvas';
import { FormPage, dateLong, upper, type DrawnForm } from '../../internal/form-kit';
import type { LayoutFamily } from '../../layout-families';
import type { Rng } from '../../rng';
import type { Box, SyntheticDocument } from '../../types';
import { STYLE_BASE } from '../common';

/** A run of text in a paragraph: plain words, or a value recorded under `key`. */
type Piece = string | { value: string; key: string };

/** Set `pieces` as one running paragraph from `x` to `right`, wrapping word by word; returns the next baseline. */
function paragraph(
  p: FormPage,
  pieces: readonly Piece[],
  x: number,
  right: number,
  y: number,
  lh: number,
  label: TextStyle,
  value: TextStyle,
  indent = 0,
): number {
  let cx = x + indent;
  const space = p.c.measure(' ', label);
  for (const piece of pieces) {
    // Punctuation sticks to what precedes it.
    if (typeof piece === 'string' && /^[;,)]/.test(piece)) cx -= space;
    const isValue = typeof piece !== 'string';
    const text = isValue ? piece.value : piece;
    const style = isValue ? value : label;
    const boxes: Box[] = [];
    let chunk = '';
    let chunkX = cx;
    const flush = (): void => {
      if (chunk !== '') boxes.push(p.c.text(chunk, chunkX, y, style));
      cx = chunkX + p.c.measure(chunk, style);
      chunk = '';
    };
    for (const word of text.split(' ')) {
      const candidate = chunk === '' ? word : `${chunk} ${word}`;
      if (chunkX + p.c.measure(candidate, style) > right && (chunk !== '' || chunkX > x)) {
        flush();
        y += lh;
        chunkX = x;
        chunk = word;
      } else chunk = candidate;
    }
    flush();
    if (isValue) p.record(piece.key, piece.value, boxes);
    cx += space;
  }
  return y + lh;
}

function landDocs(seed: number, count: number): SyntheticDocument[] {
  const pool = generateLandCertificates(seed + 303, count * 8 + 8);
  const fit = pool.filter((d) => d.fields['document.issueDate']! >= '2024-08-01');
  return [...fit, ...pool.filter((d) => !fit.includes(d))].slice(0, count);
}

function land(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(rng, {
    ...STYLE_BASE,
    labelFont: 'serif',
    valueFont: 'serif-bold',
    headingFont: 'serif-bold',
    paper: '#fdfbf4',
    ink: '#222',
    valueInk: '#101010',
  });
  p.c.rect(60, 60, 1120, 1634, 'fill="none" stroke="#b0413e" stroke-width="2.5"');
  const ink = p.style.ink;
  centredMotto(p, 140, 32, 280, 1.4);
  const title: TextStyle = { font: 'serif-bold', size: 27, anchor: 'middle', fill: '#a11d1d' };
  p.c.text('GIẤY CHỨNG NHẬN', 620, 250, { ...title, size: 34 });
  p.c.text('QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT', 620, 292, title);
  const serial = f['land.certificate.serial']!;
  p.c.text('Số phát hành:', 560, 340, { font: 'serif', size: 21, fill: ink });
  p.record('land.certificate.serial', serial, [
    p.c.text(serial, 560 + p.c.measure('Số phát hành: ', { font: 'serif', size: 21 }), 340, {
      font: 'bold',
      size: 22,
      fill: '#a11d1d',
    }),
  ]);
  const label: TextStyle = { font: 'serif', size: 22, fill: ink };
  const value: TextStyle = { font: 'serif-bold', size: 22, fill: '#101010' };
  const lh = 38;
  const [L, R] = [120, 1120];
  let y = 410;
  p.c.text('1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất:', L, y, {
    font: 'serif-bold',
    size: 22,
    fill: ink,
  });
  y += lh;
  const holders: Array<[Record<string, string>, string]> = [[f, '']];
  for (const r of doc.relations) holders.push([r.fields, `${r.role}:`]);
  for (const [h, pre] of holders) {
    y = paragraph(
      p,
      [
        h['person.sex'] === 'female' ? 'Bà' : 'Ông',
        { value: upper(h['person.fullName']!), key: `${pre}person.fullName` },
        '; năm sinh',
        { value: h['person.birthDate.year']!, key: `${pre}person.birthDate.year` },
        '; số định danh cá nhân',
        { value: h['person.idNumber']!, key: `${pre}person.idNumber` },
        '; địa chỉ thường trú:',
        { value: h['person.permanentAddress']!, key: `${pre}person.permanentAddress` },
      ],
      L,
      R,
      y,
      lh,
      label,
      value,
      30,
    );
  }
  y += 14;
  p.c.text('2. Thông tin thửa đất:', L, y, { font: 'serif-bold', size: 22, fill: ink });
  y += lh;
  y = paragraph(
    p,
    [
      'Thửa đất số:',
      { value: f['land.parcelNumber']!, key: 'land.parcelNumber' },
      '; Tờ bản đồ số:',
      { value: f['land.mapSheetNumber']!, key: 'land.mapSheetNumber' },
      '; Diện tích:',
      { value: `${f['land.area']!.replace('.', ',')} m²`, key: 'land.area' },
      '(bằng chữ:',
      { value: f['land.area.words']!, key: 'land.area.words' },
      ');',
    ],
    L,
    R,
    y,
    lh,
    label,
    value,
    30,
  );
  const term = f['land.term'] === 'Lâu dài' ? 'Lâu dài' : `đến ${dateLong(f['land.term']!, false, true)}`;
  for (const [label0, v, key] of [
    ['Loại đất:', f['land.purpose']!, 'land.purpose'],
    ['Hình thức sử dụng:', f['land.useForm']!, 'land.useForm'],
    ['Thời hạn sử dụng:', term, 'land.term'],
    ['Nguồn gốc sử dụng:', f['land.origin']!, 'land.origin'],
    ['Địa chỉ:', f['land.address']!, 'land.address'],
  ] as const)
    y = paragraph(p, [label0, { value: v, key }], L, R, y, lh, label, value, 30);
  y += 14;
  p.c.text('3. Thông tin tài sản gắn liền với đất: -/-', L, y, { font: 'serif-bold', size: 22, fill: ink });
  y += lh + 30;
  const date = dateLong(f['document.issueDate']!, true, true);
  p.record('document.issueDate', date, [
    p.c.text(date, 860, y, { font: 'serif-italic', size: 22, anchor: 'middle', fill: ink }),
  ]);
  const issuer = upper(f['document.issuer']!);
  const at = y;
  p.record(
    'document.issuer',
    issuer,
    p.c
      .wrap(issuer, 520, { font: 'serif-bold', size: 22 })
      .map((l, i) => p.c.text(l, 860, at + 40 + i * 32, { font: 'serif-bold', size: 22, anchor: 'middle', fill: ink })),
  );
  p.signature(880, at + 190);
  p.seal(800, at + 150, 80);
  const reg = f['land.certificate.registryNumber']!;
  p.c.text('Số vào sổ cấp Giấy chứng nhận:', L, 1600, label);
  p.record('land.certificate.registryNumber', reg, [
    p.c.text(reg, L + p.c.measure('Số vào sổ cấp Giấy chứng nhận: ', label), 1600, value),
  ]);
  return [p.done()];
}

export const HELD_OUT_LAND_FAMILIES: LayoutFamily[] = [
  {
    type: 'land-use-certificate',
    family: 'held-out-3',
    description: 'Held-out family of the third round; its drawing is not described here so that it stays unseen.',
    heldOut: true,
    capture: 'phone',
    generate: landDocs,
    draw: land,
  },
];
