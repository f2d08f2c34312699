import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { COLLECTION_NAMES, RESTRICTABLE_COLLECTIONS, type CollectionName } from '@shared/domain';
import {
  clientMessageSchema,
  CloseCode,
  isRestrictable,
  MAX_MESSAGE_BYTES,
  WORKSPACE_WIDE_COLLECTIONS,
  type Principal,
  type Scope,
  type ServerMessage,
} from '@shared/sync';
import type { AuthService } from '../auth/auth-service';
import { pullResultMessageJson, type RecordStore } from '../records/record-store';
import type { ChangeBus, ChangeEvent } from '../fanout';
import { sameScope, scopeKeyOf, wireScopeOf } from '../records/rescope';
import { planDelivery, viewOfChanges } from './direct-changes';
import { maskingFor, type Masking } from '../records/masking';
import type { Logger } from '../log';
import { ApiFailure } from '../errors';
import {
  admitMessage,
  canSend,
  DEFAULT_SOCKET_LIMITS,
  TokenBucket,
  type SocketLimits,
} from './socket-limits';

/** One authenticated connection. */
interface Connection {
  ws: WebSocket;
  principal: Principal;
  id: string;
  /** Computed once per connection and again after a team-tree change; answers requests and aims changes. */
  scope: Scope | null;
  /**
   * Per collection, the sequence up to which this connection is known to hold every change in its scope: set
   * by a pull that returned everything, advanced by each commit it was sent (or that did not concern it).
   * Absent: not known (it was poked, or never pulled); it gets `changed` pokes until its next complete pull.
   */
  known: Map<CollectionName, number>;
  /** Collections with a pull out, and the commits announced meanwhile (delivered when it is answered). */
  pulling: Map<CollectionName, RecordsEvent[]>;
  /** Re-reading the rights after an admin changed them: messages received meanwhile wait for it. */
  reauthorizing: Promise<void>;
}

type RecordsEvent = Extract<ChangeEvent, { kind: 'records' }>;

/**
 * The replication socket: one per client, authenticated by a single-use ticket in the URL (browsers cannot
 * set headers on WebSocket; the access token itself stays out of URLs), carrying pull/push for every collection, and the changes of other people's
 * commits: sent as documents (`changes`) to connections known to be complete up to the commit before, else
 * as a `changed` poke (see README.md). Every message is parsed with the shared schema; a bad one gets an
 * `error` reply and the connection (and server) stay up.
 */
export class SyncSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly clients = new Set<Connection>();
  /** The last sequence announced per workspace|collection: a pull that starts after it returns everything up to it. */
  private readonly heads = new Map<string, number>();
  /** Serialized messages per commit (collected with the event once every connection has been told). */
  private readonly messages = new WeakMap<RecordsEvent, Map<string, string>>();
  private nextConnectionId = 1;
  private readonly nodeTag: string;
  private readonly unsubscribe: () => void;
  private readonly unsubscribePolicies: () => void;

  constructor(
    private readonly auth: AuthService,
    private readonly records: RecordStore,
    bus: ChangeBus,
    private readonly log: Logger,
    private readonly limits: SocketLimits = DEFAULT_SOCKET_LIMITS,
  ) {
    // Connection ids travel with changes to other nodes (NOTIFY): prefix them with this node's id.
    this.nodeTag = bus.nodeId;
    this.unsubscribePolicies = records.fieldPolicies.onChange((workspaceId) =>
      this.policyChanged(workspaceId),
    );
    this.unsubscribe = bus.subscribe((event) => {
      if (event.kind === 'records') {
        this.deliver(event);
        return;
      }
      for (const client of this.clients) {
        if (client.principal.workspaceId !== event.workspaceId) continue;
        if (event.kind === 'teams-changed') this.rescope(client);
        else if (event.kind === 'user-changed' && client.principal.userId === event.userId) {
          this.reauthorize(client);
        } else if (
          event.kind === 'device-revoked' &&
          client.principal.deviceId === event.deviceId
        ) {
          this.send(client.ws, { type: 'wipe' });
          client.ws.close(CloseCode.deviceRevoked, 'device revoked');
        }
      }
    });
  }

  /**
   * Tells every connection of the workspace about a commit: the documents themselves to those known complete up
   * to the commit before (serialized once per distinct view), a `changed` poke to the others it may concern
   * (never to the connection that made it: its push reply carries any merge).
   */
  private deliver(event: RecordsEvent): void {
    for (const collection of event.collections) {
      const headKey = `${event.workspaceId}|${collection}`;
      this.heads.set(headKey, Math.max(this.heads.get(headKey) ?? 0, event.seq));
    }
    for (const client of this.clients) {
      if (client.principal.workspaceId === event.workspaceId)
        this.deliverTo(client, event, { poked: false });
    }
  }

  /**
   * One commit to one connection. While that connection has a pull out for the collection the commit waits
   * (the pull may or may not contain it): once the pull says what the connection holds, it is sent directly
   * instead of poking for yet another pull. `state.poked`: one poke is enough for a run of commits.
   */
  private deliverTo(client: Connection, event: RecordsEvent, state: { poked: boolean }): void {
    for (const collection of event.collections) {
      const waiting = client.pulling.get(collection);
      if (waiting) {
        waiting.push(event);
        continue;
      }
      // A scope not computed yet (the team tree changed) vouches for nothing: poke.
      const known = client.scope === null ? undefined : client.known.get(collection);
      // Already held (a pull answered after the commit).
      if (known !== undefined && known >= event.seq) continue;
      // Field restrictions: documents go out masked for this person; a policy not in memory vouches for nothing.
      const masking = this.maskingOf(client, collection);
      const delivery = planDelivery({
        known,
        prevSeq: event.prevSeq,
        direct:
          event.changes !== undefined && event.collections.length === 1 && masking !== undefined,
        concerned: mayConcern(client.scope, event.teams),
        origin: client.id === event.origin,
      });
      if (delivery === 'advance') client.known.set(collection, event.seq);
      else if (delivery === 'forget') client.known.delete(collection);
      else if (delivery === 'poke') {
        client.known.delete(collection);
        if (!state.poked && canSend(client.ws, this.limits)) {
          client.ws.send(
            this.serialized(event, '!poke', () =>
              JSON.stringify({
                type: 'changed',
                collections: event.collections,
                seq: event.seq,
              } satisfies ServerMessage),
            ),
          );
          state.poked = true;
        }
      } else if (delivery === 'direct') {
        const scope = client.scope ?? new Set<string>();
        const view = viewOfChanges(scope, collection, event.changes ?? [], masking);
        if (view.documents.length > 0 && canSend(client.ws, this.limits)) {
          // The checkpoint names the scope, as a pull's does (a later change of rights starts a back-fill from it).
          const wide = WORKSPACE_WIDE_COLLECTIONS.has(collection);
          client.ws.send(
            this.serialized(event, wide ? view.key : `${view.key}|${scopeKeyOf(scope)}`, () =>
              JSON.stringify({
                type: 'changes',
                collection,
                documents: view.documents,
                checkpoint: {
                  seq: event.seq,
                  ...(!wide && { scope: wireScopeOf(scope) }),
                  ...(masking?.version && { masking: masking.version }),
                },
                fromSeq: event.prevSeq ?? 0,
              } satisfies ServerMessage),
            ),
          );
        }
        client.known.set(collection, event.seq);
      }
    }
  }

  /** How this connection's documents of `collection` are masked; undefined while the policy is not in memory. */
  private maskingOf(client: Connection, collection: CollectionName): Masking | undefined {
    if (!isRestrictable(collection)) return maskingFor(client.principal, { rules: [] }, collection);
    const policy = this.records.fieldPolicies.peek(client.principal.workspaceId);
    return policy && maskingFor(client.principal, policy, collection);
  }

  /**
   * The workspace's field policy changed: every connection pulls the collections it can restrict. A replica
   * masked by the old policy pulls them again from the start (its checkpoint names the old masking,
   * RecordStore.pullJson), getting values it may now see and losing those it may not.
   */
  private policyChanged(workspaceId: string): void {
    for (const client of this.clients) {
      if (client.principal.workspaceId !== workspaceId) continue;
      for (const collection of RESTRICTABLE_COLLECTIONS) client.known.delete(collection);
      this.send(client.ws, {
        type: 'changed',
        collections: [...RESTRICTABLE_COLLECTIONS],
        seq: 0,
      });
    }
  }

  /**
   * An admin changed this person's role, teams or active flag: re-read them (messages wait), so the next push
   * and pull are checked against the new rights, and poke every collection so the client pulls. A person who
   * may no longer sign in (deactivated, device revoked) is told to wipe and closed as revoked.
   */
  private reauthorize(client: Connection): void {
    client.reauthorizing = client.reauthorizing
      .then(async () => {
        try {
          client.principal = await this.auth.reload(client.principal);
        } catch (error) {
          const code = error instanceof ApiFailure ? error.code : 'invalid_token';
          this.log.info(
            { user: client.principal.userId, code },
            'sync socket closed: rights withdrawn',
          );
          this.send(client.ws, { type: 'wipe' });
          client.ws.close(CloseCode.deviceRevoked, code);
          return;
        }
        // Computed again on the next message; until then changes are poked, not sent (deliverTo).
        client.scope = null;
        client.known.clear();
        this.send(client.ws, {
          type: 'changed',
          collections: [...COLLECTION_NAMES],
          seq: await this.records.currentSeq(),
        });
      })
      .catch((error: unknown) => {
        // Rights that cannot be read are none: the client reconnects and is authenticated afresh.
        this.log.error(
          { err: error instanceof Error ? error.message : String(error) },
          'reading rights again failed',
        );
        client.ws.close(CloseCode.serverShutdown, 'could not check rights');
      });
  }

  /**
   * The team tree changed: scopes are computed again (a manager's subtree may have grown or shrunk), and a
   * connection whose scope did change is poked, so its replica pulls and is back-filled to the new scope.
   */
  private rescope(client: Connection): void {
    const before = client.scope;
    client.scope = null;
    client.known.clear();
    // Only a manager's scope follows the tree (scopeFor: reps see their own teams, admins all): others are
    // computed again lazily, without a query each when a team is added in a workspace of a thousand sockets.
    if (client.principal.role !== 'manager') return;
    client.reauthorizing = client.reauthorizing
      .then(async () => {
        const { principal } = client;
        const after = await this.auth.scopeOf(principal);
        if (client.principal === principal) client.scope ??= after;
        if (before !== null && sameScope(before, after)) return;
        this.send(client.ws, {
          type: 'changed',
          collections: COLLECTION_NAMES.filter((name) => !WORKSPACE_WIDE_COLLECTIONS.has(name)),
          seq: await this.records.currentSeq(),
        });
      })
      .catch((error: unknown) => {
        this.log.error(
          { err: error instanceof Error ? error.message : String(error) },
          'reading a scope again failed',
        );
        client.ws.close(CloseCode.serverShutdown, 'could not check rights');
      });
  }

  /** A message about `event` serialized once per distinct content (`key`), for every connection that gets it. */
  private serialized(event: RecordsEvent, key: string, serialize: () => string): string {
    let messages = this.messages.get(event);
    if (!messages) this.messages.set(event, (messages = new Map<string, string>()));
    let message = messages.get(key);
    if (message === undefined) messages.set(key, (message = serialize()));
    return message;
  }

  get connectionCount(): number {
    return this.clients.size;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  private accept(ws: WebSocket, request: IncomingMessage): void {
    ws.on('error', (error) => this.log.warn({ err: error.message }, 'sync socket error'));
    // Listen at once: a client may send before authentication finishes; messages wait for it in order.
    const ready = this.authenticate(ws, request);
    let queue: Promise<void> = Promise.resolve();
    // Counted on arrival: a flood is refused before it queues up in memory.
    const bucket = new TokenBucket(this.limits.messagesPerSecond, this.limits.burst);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!admitMessage(ws, bucket)) return;
      queue = queue.then(async () => {
        const client = await ready;
        if (!client) return;
        await client.reauthorizing;
        if (ws.readyState !== ws.OPEN) return;
        // The scope is kept per connection until the team tree or the person's rights change.
        const { principal } = client;
        const scope = client.scope ?? (await this.auth.scopeOf(principal));
        // Rights re-read meanwhile: this message keeps what it was checked with, the connection does not.
        if (client.principal === principal) client.scope ??= scope;
        await this.handleMessage(client, principal, scope, data, isBinary);
      });
    });
  }

  private async authenticate(ws: WebSocket, request: IncomingMessage): Promise<Connection | null> {
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    let principal: Principal;
    try {
      principal = await this.auth.authenticateSocket(query);
    } catch (error) {
      const code = error instanceof ApiFailure ? error.code : 'invalid_token';
      // A deactivated person's devices are wiped like revoked ones (also the ones that were offline meanwhile).
      if (code === 'device_revoked' || code === 'user_inactive') {
        this.send(ws, { type: 'wipe' });
        ws.close(CloseCode.deviceRevoked, code);
      } else {
        this.send(ws, {
          type: 'error',
          code,
          message: error instanceof Error ? error.message : 'unauthorized',
        });
        ws.close(
          error instanceof ApiFailure && error.status === 403
            ? CloseCode.forbidden
            : CloseCode.unauthorized,
          code,
        );
      }
      return null;
    }
    const client: Connection = {
      ws,
      principal,
      id: `${this.nodeTag}:${this.nextConnectionId++}`,
      scope: null,
      known: new Map(),
      pulling: new Map(),
      reauthorizing: Promise.resolve(),
    };
    client.scope = await this.auth.scopeOf(principal);
    const serverSeq = await this.records.currentSeq();
    if (ws.readyState !== ws.OPEN) return null;
    this.send(ws, {
      type: 'welcome',
      userId: principal.userId,
      workspaceId: principal.workspaceId,
      role: principal.role,
      serverSeq,
      clock: this.records.clock(),
    });
    // Fan-out starts after the welcome (the protocol's first message), in the same turn: a commit fanned out
    // meanwhile is after `serverSeq`, which the client's pull (started on the welcome) reads.
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    return client;
  }

  private async handleMessage(
    client: Connection,
    principal: Principal,
    scope: Scope,
    data: RawData,
    isBinary: boolean,
  ): Promise<void> {
    const { ws, id: origin } = client;
    let parsed: unknown;
    try {
      if (isBinary) throw new Error('binary');
      parsed = JSON.parse(rawToString(data));
    } catch {
      this.send(ws, { type: 'error', code: 'malformed', message: 'Messages are JSON text' });
      return;
    }
    const message = clientMessageSchema.safeParse(parsed);
    if (!message.success) {
      const id =
        typeof (parsed as { id?: unknown } | null)?.id === 'number'
          ? (parsed as { id: number }).id
          : undefined;
      this.send(ws, {
        type: 'error',
        id,
        code: 'invalid_message',
        message: message.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; '),
      });
      return;
    }
    const msg = message.data;
    try {
      if (msg.type === 'ping') this.send(ws, { type: 'pong', id: msg.id });
      else if (msg.type === 'pull') {
        // Every change announced before the pull starts is in its answer (commits are announced after they commit).
        const head = this.heads.get(`${principal.workspaceId}|${msg.collection}`) ?? 0;
        // Commits announced while the pull is out wait for its answer (deliverTo).
        const waiting: RecordsEvent[] = [];
        client.pulling.set(msg.collection, waiting);
        try {
          // Serialized documents: the stored JSON goes out without being parsed and re-serialized (B1).
          const result = await this.records.pullJson(
            principal,
            scope,
            msg.collection,
            msg.checkpoint,
            msg.batchSize,
          );
          if (canSend(ws, this.limits))
            ws.send(pullResultMessageJson(msg.id, result, this.records.clock()));
          // A short page with nothing remaining is everything up to now: from here on, changes can be sent directly.
          if (result.remaining === 0 && result.count < msg.batchSize && client.scope === scope) {
            client.known.set(
              msg.collection,
              Math.max(client.known.get(msg.collection) ?? 0, head, result.checkpoint?.seq ?? 0),
            );
          }
        } finally {
          client.pulling.delete(msg.collection);
          const state = { poked: false };
          for (const event of waiting) this.deliverTo(client, event, state);
        }
      } else {
        const result = await this.records.push(principal, scope, msg.collection, msg.rows, {
          origin,
        });
        this.send(ws, {
          type: 'push-result',
          id: msg.id,
          conflicts: result.conflicts,
          rejected: result.rejected,
          overruled: result.overruled,
          clock: this.records.clock(),
        });
        if (result.rejected.length > 0)
          this.log.info(
            {
              user: principal.userId,
              collection: msg.collection,
              rejected: result.rejected.map((r) => [r.id, r.reason]),
            },
            'push rows rejected',
          );
      }
    } catch (error) {
      this.log.error(
        { err: error instanceof Error ? error.message : String(error), type: msg.type },
        'sync request failed',
      );
      this.send(ws, {
        type: 'error',
        id: msg.id,
        code: 'server_error',
        message: 'The server could not handle this request; it will be retried',
      });
    }
  }

  private send(ws: WebSocket, message: ServerMessage): void {
    if (canSend(ws, this.limits)) ws.send(JSON.stringify(message));
  }

  close(): void {
    this.unsubscribe();
    this.unsubscribePolicies();
    for (const client of this.clients)
      client.ws.close(CloseCode.serverShutdown, 'server shutting down');
    this.wss.close();
  }
}

/**
 * Whether a change to records of `teams` may concern a connection: no team list means everyone; a scope
 * not computed yet errs on the side of telling. (A poke only makes the client pull; the pull itself applies
 * the scope, so an extra poke costs a query, a missing one would delay a change.)
 */
function mayConcern(scope: Scope | null, teams: string[] | undefined): boolean {
  if (!teams || scope === null || scope === 'all') return true;
  return teams.some((team) => team === '' || scope.has(team));
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
