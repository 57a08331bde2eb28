import { findProvince, findProvince34, foldDiacritics, PROVINCES_34, PROVINCES_63 } from '@sohoa/vn';
import type { FieldSource } from '../types';
import { ADDRESS_KEYS } from '../vocabulary';

/**
 * A value the extractor did not read but implied (the card model's usual issuer, a sex implied by the
 * certificate's layout): method `computed` from a document, below full confidence (`EXTRACT_FIELD_IMPLIED`).
 * Values computed by eform itself (the signing date) have no document.
 */
export function isImplied(source: FieldSource): boolean {
  return source.method === 'computed' && source.documentId !== undefined && source.confidence < 1;
}

const SYLLABLE_VOWEL = /[aeiouy]/;

/**
 * Text cut short: ends on a separator or an ellipsis, or its last word has letters but no vowel
 * ("Thành phố Hà N", "Thành ph"), which no Vietnamese syllable does.
 */
export function looksCut(text: string): boolean {
  const t = text.normalize('NFC').trim();
  if (t === '') return false;
  if (/(\.\.\.|…|[,;:/\-–(])$/u.test(t)) return true;
  const last =
    foldDiacritics(t)
      .split(/[\s,;]+/)
      .filter(Boolean)
      .at(-1) ?? '';
  return /^\p{L}+$/u.test(last) && !SYLLABLE_VOWEL.test(last);
}

const PROVINCE_WORD = /^(tinh|thanh pho|tp)\.?\s+/;
const LOWER_UNIT = /^(quan|huyen|thi xa|phuong|xa|thi tran|dac khu|thon|ap|ban|to|khu pho|duong|pho|ngo|so)\b/;
let provinceNames: string[] | undefined;

/** A province name the text is a strict beginning of ("Nam Đị" of "Nam Định"): a name cut short. */
function isCutProvinceName(name: string): boolean {
  provinceNames ??= [...PROVINCES_63, ...PROVINCES_34].map((p) => foldDiacritics(p.name).toLowerCase());
  const folded = foldDiacritics(name).toLowerCase().trim();
  return folded !== '' && provinceNames.some((p) => p !== folded && p.startsWith(folded));
}

/**
 * An address cut short: besides {@link looksCut}, an address of several parts that stops before its province
 * ("…, Quận Cầu Giấy") or whose province name is the beginning of a real one ("…, Tỉnh Nam Đị"). Every
 * address printed on a Vietnamese document ends with its province; a last part that names no lower unit is
 * taken as written (a foreign place, a province this build does not know).
 */
export function addressLooksCut(address: string): boolean {
  if (looksCut(address)) return true;
  const parts = address
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return false;
  const last = parts.at(-1)!;
  if (findProvince(last) !== undefined || findProvince34(last) !== undefined) return false;
  const folded = foldDiacritics(last).toLowerCase();
  if (PROVINCE_WORD.test(folded)) return isCutProvinceName(last.replace(/^\S+(\s+phố)?\.?\s+/iu, ''));
  return LOWER_UNIT.test(folded) || isCutProvinceName(last);
}

/** The address key a key is read from (`person.mother.permanentAddress.ward` → `person.mother.permanentAddress`). */
export function addressKeyOf(key: string): string | undefined {
  const parts = key.split('.');
  for (let i = parts.length; i > 1; i--) {
    const last = parts[i - 1]!;
    if (ADDRESS_KEYS.has(last) || last === 'residence') return parts.slice(0, i).join('.');
  }
  return undefined;
}
