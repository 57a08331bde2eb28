/**
 * The CLI's logger: one line per event on stderr, with a timestamp. `--log-format json` writes each
 * event as a JSON object (`{"time","level","msg",…fields}`, one per line) for servers that collect logs;
 * `--verbose` adds the `debug` events. stdout stays for results (`--json`, `--ndjson`, tables).
 * No dependency: the CLI writes a few lines per file, so a synchronous write per line is enough.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'text' | 'json';
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  readonly format: LogFormat;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** @default 'text' */
  format?: LogFormat;
  /** Log `debug` events too. @default false */
  verbose?: boolean;
  /** @default process.stderr */
  stream?: { write(chunk: string): unknown };
  /** @default () => new Date() */
  now?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** `key=value` with quotes only when the value has a space, a quote or an equals sign. */
const textField = (key: string, value: string | number | boolean) => {
  const s = String(value);
  return `${key}=${/[\s"=]/.test(s) || s === '' ? JSON.stringify(s) : s}`;
};

export function createLogger(options: LoggerOptions = {}): Logger {
  const format = options.format ?? 'text';
  const min = options.verbose ? RANK.debug : RANK.info;
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => new Date());
  const write = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    if (RANK[level] < min) return;
    const time = now().toISOString();
    const defined = Object.entries(fields).filter((e): e is [string, string | number | boolean] => e[1] !== undefined);
    if (format === 'json') stream.write(`${JSON.stringify({ time, level, msg, ...Object.fromEntries(defined) })}\n`);
    else stream.write(`${[time, level.padEnd(5), msg, ...defined.map(([k, v]) => textField(k, v))].join(' ')}\n`);
  };
  return {
    format,
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}

let current: Logger = createLogger();

/** The logger the commands use, set once from `--verbose` and `--log-format` before a command runs. */
export const log = (): Logger => current;

export function configureLogger(options: LoggerOptions): Logger {
  current = createLogger(options);
  return current;
}
