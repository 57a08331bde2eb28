import { createHash } from 'node:crypto';
import { copyFile, mkdir, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SohoaError } from '@sohoa/core';

/** Model folder inside each `@tesseract.js-data/<lang>` package; measured as fast and as accurate as `4.0.0`, and smaller. */
export const MODEL = '4.0.0_best_int';

const LANGUAGE_CODE = /^[a-z_]{2,16}$/i;

function missing(language: string, why: string): SohoaError {
  return new SohoaError(
    'OCR_LANGUAGE_DATA_MISSING',
    `Tesseract language data for \`${language}\` was not found (${why}). Install \`@tesseract.js-data/${language}\` or pass \`langPath\` to a folder holding \`${language}.traineddata.gz\`.`,
    { details: { language } },
  );
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Where the installed package keeps a language's gzipped traineddata, or undefined. */
export function packagedLanguageFile(language: string): string | undefined {
  const require = createRequire(import.meta.url);
  try {
    const manifest = require.resolve(`@tesseract.js-data/${language}/package.json`);
    return join(dirname(manifest), MODEL, `${language}.traineddata.gz`);
  } catch {
    return undefined;
  }
}

/**
 * A local folder holding `<lang>.traineddata.gz` for every language, so tesseract.js reads files and
 * never fetches. The installed packages keep each language in its own folder, so the folder is
 * built once under the OS temp dir from symbolic links (copies where links are not allowed).
 */
export async function resolveLanguageFolder(languages: readonly string[], langPath: string | undefined): Promise<string> {
  for (const language of languages) {
    if (!LANGUAGE_CODE.test(language)) throw missing(language, 'not a traineddata name');
  }
  if (langPath !== undefined) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(langPath)) {
      throw new SohoaError('OCR_INVALID_OPTION', '`langPath` must be a local folder, not a URL: language data is never downloaded.');
    }
    for (const language of languages) {
      if (!(await isFile(join(langPath, `${language}.traineddata.gz`)))) throw missing(language, 'not in `langPath`');
    }
    return langPath;
  }
  const files = languages.map((language) => {
    const file = packagedLanguageFile(language);
    if (!file) throw missing(language, 'package not installed');
    return { language, file };
  });
  for (const { language, file } of files) {
    if (!(await isFile(file))) throw missing(language, `package has no ${MODEL} model`);
  }
  const key = createHash('sha256').update(files.map((f) => f.file).join('\n')).digest('hex').slice(0, 16);
  const folder = join(tmpdir(), `sohoa-tessdata-${key}`);
  await mkdir(folder, { recursive: true });
  for (const { language, file } of files) {
    const target = join(folder, `${language}.traineddata.gz`);
    if (await isFile(target)) continue;
    try {
      await symlink(file, target);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST') continue;
      await copyFile(file, target);
    }
  }
  return folder;
}
