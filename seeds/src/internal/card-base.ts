import type { Rng } from '../rng';
import { SvgCanvas } from './canvas';

/** ≈ 305 dpi: a CCCD is 85.6 × 54 mm. */
export const PX_PER_MM = 12;
export const CARD_WIDTH = 1027;
export const CARD_HEIGHT = 648;
export const IMAGE_WIDTH = 1200;
export const IMAGE_HEIGHT = 820;
export const CARD_X = Math.round((IMAGE_WIDTH - CARD_WIDTH) / 2);
export const CARD_Y = Math.round((IMAGE_HEIGHT - CARD_HEIGHT) / 2);

/** Scanner bed, card outline, pale gradient and guilloche lines; text drawn later stays high-contrast. */
export function drawCardBase(rng: Rng, tint: 'front' | 'back'): SvgCanvas {
  const c = new SvgCanvas(IMAGE_WIDTH, IMAGE_HEIGHT);
  const [from, to] = tint === 'front' ? ['#f3eee0', '#e4efe6'] : ['#eef0e8', '#f2e9dc'];
  c.raw(
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>` +
      `<clipPath id="card"><rect x="${CARD_X}" y="${CARD_Y}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="38"/></clipPath></defs>`,
  );
  c.rect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT, 'fill="#d9d9d6"');
  c.rect(CARD_X + 4, CARD_Y + 5, CARD_WIDTH, CARD_HEIGHT, 'rx="38" fill="#c4c4c0"');
  c.rect(CARD_X, CARD_Y, CARD_WIDTH, CARD_HEIGHT, 'rx="38" fill="url(#g)" stroke="#b9b6aa" stroke-width="1.5"');
  const lines: string[] = [];
  for (let i = 0; i < 26; i++) {
    const amplitude = rng.float(8, 26);
    const period = rng.float(90, 220);
    const phase = rng.float(0, Math.PI * 2);
    const baseY = CARD_Y + (i + 0.5) * (CARD_HEIGHT / 26);
    const points: string[] = [];
    for (let x = 0; x <= CARD_WIDTH; x += 12) {
      const y = baseY + amplitude * Math.sin((x / period) * Math.PI * 2 + phase);
      points.push(`${CARD_X + x},${y.toFixed(1)}`);
    }
    const colour = i % 3 === 0 ? '#e6cfa8' : i % 3 === 1 ? '#c9dccb' : '#e3c9c4';
    lines.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="1.1" opacity="0.6"/>`,
    );
  }
  c.raw(`<g clip-path="url(#card)">${lines.join('')}</g>`);
  return c;
}

/** A faint red disc with a yellow star: the emblem position on the front. */
export function drawEmblem(c: SvgCanvas, cx: number, cy: number, r: number): void {
  const star: string[] = [];
  for (let i = 0; i < 10; i++) {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? r * 0.62 : r * 0.25;
    star.push(`${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`);
  }
  c.raw(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="#d9322b" opacity="0.35"/>`);
  c.raw(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#e0b400" stroke-width="5" opacity="0.5"/>`);
  c.raw(`<polygon points="${star.join(' ')}" fill="#f2c200" opacity="0.6"/>`);
}
