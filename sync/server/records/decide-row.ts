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
import { withSlaPause, withSweepFieldsKept } from './sla-clock';
import type { BusinessCalendar } from '@shared/rules/business-hours';
import { maskDoc, type Masking } from './masking';
import { fieldChanges } from './history';
import { applyOwnership, type OwnershipContext } from './record-ownership';
import { withRecordTeam, type RecordTeams } from './comment-teams';
import { stageGateRefusal, type DealPipelines } from './stage-gate';
import { applyApprovalRules, type ApprovalContext } from './approvals';
import type { CreditCodeRegistry } from './credit-codes';
import { quoteRefusal, type QuoteContext } from './quote-approvals';
import { targetRefusal, type TargetMembers } from './targets';
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
  /** The workspace's working calendar (tickets only: the SLA's customer-wait pause; none: left as pushed). */
  slaCalendar?: BusinessCalendar | null;
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
  /** The workspace's approval rules and people (approvals.ts; approvals only, absent otherwise). */
  approvals?: ApprovalContext | null;
  /** The approval rules and the deals' discount approvals (quote-approvals.ts; deals with sent quotes only). */
  quotes?: QuoteContext | null;
  /** The members the group's targets name (targets.ts; settings only, absent otherwise). */
  targetMembers?: TargetMembers;
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
  slaCalendar,
  stored,
  masking,
  ownership,
  stamping,
  recordTeams,
  creditCodes,
  approvals,
  quotes,
  targetMembers,
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
  // Server-owned fields: the audit stamps, and the SLA sweep's records (a ticket's warning and breach).
  const validation = validateWrite(
    collection,
    withSweepFieldsKept(
      collection,
      stored?.deleted ? null : storedEntity,
      stampServerFields(candidate, principal, storedEntity),
    ),
  );
  if (!validation.ok) return reject({ reason: RejectReason.validation, issues: validation.issues });
  // Gates check, and the write stores, the record as the app would save it (derived fields included).
  // lastActivityAt is never lowered by a push (the max rule); the server recomputes it from activities.
  // A lead is scored by the shared rule as the app scores it (capture API and REST leads too, issue 19).
  // A ticket's customer-wait pause follows its status (issue 21), by the server's clock when the pusher left it.
  const derived = withSlaPause(
    collection,
    withLeadScore(
      collection,
      withLastActivityKept(
        collection,
        stored?.deleted ? null : storedEntity,
        withDerivedFields(collection, validation.entity),
      ),
      leadScoring,
    ),
    slaCalendar,
    wallOf(stamping.server),
  );
  // The team follows the owner before the scope check, which then judges the team the record really goes to.
  const owned = applyOwnership(ownership, principal, scope, collection, storedEntity, derived);
  if ('refusal' in owned) return reject(owned.refusal);
  // A comment is in its record's team, not its author's: it follows the record's scope (issue 18).
  const teamed = recordTeams ? withRecordTeam(owned.entity, recordTeams) : owned.entity;

  const permitted = permissionRefusal(principal, scope, collection, storedEntity, teamed);
  if (permitted) return reject(permitted);
  // An approval's route is the server's, and only its approvers decide it, once (approvals.ts, issue 20).
  const approved = applyApprovalRules(
    approvals,
    principal,
    stored?.deleted ? null : storedEntity,
    row.assumedMasterState ? entityOf(row.assumedMasterState) : null,
    teamed,
  );
  if ('refusal' in approved) return reject(approved.refusal);
  const valid = approved.entity;

  const refused =
    stageGateRefusal(collection, storedEntity, valid, pipelines) ??
    quoteRefusal(
      quotes ?? null,
      principal,
      collection,
      stored?.deleted ? null : storedEntity,
      valid,
    ) ??
    creditCodes?.refusal(scope, stored?.deleted ? null : storedEntity, valid) ??
    (targetMembers ? targetRefusal(principal, collection, valid, targetMembers) : null) ??
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
