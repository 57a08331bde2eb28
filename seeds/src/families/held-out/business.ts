/**
 * HELD OUT (third round): reader engineers do not open this file. See `./sheet.ts` and the rule at the
 * top of `seeds/src/layout-families.ts`.
 */
import { sexToVietnamese } from '@sohoa/vn';
import { generateBusinessDocuments, groupThousands } from '../../business-docs';
import { FormPage, dateLong, dateSep, titleCase, upper, type DrawnForm } from '../../internal/form-kit';
import type { LayoutFamily } from '../../layout-families';
import type { Rng } from '../../rng';
import type { Sex, SyntheticDocument } from '../../types';
import { STYLE_BASE } from '../common';
import { Sheet, letterhead, signOff } from './sheet';

type BusinessType = 'enterprise-registration' | 'household-business-registration';

/** Documents whose last registration falls in `[from, to)` and whose issuer matches, from a longer run of the seed. */
function registeredBetween(
  type: BusinessType,
  seed: number,
  count: number,
  from: string,
  to: string,
  issuer: RegExp,
): SyntheticDocument[] {
  const pool = generateBusinessDocuments(type, seed, count * 16 + 16);
  const fit = pool.filter((d) => {
    const last = d.fields['document.issueDate']!;
    return last >= from && last < to && issuer.test(d.fields['document.issuer']!);
  });
  // Too few in the window (a small seed run): take the others as they come rather than fail.
  return [...fit, ...pool.filter((d) => !fit.includes(d))].slice(0, count);
}

const person = (doc: SyntheticDocument): { role: string; r: Record<string, string> } => ({
  role: doc.relations[0]!.role,
  r: doc.relations[0]!.fields,
});

function enterprise(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const { role, r } = person(doc);
  const k = (x: string): string => `${role}:${x}`;
  const p = new FormPage(rng, {
    ...STYLE_BASE,
    labelFont: 'serif-condensed',
    valueFont: 'sans',
    headingFont: 'serif-condensed-bold',
    size: 21,
    lineHeight: 38,
    paper: '#fefefb',
    ink: '#202020',
    valueInk: '#141414',
  });
  p.c.rect(70, 70, 1100, 1614, 'fill="none" stroke="#34507a" stroke-width="1.4"');
  const m = /^Phòng Đăng ký kinh doanh - (Sở [^ ]+(?: [^ ]+)*?) ((?:tỉnh|thành phố) .+)$/.exec(f['document.issuer']!);
  const agency = m ? [upper(m[1]!), upper(m[2]!), 'PHÒNG ĐĂNG KÝ KINH DOANH'] : [upper(f['document.issuer']!)];
  const y = letterhead(p, agency, 120, 'document.issuer', 'serif-condensed-bold');
  p.c.text('GIẤY CHỨNG NHẬN ĐĂNG KÝ DOANH NGHIỆP', 620, y + 12, {
    font: 'serif-condensed-bold',
    size: 31,
    anchor: 'middle',
    fill: '#15306b',
  });
  const legal = upper(f['org.legalForm']!);
  p.record('org.legalForm', legal, [
    p.c.text(legal, 620, y + 50, { font: 'serif-condensed-bold', size: 24, anchor: 'middle', fill: '#15306b' }),
  ]);
  const s = new Sheet(
    p,
    {
      label: { font: 'serif-condensed', size: 21, fill: '#202020' },
      value: { font: 'sans', size: 21, fill: '#141414' },
      head: 'serif-condensed-bold',
    },
    y + 112,
    120,
    1120,
    37,
  );
  const tab = 500;
  s.tab('Mã số doanh nghiệp:', f['org.taxCode']!, 'org.taxCode', tab);
  s.tab('Đăng ký lần đầu:', dateLong(f['org.foundingDate']!, false, true), 'org.foundingDate', tab);
  if (f['document.amendmentNumber']) {
    // `Đăng ký thay đổi lần thứ: 3, ngày 12 tháng 04 năm 2019` on one line, two facts.
    p.c.text('Đăng ký thay đổi lần thứ:', s.left, s.y, s.f.label);
    const n = `${f['document.amendmentNumber']},`;
    const nb = p.c.text(n, tab, s.y, s.f.value);
    p.record('document.amendmentNumber', f['document.amendmentNumber'], [nb]);
    const d = dateLong(f['document.issueDate']!, false, true);
    p.record('document.issueDate', d, [p.c.text(d, nb.x + nb.width + 10, s.y, s.f.value)]);
    s.gap(s.lh);
  }
  s.gap(8);
  s.heading('1. Tên công ty');
  s.tab('Tên công ty viết bằng tiếng Việt:', f['org.name']!, 'org.name', tab);
  s.tab('Tên công ty viết bằng tiếng nước ngoài:', f['org.foreignName']!, 'org.foreignName', tab);
  s.tab('Tên công ty viết tắt:', f['org.shortName']!, 'org.shortName', tab);
  s.heading('2. Địa chỉ trụ sở chính');
  s.tab('Địa chỉ:', f['org.address']!, 'org.address', tab);
  s.cells([
    { label: 'Điện thoại:', value: f['org.phone']!, key: 'org.phone', x: s.left },
    { label: 'Fax:', value: '', x: 760 },
  ]);
  s.heading('3. Vốn điều lệ');
  s.tab('Vốn điều lệ:', `${groupThousands(f['org.capital']!)} đồng`, 'org.capital', tab);
  s.tab('Bằng chữ:', f['org.capital.words']!, 'org.capital.words', tab);
  if (f['org.businessLines']) s.tab('Ngành, nghề kinh doanh:', f['org.businessLines'], 'org.businessLines', tab);
  s.heading('4. Người đại diện theo pháp luật của công ty');
  s.cells([
    { label: 'Họ và tên:', value: upper(r['person.fullName']!), key: k('person.fullName'), x: s.left },
    { label: 'Giới tính:', value: sexToVietnamese(r['person.sex'] as Sex), key: k('person.sex'), x: 860 },
  ]);
  p.record('org.representative', p.printed[k('person.fullName')]!, [p.boxes[k('person.fullName')]!]);
  s.tab('Chức danh:', f['org.representative.position']!, 'org.representative.position', tab);
  s.cells([
    { label: 'Sinh ngày:', value: dateSep(r['person.birthDate']!, '/'), key: k('person.birthDate'), x: s.left },
    { label: 'Dân tộc:', value: r['person.ethnicity']!, key: k('person.ethnicity'), x: 520 },
    { label: 'Quốc tịch:', value: r['person.nationality']!, key: k('person.nationality'), x: 820 },
  ]);
  s.tab('Loại giấy tờ chứng thực cá nhân:', 'Thẻ căn cước công dân', undefined, tab);
  s.tab('Số giấy tờ chứng thực cá nhân:', r['person.idNumber']!, k('person.idNumber'), tab);
  p.record('org.representative.idNumber', r['person.idNumber']!, [p.boxes[k('person.idNumber')]!]);
  s.tab('Nơi đăng ký hộ khẩu thường trú:', r['person.permanentAddress']!, k('person.permanentAddress'), tab);
  s.tab('Chỗ ở hiện tại:', r['person.currentAddress']!, k('person.currentAddress'), tab);
  signOff(p, 900, s.y + 30, ['TRƯỞNG PHÒNG'], 'serif-condensed-bold');
  return [p.done()];
}

const householdAgency = (issuer: string): string[] => {
  const m = /^Phòng Tài chính - Kế hoạch (.+)$/.exec(issuer);
  if (m) return [`ỦY BAN NHÂN DÂN ${upper(m[1]!)}`, 'PHÒNG TÀI CHÍNH - KẾ HOẠCH'];
  return ['ỦY BAN NHÂN DÂN', upper(issuer.replace(/^Ủy ban nhân dân /, ''))];
};

function household(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const { role, r } = person(doc);
  const k = (x: string): string => `${role}:${x}`;
  const p = new FormPage(rng, {
    ...STYLE_BASE,
    labelFont: 'condensed',
    valueFont: 'serif-bold',
    headingFont: 'bold',
    size: 20,
    lineHeight: 36,
    paper: '#fbfaf4',
    ink: '#262626',
    valueInk: '#0d1a3a',
  });
  let y = letterhead(p, householdAgency(f['document.issuer']!), 110, 'document.issuer', 'bold', 19);
  p.c.text('GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH', 620, y + 14, {
    font: 'bold',
    size: 30,
    anchor: 'middle',
    fill: '#6b1111',
  });
  y += 70;
  const s = new Sheet(
    p,
    {
      label: { font: 'condensed', size: 21, fill: '#333' },
      value: { font: 'serif-bold', size: 22, fill: '#0d1a3a' },
      head: 'bold',
    },
    y,
    110,
    1130,
    34,
  );
  const mid = 640;
  // Two columns of label-above-value cells, light rules between the rows.
  const pair = (
    a: { label: string; value: string; key?: string },
    b?: { label: string; value: string; key?: string },
  ): void => {
    const top = s.y - 26;
    const endA = s.above(a.label, a.value, a.key, s.left, b ? mid - 20 : s.right);
    const endB = b ? s.above(b.label, b.value, b.key, mid, s.right) : endA;
    const bottom = Math.max(endA, endB) + 16;
    p.c.rect(s.left - 10, top, s.right - s.left + 20, 1, 'fill="#9a9a9a"');
    if (b) p.c.rect(mid - 12, top, 1, bottom - top, 'fill="#bdbdbd"');
    s.y = bottom + 32;
  };
  const date = (iso: string): string => dateSep(iso, '.');
  pair(
    { label: 'Mã số hộ kinh doanh', value: f['org.taxCode']!, key: 'org.taxCode' },
    { label: 'Đăng ký lần đầu, ngày', value: date(f['org.foundingDate']!), key: 'org.foundingDate' },
  );
  if (f['document.amendmentNumber'])
    pair(
      { label: 'Đăng ký thay đổi lần thứ', value: f['document.amendmentNumber'], key: 'document.amendmentNumber' },
      { label: 'Ngày đăng ký thay đổi', value: date(f['document.issueDate']!), key: 'document.issueDate' },
    );
  pair({ label: '1. Tên hộ kinh doanh', value: f['org.name']!, key: 'org.name' });
  pair({ label: '2. Địa điểm kinh doanh', value: f['org.address']!, key: 'org.address' });
  pair(
    { label: 'Điện thoại', value: f['org.phone']!, key: 'org.phone' },
    { label: '4. Vốn kinh doanh', value: `${groupThousands(f['org.capital']!)} đồng`, key: 'org.capital' },
  );
  pair({ label: '3. Ngành, nghề kinh doanh', value: f['org.businessLines']!, key: 'org.businessLines' });
  s.heading('5. Đại diện hộ kinh doanh', 21);
  s.gap(6);
  pair(
    { label: 'Họ và tên', value: titleCase(r['person.fullName']!), key: k('person.fullName') },
    { label: 'Giới tính', value: sexToVietnamese(r['person.sex'] as Sex), key: k('person.sex') },
  );
  p.record('org.representative', p.printed[k('person.fullName')]!, [p.boxes[k('person.fullName')]!]);
  pair(
    { label: 'Sinh ngày', value: date(r['person.birthDate']!), key: k('person.birthDate') },
    { label: 'Dân tộc', value: r['person.ethnicity']!, key: k('person.ethnicity') },
  );
  pair(
    { label: 'Quốc tịch', value: r['person.nationality']!, key: k('person.nationality') },
    { label: 'Số giấy tờ chứng thực cá nhân', value: r['person.idNumber']!, key: k('person.idNumber') },
  );
  p.record('org.representative.idNumber', r['person.idNumber']!, [p.boxes[k('person.idNumber')]!]);
  pair({
    label: 'Nơi đăng ký hộ khẩu thường trú',
    value: r['person.permanentAddress']!,
    key: k('person.permanentAddress'),
  });
  pair({ label: 'Chỗ ở hiện tại', value: r['person.currentAddress']!, key: k('person.currentAddress') });
  signOff(p, 880, s.y + 24, ['TRƯỞNG PHÒNG'], 'bold');
  return [p.done()];
}

const NOTE = 'Held-out family of the third round; its drawing is not described here so that it stays unseen.';

export const HELD_OUT_BUSINESS_FAMILIES: LayoutFamily[] = [
  {
    type: 'enterprise-registration',
    family: 'held-out-3',
    description: NOTE,
    heldOut: true,
    capture: 'phone',
    generate: (seed, count) =>
      registeredBetween('enterprise-registration', seed, count, '2015-07-01', '2021-01-01', /Kế hoạch và Đầu tư/),
    draw: enterprise,
  },
  {
    type: 'household-business-registration',
    family: 'held-out-3',
    description: NOTE,
    heldOut: true,
    capture: 'scanner',
    generate: (seed, count) =>
      registeredBetween('household-business-registration', seed, count, '2015-11-01', '2021-04-01', /^Phòng Tài chính/),
    draw: household,
  },
];
