import { toSourceBox, type DocumentRecord, type ExtractedField, type PageImage } from '@sohoa/core';

/**
 * Evidence boxes in the coordinates of the file's pixels, whatever preprocessing (turning, deskew,
 * scaling, cropping) the pages went through before OCR: a reviewer's crop or a portal's highlight is
 * then drawn on the scan as stored, and stays right if the preprocessing defaults change.
 */
export function evidenceOnSource(record: DocumentRecord, pages: PageImage[]): DocumentRecord {
  if (!pages.some((p) => p.preprocessing)) return record;
  const pageOf = (n: number | undefined) =>
    n === undefined ? undefined : (pages.find((p) => p.source.page === n) ?? pages[n - 1]);
  const mapField = (field: ExtractedField): ExtractedField => ({
    ...field,
    evidence: field.evidence.map((ev) => {
      const page = ev.box ? pageOf(ev.page) : undefined;
      return page?.preprocessing && ev.box ? { ...ev, box: toSourceBox(page, ev.box) } : ev;
    }),
  });
  const mapFields = (fields: Record<string, ExtractedField>) =>
    Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, mapField(f)]));
  return {
    ...record,
    fields: mapFields(record.fields),
    ...(record.relations ? { relations: record.relations.map((r) => ({ ...r, fields: mapFields(r.fields) })) } : {}),
  };
}
