import { dateToVietnameseWords } from '@sohoa/vn';
import { A4_WIDTH } from '../internal/a4';
import type { FormPage, FormStyle } from '../internal/form-kit';
import type { Rng } from '../rng';
import type { SyntheticDocument } from '../types';

export const STYLE_BASE: FormStyle = {
  labelFont: 'sans',
  valueFont: 'bold',
  headingFont: 'bold',
  size: 24,
  lineHeight: 44,
  margin: 110,
  colon: ':',
  leaders: false,
  valueBelow: false,
  paper: '#fdfcf7',
  ink: '#1c1c1c',
  valueInk: '#101030',
};

export const style = (over: Partial<FormStyle>): FormStyle => ({ ...STYLE_BASE, ...over });

/** The national motto, centred (or at `cx`); returns the y below its rule. */
export function motto(p: FormPage, y: number, cx = A4_WIDTH / 2, size = 26, font = p.style.headingFont): number {
  p.c.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', cx, y, { font, size, anchor: 'middle', fill: p.style.ink });
  p.c.text('Độc lập - Tự do - Hạnh phúc', cx, y + size + 8, {
    font,
    size: size - 2,
    anchor: 'middle',
    fill: p.style.ink,
  });
  p.c.rect(cx - 150, y + size + 18, 300, 1.6, `fill="${p.style.ink}"`);
  return y + 2 * size + 50;
}

/** `ngày mười bốn tháng ba năm hai nghìn không trăm hai mươi` (lower case, no commas), as typed on older forms. */
export const wordsDate = (iso: string): string => dateToVietnameseWords(iso).replace(/,/g, '').replace(/^Ngày/, 'ngày');

/** Move every ISO date and bare year in a document `years` back (29 February becomes 28), for older models. */
export function shiftYears(doc: SyntheticDocument, years: number): SyntheticDocument {
  const shift = (k: string, v: string): string => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      const y = Number(v.slice(0, 4)) - years;
      const md = v.slice(5) === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '02-28' : v.slice(5);
      return `${y}-${md}`;
    }
    if (/(^|\.)year$/.test(k) && /^\d{4}$/.test(v)) return String(Number(v) - years);
    if (/\/\d{4}$/.test(v) && k === 'document.bookNumber') return v.replace(/\d{4}$/, (y) => String(Number(y) - years));
    return v;
  };
  const map = (f: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(f).map(([k, v]) => [k, shift(k, v)]));
  const fields = map(doc.fields);
  if (fields['person.birthDate.words'] && fields['person.birthDate'])
    fields['person.birthDate.words'] = dateToVietnameseWords(fields['person.birthDate']);
  return { ...doc, fields, relations: doc.relations.map((r) => ({ ...r, fields: map(r.fields) })) };
}

/** The signer's block: title lines, a signature and a seal pressed half over the name. */
export function signerBlock(
  p: FormPage,
  rng: Rng,
  cx: number,
  y: number,
  titles: readonly string[],
  name: string | undefined,
  key?: string,
): number {
  titles.forEach((t, i) =>
    p.c.text(t, cx, y + i * 32, { font: p.style.headingFont, size: 22, anchor: 'middle', fill: p.style.ink }),
  );
  const sy = y + titles.length * 32 + 70;
  p.signature(cx + rng.int(-20, 20), sy);
  if (name) {
    const box = p.c.text(name, cx, sy + 110, {
      font: p.style.valueFont,
      size: 24,
      anchor: 'middle',
      fill: p.style.valueInk,
    });
    p.record(key, name, [box]);
  }
  p.seal(cx - rng.int(60, 110), sy + rng.int(10, 50), 82);
  return sy + 150;
}

/** Record the value printed under `from` again under `to` (one printed fact, two truth keys). */
export function alias(p: FormPage, from: string, to: string): void {
  const box = p.boxes[from];
  const value = p.printed[from];
  if (box && value !== undefined) p.record(to, value, [box]);
}

/** Agency lines at the left, the motto at the right; records the agency lines under `key`. */
export function agencyHeader(p: FormPage, lines: readonly string[], y: number, key?: string, size = 21): number {
  const drawn = lines.map((l, i) =>
    p.c.text(l, 300, y + i * 30, { font: p.style.headingFont, size, anchor: 'middle', fill: p.style.ink }),
  );
  p.c.rect(240, y + (lines.length - 1) * 30 + 12, 120, 1.6, `fill="${p.style.ink}"`);
  p.record(key, lines.join(' '), drawn);
  motto(p, y, 870, size);
  return y + Math.max(lines.length, 2) * 30 + 50;
}
