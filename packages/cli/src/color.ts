/**
 * Colour only on a terminal and never with `NO_COLOR` set to anything (https://no-color.org);
 * `FORCE_COLOR` (not `0`) turns it on where there is no terminal.
 */
export function useColor(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** Red text (reset to the default colour after). */
export const red = (text: string) => `\x1b[31m${text}\x1b[39m`;
