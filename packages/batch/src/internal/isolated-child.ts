// Entry of a batch worker process (see `ProcessIsolationOptions`): creates the OCR engine named by the
// parent, then runs the pipeline for each file the parent sends, one at a time, and answers over IPC.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runPipeline, toError, type PipelineInput } from '../pipeline';
import type { EngineModule, PageRecognizer } from '../types';
import type { ChildMessage, ParentMessage } from './isolation-protocol';

type Engine = PageRecognizer & { dispose?: () => Promise<void> };

let engine: Engine | undefined;

const send = (message: ChildMessage) => process.send?.(message);

async function createEngine(spec: EngineModule): Promise<Engine> {
  const mod = (await import(isAbsolute(spec.module) ? pathToFileURL(spec.module).href : spec.module)) as Record<
    string,
    unknown
  >;
  const factory = mod[spec.export ?? 'createEngine'];
  if (typeof factory !== 'function')
    throw new Error(
      `The module \`${spec.module}\` has no export \`${spec.export ?? 'createEngine'}\` that creates an OCR engine.`,
    );
  return (await factory(spec.options)) as Engine;
}

async function onMessage(message: ParentMessage): Promise<void> {
  if (message.type === 'init') {
    try {
      engine = await createEngine(message.engine);
      send({ type: 'ready' });
    } catch (error) {
      send({ type: 'init-failed', error: toError(error) });
      process.exit(1);
    }
  } else if (message.type === 'file') {
    const output = await runPipeline(message.input as PipelineInput, engine!);
    send({ type: 'result', id: message.id, output, rss: process.memoryUsage.rss() });
  } else {
    await engine?.dispose?.().catch(() => undefined);
    process.exit(0);
  }
}

process.on('message', (message: ParentMessage) => void onMessage(message));
// The parent is gone (killed, crashed): nobody will read our answers.
process.on('disconnect', () => process.exit(0));
