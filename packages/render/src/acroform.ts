import fontkit from '@pdf-lib/fontkit';
import {
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  PDFOptionList,
  PDFRadioGroup,
  PDFTextField,
  type PDFField,
} from 'pdf-lib';
import { createDiagnostic, isSohoaError, SohoaError, type Diagnostic } from '@sohoa/core';
import { readFont } from './internal/font';
import { listItems, printable, valueAt } from './internal/schema-walk';
import type { FilledTemplate, FillTemplateOptions, RenderableForm, RenderSchema } from './types';

/** `/nguoiYeuCau/hoTen` → `nguoiYeuCau.hoTen`, the fully qualified AcroForm name pdf-lib uses. */
function defaultFieldName(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/**
 * Fill an AcroForm PDF template (an official form with fillable fields) from a filled form. Each leaf
 * goes to the field named by its `x-sohoa-pdf-field` annotation, `options.fields[pointer]`, or its
 * pointer with dots (`nguoiYeuCau.hoTen`). Text appearance streams are regenerated with an embedded
 * Unicode font (DejaVu Sans, subset) so Vietnamese shows in every viewer; booleans tick check boxes,
 * strings select radio, dropdown and list options. Fields the template lacks are reported, not thrown.
 *
 * @example
 * const { pdf, diagnostics } = await fillPdfTemplate(await readFile('ct01.pdf'), filled, schema);
 */
export async function fillPdfTemplate(
  template: Uint8Array,
  filled: RenderableForm,
  schema: RenderSchema,
  options: FillTemplateOptions = {},
): Promise<FilledTemplate> {
  const items = listItems(schema, options.limits);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(template, { updateMetadata: false });
  } catch (cause) {
    throw new SohoaError(
      'RENDER_TEMPLATE_INVALID',
      'The PDF template could not be read; pass the bytes of an unencrypted PDF with form fields (AcroForm).',
      { cause },
    );
  }
  const form = doc.getForm();
  if (form.getFields().length === 0) {
    throw new SohoaError(
      'RENDER_TEMPLATE_INVALID',
      'The PDF template has no form fields (AcroForm); use `renderPdf` for a flat rendering, or add fields to the template.',
    );
  }
  const fontBytes = options.font ?? (await readFont('DejaVuSans.ttf', options.fontPath));
  try {
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(fontBytes, { subset: true });
    const byName = new Map(form.getFields().map((f) => [f.getName(), f] as const));
    const diagnostics: Diagnostic[] = [];
    const used = new Set<string>();
    for (const item of items) {
      if (item.kind !== 'field') continue;
      const annotated = item.node['x-sohoa-pdf-field'];
      const name =
        options.fields?.[item.pointer] ?? (typeof annotated === 'string' ? annotated : defaultFieldName(item.pointer));
      const value = valueAt(filled.data, item.pointer);
      if (value === undefined || value === null) continue;
      const field = byName.get(name);
      if (!field) {
        diagnostics.push(
          createDiagnostic(
            'RENDER_TEMPLATE_FIELD_MISSING',
            'warning',
            `The template has no field \`${name}\` for \`${item.pointer}\`; map it with \`x-sohoa-pdf-field\` or \`options.fields\`.`,
            { origin: 'render', pointer: item.pointer },
          ),
        );
        continue;
      }
      if (!setField(field, value)) {
        diagnostics.push(
          createDiagnostic(
            'RENDER_TEMPLATE_FIELD_MISMATCH',
            'warning',
            `The value of \`${item.pointer}\` does not fit the template field \`${name}\` (kind or options); it is left blank.`,
            { origin: 'render', pointer: item.pointer },
          ),
        );
        continue;
      }
      used.add(name);
    }
    form.updateFieldAppearances(font);
    if (options.flatten) form.flatten();
    return { pdf: await doc.save(), filled: [...used], diagnostics };
  } catch (cause) {
    if (isSohoaError(cause)) throw cause;
    throw new SohoaError(
      'RENDER_FAILED',
      `Filling the PDF template failed: ${(cause as Error).message}. Check that the template is not encrypted.`,
      { cause },
    );
  }
}

function setField(field: PDFField, value: unknown): boolean {
  if (field instanceof PDFTextField) {
    const text = printable(value);
    if (text === undefined) return false;
    const max = field.getMaxLength();
    if (max !== undefined && [...text].length > max) return false;
    field.setText(text);
    return true;
  }
  if (field instanceof PDFCheckBox) {
    if (typeof value !== 'boolean') return false;
    if (value) field.check();
    else field.uncheck();
    return true;
  }
  const text = printable(value);
  if (text === undefined) return false;
  if (field instanceof PDFRadioGroup) {
    if (!field.getOptions().includes(text)) return false;
    field.select(text);
    return true;
  }
  if (field instanceof PDFDropdown || field instanceof PDFOptionList) {
    if (!field.getOptions().includes(text)) return false;
    field.select(text);
    return true;
  }
  return false;
}
