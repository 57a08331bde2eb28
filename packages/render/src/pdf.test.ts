import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { extractText } from './internal/pdf-text';
import { renderPdf } from './pdf';
import type { RenderableForm, RenderSchema } from './types';
import { canRun } from '../../../test/fixtures/skip';

const schema = JSON.parse(
  readFileSync(new URL('../../../schemas/forms/to-khai-dang-ky-khai-sinh.schema.json', import.meta.url), 'utf8'),
) as RenderSchema;
const filled: RenderableForm = {
  data: {
    nguoiYeuCau: { hoTen: 'Nguyễn Thị Thử', ngaySinh: '14/07/1999', noiCuTru: 'Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu' },
    nguoiDuocKhaiSinh: { hoTen: 'Nguyễn Văn Mầm', gioiTinh: 'Nam' },
    ngayLam: '05/03/2026',
    deNghiCapBanSao: true,
  },
  fields: [{ pointer: '/nguoiYeuCau/giayToTuyThan/soGiayTo', status: 'needs-review', value: '001199012345' }],
};
/** Embedded fonts: PostScript name and the size of the embedded font program. */
async function embeddedFonts(bytes: Uint8Array): Promise<Array<{ name: string; bytes: number }>> {
  const doc = await PDFDocument.load(bytes);
  const fonts: Array<{ name: string; bytes: number }> = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = object.lookup(PDFName.of('FontFile2'));
    fonts.push({
      name: String(object.get(PDFName.of('FontName'))).slice(1),
      bytes: file instanceof PDFRawStream ? file.getContents().length : -1,
    });
  }
  return fonts.sort((a, b) => a.name.localeCompare(b.name));
}
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'sohoa-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderPdf', () => {
  it('renders an A4 PDF that loads back with DejaVu Sans embedded as a subset', async () => {
    const bytes = await renderPdf(filled, schema);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(doc.getTitle()).toBe('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    const fonts = await embeddedFonts(bytes);
    // pdf-lib names each embedded font `<PostScript name>-<random number>`.
    expect(fonts.map((f) => f.name.replace(/-\d+$/, ''))).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    // The full DejaVu Sans is ~740 kB; the subset holds only the glyphs used.
    console.info(
      `embedded font programs: ${fonts.map((f) => `${f.name} ${f.bytes} B`).join(', ')}; PDF ${bytes.length} B`,
    );
    for (const font of fonts) expect(font.bytes).toBeGreaterThan(1_000);
    for (const font of fonts) expect(font.bytes).toBeLessThan(60_000);
    expect(bytes.length).toBeLessThan(120_000);
  });

  it('flows a long form over several pages', async () => {
    const properties = Object.fromEntries(
      Array.from({ length: 80 }, (_, i) => [
        `truong${i}`,
        { type: 'string', title: `Trường số ${i} có nhãn khá dài để thử việc xuống dòng đúng chỗ` },
      ]),
    );
    const long = { type: 'object', title: 'Tờ khai dài', properties };
    const data = Object.fromEntries(Object.keys(properties).map((k) => [k, 'Giá trị rất dài '.repeat(8)]));
    const doc = await PDFDocument.load(await renderPdf({ data }, long));
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(4);
  });

  it('accepts another font and reports a missing one', async () => {
    const serif = readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'));
    const bytes = await renderPdf(filled, schema, { font: serif, header: false, title: 'Bản nháp' });
    expect((await embeddedFonts(bytes)).map((f) => f.name)).toEqual([expect.stringMatching(/^DejaVuSerif-\d+$/)]);
    await expect(renderPdf(filled, schema, { fontPath: join(dir, 'missing.ttf') })).rejects.toMatchObject({
      code: 'RENDER_FONT_MISSING',
      message:
        'The font `missing.ttf` could not be read; install `dejavu-fonts-ttf` or pass `font` (bytes) or `fontPath` to `renderPdf`.',
    });
    await expect(renderPdf(filled, schema, { font: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({
      code: 'RENDER_FAILED',
    });
  });

  it('writes Vietnamese text that maps back exactly through ToUnicode', async () => {
    const text = await extractText(await renderPdf(filled, schema));
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TỜ KHAI ĐĂNG KÝ KHAI SINH',
    ]);
    expect(lines).toContain('Người yêu cầu');
    expect(lines).toContain('Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Thử');
    expect(lines).toContain('Nơi cư trú: Số 1 Đường Mẫu, Phường Thử, Tỉnh Mẫu');
    expect(lines).toContain('Số giấy tờ: 001199012345 (cần kiểm tra)');
    expect(lines).toContain('Đề nghị cấp bản sao: Có');
    expect(lines.find((l) => l.startsWith('Quê quán: '))).toMatch(/^Quê quán: \.{20,}$/);
    expect(lines.slice(-3)).toEqual(['NGƯỜI YÊU CẦU', '(Ký, ghi rõ họ, chữ đệm, tên)', 'Nguyễn Thị Thử']);
    expect(text).not.toContain('\uFFFD');
  });

  it.skipIf(
    !canRun('render pdftotext', hasPdftotext, 'pdftotext is not installed (apt-get install poppler-utils)', {
      allowedInCi: true,
    }),
  )('extracts the Vietnamese text exactly (pdftotext)', async () => {
    const file = join(dir, 'form.pdf');
    writeFileSync(file, await renderPdf(filled, schema));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH');
    expect(text).toContain('Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Thử');
    expect(text).toContain('Số giấy tờ: 001199012345 (cần kiểm tra)');
    expect(text).toContain('Quê quán: ....');
  });
  if (!hasPdftotext) console.info('pdftotext (poppler-utils) not installed: skipping the PDF text round trip.');
});
