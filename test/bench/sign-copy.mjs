// Cost of signing a digitised copy (PAdES B-B, incremental update) and the bytes it adds, on PDFs of
// noisy page images (hard to compress, as scans are) of a given size. Prints one JSON line.
//
// Usage: node test/bench/sign-copy.mjs [--pages 1,4] [--width 1240] [--height 1754] [--runs 7]
//   The PKCS#12 is a throwaway one made with openssl at run time.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '1,4' },
    width: { type: 'string', default: '1240' },
    height: { type: 'string', default: '1754' },
    runs: { type: 'string', default: '7' },
  },
});
const { signCopy, verifySignature } = await import(join(root, 'packages/archive/dist/index.js'));
const { PDFDocument } = createRequire(join(root, 'packages/archive/package.json'))('pdf-lib');

function noisyPng(width, height) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const noise = randomBytes(width * 3 * height);
  for (let y = 0; y < height; y++) noise.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-sign-'));
try {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'k.pem'),
      '-out',
      join(dir, 'c.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=Don vi so hoa/C=VN',
    ],
    { stdio: 'ignore' },
  );
  execFileSync('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    join(dir, 'k.pem'),
    '-in',
    join(dir, 'c.pem'),
    '-out',
    join(dir, 'u.p12'),
    '-passout',
    'pass:bench',
  ]);
  const p12 = readFileSync(join(dir, 'u.p12'));
  const width = Number(args.width);
  const height = Number(args.height);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = [];
  for (const pages of args.pages.split(',').map(Number)) {
    const doc = await PDFDocument.create();
    for (let i = 0; i < pages; i++) {
      const image = await doc.embedPng(noisyPng(width, height));
      doc
        .addPage([width * 0.24, height * 0.24])
        .drawImage(image, { x: 0, y: 0, width: width * 0.24, height: height * 0.24 });
    }
    const pdf = await doc.save();
    const times = [];
    let signed;
    for (let r = 0; r < Number(args.runs); r++) {
      const t = process.hrtime.bigint();
      signed = await signCopy(pdf, { p12, password: 'bench', name: 'Đơn vị số hoá' });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    if (!verifySignature(signed).ok) throw new Error('the signed copy does not verify');
    rows.push({
      pages,
      bytes: pdf.length,
      signedBytes: signed.length,
      addedBytes: signed.length - pdf.length,
      addedRatio: Number(((signed.length - pdf.length) / pdf.length).toFixed(5)),
      signMsMedian: Number(median(times).toFixed(1)),
      signMsPerPage: Number((median(times) / pages).toFixed(1)),
    });
  }
  process.stdout.write(`${JSON.stringify({ width, height, runs: Number(args.runs), rows })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
