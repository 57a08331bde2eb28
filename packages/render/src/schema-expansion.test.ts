import { describe, expect, it } from 'vitest';
import { isSohoaError } from '@sohoa/core';
import { fillPdfTemplate } from './acroform';
import { renderPdf } from './pdf';
import { renderXml } from './xml';
import { listItems } from './internal/schema-walk';

const bomb = {
  type: 'object',
  $defs: {
    n: { type: 'object', properties: { a: { $ref: '#/$defs/n' }, b: { $ref: '#/$defs/n' }, v: { type: 'string' } } },
  },
  properties: { x: { $ref: '#/$defs/n' } },
};
const filled = { data: {} };

describe('render walks are bounded', () => {
  it('renderXml, renderPdf and fillPdfTemplate refuse a self-doubling $ref with EFORM_SCHEMA_TOO_LARGE before any work', async () => {
    const started = performance.now();
    expect(() => renderXml(filled, bomb)).toThrow(expect.objectContaining({ code: 'EFORM_SCHEMA_TOO_LARGE' }) as Error);
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(renderPdf(filled, bomb)).rejects.toMatchObject({ code: 'EFORM_SCHEMA_TOO_LARGE' });
    // Checked before the template is even parsed.
    await expect(fillPdfTemplate(new Uint8Array([1]), filled, bomb)).rejects.toMatchObject({
      code: 'EFORM_SCHEMA_TOO_LARGE',
    });
  });

  it('limits are configurable and no longer cut a deep form silently', () => {
    const nested = (depth: number): Record<string, unknown> =>
      depth === 0 ? { type: 'string' } : { type: 'object', properties: { g: nested(depth - 1) } };
    expect(listItems(nested(3), { maxDepth: 3 }).map((i) => i.kind)).toEqual(['group', 'group', 'field']);
    let error: unknown;
    try {
      renderXml(filled, nested(4), { limits: { maxDepth: 3 } });
    } catch (e) {
      error = e;
    }
    expect(isSohoaError(error, 'EFORM_SCHEMA_TOO_LARGE')).toBe(true);
    expect(() => listItems(bomb, { maxFields: 50, maxDepth: 256 })).toThrow(/more than 50 fields/);
  });
});
