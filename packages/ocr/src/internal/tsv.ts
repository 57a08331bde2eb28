import type { OcrLine, OcrWord } from '@sohoa/core';

const unit = (confidence: number) => Math.min(1, Math.max(0, confidence / 100));

/** Parse tesseract's TSV output (levels: 4 = line, 5 = word) into lines with words, confidence 0..1. */
export function linesFromTsv(tsv: string): OcrLine[] {
  const lines = new Map<string, { box: OcrLine['box']; words: OcrWord[] }>();
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [level, , block, paragraph, line, , left, top, width, height, conf] = cells.map(Number) as number[];
    const key = `${block}/${paragraph}/${line}`;
    const box = { x: left!, y: top!, width: width!, height: height! };
    if (level === 4) lines.set(key, { box, words: [] });
    if (level === 5) {
      const text = (cells[11] ?? '').trim().normalize('NFC');
      if (text === '') continue;
      const entry = lines.get(key) ?? { box, words: [] };
      entry.words.push({ text, confidence: unit(conf!), box });
      lines.set(key, entry);
    }
  }
  const out: OcrLine[] = [];
  for (const { box, words } of lines.values()) {
    if (words.length === 0) continue;
    const confidence = words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
    out.push({ text: words.map((word) => word.text).join(' '), confidence, box, words });
  }
  return out;
}
