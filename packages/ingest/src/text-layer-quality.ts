import { foldDiacritics } from '@sohoa/vn';
import type { TextLayerAssessment } from './types';

const VIETNAMESE_LETTERS =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz';
const LETTER_SET = new Set([...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase()]);
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?([aeiouy]{1,3})(ch|ng|nh|c|m|n|p|t)?$/;
const BROKEN = /[\uFFFD\u0000-\u0008\u000E-\u001F\uE000-\uF8FF]/g;
const MIN_TOKENS = 8;

const fold = foldDiacritics;

/**
 * Judge a PDF text layer before trusting it instead of OCR. Vendor OCR layers on old scans are often
 * Vietnamese with the diacritics lost (`THANH PHO DA NANG`), letters from other alphabets (`Näng`),
 * digits inside words (`d6tig`) or case flips (`CHiJ`); broken font encodings give U+FFFD or private-use
 * characters. Pure function of the text; never echoes it.
 */
export function assessTextLayer(text: string): TextLayerAssessment {
  const all = text.normalize('NFC');
  const characters = [...all.replace(/\s+/g, '')].length;
  const broken = (all.match(BROKEN) ?? []).length;
  const tokens = all.split(/[\s.,;:!?()[\]{}"'“”‘’«»/\\|+=*_<>–—-]+/).filter((token) => /\p{L}/u.test(token));
  let syllables = 0;
  let marked = 0;
  let junk = 0;
  for (const token of tokens) {
    const foreign = [...token].some((ch) => /\p{L}/u.test(ch) && !LETTER_SET.has(ch));
    const lowerDigit = /\p{Ll}/u.test(token) && /\d/.test(token);
    const caseFlip = /\p{Ll}\p{Lu}/u.test(token);
    if (foreign || lowerDigit || caseFlip) {
      junk++;
      continue;
    }
    if (SYLLABLE.test(fold(token))) {
      syllables++;
      if (/[^\x00-\x7f]/.test(token)) marked++;
    }
  }
  const count = tokens.length;
  const metrics = {
    tokens: count,
    syllableShare: count > 0 ? syllables / count : 0,
    diacriticShare: syllables > 0 ? marked / syllables : 0,
    junkShare: count > 0 ? junk / count : 0,
    brokenShare: characters > 0 ? broken / characters : 0,
  };
  if (count < MIN_TOKENS) return { usable: false, reason: 'too-little-text', metrics };
  if (metrics.brokenShare > 0.02) return { usable: false, reason: 'broken-encoding', metrics };
  if (metrics.junkShare > 0.08) return { usable: false, reason: 'junk-tokens', metrics };
  if (metrics.syllableShare >= 0.6 && metrics.diacriticShare < 0.25)
    return { usable: false, reason: 'vietnamese-without-diacritics', metrics };
  return { usable: true, reason: 'ok', metrics };
}
