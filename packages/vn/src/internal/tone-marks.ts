// Combining marks in NFD: the five Vietnamese tones.
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

interface Letter {
  base: string;
  /** The first tone mark, or ''. */
  tone: string;
  /** Marks other than `tone`. */
  others: string;
  /** Every mark in its original order (so a letter that is not moved comes back unchanged). */
  marks: string;
}

function splitLetters(nfd: string): Letter[] {
  const letters: Letter[] = [];
  for (const ch of nfd) {
    const last = letters[letters.length - 1];
    if (/\p{M}/u.test(ch) && last) {
      last.marks += ch;
      if (TONE_MARKS.has(ch) && last.tone === '') last.tone = ch;
      else last.others += ch;
    } else {
      letters.push({ base: ch, tone: '', others: '', marks: '' });
    }
  }
  return letters;
}

function isOldStylePair(first: Letter, second: Letter): boolean {
  if (first.tone === '' || first.others !== '' || second.tone !== '') return false;
  const a = first.base.toLowerCase();
  const b = second.base.toLowerCase();
  return (
    (a === 'o' && (b === 'a' || b === 'e') && second.others === '') || (a === 'u' && b === 'y' && second.others === '')
  );
}

/**
 * Move tone marks from the old placement (`hòa`, `thủy`, `khỏe`) to the modern one (`hoà`, `thuỷ`, `khoẻ`).
 * Input and output are NFC.
 */
export function toModernToneMarks(text: string): string {
  const nfd = text.normalize('NFD');
  if (!/[oOuU][\u0300\u0301\u0303\u0309\u0323]/u.test(nfd)) return text.normalize('NFC');
  const letters = splitLetters(nfd);
  for (let i = 0; i + 1 < letters.length; i++) {
    const first = letters[i]!;
    const second = letters[i + 1]!;
    if (isOldStylePair(first, second)) {
      second.tone = first.tone;
      second.marks = first.tone;
      first.tone = '';
      first.marks = '';
    }
  }
  return letters
    .map((l) => l.base + l.marks)
    .join('')
    .normalize('NFC');
}
