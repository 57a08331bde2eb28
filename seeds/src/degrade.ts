import sharp from 'sharp';
import { createRng } from './rng';
import type { Degradation, DegradationKind, DegradeOptions } from './types';

const ALL_KINDS: DegradationKind[] = ['rotate', 'blur', 'jpeg', 'noise', 'illumination', 'downscale'];
// Applied in this order whatever order they were drawn in, like a real scan: paper, optics, sensor, file.
const ORDER: DegradationKind[] = ['perspective', 'rotate', 'illumination', 'blur', 'noise', 'downscale', 'jpeg'];
const BED = { r: 217, g: 217, b: 214 };

/** Draw 2–3 realistic degradations with their parameters from a seed. */
export function drawDegradations(seed: number, kinds: readonly DegradationKind[] = ALL_KINDS): Degradation[] {
  const rng = createRng(seed);
  const chosen = rng.sample(kinds, rng.int(2, 3));
  const out = chosen.map((kind): Degradation => {
    switch (kind) {
      case 'rotate':
        return { kind, degrees: Math.round(rng.float(1, 4) * (rng.chance(0.5) ? -1 : 1) * 10) / 10 };
      case 'blur':
        return { kind, sigma: Math.round(rng.float(0.6, 1.2) * 100) / 100 };
      case 'jpeg':
        return { kind, quality: rng.int(45, 70) };
      case 'noise':
        return { kind, amplitude: rng.int(6, 12) };
      case 'illumination':
        return { kind, strength: Math.round(rng.float(0.15, 0.3) * 100) / 100, direction: rng.int(0, 359) };
      case 'downscale':
        return { kind, factor: Math.round(rng.float(0.72, 0.8) * 100) / 100 };
      case 'perspective':
        return {
          kind,
          corners: [0, 1, 2, 3]
            .map((): [number, number] => [
              Math.round(rng.float(0, 0.035) * 1000) / 1000,
              Math.round(rng.float(0, 0.025) * 1000) / 1000,
            ])
            .map(([dx, dy], i): [number, number] => [i === 0 || i === 3 ? dx : -dx, i < 2 ? dy : -dy]),
        };
    }
  });
  return out.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

async function toRaw(img: sharp.Sharp): Promise<Raw> {
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const fromRaw = (r: Raw): sharp.Sharp => sharp(r.data, { raw: { width: r.width, height: r.height, channels: 3 } });

function addNoise(r: Raw, amplitude: number, seed: number): Raw {
  const rng = createRng(seed);
  const data = Buffer.from(r.data);
  for (let i = 0; i < data.length; i += 3) {
    // Mostly luminance noise, as from a scanner sensor.
    const n = (rng.next() + rng.next() + rng.next() - 1.5) * amplitude;
    for (let k = 0; k < 3; k++) data[i + k] = Math.max(0, Math.min(255, Math.round(data[i + k]! + n)));
  }
  return { ...r, data };
}

/** Solve `a x = b` (small dense system, partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Keystone warp: the page's corners move to `corners` (fractions of the size); the bed shows around it. */
function warpPerspective(r: Raw, corners: readonly [number, number][]): Raw {
  const { width: w, height: h } = r;
  const src: [number, number][] = [
    [0, 0],
    [w - 1, 0],
    [w - 1, h - 1],
    [0, h - 1],
  ];
  const dst = src.map(([x, y], i): [number, number] => [x + corners[i]![0] * w, y + corners[i]![1] * h]);
  // Homography from output (dst) to input (src) coordinates.
  const a: number[][] = [];
  const b: number[] = [];
  dst.forEach(([x, y], i) => {
    const [u, v] = src[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  });
  const [h0, h1, h2, h3, h4, h5, h6, h7] = solve(a, b) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const data = Buffer.alloc(r.data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const d = h6 * x + h7 * y + 1;
      const u = (h0 * x + h1 * y + h2) / d;
      const v = (h3 * x + h4 * y + h5) / d;
      const o = (y * w + x) * 3;
      if (u < 0 || v < 0 || u > w - 1 || v > h - 1) {
        data[o] = BED.r;
        data[o + 1] = BED.g;
        data[o + 2] = BED.b;
        continue;
      }
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const x1 = Math.min(w - 1, x0 + 1);
      const y1 = Math.min(h - 1, y0 + 1);
      const fx = u - x0;
      const fy = v - y0;
      for (let k = 0; k < 3; k++) {
        const p = (xx: number, yy: number): number => r.data[(yy * w + xx) * 3 + k]!;
        data[o + k] = Math.round(
          (p(x0, y0) * (1 - fx) + p(x1, y0) * fx) * (1 - fy) + (p(x0, y1) * (1 - fx) + p(x1, y1) * fx) * fy,
        );
      }
    }
  }
  return { ...r, data };
}

function illuminate(r: Raw, strength: number, direction: number): Raw {
  const data = Buffer.from(r.data);
  const dx = Math.cos((direction * Math.PI) / 180);
  const dy = Math.sin((direction * Math.PI) / 180);
  const span = Math.abs(dx) * r.width + Math.abs(dy) * r.height;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const t = ((x - r.width / 2) * dx + (y - r.height / 2) * dy) / span + 0.5;
      const factor = 1.04 - strength * t;
      const i = (y * r.width + x) * 3;
      for (let k = 0; k < 3; k++) data[i + k] = Math.max(0, Math.min(255, Math.round(data[i + k]! * factor)));
    }
  }
  return { ...r, data };
}

/**
 * Apply degradations to an image (any format sharp reads); returns the encoded result.
 * A `jpeg` degradation sets the output quality; otherwise `quality` is used for JPEG output.
 */
export async function applyDegradations(
  input: Buffer,
  degradations: readonly Degradation[],
  options: { seed: number; format: 'jpeg' | 'png'; quality: number },
): Promise<{ image: Buffer; width: number; height: number }> {
  let raw = await toRaw(sharp(input));
  const original = { width: raw.width, height: raw.height };
  let quality = options.quality;
  for (const d of degradations) {
    switch (d.kind) {
      case 'rotate': {
        const rotated = await toRaw(fromRaw(raw).rotate(d.degrees, { background: BED }));
        const left = Math.floor((rotated.width - original.width) / 2);
        const top = Math.floor((rotated.height - original.height) / 2);
        raw = await toRaw(fromRaw(rotated).extract({ left, top, width: original.width, height: original.height }));
        break;
      }
      case 'blur':
        raw = await toRaw(fromRaw(raw).blur(d.sigma));
        break;
      case 'noise':
        raw = addNoise(raw, d.amplitude, options.seed);
        break;
      case 'illumination':
        raw = illuminate(raw, d.strength, d.direction);
        break;
      case 'downscale':
        raw = await toRaw(
          fromRaw(raw).resize(Math.round(raw.width * d.factor), Math.round(raw.height * d.factor), {
            kernel: 'lanczos3',
          }),
        );
        break;
      case 'jpeg':
        quality = d.quality;
        break;
      case 'perspective':
        raw = warpPerspective(raw, d.corners);
        break;
    }
  }
  const encoder = fromRaw(raw);
  const image =
    options.format === 'jpeg'
      ? await encoder.jpeg({ quality, chromaSubsampling: '4:2:0' }).toBuffer()
      : await encoder.png({ compressionLevel: 9 }).toBuffer();
  return { image, width: raw.width, height: raw.height };
}

/** Resolve `DegradeOptions` into the list to apply. */
export function resolveDegradations(options: DegradeOptions | false | undefined, seed: number): Degradation[] {
  if (!options) return [];
  return options.degradations ?? drawDegradations(seed, options.kinds);
}
