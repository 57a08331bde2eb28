import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPages } from './read-pages';
import { assessTextLayer } from './text-layer-quality';
import { canRun } from '../../../test/fixtures/skip';

const SCANS = fileURLToPath(new URL('../../../../shared/data/scans/', import.meta.url));
const haveScans = existsSync(SCANS);

describe('assessTextLayer', () => {
  it('trusts real Vietnamese text and refuses the usual vendor-OCR garbage', () => {
    const good =
      'Cộng hoà Xã hội Chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Luật này quy định quản lý nhà nước về hải quan đối với hàng hoá.';
    expect(assessTextLayer(good)).toMatchObject({ usable: true, reason: 'ok' });
    expect(
      assessTextLayer('UBND THANH PHO DA NANG CONG HOA XA HOI CHU NGHIA VIET NAM SO GIAO DUC VA DAO TAO').reason,
    ).toBe('vietnamese-without-diacritics');
    expect(assessTextLayer('CHiJ NGHiA VIVT NAM Dc 1p Ty do Hph phtic S6 d6tig Näng xA HQI').reason).toBe(
      'junk-tokens',
    );
    expect(assessTextLayer('\uFFFD\uFFFD\uFFFD \uE001\uE002 abc def ghi jkl mno pqr stu vwx').reason).toBe(
      'broken-encoding',
    );
    expect(assessTextLayer('Số 12').reason).toBe('too-little-text');
  });

  it('never throws and keeps every share within 0..1 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const { metrics } = assessTextLayer(text);
        for (const share of [metrics.syllableShare, metrics.diacriticShare, metrics.junkShare, metrics.brokenShare]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe.skipIf(
  !canRun('ingest text-layer quality', haveScans, `${SCANS} is absent (see ../shared/data/README)`, {
    allowedInCi: true,
  }),
)('real PDFs (../shared/data/scans; skipped when absent)', () => {
  it('ignores the garbage vendor OCR layers of the Đà Nẵng scans 1.pdf and 3.pdf (3.pdf is encrypted without a password)', async () => {
    for (const name of ['1.pdf', '3.pdf']) {
      const pages = await readPages(`${SCANS}vietadmin-danang/data/${name}`, { preprocess: false, quality: false });
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        expect(page.textLayer).toBeUndefined();
        expect(page.diagnostics.map((d) => d.code)).toContain('INGEST_PDF_TEXT_LAYER_IGNORED');
        expect(page.width).toBeGreaterThan(2000);
      }
    }
  });

  it('reads the born-digital gazette from its text layer, in reading order, with positions', async () => {
    const pages = await readPages(`${SCANS}kaikenju-admin-docs/New_54.2014.QH13.pdf`);
    expect(pages).toHaveLength(3);
    const spans = pages[0]!.textLayer ?? [];
    const texts = spans.map((span) => span.text);
    expect(texts).toContain('QUỐC HỘI');
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // The two header columns are separate spans on one line, left before right.
    const left = spans.find((s) => s.text === 'QUỐC HỘI')!;
    const right = spans.find((s) => s.text === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!;
    expect(Math.abs(left.box.y - right.box.y)).toBeLessThan(20);
    expect(left.box.x + left.box.width).toBeLessThan(right.box.x);
    expect(texts.indexOf('QUỐC HỘI')).toBeLessThan(texts.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    for (const span of spans) expect(span.box.x + span.box.width).toBeLessThanOrEqual(pages[0]!.width + 1);
  });
});
