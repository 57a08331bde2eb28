import { sexToVietnamese } from '@sohoa/vn';
import { generateBusinessDocuments, groupThousands } from '../business-docs';
import type { LayoutFamily } from '../layout-families';
import { A4_WIDTH } from '../internal/a4';
import { dateLong, dateSep, FormPage, titleCase, upper, type DrawnForm } from '../internal/form-kit';
import type { Rng } from '../rng';
import type { Sex, SyntheticDocument } from '../types';
import { agencyHeader, alias, signerBlock, style } from './common';

/**
 * More tuned household business families (fourth round), after the structure of the GCN ĐKHKD of
 * TT 01/2021/TT-BKHĐT (items 1–5, `Thông tin về chủ hộ kinh doanh`, `Loại giấy tờ pháp lý của cá nhân`,
 * `Số giấy tờ pháp lý của cá nhân`, `Ngày cấp`, `Nơi cấp`) drawn in a way our first families do not:
 * labels in capitals, each value on the line under its label, two columns for the head's short facts,
 * dates in words and the capital's words in brackets on the amount's line.
 */

const householdAgency = (issuer: string): string[] =>
  issuer.startsWith('Ủy ban')
    ? ['ỦY BAN NHÂN DÂN', upper(issuer.replace('Ủy ban nhân dân ', ''))]
    : ['PHÒNG TÀI CHÍNH - KẾ HOẠCH', upper(issuer.replace('Phòng Tài chính - Kế hoạch ', ''))];

/** Labels in capitals, values under them (indented), the head's short facts in two columns; sans type, phone photo. */
function householdStacked(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const rel = doc.relations[0]!;
  const r = rel.fields;
  const k = (x: string): string => `${rel.role}:${x}`;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'sans',
      valueFont: 'serif-bold',
      headingFont: 'bold',
      size: 20,
      lineHeight: 34,
      valueBelow: true,
      paper: '#fbfbf6',
    }),
  );
  let y = agencyHeader(p, householdAgency(f['document.issuer']!), 100, 'document.issuer', 20);
  p.centred('GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH', y, 30, 'bold', '#0e2f6e');
  y += 56;
  y = p.row(
    y,
    [
      { label: 'MÃ SỐ HỘ KINH DOANH', value: f['org.taxCode']!, key: 'org.taxCode' },
      { label: 'ĐĂNG KÝ LẦN ĐẦU', value: dateLong(f['org.foundingDate']!), key: 'org.foundingDate' },
    ],
    [110, 640],
  );
  if (f['document.amendmentNumber'])
    y = p.row(
      y,
      [
        { label: 'ĐĂNG KÝ THAY ĐỔI LẦN THỨ', value: f['document.amendmentNumber'], key: 'document.amendmentNumber' },
        { label: 'NGÀY ĐĂNG KÝ THAY ĐỔI', value: dateLong(f['document.issueDate']!), key: 'document.issueDate' },
      ],
      [110, 640],
    );
  y = p.row(y, [{ label: '1. TÊN HỘ KINH DOANH', value: f['org.name']!, key: 'org.name' }]);
  y = p.row(y, [{ label: '2. ĐỊA CHỈ TRỤ SỞ HỘ KINH DOANH', value: f['org.address']!, key: 'org.address' }]);
  y = p.row(y, [{ label: 'ĐIỆN THOẠI', value: f['org.phone']!, key: 'org.phone' }]);
  y = p.row(y, [{ label: '3. NGÀNH, NGHỀ KINH DOANH', value: f['org.businessLines']!, key: 'org.businessLines' }]);
  y = p.row(y, [
    { label: '4. VỐN KINH DOANH', value: `${groupThousands(f['org.capital']!)} đồng`, key: 'org.capital' },
  ]);
  p.text('5. THÔNG TIN VỀ CHỦ HỘ KINH DOANH', 110, y, { font: 'bold' });
  y += 44;
  y = p.row(
    y,
    [
      { label: 'Họ, chữ đệm và tên', value: titleCase(r['person.fullName']!), key: k('person.fullName') },
      { label: 'Giới tính', value: sexToVietnamese(r['person.sex'] as Sex), key: k('person.sex') },
    ],
    [130, 700],
  );
  alias(p, k('person.fullName'), 'org.representative');
  y = p.row(
    y,
    [
      { label: 'Sinh ngày', value: dateSep(r['person.birthDate']!, '/'), key: k('person.birthDate') },
      { label: 'Dân tộc', value: r['person.ethnicity']!, key: k('person.ethnicity') },
      { label: 'Quốc tịch', value: r['person.nationality']!, key: k('person.nationality') },
    ],
    [130, 480, 800],
  );
  y = p.row(
    y,
    [
      { label: 'Loại giấy tờ pháp lý của cá nhân', value: 'Căn cước công dân' },
      { label: 'Số giấy tờ pháp lý của cá nhân', value: r['person.idNumber']!, key: k('person.idNumber') },
    ],
    [130, 700],
  );
  alias(p, k('person.idNumber'), 'org.representative.idNumber');
  y = p.row(
    y,
    [{ label: 'Địa chỉ thường trú', value: r['person.permanentAddress']!, key: k('person.permanentAddress') }],
    [130],
  );
  y = p.row(
    y,
    [{ label: 'Địa chỉ liên lạc', value: r['person.currentAddress']!, key: k('person.currentAddress') }],
    [130],
  );
  signerBlock(
    p,
    rng,
    A4_WIDTH - 320,
    y + 10,
    f['document.issuer']!.startsWith('Ủy ban') ? ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'] : ['TRƯỞNG PHÒNG'],
    undefined,
  );
  return [p.done()];
}

export const BUSINESS_MORE_FAMILIES: LayoutFamily[] = [
  {
    type: 'household-business-registration',
    family: 'stacked-caps',
    description:
      'TT 01/2021 items in capitals ("1. TÊN HỘ KINH DOANH", "5. THÔNG TIN VỀ CHỦ HỘ KINH DOANH"), each value on the line under its label, two or three columns of short facts, "Số giấy tờ pháp lý của cá nhân", dates in words; sans labels, serif values; phone photos.',
    heldOut: false,
    capture: 'phone',
    generate: (seed, count) => generateBusinessDocuments('household-business-registration', seed, count),
    draw: householdStacked,
  },
];
