import { SohoaError, createDiagnostic, isSohoaError, type PageImage, type SafeResult } from '@sohoa/core';
import { resolveIngestOptions } from './options';
import { readImagePages } from './internal/read-image';
import { readPdfPages } from './internal/read-pdf';
import { inputName, loadSource } from './internal/source';
import { finishPages } from './internal/finish-pages';
import { throwIfAborted } from './internal/deadline';
import { sniffFileType } from './sniff';
import type { IngestInput, IngestOptions } from './types';

/**
 * Decode a scanned image or PDF into page images (8-bit RGB), checking size, pixel and page limits
 * before decoding. Pages to be OCRed (no text layer) then pass the quality gate (`page.quality` and
 * `INGEST_QUALITY_*` diagnostics) and the `preprocess` steps (by default: turned upright and deskewed;
 * see `page.preprocessing` and `toSourceBox`). Throws a {@link SohoaError} with an `INGEST_*` code on
 * unusable input.
 *
 * @example
 * const pages = await readPages('scans/cccd-front.jpg', { maxPixels: 50_000_000 });
 * const raw = await readPages('scan.tif', { preprocess: false, quality: false }); // pixels exactly as decoded
 */
export async function readPages(input: IngestInput, options: IngestOptions = {}): Promise<PageImage[]> {
  const resolved = resolveIngestOptions(options);
  throwIfAborted(resolved.signal, inputName(input));
  const source = await loadSource(input, resolved);
  const type = sniffFileType(source.bytes);
  switch (type) {
    case 'pdf':
      return finishPages(await readPdfPages(source, resolved), source.label, resolved);
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'tiff':
    case 'bmp':
      return finishPages(await readImagePages(source, type, resolved), source.label, resolved);
    default:
      throw new SohoaError(
        'INGEST_UNSUPPORTED_TYPE',
        type === 'unknown'
          ? `File \`${source.label}\` is not a recognised image or PDF (checked by content, not by name). Supported: JPEG, PNG, WebP, TIFF, BMP, PDF.`
          : `File \`${source.label}\` is a ${type.toUpperCase()} image, which is not supported. Convert it to PNG or JPEG.`,
        { details: { file: source.label, type } },
      );
  }
}

/** Like {@link readPages} but returns `{ ok: false, diagnostics }` instead of throwing a `SohoaError`. */
export async function safeReadPages(input: IngestInput, options: IngestOptions = {}): Promise<SafeResult<PageImage[]>> {
  try {
    return { ok: true, value: await readPages(input, options) };
  } catch (error) {
    if (!isSohoaError(error)) throw error;
    const page = typeof error.details.page === 'number' ? error.details.page : undefined;
    const diagnostic = createDiagnostic(error.code, 'error', error.message, { origin: 'ingest' });
    if (page !== undefined) diagnostic.page = page;
    return { ok: false, diagnostics: [diagnostic, ...error.diagnostics] };
  }
}
