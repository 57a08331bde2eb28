import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test scans that are one picture under several names: each copy gets a different trailer after the
 * image end, so each has its own SHA-256 (a new file to the batch) while decoders see the same pixels.
 */
export function distinctScans(source: string, names: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-scans-'));
  const bytes = readFileSync(source);
  return names.map((name) => {
    const file = join(dir, name);
    writeFileSync(file, Buffer.concat([bytes, Buffer.from(name)]));
    return file;
  });
}
