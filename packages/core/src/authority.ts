import type { ExtractionMethod } from './types';

/**
 * Authority of a value by how it was obtained: a registry or a signed QR beats the MRZ, which
 * beats OCR, which beats what a person typed. Higher wins.
 */
export const METHOD_AUTHORITY: Readonly<Record<ExtractionMethod, number>> = {
  registry: 100,
  manual: 90, // an officer's or citizen's correction supersedes what a machine read
  qr: 80,
  mrz: 70,
  'pdf-text': 60,
  ocr: 40,
  computed: 30,
};
