/// <reference lib="webworker" />
import { ImportHost, type JobRequest } from './import-host';

/**
 * Import work off the main thread (issue 17: the UI stays responsive while 100,000 rows are read, checked and
 * written): an import job (`ImportJob`) sends { id, request: JobRequest } and gets { id, ok: true, result } or
 * { id, ok: false, error }; the table and records are kept here between requests (import-host.ts).
 */
export type JobReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

const host = new ImportHost();

self.onmessage = (event: MessageEvent<{ id: number; request: JobRequest }>) => {
  const message = event.data;
  host.handle(message.request).then(
    (result) => self.postMessage({ id: message.id, ok: true, result } satisfies JobReply),
    (error: unknown) =>
      self.postMessage({ id: message.id, ok: false, error: String(error) } satisfies JobReply),
  );
};
