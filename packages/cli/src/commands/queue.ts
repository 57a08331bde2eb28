import { listInputFiles } from '@sohoa/ingest';
import { createFastestTesseractEngine } from '@sohoa/ocr';
import { openVault } from '../context';
import { log } from '../log';
import { createProgress } from '../progress';
import { cliIsolation, readProcedures } from './digitize';

async function openQueue(url: string) {
  const { createPgBossQueue } = await import('@sohoa/batch/queue/pg-boss');
  return createPgBossQueue({ connectionString: url });
}

/** `sohoa digitize --queue <url>`: enqueue files as jobs for `sohoa worker` processes on any machine. */
export async function runEnqueue(
  paths: string[],
  url: string,
  options: { json?: boolean; manifest?: string },
): Promise<number> {
  const files = paths.length > 0 ? await listInputFiles(paths) : [];
  const queue = await openQueue(url);
  try {
    // Jobs carry the manifest's path, not its rows: workers read it from the shared file store.
    const result = await queue.enqueue(files, options.manifest ? { manifest: options.manifest } : {});
    const waiting = await queue.size();
    if (options.json) process.stdout.write(`${JSON.stringify({ ...result, waiting })}\n`);
    else
      process.stdout.write(
        `queued ${result.queued} file(s), ${result.alreadyQueued} already in the queue; ${waiting} job(s) waiting\n`,
      );
    return 0;
  } finally {
    await queue.stop();
  }
}

/** `sohoa worker`: take jobs from the queue until Ctrl-C or SIGTERM, then stop gracefully. */
export async function runWorker(options: {
  queue: string;
  vault?: string;
  inputRoot: string;
  concurrency?: number;
  quiet?: boolean;
  isolate?: boolean;
  procedures?: string;
}): Promise<number> {
  const procedures = options.procedures ? readProcedures(options.procedures) : undefined;
  const queue = await openQueue(options.queue);
  const vault = await openVault(options.vault, { create: true });
  const teamSize = options.concurrency ?? 2;
  const engine = options.isolate === false ? await createFastestTesseractEngine() : undefined;
  const progress = createProgress('worker', process.stderr, options.quiet);
  let done = 0;
  try {
    await queue.work({
      ...(engine ? { engine } : { isolation: cliIsolation(teamSize) }),
      ...(procedures ? { procedures } : {}),
      vault,
      teamSize,
      inputRoot: options.inputRoot,
      onResult: (r) => progress.tick(++done, undefined, `${r.status}${r.error ? ` ${r.error.code}` : ''}`),
    });
  } catch (error) {
    // A bad --input-root: release the queue and the vault so the process can exit.
    await queue.stop().catch(() => undefined);
    await engine?.dispose();
    await vault.close();
    throw error;
  }
  log().info('worker: waiting for jobs (Ctrl-C to stop)', { teamSize, inputRoot: options.inputRoot });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log().info('worker: finishing the jobs in progress');
  await queue.stop();
  await engine?.dispose();
  await vault.close();
  progress.done(`worker: ${done} job(s) processed`);
  return 0;
}
