import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeOcrEngine } from '@sohoa/ocr';
import { createVault, operatorAccess } from '@sohoa/vault';
import { memoryDriver } from '@sohoa/vault/drivers/memory';
import { digitizeFile } from './digitize';

// Synthetic people only. 046159365055: female born 1959 (century/sex digit 1, year digits 59).
const ID = '046159365055';
const card = resolve(import.meta.dirname, '../../../seeds/data/cccd/01-tran-kim-giang/front.jpg');
const otherScan = resolve(import.meta.dirname, '../../../seeds/data/cccd/02-nguyen-thanh-thuy/front.jpg');
// A scan without a QR code (the card back's QR would give the true number).
const thirdScan = resolve(import.meta.dirname, '../../../seeds/data/giay-khai-sinh/02-nguyen-minh-xoan/scan.jpg');
const certificate = resolve(import.meta.dirname, '../../../seeds/data/giay-khai-sinh/01-hoang-thuy-lan/scan.jpg');
const cardText = (id: string) =>
  [
    'CĂN CƯỚC CÔNG DÂN',
    `Số / No.: ${id}`,
    'Họ và tên / Full name:',
    'TRẦN KIM GIANG',
    'Ngày sinh / Date of birth: 25/11/1959',
    'Giới tính / Sex: Nữ',
  ].join('\n');
// A birth certificate issued before personal ID numbers existed: it prints none.
const BIRTH_NO_ID = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'GIẤY KHAI SINH',
  'Số: 12 Quyển số: 01/1959',
  'Họ, chữ đệm, tên: TRẦN KIM GIANG',
  'Ngày, tháng, năm sinh: 25/11/1959',
  'Giới tính: Nữ Dân tộc: Kinh Quốc tịch: Việt Nam',
  'Nơi sinh: Xã Thử Nghiệm, Tỉnh Mẫu',
  'Họ, chữ đệm, tên người mẹ: LÊ THỊ MẪU',
  'Năm sinh: 1930 Dân tộc: Kinh Quốc tịch: Việt Nam',
  'Nơi đăng ký khai sinh: Ủy ban nhân dân Xã Thử Nghiệm',
  'Ngày, tháng, năm đăng ký: 30/11/1959',
].join('\n');

const text = (t: string) => createFakeOcrEngine((page) => (page.width > 900 ? t : ''));

/** The card as OCR reads it, with the line of the ID digits at `confidence` (a misread shows as low confidence). */
function cardWithId(id: string, confidence: number) {
  const plain = text(cardText(id));
  return {
    ...plain,
    async recognize(...args: Parameters<typeof plain.recognize>) {
      const read = await plain.recognize(...args);
      const lines = read.lines.map((l) =>
        l.text.includes(id)
          ? { ...l, confidence, words: l.words.map((w) => (w.text === id ? { ...w, confidence } : w)) }
          : l,
      );
      return { ...read, lines };
    },
  };
}

async function vaultWithCard() {
  const vault = createVault({ driver: memoryDriver(), ...operatorAccess('batch-test') });
  const stored = await digitizeFile(card, { engine: text(cardText(ID)), vault });
  expect(stored.link).toMatchObject({ subject: { kind: 'person', id: ID }, reason: 'id-number' });
  return vault;
}

describe('subject linking in a batch', () => {
  it('stores a birth certificate that prints no ID unlinked, with the person of the same name and birth date as candidate', async () => {
    const vault = await vaultWithCard();
    const result = await digitizeFile(certificate, { engine: text(BIRTH_NO_ID), vault });
    expect(result.status).toBe('stored');
    expect(result.link?.subject).toBeUndefined();
    expect(result.link?.candidates).toEqual([
      {
        subject: { kind: 'person', id: ID },
        rule: 'name-birth-date',
        matched: ['person.fullName', 'person.birthDate'],
      },
    ]);
    expect((await vault.listUnlinked()).map((u) => u.documentId)).toEqual([result.documentId]);
    expect(JSON.stringify(result.diagnostics)).not.toContain(ID);
  });

  it('links the same certificate by the manifest subject column, with the manifest as evidence', async () => {
    const vault = await vaultWithCard();
    const manifest = new Map([[certificate, { path: certificate, subject: ID }]]);
    const result = await digitizeFile(certificate, { engine: text(BIRTH_NO_ID), vault, manifest });
    expect(result.link).toMatchObject({
      subject: { kind: 'person', id: ID },
      reason: 'manifest',
      evidence: [{ method: 'manifest' }],
    });
    expect((await vault.getDocument(result.documentId!))?.link?.reason).toBe('manifest');
    expect(await vault.listUnlinked()).toEqual([]);
  });

  it('does not file a card whose ID digits were misread under the person that number names', async () => {
    const vault = await vaultWithCard();
    // A year digit misread: the structure no longer agrees with the printed birth date.
    const yearSlip = await digitizeFile(otherScan, { engine: text(cardText('046158365055')), vault });
    expect(yearSlip.status).toBe('stored');
    expect(yearSlip.link).toMatchObject({ reason: 'id-structure-mismatch', evidence: [] });
    expect(yearSlip.link?.subject).toBeUndefined();
    // A serial digit misread at low confidence (the hidden measurement's 0.3): the structure agrees, the confidence does not.
    const serialSlip = await digitizeFile(thirdScan, { engine: cardWithId('046159365056', 0.3), vault });
    expect(serialSlip.link).toMatchObject({ reason: 'id-below-threshold', evidence: [] });
    expect(serialSlip.link?.subject).toBeUndefined();
    expect((await vault.listSubjects()).map((s) => s.id)).toEqual([ID]);
    expect((await vault.listUnlinked()).map((u) => u.link.reason).sort()).toEqual([
      'id-below-threshold',
      'id-structure-mismatch',
    ]);
  });
});
