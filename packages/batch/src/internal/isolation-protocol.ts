import type { PipelineInput } from '../pipeline';
import type { EngineModule, PipelineOutput } from '../types';

/** Parent → worker process. */
export type ParentMessage =
  | { type: 'init'; engine: EngineModule }
  | { type: 'file'; id: number; input: PipelineInput }
  | { type: 'exit' };

/** Worker process → parent. */
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'init-failed'; error: { code: string; message: string } }
  | { type: 'result'; id: number; output: PipelineOutput; rss: number };
