import type { MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';
import type { z } from 'zod';
import {
  entitySchemas,
  type CollectionName,
  type EntityByCollection,
  type RecordMeta,
  type WithOptionalDefaults,
} from '@shared/domain';
import { storedForm } from '@shared/rules/stored-form';
import { RecordValidationError, issuesFromZod } from '../errors';
import type { CrmDatabase } from '../database';
import type { TextIndex } from '../search/search-service';
import type { SearchKind } from '../search/search-text';
import { keyOf, scanIndex, scanIndexBatch } from './index-scan';
import { teamDecider, teamForWrite, type TeamDecider } from './record-ownership';

/** Who is acting: every write is stamped with this (createdBy/updatedBy, default owner and team). */
export interface Actor {
  userId: string;
  workspaceId: string;
  teamId: string;
}

export interface RepositoryContext {
  db: CrmDatabase;
  actor: Actor;
  /** Injected clock so tests and sample data are deterministic. */
  now: () => number;
  newId: () => string;
  /**
   * The search index (renderer/src/data/search). Text filters of lists go through it; without one (unit
   * tests) they fall back to `$regex` queries, which scan the collection.
   */
  textIndex?: TextIndex;
}

export type MetaKey = keyof RecordMeta;

/** One index range: equal values on the first fields of `index`, an inclusive range on the next one. */
export interface RangeScan {
  index: readonly string[];
  equal: readonly (string | number | boolean)[];
  range?: { lower: string | number; upper: string | number };
}
/**
 * What a caller provides to create a record: the entity fields (those with a default may be left out, e.g. the
 * derived and kept ones); meta is filled in by the repository.
 */
export type CreateInput<T> = WithOptionalDefaults<Omit<T, MetaKey>> &
  Partial<Pick<RecordMeta, 'id' | 'ownerId' | 'teamId'>>;
export type UpdateInput<T> = Partial<Omit<T, MetaKey>> &
  Partial<Pick<RecordMeta, 'ownerId' | 'teamId'>>;

export interface PageQuery<T> {
  selector?: MangoQuerySelector<T>;
  sort?: MangoQuerySortPart<T>[];
  limit: number;
  skip?: number;
}

/**
 * The only code that talks to RxDB for one collection (CONVENTIONS.md 2). Every write goes through the
 * shared zod schema, so the replica never holds a record the server would refuse for its format.
 * Reads return plain objects (never RxDocuments) so nothing above this layer can mutate the database.
 */
export class EntityRepository<C extends CollectionName> {
  protected readonly schema: z.ZodType<EntityByCollection[C]>;

  constructor(
    protected readonly ctx: RepositoryContext,
    readonly collectionName: C,
  ) {
    this.schema = entitySchemas[collectionName] as unknown as z.ZodType<EntityByCollection[C]>;
  }

  protected get collection(): RxCollection<EntityByCollection[C]> {
    return this.ctx.db[this.collectionName] as unknown as RxCollection<EntityByCollection[C]>;
  }

  /**
   * The stored form (normalized keys, a deal's derived amount), applied before validation on every write: the
   * shared rule the importer applies too (shared/rules/stored-form.ts).
   */
  protected derive(record: EntityByCollection[C]): EntityByCollection[C] {
    return storedForm(this.collectionName, record);
  }

  /** Validates a full record; throws RecordValidationError with per-field issues. */
  validate(record: unknown): EntityByCollection[C] {
    const result = this.schema.safeParse(record);
    if (!result.success) throw new RecordValidationError(issuesFromZod(result.error));
    // Optional fields set to undefined are removed: IndexedDB stores JSON, and "unset" must stay unset.
    return Object.fromEntries(
      Object.entries(result.data as object).filter(([, v]) => v !== undefined),
    ) as EntityByCollection[C];
  }

  async get(id: string): Promise<EntityByCollection[C] | null> {
    const doc = await this.collection.findOne(id).exec();
    return doc ? (doc.toJSON() as EntityByCollection[C]) : null;
  }

  async getMany(ids: string[]): Promise<Map<string, EntityByCollection[C]>> {
    const found = await this.collection.findByIds(ids).exec();
    const out = new Map<string, EntityByCollection[C]>();
    for (const [id, doc] of found) out.set(id, doc.toJSON() as EntityByCollection[C]);
    return out;
  }

  async find(query: PageQuery<EntityByCollection[C]>): Promise<EntityByCollection[C][]> {
    const docs = await this.collection
      .find({
        selector: query.selector ?? {},
        sort: query.sort,
        limit: query.limit,
        skip: query.skip,
      })
      .exec();
    return docs.map((d) => d.toJSON() as EntityByCollection[C]);
  }

  /**
   * A newest-first page walked backwards through the `[deleted, updatedAt]` index (or `[deleted, field,
   * updatedAt]` for an equality filter), stopping after `limit` rows that pass `filter` (index-scan.ts: RxDB
   * would read and sort the whole collection for a descending sort). `selector` states the same conditions
   * for storages without that path (RxDB memory storage in tests).
   */
  protected async newestFirst(options: {
    equal?: [field: string, value: string];
    filter?: (record: EntityByCollection[C]) => boolean;
    selector: MangoQuerySelector<EntityByCollection[C]>;
    limit: number;
    skip: number;
  }): Promise<EntityByCollection[C][]> {
    const rows = await scanIndex(this.collection, {
      index: options.equal ? ['deleted', options.equal[0], 'updatedAt'] : ['deleted', 'updatedAt'],
      equal: options.equal ? [false, options.equal[1]] : [false],
      direction: 'desc',
      limit: options.limit,
      skip: options.skip,
      filter: options.filter,
    });
    if (rows) return rows;
    return this.find({
      selector: options.selector,
      sort: [
        { updatedAt: 'desc' } as MangoQuerySortPart<EntityByCollection[C]>,
        { id: 'asc' } as MangoQuerySortPart<EntityByCollection[C]>,
      ],
      limit: options.limit,
      skip: options.skip,
    });
  }

  /**
   * A page of the records matching a text query through the search index (newest first), further narrowed
   * by `filter`. Null when there is no index (the caller falls back to a `$regex` query).
   */
  protected async textPage(
    kind: SearchKind,
    text: string,
    filter: (record: EntityByCollection[C]) => boolean,
    limit: number,
    skip: number,
  ): Promise<EntityByCollection[C][] | null> {
    const index = this.ctx.textIndex;
    if (!index) return null;
    const ids = await index.matchIds(kind, text);
    const out: EntityByCollection[C][] = [];
    let passed = 0;
    let chunk = Math.max(50, (limit + skip) * 2);
    for (let at = 0; at < ids.length && out.length < limit; at += chunk, chunk *= 2) {
      const slice = ids.slice(at, at + chunk);
      const found = await this.getMany(slice);
      for (const id of slice) {
        const record = found.get(id);
        if (!record || !filter(record)) continue;
        if (passed++ < skip) continue;
        out.push(record);
        if (out.length === limit) break;
      }
    }
    return out;
  }

  async count(selector: MangoQuerySelector<EntityByCollection[C]>): Promise<number> {
    return this.collection.count({ selector }).exec();
  }

  async create(input: CreateInput<EntityByCollection[C]>): Promise<EntityByCollection[C]> {
    const now = this.ctx.now();
    const { actor } = this.ctx;
    const ownerId = input.ownerId ?? actor.userId;
    // Choosing an owner sets the team (the shared ownership rule, as the server applies it).
    const teamId = await teamForWrite(this.ctx.db, actor, this.collectionName, null, {
      ownerId,
      teamId: input.teamId ?? actor.teamId,
    });
    const record = this.derive({
      ...input,
      id: input.id ?? this.ctx.newId(),
      workspaceId: actor.workspaceId,
      teamId,
      ownerId,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      deleted: false,
    } as EntityByCollection[C]);
    const valid = this.validate(record);
    await this.collection.insert(valid);
    return valid;
  }

  /** Applies a patch; validates the whole resulting record so a partial edit cannot break invariants. */
  async update(
    id: string,
    patch: UpdateInput<EntityByCollection[C]>,
  ): Promise<EntityByCollection[C]> {
    const doc = await this.collection.findOne(id).exec();
    if (!doc) throw new Error(`${this.collectionName}/${id} not found`);
    const current = doc.toJSON() as EntityByCollection[C];
    const ownerId = patch.ownerId ?? current.ownerId;
    const teamId = await teamForWrite(this.ctx.db, this.ctx.actor, this.collectionName, current, {
      ownerId,
      teamId: patch.teamId ?? current.teamId,
    });
    const next = this.derive({
      ...current,
      ...patch,
      ownerId,
      teamId,
      updatedAt: Math.max(this.ctx.now(), current.updatedAt + 1),
      updatedBy: this.ctx.actor.userId,
    });
    const valid = this.validate(next);
    // Replace the whole document (not a patch) so removed optional fields really disappear.
    await doc.incrementalModify((data) => {
      const target = data as Record<string, unknown>;
      for (const key of Object.keys(target))
        if (!key.startsWith('_') && !(key in valid)) delete target[key];
      return Object.assign(target, valid);
    });
    return valid;
  }

  /** Soft delete: the record leaves every list but can be restored (and syncs as a normal change). */
  async softDelete(id: string): Promise<void> {
    const now = this.ctx.now();
    await this.update(id, { deleted: true, deletedAt: now } as unknown as UpdateInput<
      EntityByCollection[C]
    >);
  }

  async restore(id: string): Promise<void> {
    await this.update(id, { deleted: false, deletedAt: undefined } as unknown as UpdateInput<
      EntityByCollection[C]
    >);
  }

  /**
   * The owner → team rule for many writes by this actor (imports): what `create` applies to one record, with
   * the people read once.
   */
  teamRule(): Promise<TeamDecider> {
    return teamDecider(this.ctx.db, this.ctx.actor, this.collectionName);
  }

  /** Inserts already-complete records (sample data, imports) in one storage transaction. */
  async bulkInsertValidated(records: EntityByCollection[C][]): Promise<number> {
    const result = await this.collection.bulkInsert(records);
    return result.success.length;
  }

  /** Emits whenever anything in the collection changes (drives live queries). */
  changes$(): Observable<unknown> {
    return this.collection.$;
  }

  /**
   * Each change of a record as it is now (null: removed from the replica), for consumers that keep a result
   * current by recomputing only the changed records (the inbox's follow-up source, issue 18).
   */
  changedRecords$(): Observable<{ id: string; record: EntityByCollection[C] | null }> {
    return this.collection.$.pipe(
      map((event) => ({
        id: event.documentId,
        record:
          event.operation === 'DELETE'
            ? null
            : plainRecord<EntityByCollection[C]>(event.documentData),
      })),
    );
  }

  /**
   * Every record of one index range (equal values on the first fields, an inclusive range on the next one), read in
   * keyset pages of `pageSize` with a yield to the event loop between pages, so a large read never holds a frame.
   * `selector` states the same range for storages without Dexie indexes (RxDB memory storage in tests).
   */
  async readIndexRange(
    scan: RangeScan,
    selector: MangoQuerySelector<EntityByCollection[C]>,
    options: { pageSize?: number; limit?: number } = {},
  ): Promise<EntityByCollection[C][]> {
    return this.continueRange(scan, selector, options, [], null);
  }

  /**
   * Many `readIndexRange`s at once: their first pages come from one read transaction (scanIndexBatch), and only
   * ranges longer than a page go on page by page. Results in the order of `reads`.
   */
  async readIndexRanges(
    reads: readonly {
      scan: RangeScan;
      selector: MangoQuerySelector<EntityByCollection[C]>;
      limit?: number;
    }[],
    pageSize = 1000,
  ): Promise<EntityByCollection[C][][]> {
    const pageLimit = (read: { limit?: number }) => Math.min(pageSize, read.limit ?? Infinity);
    const firsts = await scanIndexBatch(
      this.collection,
      reads.map((read) => ({ ...read.scan, direction: 'asc' as const, limit: pageLimit(read) })),
    );
    return Promise.all(
      reads.map((read, i) => {
        const page = firsts?.[i];
        const options = { pageSize, limit: read.limit };
        if (!page) return this.continueRange(read.scan, read.selector, options, [], null);
        const limit = read.limit ?? Infinity;
        if (page.length < pageLimit(read) || page.length >= limit) return Promise.resolve(page);
        const after = keyOf(page[page.length - 1], read.scan.index, read.scan.equal.length);
        return this.continueRange(read.scan, read.selector, options, page, after);
      }),
    );
  }

  private async continueRange(
    scan: RangeScan,
    selector: MangoQuerySelector<EntityByCollection[C]>,
    options: { pageSize?: number; limit?: number },
    out: EntityByCollection[C][],
    after: (string | number)[] | null,
  ): Promise<EntityByCollection[C][]> {
    const limit = options.limit ?? Infinity;
    const pageSize = Math.min(options.pageSize ?? 1000, limit);
    for (;;) {
      const page = await scanIndex(this.collection, {
        ...scan,
        direction: 'asc',
        after,
        limit: pageSize,
      });
      if (!page) {
        const rangeField = scan.index[scan.equal.length];
        return this.find({
          selector,
          sort: rangeField
            ? [{ [rangeField]: 'asc' } as MangoQuerySortPart<EntityByCollection[C]>]
            : undefined,
          limit: Number.isFinite(limit) ? limit : 1_000_000,
        });
      }
      out.push(...page);
      if (page.length < pageSize || out.length >= limit) return out;
      after = keyOf(page[page.length - 1], scan.index, scan.equal.length);
      await yieldToEventLoop();
    }
  }
}

/** A plain record from RxDB document data: its bookkeeping (`_rev`, `_meta`, `_deleted`…) dropped. */
function plainRecord<T>(data: object): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!key.startsWith('_')) out[key] = value;
  return out as T;
}

/** Lets input and rendering run between two pages of a long read. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
