import { formatDateVn, sexToVietnamese } from '@sohoa/vn';
import type { Box, SyntheticPerson } from '../types';
import type { Rng } from '../rng';
import { unionBox, type SvgCanvas, type TextStyle } from './canvas';
import { CARD_X, CARD_Y, drawCardBase, drawEmblem } from './card-base';

const LABEL: TextStyle = { font: 'sans', size: 20, fill: '#1a1a1a' };
const VALUE: TextStyle = { font: 'sans', size: 25, fill: '#000' };

export function photo(c: SvgCanvas, x: number, y: number, w: number, h: number): void {
  c.rect(x, y, w, h, 'fill="#bfc3c7" stroke="#8d9296" stroke-width="2"');
  const cx = x + w / 2;
  c.raw(`<circle cx="${cx}" cy="${y + h * 0.36}" r="${w * 0.22}" fill="#7d848a"/>`);
  c.raw(
    `<path d="M${x + w * 0.12},${y + h} C${x + w * 0.14},${y + h * 0.66} ${x + w * 0.86},${y + h * 0.66} ${x + w * 0.88},${y + h} Z" fill="#7d848a"/>`,
  );
}

/** Draw the front of a 2021 chip CCCD; returns the SVG and the value boxes (image pixels). */
export function drawCccdFront(
  person: SyntheticPerson,
  rng: Rng,
): { svg: string; boxes: Record<string, Box>; textBoxes: Box[] } {
  const c = drawCardBase(rng, 'front');
  const X = (x: number): number => CARD_X + x;
  const Y = (y: number): number => CARD_Y + y;
  const boxes: Record<string, Box> = {};

  drawEmblem(c, X(110), Y(105), 68);
  const headX = X(600);
  c.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', headX, Y(52), { font: 'bold', size: 25, anchor: 'middle' });
  c.text('Độc lập - Tự do - Hạnh phúc', headX, Y(84), { font: 'bold', size: 23, anchor: 'middle' });
  c.text('SOCIALIST REPUBLIC OF VIET NAM', headX, Y(113), { font: 'sans', size: 19, anchor: 'middle' });
  c.text('Independence - Freedom - Happiness', headX, Y(139), { font: 'sans', size: 19, anchor: 'middle' });
  c.text('CĂN CƯỚC CÔNG DÂN', headX, Y(188), { font: 'bold', size: 38, anchor: 'middle', fill: '#a3111b' });
  c.text('Citizen Identity Card', headX, Y(217), { font: 'sans', size: 21, anchor: 'middle' });

  photo(c, X(42), Y(232), 214, 276);

  const left = X(300);
  c.text('Số / No.:', left, Y(268), LABEL);
  boxes.idNumber = c.text(person.idNumber, left + c.measure('Số / No.: ', LABEL), Y(270), { font: 'bold', size: 36 });
  c.text('Họ và tên / Full name:', left, Y(308), LABEL);
  boxes.fullName = c.text(person.fullName.toLocaleUpperCase('vi'), left, Y(349), { font: 'bold', size: 30 });

  const line = (label: string, value: string, x: number, y: number): Box => {
    c.text(label, x, y, LABEL);
    return c.text(value, x + c.measure(`${label} `, LABEL), y, VALUE);
  };
  boxes.birthDate = line('Ngày sinh / Date of birth:', formatDateVn(person.birthDate), left, Y(390));
  boxes.sex = line('Giới tính / Sex:', sexToVietnamese(person.sex), left, Y(426));
  boxes.nationality = line('Quốc tịch / Nationality:', person.nationality, X(630), Y(426));

  c.text('Quê quán / Place of origin:', left, Y(464), LABEL);
  const home = c.wrap(person.hometown, X(1000) - left, VALUE);
  boxes.hometown = unionBox(home.map((l, i) => c.text(l, left, Y(498 + i * 33), VALUE)));
  const residenceY = 498 + (home.length - 1) * 33 + 38;
  c.text('Nơi thường trú / Place of residence:', left, Y(residenceY), LABEL);
  const residence = c.wrap(person.permanentAddress, X(1000) - left, VALUE);
  boxes.permanentAddress = unionBox(residence.map((l, i) => c.text(l, left, Y(residenceY + 36 + i * 33), VALUE)));

  const expiryStyle: TextStyle = { font: 'sans', size: 17, fill: '#000' };
  const expiryLabel = 'Có giá trị đến: ';
  c.text(expiryLabel.trim(), X(24), Y(552), expiryStyle);
  const expiryText = person.card.expiryDate === null ? 'Không thời hạn' : formatDateVn(person.card.expiryDate);
  boxes.expiryDate = c.text(expiryText, X(24) + c.measure(expiryLabel, expiryStyle), Y(552), expiryStyle);
  c.text('Date of expiry', X(24), Y(577), { font: 'sans', size: 15, fill: '#111' });
  return { svg: c.toString(), boxes, textBoxes: c.textBoxes };
}
