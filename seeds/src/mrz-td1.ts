import { mrzCheckDigit, toMrzName } from '@sohoa/vn';
import type { Sex } from './types';

const yymmdd = (iso: string): string => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

/**
 * The three TD1 lines of a chip CCCD: line 1 `IDVNM` + last 9 ID digits + check digit + full ID + filler +
 * ID check digit; line 2 birth date, sex, expiry (`<<<<<<<` when none), `VNM`, composite check digit;
 * line 3 the name.
 */
export function composeCccdMrz(p: {
  idNumber: string;
  fullName: string;
  birthDate: string;
  sex: Sex;
  expiryDate: string | null;
}): [string, string, string] {
  const docNumber = p.idNumber.slice(3);
  const optional = `${p.idNumber}<<${mrzCheckDigit(p.idNumber)}`;
  const line1 = `IDVNM${docNumber}${mrzCheckDigit(docNumber)}${optional}`;
  const birth = yymmdd(p.birthDate);
  const expiry = p.expiryDate === null ? '<<<<<<<' : `${yymmdd(p.expiryDate)}${mrzCheckDigit(yymmdd(p.expiryDate))}`;
  const head = `${birth}${mrzCheckDigit(birth)}${p.sex === 'male' ? 'M' : 'F'}${expiry}VNM`.padEnd(29, '<');
  // ICAO 9303 TD1 composite: line 1 from position 6, line 2 positions 1–7, 9–15 and 19–29.
  const composite = mrzCheckDigit(line1.slice(5) + head.slice(0, 7) + head.slice(8, 15) + head.slice(18, 29));
  return [line1, `${head}${composite}`, toMrzName(p.fullName)];
}
