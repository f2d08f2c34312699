import type { TFunction } from 'i18next';
import { RejectReason, sameRecord, sameValue, stampPath, valueAtPath } from '@shared/sync';
import { restorePatch, type RestoreTarget } from '@shared/sync/restore';
import type { InboxEntry } from '../../data/inbox-collection';
import { formatDateTime } from '../../components/format';
import { BusinessRuleError } from '../../data/errors';
import { fieldLabel } from '../history/field-label';

type AnyRecord = Record<string, unknown>;

/** Fields nobody types (ids, audit stamps, derived keys): never compared, shown or written back. */
export const NOT_TYPED_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'workspaceId',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'nameKey',
  'companyKey',
]);

function typedKeys(record: AnyRecord): string[] {
  return Object.keys(record).filter((key) => !key.startsWith('_') && !NOT_TYPED_FIELDS.has(key));
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

export interface ValueDiff {
  field: string;
  /** What the person typed (undefined: the field was cleared). */
  typed: unknown;
  /** The record's current local state (undefined: no such field or no local record). */
  current: unknown;
}

/**
 * The values the person typed that differ from the record as it is now on this device. Without a local
 * record every typed value counts (blank ones left out).
 */
export function diffAgainstCurrent(attempted: AnyRecord, current: AnyRecord | null): ValueDiff[] {
  if (!current)
    return typedKeys(attempted)
      .filter((field) => !isBlank(attempted[field]))
      .map((field) => ({ field, typed: attempted[field], current: undefined }));
  const fields = [...new Set([...typedKeys(attempted), ...typedKeys(current)])];
  return fields
    .filter((field) => !sameValue(attempted[field], current[field]))
    .map((field) => ({ field, typed: attempted[field], current: current[field] }));
}

/** Every value the person typed (for a record that is still exactly as they typed it); "not deleted" is left out. */
export function typedValues(attempted: AnyRecord): ValueDiff[] {
  return typedKeys(attempted)
    .filter(
      (field) => !isBlank(attempted[field]) && !(field === 'deleted' && attempted[field] === false),
    )
    .map((field) => ({ field, typed: attempted[field], current: attempted[field] }));
}

/** The patch that writes the typed values onto the current record (cleared fields become undefined). */
export function patchFromAttempted(attempted: AnyRecord, current: AnyRecord): AnyRecord {
  return Object.fromEntries(
    diffAgainstCurrent(attempted, current).map((diff) => [diff.field, diff.typed]),
  );
}

/** What to create when the record no longer exists locally: the typed fields under the same id. */
export function createInputFromAttempted(attempted: AnyRecord, recordId: string): AnyRecord {
  const input = Object.fromEntries(
    typedKeys(attempted)
      .filter((key) => key !== 'deleted' && key !== 'deletedAt')
      .map((key) => [key, attempted[key]]),
  );
  return { ...input, id: recordId };
}

/**
 * A new record the server refused is still on this device exactly as typed (the server had no state to
 * send back), while a refused change to an existing record was rolled back to the server's state. So:
 * the local record equal to what was attempted means it never reached the server.
 */
export function neverReachedServer(attempted: AnyRecord, current: AnyRecord | null): boolean {
  return current !== null && sameRecord(current, attempted);
}

/** The record's name for people: name, subject or title (typed first, then the local record). */
export function recordTitle(
  entry: Pick<InboxEntry, 'attempted' | 'recordId'>,
  current: AnyRecord | null,
): string {
  for (const source of [entry.attempted, current ?? {}]) {
    for (const key of ['name', 'subject', 'title', 'number']) {
      const value = source[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
  }
  return entry.recordId;
}

/** The fields a refusal is about: the field issues, the team for a scope refusal, the missing fields of a stage gate. */
export function fieldsInQuestion(
  entry: Pick<InboxEntry, 'reason' | 'params' | 'issues'>,
): Set<string> {
  const fields = new Set(entry.issues.map((issue) => issue.path.split('.')[0] ?? issue.path));
  if (entry.reason === RejectReason.outOfScope || entry.reason === RejectReason.workspaceWide)
    fields.add('teamId');
  if (entry.reason === RejectReason.ownerOutOfScope) fields.add('ownerId');
  if (entry.reason === RejectReason.stageGate) {
    fields.add('stage');
    for (const field of entry.params.fields?.split(',') ?? []) if (field) fields.add(field);
  }
  return fields;
}

/** Where a record is shown: its detail page, or the page that shows it (a contact on its account). */
export function recordRoute(
  collection: string,
  recordId: string,
  record: AnyRecord | null,
): string | null {
  const accountId = typeof record?.accountId === 'string' ? record.accountId : '';
  switch (collection) {
    case 'accounts':
      return `/accounts/${recordId}`;
    case 'deals':
      return `/deals/${recordId}`;
    case 'tickets':
      return `/tickets/${recordId}`;
    case 'contracts':
      return `/contracts/${recordId}`;
    case 'contacts':
    case 'activities':
      return accountId ? `/accounts/${accountId}` : null;
    case 'leads':
      return '/leads';
    default:
      return null;
  }
}

/**
 * The rejection's parameters in words: field names through `fields.<name>` (as write-errors.ts does for
 * local refusals), the stage by its label, a team by its name.
 */
export function translateReasonParams(
  params: Record<string, string>,
  t: TFunction,
  names: ReadonlyMap<string, string>,
  collection?: string,
): Record<string, string> {
  const out: Record<string, string> = { ...params };
  // An overruled value (sync.overruled.*): the field by its label, who kept theirs, both edit times.
  if (params.field) {
    const label = fieldLabel(t, params.field, collection);
    out.field = params.itemId ? t('inbox.itemOf', { field: label }) : label;
    // An item's field by the list editor's column label (deals.lineItems.quantity), else the shared label.
    if (params.itemId && params.key)
      out.field += ` · ${t(`${collection}.${params.field}.${params.key}`, {
        defaultValue: fieldLabel(t, params.key, collection),
      })}`;
  }
  if (params.keptBy !== undefined) out.keptBy = names.get(params.keptBy) ?? params.keptBy;
  for (const key of ['keptAt', 'lostAt'] as const) {
    const at = Number(params[key]);
    if (params[key] !== undefined && Number.isFinite(at)) out[key] = formatDateTime(at);
  }
  if (params.fields)
    out.fields = params.fields
      .split(',')
      .map((f) => t(`fields.${f}`, { defaultValue: f }))
      .join(t('inbox.separator'));
  if (params.stage) out.stage = t(`lists.stage.${params.stage}`, { defaultValue: params.stage });
  if (params.team !== undefined)
    out.team = names.get(params.team) ?? (params.team || t('inbox.noTeam'));
  return out;
}

/** Inbox reasons of a value this device pushed that lost to a later edit (the sync engine's overruled entries). */
export const OVERRULED_PREFIX = 'sync.overruled.';

export function isOverruled(entry: Pick<InboxEntry, 'reason'>): boolean {
  return entry.reason.startsWith(OVERRULED_PREFIX);
}

/** Where the overruled value sits: a field, a list item (`itemId`) or one field of a list item (`key`). */
export interface OverruledPath {
  field: string;
  itemId?: string;
  key?: string;
}

export function overruledPath(entry: Pick<InboxEntry, 'params' | 'attempted'>): OverruledPath {
  const field = entry.params.field || Object.keys(entry.attempted)[0] || '';
  const path: OverruledPath = { field };
  if (entry.params.itemId) path.itemId = entry.params.itemId;
  if (entry.params.itemId && entry.params.key) path.key = entry.params.key;
  return path;
}

/** The value at an overruled path in a record (undefined: no such field or item). */
export function valueAtOverruledPath(record: AnyRecord | null, path: OverruledPath): unknown {
  return valueAtPath(record, stampPath(path));
}

/** The overruled entry's lost value (what this device had typed). */
export function lostValue(entry: Pick<InboxEntry, 'params' | 'attempted'>): unknown {
  return entry.attempted[overruledPath(entry).field];
}

/**
 * What putting an overruled value back writes, as the shared restore rule takes it (shared/sync/restore.ts, the
 * same as restoring from history): the field; or the one field of the list item; or the whole item (a lost
 * deletion — null — removes it again).
 */
export function overruledRestoreTarget(
  entry: Pick<InboxEntry, 'params' | 'attempted'>,
): RestoreTarget {
  const { field, itemId, key } = overruledPath(entry);
  const lost = lostValue(entry);
  if (itemId === undefined) return { field, value: lost };
  if (key !== undefined) return { field, itemId, values: { [key]: lost } };
  const item =
    typeof lost === 'object' && lost !== null && !Array.isArray(lost)
      ? ({ ...(lost as AnyRecord), id: itemId } as AnyRecord & { id: string })
      : null;
  return { field, itemId, item };
}

/**
 * The patch that puts an overruled value back as a new edit of the current record (null: it is there already).
 * Totals derived from a list are recomputed by the repository, as for any edit.
 */
export function overruledRestorePatch(
  entry: Pick<InboxEntry, 'params' | 'attempted'>,
  current: AnyRecord,
): AnyRecord | null {
  const target = overruledRestoreTarget(entry);
  if ('values' in target && valueAtPath(current, stampPath(target)) === undefined)
    throw new BusinessRuleError('inbox.itemGone');
  return restorePatch(current, target);
}
