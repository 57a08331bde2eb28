import type { Box } from '../types';
import type { Rng } from '../rng';
import { SvgCanvas, unionBox, type TextStyle } from './canvas';
import type { FontName } from './fonts';
import { A4_HEIGHT, A4_WIDTH } from './a4';

/**
 * A small kit for drawing a certificate in one layout family: its fonts, how labels end (colon, none,
 * dotted leader), whether a value sits beside its label or on the line below, values' case, bilingual
 * labels. Every value drawn under a key is recorded in `printed` exactly as printed, so the ground truth
 * says which fields a family prints and tests can check each value is on the page.
 */
export interface FormStyle {
  labelFont: FontName;
  valueFont: FontName;
  headingFont: FontName;
  /** Label size in px (150 dpi). */
  size: number;
  lineHeight: number;
  margin: number;
  /** Text after each label: `':'`, `''`, or `' :'`. */
  colon: string;
  /** Dotted leader drawn under the value (the old forms filled in by hand or typewriter). */
  leaders: boolean;
  /** The value on the line below its label, indented. */
  valueBelow: boolean;
  paper: string;
  ink: string;
  valueInk: string;
}

export interface FormItem {
  label: string;
  /** English label printed after the Vietnamese one (`Họ và tên / Full name`). */
  en?: string;
  value: string;
  /** Ground-truth key of the value (`person.fullName`, `mother:person.fullName`); absent: printed but not scored. */
  key?: string;
}

export interface DrawnForm {
  svg: string;
  /** Page size in px; absent means A4 at 150 dpi (1240 × 1754). An ID card family sets its card size. */
  width?: number;
  height?: number;
  boxes: Record<string, Box>;
  runs: Array<{ text: string; box: Box }>;
  /** Each scored key and its value exactly as printed. */
  printed: Record<string, string>;
  /** Characters the chosen fonts could not draw (must be empty). */
  missingGlyphs?: string[];
}

export class FormPage {
  readonly c: SvgCanvas;
  readonly boxes: Record<string, Box> = {};
  readonly printed: Record<string, string> = {};

  constructor(
    readonly rng: Rng,
    readonly style: FormStyle,
  ) {
    this.c = new SvgCanvas(A4_WIDTH, A4_HEIGHT);
    this.c.rect(0, 0, A4_WIDTH, A4_HEIGHT, `fill="${style.paper}"`);
  }

  get labelStyle(): TextStyle {
    return { font: this.style.labelFont, size: this.style.size, fill: this.style.ink };
  }

  get valueStyle(): TextStyle {
    return { font: this.style.valueFont, size: this.style.size + 1, fill: this.style.valueInk };
  }

  /** Record a value drawn outside `row` (a title line, a signature block). */
  record(key: string | undefined, value: string, boxes: Box[]): void {
    if (!key || boxes.length === 0) return;
    this.boxes[key] = unionBox(boxes);
    this.printed[key] = value;
  }

  text(text: string, x: number, y: number, style: Partial<TextStyle> & { font?: FontName }, key?: string): Box {
    const box = this.c.text(text, x, y, { ...this.labelStyle, ...style });
    this.record(key, text, [box]);
    return box;
  }

  centred(text: string, y: number, size: number, font: FontName = this.style.headingFont, fill = this.style.ink): Box {
    return this.c.text(text, A4_WIDTH / 2, y, { font, size, anchor: 'middle', fill });
  }

  labelText(item: FormItem): string {
    return `${item.label}${item.en ? ` / ${item.en}` : ''}${this.style.colon}`;
  }

  /**
   * Draw label/value items on one line from `x` (or at `columns[i]`); a last value too long wraps under
   * itself within `right`. With `valueBelow`, each value goes under its label. Returns the next baseline.
   */
  row(y: number, items: FormItem[], columns: number[] = [], right = A4_WIDTH - this.style.margin): number {
    const lh = this.style.lineHeight;
    let x = this.style.margin;
    let bottom = y;
    items.forEach((item, i) => {
      x = columns[i] ?? x;
      const label = this.labelText(item);
      this.c.text(label, x, y, this.labelStyle);
      const end = i < items.length - 1 && columns[i + 1] !== undefined ? columns[i + 1]! - 20 : right;
      let vx: number;
      let vy: number;
      if (this.style.valueBelow) {
        vx = x + 30;
        vy = y + lh;
      } else {
        vx = x + this.c.measure(`${label} `, this.labelStyle);
        vy = y;
      }
      const lines = this.c.wrap(item.value, Math.max(120, end - vx), this.valueStyle);
      const drawn = lines.map((l, k) =>
        this.c.text(l, k === 0 ? vx : Math.min(vx, x + 30), vy + k * lh, this.valueStyle),
      );
      // Dotted leaders sit 11 px under the baseline, clear of descenders and the dot-below tone mark, as on a
      // printed blank where the typed value stands on the dots.
      if (this.style.leaders) {
        lines.forEach((l, k) => {
          const lx = k === 0 ? vx : Math.min(vx, x + 30);
          const lend = i === items.length - 1 || columns[i + 1] === undefined ? end : columns[i + 1]! - 20;
          this.c.raw(
            `<line x1="${lx.toFixed(1)}" y1="${(vy + k * lh + 11).toFixed(1)}" x2="${lend.toFixed(1)}" y2="${(vy + k * lh + 11).toFixed(1)}" stroke="${this.style.ink}" stroke-width="1.6" stroke-dasharray="2 5"/>`,
          );
          void l;
        });
      }
      this.record(item.key, item.value, drawn);
      bottom = Math.max(bottom, vy + (lines.length - 1) * lh);
      x = vx + this.c.measure(item.value, this.valueStyle) + 40;
    });
    return bottom + lh + 4;
  }

  /**
   * A table with a label column and one value column per party (`Chồng | Vợ`), ruled; values wrap in
   * their cell. Returns the y below the table.
   */
  table(
    y: number,
    heads: string[],
    rows: Array<{ label: string; values: Array<{ value: string; key?: string }> }>,
    widths: number[],
  ): number {
    const x0 = this.style.margin - 20;
    const xs = [x0];
    for (const w of widths) xs.push(xs[xs.length - 1]! + w);
    const lh = this.style.lineHeight - 4;
    const top = y - lh + 8;
    heads.forEach((h, i) =>
      this.c.text(h, xs[i]! + widths[i]! / 2, y, {
        font: this.style.headingFont,
        size: this.style.size,
        anchor: 'middle',
        fill: this.style.ink,
      }),
    );
    y += 14;
    this.c.rect(x0, y, xs[xs.length - 1]! - x0, 1.5, `fill="${this.style.ink}"`);
    y += lh;
    for (const r of rows) {
      const labelLines = this.c.wrap(r.label, widths[0]! - 20, this.labelStyle);
      labelLines.forEach((l, k) => this.c.text(l, x0 + 10, y + k * lh, this.labelStyle));
      let height = labelLines.length;
      r.values.forEach((v, i) => {
        const lines = this.c.wrap(v.value, widths[i + 1]! - 20, this.valueStyle);
        const drawn = lines.map((l, k) => this.c.text(l, xs[i + 1]! + 10, y + k * lh, this.valueStyle));
        this.record(v.key, v.value, drawn);
        height = Math.max(height, lines.length);
      });
      y += height * lh - lh + 14;
      this.c.rect(x0, y, xs[xs.length - 1]! - x0, 1, `fill="${this.style.ink}" opacity="0.6"`);
      y += lh;
    }
    for (const x of xs) this.c.rect(x, top, 1.2, y - lh - top, `fill="${this.style.ink}" opacity="0.7"`);
    return y + 6;
  }

  /** A round red seal (partly transparent), as pressed over the signer's name or a value near it. */
  seal(cx: number, cy: number, r = 80): void {
    const c = this.c;
    c.raw(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#d0312d" stroke-width="5" opacity="0.55"/>`);
    c.raw(
      `<circle cx="${cx}" cy="${cy}" r="${r * 0.72}" fill="none" stroke="#d0312d" stroke-width="2" opacity="0.55"/>`,
    );
    c.raw(`<polygon points="${star(cx, cy, r * 0.28)}" fill="#d0312d" opacity="0.45"/>`);
  }

  /** A handwritten-looking signature stroke centred at `cx, cy`. */
  signature(cx: number, cy: number, ink = '#1b2a7a'): void {
    const path: string[] = [`M${cx - 70},${cy + 10}`];
    for (let i = 0; i < 7; i++)
      path.push(`q${this.rng.int(8, 28)},${this.rng.int(-45, -15)} ${this.rng.int(18, 36)},${this.rng.int(-5, 25)}`);
    this.c.raw(`<path d="${path.join(' ')}" fill="none" stroke="${ink}" stroke-width="3"/>`);
  }

  /** A rectangular frame around the page (the border of the printed blank). */
  frame(inset: number, double = false, color = '#7a5c2e'): void {
    this.c.rect(
      inset,
      inset,
      A4_WIDTH - 2 * inset,
      A4_HEIGHT - 2 * inset,
      `fill="none" stroke="${color}" stroke-width="3"`,
    );
    if (double)
      this.c.rect(
        inset + 10,
        inset + 10,
        A4_WIDTH - 2 * inset - 20,
        A4_HEIGHT - 2 * inset - 20,
        `fill="none" stroke="${color}" stroke-width="1.2"`,
      );
  }

  done(): DrawnForm {
    return {
      svg: this.c.toString(),
      boxes: this.boxes,
      runs: this.c.runs,
      printed: this.printed,
      missingGlyphs: [...this.c.missingGlyphs],
    };
  }
}

function star(cx: number, cy: number, r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.42;
    pts.push(`${(cx + Math.cos(a) * rr).toFixed(1)},${(cy + Math.sin(a) * rr).toFixed(1)}`);
  }
  return pts.join(' ');
}

const DIGIT_MONTHS = (iso: string): { d: string; m: string; y: string } => ({
  d: iso.slice(8, 10),
  m: iso.slice(5, 7),
  y: iso.slice(0, 4),
});

/** `ngày 04 tháng 3 năm 2022` (month without its leading zero, as often typed); `capital` starts with `Ngày`. */
export function dateLong(iso: string, capital = false, padMonth = false): string {
  const { d, m, y } = DIGIT_MONTHS(iso);
  return `${capital ? 'Ngày' : 'ngày'} ${d} tháng ${padMonth ? m : String(Number(m))} năm ${y}`;
}

/** `04-03-2022` or `04.03.2022`. */
export function dateSep(iso: string, sep: '-' | '.' | '/'): string {
  const { d, m, y } = DIGIT_MONTHS(iso);
  return `${d}${sep}${m}${sep}${y}`;
}

/** Mixed case name from capitals or as generated: `Nguyễn Văn An`. */
export const titleCase = (name: string): string =>
  name
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');

export const upper = (s: string): string => s.toLocaleUpperCase('vi');
