import type { CollectionName } from '@shared/domain';
import {
  laterStamp,
  parseStampPath,
  RejectReason,
  sameRecord,
  sameValue,
  stampsAfterWrite,
  valueAtPath,
  wallOf,
  type Principal,
  type Rejection,
  type Scope,
  type Stamp,
  type WireDoc,
} from '@shared/sync';
import {
  mergeIncoming,
  stampServerFields,
  storedClocks,
  type MergeOutcome,
  type RowStamping,
} from './apply-merge';
import { derivedFieldsOf, withDerivedFields } from './derived-fields';
import { keepHiddenFields } from './hidden-fields';
import { withLastActivityKept } from './last-activity';
import { withLeadScore, type LeadScoringContext } from './lead-scoring';
import { maskDoc, type Masking } from './masking';
import { fieldChanges } from './history';
import { applyOwnership, type OwnershipContext } from './record-ownership';
import { withRecordTeam, type RecordTeams } from './comment-teams';
import { stageGateRefusal, type DealPipelines } from './stage-gate';
import type { CreditCodeRegistry } from './credit-codes';
import type { ContractNumberRegistry } from './contract-numbers';
import type { ContractApprovals } from './contract-approval';
import type { Entity, FieldChange, PlannedWrite, PushRow, StoredRow } from './types';
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
  /** The workspace's deal pipelines by id (for the stage gate: each deal is held to its own). */
  pipelines: DealPipelines;
  /** The workspace's lead-scoring rules and the pushed leads' recent contacts (leads only; none: unscored). */
  leadScoring?: LeadScoringContext | null;
  /** The record as stored now (earlier rows of the same group included), null when there is none. */
  stored: StoredRow | null;
  /** What the field policy hides from the pusher (none when absent). */
  masking?: Masking;
  /** The team tree and the owners the group names (the ownership rule). */
  ownership: OwnershipContext;
  /** The row's clamped stamps and the server's stamp for it (the later edit wins, apply-merge.ts). */
  stamping: RowStamping;
  /** The teams of the records pushed comments are on (comment-teams.ts; none when absent). */
  recordTeams?: RecordTeams;
  /** The live accounts holding the group's credit codes (credit-codes.ts; accounts only, absent otherwise). */
  creditCodes?: CreditCodeRegistry | null;
  /** The live contracts holding the group's contract numbers (contract-numbers.ts; contracts only). */
  contractNumbers?: ContractNumberRegistry | null;
  /** The approval rules and approvals of contracts pushed active (contract-approval.ts; contracts only). */
  contractApprovals?: ContractApprovals | null;
}

/**
 * Decides one pushed row against the stored state, in the write path's order: merge with a concurrent write,
 * server-owned fields, validation, derived fields, the owner's team, permissions, the stage gate, one account per
 * credit code; then what
 * changed. Pure: the caller reads the
 * stored row and makes the write.
 */
export function decideRow({
  principal,
  scope,
  collection,
  row,
  pipelines,
  leadScoring,
  stored,
  masking,
  ownership,
  stamping,
  recordTeams,
  creditCodes,
  contractNumbers,
  contractApprovals,
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
        changes: [
          { field: '_deleted', oldValue: false, newValue: true, editedAt: wallOf(stamping.server) },
        ],
        conflicts: [],
        clocks: storedClocks(stored),
      },
    };
  }

  const tooDeep = tooDeepFields(incomingDoc).concat(tooDeepFields(row.assumedMasterState));
  if (tooDeep.length > 0) return refuseTooDeep(collection, scope, row, stored, tooDeep);

  const merge = mergeIncoming(row, stored, stamping);
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
  // lastActivityAt is never lowered by a push (the max rule); the server recomputes it from activities.
  // A lead is scored by the shared rule as the app scores it (capture API and REST leads too, issue 19).
  const derived = withLeadScore(
    collection,
    withLastActivityKept(
      collection,
      stored?.deleted ? null : storedEntity,
      withDerivedFields(collection, validation.entity),
    ),
    leadScoring,
  );
  // The team follows the owner before the scope check, which then judges the team the record really goes to.
  const owned = applyOwnership(ownership, principal, scope, collection, storedEntity, derived);
  if ('refusal' in owned) return reject(owned.refusal);
  // A comment is in its record's team, not its author's: it follows the record's scope (issue 18).
  const valid = recordTeams ? withRecordTeam(owned.entity, recordTeams) : owned.entity;

  const refused =
    permissionRefusal(principal, scope, collection, storedEntity, valid) ??
    stageGateRefusal(collection, storedEntity, valid, pipelines) ??
    creditCodes?.refusal(scope, stored?.deleted ? null : storedEntity, valid) ??
    contractNumbers?.refusal(scope, stored?.deleted ? null : storedEntity, valid) ??
    contractApprovals?.refusal(stored?.deleted ? null : storedEntity, valid) ??
    null;
  if (refused) return reject(refused);

  // The pusher holds the stored state when it equals theirs as they may see it (masked).
  const held = (entity: typeof valid) =>
    sameRecord(masking ? maskDoc(entity, masking) : entity, entityOf(incomingDoc));
  if (storedEntity && !stored?.deleted && sameRecord(valid, storedEntity)) {
    return held(valid) ? {} : { conflict: toWire(storedEntity, false) };
  }
  const { clocks, changes } = stampWrite(stored, valid, entityOf(incomingDoc), merge, stamping);
  const derivedFields = derivedFieldsOf(collection, valid);
  return {
    write: {
      kind: storedEntity ? 'change' : 'create',
      id: valid.id,
      entity: valid,
      before: storedEntity,
      changes,
      // A derived field (a deal's amount from its merged lines) is recomputed, never merged; a path a server rule
      // set afterwards (the owner's team) lost to that rule, not to the other edit: no merge line for either.
      conflicts: merge.conflicts.filter(
        (c) => !derivedFields.has(c.field) && sameValue(valueAtPath(valid, c.path), c.kept),
      ),
      clocks,
    },
    conflict: held(valid) ? undefined : toWire(valid, false),
  };
}

/**
 * The stamps a write stores and when each changed field was edited: a path whose value is the pushed one keeps
 * the push's stamp (as the merge decided it; unstamped: the receive time); a path a server rule changed
 * (derived fields, the owner's team) gets the server's stamp; untouched paths keep theirs.
 */
function stampWrite(
  stored: StoredRow | null,
  valid: Entity,
  incoming: Entity,
  merge: MergeOutcome,
  stamping: RowStamping,
): { clocks: Record<string, Stamp>; changes: FieldChange[] } {
  const latest = new Map<string, Stamp>();
  const clocks = stampsAfterWrite(storedClocks(stored), stored?.data ?? null, valid, (path) => {
    const stamp = sameValue(valueAtPath(incoming, path), valueAtPath(valid, path))
      ? merge.incomingStamp(path)
      : stamping.server;
    const { field } = parseStampPath(path);
    latest.set(field, laterStamp(latest.get(field) ?? '', stamp));
    return stamp;
  });
  const changes = fieldChanges(stored?.deleted ? null : (stored?.data ?? null), valid).map(
    (change) => ({ ...change, editedAt: wallOf(latest.get(change.field) ?? stamping.server) }),
  );
  return { clocks, changes };
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
