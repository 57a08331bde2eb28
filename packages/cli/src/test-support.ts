import type { Command } from 'commander';
import { vi } from 'vitest';

/**
 * Runs `sohoa …` in-process on a program set up by `register` (which gets the exit-code setter);
 * returns what the command wrote to stdout and the exit code it set. Test helper, not built.
 */
export async function runCommand(
  program: Command,
  register: (setExitCode: (code: number) => void) => void,
  argv: string[],
): Promise<{ stdout: string; exitCode: number }> {
  let exitCode = 0;
  register((c) => (exitCode = c));
  const chunks: string[] = [];
  const spy = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true));
  try {
    await program.parseAsync(['node', 'sohoa', ...argv]);
  } finally {
    spy.mockRestore();
  }
  return { stdout: chunks.join(''), exitCode };
}
