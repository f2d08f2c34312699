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

/**
 * A bare `/sync` socket that sends pushes as any client could (no app, no repository rules in between), so a
 * test sees what the server itself decides. Every answer is parsed with the shared protocol schema.
 */
export class RawPusher {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: PushResult) => void>();

  private constructor(private readonly ws: WebSocket) {
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
    const welcomed = new Promise<void>((resolve, reject) => {
      ws.once('message', () => resolve());
      ws.once('error', reject);
    });
    await welcomed;
    return new RawPusher(ws);
  }

  /** Pushes new records in one message and waits for its answer. */
  push(collection: CollectionName, docs: WireDoc[]): Promise<PushResult> {
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
        rows: docs.map((doc) => ({ assumedMasterState: null, newDocumentState: doc })),
      }),
    );
    return answered;
  }

  close(): void {
    this.ws.close(1000);
  }
}
