import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { readFields } from './field-reader';
import { LAND_CERTIFICATE_SPEC } from './land-use-certificate';
import { SOURCE } from './test-helpers';
it('dbg', async () => {
  const ocr = JSON.parse(readFileSync(process.env.OCR!, 'utf8'))[0];
  const r = await readFields({ source: SOURCE, width: 8, height: 8, channels: 1, pixels: new Uint8Array(64), diagnostics: [] }, ocr, LAND_CERTIFICATE_SPEC, { options: { asOf: '2025-01-01', types: undefined, documentTypes: [] } });
  for (const [k, f] of Object.entries(r.fields)) console.log(k, JSON.stringify(f.value), f.confidence.toFixed(2), JSON.stringify(f.evidence[0]?.box));
});
