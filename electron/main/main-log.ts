import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The main process's log: one line per event in `<logs>/main.log` (app.getPath('logs')), so an updater or
 * vault problem on a customer's laptop can be diagnosed afterwards. Never contains tokens or record data: only
 * what the main process itself did. The file is rotated at 1 MB (one previous file kept). Node-only, no
 * `electron` import; logging never throws.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Also the shape electron-updater expects for its `logger`. */
export interface MainLogger {
  debug: (message: unknown, detail?: unknown) => void;
  info: (message: unknown, detail?: unknown) => void;
  warn: (message: unknown, detail?: unknown) => void;
  error: (message: unknown, detail?: unknown) => void;
}

function describe(value: unknown, withStack: boolean): string {
  if (value instanceof Error)
    return withStack && value.stack ? value.stack : `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** `2025-01-31T08:00:00.000Z [warn] [updater] message: detail` (stacks only for errors, indented). */
export function formatLogLine(
  time: Date,
  level: LogLevel,
  scope: string,
  message: unknown,
  detail?: unknown,
): string {
  const withStack = level === 'error';
  const text =
    describe(message, withStack) + (detail === undefined ? '' : `: ${describe(detail, withStack)}`);
  return `${time.toISOString()} [${level}] [${scope}] ${text.replace(/\r?\n/g, '\n    ')}\n`;
}

export interface LoggerOptions {
  scope: string;
  /** Receives finished lines; console only when omitted. */
  sink?: (line: string) => void;
  /** Mirror to the console (development, and the e2e suite reads it). */
  toConsole?: boolean;
  now?: () => Date;
}

export function createLogger({
  scope,
  sink,
  toConsole = true,
  now = () => new Date(),
}: LoggerOptions): MainLogger {
  const log = (level: LogLevel) => (message: unknown, detail?: unknown) => {
    const line = formatLogLine(now(), level, scope, message, detail);
    try {
      sink?.(line);
    } catch {
      // A full disk must not take the app down with it.
    }
    if (toConsole) console[level](line.trimEnd());
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const MAX_LOG_BYTES = 1024 * 1024;

/** Appends lines to `filePath`; when it grows past `maxBytes` it becomes `<name>.old.log` and a new file starts. */
export function createFileSink(filePath: string, maxBytes = MAX_LOG_BYTES): (line: string) => void {
  let directoryReady = false;
  return (line) => {
    if (!directoryReady) {
      mkdirSync(dirname(filePath), { recursive: true });
      directoryReady = true;
    }
    try {
      if (statSync(filePath).size + Buffer.byteLength(line) > maxBytes)
        renameSync(filePath, filePath.replace(/\.log$/, '') + '.old.log');
    } catch {
      // No file yet.
    }
    appendFileSync(filePath, line, { encoding: 'utf8', mode: 0o600 });
  };
}
