import type { ExtractedField, OcrPage, PageImage } from '@sohoa/core';
import * as p from '../../field-parsers';
import { readFields, type ReaderSpec } from '../../field-reader';
import * as rp from '../../field-reader/parsers';
import { identifyingMarksField } from '../../id-card-fields';
import { defineIdCard } from '../../id-card-model';
import { foldLines } from '../../lines';
import { chooseReading, rereadBoxes } from '../../reading-vote';
import type { ExtractContext, FieldSet } from '../../types';

// Labels of the 9-digit CMND (mẫu NĐ 05/1999/NĐ-CP) and of the older models still in drawers, as printed.
const NAME_LABELS = ['Họ tên', 'Họ và tên', 'Họ, chữ đệm và tên', 'Họ tên khai sinh'];
const BIRTH_LABELS = ['Sinh ngày', 'Ngày sinh', 'Ngày, tháng, năm sinh', 'Ngày tháng năm sinh', 'Sinh năm'];
const HOMETOWN_LABELS = ['Nguyên quán', 'Quê quán'];
const RESIDENCE_LABELS = [
  'Nơi ĐKHK thường trú',
  'Nơi ĐK HK thường trú',
  'Nơi đăng ký hộ khẩu thường trú',
  'ĐKHK thường trú',
  'Nơi thường trú',
  'Trú quán',
  'Chỗ ở hiện nay',
];
const MARKS_LABELS = [
  'Dấu vết riêng và dị hình',
  'Dấu vết riêng',
  'Đặc điểm nhận dạng',
  'Đặc điểm nhân dạng',
  'Nhận dạng',
];

/** A date after `Sinh ngày` / `Ngày`: in digits (`12-05-1980`) or `12 tháng 5 năm 1980`. */
function cardDate(text: string): string | undefined {
  return p.parseDayMonthYear(text) ?? p.parseNumericDateValue(text);
}

/**
 * Front of the 9-digit CMND as data for the shared reader: each label found anywhere on the page, its
 * value after it (over a dotted line or not) or under it, places across wrapped lines up to the
 * province, whether the wrapped line is indented or flush with the label.
 */
export const CMND_FRONT_SPEC: ReaderSpec = {
  roles: [],
  stops: [
    'Giấy chứng minh nhân dân',
    'Chứng minh nhân dân',
    'Cộng hòa xã hội chủ nghĩa Việt Nam',
    'Độc lập - Tự do - Hạnh phúc',
    'Tên thường gọi',
    'Tên gọi khác',
    'Bí danh',
  ],
  fields: [
    { key: 'person.fullName', labels: NAME_LABELS, parse: rp.name, reread: true },
    { key: 'person.birthDate', labels: BIRTH_LABELS, parse: cardDate, reread: true },
    {
      key: 'person.hometown',
      labels: HOMETOWN_LABELS,
      parse: p.parseCardAddress,
      wraps: true,
      wrapsFlush: true,
      complete: p.endsWithProvince,
      reread: true,
    },
    {
      key: 'person.permanentAddress',
      labels: RESIDENCE_LABELS,
      parse: p.parseCardAddress,
      wraps: true,
      wrapsFlush: true,
      complete: p.endsWithProvince,
      reread: true,
    },
  ],
};

/**
 * Back of the 9-digit CMND: ethnicity and religion (often on one line), identifying marks under
 * their label, `Ngày … tháng … năm …`; the issuer (`GIÁM ĐỐC CA …`) is read by {@link readCardIssuer}.
 */
export const CMND_BACK_SPEC: ReaderSpec = {
  roles: [],
  stops: ['Giám đốc', 'GĐ CA', 'Ngón trỏ trái', 'Ngón trỏ phải', 'Ngón trỏ'],
  fields: [
    { key: 'person.ethnicity', labels: ['Dân tộc'], parse: p.parseEthnicity },
    { key: 'person.religion', labels: ['Tôn giáo'], parse: p.parseReligion },
    identifyingMarksField(MARKS_LABELS),
    {
      key: 'document.issueDate',
      labels: ['Ngày', 'Cấp ngày', 'Ngày cấp'],
      parse: cardDate,
      reread: true,
      mayBeCut: false,
    },
  ],
};

/**
 * The structure of a 9-digit CMND number: its first two digits are the code of the issuing province
 * (01–38 in the NĐ 05/1999 numbering, some later three-digit codes within 2xx–3xx), so it starts
 * with 0–3 and is never all zeros. A run that breaks this was misread or is another number.
 */
export function isCmndNumber(n: string): boolean {
  return /^[0-3]\d{8}$/.test(n) && !/^0+$/.test(n) && !n.startsWith('00');
}

/**
 * The 9-digit number: preferably the run on the line that prints `SỐ` / `Số` before it (the red
 * number above the name, wherever it stands), else the only 9-digit run outside a date line; re-read
 * on its own. A number that breaks {@link isCmndNumber} is kept below the ID threshold.
 */
async function readNumber(page: PageImage, ocr: OcrPage, context: ExtractContext): Promise<ExtractedField | undefined> {
  const lines = foldLines(ocr.lines).filter(
    (l) => p.parseCmndNumber(l.line.text) && !/ngay|sinh|thang|nam /.test(l.folded),
  );
  const labelled = lines.filter((l) => /(^|[^a-z])(so|no)\.?\s*[:.]?\s*[0-9oil]/.test(l.folded));
  const runs = new Set(lines.map((l) => p.parseCmndNumber(l.line.text)));
  // Two different unlabelled runs: which one is the card number is not known.
  const line = labelled[0] ?? (runs.size === 1 ? lines[0] : undefined);
  if (!line) return undefined;
  const word = line.line.words.find((w) => p.parseCmndNumber(w.text));
  const part = word ?? { text: line.line.text, box: line.line.box, confidence: line.line.confidence };
  const evidence = [{ method: 'ocr' as const, sha256: ocr.source.sha256, page: ocr.source.page, box: part.box }];
  const toField = (text: string, confidence: number): ExtractedField | undefined => {
    const value = p.parseCmndNumber(text);
    if (!value) return undefined;
    // Without its `Số` label or its structure, a 9-digit run is not certain to be the card number.
    const cap = !isCmndNumber(value) ? 0.6 : labelled.length === 0 ? 0.85 : 0.95;
    return { value, raw: text, confidence: Math.min(cap, confidence), evidence };
  };
  const rereads = await rereadBoxes(page, [part.box], context);
  return chooseReading(
    [toField(part.text, part.confidence), ...rereads.map((r) => toField(r.text, r.confidence))].filter(
      (f): f is ExtractedField => f !== undefined,
    ),
  );
}

/**
 * The name when its label was garbled past the reader's lexicon (`Họ tn`, `Ho tèn` next to the bold
 * name): a line opening with `Họ` and a short word, then a name in capitals. Only when no line holds
 * the label itself; a partial label keeps the value below the name threshold.
 */
function readGarbledName(ocr: OcrPage): ExtractedField | undefined {
  const lines = foldLines(ocr.lines);
  if (lines.some((l) => /(^|[^a-z])ho\s*(va\s*)?ten([^a-z]|$)/.test(l.folded))) return undefined;
  for (const l of lines) {
    const m = /^[^a-z0-9]*h[o0]\s*[a-z]{0,4}\s*[:.…]*\s*/.exec(l.folded);
    if (!m || m[0].trim().length < 3) continue;
    const rest = [...l.line.text.normalize('NFC')].slice(m[0].length).join('');
    const value = p.parseUpperName(rest);
    if (!value) continue;
    return {
      value,
      raw: rest,
      confidence: Math.min(0.85, l.line.confidence),
      evidence: [{ method: 'ocr', sha256: ocr.source.sha256, page: ocr.source.page, box: l.line.box }],
    };
  }
  return undefined;
}

/** Whether a label of each key was read somewhere on the page (folded text). */
const FRONT_LABELS_SEEN: Array<[string, RegExp]> = [
  ['person.fullName', /(^|[^a-z])ho\s*(va\s*)?ten([^a-z]|$)|chu dem/],
  ['person.birthDate', /sinh ngay|ngay,? thang,? nam sinh|ngay sinh|sinh nam/],
];
const BACK_LABELS_SEEN: Array<[string, RegExp]> = [
  ['person.ethnicity', /dan toc/],
  ['person.religion', /ton giao/],
];

/**
 * A typed value standing on a dotted line can make the full-page OCR give up on its whole line (`0`,
 * confidence 0, or no line at all): the label is then missing too. When a key's label was read nowhere,
 * each garbled line and each gap between two lines tall enough to hold one is read again on its own (a
 * single line, to the card's right edge) and the re-read goes through the side's reader; what it gives
 * stays below the fill threshold (one uncertain reading).
 */
async function rereadGarbledLines(
  page: PageImage,
  ocr: OcrPage,
  context: ExtractContext,
  spec: ReaderSpec,
  seen: Array<[string, RegExp]>,
): Promise<FieldSet> {
  if (!context.recognizer) return {};
  const folded = foldLines(ocr.lines);
  const missing = seen.filter(([, label]) => !folded.some((l) => label.test(l.folded))).map(([key]) => key);
  if (missing.length === 0) return {};
  const { recognizer: _, ...plain } = context;
  const out: FieldSet = {};
  const right = Math.min(ocr.width, page.width) * 0.92;
  // Lines the OCR gave up on, and gaps between two lines tall enough to hold one (a line dropped altogether).
  const byY = [...ocr.lines].sort((a, b) => a.box.y - b.box.y);
  const regions = [
    ...byY.filter((l) => l.confidence < 0.3).map((l) => ({ x: l.box.x, y: l.box.y - 6, height: l.box.height + 12 })),
    ...byY.slice(1).flatMap((b, i) => {
      const a = byY[i]!;
      const top = a.box.y + a.box.height;
      const gap = b.box.y - top;
      return gap > a.box.height * 1.1 && gap < a.box.height * 4
        ? [{ x: Math.min(a.box.x, b.box.x), y: top, height: gap }]
        : [];
    }),
  ].slice(0, 8);
  for (const region of regions) {
    const x = Math.max(0, region.x - 8);
    // Not to the edge: the long dotted tail right of a short value (a date) garbles a single-line re-read.
    const box = { x, y: Math.max(0, region.y), width: (right - x) * 0.65, height: region.height };
    if (box.width < 80) continue;
    for (const reading of await rereadBoxes(page, [box], context)) {
      // The dotted line read as dots and letter runs (`……--nnnnnnn nen`): not part of any value.
      const text = reading.text
        .replace(/[.…_·-]{2,}/gu, ' ')
        .split(/\s+/)
        .filter((w) => w !== '' && !/(\p{L})\1\1/iu.test(w) && !/^n[en]{1,3}\]?$/.test(w))
        .join(' ');
      const again = { ...ocr, lines: [{ text, confidence: 0.5, box, words: [] }] };
      const { fields } = await readFields(page, again, spec, plain);
      for (const key of missing) {
        const f = fields[key];
        if (!f || out[key]) continue;
        out[key] = {
          ...f,
          confidence: Math.min(f.confidence, 0.6),
          evidence: [{ method: 'ocr', sha256: ocr.source.sha256, page: ocr.source.page, box }],
        };
      }
    }
  }
  return out;
}

/** The 9-digit identity card (Chứng minh nhân dân, mẫu 1999): front and back; the subject is the CMND number. */
export const cmnd9 = defineIdCard({
  id: 'cmnd-9',
  kind: 'identity',
  docCodeKind: 'CMND',
  schema: 'https://sohoa.dev/schemas/documents/cmnd-9.schema.json',
  title: 'Chứng minh nhân dân (9 số)',
  requiredKeys: ['person.oldIdNumber'],
  subjectKey: 'person.oldIdNumber',
  front: {
    reader: CMND_FRONT_SPEC,
    extra: async (page, ocr, context): Promise<FieldSet> => {
      const number = await readNumber(page, ocr, context);
      const name = readGarbledName(ocr);
      const again = await rereadGarbledLines(page, ocr, context, CMND_FRONT_SPEC, FRONT_LABELS_SEEN);
      return {
        ...again,
        ...(number ? { 'person.oldIdNumber': number } : {}),
        ...(name ? { 'person.fullName': name } : {}),
      };
    },
    markers: {
      anchors: ['chung minh nhan dan'],
      // The 9-digit number is the CMND's own shape; cards titled CMND that print the 2012 wording
      // (`Họ và tên`, `Giới tính`, `Quê quán`) are still CMNDs: their title and number tell them from a CCCD.
      markers: ['chung minh nhan dan', 'ho ten', 'sinh ngay', 'nguyen quan', 'dkhk', 'thuong tru', '#id9'],
      excludes: ['can cuoc', 'citizen identity'],
    },
  },
  back: {
    reader: CMND_BACK_SPEC,
    extra: (page, ocr, context) => rereadGarbledLines(page, ocr, context, CMND_BACK_SPEC, BACK_LABELS_SEEN),
    fallback: {
      idNumber: false,
      places: [
        {
          key: 'person.identifyingMarks',
          labels: ['dau vet rieng va di hinh', 'dau vet rieng', 'dac diem nhan dang'],
          lines: 2,
          parse: p.parseIdentifyingMarks,
        },
      ],
      stops: ['ngay', 'giam doc', 'ngon tro'],
    },
    markers: {
      anchors: ['dau vet rieng', 'di hinh', 'ngon tro', 'giam doc ca', 'ton giao'],
      markers: ['dan toc', 'ton giao', 'dau vet rieng', 'di hinh', 'giam doc', 'ngon tro'],
      // Older CMND backs print "Đặc điểm nhận dạng" as the 2016 CCCD does (its marker, not ours): ethnicity, religion and the issuer tell them apart.
      excludes: ['cuc truong', 'dkql', 'dlqg', 'quan ly hanh chinh', '#mrz', '#qr', 'bo cong an'],
    },
  },
  machineReadable: { qr: false, mrz: false },
  // No CMND is valid after 31/12/2024 (Luật Căn cước 2023 Điều 46); before that, 15 years from issue (NĐ 05/1999 Điều 2).
  validity: { yearsFromIssue: 15, noneAfter: '2024-12-31' },
  addressKeys: ['person.hometown', 'person.permanentAddress'],
  // Forms ask for the CMND's issue date and place under their own keys ("Ngày cấp CMND", "Nơi cấp").
  copies: [
    ['person.oldIdNumber', 'document.number'],
    ['document.issueDate', 'person.oldIdDocument.issueDate'],
    ['document.issuer', 'person.oldIdDocument.issuer'],
  ],
});
