import type { EntityByCollection } from '@shared/domain';
import type { ImportKind } from '@shared/import/header-guess';
import type { ImportPlan } from '@shared/import/duplicates';
import { sameValue } from '@shared/sync/values';
import { BusinessRuleError } from '../../errors';
import type { Repositories } from '../../repositories';
import type { EntityRepository, UpdateInput } from '../../repositories/entity-repository';

/**
 * Writes an import's accepted records into the replica (issue 17) in batches through the repositories' bulk
 * path (the one sample data uses), so every record is whole and syncs like any other. Between batches it
 * reports progress and honours a cancel: a batch is one storage transaction, so a cancel never leaves half a
 * row, and the summary says exactly how many were written before it.
 */
export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportSummary {
  created: number;
  updated: number;
  /** Rows the duplicate actions left out. */
  skipped: number;
  /** Updates whose mapped values equal the stored ones: not written (no new updatedAt, nothing to sync). */
  unchanged: number;
  /**
   * Records not written: the storage refused them (an id already present), or the owner → team rule did (an
   * owner outside the writer's scope, see `refused`); counted, never silent.
   */
  failed: number;
  /** Of `failed`: ids of the records the ownership rule refused, with the reason key. */
  refused?: { id: string; reason: string }[];
  cancelled: boolean;
}

export interface WriteOptions {
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /**
   * The fields an update takes from its row (`mappedFields(mapping)` from shared/import/validate-rows): the
   * columns the file has. Without it no update is written, as defaults of unmapped fields must not overwrite.
   */
  updateFields?: readonly string[];
}

/**
 * A plan whose new records arrive in batches (`ImportJob` keeps them in the import worker): the page holds one
 * batch at a time, and the next one is fetched while the current one is written.
 */
export interface StreamedPlan<T> {
  createCount: number;
  createBatch(start: number, count: number): Promise<T[]>;
  update: ImportPlan<T>['update'];
  skipped: number[];
}

function streamed<T>(plan: ImportPlan<T> | StreamedPlan<T>): StreamedPlan<T> {
  if ('createBatch' in plan) return plan;
  return {
    createCount: plan.create.length,
    createBatch: (start, count) => Promise.resolve(plan.create.slice(start, start + count)),
    update: plan.update,
    skipped: plan.skipped,
  };
}

/** Fields an update never takes from the file: the record keeps its identity and history. */
const KEEP_ON_UPDATE = new Set([
  'id',
  'workspaceId',
  'createdAt',
  'createdBy',
  'deleted',
  'deletedAt',
  'updatedAt',
  'updatedBy',
  'teamId',
]);

/**
 * Moments a file holds to the minute (the export writes 'yyyy-mm-dd hh:mm'): a stored one in the same minute is
 * the same value, so re-importing an exported list does not rewrite them.
 */
const MINUTE_FIELDS = new Set(['occurredAt']);

function sameImported(key: string, stored: unknown, value: unknown): boolean {
  if (MINUTE_FIELDS.has(key) && typeof stored === 'number' && typeof value === 'number')
    return Math.floor(stored / 60_000) === Math.floor(value / 60_000);
  return sameValue(stored, value);
}

export class ImportService {
  constructor(private readonly repos: Repositories) {}

  /**
   * The team a row owned by `ownerId` is saved in, or null when the ownership rule refuses the owner: pass it to
   * `validateRows` as `teamFor`, so such rows are reported with the other issues before anything is written.
   * `teamId`: the team written when the owner's teams allow it (the actor's, as `validateRows` sets it).
   */
  async teamFor(kind: ImportKind, teamId: string): Promise<(ownerId: string) => string | null> {
    const decide = await this.repository(kind).teamRule();
    return (ownerId) => {
      try {
        return decide(null, { ownerId, teamId });
      } catch {
        return null;
      }
    };
  }

  private repository<K extends ImportKind>(kind: K): EntityRepository<K> {
    return this.repos[kind] as unknown as EntityRepository<K>;
  }

  async write<K extends ImportKind>(
    kind: K,
    input: ImportPlan<EntityByCollection[K]> | StreamedPlan<EntityByCollection[K]>,
    options: WriteOptions = {},
  ): Promise<ImportSummary> {
    const plan = streamed(input);
    const repository = this.repository(kind);
    // A new record's team follows its owner, as the repositories decide on create (shared/rules/record-ownership).
    const decideTeam = await repository.teamRule();
    const batchSize = options.batchSize ?? 1000;
    const total = plan.createCount + plan.update.length;
    const summary: ImportSummary = {
      created: 0,
      updated: 0,
      skipped: plan.skipped.length,
      unchanged: 0,
      failed: 0,
      cancelled: false,
    };
    let done = 0;
    const stop = () => options.signal?.aborted === true;
    let next = plan.createCount > 0 ? plan.createBatch(0, batchSize) : null;
    for (let start = 0; start < plan.createCount; start += batchSize) {
      if (stop()) {
        // The batch fetched ahead is dropped; its failure (a closed job) is no longer anyone's concern.
        next?.catch(() => undefined);
        return { ...summary, cancelled: true };
      }
      const slice = await (next ?? plan.createBatch(start, batchSize));
      const following = start + batchSize;
      next = following < plan.createCount ? plan.createBatch(following, batchSize) : null;
      const batch: EntityByCollection[K][] = [];
      for (const record of slice) {
        try {
          const teamId = decideTeam(null, { ownerId: record.ownerId, teamId: record.teamId });
          batch.push(teamId === record.teamId ? record : { ...record, teamId });
        } catch (error) {
          const reason = error instanceof BusinessRuleError ? error.messageKey : String(error);
          (summary.refused ??= []).push({ id: record.id, reason });
        }
      }
      const inserted = batch.length > 0 ? await repository.bulkInsertValidated(batch) : 0;
      summary.created += inserted;
      summary.failed += slice.length - inserted;
      done += slice.length;
      options.onProgress?.({ done, total });
    }
    // Only the cells the file filled: an empty cell does not erase what the record holds.
    const fields = new Set(options.updateFields ?? []);
    for (let start = 0; start < plan.update.length; start += batchSize) {
      if (stop()) return { ...summary, cancelled: true };
      const slice = plan.update.slice(start, start + batchSize);
      const stored = await repository.getMany(slice.map((u) => u.id));
      for (const { id, record, ownerDefaulted } of slice) {
        if (stop()) return { ...summary, cancelled: true };
        const patch = Object.fromEntries(
          Object.entries(record as Record<string, unknown>).filter(
            ([key, value]) =>
              fields.has(key) &&
              !KEEP_ON_UPDATE.has(key) &&
              // An empty owner cell names nobody: the record keeps its owner (as any other empty cell).
              !(key === 'ownerId' && ownerDefaulted) &&
              value !== '' &&
              !(Array.isArray(value) && value.length === 0),
          ),
        ) as UpdateInput<EntityByCollection[K]>;
        const current = stored.get(id) as Record<string, unknown> | undefined;
        done += 1;
        if (
          current &&
          Object.entries(patch).every(([key, value]) => sameImported(key, current[key], value))
        ) {
          // Re-importing what is stored is not an edit: the record keeps its updatedAt and does not sync.
          summary.unchanged += 1;
        } else {
          try {
            await repository.update(id, patch);
            summary.updated += 1;
          } catch {
            summary.failed += 1;
          }
        }
        if (done % batchSize === 0 || done === total) options.onProgress?.({ done, total });
      }
    }
    return summary;
  }
}
