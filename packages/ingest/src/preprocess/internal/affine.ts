/** `[a, b, c, d, e, f]`: `x' = a·x + c·y + e`, `y' = b·x + d·y + f` (continuous pixel coordinates). */
export type Affine = [number, number, number, number, number, number];

export const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];

/** `second ∘ first`: apply `first`, then `second`. */
export function compose(second: Affine, first: Affine): Affine {
  const [a2, b2, c2, d2, e2, f2] = second;
  const [a1, b1, c1, d1, e1, f1] = first;
  return [
    a2 * a1 + c2 * b1,
    b2 * a1 + d2 * b1,
    a2 * c1 + c2 * d1,
    b2 * c1 + d2 * d1,
    a2 * e1 + c2 * f1 + e2,
    b2 * e1 + d2 * f1 + f2,
  ];
}

/** Rotation by `degrees` clockwise about the centre of a `width`×`height` image onto a `toWidth`×`toHeight` canvas, centred. */
export function rotation(degrees: number, width: number, height: number, toWidth: number, toHeight: number): Affine {
  const t = (degrees * Math.PI) / 180;
  // Exact zeros for quarter turns keep mapped boxes free of rounding fuzz.
  const cos = Math.round(Math.cos(t) * 1e12) / 1e12;
  const sin = Math.round(Math.sin(t) * 1e12) / 1e12;
  const cx = width / 2;
  const cy = height / 2;
  return [cos, sin, -sin, cos, toWidth / 2 - cos * cx + sin * cy, toHeight / 2 - sin * cx - cos * cy];
}

export const translation = (dx: number, dy: number): Affine => [1, 0, 0, 1, dx, dy];
export const scaling = (sx: number, sy: number): Affine => [sx, 0, 0, sy, 0, 0];
