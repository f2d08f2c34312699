import type { Checkpoint, FieldConflict, Overruled, Rejection, Stamp, WireDoc } from '@shared/sync';

/** A stored record's data: an entity of any collection (zod-validated on the way in). */
export type Entity = Record<string, unknown> & {
  id: string;
  teamId: string;
  ownerId: string;
  workspaceId: string;
  updatedAt: number;
};

/** One row of a push: the state the client last pulled (null for a new record) and the state it wants. */
export interface PushRow {
  assumedMasterState?: WireDoc | null;
  newDocumentState: WireDoc;
  /** When each changed path was edited on the device (hlc.ts stamps); absent: the server's receive time. */
  stamps?: Readonly<Record<string, Stamp>>;
}

export interface PushResult {
  conflicts: WireDoc[];
  rejected: Rejection[];
  /** Values of this push that lost to a later edit (kept in history; the app's inbox shows them). */
  overruled: Overruled[];
  /** Records written (for tests and logs). */
  written: number;
}

export interface PullResult {
  documents: WireDoc[];
  checkpoint: Checkpoint | null;
  remaining: number;
}

/** A pull answer with its documents already serialized (a JSON array), as the socket sends it. */
export interface PullJsonResult {
  documentsJson: string;
  /** How many documents `documentsJson` holds. */
  count: number;
  checkpoint: Checkpoint | null;
  remaining: number;
}

/** A row of the records table as the write path reads it. */
export interface StoredRow {
  data: Entity;
  deleted: boolean;
  seq: number;
  team_id: string;
  /**
   * The stamp of the edit that made each path (migration 6); empty for a record written before stamps or by a
   * server write, whose paths count as edited at `updated_at`. Absent where a reader did not select it.
   */
  field_clocks?: Record<string, Stamp>;
  /** When the server last wrote the row (epoch ms). */
  updated_at?: number;
}

/** A stored row as a pull reads it: the entity as JSON text (never parsed on the way to the socket). */
export interface StoredJsonRow {
  data: string;
  deleted: boolean;
  seq: number;
  team_id: string;
}

/** One document of a pull page. */
export interface PullItem {
  seq: number;
  /** The wire document (entity + `_deleted`) as JSON text. */
  json: string;
}

export interface PullPage {
  items: PullItem[];
  checkpoint: Checkpoint | null;
  remaining: number;
  /** Every change after the checkpoint is in `items` (there was no next page). */
  complete: boolean;
}

/** A field's value before and after a write (a line of the record's history). */
export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
  /** When the new value was edited on its device (epoch ms: the latest stamp among the field's paths). */
  editedAt?: number;
}

/**
 * Who made the edits a write's conflicts name, by stamp node (a device id → its user); a stamp whose node is
 * not a known device (the server's, a legacy fallback) is attributed to the record's last writer.
 */
export type AuthorOf = (stamp: Stamp | undefined) => string | undefined;

/** A write decided for one pushed row, made in bulk with the others of its push. */
export type PlannedWrite =
  | {
      kind: 'tombstone';
      id: string;
      before: Entity | null;
      changes: FieldChange[];
      conflicts: FieldConflict[];
      /** The record's per-path stamps after the write (stored in `records.field_clocks`). */
      clocks: Record<string, Stamp>;
    }
  | {
      kind: 'create' | 'change';
      id: string;
      entity: Entity;
      before: Entity | null;
      changes: FieldChange[];
      /** Paths both sides changed: the loser goes to history (and to `overruled` when it was the pusher's). */
      conflicts: FieldConflict[];
      clocks: Record<string, Stamp>;
      /**
       * The record as the pusher's replica holds it when a server rule placed it in another team in the same
       * write (lead assignment): that team's members get a tombstone of it, as for a move (a scope exit).
       */
      exitedFrom?: Entity;
    };
