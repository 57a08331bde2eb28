/** Escape one JSON Pointer segment (RFC 6901). */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Split a JSON Pointer into unescaped segments. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Set a value at a JSON Pointer, creating objects on the way. */
export function setAtPointer(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const segments = splitPointer(pointer);
  let node: Record<string, unknown> = target;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  });
}

/** Read the value at a JSON Pointer, or `undefined`. */
export function getAtPointer(target: unknown, pointer: string): unknown {
  let node = target;
  for (const segment of splitPointer(pointer)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
