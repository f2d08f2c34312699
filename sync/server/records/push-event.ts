import type { CollectionName } from '@shared/domain';
import { WORKSPACE_WIDE_COLLECTIONS } from '@shared/sync';
import type { ChangeEvent } from '../fanout';
import type { RecordChange } from '../ws/direct-changes';
import type { Entity, PlannedWrite } from './types';
import { toWire } from './wire';

export type RecordsEvent = Extract<ChangeEvent, { kind: 'records' }>;

/** The team a server rule took the record out of in this write (lead assignment), or '' (none). */
function exitedTeamOf(write: PlannedWrite): string {
  if (write.kind === 'tombstone' || !write.exitedFrom) return '';
  const team = write.exitedFrom.teamId;
  return team !== write.entity.teamId ? team : '';
}

/**
 * A written record as direct fan-out sends it (the stored state, as a pull returns it); `earlier`: a previous
 * write of it in the same push (its former teams are kept, so everyone who saw it hears of it).
 */
export function changeOf(write: PlannedWrite, earlier: RecordChange | undefined): RecordChange {
  const previousTeamIds = [
    ...(earlier?.previousTeamIds ?? []),
    ...(write.before ? [write.before.teamId] : []),
    ...(exitedTeamOf(write) ? [exitedTeamOf(write)] : []),
  ];
  // Several writes of one record in a push are one change: created if the first one created it.
  const before = earlier ? earlier.statusBefore : write.before?.status;
  const assigned = earlier ? earlier.assignedAtBefore : write.before?.assignedAt;
  const statusBefore = {
    ...(before === undefined ? {} : { statusBefore: before }),
    ...(assigned === undefined ? {} : { assignedAtBefore: assigned }),
  };
  const created = earlier ? earlier.action === 'created' : write.kind === 'create';
  if (write.kind === 'tombstone')
    return {
      id: write.id,
      teamId: write.before?.teamId ?? '',
      previousTeamIds,
      doc: toWire(write.before as Entity, true),
      action: 'deleted',
      ...statusBefore,
    };
  return {
    id: write.id,
    teamId: write.entity.teamId,
    previousTeamIds,
    doc: toWire(write.entity, false),
    action: created ? 'created' : 'updated',
    ...statusBefore,
  };
}

/**
 * The event announcing one push's commit: its last sequence, the commit before it (`prevSeq`), the records it
 * wrote, and its audience — the teams of those records, old and new; everyone when a record is workspace-wide
 * (the collection, or a record without a team). `origin`: the connection that pushed (it is not poked).
 */
export function commitEvent(input: {
  workspaceId: string;
  collection: CollectionName;
  writes: readonly PlannedWrite[];
  seq: number;
  prevSeq: number;
  origin: string | undefined;
}): RecordsEvent {
  const { workspaceId, collection, writes, seq, prevSeq, origin } = input;
  const teams = new Set<string>();
  const changes = new Map<string, RecordChange>();
  for (const write of writes) {
    if (write.kind !== 'tombstone') teams.add(write.entity.teamId);
    if (write.before) teams.add(write.before.teamId);
    if (exitedTeamOf(write)) teams.add(exitedTeamOf(write));
    changes.set(write.id, changeOf(write, changes.get(write.id)));
  }
  const audience =
    WORKSPACE_WIDE_COLLECTIONS.has(collection) || teams.has('') ? {} : { teams: [...teams] };
  return {
    kind: 'records',
    workspaceId,
    collections: [collection],
    seq,
    prevSeq,
    changes: [...changes.values()],
    ...audience,
    ...(origin ? { origin } : {}),
  };
}
