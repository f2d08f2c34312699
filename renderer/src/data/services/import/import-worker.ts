/// <reference lib="webworker" />
import { parseImportFile, type ParsedTable } from './parse-file';

/**
 * Parses an import file off the main thread (issue 17: the UI stays responsive while 100,000 rows are read).
 * Message in: { name, data: ArrayBuffer }; out: { ok: true, table } or { ok: false, error }.
 */
export type WorkerReply = { ok: true; table: ParsedTable } | { ok: false; error: string };

self.onmessage = (event: MessageEvent<{ name: string; data: ArrayBuffer }>) => {
  parseImportFile(event.data.name, event.data.data).then(
    (table) => self.postMessage({ ok: true, table } satisfies WorkerReply),
    (error: unknown) => self.postMessage({ ok: false, error: String(error) } satisfies WorkerReply),
  );
};
