import { log } from './log';

/**
 * Progress on stderr: a one-line bar with rate and ETA on a terminal; otherwise (and with
 * `--log-format json`) one timestamped log event per step. Without a known total (`sohoa worker`
 * takes jobs as they come) it shows the count and the rate, no bar and no ETA.
 */
export interface Progress {
  tick(done: number, total: number | undefined, label: string): void;
  done(message: string): void;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
}

export function createProgress(title: string, stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  const started = Date.now();
  const tty = () => Boolean(stream.isTTY) && log().format === 'text';
  return {
    tick(done, total, label) {
      if (quiet) return;
      const elapsed = (Date.now() - started) / 1000;
      const rate = done / Math.max(elapsed, 0.001);
      const perMinute = Number((rate * 60).toFixed(1));
      if (!tty()) {
        const eta = total === undefined ? undefined : Math.round((total - done) / Math.max(rate, 1e-9));
        log().info(title, { done, total, perMinute, etaSeconds: eta, status: label });
        return;
      }
      let line: string;
      if (total === undefined) line = `${title} ${done} done ${perMinute}/min ${label}`;
      else {
        const eta = (total - done) / Math.max(rate, 1e-9);
        const width = 24;
        const filled = Math.round((Math.min(done, total) / Math.max(total, 1)) * width);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        line = `${title} ${bar} ${done}/${total} ${perMinute}/min ETA ${formatSeconds(eta)} ${label}`;
      }
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
    },
    done(message) {
      if (quiet) return;
      if (tty()) stream.write(`\r\x1b[2K${message}\n`);
      else log().info(message);
    },
  };
}
