import WebSocket from 'ws';
import type { CollectionName } from '../../../shared/domain';
import {
  SYNC_PATH,
  serverMessageSchema,
  type ServerMessage,
  type SessionResponse,
  type WireDoc,
} from '../../../shared/sync';

type PushResult = Extract<ServerMessage, { type: 'push-result' }>;
type Welcome = Extract<ServerMessage, { type: 'welcome' }>;

/** One pushed row as any client may send it: the state it last pulled, the state it wants, its edit stamps. */
export interface RawRow {
  assumedMasterState: WireDoc | null;
  newDocumentState: WireDoc;
  stamps?: Record<string, string>;
}

/**
 * A bare `/sync` socket that sends pushes as any client could (no app, no repository rules in between), so a
 * test sees what the server itself decides. Every answer is parsed with the shared protocol schema.
 */
export class RawPusher {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: PushResult) => void>();

  private constructor(
    private readonly ws: WebSocket,
    /** The server's first message (its clock included). */
    readonly welcome: Welcome,
  ) {
    ws.on('message', (data: Buffer) => {
      const parsed = serverMessageSchema.safeParse(JSON.parse(data.toString('utf8')));
      if (!parsed.success || parsed.data.type !== 'push-result') return;
      const message = parsed.data;
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  static async connect(server: { url: string }, session: SessionResponse): Promise<RawPusher> {
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}${SYNC_PATH}?token=${encodeURIComponent(session.accessToken)}`,
    );
    const welcomed = new Promise<Welcome>((resolve, reject) => {
      ws.once('message', (data: Buffer) => {
        const parsed = serverMessageSchema.safeParse(JSON.parse(data.toString('utf8')));
        if (parsed.success && parsed.data.type === 'welcome') resolve(parsed.data);
        else reject(new Error(`expected a welcome, got ${data.toString('utf8').slice(0, 200)}`));
      });
      ws.once('error', reject);
    });
    return new RawPusher(ws, await welcomed);
  }

  /** Pushes new records in one message and waits for its answer. */
  push(collection: CollectionName, docs: WireDoc[]): Promise<PushResult> {
    return this.pushRows(
      collection,
      docs.map((doc) => ({ assumedMasterState: null, newDocumentState: doc })),
    );
  }

  /** Pushes rows (with what they assume is stored, and stamps if given) in one message; waits for the answer. */
  pushRows(collection: CollectionName, rows: RawRow[]): Promise<PushResult> {
    const id = this.nextId++;
    const answered = new Promise<PushResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to push ${id}`)), 10_000);
      this.waiting.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
    });
    this.ws.send(
      JSON.stringify({
        type: 'push',
        id,
        collection,
        rows,
      }),
    );
    return answered;
  }

  close(): void {
    this.ws.close(1000);
  }
}
