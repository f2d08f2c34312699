import { FIELD_POLICY_KEY } from '@shared/domain';
import { NO_FIELD_POLICY, parseFieldPolicy, type FieldPolicy } from '@shared/sync';
import type { Sql } from '../db/sql';
import type { ChangeSource } from './pull-cache';

/** The workspace's field policy as stored (its `fieldPolicy` settings record); none: no restriction. */
export async function loadFieldPolicy(
  sql: Pick<Sql, 'query'>,
  workspaceId: string,
): Promise<FieldPolicy> {
  const [row] = await sql.query<{ data: { value?: unknown } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = $2 AND deleted = false ORDER BY seq DESC LIMIT 1`,
    [workspaceId, FIELD_POLICY_KEY],
  );
  return row ? parseFieldPolicy(row.data.value) : NO_FIELD_POLICY;
}

/**
 * Each workspace's field policy, in memory: every pull, push and fan-out reads it, so it is loaded once and
 * replaced when a `fieldPolicy` setting is written (from the commit's documents on this node, by reading it
 * again when another node or a bulk write announces settings). Listeners hear of a policy that changed, so
 * the sockets can make replicas pull what it now shows or hides.
 */
export class FieldPolicies {
  private readonly known = new Map<string, FieldPolicy>();
  private readonly loading = new Map<string, Promise<FieldPolicy>>();
  private readonly listeners = new Set<(workspaceId: string) => void>();

  /** Subscribe before any socket listener: a pull after the announcement must see the new policy. */
  constructor(
    private readonly sql: Pick<Sql, 'query'>,
    bus: ChangeSource,
  ) {
    bus.subscribe((event) => {
      if (event.kind !== 'records' || !event.collections.includes('settings')) return;
      if (!event.changes) {
        this.reload(event.workspaceId);
        return;
      }
      const change = event.changes.find((c) => c.doc.kind === FIELD_POLICY_KEY);
      if (!change) return;
      if (change.doc._deleted === true) this.reload(event.workspaceId);
      else this.set(event.workspaceId, parseFieldPolicy(change.doc.value));
    });
  }

  /** The policy, when it is in memory (fan-out cannot wait for a query: it pokes instead). */
  peek(workspaceId: string): FieldPolicy | undefined {
    return this.known.get(workspaceId);
  }

  async get(workspaceId: string): Promise<FieldPolicy> {
    const known = this.known.get(workspaceId);
    if (known) return known;
    let pending = this.loading.get(workspaceId);
    if (!pending) {
      pending = loadFieldPolicy(this.sql, workspaceId);
      this.loading.set(workspaceId, pending);
    }
    try {
      const policy = await pending;
      // A newer value may have arrived while this read was out: keep that one.
      if (this.loading.get(workspaceId) === pending && !this.known.has(workspaceId))
        this.known.set(workspaceId, policy);
      return this.known.get(workspaceId) ?? policy;
    } finally {
      if (this.loading.get(workspaceId) === pending) this.loading.delete(workspaceId);
    }
  }

  /** Called with a workspace id whenever its policy changed. */
  onChange(listener: (workspaceId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(workspaceId: string, policy: FieldPolicy): void {
    const before = this.known.get(workspaceId);
    this.known.set(workspaceId, policy);
    this.loading.delete(workspaceId);
    if (!before || JSON.stringify(before) !== JSON.stringify(policy))
      for (const listener of this.listeners) listener(workspaceId);
  }

  private reload(workspaceId: string): void {
    const before = this.known.get(workspaceId);
    this.known.delete(workspaceId);
    const pending = loadFieldPolicy(this.sql, workspaceId);
    this.loading.set(workspaceId, pending);
    pending.then(
      (policy) => {
        if (this.loading.get(workspaceId) !== pending) return;
        this.loading.delete(workspaceId);
        this.known.set(workspaceId, policy);
        if (!before || JSON.stringify(before) !== JSON.stringify(policy))
          for (const listener of this.listeners) listener(workspaceId);
      },
      () => {
        // Read again by the next pull or push (get); until then fan-out pokes.
        if (this.loading.get(workspaceId) === pending) this.loading.delete(workspaceId);
      },
    );
  }
}
