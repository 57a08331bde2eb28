import { createHash, createPrivateKey, createPublicKey, sign as rsaSign, verify as rsaVerify } from 'node:crypto';
import { SohoaError } from '@sohoa/core';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';

/** Options of {@link signCopy}. */
export interface SignOptions {
  /** The digitising unit's PKCS#12 (`.p12`/`.pfx`) with its RSA key and certificate. */
  p12: Uint8Array;
  /** The PKCS#12 password (the CLI reads `SOHOA_SIGN_PASSWORD`). */
  password: string;
  /** The unit signing, shown as the signature's name, e.g. `UBND phường Bến Nghé`. @default the certificate's CN */
  name?: string;
  /** @default `Số hoá bản sao điện tử từ bản chính` */
  reason?: string;
  /** Where the unit is, e.g. `TP. Hồ Chí Minh`. */
  location?: string;
  /** Signing time, written in the signature dictionary (`/M`). @default now */
  signingTime?: Date;
}

/** What {@link verifySignature} found. */
export interface SignatureCheck {
  /** True when the file carries at least one signature. */
  signed: boolean;
  /** True when signed and every check passed. */
  ok: boolean;
  problems: Array<{ code: string; message: string }>;
  /** The last signature's fields. */
  subFilter?: string;
  name?: string;
  reason?: string;
  location?: string;
  /** ISO time from `/M`. */
  signingTime?: string;
  /** Subject of the signing certificate (`CN=…, O=…`). */
  signer?: string;
  /** Whether the signature covers the whole file (nothing appended after it). */
  coversWholeFile?: boolean;
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
};

const { asn1 } = forge;
const seq = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const int = (n: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const algorithm = (id: string, withNull = true) => seq(withNull ? [oid(id), nul()] : [oid(id)]);
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);

const fail = (message: string, cause?: unknown): never => {
  throw new SohoaError('ARCHIVE_SIGN_FAILED', message, cause === undefined ? {} : { cause });
};

interface Credentials {
  keyPem: string;
  /** Signing certificate first, then the rest of the chain. */
  certificates: forge.pki.Certificate[];
}

/** Read the key and certificates of a PKCS#12; typed errors for a wrong password or a file without an RSA key. */
export function readP12(p12: Uint8Array, password: string): Credentials {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1.fromDer(Buffer.from(p12).toString('binary')), false, password);
  } catch (cause) {
    return fail(
      'The PKCS#12 file cannot be opened: the password (SOHOA_SIGN_PASSWORD) is wrong, or the file is not a PKCS#12 with an RSA key (`.p12`/`.pfx`).',
      cause,
    );
  }
  const bags = (type: string) => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBag = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)][0];
  if (!keyBag?.key) return fail('The PKCS#12 file holds no RSA private key (EC keys are not supported yet).');
  const certificates = bags(forge.pki.oids.certBag!).flatMap((b) => (b.cert ? [b.cert] : []));
  const key = keyBag.key as forge.pki.rsa.PrivateKey;
  // The signing certificate is the one whose public key matches the private key.
  const signing = certificates.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n));
  if (!signing) return fail('The PKCS#12 file holds no certificate for its private key.');
  return {
    keyPem: forge.pki.privateKeyToPem(key),
    certificates: [signing, ...certificates.filter((c) => c !== signing)],
  };
}

/** Opened PKCS#12s by file bytes and password: opening one costs 0.2–0.7 s (PBKDF2 in JavaScript), once per batch. */
const opened = new WeakMap<Uint8Array, Map<string, Credentials>>();

function cachedCredentials(p12: Uint8Array, password: string): Credentials {
  let byPassword = opened.get(p12);
  if (!byPassword) opened.set(p12, (byPassword = new Map()));
  let credentials = byPassword.get(password);
  if (!credentials) byPassword.set(password, (credentials = readP12(p12, password)));
  return credentials;
}

/**
 * A CAdES signer for PAdES baseline B-B (ETSI EN 319 142-1): CMS SignedData, detached, SHA-256 with RSA, signed
 * attributes content-type, message-digest and signing-certificate-v2, and no signing-time attribute (the time is
 * the signature dictionary's `/M`).
 */
function cadesSignature(credentials: Credentials, contentDigest: Buffer): Buffer {
  const [cert, ...chain] = credentials.certificates as [forge.pki.Certificate, ...forge.pki.Certificate[]];
  const certDer = der(forge.pki.certificateToAsn1(cert));
  const signedAttributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(contentDigest)),
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; hashAlgorithm left at its sha256 default.
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(createHash('sha256').update(certDer).digest())])])])),
  ];
  const signature = rsaSign('sha256', der(set(signedAttributes)), createPrivateKey(credentials.keyPem));
  const issuerAndSerial = seq([
    issuerOf(cert),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, forge.util.hexToBytes(cert.serialNumber)),
  ]);
  const signerInfo = seq([
    int(1),
    issuerAndSerial,
    algorithm(OID.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttributes),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const signedData = seq([
    int(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(
      asn1.Class.CONTEXT_SPECIFIC,
      0,
      true,
      [cert, ...chain].map((c) => forge.pki.certificateToAsn1(c)),
    ),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/**
 * The issuer name exactly as encoded in the certificate (re-encoding a parsed name with node-forge encodes its
 * UTF-8 values twice, and the signer would then name no certificate).
 */
function issuerOf(cert: forge.pki.Certificate): forge.asn1.Asn1 {
  const tbs = (forge.pki.certificateToAsn1(cert).value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  const first = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return fields[first + 2]!;
}

/** Certificate attribute values come back from node-forge as UTF-8 bytes in a binary string. */
const utf8 = (value: string) => {
  try {
    return forge.util.decodeUtf8(value);
  } catch {
    return value;
  }
};

/** The common name of a certificate's subject. */
const certName = (cert: forge.pki.Certificate): string | undefined => {
  const cn = cert.subject.getField('CN')?.value;
  return typeof cn === 'string' ? utf8(cn) : undefined;
};

/** A PDF text string as UTF-16BE hex with a BOM (any Vietnamese text). */
const hexText = (text: string) => {
  const units = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${units.toString('hex').toUpperCase()}>`;
};

/** PDF date `D:YYYYMMDDHHmmSSZ`. */
const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

const BYTE_RANGE = '/ByteRange [0 /********** /********** /**********]';

/**
 * Sign a PDF (the digitised copy) as the digitising unit: a PAdES B-B signature (`/SubFilter
 * /ETSI.CAdES.detached`), invisible (a zero-size widget, allowed by PDF/A-2), naming the unit, the reason, the
 * place and the time. The signature is appended as an incremental update: the original bytes (page images
 * included) are kept as they are, nothing is written twice. Throws `ARCHIVE_SIGN_FAILED`.
 */
export async function signCopy(pdf: Uint8Array, options: SignOptions): Promise<Uint8Array> {
  const credentials = cachedCredentials(options.p12, options.password);
  const cert = credentials.certificates[0]!;
  const name = options.name ?? certName(cert) ?? 'sohoa';
  const time = options.signingTime ?? new Date();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (cause) {
    return fail('The file to sign is not a readable PDF.', cause);
  }
  // A view, not a copy: scans are large, and the original bytes are written out once, unchanged.
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const prevXref = lastStartXref(original);
  const context = doc.context;
  const root = context.trailerInfo.Root as PDFRef;
  const catalog = context.lookup(root, PDFDict).clone(context);
  const firstPage = doc.getPages()[0];
  if (!firstPage) return fail('The PDF has no page to carry the signature field.');
  const pageRef = firstPage.ref;
  const page = firstPage.node.clone(context);
  // Object numbers in use include the original's object and cross-reference streams, which pdf-lib drops: start
  // after the trailer's /Size too.
  let next = Math.max(context.largestObjectNumber + 1, trailerSize(original, prevXref));
  const sigRef = PDFRef.of(next++);
  const widgetRef = PDFRef.of(next++);
  const xrefNumber = next++;

  // The signature placeholder: room for the CMS (certificates + RSA signature) in hex.
  const certBytes = credentials.certificates.reduce((n, c) => n + der(forge.pki.certificateToAsn1(c)).length, 0);
  const contentsLength = 2 * (certBytes + 4096);
  const sigDict = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    BYTE_RANGE,
    `/Contents <${'0'.repeat(contentsLength)}>`,
    `/Name ${hexText(name)}`,
    `/Reason ${hexText(options.reason ?? 'Số hoá bản sao điện tử từ bản chính')}`,
    ...(options.location !== undefined ? [`/Location ${hexText(options.location)}`] : []),
    `/M (${pdfDate(time)})`,
    '>>',
  ].join('\n');
  const fieldName = `Signature${sigRef.objectNumber}`;
  const widget = `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/Rect [0 0 0 0]\n/F 132\n/T ${hexText(fieldName)}\n/V ${sigRef}\n/P ${pageRef}\n>>`;

  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const newAnnots = annots ? (annots.clone(context) as PDFArray) : context.obj([]);
  newAnnots.push(widgetRef);
  page.set(PDFName.of('Annots'), newAnnots);
  const form = catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const acroForm = form ? form.clone(context) : context.obj({});
  const fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const newFields = fields ? (fields.clone(context) as PDFArray) : context.obj([]);
  newFields.push(widgetRef);
  acroForm.set(PDFName.of('Fields'), newFields);
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  catalog.set(PDFName.of('AcroForm'), acroForm);

  const objects: Array<[PDFRef, string]> = [
    [root, catalog.toString()],
    [pageRef, page.toString()],
    [sigRef, sigDict],
    [widgetRef, widget],
  ];
  const base = original.length + (original.at(-1) === 0x0a ? 0 : 1);
  const parts: string[] = [original.at(-1) === 0x0a ? '' : '\n'];
  const offsets = new Map<number, { offset: number; gen: number }>();
  let length = base;
  for (const [ref, body] of objects) {
    const text = `${ref.objectNumber} ${ref.generationNumber} obj\n${body}\nendobj\n`;
    offsets.set(ref.objectNumber, { offset: length, gen: ref.generationNumber });
    parts.push(text);
    length += Buffer.byteLength(text, 'latin1');
  }
  const trailer = context.trailerInfo;
  const id = trailer.ID ? ` /ID ${trailer.ID.toString()}` : '';
  const info = trailer.Info ? ` /Info ${trailer.Info.toString()}` : '';
  const usesStream = !original.subarray(prevXref, prevXref + 4).equals(Buffer.from('xref'));
  if (usesStream) {
    // The original ends with a cross-reference stream: the update adds one too (uncompressed, /W [1 4 2]).
    offsets.set(xrefNumber, { offset: length, gen: 0 });
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const rows = Buffer.alloc(numbers.length * 7);
    numbers.forEach((n, i) => {
      const { offset, gen } = offsets.get(n)!;
      rows.writeUInt8(1, i * 7);
      rows.writeUInt32BE(offset, i * 7 + 1);
      rows.writeUInt16BE(gen, i * 7 + 5);
    });
    const index = numbers.map((n) => `${n} 1`).join(' ');
    parts.push(
      `${xrefNumber} 0 obj\n<< /Type /XRef /Size ${xrefNumber + 1} /W [1 4 2] /Index [${index}] /Prev ${prevXref} /Root ${root}${info}${id} /Length ${rows.length} >>\nstream\n`,
    );
    parts.push(rows.toString('latin1'));
    parts.push(`\nendstream\nendobj\nstartxref\n${length}\n%%EOF\n`);
  } else {
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const table = numbers
      .map((n) => {
        const { offset, gen } = offsets.get(n)!;
        return `${n} 1\n${String(offset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
      })
      .join('');
    parts.push(
      `xref\n${table}trailer\n<< /Size ${xrefNumber} /Prev ${prevXref} /Root ${root}${info}${id} >>\nstartxref\n${length}\n%%EOF\n`,
    );
  }
  // Fill the byte range and the signature into the (small) appended part; the original is hashed in place.
  const tail = Buffer.from(parts.join(''), 'latin1');
  const rangeAt = tail.indexOf(BYTE_RANGE);
  const contentsAt = tail.indexOf('<', tail.indexOf('/Contents ', rangeAt));
  const contentsEnd = contentsAt + contentsLength + 2;
  const total = original.length + tail.length;
  const range = [0, original.length + contentsAt, original.length + contentsEnd, total - original.length - contentsEnd];
  const rangeText = `/ByteRange [${range.join(' ')}]`;
  if (rangeAt < 0 || contentsAt < 0 || rangeText.length > BYTE_RANGE.length)
    return fail('The signature placeholder could not be laid out.');
  tail.write(rangeText.padEnd(BYTE_RANGE.length, ' '), rangeAt, 'latin1');
  const digest = createHash('sha256')
    .update(original)
    .update(tail.subarray(0, contentsAt))
    .update(tail.subarray(contentsEnd))
    .digest();
  let cms: Buffer;
  try {
    cms = cadesSignature(credentials, digest);
  } catch (cause) {
    return fail(`The PDF could not be signed: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
  if (cms.length * 2 > contentsLength) return fail('The signature is larger than its placeholder.');
  tail.write(cms.toString('hex').toUpperCase(), contentsAt + 1, 'latin1');
  const out = new Uint8Array(total);
  out.set(original, 0);
  out.set(tail, original.length);
  return out;
}

/** `/Size` of the cross-reference section at `offset` (table trailer or stream dictionary); 0 when not found. */
function trailerSize(pdf: Buffer, offset: number): number {
  const window = pdf.subarray(offset, offset + 64 * 1024).toString('latin1');
  const end = window.indexOf('stream');
  const trailer = window.indexOf('trailer');
  const m = /\/Size\s+(\d+)/.exec(window.slice(Math.max(trailer, 0), end >= 0 && trailer < 0 ? end : undefined));
  return m ? Number(m[1]) : 0;
}

function lastStartXref(pdf: Buffer): number {
  const at = pdf.lastIndexOf('startxref');
  const m = at < 0 ? null : /^startxref\s+(\d+)/.exec(pdf.subarray(at, at + 40).toString('latin1'));
  if (!m) return fail('The PDF has no `startxref`; it is damaged.');
  return Number(m![1]);
}

/** Decode a PDF string token (`(…)` literal or `<…>` hex, UTF-16BE with a BOM or PDFDocEncoding as Latin-1). */
function pdfText(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  let bytes: Buffer;
  if (token.startsWith('<')) bytes = Buffer.from(token.slice(1, -1).replace(/\s/g, ''), 'hex');
  else
    bytes = Buffer.from(
      token
        .slice(1, -1)
        .replace(/\\([nrtbf()\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c),
      'latin1',
    );
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

/**
 * Check the signatures of a PDF independently of any reader: for each `/ByteRange`, that it starts at 0 and
 * skips exactly the `/Contents` hex, that the CMS message digest equals the SHA-256 of the covered bytes, that
 * the signing-certificate-v2 attribute names the certificate included, and that the RSA signature over the
 * signed attributes verifies with that certificate's key; and that the last signature covers the whole file.
 * The certificate's trust (a chain to a CA) is not judged here.
 */
export function verifySignature(pdf: Uint8Array): SignatureCheck {
  const buf = Buffer.from(pdf);
  const text = buf.toString('latin1');
  const problems: SignatureCheck['problems'] = [];
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length === 0)
    return { signed: false, ok: false, problems: [{ code: 'unsigned', message: 'The file carries no signature.' }] };
  const result: SignatureCheck = { signed: true, ok: false, problems };
  for (const [i, m] of ranges.entries()) {
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
    const label = `signature ${i + 1}`;
    if (a !== 0 || b <= 0 || c <= b || c + d > buf.length || buf[b] !== 0x3c || buf[c - 1] !== 0x3e) {
      problems.push({ code: 'byte-range', message: `The byte range of ${label} does not fit the file.` });
      continue;
    }
    const covered = Buffer.concat([buf.subarray(0, b), buf.subarray(c, c + d)]);
    const start = text.lastIndexOf(' obj', m.index);
    const end = text.indexOf('endobj', m.index);
    const dict = text.slice(start, end < 0 ? undefined : end);
    const field = (key: string) =>
      new RegExp(`/${key}\\s*(\\([^)]*\\)|<[0-9A-Fa-f\\s]*>|/[^\\s/<>\\[\\]()]+)`).exec(dict)?.[1];
    result.subFilter = field('SubFilter')?.slice(1);
    result.name = pdfText(field('Name'));
    result.reason = pdfText(field('Reason'));
    result.location = pdfText(field('Location'));
    const when = /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(pdfText(field('M')) ?? '');
    result.signingTime = when ? `${when[1]}-${when[2]}-${when[3]}T${when[4]}:${when[5]}:${when[6]}Z` : undefined;
    result.coversWholeFile = c + d === buf.length;
    try {
      const hex = buf.subarray(b + 1, c - 1).toString('latin1');
      // The hex is zero-padded after the DER: parse the first element only.
      const fromDer = asn1.fromDer as unknown as (bytes: string, options: object) => forge.asn1.Asn1;
      const cms = fromDer(Buffer.from(hex, 'hex').toString('binary'), { parseAllBytes: false });
      problems.push(...checkCms(cms, covered, label, result));
    } catch (cause) {
      problems.push({
        code: 'cms-unreadable',
        message: `The CMS of ${label} cannot be read (${cause instanceof Error ? cause.message : 'bad DER'}).`,
      });
    }
  }
  if (result.coversWholeFile === false)
    problems.push({ code: 'appended', message: 'Bytes were appended after the last signature.' });
  result.ok = problems.length === 0;
  return result;
}

function checkCms(
  cms: forge.asn1.Asn1,
  covered: Buffer,
  label: string,
  out: SignatureCheck,
): Array<{ code: string; message: string }> {
  const problems: Array<{ code: string; message: string }> = [];
  const kids = (n: forge.asn1.Asn1 | undefined) => (Array.isArray(n?.value) ? (n.value as forge.asn1.Asn1[]) : []);
  const signedData = kids(kids(cms)[1])[0];
  const parts = kids(signedData);
  const certsNode = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signerInfo = kids(parts.at(-1))[0];
  const si = kids(signerInfo);
  const attrsNode = si.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signature = Buffer.from(String(si.at(-1)?.value ?? ''), 'binary');
  const certAsn1 = kids(certsNode)[0];
  if (!certAsn1 || !attrsNode)
    return [{ code: 'cms-incomplete', message: `The CMS of ${label} lacks its certificate or signed attributes.` }];
  const cert = forge.pki.certificateFromAsn1(certAsn1);
  out.signer = cert.subject.attributes.map((a) => `${a.shortName ?? a.name}=${utf8(String(a.value))}`).join(', ');
  const certDer = der(certAsn1);
  const attrs = new Map<string, forge.asn1.Asn1>();
  for (const attr of kids(attrsNode)) {
    const [type, values] = kids(attr);
    attrs.set(asn1.derToOid(String(type?.value ?? '')), kids(values)[0]!);
  }
  const digest = Buffer.from(String(attrs.get(OID.messageDigest)?.value ?? ''), 'binary');
  if (!digest.equals(createHash('sha256').update(covered).digest()))
    problems.push({ code: 'digest-mismatch', message: `The bytes covered by ${label} were changed after signing.` });
  const essHash = kids(kids(kids(attrs.get(OID.signingCertificateV2))[0])[0]).find(
    (n) => n.type === asn1.Type.OCTETSTRING,
  );
  if (!essHash || !Buffer.from(String(essHash.value), 'binary').equals(createHash('sha256').update(certDer).digest()))
    problems.push({
      code: 'signing-certificate',
      message: `The signing-certificate-v2 attribute of ${label} is missing or names another certificate (PAdES B-B needs it).`,
    });
  if (attrs.has(OID.signingTime))
    problems.push({
      code: 'signing-time-attribute',
      message: `${label} carries a CMS signing-time (PAdES B-B puts it in /M).`,
    });
  const signedBytes = der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, kids(attrsNode)));
  const key = createPublicKey(forge.pki.publicKeyToPem(cert.publicKey));
  if (!rsaVerify('sha256', signedBytes, key, signature))
    problems.push({ code: 'signature-invalid', message: `The signature value of ${label} does not verify.` });
  return problems;
}
