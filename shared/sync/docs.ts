import type { CollectionName } from '../domain';
import { canRead, checkWrite, type Principal, type Scope } from './scope';

/**
 * Collaborative documents (account plans, deal and meeting notes): one Yjs document per record, named after
 * it (sync/server/docs/README.md). The same names are used by the app (IndexedDB, y-websocket
 * room) and by the server (rooms, persistence, access), and both sides validate them with these functions.
 */

/** WebSocket path prefix of the Yjs rooms on the sync server: `/yjs/<docName>?ticket=…` (a socket ticket). */
export const YJS_PATH = '/yjs';

/** Largest Yjs message a room accepts (a pasted document is far below; anything larger is refused with 1009). */
export const MAX_DOC_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Document kinds and the record collection each one belongs to: access to the doc follows the record. */
export const DOC_KINDS = {
  'account-plan': 'accounts',
  'deal-notes': 'deals',
  'activity-notes': 'activities',
} as const satisfies Record<string, CollectionName>;
export type DocKind = keyof typeof DOC_KINDS;

/** `<kind>:<recordId>`; record ids are 1–64 characters of a conservative alphabet (UUIDs, sample-data ids). */
export const DOC_NAME_PATTERN =
  /^(account-plan|deal-notes|activity-notes):([A-Za-z0-9_.~-]{1,64})$/;

export interface DocRef {
  name: string;
  kind: DocKind;
  collection: (typeof DOC_KINDS)[DocKind];
  recordId: string;
}

/** Parses a document name; null when it is not one we serve (the server closes with CloseCode.unknownDoc). */
export function parseDocName(name: string): DocRef | null {
  const match = DOC_NAME_PATTERN.exec(name);
  if (!match) return null;
  const kind = match[1] as DocKind;
  return { name, kind, collection: DOC_KINDS[kind], recordId: match[2] };
}

/** The document name of a record's plan or notes; throws on an id that cannot be part of a name. */
export function docNameFor(kind: DocKind, recordId: string): string {
  const name = `${kind}:${recordId}`;
  if (!parseDocName(name)) throw new Error(`invalid record id for a document: ${recordId}`);
  return name;
}

/**
 * Messages of the Yjs rooms. Types 0–3 are y-websocket's (sync, awareness, auth, query-awareness); ours
 * extend them without clashing, so a stock y-websocket client works and ignores what it does not know.
 */
export const DocMessage = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** server → client, right after the connection is accepted: varuint DocAccessMode. */
  access: 8,
  /** client → server: varuint request id. "Tell me when everything I sent before this is stored." */
  flush: 9,
  /** server → client: varuint request id, varuint FlushStatus. */
  flushed: 10,
} as const;

export const DocAccessMode = { readOnly: 0, readWrite: 1 } as const;
export const FlushStatus = { notStored: 0, stored: 1 } as const;

export type DocAccess = 'write' | 'read' | 'none';

/**
 * Access to a record's document follows the record (issue: "who may read the account may open its plan; who
 * may edit the account may edit the plan"). `record` is the stored record, or null when the caller cannot see
 * it (missing, deleted or out of scope).
 */
export function docAccessFor(
  principal: Principal,
  scope: Scope,
  collection: CollectionName,
  record: { teamId: string; ownerId: string; workspaceId: string; id: string } | null,
): DocAccess {
  if (!record || !canRead(scope, collection, record)) return 'none';
  return checkWrite(principal, scope, collection, record, record).ok ? 'write' : 'read';
}
