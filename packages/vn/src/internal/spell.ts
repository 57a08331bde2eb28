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
