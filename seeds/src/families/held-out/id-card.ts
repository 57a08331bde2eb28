/**
 * HELD OUT (third round): reader engineers do not open this file. See `./sheet.ts` and the rule at the
 * top of `seeds/src/layout-families.ts`.
 */
import { generateIdCards, type IdCardModelId, type SyntheticIdCard } from '../../id-cards';
import { SvgCanvas, unionBox, type TextStyle } from '../../internal/canvas';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  CARD_X,
  CARD_Y,
  IMAGE_HEIGHT,
  IMAGE_WIDTH,
  drawEmblem,
} from '../../internal/card-base';
import { drawQr, fingerprint, signature } from '../../internal/cccd-back';
import { photo } from '../../internal/cccd-front';
import type { FontName } from '../../internal/fonts';
import type { DrawnForm } from '../../internal/form-kit';
import type { LayoutFamily } from '../../layout-families';
import type { Rng } from '../../rng';
import type { Box, SyntheticDocument } from '../../types';

interface CardDoc extends SyntheticDocument {
  card: SyntheticIdCard;
}

const X = (x: number): number => CARD_X + x;
const Y = (y: number): number => CARD_Y + y;
const upper = (s: string): string => s.toLocaleUpperCase('vi');

/** A card lying on a desk, photographed: a darker surround, a soft shadow, fine concentric guilloche. */
function base(rng: Rng, tint: readonly [string, string]): SvgCanvas {
  const c = new SvgCanvas(IMAGE_WIDTH, IMAGE_HEIGHT);
  c.raw(
    `<defs><radialGradient id="h3" cx="0.3" cy="0.25" r="1"><stop offset="0" stop-color="${tint[0]}"/><stop offset="1" stop-color="${tint[1]}"/></radialGradient>` +
      `<clipPath id="h3c"><rect x="${CARD_X}" y="${CARD_Y}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="34"/></clipPath></defs>`,
  );
  c.rect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT, 'fill="#8f8a80"');
  c.rect(CARD_X + 10, CARD_Y + 12, CARD_WIDTH, CARD_HEIGHT, 'rx="34" fill="#5d5850" opacity="0.6"');
  c.rect(CARD_X, CARD_Y, CARD_WIDTH, CARD_HEIGHT, 'rx="34" fill="url(#h3)"');
  const ox = X(rng.int(380, 640));
  const oy = Y(rng.int(220, 420));
  const arcs: string[] = [];
  for (let r = 40; r < 900; r += rng.int(14, 22))
    arcs.push(
      `<circle cx="${ox}" cy="${oy}" r="${r}" fill="none" stroke="${r % 3 ? '#d7c7a4' : '#bcd2c8'}" stroke-width="1" opacity="0.55"/>`,
    );
  c.raw(`<g clip-path="url(#h3c)">${arcs.join('')}</g>`);
  return c;
}

/** Text cursor on a card side: labels in two parts (Vietnamese, then the English in italics). */
class Writer {
  readonly boxes: Record<string, Box> = {};
  readonly printed: Record<string, string> = {};
  y: number;
  constructor(
    readonly c: SvgCanvas,
    readonly left: number,
    readonly right: number,
    y: number,
    readonly value: TextStyle = { font: 'serif', size: 22, fill: '#111' },
    readonly lh = 30,
  ) {
    this.y = y;
  }

  record(key: string | undefined, text: string, boxes: Box[]): void {
    if (!key || boxes.length === 0) return;
    this.boxes[key] = unionBox(boxes);
    this.printed[key] = text;
  }

  /** Draws `vi` (and ` / en` in italics) then a colon; returns the x after it. */
  label(vi: string, en: string | undefined, x = this.left, colon = ':'): number {
    const a: TextStyle = { font: 'condensed', size: 18, fill: '#2a2a2a' };
    const b: TextStyle = { font: 'sans-oblique', size: 15, fill: '#3a3a3a' };
    let at = x;
    const viText = en ? `${vi} / ` : `${vi}${colon}`;
    this.c.text(viText, at, this.y, a);
    at += this.c.measure(`${viText} `, a);
    if (en) {
      this.c.text(`${en}${colon}`, at - 4, this.y, b);
      at += this.c.measure(`${en}${colon} `, b) - 4;
    }
    return at;
  }

  /** Value after the label, its next lines flush with the left edge. */
  inline(key: string | undefined, vi: string, en: string | undefined, value: string, style = this.value): void {
    const start = this.label(vi, en);
    const lines = this.c.wrap(value, this.right - start, style);
    const head = lines[0] ?? '';
    const boxes = [this.c.text(head, start, this.y, style)];
    const rest = value.slice(head.length).trim();
    for (const l of rest === '' ? [] : this.c.wrap(rest, this.right - this.left, style)) {
      this.y += this.lh;
      boxes.push(this.c.text(l, this.left, this.y, style));
    }
    this.record(key, value, boxes);
    this.y += this.lh;
  }

  /** Label alone on its line, the value under it (indented by `indent`). */
  under(
    key: string | undefined,
    vi: string,
    en: string | undefined,
    value: string,
    style = this.value,
    indent = 0,
  ): void {
    this.label(vi, en);
    const boxes = this.c.wrap(value, this.right - this.left - indent, style).map((l) => {
      this.y += Math.max(this.lh, Math.round(style.size * 1.25));
      return this.c.text(l, this.left + indent, this.y, style);
    });
    this.record(key, value, boxes);
    this.y += this.lh;
  }

  /** Two short values on one line. */
  two(
    a: readonly [key: string, vi: string, en: string | undefined, value: string],
    b: readonly [key: string, vi: string, en: string | undefined, value: string],
    at: number,
  ): void {
    for (const [[key, vi, en, value], x] of [
      [a, this.left],
      [b, at],
    ] as const) {
      const start = this.label(vi, en, x);
      this.record(key, value, [this.c.text(value, start, this.y, this.value)]);
    }
    this.y += this.lh;
  }

  /** A dotted printed rule under the line at `y`, from `x` to the right edge (the CMND's ruled lines). */
  dots(x: number, y: number): void {
    this.c.raw(
      `<line x1="${x.toFixed(1)}" y1="${y + 10}" x2="${this.right}" y2="${y + 10}" stroke="#6a6a6a" stroke-width="1.3" stroke-dasharray="1.5 4.5"/>`,
    );
  }

  done(): DrawnForm {
    return {
      svg: this.c.toString(),
      boxes: this.boxes,
      runs: this.c.runs,
      printed: this.printed,
      width: IMAGE_WIDTH,
      height: IMAGE_HEIGHT,
      missingGlyphs: [...this.c.missingGlyphs],
    };
  }
}

function motto(c: SvgCanvas, at: number, english: boolean, font: FontName = 'serif-bold'): void {
  c.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', at, Y(46), { font, size: 22, anchor: 'middle', fill: '#1d1d1d' });
  c.text('Độc lập - Tự do - Hạnh phúc', at, Y(74), { font, size: 20, anchor: 'middle', fill: '#1d1d1d' });
  if (english) {
    c.text('SOCIALIST REPUBLIC OF VIET NAM', at, Y(98), { font: 'sans', size: 15, anchor: 'middle', fill: '#333' });
    c.text('Independence - Freedom - Happiness', at, Y(118), {
      font: 'sans',
      size: 15,
      anchor: 'middle',
      fill: '#333',
    });
  }
}

/** A red seal ring pressed over the left end of the issuer's lines. */
function seal(c: SvgCanvas, cx: number, cy: number): void {
  c.raw(`<circle cx="${cx}" cy="${cy}" r="62" fill="none" stroke="#c8312c" stroke-width="4" opacity="0.5"/>`);
  c.raw(`<circle cx="${cx}" cy="${cy}" r="44" fill="none" stroke="#c8312c" stroke-width="1.6" opacity="0.5"/>`);
}

const NAME: TextStyle = { font: 'bold', size: 27, fill: '#0a0a0a' };

function cardFront(card: SyntheticIdCard, rng: Rng): DrawnForm {
  const p = card.printed;
  const t = card.truth.front;
  if (card.type === 'cmnd-9') {
    const c = base(rng, ['#e9f1f6', '#d3e2ea']);
    drawEmblem(c, X(150), Y(135), 80);
    motto(c, X(620), false, 'bold');
    c.text('GIẤY CHỨNG MINH NHÂN DÂN', X(620), Y(122), { font: 'bold', size: 30, anchor: 'middle', fill: '#9c1a1a' });
    const w = new Writer(c, X(310), X(990), Y(190), { font: 'serif', size: 23, fill: '#10103a' }, 44);
    const red: TextStyle = { font: 'serif-bold', size: 34, fill: '#a51515' };
    c.text('SỐ', X(520), w.y, red);
    w.record('person.oldIdNumber', p.number, [c.text(p.number, X(520) + c.measure('SỐ ', red), w.y, red)]);
    w.y += 58;
    photo(c, X(48), Y(250), 200, 262);
    const ruled = (key: string, label: string, value: string, style?: TextStyle): void => {
      const before = w.y;
      w.inline(key, label, undefined, value, style);
      for (let y = before; y < w.y; y += w.lh)
        w.dots(y === before ? w.left + c.measure(`${label}: `, { font: 'condensed', size: 18 }) : w.left, y);
    };
    ruled('person.fullName', 'Họ tên', upper(p.fullName), { font: 'serif-bold', size: 25, fill: '#10103a' });
    ruled('person.birthDate', 'Sinh ngày', p.birthDate.replace(/\//g, '-'));
    ruled('person.hometown', 'Nguyên quán', p.hometown);
    ruled('person.permanentAddress', 'Nơi ĐKHK thường trú', p.permanentAddress);
    return w.done();
  }
  const bilingual = card.type !== 'cccd-2016';
  const en = (s: string): string | undefined => (bilingual ? s : undefined);
  const c = base(rng, card.type === 'can-cuoc-2024' ? ['#eef3fb', '#d9e4f3'] : ['#f6f1e6', '#e3ecde']);
  drawEmblem(c, X(122), Y(92), 60);
  motto(c, X(560), bilingual);
  const title = card.type === 'can-cuoc-2024' ? 'CĂN CƯỚC' : 'CĂN CƯỚC CÔNG DÂN';
  c.text(title, X(560), Y(bilingual ? 160 : 128), { font: 'bold', size: 30, anchor: 'middle', fill: '#b01e23' });
  if (bilingual)
    c.text(card.type === 'can-cuoc-2024' ? 'IDENTITY CARD' : 'CITIZEN IDENTITY CARD', X(560), Y(184), {
      font: 'sans',
      size: 15,
      anchor: 'middle',
      fill: '#333',
    });
  if (card.type === 'cccd-2021' && p.qrPayload) drawQr(c, p.qrPayload, X(1027 - 34 - 110), Y(24), 110);
  photo(c, X(34), Y(176), 196, 250);
  const w = new Writer(c, X(258), X(1000), Y(bilingual ? 222 : 186));
  if (card.type === 'can-cuoc-2024') {
    w.under('person.idNumber', 'Số định danh cá nhân', en('Personal identification number'), p.number, {
      font: 'bold',
      size: 28,
      fill: '#a01818',
    });
    w.under('person.fullName', 'Họ, chữ đệm và tên khai sinh', en('Full name'), upper(p.fullName), NAME);
    w.inline('person.birthDate', 'Ngày, tháng, năm sinh', en('Date of birth'), p.birthDate);
    w.two(
      ['person.sex', 'Giới tính', en('Sex'), p.sex],
      ['person.nationality', 'Quốc tịch', en('Nationality'), p.nationality],
      X(560),
    );
    return w.done();
  }
  w.inline('person.idNumber', 'Số', en('No.'), p.number, { font: 'bold', size: 27, fill: '#a01818' });
  w.under('person.fullName', 'Họ và tên', en('Full name'), upper(p.fullName), NAME);
  w.inline(
    'person.birthDate',
    card.type === 'cccd-2021' ? 'Ngày sinh' : 'Ngày, tháng, năm sinh',
    en('Date of birth'),
    p.birthDate,
  );
  w.two(
    ['person.sex', 'Giới tính', en('Sex'), p.sex],
    ['person.nationality', 'Quốc tịch', en('Nationality'), p.nationality],
    X(560),
  );
  w.under('person.hometown', 'Quê quán', en('Place of origin'), p.hometown);
  w.inline('person.permanentAddress', 'Nơi thường trú', en('Place of residence'), p.permanentAddress);
  // The expiry under the photo, its label over the date (the English half on a line of its own).
  const ex = new Writer(c, X(34), X(250), Y(456), { font: 'serif', size: 19, fill: '#111' }, 22);
  if (bilingual) {
    ex.label('Có giá trị đến', undefined, ex.left, ' /');
    ex.y += 20;
    ex.label('Date of expiry', undefined);
  } else ex.label('Có giá trị đến', undefined);
  ex.y += 26;
  ex.record(t['document.expiryDate'] ? 'document.expiryDate' : undefined, p.expiry, [
    c.text(p.expiry, ex.left + 4, ex.y, ex.value),
  ]);
  Object.assign(w.boxes, ex.boxes);
  Object.assign(w.printed, ex.printed);
  return w.done();
}

const ISSUER_LINES: Record<Exclude<IdCardModelId, 'can-cuoc-2024' | 'cmnd-9'>, string[]> = {
  'cccd-2021': ['CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ', 'HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI'],
  'cccd-2016': ['CỤC TRƯỞNG', 'CỤC CẢNH SÁT ĐĂNG KÝ, QUẢN LÝ CƯ TRÚ', 'VÀ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ'],
};

function cardBack(card: SyntheticIdCard, rng: Rng): DrawnForm {
  const p = card.printed;
  const t = card.truth.back;
  const bilingual = card.type !== 'cccd-2016' && card.type !== 'cmnd-9';
  const en = (s: string): string | undefined => (bilingual ? s : undefined);
  const c = base(rng, card.type === 'can-cuoc-2024' ? ['#f1f4fa', '#dde6f2'] : ['#f3f0e8', '#e6e9dc']);
  const issuerBlock = (w: Writer, lines: string[], cx: number, y: number): void => {
    const st: TextStyle = { font: 'bold', size: 18, anchor: 'middle', fill: '#111' };
    w.record(
      'document.issuer',
      lines.join(' '),
      lines.map((l, i) => c.text(l, cx, y + i * 25, st)),
    );
    seal(c, cx - 150, y + 30);
    signature(c, rng, cx - 60, y + lines.length * 25 + 34);
  };
  if (card.type === 'can-cuoc-2024') {
    if (p.qrPayload) drawQr(c, p.qrPayload, X(36), Y(36), 180);
    const w = new Writer(c, X(250), X(1000), Y(62));
    w.under('person.residence', 'Nơi cư trú', en('Place of residence'), p.residence, w.value, 14);
    w.under(
      'person.birthRegistrationPlace',
      'Nơi đăng ký khai sinh',
      en('Place of birth'),
      p.birthRegistrationPlace,
      w.value,
      14,
    );
    w.inline('document.issueDate', 'Ngày, tháng, năm cấp', en('Date of issue'), p.issueDate);
    w.inline(
      t['document.expiryDate'] ? 'document.expiryDate' : undefined,
      'Ngày, tháng, năm hết hạn',
      en('Date of expiry'),
      p.expiry,
    );
    issuerBlock(w, ['BỘ CÔNG AN'], X(760), Math.min(w.y + 6, Y(420)));
    c.text('MINISTRY OF PUBLIC SECURITY', X(760), Math.min(w.y + 6, Y(420)) + 22, {
      font: 'sans',
      size: 14,
      anchor: 'middle',
      fill: '#333',
    });
    if (p.mrz)
      p.mrz.forEach((l, i) => c.text(l, X(513), Y(548 + i * 40), { font: 'mono', size: 38, anchor: 'middle' }));
    return w.done();
  }
  if (card.type === 'cmnd-9') {
    const w = new Writer(c, X(40), X(990), Y(70), { font: 'serif', size: 22, fill: '#10103a' }, 40);
    w.two(
      ['person.ethnicity', 'Dân tộc', undefined, p.ethnicity],
      ['person.religion', 'Tôn giáo', undefined, p.religion],
      X(460),
    );
    w.under('person.identifyingMarks', 'DẤU VẾT RIÊNG VÀ DỊ HÌNH', undefined, p.identifyingMarks, w.value, 20);
    const fy = Y(300);
    fingerprint(c, rng, X(40), fy, 160, 180);
    fingerprint(c, rng, X(230), fy, 160, 180);
    c.text('NGÓN TRỎ TRÁI', X(120), fy - 12, { font: 'condensed', size: 15, anchor: 'middle' });
    c.text('NGÓN TRỎ PHẢI', X(310), fy - 12, { font: 'condensed', size: 15, anchor: 'middle' });
    const date = `Ngày ${p.issueDateWords}`;
    w.record('document.issueDate', date, [c.text(date, X(720), Y(330), { ...w.value, anchor: 'middle' })]);
    const issuer = upper(t['document.issuer']!.replace(/^Công an/, 'Giám đốc Công an'));
    issuerBlock(w, [issuer], X(720), Y(372));
    return w.done();
  }
  const w = new Writer(c, X(36), X(600), Y(66));
  w.under(
    'person.identifyingMarks',
    card.type === 'cccd-2021' ? 'Đặc điểm nhân dạng' : 'Đặc điểm nhận dạng',
    en('Personal identification'),
    p.identifyingMarks,
  );
  if (card.type === 'cccd-2021')
    w.inline('document.issueDate', 'Ngày, tháng, năm', en('Date, month, year'), p.issueDate);
  else {
    const date = `Ngày ${p.issueDateWords}`;
    w.record('document.issueDate', date, [c.text(date, w.left, w.y, w.value)]);
    w.y += w.lh;
  }
  issuerBlock(w, ISSUER_LINES[card.type], X(330), w.y + 16);
  const fx = X(650);
  fingerprint(c, rng, fx, Y(70), 160, 190);
  fingerprint(c, rng, fx + 180, Y(70), 160, 190);
  c.text(bilingual ? 'Ngón trỏ trái / Left index finger' : 'Ngón trỏ trái', fx + 80, Y(286), {
    font: 'sans-oblique',
    size: 12,
    anchor: 'middle',
  });
  c.text(bilingual ? 'Ngón trỏ phải / Right index finger' : 'Ngón trỏ phải', fx + 260, Y(306), {
    font: 'sans-oblique',
    size: 12,
    anchor: 'middle',
  });
  if (p.mrz) p.mrz.forEach((l, i) => c.text(l, X(513), Y(548 + i * 40), { font: 'mono', size: 38, anchor: 'middle' }));
  return w.done();
}

const NOTE = 'Held-out family of the third round; its drawing is not described here so that it stays unseen.';

const MODELS: readonly IdCardModelId[] = ['cccd-2021', 'cccd-2016', 'can-cuoc-2024', 'cmnd-9'];

export const HELD_OUT_ID_CARD_FAMILIES: LayoutFamily[] = MODELS.map((type) => ({
  type,
  family: 'held-out-3',
  description: NOTE,
  heldOut: true,
  capture: 'phone',
  generate: (seed, count): CardDoc[] =>
    generateIdCards(type, seed, count).map((card) => ({
      type,
      slug: card.slug,
      fields: { ...card.truth.front, ...card.truth.back },
      relations: [],
      card,
    })),
  draw: (doc, rng) => {
    const card = (doc as CardDoc).card;
    return [cardFront(card, rng.fork('front')), cardBack(card, rng.fork('back'))];
  },
}));
