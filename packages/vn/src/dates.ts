import { SohoaError } from '@sohoa/core';
import type { ParsedDate } from './types';
import { foldDiacritics } from './text';
import { isValidDate, isValidYear, pad2, pad4, splitIsoDay } from './internal/calendar';

function day(year: number, month: number, d: number): ParsedDate | undefined {
  return isValidDate(year, month, d) ? { iso: `${pad4(year)}-${pad2(month)}-${pad2(d)}`, precision: 'day' } : undefined;
}

function month(year: number, m: number): ParsedDate | undefined {
  return isValidYear(year) && m >= 1 && m <= 12 ? { iso: `${pad4(year)}-${pad2(m)}`, precision: 'month' } : undefined;
}

function year(y: number): ParsedDate | undefined {
  return isValidYear(y) ? { iso: pad4(y), precision: 'year' } : undefined;
}

/**
 * Parse a date as written on Vietnamese documents: `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`,
 * `ddmmyyyy` (QR form), `yyyy-mm-dd`, `ngày 04 tháng 3 năm 2022`, `mm/yyyy`, `tháng 3 năm 2022`, `yyyy`,
 * `năm 2022`. Returns undefined for anything else, including impossible dates (31/02) and years
 * outside 1800–2199. Never throws.
 *
 * @example parseDate('ngày 04 tháng 3 năm 2022') // { iso: '2022-03-04', precision: 'day' }
 */
export function parseDate(text: string): ParsedDate | undefined {
  if (typeof text !== 'string' || text.length > 200) return undefined;
  const s = foldDiacritics(text.normalize('NFC'))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;]$/, '')
    .trim();
  let m: RegExpExecArray | null;
  const numeric = s.replace(/^ngay\s+(?=\d)/, '');
  if ((m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(numeric))) return day(+m[4]!, +m[3]!, +m[1]!);
  if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(numeric))) return day(+m[3]!, +m[2]!, +m[1]!);
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) return day(+m[1]!, +m[2]!, +m[3]!);
  if ((m = /^(?:ngay\s*)?(\d{1,2})\s*,?\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})$/.exec(s))) {
    return day(+m[3]!, +m[2]!, +m[1]!);
  }
  if ((m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s))) return month(+m[2]!, +m[1]!);
  if ((m = /^thang\s*(\d{1,2})\s*,?\s*(?:nam\s*)?(\d{4})$/.exec(s))) return month(+m[2]!, +m[1]!);
  if ((m = /^(?:nam\s*)?(\d{4})$/.exec(s))) return year(+m[1]!);
  return undefined;
}

/**
 * Format an ISO date the Vietnamese way: `YYYY-MM-DD` → `dd/mm/yyyy`, `YYYY-MM` → `mm/yyyy`, `YYYY` → `yyyy`.
 * Throws `VN_INVALID_DATE` for anything else.
 */
export function formatDateVn(iso: string): string {
  const full = splitIsoDay(iso);
  if (full) return `${pad2(full.day)}/${pad2(full.month)}/${pad4(full.year)}`;
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(iso);
  if (m && isValidYear(+m[1]!) && (m[2] === undefined || (+m[2] >= 1 && +m[2] <= 12))) {
    return m[2] === undefined ? m[1]! : `${m[2]}/${m[1]!}`;
  }
  throw new SohoaError(
    'VN_INVALID_DATE',
    'formatDateVn() needs an ISO date `YYYY-MM-DD`, `YYYY-MM` or `YYYY` with a real calendar day; parse free text with `parseDate()` first.',
  );
}
