import type { CollectionName } from '@shared/domain';
import type { Stamp } from '@shared/sync';

/**
 * A local change the server has not acknowledged yet, as the app shows it ("waiting to sync"): which record,
 * which fields, since when. Kept by the engine's edit log (edit-log.ts), persisted across restarts.
 */
export interface PendingField {
  /** The stamp path (shared/sync/field-paths.ts): `amount`, `lineItems[<id>]`, `lineItems[<id>].quantity`. */
  path: string;
  field: string;
  itemId?: string;
  key?: string;
  /** When this path was first edited since the last acknowledged push (epoch ms). */
  since: number;
  /** The stamp of its latest edit (sent with the push; the merge compares it). */
  stamp: Stamp;
  /** How many local edits of this path are waiting. */
  edits: number;
}

export interface PendingChange {
  collection: CollectionName;
  id: string;
  /** A record created on this laptop and never acknowledged (every field is new). */
  created: boolean;
  /** Deleted on this laptop, the deletion not acknowledged yet. */
  deleted?: boolean;
  fields: PendingField[];
  /** First and last local edit waiting (epoch ms). */
  since: number;
  lastAt: number;
  /** Local writes of the record waiting (one save of a form is one edit). */
  edits: number;
}
