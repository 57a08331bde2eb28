/**
 * HELD OUT (third round). Engineers who work on the readers (packages/extract) must not open the files
 * of this folder, nor look at the images or printed text of the families drawn here: only at the figures
 * `pnpm eval:layouts` prints for them. See the rule at the top of `seeds/src/layout-families.ts`.
 *
 * The drawing helpers the third-round held-out families share; only the low-level kit (`FormPage`'s
 * canvas, seal, signature and `record`) comes from outside this folder.
 */
import { A4_WIDTH } from '../../internal/a4';
import type { TextStyle } from '../../internal/canvas';
import type { FontName } from '../../internal/fonts';
import type { FormPage } from '../../internal/form-kit';
import type { Box } from '../../types';

export interface SheetFonts {
  label: TextStyle;
  value: TextStyle;
  head: FontName;
}

/** The state of one page being filled top to bottom. */
export class Sheet {
  y: number;
  constructor(
    readonly p: FormPage,
    readonly f: SheetFonts,
    y: number,
    readonly left = 110,
    readonly right = A4_WIDTH - 110,
    readonly lh = 38,
    /** Dotted printed rules under each value line, to the right edge (a blank filled in by typewriter). */
    readonly leaders = false,
  ) {
    this.y = y;
  }

  private rule(boxes: Box[], labelEnd: number): void {
    if (!this.leaders) return;
    boxes.forEach((b, i) => {
      const y = b.y + b.height + 3;
      const x1 = i === 0 ? labelEnd : this.left;
      this.p.c.raw(
        `<line x1="${x1.toFixed(1)}" y1="${y}" x2="${this.right}" y2="${y}" stroke="${this.p.style.ink}" stroke-width="1.3" stroke-dasharray="1.5 5"/>`,
      );
    });
  }

  /** Wrap `value` from `x` (first line) and `x2` (next lines) to `right`; returns the boxes drawn. */
  private flow(value: string, x: number, x2: number, style: TextStyle = this.f.value): Box[] {
    const c = this.p.c;
    const first = c.wrap(value, this.right - x, style);
    const head = first[0] ?? '';
    const rest = value.slice(head.length).trim();
    const boxes = [c.text(head, x, this.y, style)];
    for (const l of rest === '' ? [] : c.wrap(rest, this.right - x2, style)) {
      this.y += this.lh;
      boxes.push(c.text(l, x2, this.y, style));
    }
    return boxes;
  }

  /** `label` at the left margin, the value from a fixed tab column `tab` (wrapping under the tab). */
  tab(label: string, value: string, key: string | undefined, tab: number, x = this.left): void {
    this.p.c.text(label, x, this.y, this.f.label);
    const start = Math.max(tab, x + this.p.c.measure(`${label}  `, this.f.label));
    this.p.record(key, value, this.flow(value, start, tab));
    this.y += this.lh;
  }

  /** Several `label value` cells on one line, each cell starting at its x. */
  cells(items: Array<{ label: string; value: string; key?: string; x: number }>): void {
    for (const it of items) {
      this.p.c.text(it.label, it.x, this.y, this.f.label);
      const vx = it.x + this.p.c.measure(`${it.label} `, this.f.label);
      this.p.record(it.key, it.value, [this.p.c.text(it.value, vx, this.y, this.f.value)]);
    }
    this.y += this.lh;
  }

  /** A small label line with the value on the line(s) under it, from `x` to `right` (or `to`). */
  above(label: string, value: string, key: string | undefined, x = this.left, to = this.right): number {
    const c = this.p.c;
    const small: TextStyle = { ...this.f.label, size: Math.round(this.f.label.size * 0.82), fill: '#555' };
    c.text(label, x, this.y, small);
    let y = this.y + Math.round(this.lh * 0.95);
    const boxes = c
      .wrap(value, to - x - 10, this.f.value)
      .map((l, i) => c.text(l, x + 8, y + i * this.lh, this.f.value));
    y += (boxes.length - 1) * this.lh;
    this.p.record(key, value, boxes);
    return y;
  }

  /** Label and value on one line, the value wrapping flush left under the label. */
  inline(label: string, value: string, key: string | undefined, x = this.left): void {
    this.p.c.text(label, x, this.y, this.f.label);
    const vx = x + this.p.c.measure(`${label} `, this.f.label);
    const boxes = this.flow(value, vx, x);
    this.rule(boxes, vx - 4);
    this.p.record(key, value, boxes);
    this.y += this.lh;
  }

  heading(text: string, size = this.f.label.size + 1, x = this.left): void {
    this.p.c.text(text, x, this.y, { font: this.f.head, size, fill: this.f.label.fill });
    this.y += this.lh;
  }

  gap(px: number): void {
    this.y += px;
  }
}

/** Agency lines and the national motto side by side; the agency lines recorded under `key`. */
export function letterhead(
  p: FormPage,
  agency: readonly string[],
  y: number,
  key: string,
  font: FontName,
  size = 20,
): number {
  const ink = p.style.ink;
  const lines = agency.map((l, i) => p.c.text(l, 310, y + i * 29, { font, size, anchor: 'middle', fill: ink }));
  p.c.rect(260, y + (agency.length - 1) * 29 + 11, 100, 1.4, `fill="${ink}"`);
  p.record(key, agency.join(' '), lines);
  p.c.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 865, y, { font, size, anchor: 'middle', fill: ink });
  p.c.text('Độc lập - Tự do - Hạnh phúc', 865, y + 29, { font, size: size + 1, anchor: 'middle', fill: ink });
  p.c.rect(865 - 125, y + 40, 250, 1.4, `fill="${ink}"`);
  return y + Math.max(agency.length, 2) * 29 + 46;
}

/** A signer's title lines, a signature, a seal pressed over the title's lower half. */
export function signOff(p: FormPage, cx: number, y: number, titles: readonly string[], font: FontName): number {
  titles.forEach((t, i) => p.c.text(t, cx, y + i * 30, { font, size: 21, anchor: 'middle', fill: p.style.ink }));
  const sy = y + titles.length * 30 + 60;
  p.signature(cx + p.rng.int(-30, 30), sy);
  p.seal(cx - p.rng.int(40, 90), y + titles.length * 30 + p.rng.int(10, 40), 78);
  return sy + 80;
}

/** The national motto centred on an A4 page at `y`, the second line `dy` below, a rule `w` wide under it. */
export function centredMotto(p: FormPage, y: number, dy: number, w: number, thick: number): void {
  const ink = p.style.ink;
  p.c.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 620, y, { font: 'serif-bold', size: 25, anchor: 'middle', fill: ink });
  p.c.text('Độc lập - Tự do - Hạnh phúc', 620, y + dy, { font: 'serif-bold', size: 24, anchor: 'middle', fill: ink });
  p.c.rect(620 - w / 2, y + dy + 12, w, thick, `fill="${ink}"`);
}
