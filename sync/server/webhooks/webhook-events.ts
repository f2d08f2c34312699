import type { CollectionName } from '@shared/domain';
import {
  eventsOfChange,
  hookWants,
  maskRecord,
  PERSONAL_COLLECTIONS,
  type Principal,
} from '@shared/sync';
import type { ChangeBus, ChangeEvent } from '../fanout';
import type { Logger } from '../log';
import type { RecordStore } from '../records/record-store';
import type { RecordChange } from '../ws/direct-changes';
import type { DeliveryQueue, NewDelivery } from './delivery-queue';
import type { WebhookService } from './webhook-service';

/**
 * Turns committed changes into deliveries: the change bus announces each push after its commit, on the node
 * that committed it with the records it wrote (`changes`; other nodes hear it without them and do nothing), so
 * each committed change is enqueued once, by one node. Server writes (member mirror, sample data, bulk loads)
 * are announced without changes and make no webhooks.
 */
export class WebhookEvents {
  private unsubscribe: (() => void) | null = null;
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly bus: ChangeBus,
    private readonly hooks: WebhookService,
    private readonly records: RecordStore,
    private readonly queue: DeliveryQueue,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.unsubscribe = this.bus.subscribe((event, fromOtherNode) => {
      if (fromOtherNode || event.kind !== 'records' || !event.changes?.length) return;
      const work = this.enqueue(event).catch((error: unknown) =>
        this.log.error({ err: error, workspaceId: event.workspaceId }, 'webhooks: enqueue failed'),
      );
      this.pending.add(work);
      void work.finally(() => this.pending.delete(work));
    });
  }

  /** Stops listening and waits for what was heard to be enqueued. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    await Promise.all([...this.pending]);
  }

  private async enqueue(event: Extract<ChangeEvent, { kind: 'records' }>): Promise<void> {
    const [collection] = event.collections;
    // Personal records (a person's inbox marks) are nobody else's business, not even a '*' subscriber's.
    if (PERSONAL_COLLECTIONS.has(collection)) return;
    const hooks = await this.hooks.activeHooks(event.workspaceId);
    if (hooks.length === 0) return;
    const occurredAt = Date.now();
    // The record as an admin of the workspace sees it (the field policy may hide fields even from admins).
    const viewer: Principal = {
      userId: 'webhooks',
      workspaceId: event.workspaceId,
      role: 'admin',
      teamIds: [],
      deviceId: 'webhooks',
    };
    const masking = await this.records.maskingOf(viewer, collection);
    const deliveries: NewDelivery[] = [];
    for (const change of event.changes ?? []) {
      if (!change.action) continue;
      const keys = eventsOfChange({
        collection,
        action: change.action,
        status: change.doc.status,
        statusBefore: change.statusBefore,
        assignedAt: change.doc.assignedAt,
        assignedAtBefore: change.assignedAtBefore,
      });
      const record = recordOf(change, collection, masking);
      for (const key of keys)
        for (const hook of hooks)
          if (hookWants(hook.events, key))
            deliveries.push({
              webhookId: hook.id,
              workspaceId: event.workspaceId,
              payload: {
                event: key.event,
                occurredAt,
                workspaceId: event.workspaceId,
                collection,
                recordId: change.id,
                record,
              },
            });
    }
    await this.queue.enqueue(deliveries);
  }
}

function recordOf(
  change: RecordChange,
  collection: CollectionName,
  masking: Awaited<ReturnType<RecordStore['maskingOf']>>,
): { id: string } & Record<string, unknown> {
  const { _deleted: _ignored, ...doc } = change.doc as typeof change.doc & { _deleted?: boolean };
  const record = { ...doc, teamId: change.teamId } as { id: string; teamId: string } & Record<
    string,
    unknown
  >;
  return masking.version ? maskRecord(masking.viewer, masking.policy, collection, record) : record;
}
