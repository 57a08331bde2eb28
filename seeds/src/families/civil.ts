import { formatDateVn, sexToVietnamese } from '@sohoa/vn';
import { generateCivilDocuments, drawCivilDocument, type SyntheticCivilDocument } from '../civil';
import type { LayoutFamily } from '../layout-families';
import { A4_WIDTH } from '../internal/a4';
import { dateLong, dateSep, FormPage, titleCase, upper, type DrawnForm } from '../internal/form-kit';
import { createRng, type Rng } from '../rng';
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

// ---------------------------------------------------------------- variants of other template generations (tuned)

/** The national header as printed by another template generation (`CỘNG HOÀ`, en dashes), centred or at `cx`. */
function mottoVariant(p: FormPage, rng: Rng, y: number, cx = A4_WIDTH / 2, size = 24): number {
  const top = rng.pick(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  const sub = rng.pick(['Độc lập - Tự do - Hạnh phúc', 'Độc lập – Tự do – Hạnh phúc', 'ĐỘC LẬP - TỰ DO - HẠNH PHÚC']);
  p.c.text(top, cx, y, { font: p.style.headingFont, size, anchor: 'middle', fill: p.style.ink });
  p.c.text(sub, cx, y + size + 8, { font: p.style.headingFont, size: size - 2, anchor: 'middle', fill: p.style.ink });
  p.c.rect(cx - 150, y + size + 18, 300, 1.6, `fill="${p.style.ink}"`);
  return y + 2 * size + 50;
}

/** A title as another model prints it: one line, mixed case, or split on two lines. Returns the y below it. */
function titleVariant(p: FormPage, rng: Rng, y: number, lines: readonly (readonly string[])[], size = 38): number {
  const chosen = rng.pick(lines);
  chosen.forEach((t, i) => p.centred(t, y + i * (size + 10), size, p.style.headingFont, p.style.ink));
  return y + chosen.length * (size + 10) + 20;
}

/** A label alone on its line and its value on the line below, indented (`Sinh ngày` / `ngày 12 tháng 3 năm 2005`). */
function labelAbove(p: FormPage, y: number, label: string, value: string, key: string, x = p.style.margin): number {
  p.c.text(`${label}${p.style.colon}`, x, y, p.labelStyle);
  const box = p.c.text(value, x + 40, y + p.style.lineHeight, p.valueStyle);
  p.record(key, value, [box]);
  return y + 2 * p.style.lineHeight + 4;
}

/** A typed page of the NĐ 158/2005 models: sans type, the commune's name at the left, the motto at the right. */
function nd158Page(doc: SyntheticDocument, rng: Rng, paper: string): FormPage {
  const p = new FormPage(
    rng,
    style({ labelFont: 'sans', valueFont: 'bold', headingFont: 'bold', size: 21, lineHeight: 38, paper }),
  );
  const ward = doc.fields['document.issuer']!.replace(/^Ủy ban nhân dân /, '').split(', ')[0]!;
  p.c.text('ỦY BAN NHÂN DÂN', 280, 110, { font: 'bold', size: 20, anchor: 'middle' });
  p.c.text(upper(ward), 280, 138, { font: 'bold', size: 20, anchor: 'middle' });
  mottoVariant(p, rng, 110, 850, 21);
  return p;
}

const CHAIR = ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];

/**
 * Giấy khai sinh (bản sao) of the 2005–2015 model (NĐ 158/2005), typed: agency header, title variants (one
 * line, mixed case, or `GIẤY CHỨNG NHẬN` / `KHAI SINH` on two lines), `Số` and `Quyển số` on one line,
 * `Họ và tên` in capitals, sex, ethnicity and nationality on one line, the birth date on the line below
 * its label, parents side by side (`Họ và tên cha` | `Họ và tên mẹ`, the other labels repeated), no
 * hometown, no personal ID number, the registration date as `ngày … tháng … năm …`.
 */
function birthNd158(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = nd158Page(doc, rng, '#fefefa');
  let y = titleVariant(p, rng, 250, [
    ['GIẤY KHAI SINH', '(BẢN SAO)'],
    ['Bản sao Giấy khai sinh'],
    ['GIẤY CHỨNG NHẬN', 'KHAI SINH'],
  ]);
  y = p.row(
    y,
    [
      { label: 'Số', value: f['document.number']!, key: 'document.number' },
      { label: 'Quyển số', value: f['document.bookNumber']!, key: 'document.bookNumber' },
    ],
    [110, 420],
  );
  y = p.row(y, [{ label: 'Họ và tên', value: upper(f['person.fullName']!), key: 'person.fullName' }]);
  y = p.row(
    y,
    [
      { label: 'Giới tính', value: sexToVietnamese(f['person.sex'] as Sex), key: 'person.sex' },
      { label: 'Dân tộc', value: f['person.ethnicity']!, key: 'person.ethnicity' },
      { label: 'Quốc tịch', value: f['person.nationality']!, key: 'person.nationality' },
    ],
    [110, 400, 700],
  );
  y = labelAbove(
    p,
    y,
    rng.pick(['Sinh ngày', 'Ngày, tháng, năm sinh']),
    rng.pick([dateLong(f['person.birthDate']!), formatDateVn(f['person.birthDate']!)]),
    'person.birthDate',
  );
  y = p.row(y, [{ label: 'Bằng chữ', value: f['person.birthDate.words']!, key: 'person.birthDate.words' }]);
  y = p.row(y, [{ label: 'Nơi sinh', value: f['person.birthPlace']!, key: 'person.birthPlace' }]);
  const father = rel(doc, 'father');
  const mother = rel(doc, 'mother')!;
  const L = 110;
  const R = 650;
  const pair = (label: string, k: string, fmt: (v: string) => string = (v) => v, suffix = ['cha', 'mẹ']) => {
    const items = [];
    if (father)
      items.push({ label: `${label}${suffix[0] ? ` ${suffix[0]}` : ''}`, value: fmt(father[k]!), key: `father:${k}` });
    items.push({ label: `${label}${suffix[1] ? ` ${suffix[1]}` : ''}`, value: fmt(mother[k]!), key: `mother:${k}` });
    y = p.row(y + 2, items, father ? [L, R] : [R], father ? A4_WIDTH - 110 : A4_WIDTH - 110);
  };
  y += 8;
  pair('Họ và tên', 'person.fullName', upper);
  pair('Năm sinh', 'person.birthDate.year', (v) => v, ['', '']);
  pair('Dân tộc', 'person.ethnicity', (v) => v, ['', '']);
  pair('Quốc tịch', 'person.nationality', (v) => v, ['', '']);
  pair('Nơi thường trú', 'person.residence', (v) => v, ['', '']);
  const d = rel(doc, 'declarant')!;
  y = p.row(y + 6, [
    { label: 'Họ và tên người đi khai sinh', value: upper(d['person.fullName']!), key: 'declarant:person.fullName' },
  ]);
  y = p.row(y, [
    {
      label: 'Quan hệ với người được khai sinh',
      value: d['person.relationship']!,
      key: 'declarant:person.relationship',
    },
  ]);
  y = p.row(y, [{ label: 'Nơi đăng ký', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(y, [
    {
      label: rng.pick(['Ngày, tháng, năm đăng ký', 'Đăng ký ngày']),
      value: dateLong(f['document.issueDate']!),
      key: 'document.issueDate',
    },
  ]);
  signerBlock(p, rng, A4_WIDTH - 330, y + 20, CHAIR, upper(f['document.signer']!), 'document.signer');
  return [p.done()];
}

/**
 * Giấy khai sinh in ruled cells (the layout of TT 01/2022 electronic copies printed on paper): a `Nội dung |
 * Thông tin` table for the child, the parents in a `Người mẹ | Người cha` table, the register number and book
 * at the top right, the title on two lines (`TRÍCH LỤC` / `KHAI SINH`) or mixed case, capitals for names, the
 * declarant's name under its label, the registration date in words.
 */
function birthCells(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(
    rng,
    style({
      labelFont: 'serif',
      valueFont: 'serif-bold',
      headingFont: 'serif-bold',
      size: 20,
      lineHeight: 34,
      paper: '#fbfbff',
    }),
  );
  mottoVariant(p, rng, 100, A4_WIDTH / 2, 23);
  p.text('Số', 820, 200, {});
  p.text(`${f['document.number']}`, 870, 200, { font: 'serif-bold' }, 'document.number');
  p.text('Quyển số', 820, 236, {});
  p.text(f['document.bookNumber']!, 925, 236, { font: 'serif-bold' }, 'document.bookNumber');
  let y = titleVariant(p, rng, 290, [['TRÍCH LỤC', 'KHAI SINH'], ['Giấy Khai Sinh'], ['GIẤY KHAI SINH']], 36);
  y = p.table(
    y + 10,
    ['Nội dung', 'Thông tin'],
    [
      { label: 'Họ, chữ đệm, tên', values: [{ value: upper(f['person.fullName']!), key: 'person.fullName' }] },
      {
        label: 'Ngày, tháng, năm sinh',
        values: [{ value: dateLong(f['person.birthDate']!, false, true), key: 'person.birthDate' }],
      },
      { label: 'Ghi bằng chữ', values: [{ value: f['person.birthDate.words']!, key: 'person.birthDate.words' }] },
      { label: 'Giới tính', values: [{ value: sexToVietnamese(f['person.sex'] as Sex), key: 'person.sex' }] },
      { label: 'Dân tộc', values: [{ value: f['person.ethnicity']!, key: 'person.ethnicity' }] },
      { label: 'Quốc tịch', values: [{ value: f['person.nationality']!, key: 'person.nationality' }] },
      { label: 'Nơi sinh', values: [{ value: f['person.birthPlace']!, key: 'person.birthPlace' }] },
      { label: 'Quê quán', values: [{ value: f['person.hometown']!, key: 'person.hometown' }] },
      { label: 'Số định danh cá nhân', values: [{ value: f['person.idNumber']!, key: 'person.idNumber' }] },
    ],
    [330, 700],
  );
  const mother = rel(doc, 'mother')!;
  const father = rel(doc, 'father');
  const cell = (
    r: Record<string, string> | undefined,
    role: string,
    k: string,
    fmt: (v: string) => string = (v) => v,
  ) => (r ? { value: fmt(r[k]!), key: `${role}:${k}` } : { value: '' });
  y = p.table(
    y + 30,
    ['', 'Người mẹ', 'Người cha'],
    [
      {
        label: 'Họ, chữ đệm, tên',
        values: [cell(mother, 'mother', 'person.fullName', upper), cell(father, 'father', 'person.fullName', upper)],
      },
      {
        label: 'Năm sinh',
        values: [cell(mother, 'mother', 'person.birthDate.year'), cell(father, 'father', 'person.birthDate.year')],
      },
      {
        label: 'Dân tộc',
        values: [cell(mother, 'mother', 'person.ethnicity'), cell(father, 'father', 'person.ethnicity')],
      },
      {
        label: 'Quốc tịch',
        values: [cell(mother, 'mother', 'person.nationality'), cell(father, 'father', 'person.nationality')],
      },
      {
        label: 'Nơi cư trú',
        values: [cell(mother, 'mother', 'person.residence'), cell(father, 'father', 'person.residence')],
      },
    ],
    [250, 390, 390],
  );
  const d = rel(doc, 'declarant')!;
  y = labelAbove(
    p,
    y + 10,
    'Họ, chữ đệm, tên người đi khai sinh',
    upper(d['person.fullName']!),
    'declarant:person.fullName',
  );
  y = p.row(y, [
    {
      label: 'Quan hệ với người được khai sinh',
      value: d['person.relationship']!,
      key: 'declarant:person.relationship',
    },
  ]);
  y = p.row(y, [{ label: 'Nơi đăng ký khai sinh', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(y, [{ label: 'Ngày đăng ký', value: wordsDate(f['document.issueDate']!), key: 'document.issueDate' }]);
  signerBlock(p, rng, A4_WIDTH - 330, y, ['NGƯỜI KÝ TRÍCH LỤC'], f['document.signer'], 'document.signer');
  return [p.done()];
}

/** A synthetic 9-digit CMND number (the old ID card) for a person of an older certificate. */
const cmndFor = (rng: Rng): string => `${rng.int(10, 38)}${String(rng.int(0, 9999999)).padStart(7, '0')}`;

/** Marriage certificates of the 2000s: 12 years older, each party's ID the 9-digit CMND (`person.oldIdNumber`). */
const cmndMarriageDocs = (seed: number, count: number): SyntheticDocument[] =>
  generateCivilDocuments('giay-chung-nhan-ket-hon', seed, count).map((d) => {
    const s = shiftYears(d, 12);
    const rng = createRng(`cmnd:${s.slug}`);
    for (const fields of [s.fields, ...s.relations.map((r) => r.fields)]) {
      delete fields['person.idNumber'];
      fields['person.oldIdNumber'] = cmndFor(rng);
    }
    return s;
  });

/**
 * Giấy chứng nhận kết hôn of the 2005–2015 model (NĐ 158/2005), typed in one column: title variants (one line,
 * mixed case, `GIẤY CHỨNG NHẬN` / `KẾT HÔN` on two lines), `Số` and `Quyển số` at the top left, labels naming
 * the party (`Họ và tên chồng`, `Ngày, tháng, năm sinh của vợ`), ethnicity and nationality on one line, the
 * 9-digit CMND (`Số Giấy CMND`), the registration date as `ngày … tháng … năm …`.
 */
function marriageNd158(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const w = spouseOf(doc);
  const p = nd158Page(doc, rng, '#fffdf9');
  p.text('Số', 110, 190, {});
  p.text(f['document.number']!, 150, 190, { font: 'bold' }, 'document.number');
  p.text('Quyển số', 110, 224, {});
  p.text(f['document.bookNumber']!, 215, 224, { font: 'bold' }, 'document.bookNumber');
  let y = titleVariant(p, rng, 290, [
    ['GIẤY CHỨNG NHẬN KẾT HÔN'],
    ['GIẤY CHỨNG NHẬN', 'KẾT HÔN'],
    ['Giấy chứng nhận kết hôn'],
  ]);
  const idLabel = rng.pick(['Số Giấy CMND', 'Số CMND', 'Giấy CMND số']);
  for (const [who, pre, v] of [
    ['chồng', '', f],
    ['vợ', 'spouse:', w],
  ] as const) {
    y = p.row(y, [{ label: `Họ và tên ${who}`, value: upper(v['person.fullName']!), key: `${pre}person.fullName` }]);
    y = p.row(y, [
      {
        label: rng.pick(['Ngày, tháng, năm sinh', 'Sinh ngày']),
        value: rng.pick([formatDateVn(v['person.birthDate']!), dateLong(v['person.birthDate']!)]),
        key: `${pre}person.birthDate`,
      },
    ]);
    y = p.row(
      y,
      [
        { label: 'Dân tộc', value: v['person.ethnicity']!, key: `${pre}person.ethnicity` },
        { label: 'Quốc tịch', value: v['person.nationality']!, key: `${pre}person.nationality` },
      ],
      [110, 520],
    );
    y = p.row(y, [{ label: 'Nơi thường trú', value: v['person.residence']!, key: `${pre}person.residence` }]);
    y = p.row(y, [{ label: idLabel, value: v['person.oldIdNumber']!, key: `${pre}person.oldIdNumber` }]);
    y += 12;
  }
  y = p.row(y, [{ label: 'Nơi đăng ký kết hôn', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(y, [
    {
      label: rng.pick(['Ngày, tháng, năm đăng ký', 'Đăng ký ngày']),
      value: dateLong(f['document.issueDate']!),
      key: 'document.issueDate',
    },
  ]);
  p.c.text('Chồng', 220, y + 20, { font: 'bold', size: 21, anchor: 'middle' });
  p.c.text('Vợ', 480, y + 20, { font: 'bold', size: 21, anchor: 'middle' });
  signerBlock(p, rng, A4_WIDTH - 330, y + 20, CHAIR, upper(f['document.signer']!), 'document.signer');
  return [p.done()];
}

/**
 * Giấy chứng nhận kết hôn with the parties side by side (`THÔNG TIN NGƯỜI CHỒNG` | `THÔNG TIN NGƯỜI VỢ`), the
 * same labels in each column and the values under them, the birth date as `ngày … tháng … năm …`, the personal ID number,
 * the number and book at the bottom on one line, the
 * registration date in words; phone photos.
 */
function marriageColumns(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const w = spouseOf(doc);
  const p = new FormPage(
    rng,
    style({
      labelFont: 'condensed',
      valueFont: 'condensed-bold',
      headingFont: 'condensed-bold',
      size: 21,
      lineHeight: 34,
      valueBelow: true,
      paper: '#fbf8f1',
    }),
  );
  let y = mottoVariant(p, rng, 110, A4_WIDTH / 2, 23);
  y = titleVariant(
    p,
    rng,
    y + 20,
    [['GIẤY CHỨNG NHẬN', 'KẾT HÔN'], ['GIẤY CHỨNG NHẬN KẾT HÔN'], ['Giấy Chứng Nhận Kết Hôn']],
    36,
  );
  const L = 110;
  const R = 650;
  p.text('THÔNG TIN NGƯỜI CHỒNG', L, y, { font: 'condensed-bold', size: 22 });
  p.text('THÔNG TIN NGƯỜI VỢ', R, y, { font: 'condensed-bold', size: 22 });
  y += 44;
  const both = (label: string, k: string, fmt: (v: string) => string = (v) => v) => {
    y = p.row(
      y,
      [
        { label, value: fmt(f[k]!), key: k },
        { label, value: fmt(w[k]!), key: `spouse:${k}` },
      ],
      [L, R],
    );
  };
  both('Họ, chữ đệm, tên', 'person.fullName', upper);
  both('Ngày, tháng, năm sinh', 'person.birthDate', (v) => dateLong(v));
  both('Dân tộc', 'person.ethnicity');
  both('Quốc tịch', 'person.nationality');
  both('Nơi cư trú', 'person.residence');
  both('Số định danh cá nhân', 'person.idNumber');
  y += 10;
  p.style.valueBelow = false;
  y = p.row(y, [{ label: 'Nơi đăng ký', value: f['document.issuer']!, key: 'document.issuer' }]);
  y = p.row(y, [
    { label: 'Ngày, tháng, năm đăng ký', value: wordsDate(f['document.issueDate']!), key: 'document.issueDate' },
  ]);
  y = p.row(
    y,
    [
      { label: 'Số', value: f['document.number']!, key: 'document.number' },
      { label: 'Quyển số', value: f['document.bookNumber']!, key: 'document.bookNumber' },
    ],
    [110, 400],
  );
  signerBlock(
    p,
    rng,
    A4_WIDTH - 330,
    y + 20,
    ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    f['document.signer'],
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
    family: 'nd158-typed',
    description:
      'Bản sao of the 2005–2015 model (NĐ 158/2005), typed: agency header, title in one line, mixed case or on two lines ("GIẤY CHỨNG NHẬN" / "KHAI SINH"), "Số" and "Quyển số" on one line, "Họ và tên" in capitals, sex, ethnicity and nationality on one line, the birth date on the line below its label, parents side by side ("Họ và tên cha" | "Họ và tên mẹ"), no hometown, no ID number.',
    heldOut: false,
    capture: 'scanner',
    generate: (seed, count) =>
      birthDocs(seed, count).map((d) => {
        const s = shiftYears(d, 14);
        delete s.fields['person.idNumber'];
        delete s.fields['person.hometown'];
        return s;
      }),
    draw: birthNd158,
  },
  {
    type: 'giay-khai-sinh',
    family: 'cells-2022',
    description:
      'Ruled cells (TT 01/2022 copies printed on paper): a "Nội dung | Thông tin" table for the child, a "Người mẹ | Người cha" table, number and book at the top right, the title on two lines ("TRÍCH LỤC" / "KHAI SINH") or mixed case, capitals for names, the declarant\'s name under its label, the registration date in words; phone photos.',
    heldOut: false,
    capture: 'phone',
    generate: birthDocs,
    draw: birthCells,
  },
  {
    type: 'giay-khai-sinh',
    family: 'old-1990s',
    description:
      '1990s model: "Họ và tên", "Nam hay nữ", "Sinh ngày … tháng … năm …", labels without colons on dotted lines, italic handwriting-like values, parents in a Cha | Mẹ table, "người đứng khai", no ID number, registration date in words.',
    // Retired from held out in session 13: reader engineers read this file to add families.
    heldOut: false,
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
    // Retired from held out in session 13: reader engineers read this file to add families.
    heldOut: false,
    capture: 'phone',
    generate: oldMarriageDocs,
    draw: marriageOld,
  },
  {
    type: 'giay-chung-nhan-ket-hon',
    family: 'nd158-cmnd',
    description:
      '2005–2015 model (NĐ 158/2005), typed in one column: title variants (one line, mixed case, "GIẤY CHỨNG NHẬN" / "KẾT HÔN"), "Số" and "Quyển số" at the top left, "Họ và tên chồng" / "Họ và tên vợ", ethnicity and nationality on one line, the 9-digit CMND ("Số Giấy CMND") as person.oldIdNumber, the registration date as "ngày … tháng … năm …".',
    heldOut: false,
    capture: 'scanner',
    generate: cmndMarriageDocs,
    draw: marriageNd158,
  },
  {
    type: 'giay-chung-nhan-ket-hon',
    family: 'columns',
    description:
      'The parties side by side ("THÔNG TIN NGƯỜI CHỒNG" | "THÔNG TIN NGƯỜI VỢ") with the same labels in each column and values under them, birth dates as "ngày … tháng … năm …", the number and book at the bottom on one line, the registration date in words; phone photos.',
    heldOut: false,
    capture: 'phone',
    generate: (seed, count) => generateCivilDocuments('giay-chung-nhan-ket-hon', seed, count),
    draw: marriageColumns,
  },
];
