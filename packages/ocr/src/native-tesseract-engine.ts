import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { SohoaError, type OcrLine } from '@sohoa/core';
import { abortedError, disposedError } from './internal/errors';
import type { PreparedImage } from './internal/prepare';
import type { EngineCore } from './internal/recognize-page';
import { engineOf } from './internal/engine-of';
import { linesFromTsv } from './internal/tsv';
import { assertPageSegMode, DEFAULT_DOWNSCALE_ABOVE } from './options';
import type { NativeTesseractEngineOptions, OcrEngine, PageSegMode, RecognizeOptions } from './types';

const NAME = 'tesseract-native';
const MIN_DPI = 70;
const MAX_STDERR = 4096;

/** True when a `tesseract` executable answers `--version` (checked synchronously, once per call). */
export function isNativeTesseractAvailable(binary = 'tesseract'): boolean {
  const result = spawnSync(binary, ['--version'], { stdio: 'ignore', timeout: 5_000 });
  return result.status === 0;
}

function unavailable(binary: string, cause?: unknown): SohoaError {
  return new SohoaError(
    'OCR_ENGINE_UNAVAILABLE',
    `The native \`${binary}\` executable could not be run. Install it (Debian: \`apt-get install tesseract-ocr tesseract-ocr-vie\`) or use \`createTesseractEngine()\` (tesseract.js, no install).`,
    { cause, details: { engine: NAME } },
  );
}

/**
 * An `OcrEngine` that runs the native `tesseract` executable (one process per image, PGM on stdin,
 * TSV on stdout, `OMP_THREAD_LIMIT=1` so parallel processes do not oversubscribe the cores). A fast
 * path for servers that have the binary; same contract as {@link createTesseractEngine}.
 *
 * @example
 * const engine = isNativeTesseractAvailable() ? createNativeTesseractEngine() : createTesseractEngine();
 */
export function createNativeTesseractEngine(options: NativeTesseractEngineOptions = {}): OcrEngine {
  const binary = options.binary ?? 'tesseract';
  const concurrency = options.concurrency ?? Math.max(1, Math.min(availableParallelism(), 2));
  const languages = options.languages ?? ['vie'];
  const psm = options.psm ?? 6;
  assertPageSegMode(psm);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new SohoaError(
      'OCR_INVALID_OPTION',
      `OCR option \`concurrency\` must be an integer ≥ 1; got ${JSON.stringify(concurrency)}. Omit it to use the default.`,
      { details: { option: 'concurrency' } },
    );
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  let disposed = false;
  let active = 0;
  const queue: Array<() => void> = [];
  const children = new Set<ReturnType<typeof spawn>>();

  async function slot<T>(work: () => Promise<T>): Promise<T> {
    if (active >= concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      queue.shift()?.();
    }
  }

  function run(
    prepared: PreparedImage,
    pagePsm: PageSegMode,
    page: number,
    call: RecognizeOptions,
    langs: string[],
  ): Promise<OcrLine[]> {
    return slot(
      () =>
        new Promise<OcrLine[]>((resolve, reject) => {
          if (disposed) return reject(disposedError(NAME));
          if (call.signal?.aborted) return reject(abortedError(page, call.signal.reason));
          const args = ['stdin', 'stdout', '-l', langs.join('+'), '--psm', String(pagePsm), '--oem', '1'];
          if (options.tessdataDir) args.push('--tessdata-dir', options.tessdataDir);
          if (prepared.dpi !== undefined && prepared.dpi >= MIN_DPI) args.push('--dpi', String(prepared.dpi));
          args.push('tsv');
          const child = spawn(binary, args, {
            env: { ...process.env, OMP_THREAD_LIMIT: '1' },
            stdio: ['pipe', 'pipe', 'pipe'],
          });
          children.add(child);
          const out: Buffer[] = [];
          let err = '';
          let settled = false;
          const finish = (error: unknown, lines?: OcrLine[]) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            call.signal?.removeEventListener('abort', onAbort);
            children.delete(child);
            if (error) {
              child.kill('SIGKILL');
              reject(error);
            } else resolve(lines ?? []);
          };
          const timer = setTimeout(
            () =>
              finish(
                new SohoaError(
                  'OCR_TIMEOUT',
                  `OCR of page ${page} took longer than ${call.timeoutMs ?? timeoutMs} ms; the process was killed. Use regions or a smaller image, or raise \`timeoutMs\`.`,
                  {
                    details: { page, timeoutMs: call.timeoutMs ?? timeoutMs },
                  },
                ),
              ),
            call.timeoutMs ?? timeoutMs,
          );
          const onAbort = () => finish(abortedError(page, call.signal?.reason));
          call.signal?.addEventListener('abort', onAbort, { once: true });
          child.on('error', (error) =>
            finish((error as { code?: string }).code === 'ENOENT' ? unavailable(binary, error) : error),
          );
          child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
          child.stderr.on('data', (chunk: Buffer) => {
            if (err.length < MAX_STDERR) err += chunk.toString('utf8');
          });
          child.stdin.on('error', () => undefined);
          child.on('close', (code) => {
            if (code === 0) return finish(undefined, linesFromTsv(Buffer.concat(out).toString('utf8')));
            const missingLanguage = /Failed loading language|Error opening data file/i.test(err);
            finish(
              missingLanguage
                ? new SohoaError(
                    'OCR_LANGUAGE_DATA_MISSING',
                    `The native tesseract has no \`${langs.join('+')}\` traineddata. Install \`tesseract-ocr-vie\` (Debian) or pass \`tessdataDir\`.`,
                    { details: { engine: NAME } },
                  )
                : new SohoaError(
                    'OCR_FAILED',
                    `The native tesseract failed on page ${page} (exit code ${String(code)}). Check that the image decodes.`,
                    { details: { page, engine: NAME } },
                  ),
            );
          });
          child.stdin.end(Buffer.from(prepared.bytes.buffer, prepared.bytes.byteOffset, prepared.bytes.byteLength));
        }),
    );
  }

  const core: EngineCore = {
    name: NAME,
    psm,
    languages,
    upscaleBelowTextHeight: options.upscaleBelowTextHeight ?? 20,
    downscaleAboveTextHeight: options.downscaleAboveTextHeight ?? DEFAULT_DOWNSCALE_ABOVE,
    recognizeImage: run,
  };
  return engineOf(core, {
    disposed: () => disposed,
    dispose() {
      disposed = true;
      for (const child of children) child.kill('SIGKILL');
      children.clear();
      for (const wake of queue.splice(0)) wake();
    },
  });
}
