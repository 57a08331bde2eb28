import sharp from 'sharp';
import { createRng, type Rng } from './rng';
import { fullNameFor } from './people';
import { applyDegradations, resolveDegradations } from './degrade';
import { A4_HEIGHT, A4_WIDTH, drawSealAndSignature } from './internal/a4';
import { SvgCanvas, type TextStyle } from './internal/canvas';
import type { DegradeOptions, Degradation } from './types';

/** What is printed on an official letter or decision, in the layout of Nghị định 30/2020/NĐ-CP. */
export interface OfficialLetterLayout {
  /** Cơ quan chủ quản, above the issuing body (may be absent). */
  parent?: string[];
  /** Cơ quan ban hành, one or two lines. */
  issuer: string[];
  /** `Số: …` as printed. */
  numberLine: string;
  /** `Đà Nẵng, ngày 26 tháng 7 năm 2020`. */
  placeDate: string;
  /** The national motto block; a party document prints `ĐẢNG CỘNG SẢN VIỆT NAM` instead. */
  motto?: string[];
  /** `V/v …` lines under the number, for letters. */
  vv?: string[];
  /** Title (`QUYẾT ĐỊNH`) and subject lines under it, for documents with a title. */
  title?: string;
  subject?: string[];
  /** Paragraphs of the body. */
  body: string[];
  /** Signature block titles, e.g. `KT. GIÁM ĐỐC`, `PHÓ GIÁM ĐỐC`. */
  positions: string[];
  signer: string;
}

/** A synthetic official letter: its layout and the ground truth under semantic keys. */
export interface SyntheticOfficialLetter {
  slug: string;
  layout: OfficialLetterLayout;
  /** `document.kind`, `document.number`, `document.symbol`, `document.issuer`, `document.issuer.parent`, `document.issueDate`, `document.place`, `document.subject`, `document.signer`. */
  fields: Record<string, string>;
}

export const OFFICIAL_LETTER_GENERATOR = '@sohoa/seeds official-letter v1';

const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['Đà Nẵng', 'THÀNH PHỐ ĐÀ NẴNG'],
  ['Hà Nội', 'THÀNH PHỐ HÀ NỘI'],
  ['Huế', 'THÀNH PHỐ HUẾ'],
  ['Cần Thơ', 'THÀNH PHỐ CẦN THƠ'],
  ['Nghệ An', 'TỈNH NGHỆ AN'],
  ['Tuyên Quang', 'TỈNH TUYÊN QUANG'],
  ['Bắc Ninh', 'TỈNH BẮC NINH'],
  ['Lâm Đồng', 'TỈNH LÂM ĐỒNG'],
  ['Quảng Ninh', 'TỈNH QUẢNG NINH'],
  ['Thanh Hóa', 'TỈNH THANH HÓA'],
  ['Đắk Lắk', 'TỈNH ĐẮK LẮK'],
  ['Khánh Hòa', 'TỈNH KHÁNH HÒA'],
];
/** Departments with their symbol; the parent is the province's people's committee. */
const DEPARTMENTS: ReadonlyArray<readonly [string, string, string]> = [
  ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'SGDĐT', 'Giám đốc'],
  ['SỞ TƯ PHÁP', 'STP', 'Giám đốc'],
  ['SỞ Y TẾ', 'SYT', 'Giám đốc'],
  ['SỞ TÀI CHÍNH', 'STC', 'Giám đốc'],
  ['SỞ XÂY DỰNG', 'SXD', 'Giám đốc'],
  ['SỞ NỘI VỤ', 'SNV', 'Giám đốc'],
  ['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'SLĐTBXH', 'Giám đốc'],
  ['SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'STNMT', 'Giám đốc'],
];
const UNITS = ['VP', 'TCCB', 'KHTC', 'CTrTT', 'QLCL', 'TTr', 'PC', 'HCTH'];
const SUBJECTS = [
  'tăng cường công tác phòng, chống dịch bệnh',
  'triển khai kế hoạch chuyển đổi số năm',
  'tổ chức kiểm tra công tác cải cách hành chính',
  'báo cáo kết quả thực hiện nhiệm vụ',
  'hướng dẫn thực hiện chế độ báo cáo định kỳ',
  'bảo đảm an toàn giao thông trong dịp nghỉ lễ',
  'ban hành quy chế cung cấp thông tin cho công dân',
  'giao chỉ tiêu tuyển sinh',
  'thành lập tổ công tác liên ngành',
  'phê duyệt danh sách cán bộ tham gia tập huấn',
];
const WORDS = (
  'thực hiện chỉ đạo của ủy ban nhân dân về việc triển khai các nhiệm vụ trọng tâm đề nghị thủ trưởng các đơn vị trường học ' +
  'khẩn trương tổ chức quán triệt kiểm tra giám sát báo cáo kết quả trước ngày theo quy định hiện hành bảo đảm an toàn tiết kiệm hiệu quả ' +
  'phối hợp với cơ quan chức năng địa phương trong quá trình thực hiện nếu có vướng mắc kịp thời phản ánh để được hướng dẫn xử lý'
).split(' ');

/** Kinds with their symbol word; `Công văn` has none (number/ORG-UNIT) and prints `V/v` under the number. */
const KINDS: ReadonlyArray<readonly [string, string | undefined]> = [
  ['Công văn', undefined],
  ['Quyết định', 'QĐ'],
  ['Thông báo', 'TB'],
  ['Kế hoạch', 'KH'],
  ['Nghị quyết', 'NQ'],
  ['Tờ trình', 'TTr'],
  ['Báo cáo', 'BC'],
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(0, items.length - 1)]!;
const pad2 = (n: number) => String(n).padStart(2, '0');

function sentence(rng: Rng, words: number): string {
  const out = Array.from({ length: words }, () => pick(rng, WORDS));
  out[0] = out[0]!.charAt(0).toLocaleUpperCase('vi') + out[0]!.slice(1);
  return `${out.join(' ')}.`;
}

function letter(rng: Rng, i: number): SyntheticOfficialLetter {
  const [place, province] = pick(rng, PLACES);
  const [kind, kindWord] = pick(rng, KINDS);
  const byCommittee = rng.chance(0.3);
  const [dept, deptSymbol, head] = pick(rng, DEPARTMENTS);
  const issuer = byCommittee ? `ỦY BAN NHÂN DÂN ${province}` : dept;
  const parent = byCommittee ? undefined : `UBND ${province}`;
  const orgSymbol = byCommittee ? 'UBND' : deptSymbol;
  const year = rng.int(2015, 2025);
  const date = `${year}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`;
  const number = String(rng.int(1, 2999));
  const symbol = kindWord ? `${kindWord}-${orgSymbol}` : `${orgSymbol}-${pick(rng, UNITS)}`;
  const full = `${number}/${symbol}`;
  const subject = `${kind === 'Công văn' ? '' : 'Về việc '}${pick(rng, SUBJECTS)}${rng.chance(0.5) ? ` năm ${year}` : ''}`;
  const [d, m] = [Number(date.slice(8)), Number(date.slice(5, 7))];
  const title = byCommittee ? 'CHỦ TỊCH' : head.toLocaleUpperCase('vi');
  const deputy = rng.chance(0.5);
  const positions = deputy ? [`KT. ${title}`, `PHÓ ${title}`] : [title];
  const signer = fullNameFor(rng, rng.chance(0.5) ? 'male' : 'female');
  const layout: OfficialLetterLayout = {
    ...(parent ? { parent: [parent] } : {}),
    issuer: byCommittee ? ['ỦY BAN NHÂN DÂN', province] : [issuer],
    numberLine: `Số: ${number}/${symbol}`,
    placeDate: `${place}, ngày ${pad2(d)} tháng ${m} năm ${year}`,
    ...(kind === 'Công văn' ? { vv: [`V/v ${subject}`] } : { title: kind.toLocaleUpperCase('vi'), subject: [subject] }),
    body: Array.from({ length: rng.int(3, 5) }, () => sentence(rng, rng.int(25, 45))),
    positions,
    signer,
  };
  return {
    slug: `letter-${String(i + 1).padStart(3, '0')}`,
    layout,
    fields: {
      'document.kind': kind,
      'document.number': full,
      'document.symbol': symbol,
      'document.issuer': issuer,
      ...(parent ? { 'document.issuer.parent': parent } : {}),
      'document.issueDate': date,
      'document.place': place,
      'document.subject': subject,
      'document.signer': signer,
    },
  };
}

/**
 * Make `count` synthetic official letters and decisions; the same seed always gives the same letters.
 *
 * @example generateOfficialLetters(1, 3)[0].fields['document.number']
 */
export function generateOfficialLetters(seed: number, count: number): SyntheticOfficialLetter[] {
  const rng = createRng(`official-letter:${seed}`);
  return Array.from({ length: count }, (_, i) => letter(rng.fork(`letter-${i}`), i));
}

const HEAD: TextStyle = { font: 'sans', size: 24, anchor: 'middle' };
const HEAD_BOLD: TextStyle = { font: 'bold', size: 24, anchor: 'middle' };
const BODY: TextStyle = { font: 'sans', size: 24 };

/** Draws the page: two-column header, title or `V/v`, body, recipients, signature block with seal. */
export function drawOfficialLetter(layout: OfficialLetterLayout, rng: Rng): SvgCanvas {
  const c = new SvgCanvas(A4_WIDTH, A4_HEIGHT);
  c.rect(0, 0, A4_WIDTH, A4_HEIGHT, 'fill="#ffffff"');
  const lx = 320;
  const rx = 860;
  let ly = 110;
  // Long names wrap inside the left block, as printed, so that the two columns never touch.
  for (const [lines, style] of [
    [layout.parent ?? [], HEAD],
    [layout.issuer, HEAD_BOLD],
  ] as const) {
    for (const part of lines.flatMap((line) => c.wrap(line, 440, style))) {
      c.text(part, lx, ly, style);
      ly += 34;
    }
  }
  c.rect(lx - 60, ly - 20, 120, 2, 'fill="#222"');
  ly += 30;
  const numberY = Math.max(ly, 110 + 34 * 2 + 30);
  c.text(layout.numberLine, lx, numberY, HEAD);
  ly = numberY + 34;
  for (const line of layout.vv ?? []) {
    for (const part of c.wrap(line, 440, { font: 'sans', size: 21 })) {
      c.text(part, lx, ly, { font: 'sans', size: 21, anchor: 'middle' });
      ly += 28;
    }
  }
  let ry = 110;
  const motto = layout.motto ?? ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
  motto.forEach((line, k) => {
    c.text(line, rx, ry, { ...HEAD_BOLD, size: k === 0 ? 23 : 24 });
    ry += 34;
  });
  c.rect(rx - 150, ry - 20, 300, 2, 'fill="#222"');
  ry = numberY;
  c.text(layout.placeDate, rx, ry, HEAD);
  let y = Math.max(ly, ry) + 60;
  if (layout.title) {
    c.text(layout.title, A4_WIDTH / 2, y, { font: 'bold', size: 30, anchor: 'middle' });
    y += 40;
    for (const line of layout.subject ?? []) {
      for (const part of c.wrap(line, 900, HEAD_BOLD)) {
        c.text(part, A4_WIDTH / 2, y, HEAD_BOLD);
        y += 34;
      }
    }
    y += 30;
  } else {
    c.text('Kính gửi: Các cơ quan, đơn vị có liên quan.', 330, y, BODY);
    y += 60;
  }
  for (const paragraph of layout.body) {
    const lines = c.wrap(paragraph, A4_WIDTH - 230 - 60, BODY);
    lines.forEach((line, k) => c.text(line, k === 0 ? 170 : 110, y + k * 38, BODY));
    y += lines.length * 38 + 14;
    if (y > A4_HEIGHT - 420) break;
  }
  y += 30;
  c.text('Nơi nhận:', 110, y, { font: 'bold', size: 21 });
  ['- Như trên;', '- Lưu: VT.'].forEach((line, k) => c.text(line, 110, y + 30 + k * 28, { font: 'sans', size: 19 }));
  const sx = 880;
  layout.positions.forEach((p, k) => c.text(p, sx, y + k * 34, HEAD_BOLD));
  const below = y + layout.positions.length * 34;
  drawSealAndSignature(c, rng, sx, below + 70);
  c.text(layout.signer, sx, below + 190, HEAD_BOLD);
  return c;
}

/** Render an official letter as an A4 scan (150 dpi), optionally degraded like an office scan or phone photo. */
export async function renderOfficialLetter(
  layout: OfficialLetterLayout,
  options: { seed: number; degrade?: DegradeOptions | false; format?: 'jpeg' | 'png'; quality?: number },
): Promise<{ image: Buffer; width: number; height: number; degradations: Degradation[] }> {
  const rng = createRng(`official-letter:${layout.numberLine}:${options.seed}`);
  const png = await sharp(Buffer.from(drawOfficialLetter(layout, rng).toString()))
    .png()
    .toBuffer();
  const degradations = resolveDegradations(options.degrade, options.seed);
  const { image, width, height } = await applyDegradations(png, degradations, {
    seed: options.seed,
    format: options.format ?? 'jpeg',
    quality: options.quality ?? 85,
  });
  return { image, width, height, degradations };
}
