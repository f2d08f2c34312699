import { BehaviorSubject } from 'rxjs';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { Awareness } from 'y-protocols/awareness';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import {
  CloseCode,
  DocAccessMode,
  DocMessage,
  FlushStatus,
  YJS_PATH,
  parseDocName,
} from '@shared/sync';
import type { KeyValueStore } from '../key-value-store';
import { NameSet, dirtyListKey, knownListKey } from './doc-lists';
import { SocketTicketRefused, socketTicketSource, type TicketRequester } from '../socket-ticket';

/** Where a document stands with the server, per open document (shown next to the editor). */
export type DocConnection =
  /** A local workspace: the document lives on this device only. */
  | 'local'
  | 'offline'
  | 'connecting'
  | 'online'
  /** The server refused: no access to the record (retried now and then: the record may not have arrived yet). */
  | 'denied'
  /** Signed out, revoked device or an invalid document: no more attempts until something changes. */
  | 'error';

export interface DocSyncState {
  /** The device's copy (IndexedDB) is loaded into the document. */
  loaded: boolean;
  connection: DocConnection;
  /** Edits made on this device that the server has not confirmed storing yet. */
  unsynced: boolean;
  /** The server said this person may read but not edit (their edits would be dropped). */
  readOnly: boolean;
  /** The document has completed a sync with the server in this session. */
  serverSynced: boolean;
}

/** Local persistence of one document (y-indexeddb in the app; anything with the same surface in tests). */
export interface DocPersistence {
  whenSynced: Promise<unknown>;
  destroy(): Promise<void> | void;
}
export type DocPersistenceFactory = (storageName: string, doc: Y.Doc) => DocPersistence;

export interface PresenceUser {
  name: string;
  /** #rrggbb */
  color: string;
  userId?: string;
}

export interface DocManagerOptions {
  mode: 'local' | 'team';
  /**
   * Separates this workspace's (and user's) local copies and lists from every other: part of IndexedDB names
   * and storage keys. E.g. `team:<workspaceId>:<userId>`.
   */
  namespace: string;
  /** Where the dirty list and the list of known documents are kept (localStorage in the app). */
  store: KeyValueStore;
  user: PresenceUser;
  /**
   * Team workspaces: the sync server (http(s)://host:port) and its access tokens, with which each document
   * socket asks for a single-use ticket (the token itself never goes into a socket URL).
   */
  serverUrl?: string;
  getAccessToken?: () => Promise<string>;
  /** Called when the server refused the access token (401 on a ticket request) before asking again. */
  refreshAccessToken?: () => Promise<void>;
  /** Asks the server for a socket ticket (default: POST /api/socket-tickets; tests may fake it). */
  requestTicket?: TicketRequester;
  /** Node has no global WebSocket: pass `ws` there. */
  WebSocketPolyfill?: unknown;
  /** Default: y-indexeddb. null: memory only. */
  persistence?: DocPersistenceFactory | null;
  /** Background flush of documents edited while not synced: how many at once, and how long each may take. */
  flushConcurrency?: number;
  flushTimeoutMs?: number;
  /** How long to wait after the server refused access (4403) before asking again while the document is open. */
  deniedRetryMs?: number;
  /** Keep a released document open this long in case it is opened again (default 0: close at once). */
  releaseGraceMs?: number;
  /** Called (debounced) whenever a document's content changed, e.g. to index its text for search. */
  onDocChanged?: (name: string, doc: Y.Doc) => void;
  onDocChangedDelayMs?: number;
  /** Start connected (team workspaces); false when the OS says there is no network. */
  online?: boolean;
}

export interface FlushReport {
  stored: string[];
  failed: string[];
}

/**
 * One open document: the Y.Doc, its awareness (presence) and, in team workspaces, the y-websocket provider.
 * Shared by everyone in the window who opened the same name; created and destroyed by the DocManager only.
 */
export class DocHandle {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly provider: WebsocketProvider | null;
  readonly state$: BehaviorSubject<DocSyncState>;
  /** Resolves when the device's copy is loaded (or there is none). */
  readonly loaded: Promise<void>;
  refs = 0;
  visibleRefs = 0;
  releaseTimer: ReturnType<typeof setTimeout> | null = null;
  private persistence: DocPersistence | null = null;
  private localVersion = 0;
  private flushSeq = 0;
  private readonly flushes = new Map<number, number>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private changedTimer: ReturnType<typeof setTimeout> | null = null;
  private deniedTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private unauthorizedInRow = 0;
  /** Connections in a row that closed before syncing: the backoff of retryLater. */
  private failedAttempts = 0;
  private destroyed = false;

  constructor(
    readonly name: string,
    private readonly manager: DocManager,
    private readonly options: DocManagerOptions,
    dirty: boolean,
  ) {
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    const team = options.mode === 'team' && Boolean(options.serverUrl);
    this.state$ = new BehaviorSubject<DocSyncState>({
      loaded: false,
      connection: team ? 'offline' : 'local',
      unsynced: team && dirty,
      readOnly: false,
      serverSynced: false,
    });

    const factory = options.persistence === undefined ? defaultPersistence : options.persistence;
    if (factory) {
      const persistence = factory(manager.storageName(name), this.doc);
      this.persistence = persistence;
      this.loaded = persistence.whenSynced.then(
        () => this.patch({ loaded: true }),
        () => this.patch({ loaded: true }),
      );
    } else {
      this.loaded = Promise.resolve().then(() => this.patch({ loaded: true }));
    }

    this.provider = team ? this.createProvider() : null;
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => this.handleUpdate(origin));
  }

  get state(): DocSyncState {
    return this.state$.value;
  }

  private createProvider(): WebsocketProvider {
    const base = new URL(YJS_PATH, this.options.serverUrl);
    base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    const provider = new WebsocketProvider(base.toString(), this.name, this.doc, {
      connect: false,
      awareness: this.awareness,
      params: {},
      // Another tab of the same browser may belong to another person: documents travel through the server only.
      disableBc: true,
      maxBackoffTime: 5000,
      // Every server close comes to handleClose: a reconnect needs a fresh ticket, which y-websocket's own
      // retry (the same URL again) would not have.
      shouldReconnect: () => false,
      ...(this.options.WebSocketPolyfill
        ? { WebSocketPolyfill: this.options.WebSocketPolyfill as typeof WebSocket }
        : {}),
    });
    provider.messageHandlers[DocMessage.access] = (_encoder, decoder) => {
      const readOnly = decoding.readVarUint(decoder) === DocAccessMode.readOnly;
      this.patch({ readOnly });
      if (readOnly) this.manager.markClean(this.name);
    };
    provider.messageHandlers[DocMessage.flushed] = (_encoder, decoder) => {
      const id = decoding.readVarUint(decoder);
      const status = decoding.readVarUint(decoder);
      this.handleFlushed(id, status);
    };
    provider.on('status', ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'connected') {
        this.unauthorizedInRow = 0;
        this.patch({ connection: 'online' });
      } else if (status === 'connecting') this.patch({ connection: 'connecting' });
      else this.patch({ connection: this.manager.online ? 'connecting' : 'offline' });
    });
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      this.failedAttempts = 0;
      this.patch({ serverSynced: true });
      // Our own step 2 (what the server lacked) went out before the server's step 2 arrived: ask for the ack.
      this.requestFlush();
    });
    provider.on('connection-close', (event: CloseEvent | null) => {
      this.flushes.clear();
      // y-websocket closed it itself (no message for a while) and will retry with the spent ticket: take the
      // retry over (after it has let go of the socket) and connect with a fresh ticket.
      if (event === null && provider.shouldConnect)
        queueMicrotask(() => {
          provider.disconnect();
          void this.connect();
        });
    });
    provider.on('closed', ({ code }: { code: number }) => void this.handleClose(code));
    return provider;
  }

  /** Connects (team workspaces), with a current token. */
  async connect(): Promise<void> {
    const provider = this.provider;
    if (!provider || this.destroyed) return;
    if (this.deniedTimer) clearTimeout(this.deniedTimer);
    this.deniedTimer = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    let ticket: string;
    try {
      ticket = await this.manager.socketTicket();
    } catch (error) {
      // Signed out, revoked or deactivated: no more attempts. Anything else (no network): later.
      if (error instanceof SocketTicketRefused) this.patch({ connection: 'error' });
      else this.retryLater();
      return;
    }
    if (this.destroyed || !this.manager.online) return;
    // `params` is y-websocket's documented way to change the URL of the next connection.
    provider.params = { ticket };
    provider.connect();
  }

  /** Connects again after a backoff (y-websocket's own: 100 ms doubling up to 5 s), with a fresh ticket. */
  private retryLater(): void {
    if (this.destroyed || this.retryTimer) return;
    const delay = Math.min(5000, 100 * 2 ** this.failedAttempts++);
    if (!this.manager.online) return;
    this.patch({ connection: 'connecting' });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  disconnect(): void {
    if (this.deniedTimer) clearTimeout(this.deniedTimer);
    this.deniedTimer = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.provider?.disconnect();
    if (this.provider) this.patch({ connection: 'offline' });
  }

  /**
   * The server closed the socket (shouldReconnect is off, so every close comes here): 4401 asks for a new
   * ticket (a few times in a row at most), 4403 waits and asks again, other 44xx codes (revoked, unknown
   * document) are final, anything else (network, restart, 45xx "try again later") reconnects with backoff.
   */
  private async handleClose(code: number): Promise<void> {
    if (this.destroyed) return;
    if (code === CloseCode.unauthorized) {
      if (this.unauthorizedInRow++ < 2) await this.connect();
      else this.patch({ connection: 'error' });
      return;
    }
    if (code === CloseCode.forbidden) {
      this.patch({ connection: 'denied' });
      this.deniedTimer = setTimeout(
        () => void this.connect(),
        this.options.deniedRetryMs ?? 30_000,
      );
      return;
    }
    if (code >= 4400 && code < 4500) this.patch({ connection: 'error' });
    else this.retryLater();
  }

  private handleUpdate(origin: unknown): void {
    this.scheduleChanged();
    if (!this.provider) return;
    // Remote (provider) and device-copy (persistence) updates are not edits of this person.
    if (origin === this.provider || (this.persistence !== null && origin === this.persistence))
      return;
    this.localVersion += 1;
    if (this.state.readOnly) return;
    this.manager.markDirty(this.name);
    if (!this.state.unsynced) this.patch({ unsynced: true });
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.requestFlush();
    }, 300);
  }

  /** Asks the server to confirm it stored everything this connection sent so far. */
  requestFlush(): void {
    const provider = this.provider;
    const ws = provider?.ws;
    if (!provider || !ws || !provider.wsconnected || !provider.synced || ws.readyState !== ws.OPEN)
      return;
    const id = ++this.flushSeq;
    this.flushes.set(id, this.localVersion);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, DocMessage.flush);
    encoding.writeVarUint(encoder, id);
    ws.send(encoding.toUint8Array(encoder));
  }

  private handleFlushed(id: number, status: number): void {
    const version = this.flushes.get(id);
    this.flushes.delete(id);
    if (version === undefined) return;
    if (status !== FlushStatus.stored) {
      // Read-only: the server keeps nothing of ours, so there is nothing to wait for.
      if (this.state.readOnly) {
        this.manager.markClean(this.name);
        this.patch({ unsynced: false });
      }
      return;
    }
    if (version === this.localVersion) {
      this.manager.markClean(this.name);
      if (this.state.unsynced) this.patch({ unsynced: false });
    } else {
      this.requestFlush();
    }
  }

  private scheduleChanged(): void {
    if (!this.options.onDocChanged || this.changedTimer) return;
    this.changedTimer = setTimeout(
      () => this.emitChanged(),
      this.options.onDocChangedDelayMs ?? 1000,
    );
  }

  private emitChanged(): void {
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.changedTimer = null;
    try {
      this.options.onDocChanged?.(this.name, this.doc);
    } catch {
      // Indexing is best effort: a failure must not break editing.
    }
  }

  /** Shows (or hides) this person's presence: hidden while only the background flush holds the document. */
  setPresence(user: PresenceUser | null): void {
    if (user)
      this.awareness.setLocalState({
        ...(this.awareness.getLocalState() ?? {}),
        user: { name: user.name, color: user.color, userId: user.userId },
      });
    else this.awareness.setLocalState(null);
  }

  /** Resolves true once the server completed a first sync, false after `timeoutMs` or when it cannot happen. */
  whenServerSynced(timeoutMs: number): Promise<boolean> {
    return this.waitFor(
      (s) =>
        s.serverSynced
          ? true
          : s.connection === 'local' || s.connection === 'error' || s.connection === 'denied'
            ? false
            : null,
      timeoutMs,
    );
  }

  /** Resolves true when the server confirmed it stored every edit of this device, false on timeout or refusal. */
  whenSaved(timeoutMs: number): Promise<boolean> {
    return this.waitFor(
      (s) =>
        s.serverSynced && !s.unsynced
          ? true
          : s.connection === 'error' || s.connection === 'denied' || s.connection === 'local'
            ? false
            : null,
      timeoutMs,
    );
  }

  private waitFor(
    check: (state: DocSyncState) => boolean | null,
    timeoutMs: number,
  ): Promise<boolean> {
    return new Promise((resolve) => {
      let done = false;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const finish = (result: boolean) => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        queueMicrotask(() => subscription.unsubscribe());
        resolve(result);
      };
      const subscription = this.state$.subscribe({
        next: (state) => {
          const result = check(state);
          if (result !== null) finish(result);
        },
        // The document was closed while someone waited.
        complete: () => finish(false),
      });
      if (!done) timer = setTimeout(() => finish(false), timeoutMs);
    });
  }

  private patch(patch: Partial<DocSyncState>): void {
    if (this.destroyed) return;
    const next = { ...this.state$.value, ...patch };
    const current = this.state$.value;
    if ((Object.keys(next) as (keyof DocSyncState)[]).every((k) => next[k] === current[k])) return;
    this.state$.next(next);
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    if (this.changedTimer) this.emitChanged();
    this.destroyed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.deniedTimer) clearTimeout(this.deniedTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.awareness.setLocalState(null);
    this.provider?.destroy();
    this.awareness.destroy();
    await this.persistence?.destroy();
    this.doc.destroy();
    this.state$.complete();
  }
}

const defaultPersistence: DocPersistenceFactory = (storageName, doc) =>
  new IndexeddbPersistence(storageName, doc);

/** What `DocManager.open` hands out: the shared handle, and a release function to call exactly once. */
export interface DocLease {
  handle: DocHandle;
  release(): void;
}

/**
 * The collaborative-document engine (no React; README.md in this folder): one Y.Doc per document
 * name per window, kept on the device with y-indexeddb and, in team workspaces, synced live through a
 * y-websocket provider to the sync server's Yjs rooms. Documents edited while not synced are kept on a dirty
 * list and flushed in the background (open headless, load the device copy, sync, wait for the server's
 * acknowledgement, close), a few at a time. See sync/client/docs/README.md.
 */
export class DocManager {
  private readonly handles = new Map<string, DocHandle>();
  private readonly closing = new Map<string, Promise<void>>();
  private readonly dirty: NameSet;
  private readonly known: NameSet;
  private isOnline: boolean;
  private flushing: Promise<FlushReport> | null = null;
  /** Count of documents edited here and not yet confirmed by the server (changes with the dirty list). */
  readonly unsyncedCount$: BehaviorSubject<number>;
  private destroyed = false;
  /** A single-use ticket for one document socket. */
  readonly socketTicket: () => Promise<string>;

  constructor(private readonly options: DocManagerOptions) {
    const { serverUrl, getAccessToken } = options;
    this.socketTicket =
      serverUrl && getAccessToken
        ? socketTicketSource({
            serverUrl,
            getAccessToken,
            refreshAccessToken: options.refreshAccessToken ?? (() => Promise.resolve()),
            requestTicket: options.requestTicket,
          })
        : () => Promise.reject(new SocketTicketRefused('signed_out', 'No server to sign in to'));
    this.dirty = new NameSet(options.store, dirtyListKey(options.namespace));
    this.known = new NameSet(options.store, knownListKey(options.namespace));
    this.isOnline = options.online ?? true;
    this.unsyncedCount$ = new BehaviorSubject(this.dirty.list().length);
  }

  get mode(): 'local' | 'team' {
    return this.options.mode;
  }

  get online(): boolean {
    return this.isOnline;
  }

  get user(): PresenceUser {
    return this.options.user;
  }

  /** IndexedDB database name of a document's device copy. */
  storageName(name: string): string {
    return `crm-doc:${this.options.namespace}:${name}`;
  }

  /**
   * Opens a document (or shares the one already open). `headless` opens it without presence, for the
   * background flush. Throws on a name that is not a document name.
   */
  open(name: string, options: { headless?: boolean } = {}): DocLease {
    if (this.destroyed) throw new Error('the document manager is closed');
    if (!parseDocName(name)) throw new Error(`not a document name: ${name}`);
    let handle = this.handles.get(name);
    if (!handle) {
      handle = new DocHandle(name, this, this.options, this.dirty.has(name));
      this.handles.set(name, handle);
      this.known.add(name);
      if (this.options.mode === 'team') {
        const created = handle;
        // Connect once the device copy is loaded, so the first sync carries offline edits too.
        void created.loaded.then(() => created.connect());
      }
    }
    const target = handle;
    if (target.releaseTimer) clearTimeout(target.releaseTimer);
    target.releaseTimer = null;
    target.refs += 1;
    if (!options.headless) {
      target.visibleRefs += 1;
      if (target.visibleRefs === 1) target.setPresence(this.options.user);
    }
    let released = false;
    return {
      handle: target,
      release: () => {
        if (released) return;
        released = true;
        this.releaseHandle(target, Boolean(options.headless));
      },
    };
  }

  private releaseHandle(handle: DocHandle, headless: boolean): void {
    handle.refs -= 1;
    if (!headless) {
      handle.visibleRefs -= 1;
      if (handle.visibleRefs === 0) handle.setPresence(null);
    }
    if (handle.refs > 0) return;
    const grace = this.options.releaseGraceMs ?? 0;
    if (grace > 0 && !headless) {
      // Switching tabs (or React's StrictMode remount) reopens at once: keep the document for a moment.
      handle.releaseTimer = setTimeout(() => this.closeHandle(handle, true), grace);
      return;
    }
    this.closeHandle(handle, !headless);
  }

  /** `visible`: a person closed it (not the background flush, whose failures must not retry themselves). */
  private closeHandle(handle: DocHandle, visible: boolean): void {
    handle.releaseTimer = null;
    if (handle.refs > 0) return;
    if (this.handles.get(handle.name) === handle) this.handles.delete(handle.name);
    const closing = handle.destroy().finally(() => {
      if (this.closing.get(handle.name) === closing) this.closing.delete(handle.name);
      // Closed before the server acknowledged its edits (e.g. left the page while it reconnected, when the flush
      // on reconnect skipped it as open): send it now, not at the next periodic flush.
      if (visible && this.dirty.has(handle.name)) this.flushAfterCurrent();
    });
    this.closing.set(handle.name, closing);
  }

  /** Runs flushDirty after the one in progress (whose list was taken before) or at once. */
  private flushAfterCurrent(): void {
    if (this.destroyed || !this.isOnline || this.options.mode !== 'team') return;
    void (this.flushing ?? Promise.resolve())
      .then(() => this.flushDirty())
      // A failed flush leaves the document on the list for the next attempt.
      .catch(() => undefined);
  }

  /** The open handle of a document, if any (no reference taken). */
  peek(name: string): DocHandle | undefined {
    return this.handles.get(name);
  }

  /** Documents edited on this device that the server has not confirmed. */
  dirtyDocs(): string[] {
    return this.dirty.list();
  }

  markDirty(name: string): void {
    this.dirty.add(name);
    this.unsyncedCount$.next(this.dirty.list().length);
  }

  markClean(name: string): void {
    this.dirty.delete(name);
    this.unsyncedCount$.next(this.dirty.list().length);
  }

  /** The OS network state: offline disconnects every document (edits continue locally), online reconnects and flushes. */
  setOnline(online: boolean): void {
    if (this.isOnline === online) return;
    this.isOnline = online;
    if (this.options.mode !== 'team') return;
    for (const handle of this.handles.values()) {
      if (online) void handle.connect();
      else handle.disconnect();
    }
    if (online) void this.flushDirty();
  }

  /**
   * Sends every document on the dirty list that is not open to the server: each is opened headless (device copy
   * + provider), synced, acknowledged and closed, `flushConcurrency` at a time. Open documents sync themselves.
   */
  flushDirty(): Promise<FlushReport> {
    if (this.options.mode !== 'team') return Promise.resolve({ stored: [], failed: [] });
    this.flushing ??= this.runFlush().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async runFlush(): Promise<FlushReport> {
    const report: FlushReport = { stored: [], failed: [] };
    const queue = this.dirty.list().filter((name) => !this.handles.has(name));
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        if (!this.isOnline || this.destroyed) {
          report.failed.push(name);
          continue;
        }
        // A document closed a moment ago may still be writing its device copy.
        await this.closing.get(name);
        const lease = this.open(name, { headless: true });
        try {
          await lease.handle.loaded;
          const saved = await lease.handle.whenSaved(this.options.flushTimeoutMs ?? 20_000);
          (saved ? report.stored : report.failed).push(name);
        } finally {
          lease.release();
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, this.options.flushConcurrency ?? 2) }, worker),
    );
    return report;
  }

  /** Closes every document; `wipe` also deletes every device copy and the lists (sign-out, revoked device). */
  async destroy(options: { wipe?: boolean } = {}): Promise<void> {
    this.destroyed = true;
    const handles = [...this.handles.values()];
    for (const handle of handles) if (handle.releaseTimer) clearTimeout(handle.releaseTimer);
    this.handles.clear();
    await Promise.all(handles.map((h) => h.destroy()));
    await Promise.all([...this.closing.values()]);
    if (options.wipe) {
      if (this.options.persistence === undefined)
        await Promise.all(this.known.list().map((name) => clearDocument(this.storageName(name))));
      this.known.clear();
      this.dirty.clear();
    }
    this.unsyncedCount$.complete();
  }
}
