import QRCode from 'qrcode';
import { formatDateVn } from '@sohoa/vn';
import type { Box, SyntheticPerson } from '../types';
import type { Rng } from '../rng';
import { unionBox, type SvgCanvas, type TextStyle } from './canvas';
import { CARD_X, CARD_Y, PX_PER_MM, drawCardBase } from './card-base';

const LABEL: TextStyle = { font: 'sans', size: 20, fill: '#1a1a1a' };
const VALUE: TextStyle = { font: 'sans', size: 24, fill: '#000' };

/** Draw a QR code (byte mode, UTF-8, quiet zone 4 modules) as SVG rects; returns its box. */
export function drawQr(c: SvgCanvas, payload: string, x: number, y: number, size: number): Box {
  const qr = QRCode.create([{ data: new TextEncoder().encode(payload), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const total = n + 8;
  const module = size / total;
  c.rect(x, y, size, size, 'fill="#fff"');
  const cells: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) {
        cells.push(
          `M${(x + (col + 4) * module).toFixed(2)},${(y + (row + 4) * module).toFixed(2)}h${module.toFixed(2)}v${module.toFixed(2)}h-${module.toFixed(2)}z`,
        );
      }
    }
  }
  c.raw(`<path d="${cells.join('')}" fill="#000" shape-rendering="crispEdges"/>`);
  return { x: Math.floor(x), y: Math.floor(y), width: Math.ceil(size), height: Math.ceil(size) };
}

export function signature(c: SvgCanvas, rng: Rng, x: number, y: number): void {
  let d = `M${x},${y}`;
  let px = x;
  for (let i = 0; i < 6; i++) {
    const nx = px + rng.float(18, 40);
    d += ` C${(px + 8).toFixed(1)},${(y - rng.float(10, 40)).toFixed(1)} ${(nx - 8).toFixed(1)},${(y + rng.float(5, 30)).toFixed(1)} ${nx.toFixed(1)},${(y + rng.float(-12, 12)).toFixed(1)}`;
    px = nx;
  }
  c.raw(`<path d="${d}" fill="none" stroke="#1b2a80" stroke-width="3" stroke-linecap="round"/>`);
}

export function fingerprint(c: SvgCanvas, rng: Rng, x: number, y: number, w: number, h: number): void {
  c.rect(x, y, w, h, 'fill="none" stroke="#777" stroke-width="1.5"');
  const cx = x + w / 2 + rng.float(-6, 6);
  const cy = y + h / 2 + rng.float(-6, 6);
  const rings: string[] = [];
  for (let r = 8; r < Math.min(w, h) * 0.42; r += 6) {
    rings.push(
      `<ellipse cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" rx="${(r * 0.8).toFixed(1)}" ry="${r}" fill="none" stroke="#9a9a9a" stroke-width="2"/>`,
    );
  }
  c.raw(rings.join(''));
}

/** Draw the back of a 2021 chip CCCD: marks, issue date, issuer, fingerprints, QR and MRZ. */
export function drawCccdBack(
  person: SyntheticPerson,
  rng: Rng,
): { svg: string; boxes: Record<string, Box>; textBoxes: Box[] } {
  const c = drawCardBase(rng, 'back');
  const X = (x: number): number => CARD_X + x;
  const Y = (y: number): number => CARD_Y + y;
  const boxes: Record<string, Box> = {};
  const left = X(40);

  const qrSize = 20 * PX_PER_MM;
  boxes.qr = drawQr(c, person.card.qrPayload, X(1027 - 36 - qrSize), Y(28), qrSize);

  c.text('Đặc điểm nhân dạng / Personal identification:', left, Y(60), LABEL);
  const marks = c.wrap(person.card.identifyingMarks, X(720) - left, VALUE);
  boxes.identifyingMarks = unionBox(marks.map((l, i) => c.text(l, left, Y(96 + i * 32), VALUE)));
  const dateY = 96 + (marks.length - 1) * 32 + 48;
  const dateLabel = 'Ngày, tháng, năm / Date, month, year:';
  c.text(dateLabel, left, Y(dateY), LABEL);
  boxes.issueDate = c.text(
    formatDateVn(person.card.issueDate),
    left + c.measure(`${dateLabel} `, LABEL),
    Y(dateY),
    VALUE,
  );

  const issuerStyle: TextStyle = { font: 'bold', size: 20 };
  const issuerX = X(370);
  boxes.issuer = unionBox([
    c.text('CỤC TRƯỞNG CỤC CẢNH SÁT', issuerX, Y(dateY + 44), { ...issuerStyle, anchor: 'middle' }),
    c.text('QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI', issuerX, Y(dateY + 76), { ...issuerStyle, anchor: 'middle' }),
  ]);
  signature(c, rng, issuerX - 110, Y(dateY + 122));
  boxes.signer = c.text(person.card.signer, issuerX, Y(dateY + 178), { font: 'bold', size: 22, anchor: 'middle' });

  const fpY = Y(286);
  const fpW = 150;
  const fpH = 150;
  fingerprint(c, rng, X(620), fpY, fpW, fpH);
  fingerprint(c, rng, X(800), fpY, fpW, fpH);
  c.text('Ngón trỏ trái', X(620 + fpW / 2), fpY + fpH + 24, { font: 'sans', size: 18, anchor: 'middle' });
  c.text('Ngón trỏ phải', X(800 + fpW / 2), fpY + fpH + 24, { font: 'sans', size: 18, anchor: 'middle' });

  // ≈ 3 mm character height: DejaVu Sans Mono capitals are 0.73 em.
  const mrzStyle: TextStyle = { font: 'mono', size: 46, fill: '#000' };
  const mrzLines = person.card.mrz.map((l, i) => c.text(l, X(513), Y(536 + i * 48), { ...mrzStyle, anchor: 'middle' }));
  mrzLines.forEach((b, i) => {
    boxes[`mrz${i + 1}`] = b;
  });
  boxes.mrz = unionBox(mrzLines);
  return { svg: c.toString(), boxes, textBoxes: c.textBoxes };
}
