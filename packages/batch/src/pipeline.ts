import {
  isSohoaError,
  toSourceBox,
  type DigitisedPageQuality,
  type Diagnostic,
  type OcrPage,
  type PageImage,
} from '@sohoa/core';
import { decodeQr, safeExtractDocument } from '@sohoa/extract';
import { readPages, type IngestOptions } from '@sohoa/ingest';
import { loadGazetteer, type Gazetteer } from '@sohoa/vn';
import type { PageRecognizer, PageWords, PipelineOutput, StageTimings } from './types';

/** What the pipeline needs to read one file; plain data, so it can be sent to a worker process. */
export interface PipelineInput {
  file: string;
  bytes?: Uint8Array;
  asOf?: string;
  /** Restrict classification to these document types (from the manifest). */
  types?: string[];
  ingest?: Pick<IngestOptions, 'maxBytes' | 'maxPixels' | 'maxPages' | 'preprocess' | 'quality'>;
  /** Folder of the administrative-unit datasets (see `DigitizeOptions.gazetteerDir`). */
  gazetteerDir?: string;
  /** Return each page's OCR words, mapped back to the page as decoded (`PipelineOutput.pageWords`). */
  keepWords?: boolean;
}

// One gazetteer per folder and process: loading the public datasets takes seconds.
const gazetteers = new Map<string, Promise<Gazetteer>>();

/** The gazetteer of `dir` (or of `SOHOA_GAZETTEER_DIR`), loaded once; none when neither is set. */
function gazetteerOf(dir: string | undefined): Promise<Gazetteer> | undefined {
  const at = dir ?? process.env.SOHOA_GAZETTEER_DIR;
  if (!at) return undefined;
  let loaded = gazetteers.get(at);
  if (!loaded) {
    loaded = loadGazetteer({ dir: at });
    // A failed load is reported on every file that needs it, and retried: the folder may be fixed meanwhile.
    loaded.catch(() => gazetteers.delete(at));
    gazetteers.set(at, loaded);
  }
  return loaded;
}

/** A page's OCR words in the pixels of the page as decoded from the file (undoing preprocessing). */
export function pageWordsOf(page: PageImage, ocr: OcrPage): PageWords {
  const original = page.preprocessing?.original ?? page;
  return {
    page: page.source.page,
    width: original.width,
    height: original.height,
    text: ocr.text,
    words: ocr.lines.flatMap((line) => line.words.map((w) => ({ text: w.text, box: toSourceBox(page, w.box) }))),
  };
}

/** A thrown error as a stable code and a message (messages of sohoa never carry personal data). */
export function toError(error: unknown): { code: string; message: string; diagnostics: Diagnostic[] } {
  if (isSohoaError(error)) return { code: error.code, message: error.message, diagnostics: error.diagnostics };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), diagnostics: [] };
}

/** The engine seen by extraction: region calls are counted and timed (wall time with one in flight). */
function timedRegions(engine: PageRecognizer, timings: StageTimings): PageRecognizer {
  let inFlight = 0;
  let since = 0;
  return {
    async recognize(page, options) {
      if (!options?.regions) return engine.recognize(page, options);
      timings.regionReads = (timings.regionReads ?? 0) + 1;
      if (inFlight++ === 0) since = performance.now();
      try {
        return await engine.recognize(page, options);
      } finally {
        if (--inFlight === 0) timings.regionMs = Math.round((timings.regionMs ?? 0) + performance.now() - since);
      }
    },
  };
}

/**
 * Ingest → QR codes → OCR of every page → extraction, for one file. Never throws: a failure comes back
 * as `error` with whatever was read before it.
 */
export async function runPipeline(
  input: PipelineInput,
  engine: PageRecognizer,
  signal?: AbortSignal,
): Promise<PipelineOutput> {
  const timings: StageTimings = {
    ingestMs: 0,
    ocrMs: 0,
    extractMs: 0,
    qualityMs: 0,
    preprocessMs: 0,
    qrMs: 0,
    regionMs: 0,
    ocrPasses: 0,
    regionReads: 0,
  };
  const diagnostics: Diagnostic[] = [];
  const withSignal = signal ? { signal } : {};
  let pages = 0;
  let pageQuality: DigitisedPageQuality[] = [];
  let t = performance.now();
  const lap = (stage: 'ingestMs' | 'ocrMs' | 'extractMs' | 'qrMs') => {
    const now = performance.now();
    timings[stage] = Math.round(now - t);
    t = now;
  };
  const onTiming = (stage: 'quality' | 'preprocess', ms: number) => {
    const key = stage === 'quality' ? 'qualityMs' : 'preprocessMs';
    timings[key] = Math.round((timings[key] ?? 0) + ms);
  };
  try {
    const images = await readPages(input.bytes ? { bytes: input.bytes, name: input.file } : input.file, {
      ...input.ingest,
      ...withSignal,
      onTiming,
    });
    pages = images.length;
    lap('ingestMs');
    // Codes first: they are cheap to find and carry the core fields of the cards that have them.
    const qr = images.map((page) => (page.textLayer && page.textLayer.length > 0 ? undefined : decodeQr(page)));
    lap('qrMs');
    const ocr = await Promise.all(images.map((page) => engine.recognize(page, withSignal)));
    timings.ocrPasses = images.filter((p) => !(p.textLayer && p.textLayer.length > 0)).length;
    lap('ocrMs');
    const pageWords = input.keepWords ? images.map((page, i) => pageWordsOf(page, ocr[i]!)) : undefined;
    diagnostics.push(...images.flatMap((p) => p.diagnostics), ...ocr.flatMap((o) => o.diagnostics));
    pageQuality = images.map((page, i) => ({
      page: page.source.page,
      width: page.width,
      height: page.height,
      ...(page.quality?.dpi !== undefined
        ? { dpi: page.quality.dpi }
        : page.dpi !== undefined
          ? { dpi: page.dpi }
          : {}),
      ocrConfidence: Number((ocr[i]?.confidence ?? 0).toFixed(3)),
      ...(page.quality ? { quality: page.quality } : {}),
    }));
    const gazetteer = await gazetteerOf(input.gazetteerDir);
    const extracted = await safeExtractDocument(
      { pages: images, ocr, qr },
      {
        ...(gazetteer ? { gazetteer } : {}),
        ...(input.asOf ? { asOf: input.asOf } : {}),
        ...(input.types ? { types: input.types } : {}),
        recognizer: timedRegions(engine, timings),
        ...withSignal,
      },
    );
    lap('extractMs');
    if (!extracted.ok) {
      return {
        pages,
        pageQuality,
        timings,
        error: { code: 'EXTRACT_UNKNOWN_DOCUMENT', message: extracted.diagnostics[0]?.message ?? 'Unknown document.' },
        diagnostics: [...diagnostics, ...extracted.diagnostics],
        ...(pageWords && { pageWords }),
      };
    }
    return { record: extracted.value, pages, pageQuality, timings, diagnostics, ...(pageWords && { pageWords }) };
  } catch (error) {
    const e = toError(error);
    return {
      pages,
      pageQuality,
      timings,
      error: { code: e.code, message: e.message },
      diagnostics: [...diagnostics, ...e.diagnostics],
    };
  }
}
