import type { Sex } from './types';
import { toLooseKey } from './text';

const MALE = new Set(['nam', 'm', 'male', 'man', 'trai', 'nam gioi', 'gioi tinh nam']);
const FEMALE = new Set(['nu', 'f', 'female', 'woman', 'gai', 'nu gioi', 'gioi tinh nu']);

/**
 * Read a sex as written on documents and forms: `Nam`, `Nữ`, `NU`, `M`, `F`, `male`, `female`, ...
 * Returns undefined for anything else. Never throws.
 */
export function parseSex(s: string): Sex | undefined {
  if (typeof s !== 'string' || s.length > 50) return undefined;
  const key = toLooseKey(s);
  if (MALE.has(key)) return 'male';
  if (FEMALE.has(key)) return 'female';
  return undefined;
}

/** The Vietnamese word printed on documents: `Nam` or `Nữ`. */
export function sexToVietnamese(sex: Sex): 'Nam' | 'Nữ' {
  return sex === 'male' ? 'Nam' : 'Nữ';
}
