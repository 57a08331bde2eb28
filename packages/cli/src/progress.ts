/** A one-line progress bar on stderr with rate and ETA; plain lines when stderr is not a terminal. */
export interface Progress {
  tick(done: number, total: number, label: string): void;
  done(message: string): void;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

export function createProgress(title: string, stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const started = Date.now();
  const tty = Boolean(stream.isTTY);
  return {
    tick(done, total, label) {
      if (quiet) return;
      const elapsed = (Date.now() - started) / 1000;
      const rate = done / Math.max(elapsed, 0.001);
      const eta = (total - done) / Math.max(rate, 1e-9);
      const width = 24;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const line = `${title} ${bar} ${done}/${total} ${(rate * 60).toFixed(1)}/min ETA ${formatSeconds(eta)} ${label}`;
      if (tty) stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
      else stream.write(`${line}\n`);
    },
    done(message) {
      if (quiet) return;
      if (tty) stream.write('\r\x1b[2K');
      stream.write(`${message}\n`);
    },
  };
}
