import type { Box } from '../types';
import type { Rng } from '../rng';
import { unionBox, type SvgCanvas, type TextStyle } from './canvas';
import { CARD_X, CARD_Y, PX_PER_MM, drawCardBase, drawEmblem } from './card-base';
import { photo } from './cccd-front';
import { drawQr, fingerprint, signature } from './cccd-back';

/** What is printed on one side of an older or newer ID card, already formatted as text. */
export interface PrintedCard {
  type: 'cmnd-9' | 'cccd-2016' | 'can-cuoc-2024' | 'cccd-2021';
  number: string;
  fullName: string;
  birthDate: string;
  sex: string;
  nationality: string;
  hometown: string;
  permanentAddress: string;
  residence: string;
  birthRegistrationPlace: string;
  ethnicity: string;
  religion: string;
  identifyingMarks: string;
  issueDate: string;
  /** `dd tháng mm năm yyyy` form of the issue date (CMND and 2016 backs). */
  issueDateWords: string;
  expiry: string;
  /** Printed issuer lines. */
  issuerLines: string[];
  signer: string;
  qrPayload?: string;
  mrz?: [string, string, string];
}

const LABEL: TextStyle = { font: 'sans', size: 20, fill: '#1a1a1a' };
const VALUE: TextStyle = { font: 'sans', size: 25, fill: '#000' };
const X = (x: number): number => CARD_X + x;
const Y = (y: number): number => CARD_Y + y;

type Drawn = { svg: string; boxes: Record<string, Box>; textBoxes: Box[]; runs: Array<{ text: string; box: Box }> };

/** `label value` on one line, the value wrapping onto lines indented under the label. */
function labelled(
  c: SvgCanvas,
  label: string,
  value: string,
  x: number,
  y: number,
  right: number,
  style: TextStyle,
  lineHeight: number,
): { box: Box; bottom: number } {
  c.text(label, x, y, LABEL);
  const start = x + c.measure(`${label} `, LABEL);
  const indent = x + 40;
  const words = value.split(' ');
  const lines: Array<{ text: string; x: number }> = [];
  let line = '';
  let lineX = start;
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && lineX + c.measure(candidate, style) > right) {
      lines.push({ text: line, x: lineX });
      line = word;
      lineX = indent;
    } else line = candidate;
  }
  lines.push({ text: line, x: lineX });
  const boxes = lines.map((l, i) => c.text(l.text, l.x, y + i * lineHeight, style));
  return { box: unionBox(boxes), bottom: y + (lines.length - 1) * lineHeight };
}

/** A label line with the value on indented lines below it. */
function labelAbove(
  c: SvgCanvas,
  label: string,
  value: string,
  x: number,
  y: number,
  right: number,
  style: TextStyle,
  lineHeight: number,
): { box: Box; bottom: number } {
  c.text(label, x, y, LABEL);
  const lines = c.wrap(value, right - x - 20, style);
  const boxes = lines.map((l, i) => c.text(l, x + 20, y + 36 + i * lineHeight, style));
  return { box: unionBox(boxes), bottom: y + 36 + (lines.length - 1) * lineHeight };
}

function header(c: SvgCanvas, english: boolean): void {
  const headX = X(600);
  c.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', headX, Y(52), { font: 'bold', size: 25, anchor: 'middle' });
  c.text('Độc lập - Tự do - Hạnh phúc', headX, Y(84), { font: 'bold', size: 23, anchor: 'middle' });
  if (english) {
    c.text('SOCIALIST REPUBLIC OF VIET NAM', headX, Y(113), { font: 'sans', size: 19, anchor: 'middle' });
    c.text('Independence - Freedom - Happiness', headX, Y(139), { font: 'sans', size: 19, anchor: 'middle' });
  }
}

/** Front of the 9-digit CMND (mẫu 1999): red number, values on dotted lines after their labels. */
function cmndFront(card: PrintedCard, rng: Rng): Drawn {
  const c = drawCardBase(rng, 'front');
  const boxes: Record<string, Box> = {};
  drawEmblem(c, X(110), Y(105), 68);
  header(c, false);
  c.text('GIẤY CHỨNG MINH NHÂN DÂN', X(600), Y(150), { font: 'bold', size: 34, anchor: 'middle', fill: '#a3111b' });
  const numberStyle: TextStyle = { font: 'bold', size: 38, fill: '#b0161f' };
  c.text('SỐ', X(430), Y(210), numberStyle);
  boxes.number = c.text(card.number, X(430) + c.measure('SỐ ', numberStyle), Y(210), numberStyle);
  photo(c, X(42), Y(232), 214, 276);
  const left = X(290);
  const right = X(1000);
  boxes.fullName = labelled(
    c,
    'Họ tên:',
    card.fullName.toLocaleUpperCase('vi'),
    left,
    Y(275),
    right,
    { font: 'bold', size: 28 },
    40,
  ).box;
  boxes.birthDate = labelled(c, 'Sinh ngày:', card.birthDate.replace(/\//g, '-'), left, Y(325), right, VALUE, 36).box;
  const home = labelled(c, 'Nguyên quán:', card.hometown, left, Y(375), right, VALUE, 36);
  boxes.hometown = home.box;
  boxes.permanentAddress = labelled(
    c,
    'Nơi ĐKHK thường trú:',
    card.permanentAddress,
    left,
    home.bottom + 50,
    right,
    VALUE,
    36,
  ).box;
  return { svg: c.toString(), boxes, textBoxes: c.textBoxes, runs: c.runs };
}

/** Back of the 9-digit CMND: ethnicity and religion, fingerprints, identifying marks, issue date and issuer. */
function cmndBack(card: PrintedCard, rng: Rng): Drawn {
  const c = drawCardBase(rng, 'back');
  const boxes: Record<string, Box> = {};
  boxes.ethnicity = labelled(c, 'Dân tộc:', card.ethnicity, X(40), Y(66), X(400), VALUE, 34).box;
  boxes.religion = labelled(c, 'Tôn giáo:', card.religion, X(520), Y(66), X(1000), VALUE, 34).box;
  fingerprint(c, rng, X(40), Y(130), 170, 190);
  fingerprint(c, rng, X(240), Y(130), 170, 190);
  c.text('NGÓN TRỎ TRÁI', X(125), Y(350), { font: 'sans', size: 17, anchor: 'middle' });
  c.text('NGÓN TRỎ PHẢI', X(325), Y(350), { font: 'sans', size: 17, anchor: 'middle' });
  const colX = X(460);
  c.text('DẤU VẾT RIÊNG VÀ DỊ HÌNH', colX, Y(140), { font: 'bold', size: 20 });
  const marks = c.wrap(card.identifyingMarks, X(1000) - colX - 20, VALUE);
  boxes.identifyingMarks = unionBox(marks.map((l, i) => c.text(l, colX + 20, Y(180 + i * 34), VALUE)));
  const dateY = 180 + (marks.length - 1) * 34 + 70;
  boxes.issueDate = c.text(`Ngày ${card.issueDateWords}`, X(740), Y(dateY), { ...VALUE, anchor: 'middle' });
  boxes.issuer = unionBox(
    card.issuerLines.map((l, i) =>
      c.text(l, X(740), Y(dateY + 44 + i * 32), { font: 'bold', size: 20, anchor: 'middle' }),
    ),
  );
  signature(c, rng, X(640), Y(dateY + 44 + card.issuerLines.length * 32 + 40));
  boxes.signer = c.text(card.signer, X(740), Y(dateY + 44 + card.issuerLines.length * 32 + 100), {
    font: 'bold',
    size: 22,
    anchor: 'middle',
  });
  return { svg: c.toString(), boxes, textBoxes: c.textBoxes, runs: c.runs };
}

/** Front of the CCCD without chip (2016): the 2021 layout with Vietnamese-only labels and no QR. */
function cccd2016Front(card: PrintedCard, rng: Rng): Drawn {
  const c = drawCardBase(rng, 'front');
  const boxes: Record<string, Box> = {};
  drawEmblem(c, X(110), Y(105), 68);
  header(c, false);
  c.text('CĂN CƯỚC CÔNG DÂN', X(600), Y(170), { font: 'bold', size: 40, anchor: 'middle', fill: '#a3111b' });
  photo(c, X(42), Y(232), 214, 276);
  const left = X(300);
  c.text('Số:', left, Y(232), LABEL);
  boxes.number = c.text(card.number, left + c.measure('Số: ', LABEL), Y(234), { font: 'bold', size: 36 });
  c.text('Họ và tên:', left, Y(272), LABEL);
  boxes.fullName = c.text(card.fullName.toLocaleUpperCase('vi'), left, Y(313), { font: 'bold', size: 30 });
  boxes.birthDate = labelled(c, 'Ngày, tháng, năm sinh:', card.birthDate, left, Y(354), X(1000), VALUE, 33).box;
  boxes.sex = labelled(c, 'Giới tính:', card.sex, left, Y(390), X(620), VALUE, 33).box;
  boxes.nationality = labelled(c, 'Quốc tịch:', card.nationality, X(630), Y(390), X(1000), VALUE, 33).box;
  const home = labelAbove(c, 'Quê quán:', card.hometown, left, Y(428), X(1000), VALUE, 33);
  boxes.hometown = home.box;
  boxes.permanentAddress = labelAbove(
    c,
    'Nơi thường trú:',
    card.permanentAddress,
    left,
    home.bottom + 40,
    X(1000),
    VALUE,
    33,
  ).box;
  const small: TextStyle = { font: 'sans', size: 17, fill: '#000' };
  // Under the photo, below the last residence line so that OCR does not merge the two.
  c.text('Có giá trị đến:', X(24), Y(612), small);
  boxes.expiryDate = c.text(card.expiry, X(24) + c.measure('Có giá trị đến: ', small), Y(612), small);
  return { svg: c.toString(), boxes, textBoxes: c.textBoxes, runs: c.runs };
}

/** A row of bars standing for the 2016 card's barcode (not decodable; not read by the extractor). */
function barcode(c: SvgCanvas, rng: Rng, x: number, y: number, w: number, h: number): void {
  const bars: string[] = [];
  for (let at = 0; at < w; ) {
    const width = rng.int(1, 4);
    if (rng.chance(0.55)) bars.push(`<rect x="${x + at}" y="${y}" width="${width}" height="${h}" fill="#111"/>`);
    at += width + rng.int(1, 3);
  }
  c.raw(bars.join(''));
}

/** Back of the 2016 CCCD: identifying marks, issue date in words, issuer, fingerprints, barcode. */
function cccd2016Back(card: PrintedCard, rng: Rng): Drawn {
  const c = drawCardBase(rng, 'back');
  const boxes: Record<string, Box> = {};
  const left = X(40);
  barcode(c, rng, X(700), Y(30), 280, 50);
  const marks = labelAbove(c, 'Đặc điểm nhân dạng:', card.identifyingMarks, left, Y(120), X(640), VALUE, 32);
  boxes.identifyingMarks = marks.box;
  const dateY = marks.bottom + 56;
  boxes.issueDate = c.text(`Ngày ${card.issueDateWords}`, X(330), dateY, { ...VALUE, anchor: 'middle' });
  boxes.issuer = unionBox(
    card.issuerLines.map((l, i) =>
      c.text(l, X(330), dateY + 42 + i * 30, { font: 'bold', size: 19, anchor: 'middle' }),
    ),
  );
  const below = dateY + 42 + card.issuerLines.length * 30;
  signature(c, rng, X(230), below + 50);
  boxes.signer = c.text(card.signer, X(330), below + 110, { font: 'bold', size: 22, anchor: 'middle' });
  fingerprint(c, rng, X(660), Y(180), 150, 170);
  fingerprint(c, rng, X(840), Y(180), 150, 170);
  c.text('Ngón trỏ trái', X(735), Y(380), { font: 'sans', size: 18, anchor: 'middle' });
  c.text('Ngón trỏ phải', X(915), Y(380), { font: 'sans', size: 18, anchor: 'middle' });
  return { svg: c.toString(), boxes, textBoxes: c.textBoxes, runs: c.runs };
}

/** Front of the Căn cước card (2024): personal ID number, name, birth date, sex, nationality. */
function canCuocFront(card: PrintedCard, rng: Rng): Drawn {
  const c = drawCardBase(rng, 'front');
  const boxes: Record<string, Box> = {};
  drawEmblem(c, X(110), Y(105), 68);
  header(c, true);
  c.text('CĂN CƯỚC', X(600), Y(190), { font: 'bold', size: 40, anchor: 'middle', fill: '#23308f' });
  c.text('IDENTITY CARD', X(600), Y(218), { font: 'sans', size: 21, anchor: 'middle' });
  c.rect(X(880), Y(160), 90, 70, 'rx="10" fill="#d8b64a" stroke="#9c7f22" stroke-width="2"');
  photo(c, X(42), Y(232), 214, 276);
  const left = X(300);
  c.text('Số định danh cá nhân / Personal identification number:', left, Y(268), LABEL);
  boxes.number = c.text(card.number, left, Y(310), { font: 'bold', size: 36 });
  c.text('Họ, chữ đệm và tên khai sinh / Full name:', left, Y(352), LABEL);
  boxes.fullName = c.text(card.fullName.toLocaleUpperCase('vi'), left, Y(393), { font: 'bold', size: 30 });
  boxes.birthDate = labelled(
    c,
    'Ngày, tháng, năm sinh / Date of birth:',
    card.birthDate,
    left,
    Y(436),
    X(1000),
    VALUE,
    33,
  ).box;
  boxes.sex = labelled(c, 'Giới tính / Sex:', card.sex, left, Y(476), X(620), VALUE, 33).box;
  boxes.nationality = labelled(c, 'Quốc tịch / Nationality:', card.nationality, X(630), Y(476), X(1010), VALUE, 33).box;
  return { svg: c.toString(), boxes, textBoxes: c.textBoxes, runs: c.runs };
}

/** Back of the Căn cước card (2024): residence, birth registration place, QR, dates, issuer, MRZ. */
function canCuocBack(card: PrintedCard, rng: Rng): Drawn {
  const c = drawCardBase(rng, 'back');
  const boxes: Record<string, Box> = {};
  const left = X(40);
  const qrSize = 18 * PX_PER_MM;
  if (card.qrPayload) boxes.qr = drawQr(c, card.qrPayload, X(1027 - 36 - qrSize), Y(28), qrSize);
  const right = X(1027 - 60 - qrSize);
  const residence = labelAbove(c, 'Nơi cư trú / Place of residence:', card.residence, left, Y(56), right, VALUE, 32);
  boxes.residence = residence.box;
  const birth = labelAbove(
    c,
    'Nơi đăng ký khai sinh / Place of birth:',
    card.birthRegistrationPlace,
    left,
    residence.bottom + 46,
    right,
    VALUE,
    32,
  );
  boxes.birthRegistrationPlace = birth.box;
  boxes.issueDate = labelled(
    c,
    'Ngày, tháng, năm cấp / Date of issue:',
    card.issueDate,
    left,
    birth.bottom + 46,
    X(760),
    VALUE,
    32,
  ).box;
  boxes.expiryDate = labelled(
    c,
    'Ngày, tháng, năm hết hạn / Date of expiry:',
    card.expiry,
    left,
    birth.bottom + 84,
    X(760),
    VALUE,
    32,
  ).box;
  boxes.issuer = unionBox(
    card.issuerLines.map((l, i) =>
      c.text(l, X(860), Y(375 + i * 30), { font: 'bold', size: i === 0 ? 22 : 16, anchor: 'middle' }),
    ),
  );
  c.rect(X(815), Y(420), 80, 58, 'rx="10" fill="#d8b64a" stroke="#9c7f22" stroke-width="2"');
  if (card.mrz) {
    const mrzStyle: TextStyle = { font: 'mono', size: 46, fill: '#000' };
    const lines = card.mrz.map((l, i) => c.text(l, X(513), Y(536 + i * 48), { ...mrzStyle, anchor: 'middle' }));
    boxes.mrz = unionBox(lines);
  }
  return { svg: c.toString(), boxes, textBoxes: c.textBoxes, runs: c.runs };
}

/** Draws one side of an older or newer ID card; returns the SVG and the value boxes (image pixels). */
export function drawIdCard(card: PrintedCard, side: 'front' | 'back', rng: Rng): Drawn {
  switch (card.type) {
    case 'cmnd-9':
      return side === 'front' ? cmndFront(card, rng) : cmndBack(card, rng);
    case 'cccd-2016':
      return side === 'front' ? cccd2016Front(card, rng) : cccd2016Back(card, rng);
    case 'can-cuoc-2024':
      return side === 'front' ? canCuocFront(card, rng) : canCuocBack(card, rng);
    case 'cccd-2021':
      throw new Error(
        'The 2021 chip CCCD is drawn by generateSeedSet or by its layout families (seeds/src/families/id-cards.ts), not by drawIdCard.',
      );
  }
}
