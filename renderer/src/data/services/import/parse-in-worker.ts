import type { WorkerReply } from './import-worker';
import { parseImportFile, type ParsedTable } from './parse-file';

/** Files larger than this are parsed in a Web Worker; smaller ones (and environments without workers) inline. */
export const WORKER_THRESHOLD_BYTES = 512 * 1024;

/**
 * Parses an import file, in a Web Worker when it is large and workers exist (the browser and Electron), on the
 * calling thread otherwise (unit tests in jsdom). The file's bytes are transferred, not copied.
 */
export async function parseImport(name: string, data: ArrayBuffer): Promise<ParsedTable> {
  if (data.byteLength < WORKER_THRESHOLD_BYTES || typeof Worker === 'undefined')
    return parseImportFile(name, data);
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<ParsedTable>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        if (event.data.ok) resolve(event.data.table);
        else reject(new Error(event.data.error));
      };
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage({ name, data }, [data]);
    });
  } finally {
    worker.terminate();
  }
}
