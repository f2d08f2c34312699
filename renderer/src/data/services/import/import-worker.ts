/// <reference lib="webworker" />
import { parseImportFile, type ParsedTable } from './parse-file';
import { ImportHost, type JobRequest } from './import-host';

/**
 * Import work off the main thread (issue 17: the UI stays responsive while 100,000 rows are read, checked and
 * written). Two protocols:
 * - a one-shot parse (`parseImport`): { name, data: ArrayBuffer } → { ok: true, table } or { ok: false, error };
 * - an import job (`ImportJob`): { id, request: JobRequest } → { id, ok: true, result } or { id, ok: false, error },
 *   the table and records kept here between requests (import-host.ts).
 */
export type WorkerReply = { ok: true; table: ParsedTable } | { ok: false; error: string };
export type JobReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

const host = new ImportHost();

self.onmessage = (
  event: MessageEvent<{ name: string; data: ArrayBuffer } | { id: number; request: JobRequest }>,
) => {
  const message = event.data;
  if ('request' in message) {
    host.handle(message.request).then(
      (result) => self.postMessage({ id: message.id, ok: true, result } satisfies JobReply),
      (error: unknown) =>
        self.postMessage({ id: message.id, ok: false, error: String(error) } satisfies JobReply),
    );
    return;
  }
  parseImportFile(message.name, message.data).then(
    (table) => self.postMessage({ ok: true, table } satisfies WorkerReply),
    (error: unknown) => self.postMessage({ ok: false, error: String(error) } satisfies WorkerReply),
  );
};
