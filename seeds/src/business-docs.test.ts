import { describe, expect, it } from 'vitest';
import { checkPersonalIdAgainst, isTaxCode, parseVietnameseAmountWords } from '@sohoa/vn';
import { BUSINESS_DOCUMENT_TYPES, generateBusinessDocuments, renderBusinessDocumentSvg } from './business-docs';
import { generateLandCertificates, landCertificateText, renderLandCertificate } from './land-certificate';

describe('business certificates', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateBusinessDocuments('enterprise-registration', 3, 4)).toEqual(
      generateBusinessDocuments('enterprise-registration', 3, 4),
    );
    expect(generateBusinessDocuments('enterprise-registration', 4, 4)).not.toEqual(
      generateBusinessDocuments('enterprise-registration', 3, 4),
    );
  });
  it('are internally consistent: tax code check digit, capital in words, dates in order, the person an adult', () => {
    for (const type of BUSINESS_DOCUMENT_TYPES) {
      for (const d of generateBusinessDocuments(type, 11, 40)) {
        const f = d.fields;
        expect(isTaxCode(f['org.taxCode']!)).toBe(true);
        expect(parseVietnameseAmountWords(f['org.capital.words']!)).toBe(Number(f['org.capital']));
        expect(f['document.issueDate']! >= f['org.foundingDate']!).toBe(true);
        const p = d.relations[0]!.fields;
        expect(
          checkPersonalIdAgainst(p['person.idNumber']!, {
            birthDate: p['person.birthDate'],
            sex: p['person.sex'] as 'male' | 'female',
          }),
        ).toEqual([]);
        expect(
          Number(f['org.foundingDate']!.slice(0, 4)) - Number(p['person.birthDate']!.slice(0, 4)),
        ).toBeGreaterThanOrEqual(18);
        expect(f['org.representative']).toBe(p['person.fullName']);
      }
    }
  });
  it('print the title on an A4 page', () => {
    const svg = renderBusinessDocumentSvg(generateBusinessDocuments('household-business-registration', 1, 1)[0]!);
    expect(svg).toContain('width="1240" height="1754"');
  });
});

describe('land certificates', () => {
  it('spell the area in words, hold one or two people, and use the model of their issue date', () => {
    const docs = generateLandCertificates(11, 40);
    for (const d of docs) {
      expect(parseVietnameseAmountWords(d.fields['land.area.words']!)).toBe(Number(d.fields['land.area']));
      expect(d.fields['land.useForm'] === 'Sử dụng chung').toBe(d.relations.length === 1);
      expect(d.fields['land.certificate.serial']).toMatch(
        d.fields['document.issueDate']! >= '2024-08-01' ? /^[A-Z]{2} \d{8}$/ : /^[A-Z]{2} \d{6}$/,
      );
    }
  });
  it('draws the 2024 model on one page and the 2014 model on two', () => {
    const docs = generateLandCertificates(11, 40);
    const recent = docs.find((d) => d.fields['document.issueDate']! >= '2024-08-01')!;
    const older = docs.find((d) => d.fields['document.issueDate']! < '2024-08-01')!;
    expect([landCertificateText(recent).length, landCertificateText(older).length]).toEqual([1, 2]);
  });
  it('writes the 2014 model as a two-page TIFF', async () => {
    const doc = generateLandCertificates(11, 40).find((d) => d.fields['document.issueDate']! < '2024-08-01')!;
    const scan = await renderLandCertificate(doc, { seed: 1, degrade: false });
    expect([scan.format, scan.pages]).toEqual(['tiff', 2]);
    expect(scan.image.subarray(0, 2).toString('latin1')).toMatch(/II|MM/);
  });
});
