import { readdirSync, readFileSync } from 'node:fs';
import { isSohoaError } from '@sohoa/core';
import { PDFDocument, PDFName, PDFDict, type PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fillPdfTemplate } from './acroform';
import { renderPdf } from './pdf';
import type { RenderSchema } from './types';

const schema: RenderSchema = {
  type: 'object',
  properties: {
    nguoiYeuCau: {
      type: 'object',
      title: 'Người yêu cầu',
      properties: {
        hoTen: { type: 'string', title: 'Họ, chữ đệm, tên' },
        noiCuTru: { type: 'string', title: 'Nơi cư trú', 'x-sohoa-pdf-field': 'NoiCuTru' },
      },
    },
    gioiTinh: { type: 'string', enum: ['Nam', 'Nữ'] },
    banSao: { type: 'boolean' },
    ghiChu: { type: 'string' },
  },
};
const data = {
  nguoiYeuCau: { hoTen: 'Nguyễn Thị Thử', noiCuTru: 'Số 1 Đường Mẫu, Phường Hòa Thử' },
  gioiTinh: 'Nữ',
  banSao: true,
  ghiChu: 'Ghi chú',
};

async function template(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const form = doc.getForm();
  form.createTextField('nguoiYeuCau.hoTen').addToPage(page, { x: 50, y: 700, width: 300, height: 20 });
  form.createTextField('NoiCuTru').addToPage(page, { x: 50, y: 660, width: 400, height: 20 });
  const sex = form.createDropdown('gioiTinh');
  sex.addOptions(['Nam', 'Nữ']);
  sex.addToPage(page, { x: 50, y: 620, width: 100, height: 20 });
  form.createCheckBox('banSao').addToPage(page, { x: 50, y: 580, width: 12, height: 12 });
  return doc.save();
}

/** Base fonts used by a text field's normal appearance stream (which must draw text). */
async function appearanceFonts(pdf: Uint8Array, name: string): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const widget = doc.getForm().getTextField(name).acroField.getWidgets()[0]!;
  const normal = doc.context.lookup(widget.getNormalAppearance()) as PDFRawStream;
  const resources = normal.dict.lookup(PDFName.of('Resources'), PDFDict);
  const fonts = resources.lookup(PDFName.of('Font'), PDFDict);
  const content = new TextDecoder('latin1').decode(decodePDFRawStream(normal).decode());
  expect(content).toMatch(/Tj|TJ/);
  return fonts.keys().map((k: PDFName) => fonts.lookup(k, PDFDict).lookup(PDFName.of('BaseFont'))!.toString());
}

describe('fillPdfTemplate', () => {
  it('fills text, dropdown and check box fields with Unicode appearance streams', async () => {
    const { pdf, filled, diagnostics } = await fillPdfTemplate(await template(), { data }, schema);
    const form = (await PDFDocument.load(pdf)).getForm();
    expect(form.getTextField('nguoiYeuCau.hoTen').getText()).toBe('Nguyễn Thị Thử');
    expect(form.getTextField('NoiCuTru').getText()).toBe('Số 1 Đường Mẫu, Phường Hòa Thử');
    expect(form.getDropdown('gioiTinh').getSelected()).toEqual(['Nữ']);
    expect(form.getCheckBox('banSao').isChecked()).toBe(true);
    expect(filled.sort()).toEqual(['NoiCuTru', 'banSao', 'gioiTinh', 'nguoiYeuCau.hoTen']);
    expect((await appearanceFonts(pdf, 'nguoiYeuCau.hoTen')).some((f) => /DejaVuSans/.test(f))).toBe(true);
    // A field the template lacks is reported by pointer, without its value.
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'RENDER_TEMPLATE_FIELD_MISSING', pointer: '/ghiChu' }),
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain('Ghi chú');
  });

  it('maps fields by option, flattens, and reports values that do not fit', async () => {
    const { pdf, diagnostics } = await fillPdfTemplate(
      await template(),
      { data: { ...data, gioiTinh: 'Khác' } },
      schema,
      { fields: { '/ghiChu': 'NoiCuTru' }, flatten: true },
    );
    expect((await PDFDocument.load(pdf)).getForm().getFields()).toHaveLength(0);
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([['RENDER_TEMPLATE_FIELD_MISMATCH', '/gioiTinh']]);
  });

  it('rejects a PDF without fields or that is not a PDF', async () => {
    const flat = await renderPdf({ data }, schema);
    const noFields = await fillPdfTemplate(flat, { data }, schema).catch((e: unknown) => e);
    expect(isSohoaError(noFields, 'RENDER_TEMPLATE_INVALID')).toBe(true);
    const garbage = await fillPdfTemplate(new TextEncoder().encode('not a pdf'), { data }, schema).catch(
      (e: unknown) => e,
    );
    expect(isSohoaError(garbage, 'RENDER_TEMPLATE_INVALID')).toBe(true);
  });
});

describe('renderPdf on the forms library', () => {
  it('renders every form in schemas/forms', async () => {
    const dir = new URL('../../../schemas/forms/', import.meta.url);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
      const form = JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as RenderSchema;
      const pdf = await renderPdf({ data: {} }, form);
      expect((await PDFDocument.load(pdf)).getPageCount(), name).toBeGreaterThanOrEqual(1);
    }
  });
});
