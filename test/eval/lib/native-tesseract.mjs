// The native tesseract CLI with the same model as tesseract.js, for side-by-side OCR measurements.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Unpacks tesseract.js's vie 4.0.0_best_int model into `<dir>/vie.traineddata`; returns `dir` for `--tessdata-dir`. */
export function unpackVieModel(root, dir) {
  mkdirSync(dir, { recursive: true });
  const require = createRequire(join(root, 'packages/ocr/package.json'));
  writeFileSync(
    join(dir, 'vie.traineddata'),
    gunzipSync(
      readFileSync(
        join(require.resolve('@tesseract.js-data/vie/package.json'), '..', '4.0.0_best_int', 'vie.traineddata.gz'),
      ),
    ),
  );
  return dir;
}

/** Text of one image file read by the native CLI (`tesseract file stdout -l vie --oem 1 --psm N`), one thread. */
export function nativeOcr(file, psm, tessdata) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'tesseract',
      [file, 'stdout', '-l', 'vie', '--oem', '1', '--psm', String(psm), '--tessdata-dir', tessdata],
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`tesseract exited ${code}`)),
    );
  });
}
