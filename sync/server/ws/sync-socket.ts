import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { clientMessageSchema, CloseCode, MAX_MESSAGE_BYTES, type Principal, type Scope, type ServerMessage } from '@shared/sync';
import type { AuthService } from '../auth/auth-service';
import { pullResultMessageJson, type RecordStore } from '../records/record-store';
import type { ChangeBus } from '../fanout';
import type { Logger } from '../log';
import { ApiFailure } from '../errors';

/**
 * The replication socket: one per client, authenticated by the access token in the URL (browsers cannot
 * set headers on WebSocket), carrying pull/push for every collection and "changed" pokes. Every message
 * is parsed with the shared schema; a bad one gets an `error` reply and the connection (and server) stay up.
 */
export class SyncSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  /** `scope`: computed once per connection and again after a team-tree change; answers requests and aims pokes. */
  private readonly clients = new Set<{ ws: WebSocket; principal: Principal; id: string; scope: Scope | null }>();
  private nextConnectionId = 1;
  private readonly nodeTag: string;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly auth: AuthService,
    private readonly records: RecordStore,
    bus: ChangeBus,
    private readonly log: Logger,
  ) {
    // Connection ids travel with changes to other nodes (NOTIFY): prefix them with this node's id.
    this.nodeTag = bus.nodeId;
    this.unsubscribe = bus.subscribe((event) => {
      // One serialization for every recipient of a change.
      const changed = event.kind === 'records' ? JSON.stringify({ type: 'changed', collections: event.collections, seq: event.seq } satisfies ServerMessage) : '';
      for (const client of this.clients) {
        if (client.principal.workspaceId !== event.workspaceId) continue;
        // The connection that pushed the change already has it (its push reply carries any merge).
        if (event.kind === 'records') {
          if (client.id !== event.origin && client.ws.readyState === client.ws.OPEN && mayConcern(client.scope, event.teams)) client.ws.send(changed);
        } else if (event.kind === 'teams-changed') {
          client.scope = null;
        } else if (event.kind === 'device-revoked' && client.principal.deviceId === event.deviceId) {
          this.send(client.ws, { type: 'wipe' });
          client.ws.close(CloseCode.deviceRevoked, 'device revoked');
        }
      }
    });
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
    ws.on('message', (data: RawData, isBinary: boolean) => {
      queue = queue.then(async () => {
        const client = await ready;
        if (!client) return;
        // The scope is kept per connection (the principal is fixed for it) until the team tree changes.
        client.scope ??= await this.auth.scopeOf(client.principal);
        await this.handleMessage(ws, client.principal, client.scope, data, isBinary, client.id);
      });
    });
  }

  private async authenticate(ws: WebSocket, request: IncomingMessage): Promise<{ principal: Principal; id: string; scope: Scope | null } | null> {
    const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token') ?? undefined;
    let principal: Principal;
    try {
      principal = await this.auth.authenticate(token);
    } catch (error) {
      const code = error instanceof ApiFailure ? error.code : 'invalid_token';
      if (code === 'device_revoked') {
        this.send(ws, { type: 'wipe' });
        ws.close(CloseCode.deviceRevoked, code);
      } else {
        this.send(ws, { type: 'error', code, message: error instanceof Error ? error.message : 'unauthorized' });
        ws.close(error instanceof ApiFailure && error.status === 403 ? CloseCode.forbidden : CloseCode.unauthorized, code);
      }
      return null;
    }
    const client = { ws, principal, id: `${this.nodeTag}:${this.nextConnectionId++}`, scope: null as Scope | null };
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    client.scope = await this.auth.scopeOf(principal);
    this.send(ws, { type: 'welcome', userId: principal.userId, workspaceId: principal.workspaceId, role: principal.role, serverSeq: await this.records.currentSeq() });
    return client;
  }

  private async handleMessage(ws: WebSocket, principal: Principal, scope: Scope, data: RawData, isBinary: boolean, origin: string): Promise<void> {
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
      const id = typeof (parsed as { id?: unknown } | null)?.id === 'number' ? (parsed as { id: number }).id : undefined;
      this.send(ws, { type: 'error', id, code: 'invalid_message', message: message.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    const msg = message.data;
    try {
      if (msg.type === 'ping') this.send(ws, { type: 'pong', id: msg.id });
      else if (msg.type === 'pull') {
        // Serialized documents: the stored JSON goes out without being parsed and re-serialized (B1).
        const result = await this.records.pullJson(principal, scope, msg.collection, msg.checkpoint, msg.batchSize);
        if (ws.readyState === ws.OPEN) ws.send(pullResultMessageJson(msg.id, result));
      } else {
        const result = await this.records.push(principal, scope, msg.collection, msg.rows, { origin });
        this.send(ws, { type: 'push-result', id: msg.id, conflicts: result.conflicts, rejected: result.rejected });
        if (result.rejected.length > 0) this.log.info({ user: principal.userId, collection: msg.collection, rejected: result.rejected.map((r) => [r.id, r.reason]) }, 'push rows rejected');
      }
    } catch (error) {
      this.log.error({ err: error instanceof Error ? error.message : String(error), type: msg.type }, 'sync request failed');
      this.send(ws, { type: 'error', id: msg.id, code: 'server_error', message: 'The server could not handle this request; it will be retried' });
    }
  }

  private send(ws: WebSocket, message: ServerMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  close(): void {
    this.unsubscribe();
    for (const client of this.clients) client.ws.close(CloseCode.serverShutdown, 'server shutting down');
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
