import { describe, expect, it } from 'vitest';
import { safeParseManifest } from './manifest';

// Issue 16: the manifest and the gazetteer share one CSV parser (@sohoa/vn/csv).
describe('manifest CSV dialects', () => {
  const rows = (text: string) => {
    const result = safeParseManifest(text, '/scans');
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    return result.value.map((e) => [e.path, e.subject]);
  };

  it('reads a `;` manifest as Excel writes it with Vietnamese regional settings (BOM, CRLF, Vietnamese headers)', () => {
    const excel = '\uFEFFĐường dẫn;Số định danh\r\nho-so/a.jpg;001099012345\r\n"ho-so/b;c.jpg";001099012346\r\n';
    expect(rows(excel)).toEqual([
      ['/scans/ho-so/a.jpg', '001099012345'],
      ['/scans/ho-so/b;c.jpg', '001099012346'],
    ]);
  });

  it('reads the same manifest with commas and with tabs', () => {
    expect(rows('path,subject\na.jpg,001099012345\n')).toEqual([['/scans/a.jpg', '001099012345']]);
    expect(rows('path\tsubject\na.jpg\t001099012345\n')).toEqual([['/scans/a.jpg', '001099012345']]);
  });

  it('an unclosed quote is a manifest diagnostic, not a crash', () => {
    const result = safeParseManifest('path\n"a.jpg\n', '/scans');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.diagnostics.map((d) => d.code)).toEqual(['BATCH_MANIFEST_INVALID']);
  });
});
