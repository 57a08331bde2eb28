import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
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
export async function resolveLanguageFolder(
  languages: readonly string[],
  langPath: string | undefined,
): Promise<string> {
  for (const language of languages) {
    if (!LANGUAGE_CODE.test(language)) throw missing(language, 'not a traineddata name');
  }
  if (langPath !== undefined) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(langPath)) {
      throw new SohoaError(
        'OCR_INVALID_OPTION',
        '`langPath` must be a local folder, not a URL: language data is never downloaded.',
      );
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
  const key = createHash('sha256')
    .update(files.map((f) => f.file).join('\n'))
    .digest('hex')
    .slice(0, 16);
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

/**
 * A folder for the native `tesseract --tessdata-dir` holding the packaged model of every language
 * (`<lang>.traineddata`, unpacked from the same `4.0.0_best_int` files tesseract.js reads) and the
 * `tsv` config: native and tesseract.js then read with one model. Built once per user under the OS
 * temp dir (mode 700, refused when another user owns it), each file written whole then renamed.
 */
export async function unpackedLanguageFolder(languages: readonly string[]): Promise<string> {
  const gzipped = await resolveLanguageFolder(languages, undefined);
  const key = createHash('sha256')
    .update(languages.map((l) => packagedLanguageFile(l) ?? l).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const folder = join(tmpdir(), `sohoa-tessdata-native-${uid}-${key}`);
  await mkdir(join(folder, 'configs'), { recursive: true, mode: 0o700 });
  const info = await stat(folder);
  if (typeof process.getuid === 'function' && info.uid !== uid) {
    throw new SohoaError(
      'OCR_ENGINE_UNAVAILABLE',
      `The model folder \`${folder}\` belongs to another user; remove it or use tesseract.js.`,
    );
  }
  const put = async (path: string, bytes: Uint8Array) => {
    if (await isFile(path)) return;
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
  };
  for (const language of languages)
    await put(
      join(folder, `${language}.traineddata`),
      gunzipSync(await readFile(join(gzipped, `${language}.traineddata.gz`))),
    );
  await put(join(folder, 'configs', 'tsv'), Buffer.from('tessedit_create_tsv 1\n'));
  return folder;
}
