/** Digit words and the spelling of 0..999 shared by the date and amount spellers. */
export const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

export function twoDigits(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return DIGIT_WORDS[units]!;
  const head = tens === 1 ? 'mười' : `${DIGIT_WORDS[tens]!} mươi`;
  if (units === 0) return head;
  if (units === 5) return `${head} lăm`;
  if (units === 1 && tens >= 2) return `${head} mốt`;
  if (units === 4 && tens >= 2) return `${head} tư`;
  return `${head} ${DIGIT_WORDS[units]!}`;
}

/** 0..999; `full` spells a zero hundreds digit (`không trăm linh năm`), as inside a larger number. */
export function threeDigits(n: number, full: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!full && hundreds === 0) return twoDigits(rest);
  const head = `${DIGIT_WORDS[hundreds]!} trăm`;
  if (rest === 0) return head;
  if (rest < 10) return `${head} linh ${DIGIT_WORDS[rest]!}`;
  return `${head} ${twoDigits(rest)}`;
}

/** Folded digit words and their values (`năm`, `lăm`, `nhăm` are 5; `bốn`, `tư` are 4). */
export const DIGIT_VALUES: Record<string, number> = {
  khong: 0,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  nham: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/** Whole number from folded, split number words (up to `tỷ`); undefined when malformed. */
export function parseNumberTokens(tokens: readonly string[]): number | undefined {
  if (tokens.length === 0) return undefined;
  let total = 0; // complete scaled groups
  let group = 0; // below a thousand, being built
  let pending: number | undefined;
  let lastScale = Infinity;
  let sawWord = false;
  for (const token of tokens) {
    if (token in DIGIT_VALUES) {
      if (pending !== undefined) return undefined;
      pending = DIGIT_VALUES[token];
    } else if (token === 'muoi' || token === 'chuc') {
      if (group % 100 >= 10) return undefined;
      group += pending === undefined ? 10 : pending * 10;
      pending = undefined;
    } else if (token === 'tram') {
      if (pending === undefined || group > 0) return undefined;
      group = pending * 100;
      pending = undefined;
    } else if (token === 'nghin' || token === 'ngan' || token === 'trieu' || token === 'ty') {
      const scale = token === 'ty' ? 1e9 : token === 'trieu' ? 1e6 : 1e3;
      const count = group + (pending ?? 0);
      if (count === 0 && total === 0 && !sawWord) return undefined;
      if (scale === 1e9) {
        if (lastScale === 1e9) return undefined;
        // "nghìn tỷ": a thousand billions, so the thousands already counted are multiplied too.
        total = (total + count) * scale;
      } else {
        if (scale >= lastScale && lastScale !== 1e9) return undefined;
        total += count * scale;
      }
      lastScale = scale;
      group = 0;
      pending = undefined;
    } else if (token !== 'linh' && token !== 'le') {
      return undefined;
    }
    sawWord = true;
  }
  return total + group + (pending ?? 0);
}
