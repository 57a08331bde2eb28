import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { SohoaError } from '@sohoa/core';

/** Read a font file: a path, or a file of the `dejavu-fonts-ttf` package. */
export async function readFont(fileName: string, path?: string): Promise<Uint8Array> {
  let resolved = path;
  try {
    resolved ??= createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${fileName}`);
    return new Uint8Array(await readFile(resolved));
  } catch (cause) {
    const name = (resolved ?? fileName).split(/[\\/]/).pop();
    throw new SohoaError(
      'RENDER_FONT_MISSING',
      `The font \`${name}\` could not be read; install \`dejavu-fonts-ttf\` or pass \`font\` (bytes) or \`fontPath\` to \`renderPdf\`.`,
      { cause, details: { file: name } },
    );
  }
}
