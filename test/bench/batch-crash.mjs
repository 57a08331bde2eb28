// Crash test for batch digitisation: a child process digitises generated card scans into a SQLite vault
// with a SQLite journal and is killed with SIGKILL at random points; after each kill the run is resumed.
// At the end every file must be in the vault exactly once and the journal must say done for every file.
// OCR is simulated (text taken from each scan's ground truth, with a delay) so that the test measures
// the batch machinery, not tesseract; QR codes are still decoded from the real pixels.
// With --copies, each run also makes the digitised copies (PDF/A, DocCode numbered in the vault, into a folder)
// after the batch, as `digitize --copies` does, so kills land in the copy pass too: at the end every document must
// have exactly one stored copy, the folder exactly one file per document and nothing half-written.
// Usage: pnpm bench:batch-crash [--people 100] [--kills 20] [--seed 5] [--copies]   (200 files by default)
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
    copies: { type: 'boolean', default: false },
  },
});

async function child(dir) {
  const { digitizeFiles } = await import(join(root, 'packages/batch/dist/index.js'));
  const { sqliteJournal } = await import(join(root, 'packages/batch/dist/journal/sqlite.js'));
  const { listInputFiles } = await import(join(root, 'packages/ingest/dist/index.js'));
  const { createFakeOcrEngine } = await import(join(root, 'packages/ocr/dist/index.js'));
  const { createVault, operatorAccess } = await import(join(root, 'packages/vault/dist/index.js'));
  const { sqliteDriver } = await import(join(root, 'packages/vault/dist/drivers/sqlite.js'));
  const { truthOcrResponder } = await import(join(root, 'test/fixtures/truth-ocr.mjs'));
  const engine = createFakeOcrEngine(truthOcrResponder());
  const vault = createVault({
    driver: sqliteDriver({ path: join(dir, 'vault.db') }),
    ...(args.copies ? operatorAccess('crash-child') : {}),
  });
  const journal = await sqliteJournal({ path: join(dir, 'vault.db.journal.db') });
  const files = await listInputFiles([join(dir, 'scans')]);
  const done = await digitizeFiles(files, {
    engine,
    vault,
    journal,
    resume: true,
    concurrency: 2,
    keepWords: args.copies,
    onProgress: (e) => process.stdout.write(`${e.status}\n`),
  });
  if (args.copies) {
    const { writeCopies } = await import(join(root, 'packages/cli/dist/index.js'));
    const archive = await import(join(root, 'packages/archive/dist/index.js'));
    const extract = await import(join(root, 'packages/extract/dist/index.js'));
    const ctx = {
      vault,
      store: archive.directoryStore({ root: join(dir, 'copies') }),
      settings: { copies: join(dir, 'copies'), agency: 'G09.01.02' },
      writer: { writeArchivalCopy: archive.writeArchivalCopy, copyFileName: archive.copyFileName },
      engine,
      kindOf: (type) => extract.docCodeKindOf(type),
      typeNameOf: (type) => extract.getDocumentType(type)?.title,
    };
    // One file at a time, each reported, so that a kill can land between and inside copies.
    process.stdout.write('copy-pass\n');
    for (const result of done.results) {
      const [outcome] = await writeCopies([result], ctx);
      if (outcome.status === 'failed') throw new Error(`copy failed: ${outcome.error.code}: ${outcome.error.message}`);
      process.stdout.write(`${outcome.status === 'written' ? 'copy' : 'unchanged'}\n`);
    }
  }
  await journal.close();
  await vault.close();
}

/** Runs the child; kills it with SIGKILL `extraMs` after it reported `killAfterFiles` processed files. */
function runChild(dir, killAfterFiles, extraMs) {
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', dir, ...(args.copies ? ['--copies'] : [])],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let processed = 0;
    let armed = false;
    let inCopyPass = false;
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (chunk) => {
      // Files the journal already had count as progress only once they are really processed again.
      const lines = chunk.split('\n');
      if (lines.includes('copy-pass')) inCopyPass = true;
      processed += lines.filter((l) => l && l !== 'unchanged' && l !== 'copy-pass').length;
      if (!armed && killAfterFiles !== undefined && processed >= killAfterFiles) {
        armed = true;
        setTimeout(() => p.kill('SIGKILL'), extraMs);
      }
    });
    p.on('exit', (code, signal) => resolve({ code, signal, processed, inCopyPass }));
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
    let killedInCopyPass = 0;
    let done = 0;
    for (let i = 0; i < kills; i++) {
      // Spread the kills over the work left: after a random number of files, at a random moment inside the next one.
      const share = Math.max(1, Math.round(((files - done) / (kills - i)) * 2 * random()));
      const result = await runChild(dir, share, Math.round(random() * 40));
      done += result.processed;
      if (result.signal === 'SIGKILL') killed++;
      if (result.signal === 'SIGKILL' && result.inCopyPass) killedInCopyPass++;
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
    // Copies: exactly one stored copy per document, and exactly those files in the folder (nothing half-written).
    let copies;
    if (args.copies) {
      let stored = 0;
      let perDocumentNotOne = 0;
      for (const s of subjects)
        for (const doc of await vault.listDocuments(s.id)) {
          const made = (await vault.findCopies({ documentId: doc.id })).filter((c) => c.status === 'stored');
          stored += made.length;
          if (made.length !== 1) perDocumentNotOne++;
        }
      const inFolder = readdirSync(join(dir, 'copies'));
      copies = {
        killedInCopyPass,
        stored,
        perDocumentNotOne,
        files: inFolder.filter((f) => f.endsWith('.pdf')).length,
        other: inFolder.filter((f) => !f.endsWith('.pdf')).length,
      };
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
      ...(copies && { copies }),
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    };
    await journal.close();
    await vault.close();
    if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else
      process.stdout.write(
        `${summary.kills} kills, ${summary.lost} lost, ${summary.duplicated} duplicated, ${summary.partial} partial documents (${files} files, ${summary.documents} documents in the vault, ${summary.seconds}s)${copies ? `; copies (${copies.killedInCopyPass} kills in the copy pass): ${copies.stored} stored, ${copies.perDocumentNotOne} documents without exactly one, ${copies.files} files in the folder, ${copies.other} other files` : ''}\n`,
      );
    const copiesOk = !copies || (copies.perDocumentNotOne === 0 && copies.files === documents && copies.other === 0);
    process.exitCode = lost === 0 && duplicated === 0 && partial === 0 && copiesOk ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.child) await child(args.child);
else await parent();
