import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * A throwaway self-signed PKCS#12 made at test time (no key is committed): an RSA-2048 key from Node's crypto,
 * a certificate naming a synthetic unit, packed by node-forge (3DES, SHA-1 MAC).
 */
export function throwawayP12(password: string, commonName = 'UBND phường Thử Nghiệm'): Uint8Array {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const name = [
    { name: 'commonName', value: commonName, valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'organizationName', value: 'sohoa test', valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'countryName', value: 'VN' },
  ];
  cert.setSubject(name as forge.pki.CertificateField[]);
  cert.setIssuer(name as forge.pki.CertificateField[]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary');
}

/** A noisy RGB PNG (hard to compress), so a second copy of it would show in the file size. */
export function noisyPng(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const noise = randomBytes(raw.length);
  for (let y = 0; y < height; y++) noise.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A two-page PDF with a page image and a line of text, saved with or without object streams. */
export async function samplePdf(objectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(noisyPng(300, 200));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) {
    const page = doc.addPage([300, 200]);
    page.drawImage(image, { x: 0, y: 0, width: 300, height: 200 });
    page.drawText(`page ${n} SOHOA-TEST`, { x: 10, y: 10, size: 10, font });
  }
  return doc.save({ useObjectStreams: objectStreams });
}

/** A plain PDF of PNG pages (one image per page, at its pixel size): a stand-in for a writer's output in tests. */
export async function pdfOfPngs(
  pages: ReadonlyArray<{ image: Uint8Array; width: number; height: number }>,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const p of pages) {
    const image = await doc.embedPng(p.image);
    doc.addPage([p.width, p.height]).drawImage(image, { x: 0, y: 0, width: p.width, height: p.height });
  }
  return doc.save();
}

/** A JPEG of a PNG (sharp, quality 80): a synthetic scan as a scanner's JPEG. */
export async function jpegOf(png: Uint8Array): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  return new Uint8Array(await sharp(png).jpeg({ quality: 80 }).toBuffer());
}

/** A single-page LZW TIFF of a PNG. */
export async function tiffOf(png: Uint8Array): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  return new Uint8Array(await sharp(png).tiff({ compression: 'lzw' }).toBuffer());
}

/** A single-page bilevel TIFF (CCITT G4, 1 bit per pixel) of a PNG thresholded at mid-grey. */
export async function bilevelTiffOf(png: Uint8Array): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  const tiff = sharp(png).threshold(128).toColourspace('b-w').tiff({ compression: 'ccittfax4', bitdepth: 1 });
  return new Uint8Array(await tiff.toBuffer());
}

/** The decoded pixels of an image as one grey channel. */
export async function greyPixelsOf(image: Uint8Array | string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(image).toColourspace('b-w').raw().toBuffer();
}

/** The decoded pixels of an image (to compare two encodings of one picture). */
export async function pixelsOf(image: Uint8Array | string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(image).raw().toBuffer();
}

/** A scanned PDF: page 1 a full-page JPEG (a copy keeps it byte for byte), page 2 (unless `jpegOnly`) a full-page PNG of 160×240. */
export async function scannedPdf(jpeg: Uint8Array, size: [number, number], jpegOnly = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const first = await doc.embedJpg(jpeg);
  doc.addPage(size).drawImage(first, { x: 0, y: 0, width: size[0], height: size[1] });
  if (jpegOnly) return doc.save();
  const second = await doc.embedPng(noisyPng(160, 240));
  doc.addPage([160, 240]).drawImage(second, { x: 0, y: 0, width: 160, height: 240 });
  return doc.save();
}
