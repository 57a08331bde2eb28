import { describe, expect, it } from 'vitest';
import type { ExtractedField, ExtractionMethod } from '@sohoa/core';
import { decideSubject, ID_THRESHOLD } from './link-decision';

// 079190001234: century/sex digit 1 = female born in the 1900s, year digits 90.
const ID = '079190001234';
const f = (value: string, confidence = 0.99, method: ExtractionMethod = 'ocr'): ExtractedField => ({
  value,
  confidence,
  evidence: [{ method }],
});
const person = (fields: Record<string, ExtractedField>, id = ID) => ({
  subject: { kind: 'person' as const, id },
  fields,
});
const printed = { 'person.birthDate': f('1990-03-05'), 'person.sex': f('female') };

describe('decideSubject', () => {
  it('links on a QR code', () => {
    const d = decideSubject(person({ 'person.idNumber': f(ID, 0.6, 'qr') }));
    expect(d).toEqual({
      subject: { kind: 'person', id: ID },
      evidence: [{ method: 'qr', key: 'person.idNumber', confidence: 0.6 }],
      reason: 'qr',
    });
  });
  it('links on an MRZ (its reader keeps the ID only when the check digits hold)', () => {
    const d = decideSubject(person({ 'person.idNumber': f(ID, 0.95, 'mrz') }));
    expect(d.subject?.id).toBe(ID);
    expect(d.reason).toBe('mrz');
  });
  it('links an OCR read at the ID threshold whose structure agrees with birth date and sex', () => {
    const d = decideSubject(person({ 'person.idNumber': f(ID, ID_THRESHOLD), ...printed }));
    expect(d.subject?.id).toBe(ID);
    expect(d.evidence).toEqual([
      {
        method: 'id-number',
        key: 'person.idNumber',
        confidence: ID_THRESHOLD,
        agreed: ['person.birthDate', 'person.sex'],
      },
    ]);
  });
  it('does not link an OCR read below the threshold, and offers it as a candidate', () => {
    const d = decideSubject(person({ 'person.idNumber': f(ID, 0.3), ...printed }));
    expect(d.subject).toBeUndefined();
    expect(d.reason).toBe('id-below-threshold');
    expect(d.candidates).toEqual([{ subject: { kind: 'person', id: ID }, rule: 'id-unconfirmed' }]);
  });
  it('does not link an ID whose year digits disagree with the printed birth date', () => {
    const d = decideSubject(
      person({ 'person.idNumber': f(ID), 'person.birthDate': f('1991-03-05'), 'person.sex': f('female') }),
    );
    expect(d.subject).toBeUndefined();
    expect(d.reason).toBe('id-structure-mismatch');
  });
  it('does not link an ID whose sex digit disagrees with the printed sex', () => {
    expect(
      decideSubject(person({ 'person.idNumber': f(ID), 'person.birthDate': f('1990-03-05'), 'person.sex': f('male') }))
        .reason,
    ).toBe('id-structure-mismatch');
  });
  it('checks the birth year alone when the document prints only the year (land certificates)', () => {
    const d = decideSubject(
      person({ 'person.idNumber': f(ID), 'person.birthDate.year': f('1990'), 'person.sex': f('female') }),
    );
    expect(d.evidence[0]?.agreed).toEqual(['person.birthDate.year', 'person.sex']);
    expect(
      decideSubject(person({ 'person.idNumber': f(ID), 'person.birthDate.year': f('1989'), 'person.sex': f('female') }))
        .reason,
    ).toBe('id-structure-mismatch');
  });
  it('does not link an ID with nothing printed to check it against', () => {
    const d = decideSubject(person({ 'person.idNumber': f(ID) }));
    expect(d.subject).toBeUndefined();
    expect(d.reason).toBe('id-unverifiable');
  });
  it('does not link an ID that is not a structurally valid personal ID', () => {
    expect(decideSubject(person({ 'person.idNumber': f('999190001234'), ...printed }, '999190001234')).reason).toBe(
      'id-structure-mismatch',
    );
  });
  it('leaves a document that prints no ID unlinked without candidates', () => {
    expect(decideSubject({ fields: { 'person.fullName': f('NGUYỄN VĂN AN') } })).toEqual({
      evidence: [],
      reason: 'no-id',
    });
  });
  it('links a CMND by its own 9-digit number only at the threshold', () => {
    const cmnd = (c: number) => person({ 'person.oldIdNumber': f('123456789', c) }, '123456789');
    expect(decideSubject(cmnd(0.95)).reason).toBe('id-number');
    expect(decideSubject(cmnd(0.5)).subject).toBeUndefined();
  });
  it('links an organisation by a tax code whose check digit holds, never by a wrong one', () => {
    const org = (id: string) => ({ subject: { kind: 'org' as const, id }, fields: { 'org.taxCode': f(id) } });
    expect(decideSubject(org('0100109106')).reason).toBe('tax-code');
    expect(decideSubject(org('0100109107')).subject).toBeUndefined();
  });
});

describe('document types defined outside the package', () => {
  it('are classified after the built-in ones and give their records the kind they declare', async () => {
    const { safeExtractDocument } = await import('./extract');
    const { ocrPageFromLines, SOURCE } = await import('./test-helpers');
    const page = {
      source: SOURCE,
      width: 8,
      height: 8,
      channels: 1 as const,
      pixels: new Uint8Array(64).fill(255),
      diagnostics: [],
    };
    const deathCertificate = {
      id: 'trich-luc-khai-tu',
      kind: 'civil-status' as const,
      title: 'Trích lục khai tử',
      requiredKeys: [],
      classify: (r: { ocr?: { text: string } }) =>
        r.ocr?.text.includes('TRÍCH LỤC KHAI TỬ') ? { type: 'trich-luc-khai-tu', part: 'full', score: 0.9 } : undefined,
      extract: async (readings: Array<{ page: { source: typeof SOURCE } }>) => ({
        type: 'trich-luc-khai-tu',
        fields: {},
        sources: readings.map((r) => r.page.source),
        diagnostics: [],
      }),
    };
    const result = await safeExtractDocument(
      { pages: [page], ocr: [ocrPageFromLines(['TRÍCH LỤC KHAI TỬ'])] },
      { documentTypes: [deathCertificate as never] },
    );
    expect(result.ok && result.value).toMatchObject({
      type: 'trich-luc-khai-tu',
      kind: 'civil-status',
      link: { reason: 'no-id', evidence: [] },
    });
    expect(result.ok && result.value.subject).toBeUndefined();
  });
});
