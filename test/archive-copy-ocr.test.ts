// A committed synthetic card through real OCR (tesseract.js, as the pipeline runs it) into its archival copy:
// poppler's pdftotext reads back, from the invisible layer, every word OCR placed, in order, with the card's ID
// number (as OCR read it) and the name among them.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeArchivalCopy } from '@sohoa/archive';
import { readPages } from '@sohoa/ingest';
import { createTesseractEngine } from '@sohoa/ocr';
import { describe, expect, it } from 'vitest';
import { canRun } from './fixtures/skip';

const card = resolve(import.meta.dirname, '../seeds/data/cccd/01-tran-kim-giang');
const poppler = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

describe.skipIf(
  !canRun('archive copy from OCR', poppler, 'pdftotext is not installed (apt-get install poppler-utils)'),
)('a card through OCR into its copy', () => {
  it('gives back every OCR word, the ID number and the name from the text layer', async () => {
    const truth = JSON.parse(readFileSync(join(card, 'truth.json'), 'utf8'));
    const file = join(card, 'front.jpg');
    const bytes = new Uint8Array(readFileSync(file));
    // No preprocessing: the OCR boxes must be in the pixels of the image the copy stores.
    const [page] = await readPages(file, { preprocess: false, quality: false });
    if (!page) throw new Error('no page');
    const engine = createTesseractEngine({ workers: 1 });
    let words: Array<{ text: string; box: { x: number; y: number; width: number; height: number } }>;
    try {
      const ocr = await engine.recognize(page);
      words = ocr.lines.flatMap((l) => l.words.map((w) => ({ text: w.text, box: w.box })));
    } finally {
      await engine.dispose();
    }
    // The word that carries the ID number as OCR read it (without preprocessing tesseract may read a 0 as O and
    // glue the label on: `s6/No:O46159365055`; the extractor repairs that, the copy keeps what OCR saw).
    const idWord = words.find((w) => w.text.replace(/[Oo]/g, '0').includes(truth.person.idNumber));
    expect(idWord, 'OCR read the ID number').toBeDefined();
    const pdf = await writeArchivalCopy({
      pages: [{ image: bytes, mediaType: 'image/jpeg', width: page.width, height: page.height, words }],
      metadata: {
        docCode: 'G09.01.02_CC_000001_V1',
        typeName: 'Thẻ căn cước công dân',
        codeNumber: truth.person.idNumber,
        issuedDate: truth.card.issueDate,
        language: 'vi',
        pageAmount: 1,
        sourceSha256: createHash('sha256').update(bytes).digest('hex'),
        digitisedAt: '2026-12-07T10:00:00Z',
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'sohoa-copy-ocr-'));
    try {
      writeFileSync(join(dir, 'copy.pdf'), pdf);
      const layer = squash(execFileSync('pdftotext', ['-raw', join(dir, 'copy.pdf'), '-'], { encoding: 'utf8' }));
      expect(layer).toContain(idWord?.text);
      expect(layer.toUpperCase()).toContain(truth.person.fullName.toUpperCase());
      // Every OCR word, in OCR order (pdftotext -raw keeps content order).
      let at = 0;
      for (const w of words) {
        const text = squash(w.text);
        if (!text) continue;
        const found = layer.indexOf(text, at);
        expect(found, `word "${text}"`).toBeGreaterThanOrEqual(0);
        at = found + text.length;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
