import { foldText } from './fold';

// Hand-written readings of label shapes that every Vietnamese form family shares, so that binding does not
// depend on having seen a form's exact wording. Each returns a base key (no role) or undefined.

/** The identity documents a label names. */
export interface IdMention {
  cccd: boolean;
  cmnd: boolean;
  passport: boolean;
  /** Another ID card (CMCAND, CMQĐND, …): the label offers a choice of documents. */
  other: boolean;
}

const CCCD =
  /\b(cccd|can cuoc cong dan|the can cuoc|can cuoc|so dinh danh ca nhan|dinh danh ca nhan|so dinh danh|ma dinh danh|dinh danh|ddcn|personal identification|citizen identity card|identity card|id card|national id)\b/g;
const CMND = /\b(cmnd|cmtnd|cmt|chung minh nhan dan|chung minh thu|giay chung minh)\b/g;
const PASSPORT = /\b(ho chieu|passport)\b/g;
const OTHER_ID =
  /\b(cmcand|cmqdnd|cmsq|chung minh cong an nhan dan|chung minh quan doi nhan dan|chung minh si quan)\b/g;
/** Words that may stand beside the documents in an ID-number label ("Số … đã được cấp", "… hoặc …"). */
const ID_FILLER = new Set([
  'so',
  'ma',
  'the',
  'giay',
  'hoac',
  'hay',
  'va',
  'la',
  'da',
  'duoc',
  'cap',
  'cu',
  'moi',
  'ban',
  'nhan',
  'dan',
  'cong',
  'ca',
  'no',
  'number',
  'id',
  'card',
  'cua',
]);

/** Which identity documents a folded label names. */
export function idMentions(folded: string): IdMention {
  return {
    cccd: folded.search(CCCD) >= 0,
    cmnd: folded.search(CMND) >= 0,
    passport: folded.search(PASSPORT) >= 0,
    other: folded.search(OTHER_ID) >= 0,
  };
}

/**
 * An ID-number label in any mix of CCCD, CMND, căn cước, số định danh cá nhân, hộ chiếu ("Số CMND/CCCD",
 * "Số chứng minh thư hoặc thẻ căn cước công dân", "Số CMND/Hộ chiếu/CMCAND/CMQĐND"): the personal ID when
 * the label names the CCCD or the personal number or offers a choice; the 9-digit CMND number when it names
 * only the CMND; the passport number when it names only the passport. A label with any other word ("Ngày
 * cấp CMND", "Nơi cấp") is not a number label.
 */
export function idNumberKey(text: string): string | undefined {
  const folded = foldText(text);
  if (folded === '') return undefined;
  const m = idMentions(folded);
  if (!m.cccd && !m.cmnd && !m.passport) return undefined;
  const rest = folded
    .replace(CCCD, ' ')
    .replace(CMND, ' ')
    .replace(PASSPORT, ' ')
    .replace(OTHER_ID, ' ')
    .split(' ')
    .filter(Boolean);
  if (rest.some((w) => !ID_FILLER.has(w))) return undefined;
  // "cấp" only as "đã được cấp": "CMND cấp …" is about the issue, not the number.
  if (rest.includes('cap') && !rest.includes('duoc')) return undefined;
  const choice = [m.cmnd, m.passport, m.other].filter(Boolean).length > 1;
  if (m.cccd || choice) return 'person.idNumber';
  if (m.cmnd) return 'person.oldIdNumber';
  return 'person.passport.number';
}

/** The document whose issue a label or its neighbourhood names: `idDocument`, `oldIdDocument` or `passport`. */
export function documentOf(folded: string): 'idDocument' | 'oldIdDocument' | 'passport' | undefined {
  const m = idMentions(folded);
  if (m.cccd) return 'idDocument';
  if (m.passport && !m.cmnd) return 'passport';
  if (m.cmnd && !m.passport) return 'oldIdDocument';
  // "Giấy tờ tùy thân": whichever identity document the person holds, the one the vault files as theirs.
  if (!m.cmnd && !m.passport && /\bgiay to (tuy|nhan) than\b/.test(folded)) return 'idDocument';
  return undefined;
}

/** The document an ID-number key belongs to. */
export const DOCUMENT_OF_NUMBER: Record<string, 'idDocument' | 'oldIdDocument' | 'passport'> = {
  'person.idNumber': 'idDocument',
  'person.oldIdNumber': 'oldIdDocument',
  'person.passport.number': 'passport',
  'person.idDocument.number': 'idDocument',
};

/**
 * A blank that asks for a person's name by how the sentence addresses them: "Tôi tên là", "Tôi là", "Em là",
 * "Đại diện là ông (bà)", "Ông (Bà)", "Xác nhận anh/chị", "Người xin giao đất …" (a self noun phrase).
 */
export function nameByAddress(text: string): boolean {
  // Writing hints in parentheses ("(Chữ in hoa, có dấu)") are not part of the address; "(Bà)" in "Ông (Bà)" is.
  const folded = foldText(
    text.replace(/\(([^)]*)\)/g, (whole, inner: string) =>
      /\b(in hoa|viet|co dau|ghi ro)\b/.test(foldText(inner)) ? ' ' : whole,
    ),
  );
  if (/^(toi|em|con|chau)( ten)? la$|^ten (toi|em) la$|^ho (va )?ten (toi|em) la$/.test(folded)) return true;
  // An honorific pair at the end ("… là ông (bà)", "Ông/Bà", "anh/chị"): the name of whoever it addresses.
  if (
    /(^|\b(la|nhan|cho|cua|ong|ba)\s)(ong ba|ba ong|anh chi|chi anh)$/.test(folded) ||
    /^(ong ba|ba ong|anh chi|chi anh)$/.test(folded)
  )
    return true;
  return (
    /^nguoi (xin|de nghi|yeu cau|lam don|nop don|viet don|khai|bao cao|khieu nai|to cao|cam ket)\b/.test(folded) &&
    folded.split(' ').length <= 16
  );
}

/** The label asks for capitals ("viết chữ in hoa", "(chữ in hoa, có dấu)", "in block capitals"). */
export function asksForCapitals(text: string): boolean {
  return /\b(in hoa|viet hoa|chu hoa|block capitals|capital letters)\b/.test(foldText(text));
}

/**
 * The date a date-group label names ("Sinh ngày", "Ngày cấp", "Chết ngày", "Ngày đăng ký kết hôn"): a base
 * key, `issue` for an issue date whose document the context decides, or undefined.
 */
export function dateOfLabel(text: string): string | undefined {
  const folded = foldText(text.replace(/\([^)]*\)/g, ' '));
  if (folded === '' || /\bnoi\b/.test(folded)) return undefined;
  const words = folded.split(' ');
  if (words.length > 8) return undefined;
  if (/\b(chet|mat|tu tran|qua doi)\b/.test(folded)) return 'person.deathDate';
  if (/\bket hon\b/.test(folded)) return 'person.marriage.registrationDate';
  if (/\bkhai sinh\b/.test(folded) && /\bdang ky\b/.test(folded)) return 'person.birthCertificate.registrationDate';
  if (/\b(sinh|date of birth|birth)\b/.test(folded) && !/\bkhai sinh\b/.test(folded)) return 'person.birthDate';
  if (/\b(ngay cap|cap ngay|issued|date of issue)\b/.test(folded) || (words.length <= 3 && words.includes('cap')))
    return 'issue';
  // "Ngày, tháng, năm cấp" (the card's own wording): the date words, then "cấp".
  if (words.at(-1) === 'cap' && words.slice(0, -1).every((w) => DATE_WORDS.has(w))) return 'issue';
  return undefined;
}

const DATE_WORDS = new Set(['ngay', 'thang', 'nam']);

/**
 * A date label that names something besides the date ("Ngày, tháng, năm hết hạn", "ngày … tháng … năm cấp"): never
 * the bare "ngày … tháng … năm …" of a signature line, whatever the vocabulary's labels score.
 */
export function namesMoreThanADate(text: string): boolean {
  const words = foldText(text.replace(/\([^)]*\)/g, ' '))
    .replace(/^(\d+|[ivx]+|[a-d]) /, '')
    .split(' ')
    .filter(Boolean);
  return words.some((w) => !DATE_WORDS.has(w) && !SIGNING_WORDS.has(w));
}
const SIGNING_WORDS = new Set(['lam', 'tai', 'hom', 'nay', 'ky', 'khai', 'lap', 'don', 'to']);

/**
 * A section the form asks for only in some cases ("II. THÔNG TIN NGƯỜI KHAI (trường hợp đối tượng không tự khai)",
 * "Người đại diện (nếu có)"): the person it is about is never the form's principal, whoever its title names.
 */
export function isConditionalSection(title: string | undefined): boolean {
  if (title === undefined) return false;
  for (const [, hint] of title.matchAll(/\(([^)]*)\)/g)) if (/\b(neu|truong hop)\b/.test(foldText(hint!))) return true;
  return false;
}

/** A section an authority fills (its confirmation, its opinion, its decision): no citizen's declaration goes there. */
export function isAuthoritySection(title: string | undefined): boolean {
  if (title === undefined) return false;
  return /^(phan )?(xac nhan|y kien|phe duyet|danh cho|de xuat cua|ket qua|quyet dinh|can bo|thu truong|chu tich|giam doc|hieu truong|ban giam hieu|xet duyet)\b/.test(
    foldText(title).replace(/^([ivx]+|[a-d]) /, ''),
  );
}

/** "Nơi sinh (tỉnh, thành phố)", "Quê quán (tỉnh)": the label asks only the province of an address. */
export function asksProvinceOnly(text: string): boolean {
  const hint = /\(([^)]*)\)/.exec(text)?.[1];
  if (hint === undefined) return false;
  const words = foldText(hint).split(' ').filter(Boolean);
  return (
    words.length > 0 &&
    words.join(' ').startsWith('tinh') &&
    words.every((w) => ['tinh', 'thanh', 'pho', 'tp', 'hoac'].includes(w))
  );
}

/** A section about an organisation, not a person: a business, a company, an agency, a unit. */
export function isOrganisationSection(title: string | undefined): boolean {
  if (title === undefined) return false;
  // A history table ("Quá trình cư trú", "Quá trình công tác", "Residence history"): past periods, not today's facts.
  if (/^(qua trinh|tom tat qua trinh|lich su)\b|\bhistory$/.test(foldText(title).replace(/^([ivx]+|[a-d]|\d+) /, '')))
    return true;
  return /^((thong tin|dang ky)( ve)? )?(ho kinh doanh|doanh nghiep|cong ty|to chuc|co quan|don vi|chi nhanh|van phong dai dien|hop tac xa|organization|organisation|business|employer|company)\b/.test(
    foldText(title).replace(/^([ivx]+|[a-d]) /, ''),
  );
}

/**
 * The official labels of a person's core particulars (Luật Căn cước 2023, Điều 9; the CCCD and Căn cước cards; the
 * civil-status and residence forms) by their shape, so that a form binds them whichever wording variant it prints:
 * "Thường trú tại", "Nơi đăng ký thường trú", "Hộ khẩu thường trú" are the permanent address; "Nguyên quán", "Quê
 * quán" the home town; "Họ, chữ đệm và tên khai sinh" the full name. Only the listed filler words may stand beside
 * the head words, so a label that says anything more ("Địa chỉ thường trú của chủ hộ") is not read here.
 */
export function coreLabelKey(text: string): string | undefined {
  const folded = foldText(text.replace(/\([^)]*\)/g, ' ')).replace(/^([ivx]+|[a-d]) /, '');
  if (folded === '') return undefined;
  for (const [head, key, filler] of CORE_LABELS) {
    const m = head.exec(folded);
    if (!m) continue;
    const rest = `${folded.slice(0, m.index)} ${folded.slice(m.index + m[0].length)}`.split(' ').filter(Boolean);
    if (rest.every((w) => filler.has(w))) return key;
  }
  return undefined;
}

const ADDRESS_FILLER = new Set([
  'noi',
  'dia',
  'chi',
  'tai',
  'dang',
  'ky',
  'hien',
  'nay',
  'o',
  'ghi',
  'ro',
  'day',
  'du',
]);
const CORE_LABELS: Array<[RegExp, string, Set<string>]> = [
  [/\b(ho khau thuong tru|thuong tru|hktt)\b/, 'person.permanentAddress', ADDRESS_FILLER],
  [/\btam tru\b/, 'person.temporaryAddress', ADDRESS_FILLER],
  [/\b(noi|cho) o (hien nay|hien tai)\b/, 'person.currentAddress', ADDRESS_FILLER],
  [/\bcu tru\b/, 'person.residence', new Set(['noi', 'dia', 'chi', 'tai', 'hien', 'nay', 'tai'])],
  [/\b(que quan|nguyen quan)\b/, 'person.hometown', new Set(['noi'])],
  [/\b(noi dang ky khai sinh|noi dkks)\b/, 'person.birthRegistrationPlace', new Set()],
  [/^noi sinh$/, 'person.birthPlace', new Set()],
  [/^(ho chu dem va ten|ho chu dem ten|ho va ten|ho ten)\b/, 'person.fullName', new Set(['khai', 'sinh', 'day', 'du'])],
  [/^(dan toc)$/, 'person.ethnicity', new Set()],
  [/^(quoc tich)$/, 'person.nationality', new Set()],
  [/^(gioi tinh|nam nu|phai)$/, 'person.sex', new Set()],
];
