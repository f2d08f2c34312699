import type { AnalyzeOptions } from '@shared/import/analyze';
import type { DuplicateGroup } from '@shared/import/duplicates';
import type { EntityByCollection } from '@shared/domain';
import type { ImportKind } from '@shared/import/header-guess';
import {
  ImportHost,
  type AnalysisReport,
  type JobRequest,
  type JobResults,
  type PlanSummary,
  type TableSummary,
} from './import-host';
import type { JobReply } from './import-worker';
import type { StreamedPlan } from './import-service';
import type { ImportCell } from './parse-file';

/**
 * An import driven step by step from the page while the work runs in the import worker (issue 17, B11): parse
 * → analyze (validation report and duplicate preview) → plan (the chosen group actions) → the new records in
 * batches for `ImportService.write`. Without workers (unit tests) the same host runs in-process.
 */
export class ImportJob {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  private readonly worker: Worker | null;
  private readonly inline: ImportHost | null;
  private closed = false;

  private constructor(useWorker: boolean) {
    this.worker =
      useWorker && typeof Worker !== 'undefined'
        ? new Worker(new URL('./import-worker.ts', import.meta.url), {
            type: 'module',
            name: 'crm-import',
          })
        : null;
    this.inline = this.worker ? null : new ImportHost();
    if (this.worker) {
      this.worker.onmessage = (event: MessageEvent<JobReply>) => {
        const reply = event.data;
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.pending.delete(reply.id);
        if (reply.ok) waiting.resolve(reply.result);
        else waiting.reject(new Error(reply.error));
      };
      this.worker.onerror = (event) => {
        for (const waiting of this.pending.values()) waiting.reject(new Error(event.message));
        this.pending.clear();
      };
    }
  }

  /** A job in a worker where the platform has them (`worker: false` keeps it on the calling thread). */
  static open(options: { worker?: boolean } = {}): ImportJob {
    return new ImportJob(options.worker ?? true);
  }

  private call<T extends JobRequest['type']>(
    request: Extract<JobRequest, { type: T }>,
    transfer: Transferable[] = [],
  ): Promise<JobResults[T]> {
    if (this.closed) return Promise.reject(new Error('the import job was closed'));
    if (this.inline) return this.inline.handle(request) as Promise<JobResults[T]>;
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the import job was closed'));
    const id = this.nextId++;
    return new Promise<JobResults[T]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve, reject });
      worker.postMessage({ id, request }, transfer);
    });
  }

  /** Reads the file (its bytes are transferred to the worker, not copied). */
  parse(name: string, data: ArrayBuffer): Promise<TableSummary> {
    return this.call({ type: 'parse', name, data }, this.worker ? [data] : []);
  }

  /** Validates every row and groups duplicates against `options.existing` and within the file. */
  analyze(options: AnalyzeOptions): Promise<AnalysisReport> {
    return this.call({ type: 'analyze', options });
  }

  /** Applies the group actions the person chose; the new records stay in the worker until written. */
  plan(groups: DuplicateGroup[]): Promise<PlanSummary> {
    return this.call({ type: 'plan', groups });
  }

  /** The plan as `ImportService.write` takes it, its new records fetched batch by batch. */
  streamedPlan<K extends ImportKind>(summary: PlanSummary): StreamedPlan<EntityByCollection[K]> {
    return {
      createCount: summary.createCount,
      createBatch: (start, count) =>
        this.call({ type: 'records', start, count }) as Promise<EntityByCollection[K][]>,
      update: summary.update as StreamedPlan<EntityByCollection[K]>['update'],
      skipped: summary.skipped,
    };
  }

  /** The cells of some file lines (the rejects file needs the rejected rows as read). */
  rows(lines: number[]): Promise<Record<number, ImportCell[]>> {
    return this.call({ type: 'rows', lines });
  }

  close(): void {
    this.closed = true;
    this.worker?.terminate();
    for (const waiting of this.pending.values())
      waiting.reject(new Error('the import job was closed'));
    this.pending.clear();
  }
}
