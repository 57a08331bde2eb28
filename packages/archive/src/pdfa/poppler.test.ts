// The copy read by independent readers: poppler's pdfinfo, pdffonts, pdftotext and pdfimages, xmllint for the
// XMP packet. Skips with a message when poppler is missing (CI installs it: `.ci/run`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRun } from '../../../../test/fixtures/skip';
import sharp from 'sharp';
import { copyMetadata, copyPage, makePageImage, pageRaster } from './test-fixtures';
import { writeArchivalCopy } from './write';

const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
const poppler = ['pdfinfo', 'pdffonts', 'pdftotext', 'pdfimages'].every(has);
const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

describe.skipIf(!canRun('archive poppler', poppler, 'poppler-utils is not installed (apt-get install poppler-utils)'))(
  'the copy read by poppler',
  () => {
    let dir: string;
    let file: string;
    let jpeg: Uint8Array;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sohoa-copy-'));
      const first = await copyPage('jpeg');
      jpeg = first.image;
      const second = await copyPage(
        'png-grey',
        [{ text: 'Trang hai', box: { x: 50, y: 50, width: 200, height: 30 } }],
        200,
      );
      const third = await copyPage('png-alpha', []);
      const pdf = await writeArchivalCopy({ pages: [first, second, third], metadata: copyMetadata(3) });
      file = join(dir, 'copy.pdf');
      writeFileSync(file, pdf);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('pdfinfo: three pages of the size the pixels and dpi give, not encrypted, no JavaScript', () => {
      const info = run('pdfinfo', file);
      expect(info).toMatch(/^Pages:\s+3$/m);
      expect(info).toMatch(/^Encrypted:\s+no$/m);
      expect(info).toMatch(/^JavaScript:\s+no$/m);
      // 600 × 400 px at 300 dpi = 144 × 96 pt; page 2 at 200 dpi = 216 × 144 pt.
      expect(run('pdfinfo', '-f', '1', '-l', '3', file)).toMatch(
        /Page\s+1 size:\s+144 x 96 pts[\s\S]*Page\s+2 size:\s+216 x 144 pts[\s\S]*Page\s+3 size:\s+144 x 96 pts/,
      );
    });

    it('pdfinfo: the information dictionary carries the guidance fields', () => {
      const info = run('pdfinfo', '-custom', file);
      expect(info).toMatch(/^DocCode:\s+G09\.01\.02_CC_000017_V1$/m);
      expect(info).toMatch(/^TypeName:\s+Thẻ căn cước$/m);
      expect(info).toMatch(/^OrganName:\s+Bộ Công an$/m);
      expect(info).toMatch(/^PageAmount:\s+3$/m);
      expect(info).toMatch(new RegExp(`^SourceSHA256:\\s+${'ab'.repeat(32)}$`, 'm'));
      expect(info).toMatch(/^Title:\s+Thẻ căn cước 079203004512$/m);
    });

    it('pdfinfo -meta: a well-formed XMP packet with the PDF/A-2b identification and the custom fields', () => {
      const xmp = run('pdfinfo', '-meta', file);
      expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      expect(xmp).toContain('<sohoaCopy:DocCode>G09.01.02_CC_000017_V1</sohoaCopy:DocCode>');
      expect(xmp).toContain('<sohoaCopy:IssuedDate>2024-07-15</sohoaCopy:IssuedDate>');
      expect(xmp).toContain('<pdfaSchema:prefix>sohoaCopy</pdfaSchema:prefix>');
      if (has('xmllint')) {
        const packet = join(dir, 'xmp.xml');
        writeFileSync(
          packet,
          xmp.slice(xmp.indexOf('<x:xmpmeta'), xmp.indexOf('</x:xmpmeta>') + '</x:xmpmeta>'.length),
        );
        expect(spawnSync('xmllint', ['--noout', packet]).status).toBe(0);
      } else console.warn('archive poppler: xmllint missing, the XMP packet was not parsed as XML');
    });

    it('pdffonts: one font, embedded and subset, with a ToUnicode map', () => {
      const rows = run('pdffonts', file).trim().split('\n').slice(2);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatch(/^[A-Z]{6}\+DejaVuSansCondensed\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    });

    it('pdftotext: the invisible layer gives back the ID number and the name, in reading order', () => {
      const text = run('pdftotext', '-layout', '-f', '1', '-l', '1', file, '-');
      expect(text).toContain('079203004512');
      expect(text).toContain('TRẦN THỊ MINH THƯ');
      expect(text).toMatch(/Số \/ No\.: +079203004512/);
      expect(run('pdftotext', '-f', '2', '-l', '2', file, '-')).toContain('Trang hai');
    });

    it('pdftotext -bbox: each word lands on its OCR box', () => {
      const html = run('pdftotext', '-bbox', '-f', '1', '-l', '1', file, '-');
      const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">079203004512<\/word>/.exec(
        html,
      );
      expect(word).not.toBeNull();
      // Box 180,60 220×24 px at 300 dpi → x 43.2..96.0 pt, y 14.4..20.16 pt from the top.
      const [xMin, yMin, xMax, yMax] = (word ?? []).slice(1).map(Number);
      expect(xMin).toBeCloseTo(43.2, 0);
      expect(xMax).toBeCloseTo(96.0, 0);
      expect(yMin).toBeGreaterThan(13);
      expect(yMax).toBeLessThan(22);
    });

    it('pdfimages: the JPEG is the source bytes, the others lossless (Flate), no alpha', () => {
      const list = run('pdfimages', '-list', file).trim().split('\n').slice(2);
      expect(list).toHaveLength(3);
      expect(list[0]).toMatch(/^\s*1\s+0\s+image\s+600\s+400\s+rgb\s+3\s+8\s+jpeg\s/);
      expect(list[1]).toMatch(/^\s*2\s+1\s+image\s+600\s+400\s+gray\s+1\s+8\s+image\s/);
      expect(list[2]).toMatch(/^\s*3\s+2\s+image\s+600\s+400\s+rgb\s+3\s+8\s+image\s/);
      expect(list.join('\n')).not.toMatch(/smask/);
      const out = join(dir, 'img');
      run('pdfimages', '-j', '-f', '1', '-l', '1', file, out);
      const extracted = readdirSync(dir).filter((f) => f.startsWith('img') && f.endsWith('.jpg'));
      expect(extracted).toHaveLength(1);
      expect(Buffer.compare(readFileSync(join(dir, extracted[0] ?? '')), Buffer.from(jpeg))).toBe(0);
    });

    it('pdfimages -png: the PNG pages come back pixel for pixel, alpha flattened onto white', async () => {
      run('pdfimages', '-png', '-f', '2', '-l', '3', file, join(dir, 'page'));
      const extracted = readFileSync(join(dir, 'page-000.png'));
      expect(extracted[25]).toBe(0); // PNG colour type 0: grey, as the source
      const grey = await sharp(extracted).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
      expect(grey.info.channels).toBe(1);
      const source = await sharp(await makePageImage('png-grey'))
        .toColourspace('b-w')
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(source.info.channels).toBe(1);
      expect(Buffer.compare(grey.data, source.data)).toBe(0);
      // Page 3: RGBA over white, worked out by hand: c' = 255 - (255 - c) * a / 255.
      const flat = await sharp(join(dir, 'page-001.png')).raw().toBuffer({ resolveWithObject: true });
      const rgba = pageRaster(600, 400, 4);
      let worst = 0;
      for (let p = 0; p < 600 * 400; p++) {
        const a = rgba[p * 4 + 3] ?? 0;
        for (let c = 0; c < 3; c++) {
          const want = 255 - ((255 - (rgba[p * 4 + c] ?? 0)) * a) / 255;
          worst = Math.max(worst, Math.abs((flat.data[p * 3 + c] ?? 0) - want));
        }
      }
      expect(worst).toBeLessThanOrEqual(1);
    });

    it('pdfimages: a palette PNG goes in as an indexed image, pixel for pixel', async () => {
      const png = await makePageImage('png-palette');
      expect(png[25]).toBe(3); // PNG colour type 3: palette
      const pdf = await writeArchivalCopy({
        pages: [{ image: png, mediaType: 'image/png', width: 600, height: 400, words: [] }],
        metadata: copyMetadata(1),
      });
      const path = join(dir, 'palette.pdf');
      writeFileSync(path, pdf);
      expect(run('pdfimages', '-list', path)).toMatch(/image\s+600\s+400\s+index\s+1\s+\d+\s+image/);
      run('pdfimages', '-png', path, join(dir, 'palette'));
      const back = await sharp(join(dir, 'palette-000.png')).removeAlpha().raw().toBuffer();
      const source = await sharp(png).removeAlpha().raw().toBuffer();
      expect(Buffer.compare(back, source)).toBe(0);
    });

    it('pdfimages: a 16-bit PNG stays 16-bit', async () => {
      const png = await makePageImage('png-16');
      const pdf = await writeArchivalCopy({
        pages: [{ image: png, mediaType: 'image/png', width: 600, height: 400, words: [] }],
        metadata: copyMetadata(1),
      });
      const path = join(dir, 'sixteen.pdf');
      writeFileSync(path, pdf);
      expect(run('pdfimages', '-list', path)).toMatch(/rgb\s+3\s+16\s+image/);
    });
  },
);
