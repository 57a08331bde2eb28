import type { Province34, Province63 } from './types';
import { PROVINCES_34, PROVINCES_63 } from './provinces-data';
import { toLooseKey } from './text';

const UNIT_PREFIX = /^(?:thanh pho truc thuoc trung uong|thanh pho|thu do|tinh|tp|t p)\s+/;

function stripUnit(key: string): string {
  return key.replace(UNIT_PREFIX, '');
}

interface Candidate<P> {
  key: string;
  province: P;
}

function candidates<P extends { name: string; aliases: readonly string[] }>(list: readonly P[]): Candidate<P>[] {
  return list.flatMap((province) =>
    [province.name, ...province.aliases].map((label) => ({ key: stripUnit(toLooseKey(label)), province })),
  );
}

const CANDIDATES_63 = candidates(PROVINCES_63);
const CANDIDATES_34 = candidates(PROVINCES_34);

function findIn<P>(list: Candidate<P>[], text: string): P | undefined {
  if (typeof text !== 'string' || text.length > 1000) return undefined;
  const loose = toLooseKey(text);
  const whole = stripUnit(loose);
  const exact = list.find((c) => c.key === whole);
  if (exact) return exact.province;
  // Inside an address the province comes last: take the rightmost whole-word match, then the longest.
  const padded = ` ${loose} `;
  let best: { end: number; length: number; province: P } | undefined;
  for (const c of list) {
    if (c.key.length < 3) continue;
    const at = padded.lastIndexOf(` ${c.key} `);
    if (at < 0) continue;
    const end = at + c.key.length;
    if (!best || end > best.end || (end === best.end && c.key.length > best.length)) {
      best = { end, length: c.key.length, province: c.province };
    }
  }
  return best?.province;
}

/** The pre-2025 province with this 3-digit personal-ID code (`001`..`096`), if any. */
export function getProvince63(code: string): Province63 | undefined {
  return PROVINCES_63.find((p) => p.code === code);
}

/** The post-2025 province with this 2-digit code (`01`..`96`), if any. */
export function getProvince34(code: string): Province34 | undefined {
  return PROVINCES_34.find((p) => p.code === code);
}

/**
 * Find one of the 63 pre-2025 provinces in a text, loosely: case, diacritics, punctuation and unit words
 * (`Thành phố`, `TP.`, `Tỉnh`) are ignored, and common aliases (`Tp HCM`, `Sài Gòn`, `Huế`) are known.
 * In a full address the last province named wins.
 *
 * @example findProvince('Tp HCM')?.code // '079'
 */
export function findProvince(text: string): Province63 | undefined {
  return findIn(CANDIDATES_63, text);
}

/** Like {@link findProvince} but for the 34 provinces in force since 1 July 2025; an old name maps to its new unit. */
export function findProvince34(text: string): Province34 | undefined {
  const old = findIn(CANDIDATES_63, text);
  return old ? getProvince34(old.newCode) : findIn(CANDIDATES_34, text);
}

/**
 * The post-2025 province that an old province became: by 3-digit ID code (`049`), 2-digit statistical code
 * (`49`) or name (`Quảng Nam`). `oldProvinceToNew('049')?.name` is `Đà Nẵng`.
 */
export function oldProvinceToNew(codeOrName: string): Province34 | undefined {
  if (typeof codeOrName !== 'string') return undefined;
  const trimmed = codeOrName.trim();
  if (/^\d{2,3}$/.test(trimmed)) {
    const old = getProvince63(trimmed.padStart(3, '0'));
    return old ? getProvince34(old.newCode) : undefined;
  }
  const old = findProvince(trimmed);
  return old ? getProvince34(old.newCode) : undefined;
}
