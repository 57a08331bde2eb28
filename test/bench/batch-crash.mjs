// Crash test for batch digitisation: a child process digitises generated card scans into a SQLite vault
// with a SQLite journal and is killed with SIGKILL at random points; after each kill the run is resumed.
// At the end every file must be in the vault exactly once and the journal must say done for every file.
// OCR is simulated (text taken from each scan's ground truth, with a delay) so that the test measures
// the batch machinery, not tesseract; QR codes are still decoded from the real pixels.
// Usage: pnpm bench:batch-crash [--people 100] [--kills 20] [--seed 5]   (200 files by default)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '100' },
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: '5' },
    child: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

async function child(dir) {
  const { digitizeFiles } = await import(join(root, 'packages/batch/dist/index.js'));
  const { sqliteJournal } = await import(join(root, 'packages/batch/dist/journal/sqlite.js'));
  const { listInputFiles } = await import(join(root, 'packages/ingest/dist/index.js'));
  const { createFakeOcrEngine } = await import(join(root, 'packages/ocr/dist/index.js'));
  const { createVault } = await import(join(root, 'packages/vault/dist/index.js'));
  const { sqliteDriver } = await import(join(root, 'packages/vault/dist/drivers/sqlite.js'));
  const { truthOcrResponder } = await import(join(root, 'test/fixtures/truth-ocr.mjs'));
  const engine = createFakeOcrEngine(truthOcrResponder());
  const vault = createVault({ driver: sqliteDriver({ path: join(dir, 'vault.db') }) });
  const journal = await sqliteJournal({ path: join(dir, 'vault.db.journal.db') });
  const files = await listInputFiles([join(dir, 'scans')]);
  await digitizeFiles(files, {
    engine,
    vault,
    journal,
    resume: true,
    concurrency: 2,
    onProgress: (e) => process.stdout.write(`${e.status}\n`),
  });
  await journal.close();
  await vault.close();
}

/** Runs the child; kills it with SIGKILL `extraMs` after it reported `killAfterFiles` processed files. */
function runChild(dir, killAfterFiles, extraMs) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let processed = 0;
    let armed = false;
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (chunk) => {
      // Files the journal already had count as progress only once they are really processed again.
      processed += chunk.split('\n').filter((l) => l && l !== 'unchanged').length;
      if (!armed && killAfterFiles !== undefined && processed >= killAfterFiles) {
        armed = true;
        setTimeout(() => p.kill('SIGKILL'), extraMs);
      }
    });
    p.on('exit', (code, signal) => resolve({ code, signal, processed }));
  });
}

async function parent() {
  const { generateSeedSet } = await import(join(root, 'seeds/dist/index.js'));
  const { sqliteJournal } = await import(join(root, 'packages/batch/dist/journal/sqlite.js'));
  const { createVault, operatorAccess } = await import(join(root, 'packages/vault/dist/index.js'));
  const { sqliteDriver } = await import(join(root, 'packages/vault/dist/drivers/sqlite.js'));
  const people = Number(args.people);
  const kills = Number(args.kills);
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-crash-'));
  try {
    await generateSeedSet({ seed: Number(args.seed), count: people, outDir: join(dir, 'scans'), degradedShare: 0 });
    const files = people * 2;
    let rng = Number(args.seed) * 9301 + 49297;
    const random = () => (rng = (rng * 233280 + 49297) % 2147483647) / 2147483647;
    const started = Date.now();
    let killed = 0;
    let done = 0;
    for (let i = 0; i < kills; i++) {
      // Spread the kills over the work left: after a random number of files, at a random moment inside the next one.
      const share = Math.max(1, Math.round(((files - done) / (kills - i)) * 2 * random()));
      const result = await runChild(dir, share, Math.round(random() * 40));
      done += result.processed;
      if (result.signal === 'SIGKILL') killed++;
      process.stderr.write(
        `\rkill ${i + 1}/${kills}: after ${share} file(s) (${result.signal ?? `exit ${result.code}`})   `,
      );
    }
    const final = await runChild(dir, undefined, 0);
    process.stderr.write(`\nfinal run: exit ${final.code}\n`);
    // Verify: every scan stored exactly once, journal done for all, no partial document.
    const vault = createVault({
      driver: sqliteDriver({ path: join(dir, 'vault.db') }),
      ...operatorAccess('crash-check'),
    });
    const journal = await sqliteJournal({ path: join(dir, 'vault.db.journal.db') });
    const entries = await journal.entries();
    const subjects = await vault.listSubjects();
    let documents = 0;
    let partial = 0;
    for (const s of subjects) {
      const docs = await vault.listDocuments(s.id);
      documents += docs.length;
      for (const doc of docs) {
        const facts = (await vault.listFacts?.(s.id))?.filter((f) => f.documentId === doc.id) ?? [];
        if (vault.listFacts && facts.length === 0) partial++;
      }
    }
    const truthCount = readdirSync(join(dir, 'scans', 'cccd')).length;
    const lost = files - entries.filter((e) => e.state === 'done').length;
    const duplicated = documents - files;
    const summary = {
      files,
      people: truthCount,
      kills: killed,
      lost,
      duplicated,
      partial,
      documents,
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    };
    await journal.close();
    await vault.close();
    if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else
      process.stdout.write(
        `${summary.kills} kills, ${summary.lost} lost, ${summary.duplicated} duplicated, ${summary.partial} partial documents (${files} files, ${summary.documents} documents in the vault, ${summary.seconds}s)\n`,
      );
    process.exitCode = lost === 0 && duplicated === 0 && partial === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.child) await child(args.child);
else await parent();
