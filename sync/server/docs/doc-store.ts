import * as Y from 'yjs';
import type { Sql, SqlTx } from '../db/sql';

export interface StoredUpdate {
  id: number;
  data: Uint8Array;
}

export interface CompactionResult {
  /** Rows replaced by the one compacted row. */
  rows: number;
  bytesBefore: number;
  bytesAfter: number;
}

interface Row {
  id: number;
  data: Uint8Array;
}

function toBytes(value: Uint8Array): Uint8Array {
  // pg returns Buffers, PGlite Uint8Arrays: both are Uint8Arrays; copy Buffers from the shared pool.
  return value instanceof Uint8Array && value.constructor === Uint8Array
    ? value
    : new Uint8Array(value);
}

/**
 * Persistence of Yjs documents in the sync server's database (table yjs_updates, migration 2): every applied
 * update is appended as one row; compaction loads a document's rows into a fresh Y.Doc and replaces them by
 * one `encodeStateAsUpdate` row that keeps the highest id, so a node that has applied rows up to some id never
 * misses anything by reading `id > lastId` afterwards.
 *
 * Appends and compactions of one document take the same transaction-scoped advisory lock, so ids of one
 * document commit in increasing order (a reader on another node cannot step over a row committed late) and
 * compaction never deletes a row it did not merge.
 */
export class DocStore {
  constructor(private readonly sql: Sql) {}

  async load(workspaceId: string, docName: string): Promise<StoredUpdate[]> {
    return this.since(workspaceId, docName, 0);
  }

  /** Rows of a document with an id above `afterId`, in id order. */
  async since(workspaceId: string, docName: string, afterId: number): Promise<StoredUpdate[]> {
    const rows = await this.sql.query<Row>(
      'SELECT id::float8 AS id, data FROM yjs_updates WHERE workspace_id = $1 AND doc_name = $2 AND id > $3 ORDER BY id',
      [workspaceId, docName, afterId],
    );
    return rows.map((r) => ({ id: Number(r.id), data: toBytes(r.data) }));
  }

  /** Appends one update; resolves with its id once committed. */
  async append(workspaceId: string, docName: string, update: Uint8Array): Promise<number> {
    return this.sql.transaction(async (tx) => {
      await this.lock(tx, workspaceId, docName);
      const [row] = await tx.query<{ id: number }>(
        'INSERT INTO yjs_updates (workspace_id, doc_name, data, created_at) VALUES ($1, $2, $3, $4) RETURNING id::float8 AS id',
        [
          workspaceId,
          docName,
          Buffer.from(update.buffer, update.byteOffset, update.byteLength),
          Date.now(),
        ],
      );
      return Number(row.id);
    });
  }

  /**
   * Replaces a document's rows by one fresh encode (in one transaction). Returns null when there is nothing to
   * compact (zero or one row).
   */
  async compact(workspaceId: string, docName: string): Promise<CompactionResult | null> {
    return this.sql.transaction(async (tx) => {
      await this.lock(tx, workspaceId, docName);
      const rows = await tx.query<Row>(
        'SELECT id::float8 AS id, data FROM yjs_updates WHERE workspace_id = $1 AND doc_name = $2 ORDER BY id',
        [workspaceId, docName],
      );
      if (rows.length < 2) return null;
      const doc = new Y.Doc();
      let bytesBefore = 0;
      for (const row of rows) {
        const data = toBytes(row.data);
        bytesBefore += data.byteLength;
        Y.applyUpdate(doc, data);
      }
      const merged = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const keep = Number(rows[rows.length - 1].id);
      await tx.query(
        'DELETE FROM yjs_updates WHERE workspace_id = $1 AND doc_name = $2 AND id < $3',
        [workspaceId, docName, keep],
      );
      await tx.query(
        'UPDATE yjs_updates SET data = $4, created_at = $5 WHERE workspace_id = $1 AND doc_name = $2 AND id = $3',
        [
          workspaceId,
          docName,
          keep,
          Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength),
          Date.now(),
        ],
      );
      return { rows: rows.length, bytesBefore, bytesAfter: merged.byteLength };
    });
  }

  /** Row count and stored bytes of a document (tests, health). */
  async stats(workspaceId: string, docName: string): Promise<{ rows: number; bytes: number }> {
    const [row] = await this.sql.query<{ rows: number; bytes: number }>(
      'SELECT count(*)::int AS rows, coalesce(sum(octet_length(data)), 0)::float8 AS bytes FROM yjs_updates WHERE workspace_id = $1 AND doc_name = $2',
      [workspaceId, docName],
    );
    return { rows: Number(row?.rows ?? 0), bytes: Number(row?.bytes ?? 0) };
  }

  private async lock(tx: SqlTx, workspaceId: string, docName: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`yjs|${workspaceId}|${docName}`]);
  }
}
