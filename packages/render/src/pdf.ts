import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { isSohoaError, SohoaError } from '@sohoa/core';
import { readFont } from './internal/font';
import { listItems, printable, valueAt } from './internal/schema-walk';
import type { RenderableForm, RenderPdfOptions, RenderSchema } from './types';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 56, bottom: 56, left: 62, right: 56 };
const INDENT = 14;
const BLACK = rgb(0, 0, 0);
const REVIEW = rgb(0.75, 0.33, 0);
const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

interface Run {
  text: string;
  font: PDFFont;
  color: RGB;
}

class Writer {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly size: number,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  private ensure(height: number): void {
    if (this.y - height >= MARGIN.bottom) return;
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  gap(points: number): void {
    this.y -= points;
  }

  centred(text: string, font: PDFFont, size: number, underline = false): void {
    const maxWidth = A4[0] - MARGIN.left - MARGIN.right;
    for (const line of wrap([{ text, font, color: BLACK }], size, maxWidth)) {
      const width = line.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
      this.ensure(size * 1.4);
      this.y -= size * 1.4;
      const x = (A4[0] - width) / 2;
      this.page.drawText(line.map((r) => r.text).join(''), { x, y: this.y, size, font });
      if (underline) {
        this.page.drawLine({
          start: { x, y: this.y - 3 },
          end: { x: x + width, y: this.y - 3 },
          thickness: 0.6,
          color: BLACK,
        });
      }
    }
  }

  /** Lines centred in the right half of the page (signature block); `null` leaves a signing gap. */
  rightBlock(lines: Array<{ text: string; font: PDFFont } | null>, size: number): void {
    const left = A4[0] / 2;
    const width = A4[0] - MARGIN.right - left;
    this.ensure(lines.length * size * 1.5 + size * 3);
    for (const line of lines) {
      if (line === null) {
        this.y -= size * 4;
        continue;
      }
      for (const wrapped of wrap([{ text: line.text, font: line.font, color: BLACK }], size, width)) {
        this.y -= size * 1.5;
        const text = wrapped.map((r) => r.text).join('');
        const x = left + (width - line.font.widthOfTextAtSize(text, size)) / 2;
        this.page.drawText(text, { x, y: this.y, size, font: line.font });
      }
    }
  }

  /** Runs wrapped at the text width; `leader` fills the rest of the last line with dots. */
  paragraph(runs: Run[], depth: number, leader?: PDFFont): void {
    const size = this.size;
    const left = MARGIN.left + depth * INDENT;
    const maxWidth = A4[0] - MARGIN.right - left;
    const lines = wrap(runs, size, maxWidth);
    lines.forEach((line, index) => {
      this.ensure(size * 1.5);
      this.y -= size * 1.5;
      let x = left;
      for (const run of line) {
        this.page.drawText(run.text, { x, y: this.y, size, font: run.font, color: run.color });
        x += run.font.widthOfTextAtSize(run.text, size);
      }
      if (leader && index === lines.length - 1) {
        const dot = leader.widthOfTextAtSize('.', size);
        const count = Math.max(0, Math.floor((left + maxWidth - x - 2) / dot));
        if (count > 0) this.page.drawText('.'.repeat(count), { x: x + 2, y: this.y, size, font: leader, color: BLACK });
      }
    });
  }
}

/** Greedy word wrap of styled runs; words longer than a line are broken by character. */
function wrap(runs: Run[], size: number, maxWidth: number): Run[][] {
  const lines: Run[][] = [[]];
  let width = 0;
  const push = (piece: Run) => {
    const line = lines[lines.length - 1]!;
    const last = line[line.length - 1];
    if (last && last.font === piece.font && last.color === piece.color) last.text += piece.text;
    else line.push({ ...piece });
    width += piece.font.widthOfTextAtSize(piece.text, size);
  };
  for (const run of runs) {
    for (const token of run.text.split(/(\s+)/)) {
      if (token === '') continue;
      const tokenWidth = run.font.widthOfTextAtSize(token, size);
      if (/^\s+$/.test(token)) {
        if (width > 0) push({ ...run, text: ' ' });
        continue;
      }
      if (width + tokenWidth > maxWidth && width > 0) {
        const line = lines[lines.length - 1]!;
        const last = line[line.length - 1];
        if (last) last.text = last.text.trimEnd();
        lines.push([]);
        width = 0;
      }
      if (tokenWidth <= maxWidth) {
        push({ ...run, text: token });
        continue;
      }
      for (const char of token) {
        if (width + run.font.widthOfTextAtSize(char, size) > maxWidth && width > 0) {
          lines.push([]);
          width = 0;
        }
        push({ ...run, text: char });
      }
    }
  }
  return lines;
}

/**
 * Render a filled form as a flat A4 PDF: national motto, centred title, group titles, one
 * "label: value" paragraph per field (wrapped, over as many pages as needed); values awaiting review
 * are marked, empty fields get a dotted line; a signature block when the schema has `x-sohoa-signature`
 * (`{ title, note?, name?: JSON Pointer }`). The font (DejaVu Sans by default) is embedded as a subset.
 *
 * @example
 * const bytes = await renderPdf(fillForm(schema, profile), schema);
 */
export async function renderPdf(
  filled: RenderableForm,
  schema: RenderSchema,
  options: RenderPdfOptions = {},
): Promise<Uint8Array> {
  const items = listItems(schema, options.limits);
  const regularBytes = options.font ?? (await readFont('DejaVuSans.ttf', options.fontPath));
  const boldBytes =
    options.boldFont ?? (options.font || options.fontPath ? regularBytes : await readFont('DejaVuSans-Bold.ttf'));
  try {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const regular = await doc.embedFont(regularBytes, { subset: true });
    const bold = boldBytes === regularBytes ? regular : await doc.embedFont(boldBytes, { subset: true });
    const size = options.fontSize ?? 11;
    const title = options.title ?? (typeof schema.title === 'string' ? schema.title : 'Tờ khai');
    doc.setTitle(title);
    doc.setCreator('sohoa');
    doc.setLanguage('vi-VN');

    const writer = new Writer(doc, size);
    if (options.header !== false) {
      writer.centred(MOTTO[0]!, bold, size + 1);
      writer.centred(MOTTO[1]!, bold, size + 1, true);
      writer.gap(size * 1.6);
    }
    writer.centred(title.toLocaleUpperCase('vi'), bold, size + 3);
    writer.gap(size);

    const review = new Map(
      (filled.fields ?? []).filter((f) => f.status === 'needs-review').map((f) => [f.pointer, f.value]),
    );
    const mark = options.reviewMark ?? '(cần kiểm tra)';
    for (const item of items) {
      if (item.kind === 'group') {
        writer.gap(size * 0.4);
        writer.paragraph([{ text: item.title, font: bold, color: BLACK }], item.depth);
        continue;
      }
      const label: Run = { text: `${item.label.replace(/[\s:]+$/, '')}: `, font: regular, color: BLACK };
      const value = printable(valueAt(filled.data, item.pointer));
      const offered = review.has(item.pointer) ? printable(review.get(item.pointer)) : undefined;
      if (value !== undefined) {
        writer.paragraph([label, { text: value, font: bold, color: BLACK }], item.depth);
      } else if (offered !== undefined) {
        writer.paragraph([label, { text: `${offered} ${mark}`, font: bold, color: REVIEW }], item.depth);
      } else {
        writer.paragraph([label], item.depth, regular);
      }
    }
    const signature = schema['x-sohoa-signature'] as { title?: unknown; note?: unknown; name?: unknown } | undefined;
    if (signature && typeof signature.title === 'string') {
      const name = typeof signature.name === 'string' ? printable(valueAt(filled.data, signature.name)) : undefined;
      writer.gap(size);
      writer.rightBlock(
        [
          { text: signature.title.toLocaleUpperCase('vi'), font: bold },
          ...(typeof signature.note === 'string' ? [{ text: signature.note, font: regular }] : []),
          null,
          ...(name !== undefined ? [{ text: name, font: bold }] : []),
        ],
        size,
      );
    }
    return await doc.save();
  } catch (cause) {
    if (isSohoaError(cause)) throw cause;
    throw new SohoaError(
      'RENDER_FAILED',
      'The PDF could not be rendered; check that the font bytes are a TrueType/OpenType font covering Vietnamese and that the schema is a form schema.',
      { cause },
    );
  }
}
