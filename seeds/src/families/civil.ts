import { formatDateVn, sexToVietnamese } from '@sohoa/vn';
import { generateCivilDocuments, drawCivilDocument, type SyntheticCivilDocument } from '../civil';
import type { LayoutFamily } from '../layout-families';
import { A4_WIDTH } from '../internal/a4';
import { dateLong, dateSep, FormPage, titleCase, upper, type DrawnForm } from '../internal/form-kit';
import type { Rng } from '../rng';
import type { Sex, SyntheticDocument } from '../types';
import { motto, shiftYears, signerBlock, style, wordsDate } from './common';
import { fromTemplatePage, roleKey } from './tuned';

const civil = (doc: SyntheticDocument): SyntheticCivilDocument => doc as SyntheticCivilDocument;
const rel = (doc: SyntheticDocument, role: string): Record<string, string> | undefined =>
  doc.relations.find((r) => r.role === role)?.fields;

/** Birth certificates with the person who declared the birth (a parent) as a `declarant` relation. */
function birthDocs(seed: number, count: number): SyntheticDocument[] {
  return generateCivilDocuments('giay-khai-sinh', seed, count).map((d) => {
    const father = rel(d, 'father');
    const byFather = father !== undefined && d.slug.length % 2 === 0;
    const who = byFather ? father : rel(d, 'mother')!;
    return {
      ...d,
      relations: [
        ...d.relations,
        {
          role: 'declarant',
          fields: { 'person.fullName': who['person.fullName']!, 'person.relationship': byFather ? 'Cha' : 'Mẹ' },
        },
      ],
    };
  });
}

// ---------------------------------------------------------------- birth certificates

/** TT 04/2020/TT-BTP Giấy khai sinh (bản chính): official label wording, dotted leaders, serif type. */
function birthTt04(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'serif',
      valueFont: 'serif-bold',
      headingFont: 'serif-bold',
      size: 23,
      lineHeight: 42,
      leaders: true,
      paper: '#fffdf6',
    }),
  );
  p.frame(40, true, '#9c7a3c');
  let y = motto(p, 130);
  p.centred('GIẤY KHAI SINH', y + 20, 42, 'serif-bold', '#7a1010');
  y += 80;
  y = p.row(
    y,
    [
      { label: 'Số', value: f['document.number']!, key: 'document.number' },
      { label: 'Quyển số', value: f['document.bookNumber']!, key: 'document.bookNumber' },
    ],
    [760, 940],
  );
  y = p.row(y, [{ label: 'Họ, chữ đệm, tên', value: upper(f['person.fullName']!), key: 'person.fullName' }]);
  y = p.row(
    y,
    [
      { label: 'Ngày, tháng, năm sinh', value: formatDateVn(f['person.birthDate']!), key: 'person.birthDate' },
      { label: 'ghi bằng chữ', value: f['person.birthDate.words']!, key: 'person.birthDate.words' },
    ],
    [110, 560],
  );
  y = p.row(
    y,
    [
      { label: 'Giới tính', value: sexToVietnamese(f['person.sex'] as Sex), key: 'person.sex' },
      { label: 'Dân tộc', value: f['person.ethnicity']!, key: 'person.ethnicity' },
      { label: 'Quốc tịch', value: f['person.nationality']!, key: 'person.nationality' },
    ],
    [110, 420, 760],
  );
  y = p.row(y, [{ label: 'Nơi sinh', value: f['person.birthPlace']!, key: 'person.birthPlace' }]);
  y = p.row(y, [{ label: 'Quê quán', value: f['person.hometown']!, key: 'person.hometown' }]);
  y = p.row(y, [{ label: 'Số định danh cá nhân', value: f['person.idNumber']!, key: 'person.idNumber' }]);
  for (const role of ['mother', 'father'] as const) {
    const r = rel(doc, role);
    if (!r) continue;
    y += 6;
    y = p.row(y, [
      {
        label: `Họ, chữ đệm, tên người ${role === 'mother' ? 'mẹ' : 'cha'}`,
        value: upper(r['person.fullName']!),
        key: `${role}:person.fullName`,
      },
    ]);
    y = p.row(
      y,
      [
        { label: 'Năm sinh', value: r['person.birthDate.year']!, key: `${role}:person.birthDate.year` },
        { label: 'Dân tộc', value: r['person.ethnicity']!, key: `${role}:person.ethnicity` },
        { label: 'Quốc tịch', value: r['person.nationality']!, key: `${role}:person.nationality` },
      ],
      [110, 420, 760],
    );
    y = p.row(y, [{ label: 'Nơi cư trú', value: r['person.residence']!, key: `${role}:person.residence` }]);
  }
  const d = rel(doc, 'declarant')!;
  y += 6;
  y = p.row(y, [
    {
      label: 'Họ, chữ đệm, tên người đi khai sinh',
      value: upper(d['person.fullName']!),
      key: 'declarant:person.fullName',
    },
  ]);
  y = p.row(y, [
    {
      label: 'Quan hệ với người được khai sinh',
      value: d['person.relationship']!,
      key: 'declarant:person.relationship',
    },
  ]);
  y = p.row(y, [{ label: 'Giấy tờ tùy thân', value: 'Căn cước công dân' }]);
  y = p.row(y, [{ label: 'Nơi đăng ký khai sinh', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(y, [
    { label: 'Ngày, tháng, năm đăng ký', value: formatDateVn(f['document.issueDate']!), key: 'document.issueDate' },
  ]);
  p.c.text('NGƯỜI ĐI KHAI SINH', 300, y + 30, { font: 'serif-bold', size: 21, anchor: 'middle' });
  p.c.text('(Ký, ghi rõ họ, chữ đệm, tên)', 300, y + 58, { font: 'serif-italic', size: 18, anchor: 'middle' });
  p.signature(300, y + 140);
  p.c.text('NGƯỜI KÝ GIẤY KHAI SINH', A4_WIDTH - 330, y + 30, { font: 'serif-bold', size: 21, anchor: 'middle' });
  p.c.text('(Ký, ghi rõ họ, chữ đệm, tên, chức vụ và đóng dấu)', A4_WIDTH - 330, y + 58, {
    font: 'serif-italic',
    size: 18,
    anchor: 'middle',
  });
  signerBlock(p, rng, A4_WIDTH - 330, y + 90, [], f['document.signer'], 'document.signer');
  return [p.done()];
}

/** Trích lục khai sinh (copy from the register): agency header, sections per person, father before mother, values under their labels in two columns, mixed-case names. */
function birthExtract(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'condensed',
      valueFont: 'condensed-bold',
      headingFont: 'condensed-bold',
      size: 21,
      lineHeight: 33,
      valueBelow: true,
      paper: '#f7f9fc',
      ink: '#2a2a2a',
      valueInk: '#111',
    }),
  );
  const ward = f['document.issuer']!.replace(/^Ủy ban nhân dân /, '').split(', ')[0]!;
  p.c.text('ỦY BAN NHÂN DÂN', 300, 120, { font: 'condensed-bold', size: 22, anchor: 'middle' });
  p.c.text(upper(ward), 300, 150, { font: 'condensed-bold', size: 22, anchor: 'middle' });
  motto(p, 120, 850, 22);
  p.text(`Số: ${f['document.number']}/TLKS-BS`, 300, 190, { anchor: 'middle', size: 20 });
  p.centred('TRÍCH LỤC KHAI SINH', 270, 38, 'condensed-bold', '#0d2d6b');
  p.centred('(BẢN SAO)', 306, 22, 'condensed');
  let y = 360;
  const head = (t: string): void => {
    p.text(t, 110, y, { font: 'condensed-bold', size: 23, fill: '#0d2d6b' });
    p.c.rect(110, y + 8, A4_WIDTH - 220, 1, 'fill="#0d2d6b"');
    y += 38;
  };
  head('Người được khai sinh');
  y = p.row(
    y,
    [
      { label: 'Họ, chữ đệm và tên', value: titleCase(f['person.fullName']!), key: 'person.fullName' },
      { label: 'Giới tính', value: sexToVietnamese(f['person.sex'] as Sex), key: 'person.sex' },
    ],
    [110, 720],
  );
  y = p.row(
    y,
    [
      { label: 'Ngày, tháng, năm sinh', value: dateLong(f['person.birthDate']!, true), key: 'person.birthDate' },
      { label: 'Số định danh cá nhân', value: f['person.idNumber']!, key: 'person.idNumber' },
    ],
    [110, 720],
  );
  y = p.row(y, [{ label: 'Bằng chữ', value: f['person.birthDate.words']!, key: 'person.birthDate.words' }]);
  y = p.row(
    y,
    [
      { label: 'Dân tộc', value: f['person.ethnicity']!, key: 'person.ethnicity' },
      { label: 'Quốc tịch', value: f['person.nationality']!, key: 'person.nationality' },
      { label: 'Nơi sinh', value: f['person.birthPlace']!, key: 'person.birthPlace' },
    ],
    [110, 330, 560],
  );
  y = p.row(y, [{ label: 'Quê quán', value: f['person.hometown']!, key: 'person.hometown' }]);
  for (const role of ['father', 'mother'] as const) {
    const r = rel(doc, role);
    if (!r) continue;
    head(role === 'father' ? 'Cha' : 'Mẹ');
    y = p.row(
      y,
      [
        { label: 'Họ, chữ đệm và tên', value: titleCase(r['person.fullName']!), key: `${role}:person.fullName` },
        { label: 'Năm sinh', value: r['person.birthDate.year']!, key: `${role}:person.birthDate.year` },
        { label: 'Dân tộc', value: r['person.ethnicity']!, key: `${role}:person.ethnicity` },
      ],
      [110, 600, 860],
    );
    y = p.row(
      y,
      [
        { label: 'Quốc tịch', value: r['person.nationality']!, key: `${role}:person.nationality` },
        { label: 'Nơi cư trú', value: r['person.residence']!, key: `${role}:person.residence` },
      ],
      [110, 330],
    );
  }
  head('Đăng ký khai sinh');
  const d = rel(doc, 'declarant')!;
  y = p.row(
    y,
    [
      {
        label: 'Người đi đăng ký khai sinh',
        value: titleCase(d['person.fullName']!),
        key: 'declarant:person.fullName',
      },
      {
        label: 'Quan hệ với người được khai sinh',
        value: d['person.relationship']!,
        key: 'declarant:person.relationship',
      },
    ],
    [110, 720],
  );
  y = p.row(y, [{ label: 'Nơi đăng ký', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(
    y,
    [
      { label: 'Ngày, tháng, năm đăng ký', value: dateSep(f['document.issueDate']!, '-'), key: 'document.issueDate' },
      { label: 'Quyển số', value: f['document.bookNumber']!, key: 'document.bookNumber' },
    ],
    [110, 720],
  );
  signerBlock(
    p,
    rng,
    A4_WIDTH - 330,
    y + 20,
    ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
    f['document.signer'],
    'document.signer',
  );
  return [p.done()];
}

/**
 * 1990s Giấy khai sinh (bản chính) still in drawers: `Họ và tên`, `Nam hay nữ`, `Sinh ngày … tháng … năm …`,
 * labels without colons, dotted lines, handwritten-looking italic values, parents in a two-column table
 * (Cha | Mẹ), the declarant as `người đứng khai`, no personal ID number, registration date in words.
 */
function birthOld(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'serif',
      valueFont: 'serif-italic',
      headingFont: 'serif-bold',
      size: 23,
      lineHeight: 44,
      colon: '',
      leaders: true,
      paper: '#f6efdc',
      ink: '#3b2a1a',
      valueInk: '#1a2a8a',
    }),
  );
  p.frame(34, true, '#6b4b2a');
  p.text('Số', 110, 110, {});
  p.text(f['document.number']!, 150, 110, { font: 'serif-italic', fill: '#1a2a8a' }, 'document.number');
  p.text('Quyển số', 110, 146, {});
  p.text(f['document.bookNumber']!, 228, 146, { font: 'serif-italic', fill: '#1a2a8a' }, 'document.bookNumber');
  motto(p, 110, 760, 22, 'serif-bold');
  p.centred('GIẤY KHAI SINH', 270, 46, 'serif-bold', '#3b2a1a');
  p.centred('(BẢN CHÍNH)', 304, 20, 'serif');
  let y = 370;
  y = p.row(y, [{ label: 'Họ và tên', value: titleCase(f['person.fullName']!), key: 'person.fullName' }]);
  y = p.row(
    y,
    [
      { label: 'Nam hay nữ', value: sexToVietnamese(f['person.sex'] as Sex), key: 'person.sex' },
      { label: 'Sinh', value: dateLong(f['person.birthDate']!), key: 'person.birthDate' },
    ],
    [110, 420],
  );
  y = p.row(y, [{ label: 'Bằng chữ', value: wordsDate(f['person.birthDate']!), key: 'person.birthDate.words' }]);
  y = p.row(y, [{ label: 'Nơi sinh', value: f['person.birthPlace']!, key: 'person.birthPlace' }]);
  y = p.row(
    y,
    [
      { label: 'Dân tộc', value: f['person.ethnicity']!, key: 'person.ethnicity' },
      { label: 'Quốc tịch', value: f['person.nationality']!, key: 'person.nationality' },
    ],
    [110, 600],
  );
  y = p.row(y, [{ label: 'Quê quán', value: f['person.hometown']!, key: 'person.hometown' }]);
  y += 10;
  p.text('PHẦN KHAI VỀ CHA, MẸ', A4_WIDTH / 2, y, { font: 'serif-bold', anchor: 'middle' });
  y += 46;
  const mother = rel(doc, 'mother')!;
  const father = rel(doc, 'father');
  const cell = (
    r: Record<string, string> | undefined,
    role: string,
    k: string,
    v?: string,
  ): { value: string; key?: string } => (r ? { value: v ?? r[k]!, key: `${role}:${k}` } : { value: '' });
  y = p.table(
    y,
    ['', 'CHA', 'MẸ'],
    [
      {
        label: 'Họ và tên',
        values: [
          cell(father, 'father', 'person.fullName', father && titleCase(father['person.fullName']!)),
          cell(mother, 'mother', 'person.fullName', titleCase(mother['person.fullName']!)),
        ],
      },
      {
        label: 'Năm sinh',
        values: [cell(father, 'father', 'person.birthDate.year'), cell(mother, 'mother', 'person.birthDate.year')],
      },
      {
        label: 'Dân tộc',
        values: [cell(father, 'father', 'person.ethnicity'), cell(mother, 'mother', 'person.ethnicity')],
      },
      {
        label: 'Quốc tịch',
        values: [cell(father, 'father', 'person.nationality'), cell(mother, 'mother', 'person.nationality')],
      },
      {
        label: 'Nghề nghiệp',
        values: [
          { value: father ? rng.pick(['Làm ruộng', 'Công nhân', 'Buôn bán', 'Cán bộ']) : '' },
          { value: rng.pick(['Nội trợ', 'Làm ruộng', 'Giáo viên', 'Buôn bán']) },
        ],
      },
      {
        label: 'Nơi thường trú',
        values: [cell(father, 'father', 'person.residence'), cell(mother, 'mother', 'person.residence')],
      },
    ],
    [240, 405, 405],
  );
  const d = rel(doc, 'declarant')!;
  y = p.row(y + 10, [
    { label: 'Họ và tên người đứng khai', value: titleCase(d['person.fullName']!), key: 'declarant:person.fullName' },
  ]);
  y = p.row(y, [
    { label: 'Quan hệ với đứa trẻ', value: d['person.relationship']!, key: 'declarant:person.relationship' },
  ]);
  y = p.row(y, [{ label: 'Đăng ký tại', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(y, [{ label: 'Đăng ký', value: wordsDate(f['document.issueDate']!), key: 'document.issueDate' }]);
  signerBlock(
    p,
    rng,
    A4_WIDTH - 330,
    y + 20,
    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    titleCase(f['document.signer']!),
    'document.signer',
  );
  return [p.done()];
}

// ---------------------------------------------------------------- marriage certificates

const spouseOf = (doc: SyntheticDocument): Record<string, string> => rel(doc, 'spouse')!;

/** TT 04/2020 Giấy chứng nhận kết hôn: the Chồng | Vợ table with row labels in the left column. */
function marriageTable(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const w = spouseOf(doc);
  const p = new FormPage(
    rng,
    style({
      labelFont: 'serif',
      valueFont: 'serif-bold',
      headingFont: 'serif-bold',
      size: 22,
      lineHeight: 40,
      paper: '#fdf7f7',
      ink: '#2b1616',
    }),
  );
  p.frame(44, false, '#b23a3a');
  let y = motto(p, 130, A4_WIDTH / 2, 25);
  p.centred('GIẤY CHỨNG NHẬN KẾT HÔN', y + 24, 40, 'serif-bold', '#9a1515');
  y += 90;
  y = p.row(
    y,
    [
      { label: 'Số', value: f['document.number']!, key: 'document.number' },
      { label: 'Quyển số', value: f['document.bookNumber']!, key: 'document.bookNumber' },
    ],
    [760, 930],
  );
  const both = (k: string, fmt: (v: string) => string = (v) => v) => [
    { value: fmt(f[k]!), key: k },
    { value: fmt(w[k]!), key: `spouse:${k}` },
  ];
  y = p.table(
    y + 10,
    ['Thông tin', 'Chồng', 'Vợ'],
    [
      { label: 'Họ, chữ đệm, tên', values: both('person.fullName', upper) },
      { label: 'Ngày, tháng, năm sinh', values: both('person.birthDate', formatDateVn) },
      { label: 'Dân tộc', values: both('person.ethnicity') },
      { label: 'Quốc tịch', values: both('person.nationality') },
      { label: 'Nơi cư trú', values: both('person.residence') },
      { label: 'Giấy tờ tùy thân', values: both('person.idNumber', (v) => `Căn cước công dân số ${v}`) },
    ],
    [260, 400, 400],
  );
  y = p.row(y + 10, [{ label: 'Nơi đăng ký', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(y, [
    { label: 'Ngày, tháng, năm đăng ký', value: formatDateVn(f['document.issueDate']!), key: 'document.issueDate' },
  ]);
  p.c.text('Chồng', 220, y + 20, { font: 'serif-bold', size: 21, anchor: 'middle' });
  p.signature(220, y + 90);
  p.c.text(titleCase(f['person.fullName']!), 220, y + 140, { font: 'serif', size: 20, anchor: 'middle' });
  p.c.text('Vợ', 500, y + 20, { font: 'serif-bold', size: 21, anchor: 'middle' });
  p.signature(500, y + 90);
  p.c.text(titleCase(w['person.fullName']!), 500, y + 140, { font: 'serif', size: 20, anchor: 'middle' });
  signerBlock(
    p,
    rng,
    A4_WIDTH - 300,
    y + 20,
    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    f['document.signer'],
    'document.signer',
  );
  return [p.done()];
}

/** One column, the parties as sections (`BÊN NAM` / `BÊN NỮ`) with short labels (`Họ và tên`, `Sinh ngày`), values under their labels, phone photo. */
function marriageSections(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const w = spouseOf(doc);
  const p = new FormPage(
    rng,
    style({
      labelFont: 'condensed',
      valueFont: 'condensed-bold',
      headingFont: 'condensed-bold',
      size: 22,
      lineHeight: 35,
      valueBelow: true,
      paper: '#fbfbf4',
    }),
  );
  const ward = f['document.issuer']!.replace(/^Ủy ban nhân dân /, '').split(', ')[0]!;
  p.c.text('ỦY BAN NHÂN DÂN', 290, 110, { font: 'condensed-bold', size: 21, anchor: 'middle' });
  p.c.text(upper(ward), 290, 138, { font: 'condensed-bold', size: 21, anchor: 'middle' });
  motto(p, 110, 860, 21);
  p.centred('GIẤY CHỨNG NHẬN KẾT HÔN', 250, 36, 'condensed-bold', '#8c1010');
  let y = p.row(
    300,
    [
      { label: 'Số', value: f['document.number']!, key: 'document.number' },
      { label: 'Quyển số', value: f['document.bookNumber']!, key: 'document.bookNumber' },
    ],
    [110, 400],
  );
  for (const [head, pre, who] of [
    ['BÊN NAM', '', f],
    ['BÊN NỮ', 'spouse:', w],
  ] as const) {
    p.text(head, 110, y, { font: 'condensed-bold', size: 23 });
    y += 40;
    y = p.row(
      y,
      [
        { label: 'Họ và tên', value: titleCase(who['person.fullName']!), key: `${pre}person.fullName` },
        { label: 'Sinh ngày', value: dateLong(who['person.birthDate']!, false, true), key: `${pre}person.birthDate` },
      ],
      [110, 680],
    );
    y = p.row(
      y,
      [
        { label: 'Dân tộc', value: who['person.ethnicity']!, key: `${pre}person.ethnicity` },
        { label: 'Quốc tịch', value: who['person.nationality']!, key: `${pre}person.nationality` },
        { label: 'Số CCCD', value: who['person.idNumber']!, key: `${pre}person.idNumber` },
      ],
      [110, 400, 680],
    );
    y = p.row(y, [{ label: 'Nơi thường trú', value: who['person.residence']!, key: `${pre}person.residence` }]);
  }
  y = p.row(y + 6, [{ label: 'Đăng ký kết hôn tại', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(y, [{ label: 'Ngày đăng ký', value: dateSep(f['document.issueDate']!, '.'), key: 'document.issueDate' }]);
  signerBlock(
    p,
    rng,
    A4_WIDTH - 330,
    y + 10,
    ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    f['document.signer'],
    'document.signer',
  );
  return [p.done()];
}

/**
 * 1990s Giấy chứng nhận kết hôn: husband and wife side by side (`Họ và tên chồng` | `Họ và tên vợ`, the
 * same labels repeated in each column), dotted lines, italic handwriting-like values, no ID numbers, the
 * registration date in words.
 */
function marriageOld(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const w = spouseOf(doc);
  const p = new FormPage(
    rng,
    style({
      labelFont: 'serif',
      valueFont: 'serif-italic',
      headingFont: 'serif-bold',
      size: 22,
      lineHeight: 40,
      colon: '',
      leaders: true,
      valueBelow: true,
      paper: '#f3ecda',
      ink: '#40301c',
      valueInk: '#17308a',
    }),
  );
  p.frame(36, true, '#7a2a2a');
  motto(p, 120, A4_WIDTH / 2, 24, 'serif-bold');
  p.centred('GIẤY CHỨNG NHẬN KẾT HÔN', 260, 44, 'serif-bold', '#7a2a2a');
  let y = 340;
  const L = 110;
  const R = 660;
  y = p.row(
    y,
    [
      { label: 'Họ và tên chồng', value: titleCase(f['person.fullName']!), key: 'person.fullName' },
      { label: 'Họ và tên vợ', value: titleCase(w['person.fullName']!), key: 'spouse:person.fullName' },
    ],
    [L, R],
  );
  y = p.row(
    y,
    [
      { label: 'Ngày, tháng, năm sinh', value: formatDateVn(f['person.birthDate']!), key: 'person.birthDate' },
      { label: 'Ngày, tháng, năm sinh', value: formatDateVn(w['person.birthDate']!), key: 'spouse:person.birthDate' },
    ],
    [L, R],
  );
  y = p.row(
    y,
    [
      { label: 'Dân tộc', value: f['person.ethnicity']!, key: 'person.ethnicity' },
      { label: 'Dân tộc', value: w['person.ethnicity']!, key: 'spouse:person.ethnicity' },
    ],
    [L, R],
  );
  y = p.row(
    y,
    [
      { label: 'Quốc tịch', value: f['person.nationality']!, key: 'person.nationality' },
      { label: 'Quốc tịch', value: w['person.nationality']!, key: 'spouse:person.nationality' },
    ],
    [L, R],
  );
  y = p.row(
    y,
    [
      { label: 'Nơi thường trú', value: f['person.residence']!, key: 'person.residence' },
      { label: 'Nơi thường trú', value: w['person.residence']!, key: 'spouse:person.residence' },
    ],
    [L, R],
  );
  y += 10;
  y = p.row(y, [{ label: 'Đăng ký kết hôn tại', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(y, [{ label: 'Đăng ký', value: wordsDate(f['document.issueDate']!), key: 'document.issueDate' }]);
  y = p.row(
    y,
    [
      { label: 'Số', value: f['document.number']!, key: 'document.number' },
      { label: 'Quyển số', value: f['document.bookNumber']!, key: 'document.bookNumber' },
    ],
    [L, R],
  );
  p.c.text('Chữ ký của chồng', 240, y + 30, { font: 'serif', size: 20, anchor: 'middle' });
  p.signature(240, y + 100);
  p.c.text('Chữ ký của vợ', 240, y + 190, { font: 'serif', size: 20, anchor: 'middle' });
  p.signature(240, y + 260);
  signerBlock(
    p,
    rng,
    A4_WIDTH - 330,
    y + 30,
    ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    titleCase(f['document.signer']!),
    'document.signer',
  );
  return [p.done()];
}

const oldMarriageDocs = (seed: number, count: number): SyntheticDocument[] =>
  generateCivilDocuments('giay-chung-nhan-ket-hon', seed, count).map((d) => {
    const s = shiftYears(d, 20);
    // No personal ID numbers on these models: drop them so the truth cannot hold them.
    delete s.fields['person.idNumber'];
    for (const r of s.relations) delete r.fields['person.idNumber'];
    return s;
  });

export const CIVIL_FAMILIES: LayoutFamily[] = [
  {
    type: 'giay-khai-sinh',
    family: 'seeds-v1',
    description:
      "The generator's original birth certificate (TT 04/2020 wording, one column, values in bold capitals beside their labels): the layout the readers were built on.",
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateCivilDocuments('giay-khai-sinh', seed, count),
    draw: (doc) => [fromTemplatePage(drawCivilDocument(civil(doc)), (k) => roleKey(k))],
  },
  {
    type: 'giay-khai-sinh',
    family: 'tt04-2020',
    description:
      'TT 04/2020/TT-BTP Giấy khai sinh: serif type, dotted leaders, birth date with "ghi bằng chữ" on the same line, mother then father inline ("Họ, chữ đệm, tên người mẹ"), the declarant and relationship, two signature blocks, seal over the signer.',
    heldOut: false,
    capture: 'scanner',
    generate: birthDocs,
    draw: birthTt04,
  },
  {
    type: 'giay-khai-sinh',
    family: 'trich-luc',
    description:
      'Trích lục khai sinh (bản sao): agency header beside the motto, one section per person with a heading (father before mother), "Họ, chữ đệm và tên" repeated per section, values under their labels in two columns, mixed-case names, dates "Ngày 04 tháng 3 năm 2022" and "04-03-2022"; phone photos.',
    heldOut: false,
    capture: 'phone',
    generate: birthDocs,
    draw: birthExtract,
  },
  {
    type: 'giay-khai-sinh',
    family: 'old-1990s',
    description:
      '1990s model: "Họ và tên", "Nam hay nữ", "Sinh ngày … tháng … năm …", labels without colons on dotted lines, italic handwriting-like values, parents in a Cha | Mẹ table, "người đứng khai", no ID number, registration date in words.',
    heldOut: true,
    capture: 'phone',
    generate: (seed, count) =>
      birthDocs(seed, count).map((d) => {
        const s = shiftYears(d, 26);
        delete s.fields['person.idNumber'];
        return s;
      }),
    draw: birthOld,
  },
  {
    type: 'giay-chung-nhan-ket-hon',
    family: 'seeds-v1',
    description:
      "The generator's original marriage certificate (one column, husband's block then wife's): the layout the readers were built on.",
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateCivilDocuments('giay-chung-nhan-ket-hon', seed, count),
    draw: (doc) => [fromTemplatePage(drawCivilDocument(civil(doc)), (k) => roleKey(k, ['husband']))],
  },
  {
    type: 'giay-chung-nhan-ket-hon',
    family: 'tt04-2020-table',
    description:
      'TT 04/2020 Giấy chứng nhận kết hôn: a ruled table, row labels on the left ("Họ, chữ đệm, tên", "Ngày, tháng, năm sinh", …, "Giấy tờ tùy thân"), a Chồng column and a Vợ column; serif type.',
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) => generateCivilDocuments('giay-chung-nhan-ket-hon', seed, count),
    draw: marriageTable,
  },
  {
    type: 'giay-chung-nhan-ket-hon',
    family: 'sections',
    description:
      'One column with the parties as sections ("BÊN NAM", "BÊN NỮ") and short labels ("Họ và tên", "Sinh ngày", "Số CCCD", "Nơi thường trú"), values under their labels, mixed-case names, dates "ngày 04 tháng 03 năm 1990" and "04.03.1990"; phone photos.',
    heldOut: false,
    capture: 'phone',
    generate: (seed, count) => generateCivilDocuments('giay-chung-nhan-ket-hon', seed, count),
    draw: marriageSections,
  },
  {
    type: 'giay-chung-nhan-ket-hon',
    family: 'old-1990s',
    description:
      '1990s model: husband and wife side by side ("Họ và tên chồng" | "Họ và tên vợ", the other labels repeated in each column), dotted lines, italic handwriting-like values, no ID numbers, registration date in words.',
    heldOut: true,
    capture: 'phone',
    generate: oldMarriageDocs,
    draw: marriageOld,
  },
];
