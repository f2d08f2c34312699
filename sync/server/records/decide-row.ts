import type { CollectionName, PipelineValue } from '@shared/domain';
import {
  RejectReason,
  sameRecord,
  type Principal,
  type Rejection,
  type Scope,
  type WireDoc,
} from '@shared/sync';
import { mergeIncoming, stampServerFields } from './apply-merge';
import { withDerivedFields } from './derived-fields';
import { keepHiddenFields } from './hidden-fields';
import { maskDoc, type Masking } from './masking';
import { fieldChanges } from './history';
import { applyOwnership, type OwnershipContext } from './record-ownership';
import { stageGateRefusal } from './stage-gate';
import type { PlannedWrite, PushRow, StoredRow } from './types';
import { tooDeepFields, tooDeepIssues, validateWrite } from './write-validation';
import { conflictFor, permissionRefusal, type WriteRefusal } from './write-permissions';
import { entityOf, toWire } from './wire';

/** What to do with one pushed row: answer a conflict (the stored state), reject it, and/or write. */
export interface RowDecision {
  conflict?: WireDoc;
  rejected?: Rejection;
  write?: PlannedWrite;
}

export interface RowInput {
  principal: Principal;
  scope: Scope;
  collection: CollectionName;
  row: PushRow;
  /** The workspace's deal pipeline (for the stage gate). */
  pipeline: PipelineValue;
  /** The record as stored now (earlier rows of the same group included), null when there is none. */
  stored: StoredRow | null;
  /** What the field policy hides from the pusher (none when absent). */
  masking?: Masking;
  /** The team tree and the owners the group names (the ownership rule). */
  ownership: OwnershipContext;
}

/**
 * Decides one pushed row against the stored state, in the write path's order: merge with a concurrent write,
 * server-owned fields, validation, derived fields, the owner's team, permissions, the stage gate; then what
 * changed. Pure: the caller reads the
 * stored row and makes the write.
 */
export function decideRow({
  principal,
  scope,
  collection,
  row,
  pipeline,
  stored,
  masking,
  ownership,
}: RowInput): RowDecision {
  const incomingDoc = row.newDocumentState;
  const storedEntity = stored ? stored.data : null;
  const reject = (refusal: WriteRefusal & { issues?: Rejection['issues'] }): RowDecision => ({
    rejected: { collection, id: incomingDoc.id, attempted: incomingDoc, ...refusal },
    conflict: stored ? conflictFor(scope, collection, stored, row) : undefined,
  });

  // A replication tombstone (the app itself only soft-deletes; tombstones come from discarding a rejected new record).
  if (incomingDoc._deleted === true) {
    if (!stored || stored.deleted) return {};
    const refused = permissionRefusal(principal, scope, collection, stored.data, stored.data);
    if (refused) return reject(refused);
    return {
      write: {
        kind: 'tombstone',
        id: stored.data.id,
        before: stored.data,
        changes: [{ field: '_deleted', oldValue: false, newValue: true }],
        conflicts: [],
      },
    };
  }

  const tooDeep = tooDeepFields(incomingDoc).concat(tooDeepFields(row.assumedMasterState));
  if (tooDeep.length > 0) return refuseTooDeep(collection, scope, row, stored, tooDeep);

  const merge = mergeIncoming(row, stored);
  const { conflicts } = merge;
  // Nothing the pusher may not see is written by them: neither their masked copy nor a crafted value.
  const kept = masking
    ? keepHiddenFields(
        merge.candidate,
        stored?.deleted ? null : storedEntity,
        row.assumedMasterState ?? null,
        masking,
      )
    : { entity: merge.candidate, attempted: [] };
  if (kept.attempted.length > 0)
    return reject({
      reason: RejectReason.hiddenField,
      params: { fields: kept.attempted.join(',') },
      issues: kept.attempted.map((path) => ({ path, message: RejectReason.hiddenField })),
    });
  const candidate = kept.entity;
  const validation = validateWrite(
    collection,
    stampServerFields(candidate, principal, storedEntity),
  );
  if (!validation.ok) return reject({ reason: RejectReason.validation, issues: validation.issues });
  // Gates check, and the write stores, the record as the app would save it (derived fields included).
  const derived = withDerivedFields(collection, validation.entity);
  // The team follows the owner before the scope check, which then judges the team the record really goes to.
  const owned = applyOwnership(ownership, principal, scope, collection, storedEntity, derived);
  if ('refusal' in owned) return reject(owned.refusal);
  const valid = owned.entity;

  const refused =
    permissionRefusal(principal, scope, collection, storedEntity, valid) ??
    stageGateRefusal(collection, storedEntity, valid, pipeline);
  if (refused) return reject(refused);

  // The pusher holds the stored state when it equals theirs as they may see it (masked).
  const held = (entity: typeof valid) =>
    sameRecord(masking ? maskDoc(entity, masking) : entity, entityOf(incomingDoc));
  if (storedEntity && !stored?.deleted && sameRecord(valid, storedEntity)) {
    return held(valid) ? {} : { conflict: toWire(storedEntity, false) };
  }
  return {
    write: {
      kind: storedEntity ? 'change' : 'create',
      id: valid.id,
      entity: valid,
      before: storedEntity,
      changes: fieldChanges(storedEntity, valid),
      conflicts,
    },
    conflict: held(valid) ? undefined : toWire(valid, false),
  };
}

/**
 * A row with a value nested too deep is refused before the merge walks it; the rejection carries the row
 * without those fields, so the answer can be serialized and the rest of the push is stored.
 */
function refuseTooDeep(
  collection: CollectionName,
  scope: Scope,
  row: PushRow,
  stored: StoredRow | null,
  fields: string[],
): RowDecision {
  const trim = (doc: WireDoc): WireDoc =>
    Object.fromEntries(Object.entries(doc).filter(([k]) => !fields.includes(k))) as WireDoc;
  const attempted = trim(row.newDocumentState);
  const trimmedRow = { assumedMasterState: null, newDocumentState: attempted };
  return {
    rejected: {
      collection,
      id: attempted.id,
      attempted,
      reason: RejectReason.validation,
      issues: tooDeepIssues([...new Set(fields)]),
    },
    conflict: stored ? conflictFor(scope, collection, stored, trimmedRow) : undefined,
  };
}
