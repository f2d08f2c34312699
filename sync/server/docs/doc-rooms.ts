import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  CloseCode,
  DOC_KINDS,
  DocAccessMode,
  DocMessage,
  FlushStatus,
  MAX_DOC_MESSAGE_BYTES,
  YJS_PATH,
  docAccessFor,
  parseDocName,
  type DocAccess,
  type DocKind,
  type DocRef,
  type Principal,
  type Scope,
} from '@shared/sync';
import type { AuthService } from '../auth/auth-service';
import type { RecordStore } from '../records/record-store';
import type { CommittedMerge } from '../records/merged-records';
import type { ChangeBus, ChangeEvent } from '../fanout';
import type { Logger } from '../log';
import { ApiFailure } from '../errors';
import { DocStore } from './doc-store';
import {
  admitMessage,
  canSend,
  DEFAULT_SOCKET_LIMITS,
  TokenBucket,
  type SocketLimits,
} from '../ws/socket-limits';

/** Decides what a person may do with a document (default: follow the record, docAccessFor). */
export type DocAccessResolver = (
  principal: Principal,
  scope: Scope,
  ref: DocRef,
) => Promise<DocAccess>;

/** Access follows the record: RecordStore.get for reading (scope, workspace, tombstones), checkWrite for writing. */
export function recordDocAccess(records: RecordStore): DocAccessResolver {
  return async (principal, scope, ref) =>
    docAccessFor(
      principal,
      scope,
      ref.collection,
      await records.get(principal, scope, ref.collection, ref.recordId),
    );
}

export interface DocRoomOptions {
  /** A room with no connection is dropped from memory after this long (its updates are already stored). */
  idleCloseMs?: number;
  /**
   * Compact when the bytes appended since the last compaction reach max(this, half the compacted row), so the
   * stored size stays below 1.5× a fresh encode plus this floor…
   */
  compactMinBytes?: number;
  /** …or when this many rows were appended since. */
  compactMaxRows?: number;
  /**
   * Replaces the access policy (tests: e.g. a person who may read but not edit). It receives the default,
   * record-based resolver to build on.
   */
  access?: (
    principal: Principal,
    scope: Scope,
    ref: DocRef,
    byRecord: DocAccessResolver,
  ) => Promise<DocAccess>;
}

interface Connection {
  ws: WebSocket;
  principal: Principal;
  ref: DocRef;
  canWrite: boolean;
  room: Room;
  /** Re-checking access after the person's rights or the team tree changed: messages wait for it. */
  reauthorizing: Promise<void>;
  /** Awareness client ids this connection set (removed for everyone when it closes). */
  awarenessIds: Set<number>;
}

/** Origin of updates loaded from the database (this node's start or another node's rows): never re-stored. */
const FROM_DATABASE = Symbol('from-database');
/** Origin of a merged record's document carried into its survivor's: stored and sent like a client's edit. */
const FROM_MERGE = Symbol('from-merge');

class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<Connection>();
  /** Highest row id applied from the database. */
  lastId = 0;
  baseBytes = 0;
  pendingRows = 0;
  pendingBytes = 0;
  /** Appends and compactions of this room, in order. */
  persisting: Promise<void> = Promise.resolve();
  /** Set when an append failed: the next persistence step stores the whole state from memory instead. */
  needsFullWrite = false;
  /**
   * Updates received but not yet stored. While an append is running, new updates gather here and are stored
   * together (Y.mergeUpdates) by the next step, so a burst of keystrokes becomes a few rows, not thousands.
   */
  unsaved: Uint8Array[] = [];
  /** Loading the stored rows (connections wait for it). */
  ready: Promise<void> = Promise.resolve();
  /** Rows of other nodes, applied in order after the room loaded. */
  remote: Promise<void> = Promise.resolve();
  idleTimer: ReturnType<typeof setTimeout> | null = null;
  closed = false;

  constructor(
    readonly workspaceId: string,
    readonly name: string,
  ) {
    // The server is no participant: it has no presence of its own.
    this.awareness.setLocalState(null);
  }

  get key(): string {
    return roomKey(this.workspaceId, this.name);
  }
}

function roomKey(workspaceId: string, docName: string): string {
  return `${workspaceId}\u0000${docName}`;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Yjs rooms on the sync server's HTTP server (path `/yjs/<docName>?ticket=…`), speaking y-websocket's protocol
 * (y-protocols sync + awareness) plus two small messages of ours (access mode, flush acknowledgement).
 * See sync/server/docs/README.md for the design: authentication and per-document access, read-only
 * enforcement, persistence with compaction, fan-out between nodes and limits.
 */
export class DocRoomServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_DOC_MESSAGE_BYTES });
  private readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();
  /** Connections whose access check after a record write is queued and has not started yet. */
  private readonly recheckQueued = new Set<Connection>();
  private readonly store: DocStore;
  private readonly access: DocAccessResolver;
  private readonly unsubscribe: () => void;
  private readonly unfollowMerges: () => void;
  private readonly idleCloseMs: number;
  private readonly compactMinBytes: number;
  private readonly compactMaxRows: number;
  private closing = false;

  constructor(
    private readonly auth: AuthService,
    records: RecordStore,
    private readonly bus: ChangeBus,
    sql: ConstructorParameters<typeof DocStore>[0],
    private readonly log: Logger,
    options: DocRoomOptions = {},
    private readonly limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  ) {
    this.store = new DocStore(sql);
    const byRecord = recordDocAccess(records);
    const policy = options.access;
    this.access = policy
      ? (principal, scope, ref) => policy(principal, scope, ref, byRecord)
      : byRecord;
    this.idleCloseMs = options.idleCloseMs ?? 30_000;
    this.compactMinBytes = options.compactMinBytes ?? 4096;
    this.compactMaxRows = options.compactMaxRows ?? 500;
    this.unsubscribe = bus.subscribe((event, fromOtherNode) =>
      this.handleBusEvent(event, fromOtherNode),
    );
    this.unfollowMerges = records.onMerged((workspaceId, merges) =>
      this.followMerges(workspaceId, merges),
    );
  }

  /**
   * Issue 19, Merge: each loser's documents (its account plan) are carried into its survivor's, so the text
   * written on a loser stays visible after the merge. See README.md "Merged records".
   */
  async followMerges(workspaceId: string, merges: readonly CommittedMerge[]): Promise<void> {
    for (const merge of merges)
      for (const kind of Object.keys(DOC_KINDS) as DocKind[]) {
        if (DOC_KINDS[kind] !== merge.kind) continue;
        const from = parseDocName(`${kind}:${merge.loserId}`);
        const to = parseDocName(`${kind}:${merge.survivorId}`);
        if (from && to) await this.carryDoc(workspaceId, from.name, to.name);
      }
  }

  /**
   * Merges document `from` into document `to`: `from`'s stored rows (and what an open room of it applied but has
   * not stored yet) become one update, applied to `to`'s room — opened for the purpose when nobody has it open —
   * so it is stored, compacted, sent to `to`'s open connections and announced to other nodes exactly as a
   * client's edit. Yjs items keep their ids, so carrying the same document again changes nothing (the room's
   * `update` event does not fire, nothing is stored). Resolves once it is stored; nothing happens when `from`
   * has no content.
   */
  async carryDoc(workspaceId: string, from: string, to: string): Promise<boolean> {
    if (this.closing || from === to) return false;
    const open = this.rooms.get(roomKey(workspaceId, from));
    const updates = (await this.store.load(workspaceId, from)).map((row) => row.data);
    if (open && !open.closed) {
      await open.ready.catch(() => undefined);
      if (!open.closed) updates.push(Y.encodeStateAsUpdate(open.doc));
    }
    if (updates.length === 0) return false;
    const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    let room = this.room(workspaceId, to);
    await room.ready;
    // The room may have been dropped as idle while we waited: take the fresh one (as join does).
    while (room.closed && !this.closing) {
      room = this.room(workspaceId, to);
      await room.ready;
    }
    if (room.closed) return false;
    Y.applyUpdate(room.doc, update, FROM_MERGE);
    await room.persisting;
    // Opened only for this: it leaves memory like a room whose last connection left.
    if (room.conns.size === 0 && !room.idleTimer) {
      room.idleTimer = setTimeout(() => void this.closeRoom(room), this.idleCloseMs);
      room.idleTimer.unref?.();
    }
    return !room.needsFullWrite;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  /** Whether this upgrade request is for a Yjs room. */
  static matches(pathname: string): boolean {
    return pathname.startsWith(`${YJS_PATH}/`);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  private accept(ws: WebSocket, request: IncomingMessage): void {
    // An oversized frame (maxPayload) or a broken socket is reported here; without a listener it would crash.
    ws.on('error', (error) => this.log.warn({ err: error.message }, 'doc socket error'));
    const url = new URL(request.url ?? '/', 'http://localhost');
    let name = '';
    try {
      name = decodeURIComponent(url.pathname.slice(YJS_PATH.length + 1));
    } catch {
      name = '';
    }
    const ref = parseDocName(name);
    if (!ref) {
      // Browsers hide HTTP errors of an upgrade: accept, then close with a code the client can read.
      ws.close(CloseCode.unknownDoc, 'unknown document');
      return;
    }
    // Listen at once: the client sends sync step 1 as soon as it is open; messages wait for the join in order.
    const joined = this.join(ws, ref, url.searchParams).catch((error: unknown) => {
      this.log.error(
        { err: error instanceof Error ? error.message : String(error), doc: ref.name },
        'doc join failed',
      );
      ws.close(CloseCode.serverShutdown, 'could not open the document');
      return null;
    });
    let queue: Promise<void> = Promise.resolve();
    // Counted on arrival: a flood is refused before it queues up in memory.
    const bucket = new TokenBucket(this.limits.messagesPerSecond, this.limits.burst);
    ws.on('message', (data: RawData) => {
      if (!admitMessage(ws, bucket)) return;
      queue = queue
        .then(async () => {
          const conn = await joined;
          if (!conn) return;
          await conn.reauthorizing;
          if (ws.readyState === ws.OPEN) await this.handleMessage(conn, toBytes(data));
        })
        .catch((error: unknown) =>
          this.log.error(
            { err: error instanceof Error ? error.message : String(error) },
            'doc message failed',
          ),
        );
    });
    ws.on('close', () => {
      void joined.then((conn) => conn && this.leave(conn));
    });
  }

  private async join(
    ws: WebSocket,
    ref: DocRef,
    query: URLSearchParams,
  ): Promise<Connection | null> {
    let principal: Principal;
    try {
      principal = await this.auth.authenticateSocket(query);
    } catch (error) {
      const code = error instanceof ApiFailure ? error.code : 'invalid_token';
      const close =
        code === 'device_revoked' || code === 'user_inactive'
          ? CloseCode.deviceRevoked
          : error instanceof ApiFailure && error.status === 403
            ? CloseCode.forbidden
            : CloseCode.unauthorized;
      ws.close(close, code);
      return null;
    }
    const scope = await this.auth.scopeOf(principal);
    const access = await this.access(principal, scope, ref);
    if (access === 'none') {
      ws.close(CloseCode.forbidden, 'no access to this document');
      return null;
    }
    if (ws.readyState !== ws.OPEN || this.closing) return null;
    let room = this.room(principal.workspaceId, ref.name);
    await room.ready;
    // The room may have been dropped as idle while we waited: take the fresh one.
    while (room.closed && !this.closing) {
      room = this.room(principal.workspaceId, ref.name);
      await room.ready;
    }
    if (ws.readyState !== ws.OPEN || room.closed) return null;
    const conn: Connection = {
      ws,
      principal,
      ref,
      canWrite: access === 'write',
      room,
      awarenessIds: new Set(),
      reauthorizing: Promise.resolve(),
    };
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.idleTimer = null;
    room.conns.add(conn);
    this.connections.add(conn);

    this.sendAccessMode(conn);
    // Our state vector first, so the client answers with what we lack before it sees our step 2.
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, DocMessage.sync);
    syncProtocol.writeSyncStep1(step1, room.doc);
    this.send(conn, encoding.toUint8Array(step1));
    const states = room.awareness.getStates();
    if (states.size > 0) this.send(conn, this.awarenessMessage(room, [...states.keys()]));
    return conn;
  }

  private async handleMessage(conn: Connection, bytes: Uint8Array): Promise<void> {
    const { room } = conn;
    try {
      const decoder = decoding.createDecoder(bytes);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case DocMessage.sync: {
          const syncType = decoding.readVarUint(decoder);
          if (syncType === syncProtocol.messageYjsSyncStep1) {
            const stateVector = decoding.readVarUint8Array(decoder);
            const reply = encoding.createEncoder();
            encoding.writeVarUint(reply, DocMessage.sync);
            syncProtocol.writeSyncStep2(reply, room.doc, stateVector);
            this.send(conn, encoding.toUint8Array(reply));
          } else if (
            syncType === syncProtocol.messageYjsSyncStep2 ||
            syncType === syncProtocol.messageYjsUpdate
          ) {
            const update = decoding.readVarUint8Array(decoder);
            // Read-only: the update is dropped, never applied, stored or forwarded.
            if (!conn.canWrite) return;
            // Parse it fully before touching the room's document: a malformed update throws here.
            Y.decodeUpdate(update);
            Y.applyUpdate(room.doc, update, conn);
          } else {
            throw new Error(`unknown sync message ${syncType}`);
          }
          return;
        }
        case DocMessage.awareness: {
          awarenessProtocol.applyAwarenessUpdate(
            room.awareness,
            decoding.readVarUint8Array(decoder),
            conn,
          );
          return;
        }
        case DocMessage.queryAwareness: {
          this.send(conn, this.awarenessMessage(room, [...room.awareness.getStates().keys()]));
          return;
        }
        case DocMessage.flush: {
          const id = decoding.readVarUint(decoder);
          const stored = conn.canWrite && (await this.flush(room));
          const reply = encoding.createEncoder();
          encoding.writeVarUint(reply, DocMessage.flushed);
          encoding.writeVarUint(reply, id);
          encoding.writeVarUint(reply, stored ? FlushStatus.stored : FlushStatus.notStored);
          this.send(conn, encoding.toUint8Array(reply));
          return;
        }
        default:
          // y-protocols' auth message and anything newer: nothing to do.
          return;
      }
    } catch (error) {
      this.log.warn(
        {
          err: error instanceof Error ? error.message : String(error),
          doc: room.name,
          user: conn.principal.userId,
        },
        'malformed doc message',
      );
      conn.ws.close(CloseCode.invalidData, 'malformed message');
    }
  }

  /** Resolves true when everything applied to the room so far is stored. */
  private async flush(room: Room): Promise<boolean> {
    if (room.needsFullWrite) this.enqueue(room, () => this.writeFullState(room));
    await room.persisting;
    return !room.needsFullWrite;
  }

  private room(workspaceId: string, docName: string): Room {
    const key = roomKey(workspaceId, docName);
    const existing = this.rooms.get(key);
    if (existing) return existing;
    const room = new Room(workspaceId, docName);
    room.doc.on('update', (update: Uint8Array, origin: unknown) =>
      this.handleDocUpdate(room, update, origin),
    );
    room.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const conn = origin as Connection | undefined;
        if (conn && room.conns.has(conn)) {
          for (const id of [...added, ...updated]) conn.awarenessIds.add(id);
          for (const id of removed) conn.awarenessIds.delete(id);
        }
        const changed = [...added, ...updated, ...removed];
        if (changed.length === 0) return;
        const message = this.awarenessMessage(room, changed);
        for (const other of room.conns) this.send(other, message);
      },
    );
    room.ready = this.load(room);
    // `remote` only says when the load is over; its failure is handled (and the room forgotten) just below.
    room.remote = room.ready.catch(() => undefined);
    room.ready.catch(() => {
      // A room that failed to load is forgotten, so the next connection tries again.
      room.closed = true;
      if (this.rooms.get(key) === room) this.rooms.delete(key);
    });
    this.rooms.set(key, room);
    return room;
  }

  private async load(room: Room): Promise<void> {
    const rows = await this.store.load(room.workspaceId, room.name);
    let total = 0;
    let largest = 0;
    Y.transact(
      room.doc,
      () => {
        for (const row of rows) {
          Y.applyUpdate(room.doc, row.data, FROM_DATABASE);
          total += row.data.byteLength;
          largest = Math.max(largest, row.data.byteLength);
          room.lastId = Math.max(room.lastId, row.id);
        }
      },
      FROM_DATABASE,
    );
    // The largest row is (nearly always) the last compaction; the rest counts towards the next one.
    room.baseBytes = largest;
    room.pendingRows = Math.max(0, rows.length - 1);
    room.pendingBytes = total - largest;
    this.maybeCompact(room);
  }

  private handleDocUpdate(room: Room, update: Uint8Array, origin: unknown): void {
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, DocMessage.sync);
    syncProtocol.writeUpdate(message, update);
    const bytes = encoding.toUint8Array(message);
    for (const conn of room.conns) if (conn !== origin) this.send(conn, bytes);
    if (origin === FROM_DATABASE) return;
    room.unsaved.push(update);
    // One append step per batch: the step enqueued with the first unsaved update stores everything gathered
    // until it runs (a flush acknowledged later is still ordered after it).
    if (room.unsaved.length > 1) return;
    this.enqueue(room, async () => {
      const batch = room.unsaved;
      room.unsaved = [];
      if (batch.length === 0) return;
      if (room.needsFullWrite) {
        await this.writeFullState(room);
        return;
      }
      const merged = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
      try {
        await this.store.append(room.workspaceId, room.name, merged);
      } catch (error) {
        room.needsFullWrite = true;
        throw error;
      }
      room.pendingRows += 1;
      room.pendingBytes += merged.byteLength;
      await this.bus.publish({
        kind: 'doc-updated',
        workspaceId: room.workspaceId,
        docName: room.name,
        origin: this.bus.nodeId,
      });
      // Compact inside this step (already in the room's queue), so a flush acknowledged after it sees the result.
      await this.compactIfDue(room);
    });
  }

  /** After a failed append: store the whole in-memory state as one row (Yjs merges it idempotently). */
  private async writeFullState(room: Room): Promise<void> {
    if (!room.needsFullWrite) return;
    const state = Y.encodeStateAsUpdate(room.doc);
    await this.store.append(room.workspaceId, room.name, state);
    room.needsFullWrite = false;
    room.pendingRows += 1;
    room.pendingBytes += state.byteLength;
    await this.bus.publish({
      kind: 'doc-updated',
      workspaceId: room.workspaceId,
      docName: room.name,
      origin: this.bus.nodeId,
    });
  }

  private isCompactionDue(room: Room): boolean {
    return (
      room.pendingRows > 0 &&
      (room.pendingBytes >= Math.max(this.compactMinBytes, room.baseBytes / 2) ||
        room.pendingRows >= this.compactMaxRows)
    );
  }

  private maybeCompact(room: Room): void {
    if (this.isCompactionDue(room)) this.enqueue(room, () => this.compactIfDue(room));
  }

  /** Runs inside the room's queue. */
  private async compactIfDue(room: Room): Promise<void> {
    if (!this.isCompactionDue(room)) return;
    room.pendingRows = 0;
    room.pendingBytes = 0;
    const result = await this.store.compact(room.workspaceId, room.name);
    if (result) {
      room.baseBytes = result.bytesAfter;
      this.log.debug({ doc: room.name, ...result }, 'doc compacted');
    }
  }

  private enqueue(room: Room, step: () => Promise<void>): void {
    room.persisting = room.persisting.then(step).catch((error: unknown) => {
      this.log.error(
        { err: error instanceof Error ? error.message : String(error), doc: room.name },
        'storing a doc update failed',
      );
    });
  }

  private leave(conn: Connection): void {
    const { room } = conn;
    if (!room.conns.delete(conn)) return;
    this.connections.delete(conn);
    if (conn.awarenessIds.size > 0)
      awarenessProtocol.removeAwarenessStates(room.awareness, [...conn.awarenessIds], null);
    if (room.conns.size === 0 && !this.closing) {
      room.idleTimer = setTimeout(() => void this.closeRoom(room), this.idleCloseMs);
      room.idleTimer.unref?.();
    }
  }

  private async closeRoom(room: Room): Promise<void> {
    if (room.conns.size > 0 || room.closed) return;
    room.closed = true;
    if (this.rooms.get(room.key) === room) this.rooms.delete(room.key);
    await room.persisting;
    await room.remote;
    room.awareness.destroy();
    room.doc.destroy();
  }

  private handleBusEvent(event: ChangeEvent, fromOtherNode: boolean): void {
    if (event.kind === 'records') {
      this.followRecords(event);
      return;
    }
    if (event.kind === 'user-changed' || event.kind === 'teams-changed') {
      for (const conn of this.connections) {
        if (conn.principal.workspaceId !== event.workspaceId) continue;
        if (event.kind === 'teams-changed' || conn.principal.userId === event.userId)
          this.reauthorize(conn);
      }
      return;
    }
    if (event.kind === 'device-revoked') {
      for (const conn of this.connections) {
        if (
          conn.principal.workspaceId === event.workspaceId &&
          conn.principal.deviceId === event.deviceId
        )
          conn.ws.close(CloseCode.deviceRevoked, 'device revoked');
      }
      return;
    }
    if (event.kind !== 'doc-updated' || !fromOtherNode || event.origin === this.bus.nodeId) return;
    const room = this.rooms.get(roomKey(event.workspaceId, event.docName));
    if (!room || room.closed) return;
    // Another node stored updates of a room we hold: read its new rows and apply them (they reach our clients).
    room.remote = room.remote
      .then(async () => {
        if (room.closed) return;
        const rows = await this.store.since(room.workspaceId, room.name, room.lastId);
        if (rows.length === 0) return;
        Y.transact(
          room.doc,
          () => {
            for (const row of rows) {
              Y.applyUpdate(room.doc, row.data, FROM_DATABASE);
              room.lastId = Math.max(room.lastId, row.id);
            }
          },
          FROM_DATABASE,
        );
      })
      .catch((error: unknown) =>
        this.log.error(
          { err: error instanceof Error ? error.message : String(error), doc: room.name },
          'loading updates of another node failed',
        ),
      );
  }

  /**
   * Records behind open documents were written (moved to another team, given to another owner, deleted): access
   * follows the record at once. Only documents of the records written, when the event names them; every
   * document of the collection when it does not (another node's commit, bulk writes). A check already queued
   * for a connection will read the newest state, so it is not queued twice.
   */
  private followRecords(event: Extract<ChangeEvent, { kind: 'records' }>): void {
    const ids = event.changes ? new Set(event.changes.map((change) => change.id)) : null;
    for (const conn of this.connections) {
      if (conn.principal.workspaceId !== event.workspaceId) continue;
      if (!event.collections.includes(conn.ref.collection)) continue;
      if ((ids && !ids.has(conn.ref.recordId)) || this.recheckQueued.has(conn)) continue;
      this.recheckQueued.add(conn);
      conn.reauthorizing = conn.reauthorizing.then(() => void this.recheckQueued.delete(conn));
      this.reauthorize(conn);
    }
  }

  /**
   * Applies changed rights to an open document: a person who may no longer sign in is closed as revoked, one
   * who lost read access with 4403, and write→read tells the client and drops their updates from then on.
   */
  private reauthorize(conn: Connection): void {
    conn.reauthorizing = conn.reauthorizing
      .then(async () => {
        let principal: Principal;
        try {
          principal = await this.auth.reload(conn.principal);
        } catch (error) {
          const code = error instanceof ApiFailure ? error.code : 'invalid_token';
          conn.ws.close(CloseCode.deviceRevoked, code);
          return;
        }
        conn.principal = principal;
        const access = await this.access(principal, await this.auth.scopeOf(principal), conn.ref);
        if (access === 'none') {
          conn.ws.close(CloseCode.forbidden, 'no access to this document');
          return;
        }
        const canWrite = access === 'write';
        if (canWrite === conn.canWrite) return;
        conn.canWrite = canWrite;
        this.sendAccessMode(conn);
      })
      .catch((error: unknown) => {
        this.log.error(
          { err: error instanceof Error ? error.message : String(error), doc: conn.ref.name },
          'checking document access again failed',
        );
        conn.ws.close(CloseCode.serverShutdown, 'could not check access');
      });
  }

  /** Tells the client whether its edits are accepted (it shows the document read-only otherwise). */
  private sendAccessMode(conn: Connection): void {
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, DocMessage.access);
    encoding.writeVarUint(
      message,
      conn.canWrite ? DocAccessMode.readWrite : DocAccessMode.readOnly,
    );
    this.send(conn, encoding.toUint8Array(message));
  }

  private awarenessMessage(room: Room, clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, DocMessage.awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients),
    );
    return encoding.toUint8Array(encoder);
  }

  private send(conn: Connection, message: Uint8Array): void {
    if (!canSend(conn.ws, this.limits)) return;
    conn.ws.send(message, (error) => {
      if (error) conn.ws.terminate();
    });
  }

  /** Closes every connection and waits until every room has stored what it applied. */
  async close(): Promise<void> {
    this.closing = true;
    this.unsubscribe();
    this.unfollowMerges();
    for (const conn of this.connections)
      conn.ws.close(CloseCode.serverShutdown, 'server shutting down');
    const rooms = [...this.rooms.values()];
    await Promise.all(
      rooms.map(async (room) => {
        if (room.idleTimer) clearTimeout(room.idleTimer);
        // A room that failed to load has nothing to persist; its failure was handled when it happened.
        await room.ready.catch(() => undefined);
        await room.persisting;
        await room.remote;
        room.closed = true;
        room.awareness.destroy();
        room.doc.destroy();
      }),
    );
    this.rooms.clear();
    this.wss.close();
  }

  /** For tests and operations: stored rows and bytes of a document. */
  stats(workspaceId: string, docName: string): Promise<{ rows: number; bytes: number }> {
    return this.store.stats(workspaceId, docName);
  }
}
