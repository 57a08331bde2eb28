import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type { PageViewport } from 'pdfjs-dist/types/src/display/display_utils';
import { SohoaError, type TextSpan } from '@sohoa/core';
import type { DecodedRaster } from './decode-image';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<Pdfjs> | undefined;

function dataFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/** pdf.js errors meaning the file itself is not a readable PDF (as opposed to a bug or an environment problem). */
const UNREADABLE_PDF = new Set(['InvalidPDFException', 'FormatError', 'MissingPDFException']);

/**
 * Why pdf.js could not open a file, as the error that names the real cause: a user password is
 * `INGEST_ENCRYPTED_PDF` (an owner password alone opens), a file pdf.js finds malformed is
 * `INGEST_CORRUPT_PDF`, anything else `INGEST_PDF_READER_FAILED` with the reader's error as `cause`.
 */
export function pdfjsOpenError(error: unknown, label: string): SohoaError {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : 'Error';
  if (name === 'PasswordException') {
    return new SohoaError(
      'INGEST_ENCRYPTED_PDF',
      `File \`${label}\` needs a password to open (it has a user password). Save an unprotected copy with the password, then ingest that.`,
      { cause: error, details: { file: label } },
    );
  }
  // Errors raised in pdf.js's worker reach us wrapped, e.g. `UnknownErrorException` with details `FormatError: …`.
  const details = typeof error === 'object' && error !== null && 'details' in error ? String(error.details) : '';
  const wrapped = name === 'UnknownErrorException' ? /^(\w+):/.exec(details)?.[1] : undefined;
  if (UNREADABLE_PDF.has(name) || (wrapped !== undefined && UNREADABLE_PDF.has(wrapped))) {
    return new SohoaError(
      'INGEST_CORRUPT_PDF',
      `File \`${label}\` could not be read as a PDF by either PDF reader (${name}). It is truncated or damaged; re-save it from the scanner software or a PDF tool.`,
      { cause: error, details: { file: label, reader: 'pdf.js', reason: wrapped ?? name } },
    );
  }
  return new SohoaError(
    'INGEST_PDF_READER_FAILED',
    `The PDF reader failed on \`${label}\` with an unexpected error (${name}); the file may be fine. Please report it with the error's \`cause\`.`,
    { cause: error, details: { file: label, reader: 'pdf.js', reason: name } },
  );
}

/** Open a PDF with pdf.js (loaded on first use), for text layers and rasterising. */
export async function openPdfjs(bytes: Uint8Array, label: string): Promise<PDFDocumentProxy> {
  const pdfjs = await (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  const folder = dataFolder();
  try {
    return await pdfjs.getDocument({
      // A plain Uint8Array copy: pdf.js refuses a Buffer and detaches the buffer it is given.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      verbosity: 0,
      useSystemFonts: false,
      standardFontDataUrl: `${join(folder, 'standard_fonts')}/`,
      cMapUrl: `${join(folder, 'cmaps')}/`,
      cMapPacked: true,
      wasmUrl: `${join(folder, 'wasm')}/`,
    }).promise;
  } catch (error) {
    throw pdfjsOpenError(error, label);
  }
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface Placed {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  size: number;
}

function place(item: TextItem, viewport: PageViewport): Placed | undefined {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  if (!(size > 0)) return undefined;
  const ux = a / (Math.hypot(a, b) || 1);
  const uy = b / (Math.hypot(a, b) || 1);
  const vx = c / size;
  const vy = d / size;
  const height = item.height > 0 ? item.height : size;
  // Corners of the run in user space: baseline origin, advance along (ux,uy), ascent 0.8 and descent 0.25 of the size along (vx,vy).
  const corners = [
    [e - vx * height * 0.25, f - vy * height * 0.25],
    [e + ux * item.width - vx * height * 0.25, f + uy * item.width - vy * height * 0.25],
    [e + vx * height * 0.85, f + vy * height * 0.85],
    [e + ux * item.width + vx * height * 0.85, f + uy * item.width + vy * height * 0.85],
  ].map(([x, y]) => viewport.convertToViewportPoint(x!, y!) as [number, number]);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const by = (viewport.convertToViewportPoint(e, f) as [number, number])[1];
  return {
    text: item.str,
    x0: Math.min(...xs),
    x1: Math.max(...xs),
    top: Math.min(...ys),
    bottom: Math.max(...ys),
    baseline: by,
    size: size * viewport.scale,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * A page's text layer as spans in viewport pixels: runs on one baseline are joined (a run split at a
 * font change gets no space; a wider gap a space) and cut where the gap is wider than 1.5 em, so the
 * two columns of an official letter's header stay separate spans.
 */
export async function readTextSpans(page: PDFPageProxy, viewport: PageViewport): Promise<TextSpan[]> {
  const content = await page.getTextContent();
  const placed: Placed[] = [];
  for (const raw of content.items as TextItem[]) {
    if (typeof raw.str !== 'string' || raw.str === '') continue;
    const item = place(raw, viewport);
    if (item && item.x1 > item.x0) placed.push(item);
  }
  placed.sort((p, q) =>
    Math.abs(p.baseline - q.baseline) <= Math.min(p.size, q.size) * 0.3 ? p.x0 - q.x0 : p.baseline - q.baseline,
  );
  const spans: TextSpan[] = [];
  let current: Placed | undefined;
  const flush = () => {
    if (current && current.text.trim() !== '') {
      spans.push({
        text: current.text.replace(/\s+/g, ' ').trim().normalize('NFC'),
        box: {
          x: round(current.x0),
          y: round(current.top),
          width: round(current.x1 - current.x0),
          height: round(current.bottom - current.top),
        },
        confidence: 1,
      });
    }
    current = undefined;
  };
  for (const item of placed) {
    if (current) {
      const sameLine = Math.abs(item.baseline - current.baseline) <= Math.min(item.size, current.size) * 0.3;
      const gap = item.x0 - current.x1;
      const em = Math.max(item.size, current.size);
      if (sameLine && gap < em * 1.5) {
        const space = gap > em * 0.15 && !current.text.endsWith(' ') && !item.text.startsWith(' ') ? ' ' : '';
        current = {
          ...current,
          text: current.text + space + item.text,
          x1: Math.max(current.x1, item.x1),
          top: Math.min(current.top, item.top),
          bottom: Math.max(current.bottom, item.bottom),
          size: Math.max(current.size, item.size),
        };
        continue;
      }
      flush();
    }
    if (item.text.trim() === '') continue;
    current = { ...item };
  }
  flush();
  return spans;
}

/** A page's viewport at `dpi`, honouring its `/Rotate`. */
export function viewportAt(page: PDFPageProxy, dpi: number): PageViewport {
  return page.getViewport({ scale: dpi / 72 });
}

/** Rasterise a page to RGB at the viewport's scale; the render is cancelled if `signal` fires. */
export async function renderPdfPage(
  doc: PDFDocumentProxy,
  page: PDFPageProxy,
  viewport: PageViewport,
  signal: AbortSignal,
): Promise<DecodedRaster> {
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  interface Context2d {
    fillStyle: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  }
  const factory = doc.canvasFactory as {
    create(w: number, h: number): { canvas: unknown; context: Context2d };
    destroy(c: unknown): void;
  };
  const target = factory.create(width, height);
  try {
    target.context.fillStyle = '#ffffff';
    target.context.fillRect(0, 0, width, height);
    const task = page.render({
      canvasContext: target.context,
      viewport,
      canvas: target.canvas,
    } as unknown as Parameters<PDFPageProxy['render']>[0]);
    const cancel = () => task.cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      await task.promise;
    } finally {
      signal.removeEventListener('abort', cancel);
    }
    const rgba = target.context.getImageData(0, 0, width, height).data;
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0, o = 0; o < rgb.length; i += 4, o += 3) {
      rgb[o] = rgba[i]!;
      rgb[o + 1] = rgba[i + 1]!;
      rgb[o + 2] = rgba[i + 2]!;
    }
    return { width, height, channels: 3, pixels: rgb, diagnostics: [] };
  } finally {
    factory.destroy(target);
    page.cleanup();
  }
}
