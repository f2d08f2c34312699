import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A small JSON document in the app's userData folder (window state, main-process preferences). Synchronous on
 * purpose: the documents are tiny and the last write happens while the app quits, when an async write could be
 * cut off. Writes go to a temporary file that is renamed over the old one, so a crash never leaves half a file.
 */
export interface JsonStore {
  /** The stored value, or `undefined` when the file is missing or not JSON (never throws). */
  read: () => unknown;
  /** Replaces the stored value (throws on I/O errors; callers log them). */
  write: (value: unknown) => void;
}

export function createJsonFileStore(filePath: string): JsonStore {
  return {
    read() {
      try {
        return JSON.parse(readFileSync(filePath, 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    write(value) {
      mkdirSync(dirname(filePath), { recursive: true });
      const temporary = `${filePath}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, {
          encoding: 'utf8',
          mode: 0o600,
        });
        renameSync(temporary, filePath);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
      }
    },
  };
}

/** A store kept in memory, for tests and for when userData cannot be written. */
export function createMemoryJsonStore(initial?: unknown): JsonStore & { value: unknown } {
  const store = {
    value: initial,
    read: () => store.value,
    write: (value: unknown) => {
      store.value = structuredClone(value);
    },
  };
  return store;
}
