import type { Diagnostic, ExtractedField } from '@sohoa/core';
import { findProvince, normalizeText, parseVietnameseAmountWords } from '@sohoa/vn';
import { checkAgreement, checkPersonId, civilRecord, markerScore, splitRelations } from '../../civil-document';
import * as p from '../../field-parsers';
import { endsWithProvince } from '../../field-parsers';
import { readFields, type ReaderSpec } from '../../field-reader';
import * as rp from '../../field-reader/parsers';
import { titleVoteScore, type TitleVotes } from '../../title-votes';
import { foldLines } from '../../lines';
import { mergeFieldSets } from '../../merge';
import * as r from '../../registration-parsers';
import { chooseReading, rereadBoxes } from '../../reading-vote';
import type { ExtractContext, FieldSet, PageReading } from '../../types';
import { defineDocumentType } from '../define';
import { capForReview } from '../../internal/review-cap';

/**
 * Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất: the 2014 model (cover
 * page with the holders and the serial, inner page with the parcel) and the one-sheet 2024 model.
 * Labels follow the seeds, after one public parser of a real certificate (vietnam-facts §2.4,
 * single source); the first holder is the subject, a second holder (the spouse) a relation.
 */

/** Common land purposes (Luật Đất đai 2024, Điều 9), for snapping OCR readings. */
const LAND_PURPOSES = [
  'Đất ở tại đô thị',
  'Đất ở tại nông thôn',
  'Đất trồng lúa',
  'Đất trồng cây lâu năm',
  'Đất trồng cây hằng năm khác',
  'Đất nuôi trồng thủy sản',
  'Đất rừng sản xuất',
  'Đất thương mại, dịch vụ',
  'Đất cơ sở sản xuất phi nông nghiệp',
];
/** Common origins of the use right, as printed. */
const LAND_ORIGINS = [
  'Nhà nước công nhận quyền sử dụng đất',
  'Nhà nước giao đất có thu tiền sử dụng đất',
  'Nhà nước giao đất không thu tiền sử dụng đất',
  'Nhà nước cho thuê đất trả tiền một lần',
  'Nhà nước cho thuê đất trả tiền hằng năm',
  'Nhận chuyển nhượng quyền sử dụng đất',
  'Nhận thừa kế quyền sử dụng đất',
  'Nhận tặng cho quyền sử dụng đất',
];

const ANY = ['*'];
/** Holders: `Ông:` / `Bà:` name their sex; `Tên người sử dụng đất` does not. Their order on the page says who is first. */
const HOLDERS = ['male', 'female', 'holder'];
const PERSON_ROLES = [...HOLDERS, 'subject'];
/** Parcel fields are read in any section; the parcel's own section tells its address from the holders'. */
const PARCEL = ['parcel', '*'];

/** Land use codes printed instead of words (TT 08/2024/TT-BTNMT and earlier lists). */
const PURPOSE_CODES: Record<string, string> = {
  ODT: 'Đất ở tại đô thị',
  ONT: 'Đất ở tại nông thôn',
  LUA: 'Đất trồng lúa',
  CLN: 'Đất trồng cây lâu năm',
  HNK: 'Đất trồng cây hằng năm khác',
  NTS: 'Đất nuôi trồng thủy sản',
  RSX: 'Đất rừng sản xuất',
  TMD: 'Đất thương mại, dịch vụ',
  SKC: 'Đất cơ sở sản xuất phi nông nghiệp',
};

/** A land use purpose: snapped to the common ones, or its code (`ODT`); otherwise as printed (kept below the threshold, see `settleFreeText`). */
function purpose(text: string): string | undefined {
  const code = /^\s*\(?([A-Z]{3})\)?\s*$/.exec(text)?.[1];
  if (code && PURPOSE_CODES[code]) return PURPOSE_CODES[code];
  return snapOrKeep(LAND_PURPOSES)(text.replace(/\s*\([A-Z]{3}\)\s*$/, ''));
}

/** `Sử dụng riêng` / `Sử dụng chung`, also printed as `Riêng` / `Chung`. */
function useForm(text: string): string | undefined {
  const snapped = r.snapParser(['Sử dụng riêng', 'Sử dụng chung'])(text);
  if (snapped) return snapped;
  const word = text
    .trim()
    .replace(/[.;,]$/, '')
    .toLocaleLowerCase('vi');
  return word === 'riêng' ? 'Sử dụng riêng' : word === 'chung' ? 'Sử dụng chung' : undefined;
}

/** A holder's name, also when its title is printed in the value (`Ông Nguyễn Văn An`, `Hộ bà: …`). */
export function holderName(text: string): string | undefined {
  const bare = text.replace(/^\s*(?:[Hh]ộ\s+)?(?:[Ôô]ng|ÔNG|[Bb]à|BÀ)\s*[:.]?\s+(?=\p{Lu})/u, '');
  return rp.name(bare);
}

/** A 12-digit personal ID, or a 9-digit CMND on certificates issued before 2016. */
function holderId(text: string): string | undefined {
  return (
    rp.personalId(text) ??
    (/^\D*\d{12}/.test(text.replace(/\s/g, '')) ? undefined : p.parseCmndNumber(text.split(/\s{2,}/)[0]!))
  );
}

/**
 * Giấy chứng nhận quyền sử dụng đất as data for the shared reader: the models of 1993–2003 (`sổ đỏ`,
 * `Tên người sử dụng đất`), 2009 and 2014 (TT 17/2009, TT 23/2014: `Ông/Bà`, `Năm sinh`, `CMND số`,
 * items a) to g) of the parcel) and 2024 (TT 10/2024: `Loại đất`, `Hình thức sử dụng đất`, `Số phát hành`).
 */
export const LAND_CERTIFICATE_SPEC: ReaderSpec = {
  roles: [
    {
      id: 'holder',
      headings: [
        'Người sử dụng đất',
        'Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất',
        'Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất',
        'Chủ sử dụng đất',
      ],
      qualifiers: [],
    },
    {
      id: 'parcel',
      headings: [
        'Thửa đất',
        'Thông tin thửa đất',
        'Thửa đất, nhà ở và tài sản khác gắn liền với đất',
        'Thửa đất được quyền sử dụng',
      ],
      qualifiers: [],
    },
  ],
  stops: [
    'Nhà ở:',
    'Công trình xây dựng khác:',
    'Ghi chú',
    'Sơ đồ thửa đất',
    'Những thay đổi sau khi cấp giấy chứng nhận',
    'Thời điểm đăng ký vào sổ địa chính',
    'Thông tin tài sản gắn liền với đất',
    'Tài sản gắn liền với đất',
    'KT. Giám đốc',
    'Phó giám đốc',
    'Giám đốc',
    'TM. Ủy ban nhân dân',
    'KT. Chủ tịch',
    'Chủ tịch',
  ],
  fields: [
    {
      key: 'person.fullName',
      labels: ['Ông:', 'Hộ ông:', 'Hộ gia đình ông:', 'Ông (họ và tên)', 'Họ tên ông', 'Mr.:'],
      roles: ['male'],
      labelRole: 'male',
      parse: holderName,
      reread: true,
    },
    {
      key: 'person.fullName',
      labels: ['Bà:', 'Hộ bà:', 'Hộ gia đình bà:', 'Bà (họ và tên)', 'Họ tên bà', 'Mrs.:', 'Ms.:'],
      roles: ['female'],
      labelRole: 'female',
      parse: holderName,
      reread: true,
    },
    {
      key: 'person.fullName',
      labels: [
        'Tên người sử dụng đất',
        'Họ tên người sử dụng đất',
        'Họ và tên người sử dụng đất',
        'Tên chủ sử dụng đất',
        'Chủ sử dụng',
        // The title of either sex, as the blank forms print it (`Ông/Bà:`, `Ông (Bà):`, `Hộ ông (bà):`).
        'Ông/Bà',
        'Ông (Bà)',
        'Ông, Bà',
        'Hộ ông/bà',
        'Hộ ông (bà)',
        'Hộ gia đình ông/bà',
        'Hộ gia đình ông (bà)',
        'Họ tên chủ hộ',
        'Họ và tên chủ hộ',
        // The section's heading with the name after its colon (`1. Người sử dụng đất: Ông NGUYỄN VĂN AN`).
        'Người sử dụng đất:',
        'Chủ sử dụng đất:',
        'Người được cấp Giấy chứng nhận',
      ],
      roles: ['holder'],
      labelRole: 'holder',
      parse: holderName,
      reread: true,
    },
    {
      key: 'person.fullName',
      labels: ['Họ, chữ đệm và tên', 'Họ và tên', 'Họ tên'],
      roles: PERSON_ROLES,
      parse: holderName,
      reread: true,
    },
    {
      key: 'person.birthDate.year',
      labels: ['Năm sinh', 'Sinh năm', 'Ngày, tháng, năm sinh', 'Sinh ngày', 'Ngày sinh', 'Year of birth'],
      roles: PERSON_ROLES,
      parse: rp.year,
      reread: true,
      mayBeCut: false,
    },
    {
      key: 'person.idNumber',
      labels: [
        'CCCD số',
        'CMND số',
        'Số CCCD',
        'Số CMND',
        'Số CMND/CCCD',
        'Số định danh cá nhân',
        'Số định danh',
        'Căn cước số',
        'Căn cước công dân số',
        'Số căn cước công dân',
        'Số căn cước',
        'Chứng minh nhân dân số',
        'Số chứng minh nhân dân',
        'Giấy CMND số',
        'Số giấy tờ nhân thân',
        'Giấy tờ nhân thân',
      ],
      roles: PERSON_ROLES,
      parse: holderId,
      reread: true,
      mayBeCut: false,
    },
    {
      key: 'person.permanentAddress',
      labels: ['Địa chỉ thường trú', 'Thường trú tại', 'Nơi thường trú', 'Hộ khẩu thường trú', 'Địa chỉ', 'Trú tại'],
      roles: PERSON_ROLES,
      parse: rp.place,
      wraps: true,
      complete: endsWithProvince,
      reread: true,
    },
    {
      key: 'land.parcelNumber',
      labels: ['Thửa đất số', 'Thửa số', 'Số thửa', 'Số hiệu thửa'],
      roles: PARCEL,
      labelRole: 'parcel',
      parse: r.parseSmallNumber,
      reread: true,
      mayBeCut: false,
    },
    {
      key: 'land.mapSheetNumber',
      labels: ['Tờ bản đồ số', 'Tờ bản đồ', 'Số tờ bản đồ', 'Tờ số'],
      roles: PARCEL,
      parse: r.parseSmallNumber,
      reread: true,
      mayBeCut: false,
    },
    {
      key: 'land.address',
      labels: ['Địa chỉ thửa đất', 'Vị trí thửa đất', 'Địa chỉ', 'Vị trí', 'Xứ đồng'],
      roles: ['parcel'],
      parse: rp.place,
      wraps: true,
      complete: endsWithProvince,
      reread: true,
    },
    {
      key: 'land.area',
      labels: ['Diện tích', 'Diện tích (m²)', 'Diện tích (m2)', 'Diện tích sử dụng'],
      roles: PARCEL,
      parse: r.parseAreaValue,
      reread: true,
      mayBeCut: false,
    },
    {
      key: 'land.area.words',
      labels: ['Bằng chữ', 'Ghi bằng chữ'],
      roles: PARCEL,
      parse: (t) => r.parseAreaWordsValue(t.replace(/\)\s*$/, '')),
      wraps: true,
      // Words of an area end with their unit (`… mét vuông`) or the closing bracket: until then a line under them continues them.
      complete: (t) => /m[eé]t\s*vu[oô]ng\W*$|\)\s*$/iu.test(t),
      wrapsFlush: true,
      mayBeCut: false,
    },
    {
      key: 'land.useForm',
      labels: ['Hình thức sử dụng', 'Hình thức sử dụng đất:', 'Hình thức'],
      roles: PARCEL,
      parse: useForm,
    },
    {
      key: 'land.purpose',
      labels: ['Mục đích sử dụng', 'Mục đích sử dụng đất:', 'Loại đất', 'Mục đích'],
      roles: PARCEL,
      parse: purpose,
    },
    {
      key: 'land.term',
      labels: ['Thời hạn sử dụng', 'Thời hạn sử dụng đất:', 'Thời hạn'],
      roles: PARCEL,
      parse: r.parseLandTerm,
      reread: true,
      mayBeCut: false,
    },
    {
      key: 'land.origin',
      labels: ['Nguồn gốc sử dụng', 'Nguồn gốc sử dụng đất:', 'Nguồn gốc'],
      roles: PARCEL,
      parse: snapOrKeep(LAND_ORIGINS),
      wraps: true,
      connectives: false,
    },
    {
      key: 'land.certificate.registryNumber',
      labels: [
        'Số vào sổ cấp giấy chứng nhận',
        'Số vào sổ cấp GCN',
        'Số vào sổ cấp GCNQSDĐ',
        'Vào sổ cấp giấy chứng nhận số',
        'Vào sổ cấp GCN số',
        'Số vào sổ',
        'Vào sổ số',
      ],
      roles: ANY,
      parse: r.parseRegistryNumber,
      reread: true,
      mayBeCut: false,
    },
    {
      key: 'land.certificate.serial',
      labels: ['Số phát hành', 'Số phát hành Giấy chứng nhận', 'Số seri', 'Số sê-ri', 'Serial'],
      roles: ANY,
      parse: r.parseSerialValue,
      reread: true,
      mayBeCut: false,
    },
  ],
};

/** Where a value is snapped to a closed list when close, else kept as read. */
function snapOrKeep(values: readonly string[]): (text: string) => string | undefined {
  const snap = r.snapParser(values);
  return (text) => snap(text) ?? p.parseFreeText(text.replace(/[()]/g, ''));
}

const COVER = ['nguoi su dung dat', 'nam sinh', 'cccd so', 'cmnd so', 'ong:', 'ba:', 'so dinh danh'];
const INNER = [
  'thua dat so',
  'to ban do',
  'dien tich',
  'muc dich su dung',
  'thoi han',
  'nguon goc su dung',
  'hinh thuc su dung',
  'loai dat',
];

const LAND_VOTES: TitleVotes = {
  titles: [
    'giay chung nhan quyen su dung dat',
    'quyen su dung dat, quyen so huu nha o va tai san khac gan lien voi dat',
    'quyen su dung dat, quyen so huu tai san gan lien voi dat',
    'giay chung nhan quyen so huu nha o va quyen su dung dat o',
    'land use right certificate',
  ],
  labels: [
    'thua dat so',
    'to ban do so',
    'to ban do',
    'dien tich',
    'muc dich su dung',
    'thoi han su dung',
    'nguon goc su dung',
    'nguoi su dung dat',
    'hinh thuc su dung',
    'so vao so cap',
    'loai dat',
    'so phat hanh',
  ],
};

/** Parcel fields read in the parcel's section carry its role: they are the certificate's own. */
function parcelKeys(set: FieldSet): FieldSet {
  const out: FieldSet = {};
  for (const [key, field] of Object.entries(set)) if (!key.startsWith('parcel:')) out[key] = field;
  for (const [key, field] of Object.entries(set)) if (key.startsWith('parcel:')) out[key.slice(7)] = field;
  return out;
}

/**
 * Holders as printed: `Ông:` (male), `Bà:` (female) or a name without a title. The first on the page
 * is the subject, the second the relation `spouse`; a holder's sex is what its title says.
 */
function settleHolders(set: FieldSet): FieldSet {
  const out: FieldSet = {};
  const byRole = new Map<string, FieldSet>();
  for (const [key, field] of Object.entries(set)) {
    const at = key.indexOf(':');
    const role = at < 0 ? undefined : key.slice(0, at);
    if (role && HOLDERS.includes(role)) byRole.set(role, { ...(byRole.get(role) ?? {}), [key.slice(at + 1)]: field });
    else if (key.startsWith('person.')) byRole.set('subject', { ...(byRole.get('subject') ?? {}), [key]: field });
    else out[key] = field;
  }
  const top = (f: FieldSet): number =>
    Math.min(...Object.values(f).flatMap((x) => x.evidence.map((e) => e.box?.y ?? Infinity)));
  const roles = [...byRole.entries()].filter(([role]) => role !== 'subject').sort((a, b) => top(a[1]) - top(b[1]));
  const named = roles.filter(([, f]) => f['person.fullName']);
  // A holder whose name was not read keeps what was read under the holders' heading (year, ID, address):
  // the first holder's, when no holder's name was read at all.
  const holders = named.length > 0 ? named : roles.slice(0, 1);
  // What was read before any holder's title (an address printed once for all of them) belongs to the first.
  const before = byRole.get('subject') ?? {};
  const address = [...byRole.values()].map((f) => f['person.permanentAddress']).find(Boolean);
  holders.slice(0, 2).forEach(([role, f], i) => {
    const fields: FieldSet = { ...(i === 0 ? before : {}), ...f };
    if (role !== 'holder' && f['person.fullName']) {
      const title = f['person.fullName'];
      fields['person.sex'] = {
        value: role,
        raw: title.raw ?? '',
        confidence: Math.min(0.95, title.confidence),
        evidence: [...title.evidence],
      };
    }
    if (address && !fields['person.permanentAddress'])
      fields['person.permanentAddress'] = { ...address, evidence: [...address.evidence] };
    for (const [key, field] of Object.entries(fields)) out[i === 0 ? key : `spouse:${key}`] = field;
  });
  if (holders.length === 0) Object.assign(out, before);
  return out;
}

/** A purpose or origin printed in other words than the common ones is kept for review, below the fill threshold. */
function settleFreeText(fields: FieldSet, key: string, known: readonly string[]): Diagnostic[] {
  const f = fields[key];
  if (!f || known.includes(String(f.value)) || f.confidence < 0.69) return [];
  return capForReview(
    f,
    key,
    `\`${key}\` is not one of the common values; it is kept as printed, below the fill threshold, for review.`,
  );
}

const evidenceOf = (
  reading: PageReading,
  box: ExtractedField['evidence'][number]['box'],
): ExtractedField['evidence'] => [
  { method: 'ocr', sha256: reading.ocr!.source.sha256, page: reading.ocr!.source.page, ...(box ? { box } : {}) },
];

/** The signing block: `<place>, ngày … tháng … năm …` then `SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG` and its province. */
function readSigningBlock(reading: PageReading): FieldSet {
  const out: FieldSet = {};
  if (!reading.ocr) return out;
  const lines = foldLines(reading.ocr.lines);
  const dateLine = lines.find((l) => /ngay .{1,3} thang .{1,3} nam/.test(l.folded) && !/den ngay/.test(l.folded));
  const date = dateLine ? p.parseDayMonthYear(dateLine.line.text) : undefined;
  // The issue date heads the signing block: a date line without an agency or signer title under it may be another date.
  const signed =
    dateLine &&
    lines
      .slice(dateLine.index + 1, dateLine.index + 5)
      .some((l) => /so tai nguyen|uy ban nhan dan|giam doc|chu tich|^tm\.|^kt\./.test(l.folded));
  if (dateLine && date)
    out['document.issueDate'] = {
      value: date,
      raw: dateLine.line.text,
      confidence: Math.min(signed ? 0.95 : 0.6, dateLine.line.confidence),
      evidence: evidenceOf(reading, dateLine.line.box),
    };
  const agency = lines.findIndex((l) => l.folded.includes('so tai nguyen va moi truong'));
  if (agency >= 0) {
    const next = lines[agency + 1];
    const province = next ? findProvince(next.line.text.replace(/^(THÀNH PHỐ|TỈNH)\s+/iu, '')) : undefined;
    if (next && province) {
      out['document.issuer'] = {
        value: normalizeText(
          `Sở Tài nguyên và Môi trường ${province.kind === 'city' ? 'thành phố' : 'tỉnh'} ${province.name}`,
        ),
        raw: `${lines[agency]!.line.text} ${next.line.text}`,
        confidence: Math.min(0.95, lines[agency]!.line.confidence, next.line.confidence),
        evidence: evidenceOf(reading, next.line.box),
      };
    }
  }
  return out;
}

/**
 * The serial, printed alone in red near the foot of the cover page: the line ending in 6 or 8 digits
 * after a few letters, re-read on its own when a recogniser is available and the readings voted on.
 */
async function readSerial(reading: PageReading, context: ExtractContext): Promise<ExtractedField | undefined> {
  if (!reading.ocr) return undefined;
  const line = reading.ocr.lines.find(
    (l) =>
      l.box.y > reading.ocr!.height * 0.6 && /^[A-Za-z€]{1,4}\s?[0-9OoIl]{6}(?:[0-9OoIl]{2})?$/.test(l.text.trim()),
  );
  if (!line) return undefined;
  const toField = (text: string, confidence: number): ExtractedField | undefined => {
    const exact = r.parseSerialValue(text);
    // Tesseract sometimes adds a lower-case letter between the two red capitals ("CcU").
    const repaired = exact ?? r.parseSerialValue(text.trim().replace(/^([A-Z])[a-z€]([A-Z])/, '$1$2'));
    return repaired
      ? {
          value: repaired,
          raw: text,
          confidence: Math.min(0.95, exact ? confidence : confidence * 0.8),
          evidence: evidenceOf(reading, line.box),
        }
      : undefined;
  };
  const rereads = await rereadBoxes(reading.page, [line.box], context);
  const readings = [toField(line.text, line.confidence), ...rereads.map((x) => toField(x.text, x.confidence))].filter(
    (f): f is ExtractedField => f !== undefined,
  );
  return chooseReading(readings);
}

/** The area in words must spell the area in digits. */
const sameArea = (digits: string, words: string): boolean => parseVietnameseAmountWords(words) === Number(digits);

/** Giấy chứng nhận quyền sử dụng đất (2014 and 2024 models): holders, parcel, area cross-checked with its words. */
export const landUseCertificate = defineDocumentType({
  id: 'land-use-certificate',
  kind: 'land',
  title: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  docCodeKind: 'GCNQSDD',
  schema: 'https://sohoa.dev/schemas/documents/land-use-certificate.schema.json',
  fields: LAND_CERTIFICATE_SPEC.fields,
  sections: LAND_CERTIFICATE_SPEC.roles,
  stops: LAND_CERTIFICATE_SPEC.stops,
  requiredKeys: ['person.idNumber', 'land.parcelNumber', 'land.mapSheetNumber'],
  classify(reading) {
    const score = titleVoteScore(reading, LAND_VOTES);
    if (score < 0.4) return undefined;
    const cover = markerScore(reading, COVER);
    const inner = markerScore(reading, INNER);
    return {
      type: 'land-use-certificate',
      part: cover >= 0.4 && inner >= 0.4 ? 'full' : cover > inner ? 'cover' : inner > cover ? 'inner' : 'full',
      score: Math.min(1, score * 1.25),
    };
  },
  async extract(readings, classes, context) {
    const sets: FieldSet[] = [];
    const read: Diagnostic[] = [];
    for (const [i, reading] of readings.entries()) {
      if (!reading.ocr || classes[i]?.score === 0) continue;
      const { fields: set, diagnostics } = await readFields(reading.page, reading.ocr, LAND_CERTIFICATE_SPEC, context);
      read.push(...diagnostics);
      const serial = set['land.certificate.serial'] ? undefined : await readSerial(reading, context);
      sets.push({
        ...readSigningBlock(reading),
        ...settleHolders(parcelKeys(set)),
        ...(serial ? { 'land.certificate.serial': serial } : {}),
      });
    }
    const merged = mergeFieldSets(sets);
    const diagnostics: Diagnostic[] = [...merged.diagnostics, ...read];
    const { own: fields, relations } = splitRelations(merged.fields, ['spouse']);
    for (const key of ['land.purpose', 'land.origin'])
      diagnostics.push(...settleFreeText(fields, key, key === 'land.purpose' ? [...LAND_PURPOSES] : LAND_ORIGINS));
    diagnostics.push(...checkAgreement(fields, 'land.area', 'land.area.words', sameArea, 'area'));
    const address = fields['person.permanentAddress'];
    for (const rel of relations) {
      diagnostics.push(...checkPersonId(rel.fields, `person.${rel.role}.idNumber`));
      // One address line is printed for all holders.
      if (address && !rel.fields['person.permanentAddress'])
        rel.fields['person.permanentAddress'] = { ...address, evidence: [...address.evidence] };
    }
    const joint = fields['land.useForm'];
    // "Sử dụng chung" needs a second holder, "Sử dụng riêng" none.
    if (joint && (joint.value === 'Sử dụng chung') !== relations.length > 0) {
      joint.confidence *= 0.6;
      diagnostics.push({
        code: 'EXTRACT_SOURCES_DISAGREE',
        severity: 'warning',
        origin: 'extract',
        key: 'land.useForm',
        message:
          'The form of use (`land.useForm`) does not match the number of holders read; one of them needs review.',
      });
    }
    const serial = fields['land.certificate.serial'];
    if (serial) fields['document.number'] = { ...serial, evidence: [...serial.evidence] };
    const record = civilRecord('land-use-certificate', readings, fields, relations, diagnostics);
    const part = [...new Set(classes.map((c) => c.part))];
    return { ...record, part: part.length === 1 ? part[0]! : 'full' };
  },
});
