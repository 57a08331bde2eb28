import type { NameParts } from './types';
import { normalizeText, toLooseKey } from './text';

// Two-word family names; everything else takes the first word as the family name.
const COMPOUND_FAMILY_NAMES = new Set([
  'au duong',
  'tu ma',
  'ton that',
  'ton nu',
  'cong ton',
  'nguyen phuc',
  'hoang phu',
]);

function capitalise(word: string): string {
  return word.toLocaleLowerCase('vi').replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, letter: string) => {
    const upper = letter.toLocaleUpperCase('vi');
    // Some non-Vietnamese letters upper-case to two characters; leave those alone.
    return sep + ([...upper].length === 1 ? upper : letter);
  });
}

/**
 * Write a name in proper case, normalised (NFC, modern tone marks, single spaces).
 *
 * @example toProperCaseName('NGUYỄN THỊ HOÀ') // 'Nguyễn Thị Hoà'
 */
export function toProperCaseName(name: string): string {
  // Case changes can decompose or recompose marks, so normalise again afterwards (idempotence).
  return normalizeText(
    normalizeText(name)
      .split(' ')
      .filter((w) => w !== '')
      .map(capitalise)
      .join(' '),
  );
}

/**
 * Split a Vietnamese full name into family name (họ), middle name(s) (chữ đệm) and given name (tên).
 * A few two-word family names (`Âu Dương`, `Tôn Thất`, ...) are recognised; a one-word name is all given name.
 *
 * @example splitVietnameseName('Nguyễn Thị Thu Hoà') // { family: 'Nguyễn', middle: 'Thị Thu', given: 'Hoà' }
 */
export function splitVietnameseName(fullName: string): NameParts {
  const words = normalizeText(fullName)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0]! };
  const familyLength = words.length >= 3 && COMPOUND_FAMILY_NAMES.has(toLooseKey(`${words[0]} ${words[1]}`)) ? 2 : 1;
  return {
    family: words.slice(0, familyLength).join(' '),
    middle: words.slice(familyLength, -1).join(' '),
    given: words[words.length - 1]!,
  };
}

// Common Vietnamese family names (họ), which cover the vast majority of the population.
const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trịnh',
  'Đoàn',
  'Lâm',
  'Mai',
  'Trương',
  'Cao',
  'Lương',
  'Tạ',
  'Hà',
  'Lưu',
  'Tô',
  'Châu',
  'Thái',
  'Quách',
  'Tăng',
  'Kiều',
  'Hứa',
  'Từ',
  'Văn',
  'Chu',
  'Khúc',
  'Nông',
  'Lò',
  'Triệu',
  'Thân',
  'Phùng',
  'La',
  'Tôn',
  'Đàm',
  'Đào',
  'Doãn',
  'Giang',
  'Khổng',
  'Mạc',
  'Mạnh',
  'Ninh',
  'Phí',
  'Quan',
  'Tiêu',
  'Vương',
  'Vi',
  'Ông',
  'Diệp',
  'Đồng',
  'Âu',
  'Lục',
  'Lã',
  'Hầu',
  'Bạch',
  'Cù',
  'Đường',
  'Kim',
  'Lạc',
  'Lạng',
  'Man',
  'Nghiêm',
  'Sầm',
  'Tất',
  'Thạch',
  'Thiều',
  'Yên',
];

const FAMILY_BY_FOLD = (() => {
  const map = new Map<string, string[]>();
  for (const name of FAMILY_NAMES) {
    const key = toLooseKey(name);
    map.set(key, [...(map.get(key) ?? []), normalizeText(name)]);
  }
  return map;
})();

/**
 * Corrects the diacritics of the family name (first word) of a name read by OCR, when the word
 * without marks matches exactly one common family name (`Nguyên` → `Nguyễn`, `Tran` → `Trần`).
 * Ambiguous words (`Dương`/`Đường`) and unknown ones are left as they are.
 *
 * @example snapFamilyName('Nguyên Văn An') // { value: 'Nguyễn Văn An', corrected: true }
 */
export function snapFamilyName(fullName: string): { value: string; corrected: boolean } {
  const words = normalizeText(fullName)
    .split(' ')
    .filter((w) => w !== '');
  const first = words[0];
  if (!first || words.length < 2) return { value: words.join(' '), corrected: false };
  const matches = FAMILY_BY_FOLD.get(toLooseKey(first));
  if (matches?.length !== 1 || matches[0] === first) return { value: words.join(' '), corrected: false };
  const snapped = first === first.toLocaleUpperCase('vi') ? matches[0]!.toLocaleUpperCase('vi') : matches[0]!;
  return { value: [snapped, ...words.slice(1)].join(' '), corrected: true };
}
