/**
 * HELD OUT (third round): reader engineers do not open this file. See `./sheet.ts` and the rule at the
 * top of `seeds/src/layout-families.ts`.
 */
import { sexToVietnamese } from '@sohoa/vn';
import { generateCivilDocuments } from '../../civil';
import { A4_WIDTH } from '../../internal/a4';
import { FormPage, dateSep, titleCase, upper, type DrawnForm } from '../../internal/form-kit';
import type { LayoutFamily } from '../../layout-families';
import type { Rng } from '../../rng';
import type { Sex, SyntheticDocument } from '../../types';
import { STYLE_BASE, shiftYears } from '../common';
import { Sheet, centredMotto, letterhead } from './sheet';

const rel = (doc: SyntheticDocument, role: string): Record<string, string> | undefined =>
  doc.relations.find((r) => r.role === role)?.fields;

/** Registered before 2016 (the models before the personal number): dates moved back, no ID numbers. */
function beforeNumbers(doc: SyntheticDocument, i: number): SyntheticDocument {
  const year = Number(doc.fields['document.issueDate']!.slice(0, 4));
  const target = 2003 + ((i * 5) % 12);
  const s = shiftYears(doc, Math.max(0, year - target));
  delete s.fields['person.idNumber'];
  for (const r of s.relations) delete r.fields['person.idNumber'];
  return s;
}

function birthDocs(seed: number, count: number): SyntheticDocument[] {
  return generateCivilDocuments('giay-khai-sinh', seed + 303, count).map((d, i) => {
    const s = beforeNumbers(d, i);
    const father = rel(s, 'father');
    const byFather = father !== undefined && i % 3 === 1;
    const who = byFather ? father : rel(s, 'mother')!;
    s.relations.push({
      role: 'declarant',
      fields: { 'person.fullName': who['person.fullName']!, 'person.relationship': byFather ? 'Cha' : 'Mẹ' },
    });
    return s;
  });
}

/** Signer block: titles, signature, seal over the titles, the signer's name recorded. */
function signer(
  p: FormPage,
  cx: number,
  y: number,
  titles: readonly string[],
  name: string,
  font: 'bold' | 'serif-bold',
): number {
  titles.forEach((t, i) => p.c.text(t, cx, y + i * 30, { font, size: 21, anchor: 'middle', fill: p.style.ink }));
  const sy = y + titles.length * 30 + 64;
  p.signature(cx + p.rng.int(-20, 20), sy);
  p.seal(cx - p.rng.int(70, 110), y + titles.length * 30 + 10, 76);
  const box = p.c.text(name, cx, sy + 92, { font, size: 23, anchor: 'middle', fill: p.style.valueInk });
  p.record('document.signer', name, [box]);
  return sy + 120;
}

function birth(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const p = new FormPage(rng, {
    ...STYLE_BASE,
    labelFont: 'serif',
    valueFont: 'sans',
    headingFont: 'serif-bold',
    paper: '#fbf6e9',
    ink: '#2d2418',
    valueInk: '#17174f',
  });
  p.c.rect(56, 56, A4_WIDTH - 112, 1754 - 112, 'fill="none" stroke="#8a6d3b" stroke-width="5"');
  p.c.rect(70, 70, A4_WIDTH - 140, 1754 - 140, 'fill="none" stroke="#8a6d3b" stroke-width="1.2"');
  const ink = p.style.ink;
  centredMotto(p, 150, 34, 300, 1.5);
  p.c.text('GIẤY KHAI SINH', 620, 270, { font: 'serif-bold', size: 40, anchor: 'middle', fill: '#6d1212' });
  p.c.text('(BẢN CHÍNH)', 620, 305, { font: 'serif', size: 20, anchor: 'middle', fill: ink });
  const value = { font: 'sans' as const, size: 22, fill: '#17174f' };
  const s = new Sheet(
    p,
    { label: { font: 'serif', size: 22, fill: ink }, value, head: 'serif-bold' },
    370,
    120,
    1120,
    42,
    true,
  );
  const right = (label: string, v: string, key: string, x: number): void => {
    p.c.text(label, x, s.y - s.lh, s.f.label);
    const vx = x + p.c.measure(`${label} `, s.f.label);
    p.record(key, v, [p.c.text(v, vx, s.y - s.lh, value)]);
  };
  s.cells([
    { label: 'Số:', value: f['document.number']!, key: 'document.number', x: 740 },
    { label: 'Quyển số:', value: f['document.bookNumber']!, key: 'document.bookNumber', x: 880 },
  ]);
  s.gap(6);
  s.inline('Họ và tên:', upper(f['person.fullName']!), 'person.fullName');
  s.inline('Giới tính:', sexToVietnamese(f['person.sex'] as Sex), 'person.sex');
  s.inline('Ngày, tháng, năm sinh:', dateSep(f['person.birthDate']!, '/'), 'person.birthDate');
  s.inline('Ghi bằng chữ:', f['person.birthDate.words']!, 'person.birthDate.words');
  s.inline('Nơi sinh:', f['person.birthPlace']!, 'person.birthPlace');
  s.inline('Dân tộc:', f['person.ethnicity']!, 'person.ethnicity');
  right('Quốc tịch:', f['person.nationality']!, 'person.nationality', 640);
  s.inline('Quê quán:', f['person.hometown']!, 'person.hometown');
  s.gap(10);
  for (const [role, word] of [
    ['father', 'cha'],
    ['mother', 'mẹ'],
  ] as const) {
    const r = rel(doc, role);
    if (!r) continue;
    const k = (x: string): string => `${role}:${x}`;
    s.inline(`Họ và tên ${word}:`, upper(r['person.fullName']!), k('person.fullName'));
    s.inline('Dân tộc:', r['person.ethnicity']!, k('person.ethnicity'));
    right('Quốc tịch:', r['person.nationality']!, k('person.nationality'), 520);
    right('Năm sinh:', r['person.birthDate.year']!, k('person.birthDate.year'), 880);
    s.inline('Nơi thường trú/tạm trú:', r['person.residence']!, k('person.residence'));
    s.gap(8);
  }
  const d = rel(doc, 'declarant')!;
  s.inline('Họ và tên người đi khai sinh:', titleCase(d['person.fullName']!), 'declarant:person.fullName');
  s.inline('Quan hệ với người được khai sinh:', d['person.relationship']!, 'declarant:person.relationship');
  s.inline('Nơi đăng ký:', f['document.issuer']!, 'document.issuer');
  s.inline('Ngày, tháng, năm đăng ký:', dateSep(f['document.issueDate']!, '/'), 'document.issueDate');
  signer(p, 880, s.y + 30, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], f['document.signer']!, 'serif-bold');
  return [p.done()];
}

/** The agency's lines from an issuer `Ủy ban nhân dân <ward>, <district>, <province>`. */
function agencyOf(issuer: string): string[] {
  const parts = issuer.replace(/^Ủy ban nhân dân /, '').split(', ');
  return ['ỦY BAN NHÂN DÂN', ...parts.map(upper)];
}

function marriage(doc: SyntheticDocument, rng: Rng): DrawnForm[] {
  const f = doc.fields;
  const w = rel(doc, 'spouse')!;
  const p = new FormPage(rng, {
    ...STYLE_BASE,
    labelFont: 'serif-condensed',
    valueFont: 'bold',
    headingFont: 'serif-condensed-bold',
    paper: '#fdfdfd',
    ink: '#1e1e1e',
    valueInk: '#111',
  });
  let y = letterhead(p, agencyOf(f['document.issuer']!), 110, 'document.issuer', 'serif-condensed-bold', 19);
  p.c.text('TRÍCH LỤC KẾT HÔN', 620, y + 20, {
    font: 'serif-condensed-bold',
    size: 36,
    anchor: 'middle',
    fill: '#111',
  });
  p.c.text('(Bản sao)', 620, y + 54, { font: 'serif-condensed', size: 21, anchor: 'middle', fill: '#333' });
  y += 110;
  const s = new Sheet(
    p,
    {
      label: { font: 'serif-condensed', size: 22, fill: '#1e1e1e' },
      value: { font: 'bold', size: 21, fill: '#111' },
      head: 'serif-condensed-bold',
    },
    y,
    120,
    1120,
    38,
  );
  s.cells([
    { label: 'Số:', value: f['document.number']!, key: 'document.number', x: 700 },
    { label: 'Quyển số:', value: f['document.bookNumber']!, key: 'document.bookNumber', x: 880 },
  ]);
  s.gap(6);
  const party = (who: 'chồng' | 'vợ', r: Record<string, string>, prefix: string): void => {
    const k = (x: string): string => `${prefix}${x}`;
    s.inline(`Họ, chữ đệm, tên người ${who}:`, upper(r['person.fullName']!), k('person.fullName'));
    s.inline('Ngày, tháng, năm sinh:', dateSep(r['person.birthDate']!, '/'), k('person.birthDate'));
    s.cells([
      { label: 'Dân tộc:', value: r['person.ethnicity']!, key: k('person.ethnicity'), x: s.left },
      { label: 'Quốc tịch:', value: r['person.nationality']!, key: k('person.nationality'), x: 560 },
    ]);
    s.inline('Nơi cư trú:', r['person.residence']!, k('person.residence'));
    if (r['person.idNumber']) {
      const label = 'Giấy tờ tùy thân:';
      p.c.text(label, s.left, s.y, s.f.label);
      const x = s.left + p.c.measure(`${label} `, s.f.label);
      const kind = 'Căn cước công dân số';
      const kx = x + p.c.measure(`${kind} `, { ...s.f.value, font: 'sans' });
      p.c.text(kind, x, s.y, { ...s.f.value, font: 'sans' });
      p.record(k('person.idNumber'), r['person.idNumber'], [p.c.text(r['person.idNumber'], kx, s.y, s.f.value)]);
      s.gap(s.lh);
    }
    s.gap(10);
  };
  party('chồng', f, '');
  party('vợ', w, 'spouse:');
  s.inline('Ngày, tháng, năm đăng ký kết hôn:', dateSep(f['document.issueDate']!, '.'), 'document.issueDate');
  signer(p, 880, s.y + 30, ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], f['document.signer']!, 'bold');
  return [p.done()];
}

const NOTE = 'Held-out family of the third round; its drawing is not described here so that it stays unseen.';

export const HELD_OUT_CIVIL_FAMILIES: LayoutFamily[] = [
  {
    type: 'giay-khai-sinh',
    family: 'held-out-3',
    description: NOTE,
    heldOut: true,
    capture: 'scanner',
    generate: birthDocs,
    draw: birth,
  },
  {
    type: 'giay-chung-nhan-ket-hon',
    family: 'held-out-3',
    description: NOTE,
    heldOut: true,
    capture: 'phone',
    generate: (seed, count) => generateCivilDocuments('giay-chung-nhan-ket-hon', seed + 303, count),
    draw: marriage,
  },
];
