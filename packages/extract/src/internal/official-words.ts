import { PROVINCES_63, foldDiacritics } from '@sohoa/vn';

/** Words of organisation names in capitals, as printed in the header of official letters. */
const PHRASES = [
  'SỞ',
  'PHÒNG',
  'GIÁO DỤC',
  'ĐÀO TẠO',
  'GIÁO DỤC VÀ ĐÀO TẠO',
  'GIAO THÔNG VẬN TẢI',
  'THÀNH PHỐ',
  'TỈNH',
  'HUYỆN',
  'QUẬN',
  'PHƯỜNG',
  'THỊ XÃ',
  'THỊ TRẤN',
  'ỦY BAN',
  'ỦY BAN NHÂN DÂN',
  'HỘI ĐỒNG NHÂN DÂN',
  'BỘ',
  'CỤC',
  'TỔNG CỤC',
  'CHI CỤC',
  'VỤ',
  'VIỆN',
  'BỆNH VIỆN',
  'ĐA KHOA',
  'TƯ PHÁP',
  'Y TẾ',
  'CÔNG AN',
  'AN NINH',
  'CHÍNH TRỊ',
  'NỘI BỘ',
  'CHÍNH PHỦ',
  'VĂN PHÒNG',
  'THỦ TƯỚNG',
  'TRƯỜNG',
  'ĐẠI HỌC',
  'TRUNG TÂM',
  'THUẾ',
  'QUỐC HỘI',
  'THƯỜNG VỤ',
  'LAO ĐỘNG',
  'THƯƠNG BINH',
  'XÃ HỘI',
  'TÀI NGUYÊN',
  'MÔI TRƯỜNG',
  'KẾ HOẠCH',
  'ĐẦU TƯ',
  'XÂY DỰNG',
  'NÔNG NGHIỆP',
  'PHÁT TRIỂN',
  'NÔNG THÔN',
  'NGOẠI VỤ',
  'QUỐC PHÒNG',
  'BAN CHẤP HÀNH',
  'TRUNG ƯƠNG',
  'ĐẢNG',
  'THANH TRA',
  'NGÂN HÀNG',
  'KHO BẠC',
  'HẢI QUAN',
  'THỐNG KÊ',
  'THÔNG TIN',
  'TRUYỀN THÔNG',
  'GIÁM ĐỐC',
  'PHÓ',
  'CHỦ TỊCH',
  'TRƯỞNG PHÒNG',
  'PHỤ TRÁCH',
  'BỘ TRƯỞNG',
  'THỨ TRƯỞNG',
  'VĂN HÓA',
  'THỂ THAO',
  'DU LỊCH',
  'TÀI CHÍNH',
  'CÔNG THƯƠNG',
  'KHOA HỌC',
  'CÔNG NGHỆ',
  'NỘI VỤ',
  'DÂN TỘC',
  'TÔN GIÁO',
  'NHÀ NƯỚC',
  ...PROVINCES_63.map((p) => p.name.toLocaleUpperCase('vi')),
];

const key = (word: string): string => foldDiacritics(word.normalize('NFC')).toLowerCase();
const BY_FIRST = new Map<string, string[][]>();
for (const phrase of PHRASES) {
  const words = phrase.split(' ');
  BY_FIRST.set(
    key(words[0]!),
    [...(BY_FIRST.get(key(words[0]!)) ?? []), words].sort((a, b) => b.length - a.length),
  );
}

const WORD_BY_KEY = new Map<string, string>();
for (const word of PHRASES.flatMap((p) => p.split(' ')))
  if (!WORD_BY_KEY.has(key(word))) WORD_BY_KEY.set(key(word), word);

const PAIRS = new Set(
  PHRASES.flatMap((p) =>
    p
      .split(' ')
      .slice(1)
      .map((w, i) => `${key(p.split(' ')[i]!)} ${key(w)}`),
  ),
);

/**
 * Splits a token OCR read without its spaces (`ĐAKHOATINH`) into known words, when it splits
 * completely; among several splits the one with the most neighbours that form a known phrase wins.
 */
function splitRunTogether(token: string): string[] {
  const k = key(token);
  if ([...k].length < 6 || [...k].length > 24 || WORD_BY_KEY.has(k) || !/^[a-z]+$/.test(k)) return [token];
  let best: { parts: string[]; score: number } | undefined;
  const walk = (at: number, parts: string[]): void => {
    if (at === k.length) {
      const score = parts.slice(1).filter((w, i) => PAIRS.has(`${parts[i]} ${w}`)).length * 2 - parts.length;
      if (!best || score > best.score) best = { parts: [...parts], score };
      return;
    }
    for (let len = 2; len <= Math.min(8, k.length - at); len++) {
      const piece = k.slice(at, at + len);
      if (WORD_BY_KEY.has(piece)) walk(at + len, [...parts, piece]);
    }
  };
  walk(0, []);
  return best ? best.parts.map((p) => WORD_BY_KEY.get(p)!) : [token];
}

/**
 * Restores the tone marks of known organisation words in an issuing body read in capitals
 * (`SƠ GIAO DỤC VÀ ĐAO TẠO` → `SỞ GIÁO DỤC VÀ ĐÀO TẠO`). The longest known phrase whose words
 * match without diacritics wins, so `GIAO THÔNG` and `GIÁO DỤC` are told apart; other words stay as read.
 */
export function snapOrganisationWords(text: string): string {
  const words = text.split(' ').flatMap((w) => (w === w.toLocaleUpperCase('vi') ? splitRunTogether(w) : [w]));
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = (BY_FIRST.get(key(words[i]!)) ?? []).find((p) =>
      p.every((w, k) => words[i + k] !== undefined && key(words[i + k]!) === key(w)),
    );
    if (phrase && words[i] === words[i]!.toLocaleUpperCase('vi')) {
      out.push(...phrase);
      i += phrase.length;
    } else out.push(words[i++]!);
  }
  return out.join(' ');
}
