// Scans for the batch benchmarks: `distinct` generated people (front + back card scans, half of them
// degraded like phone photos and office scans), copied until there are `pages` single-page files.
// Each copy gets a different trailer after the JPEG end, so every file has its own SHA-256 (the batch
// treats it as a new file) while decoders and OCR see the same picture. Generating a card takes seconds,
// so large runs reuse a few dozen faces; the truth.json beside each copy keeps the simulated OCR working.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function makeCorpus({ root, dir, pages, distinct, seed = 3, degradedShare = 0.5 }) {
  const { generateSeedSet } = await import(join(root, 'seeds/dist/index.js'));
  const people = Math.max(1, Math.min(distinct, Math.ceil(pages / 2)));
  const source = join(dir, 'generated');
  await generateSeedSet({ seed, count: people, outDir: source, degradedShare });
  const cards = readdirSync(join(source, 'cccd'))
    .sort()
    .map((name) => join(source, 'cccd', name));
  const files = [];
  for (let i = 0; files.length < pages; i++) {
    const card = cards[i % cards.length];
    const copy = join(dir, 'scans', `${String(i).padStart(5, '0')}`);
    mkdirSync(copy, { recursive: true });
    copyFileSync(join(card, 'truth.json'), join(copy, 'truth.json'));
    for (const side of ['front.jpg', 'back.jpg']) {
      if (files.length >= pages) break;
      const file = join(copy, side);
      writeFileSync(file, Buffer.concat([readFileSync(join(card, side)), Buffer.from(`copy ${i}`)]));
      files.push(file);
    }
  }
  return { files, people };
}

/** Resident memory (bytes) of this process and of every process below it (worker processes), from /proc. */
export function rssTree(pid = process.pid) {
  const read = (p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };
  const children = (p) => {
    try {
      return readdirSync(`/proc/${p}/task`).flatMap((t) =>
        readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      return [];
    }
  };
  const main = pid === process.pid ? process.memoryUsage.rss() : read(pid);
  const kids = children(pid).map((c) => ({ pid: c, rss: read(c) + children(c).reduce((n, g) => n + read(g), 0) }));
  return { main, children: kids };
}
