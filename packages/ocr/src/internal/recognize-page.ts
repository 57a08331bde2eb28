import { SohoaError, createDiagnostic, type Diagnostic, type OcrLine, type OcrPage, type PageImage } from '@sohoa/core';
import { assertPageSegMode } from '../options';
import type { PageSegMode, RecognizeOptions } from '../types';
import { abortedError } from './errors';
import { offsetLine } from './geometry';
import { ocrPageOf } from './ocr-page';
import { prepareImage, type PreparedImage } from './prepare';
import { ocrPageFromTextLayer, textLayerLines } from './text-layer';

/** What differs between engines: how one prepared image is recognised. */
export interface EngineCore {
  name: string;
  psm: PageSegMode;
  languages: string[];
  upscaleBelowTextHeight: number;
  downscaleAboveTextHeight: number;
  /** Lines in prepared-image coordinates. */
  recognizeImage(
    prepared: PreparedImage,
    psm: PageSegMode,
    page: number,
    call: RecognizeOptions,
    languages: string[],
  ): Promise<OcrLine[]>;
}

function assertPageImage(page: PageImage): void {
  const { width, height, channels, pixels } = page;
  const valid =
    Number.isInteger(width) &&
    Number.isInteger(height) &&
    width > 0 &&
    height > 0 &&
    [1, 3, 4].includes(channels) &&
    pixels.length === width * height * channels;
  if (!valid) {
    throw new SohoaError(
      'OCR_INVALID_OPTION',
      `Page ${page.source.page} is not a valid page image: expected ${width}×${height}×${channels} = ${width * height * channels} bytes of pixels, got ${pixels.length}. Produce pages with \`readPages\` from \`@sohoa/ingest\`.`,
      { details: { page: page.source.page } },
    );
  }
}

function checkLanguages(requested: string[] | undefined, loaded: string[]): string[] {
  if (requested === undefined) return loaded;
  const unknown = requested.filter((language) => !loaded.includes(language));
  if (requested.length === 0 || unknown.length > 0) {
    throw new SohoaError(
      'OCR_INVALID_OPTION',
      `\`languages\` for one call must be a non-empty subset of the engine's languages (${loaded.join(', ')}); add the others to the engine's \`languages\` option.`,
      { details: { option: 'languages' } },
    );
  }
  return requested;
}

/** The engine-independent part of `recognize`: checks, text layer, regions, upscaling, diagnostics. */
export async function recognizePage(core: EngineCore, page: PageImage, call: RecognizeOptions): Promise<OcrPage> {
  const pageNumber = page.source.page;
  if (call.signal?.aborted) throw abortedError(pageNumber, call.signal.reason);
  assertPageImage(page);
  const psm = call.psm ?? core.psm;
  assertPageSegMode(psm);
  const languages = checkLanguages(call.languages, core.languages);
  const useTextLayer = call.useTextLayer !== false && page.textLayer !== undefined && page.textLayer.length > 0;
  if (useTextLayer && !call.regions) return ocrPageFromTextLayer(page, core.name, textLayerLines(page));
  const diagnostics: Diagnostic[] = [];
  const jobs = call.regions ?? [{ box: undefined, psm }];
  const lines: OcrLine[] = [];
  let upscaled = 0;
  let downscaled = 0;
  let downscaleOf: number | undefined;
  let fromTextLayer = 0;
  // Regions run one after another: pages are the unit of parallelism across the pool.
  for (const [index, region] of jobs.entries()) {
    const regionPsm = region.psm ?? psm;
    assertPageSegMode(regionPsm, `regions[${index}].psm`);
    if (useTextLayer && region.box) {
      const found = textLayerLines(page, region.box);
      if (found.length > 0) {
        lines.push(...found);
        fromTextLayer++;
        continue;
      }
    }
    const prepared = await prepareImage(page, region.box, core.upscaleBelowTextHeight, core.downscaleAboveTextHeight);
    if (!prepared) {
      diagnostics.push(
        createDiagnostic(
          'OCR_REGION_OUTSIDE_PAGE',
          'warning',
          `Region ${index} lies outside the page and was skipped.`,
          { origin: 'ocr', page: pageNumber, pointer: `/regions/${index}` },
        ),
      );
      continue;
    }
    if (prepared.scale > 1) upscaled++;
    if (prepared.scale < 1) {
      downscaled++;
      downscaleOf = prepared.scale;
    }
    const found = await core.recognizeImage(prepared, regionPsm, pageNumber, call, languages);
    lines.push(...found.map((line) => offsetLine(line, prepared.dx, prepared.dy, prepared.scale)));
  }
  if (fromTextLayer > 0) {
    diagnostics.push(
      createDiagnostic(
        'OCR_TEXT_LAYER_USED',
        'info',
        `${fromTextLayer} region(s) were read from the page's text layer instead of OCR.`,
        { origin: 'ocr', page: pageNumber },
      ),
    );
  }
  if (upscaled > 0) {
    diagnostics.push(
      createDiagnostic('OCR_UPSCALED', 'info', `Small text: ${upscaled} image(s) were upscaled ×2 before OCR.`, {
        origin: 'ocr',
        page: pageNumber,
      }),
    );
  }
  if (downscaled > 0) {
    diagnostics.push(
      createDiagnostic(
        'OCR_DOWNSCALED',
        'info',
        `Large text: the page was read at ${Math.round(100 * (downscaleOf ?? 1))}% of its size.`,
        { origin: 'ocr', page: pageNumber },
      ),
    );
  }
  if (lines.length === 0) {
    diagnostics.push(
      createDiagnostic('OCR_NO_TEXT', 'warning', 'No text was recognised.', { origin: 'ocr', page: pageNumber }),
    );
  }
  return ocrPageOf(
    page,
    lines,
    core.name,
    diagnostics,
    lines.flatMap((line) => line.words),
  );
}
