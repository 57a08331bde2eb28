import type { PageImage } from '@sohoa/core';
import type { FileType, ResolvedIngestOptions } from '../types';
import { throwIfAborted, withPageDeadline } from './deadline';
import { decodeBmp } from './decode-bmp';
import { decodeImage, rasterPage, readImageHeader } from './decode-image';
import { checkDeclaredSize } from './image-header';
import { tooManyPages } from './sharp-errors';
import type { LoadedSource } from './source';

/** Decode a JPEG/PNG/WebP/BMP file (one page) or every page of a TIFF. */
export async function readImagePages(
  source: LoadedSource,
  type: FileType,
  options: ResolvedIngestOptions,
): Promise<PageImage[]> {
  const declared = checkDeclaredSize(source.bytes, type, source.label, options);
  if (type === 'bmp') {
    const raster = decodeBmp(source.bytes, source.label, options.maxPixels);
    return [
      {
        source: { file: source.file, sha256: source.sha256, page: 1, pageCount: 1 },
        width: raster.width,
        height: raster.height,
        channels: 3,
        pixels: raster.pixels,
        diagnostics: [],
      },
    ];
  }
  const header = await readImageHeader(source.bytes, { label: source.label, page: 1, maxPixels: options.maxPixels });
  const pageCount = type === 'tiff' ? Math.max(1, declared?.pages ?? header.pages ?? 1) : 1;
  if (pageCount > options.maxPages) throw tooManyPages(source.label, pageCount, options.maxPages);
  const pages: PageImage[] = [];
  for (let index = 0; index < pageCount; index++) {
    throwIfAborted(options.signal, source.label);
    const pageNumber = index + 1;
    const raster = await withPageDeadline(
      () =>
        decodeImage(source.bytes, {
          label: source.label,
          page: pageNumber,
          maxPixels: options.maxPixels,
          pageIndex: index,
          autoOrient: true,
        }),
      { label: source.label, page: pageNumber, timeoutMs: options.pageTimeoutMs, signal: options.signal },
    );
    pages.push(rasterPage(source, pageNumber, pageCount, raster, raster.diagnostics, raster.dpi));
  }
  return pages;
}
