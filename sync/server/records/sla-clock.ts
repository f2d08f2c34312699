import {
  DEFAULT_WORKING_CALENDAR,
  workingCalendarValueSchema,
  type CollectionName,
  type WorkingCalendarValue,
} from '@shared/domain';
import { businessCalendar, type BusinessCalendar } from '@shared/rules/business-hours';
import { SLA_SWEEP_FIELDS, slaPauseChanges } from '@shared/rules/sla';
import type { SqlTx } from '../db/sql';
import type { Entity } from './types';

/** The workspace's working calendar (its newest `workingCalendar` setting; the default without one). */
export async function loadWorkingCalendar(
  tx: SqlTx,
  workspaceId: string,
): Promise<WorkingCalendarValue> {
  const [row] = await tx.query<{ data: { value?: unknown } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'workingCalendar' AND deleted = false ORDER BY seq DESC LIMIT 1`,
    [workspaceId],
  );
  const parsed = workingCalendarValueSchema.safeParse(row?.data.value);
  return parsed.success ? parsed.data : DEFAULT_WORKING_CALENDAR;
}

/** The calendar a push group of tickets keeps the SLA pause by (null for other collections: nothing read). */
export async function loadSlaCalendar(
  tx: SqlTx,
  workspaceId: string,
  collection: CollectionName,
): Promise<BusinessCalendar | null> {
  if (collection !== 'tickets') return null;
  return businessCalendar(await loadWorkingCalendar(tx, workspaceId));
}

/**
 * A pushed ticket with its customer-wait fields right for its status (shared/rules/sla.ts `slaPauseChanges`, the
 * function the app's repository calls): a REST write or an old client that changed the status without them gets
 * them from the server's clock; a client that kept them already sees no change.
 */
export function withSlaPause(
  collection: CollectionName,
  entity: Entity,
  calendar: BusinessCalendar | null | undefined,
  now: number,
): Entity {
  if (collection !== 'tickets' || !calendar) return entity;
  const changes = slaPauseChanges(
    {
      status: typeof entity.status === 'string' ? entity.status : '',
      slaWaitingSince: Number(entity.slaWaitingSince) || 0,
      slaPausedMs: Number(entity.slaPausedMs) || 0,
    },
    now,
    calendar,
  );
  return changes ? { ...entity, ...changes } : entity;
}

/**
 * A pushed ticket with the sweep's fields as stored (0 on a new ticket): `slaWarnedAt` / `slaBreachedAt` are
 * recorded only by the server's sweep (sla/sla-sweep.ts), so a client cannot hide a breach or invent one. Like
 * `createdBy`, a changed value is corrected, not refused: the pusher gets the stored state back.
 */
export function withSweepFieldsKept(
  collection: CollectionName,
  stored: Entity | null,
  entity: Entity,
): Entity {
  if (collection !== 'tickets') return entity;
  const kept: Entity = { ...entity };
  for (const field of SLA_SWEEP_FIELDS) kept[field] = Number(stored?.[field]) || 0;
  return kept;
}
