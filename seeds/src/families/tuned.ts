import type { Box, PageText } from '../types';
import type { DrawnForm } from '../internal/form-kit';

const inside = (r: Box, b: Box): boolean =>
  r.x >= b.x - 1 && r.y >= b.y - 1 && r.x + r.width <= b.x + b.width + 1 && r.y + r.height <= b.y + b.height + 1;

/**
 * A page drawn by the generator's original templates (the ones the readers were built on) as a
 * `DrawnForm`: the printed text of each key is the text runs inside its value box. `rename` turns a box
 * key into a truth key (`mother.person.fullName` → `mother:person.fullName`), or `undefined` to skip it.
 */
export function fromTemplatePage(
  page: { svg: string; boxes: Record<string, Box>; runs: PageText['runs'] },
  rename: (boxKey: string) => string | undefined,
): DrawnForm {
  const printed: Record<string, string> = {};
  const boxes: Record<string, Box> = {};
  for (const [k, b] of Object.entries(page.boxes)) {
    const key = rename(k);
    if (!key) continue;
    const text = page.runs
      .filter((r) => inside(r.box, b))
      .map((r) => r.text)
      .join(' ');
    if (text === '') continue;
    printed[key] = text;
    boxes[key] = b;
  }
  return { svg: page.svg, boxes, runs: page.runs, printed };
}

/** `mother.person.fullName` → `mother:person.fullName`; `husband.` (the subject) → no prefix. */
export function roleKey(boxKey: string, subjectRoles: readonly string[] = []): string {
  const m = /^([a-zA-Z]+)\.(person\..+)$/.exec(boxKey);
  if (!m) return boxKey;
  return subjectRoles.includes(m[1]!) ? m[2]! : `${m[1]}:${m[2]}`;
}
