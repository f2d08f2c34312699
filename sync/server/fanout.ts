import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CollectionName } from '@shared/domain';
import { collectionNameSchema } from '@shared/sync';
import type { Sql } from './db/sql';
import type { RecordChange } from './ws/direct-changes';

/**
 * Fan-out of changes to connected clients, on this node and on every other node sharing the database
 * (PostgreSQL LISTEN/NOTIFY; payloads stay far below NOTIFY's 8000-byte limit: ids and a sequence only).
 */
export type ChangeEvent =
  /**
   * `teams`: the teams whose members may see the change (new and previous team of every record written);
   * absent means everyone in the workspace. `origin`: the connection that made it (it is not poked).
   * `prevSeq`: the last sequence of the collection in the workspace before this commit (pushes know it: they
   * hold the workspace lock), so a node can tell who is complete up to this commit. `changes`: the records
   * written, on the node that wrote them only (never sent through NOTIFY), for direct delivery.
   */
  | {
      kind: 'records';
      workspaceId: string;
      collections: CollectionName[];
      seq: number;
      origin?: string;
      teams?: string[];
      prevSeq?: number;
      changes?: RecordChange[];
    }
  | { kind: 'device-revoked'; workspaceId: string; deviceId: string }
  /** The team tree changed: scopes computed from it are stale. */
  | { kind: 'teams-changed'; workspaceId: string }
  /** An admin changed this person's role, teams or active flag: their open sockets re-read their rights. */
  | { kind: 'user-changed'; workspaceId: string; userId: string }
  | { kind: 'doc-updated'; workspaceId: string; docName: string; origin: string };

const CHANNEL = 'crm_changes';
const eventSchema = z.object({
  node: z.string(),
  event: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('records'),
      workspaceId: z.string(),
      collections: z.array(collectionNameSchema),
      seq: z.number(),
      origin: z.string().optional(),
      teams: z.array(z.string()).optional(),
      prevSeq: z.number().optional(),
    }),
    z.object({ kind: z.literal('device-revoked'), workspaceId: z.string(), deviceId: z.string() }),
    z.object({ kind: z.literal('teams-changed'), workspaceId: z.string() }),
    z.object({ kind: z.literal('user-changed'), workspaceId: z.string(), userId: z.string() }),
    z.object({
      kind: z.literal('doc-updated'),
      workspaceId: z.string(),
      docName: z.string(),
      origin: z.string(),
    }),
  ]),
});

export class ChangeBus {
  readonly nodeId = randomUUID();
  private readonly listeners = new Set<(event: ChangeEvent, fromOtherNode: boolean) => void>();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly sql: Sql) {}

  async start(): Promise<void> {
    if (this.sql.engine !== 'postgres') return;
    this.unlisten = await this.sql.listen(CHANNEL, (payload) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(payload);
      } catch {
        return;
      }
      const message = eventSchema.safeParse(parsed);
      if (!message.success || message.data.node === this.nodeId) return;
      this.emit(message.data.event, true);
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
  }

  subscribe(listener: (event: ChangeEvent, fromOtherNode: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call after the change is committed. */
  async publish(event: ChangeEvent): Promise<void> {
    this.emit(event, false);
    if (this.sql.engine === 'postgres') {
      // Documents stay on this node: other nodes poke their clients (NOTIFY payloads are limited to 8000 bytes).
      const remote =
        event.kind === 'records' && event.changes ? { ...event, changes: undefined } : event;
      await this.sql.query('SELECT pg_notify($1, $2)', [
        CHANNEL,
        JSON.stringify({ node: this.nodeId, event: remote }),
      ]);
    }
  }

  private emit(event: ChangeEvent, fromOtherNode: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(event, fromOtherNode);
      } catch {
        // One broken listener (a closing socket) must not stop the others.
      }
    }
  }
}
