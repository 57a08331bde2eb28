/** Characters tesseract commonly reads in place of digits inside digit-only fields. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  '!': '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  G: '6',
  b: '6',
  B: '8',
  g: '9',
  q: '9',
};

/** Maps look-alike letters to digits; use only on a token already known to be numeric. */
export function toDigits(text: string): string {
  let out = '';
  for (const ch of text) out += DIGIT_LOOKALIKES[ch] ?? ch;
  return out;
}

/** True when most characters of the token are digits, so look-alike repair is safe. */
function isMostlyDigits(token: string): boolean {
  const digits = token.replace(/\D/g, '').length;
  return digits >= 4 && digits / token.length >= 0.7;
}

/**
 * Finds runs of exactly `length` digits in OCR text. Tokens that are mostly digits get their
 * look-alike letters repaired; punctuation around them is dropped.
 */
export function findDigitRuns(text: string, length: number): string[] {
  const found: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const token = raw.replace(/^[^\dA-Za-z|!]+|[^\dA-Za-z|!]+$/g, '');
    if (!token) continue;
    const candidate = isMostlyDigits(token) ? toDigits(token) : token;
    for (const m of candidate.matchAll(new RegExp(`(?<!\\d)\\d{${length}}(?!\\d)`, 'g'))) found.push(m[0]);
  }
  return found;
}

/** Finds dates written `dd/mm/yyyy` (also `-` or `.`), tolerating look-alike letters in the digits. */
export function findNumericDates(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const token = toDigits(raw.replace(/[,;:]+$/g, ''));
    const m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(token);
    if (m) out.push(`${m[1]}/${m[2]}/${m[3]}`);
  }
  return out;
}
