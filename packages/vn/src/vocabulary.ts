import { editDistance } from './internal/edit-distance';
import { normalizeText, toLooseKey } from './text';
import type { VocabularySnap } from './types';

/** The 54 ethnic groups of Việt Nam (Quyết định 121-TCTK/PPCĐ, 1979), as printed on documents. */
export const ETHNIC_GROUPS: readonly string[] = [
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  'Hoa',
  'Nùng',
  'Mông',
  'Dao',
  'Gia Rai',
  'Ê Đê',
  'Ba Na',
  'Xơ Đăng',
  'Sán Chay',
  'Cơ Ho',
  'Chăm',
  'Sán Dìu',
  'Hrê',
  'Ra Glai',
  'Mnông',
  'Thổ',
  'Xtiêng',
  'Khơ Mú',
  'Bru - Vân Kiều',
  'Cơ Tu',
  'Giáy',
  'Tà Ôi',
  'Mạ',
  'Giẻ Triêng',
  'Co',
  'Chơ Ro',
  'Xinh Mun',
  'Hà Nhì',
  'Chu Ru',
  'Lào',
  'La Chí',
  'Kháng',
  'Phù Lá',
  'La Hủ',
  'La Ha',
  'Pà Thẻn',
  'Lự',
  'Ngái',
  'Chứt',
  'Lô Lô',
  'Mảng',
  'Cơ Lao',
  'Bố Y',
  'Cống',
  'Si La',
  'Pu Péo',
  'Rơ Măm',
  'Brâu',
  'Ơ Đu',
];

/** Nationalities most often printed on civil-status documents (Vietnamese names). */
export const NATIONALITIES: readonly string[] = [
  'Việt Nam',
  'Trung Quốc',
  'Hàn Quốc',
  'Nhật Bản',
  'Lào',
  'Campuchia',
  'Thái Lan',
  'Hoa Kỳ',
  'Pháp',
  'Đức',
  'Anh',
  'Úc',
  'Canada',
  'Nga',
  'Đài Loan',
  'Singapore',
  'Malaysia',
  'Philippines',
  'Indonesia',
  'Ấn Độ',
];

/** Other spellings seen on documents for a value of {@link ETHNIC_GROUPS}. */
const ETHNIC_ALIASES: Record<string, string> = {
  'h mong': 'Mông',
  hmong: 'Mông',
  meo: 'Mông',
  khome: 'Khmer',
  'kho me': 'Khmer',
  ede: 'Ê Đê',
  jrai: 'Gia Rai',
  bahnar: 'Ba Na',
  'van kieu': 'Bru - Vân Kiều',
  'bru van kieu': 'Bru - Vân Kiều',
  stieng: 'Xtiêng',
  raglai: 'Ra Glai',
  'pa then': 'Pà Thẻn',
  hre: 'Hrê',
};

/**
 * Snap an OCR reading to the nearest value of a closed vocabulary: an exact match ignoring case,
 * diacritics and punctuation is taken as is; otherwise one value within a small edit distance
 * (1, or 2 for keys of 8+ letters) is taken and marked `corrected`, but only when no other value
 * is as close. Returns undefined when nothing or more than one value fits. Never throws.
 *
 * @example snapToVocabulary('Kinn', ETHNIC_GROUPS) // { value: 'Kinh', corrected: true, distance: 1 }
 */
export function snapToVocabulary(
  text: string,
  vocabulary: readonly string[],
  aliases: Record<string, string> = {},
): VocabularySnap | undefined {
  if (typeof text !== 'string' || text.length > 100) return undefined;
  const key = toLooseKey(text);
  if (key === '') return undefined;
  const exact = vocabulary.find((v) => toLooseKey(v) === key) ?? aliases[key];
  if (exact !== undefined)
    return { value: exact, corrected: normalizeText(text).toLowerCase() !== exact.toLowerCase(), distance: 0 };
  const limit = key.length >= 8 ? 2 : key.length >= 4 ? 1 : 0;
  if (limit === 0) return undefined;
  const scored = vocabulary
    .map((v) => ({ v, d: editDistance(key, toLooseKey(v), limit) }))
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d);
  if (scored.length === 0 || (scored.length > 1 && scored[1]!.d === scored[0]!.d)) return undefined;
  return { value: scored[0]!.v, corrected: true, distance: scored[0]!.d };
}

/** Snap to one of the 54 {@link ETHNIC_GROUPS} (also accepts common other spellings such as `H'Mông`). */
export function snapEthnicity(text: string): VocabularySnap | undefined {
  return snapToVocabulary(text, ETHNIC_GROUPS, ETHNIC_ALIASES);
}

/** Snap to one of the {@link NATIONALITIES}. */
export function snapNationality(text: string): VocabularySnap | undefined {
  return snapToVocabulary(text, NATIONALITIES);
}
