import { SohoaError } from '@sohoa/core';

const MAX_REASON = 160;

/** Map a sharp/libvips failure to a typed error; libvips messages describe structure, never pixel content. */
export function toImageError(error: unknown, label: string, page: number, maxPixels: number): SohoaError {
  if (error instanceof SohoaError) return error;
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, MAX_REASON) ?? '';
  if (/pixel limit/i.test(reason)) {
    return new SohoaError(
      'INGEST_TOO_MANY_PIXELS',
      `Page ${page} of \`${label}\` exceeds the \`maxPixels\` limit of ${maxPixels}. Downscale the scan or raise \`maxPixels\`.`,
      { cause: error, details: { file: label, page, maxPixels } },
    );
  }
  return new SohoaError(
    'INGEST_CORRUPT_IMAGE',
    `Page ${page} of \`${label}\` could not be decoded (${reason || 'unknown decoder error'}). The file is truncated or damaged; re-export or re-scan it.`,
    { cause: error, details: { file: label, page } },
  );
}

/** The error for a page whose declared size is over the pixel limit, raised before decoding. */
export function tooManyPixels(
  label: string,
  page: number,
  width: number,
  height: number,
  maxPixels: number,
): SohoaError {
  return new SohoaError(
    'INGEST_TOO_MANY_PIXELS',
    `Page ${page} of \`${label}\` declares ${width}×${height} pixels, over the \`maxPixels\` limit of ${maxPixels}. Downscale the scan or raise \`maxPixels\`.`,
    { details: { file: label, page, width, height, maxPixels } },
  );
}

/** The error for a file with more pages than allowed. */
export function tooManyPages(label: string, pageCount: number, maxPages: number): SohoaError {
  return new SohoaError(
    'INGEST_TOO_MANY_PAGES',
    `File \`${label}\` has ${pageCount} pages, over the \`maxPages\` limit of ${maxPages}. Split the file or raise \`maxPages\`.`,
    { details: { file: label, pageCount, maxPages } },
  );
}
