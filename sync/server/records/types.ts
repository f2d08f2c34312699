import type { Checkpoint, FieldConflict, Rejection, WireDoc } from '@shared/sync';

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
}

export interface PushResult {
  conflicts: WireDoc[];
  rejected: Rejection[];
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
}

/** A write decided for one pushed row, made in bulk with the others of its push. */
export type PlannedWrite =
  | {
      kind: 'tombstone';
      id: string;
      before: Entity | null;
      changes: FieldChange[];
      conflicts: FieldConflict[];
    }
  | {
      kind: 'create' | 'change';
      id: string;
      entity: Entity;
      before: Entity | null;
      changes: FieldChange[];
      conflicts: FieldConflict[];
    };
