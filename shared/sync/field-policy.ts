import {
  fieldPolicyValueSchema,
  RESTRICTABLE_FIELDS,
  type CollectionName,
  type FieldPolicyValue,
  type FieldRule,
  type RestrictableCollection,
} from '../domain';
import type { Principal } from './scope';

/**
 * Field-level restrictions (issue 14 "Permissions"): an admin's `fieldPolicy` setting names sensitive fields
 * (a deal's amount, a contact's mobile) and who may see them. The server masks them in everything it sends
 * (pulls, direct changes, push replies, REST) and keeps their stored value whatever a viewer who may not see
 * them writes; the app uses the same functions to show "hidden" instead of the neutral value it holds.
 */
export type FieldPolicy = FieldPolicyValue;

/** No restriction (the default until an admin turns one on). */
export const NO_FIELD_POLICY: FieldPolicy = { rules: [] };

/** Who is looking: what a rule depends on. */
export type FieldViewer = Pick<Principal, 'userId' | 'role' | 'teamIds'>;

/** A policy read from stored JSON: a value that is not one (none stored, or an older shape) restricts nothing. */
export function parseFieldPolicy(value: unknown): FieldPolicy {
  const parsed = fieldPolicyValueSchema.safeParse(value);
  return parsed.success ? parsed.data : NO_FIELD_POLICY;
}

export function isRestrictable(collection: CollectionName): collection is RestrictableCollection {
  return Object.hasOwn(RESTRICTABLE_FIELDS, collection);
}

/** The stored fields a restrictable field covers (a deal's amount covers its line items too). */
export function coveredFields(
  collection: RestrictableCollection,
  field: string,
): readonly string[] {
  const fields = RESTRICTABLE_FIELDS[collection] as Record<string, readonly string[]>;
  return Object.hasOwn(fields, field) ? fields[field] : [];
}

/** The rules of `collection` that may hide something from this viewer (admins see everything). */
function rulesAgainst(viewer: FieldViewer, policy: FieldPolicy, collection: CollectionName) {
  if (viewer.role === 'admin') return [];
  return policy.rules.filter(
    (rule) => rule.collection === collection && !rule.roles.includes(viewer.role),
  );
}

function seesAnyway(viewer: FieldViewer, rule: FieldRule, record: RecordTeam): boolean {
  if (!rule.ownTeam) return false;
  if (record.ownerId !== undefined && record.ownerId !== '' && record.ownerId === viewer.userId)
    return true;
  return record.teamId !== '' && viewer.teamIds.includes(record.teamId);
}

interface RecordTeam {
  teamId: string;
  ownerId?: unknown;
}

/**
 * The stored fields of `record` that `viewer` may not see, sorted. A rule hides its field from everyone but
 * admins and its `roles`; with `ownTeam`, also not from the record's owner or members of the record's own team
 * (a manager who sees a team below theirs, or anyone reading a workspace-wide record, is not one of them).
 */
export function hiddenFields(
  viewer: FieldViewer,
  policy: FieldPolicy,
  collection: CollectionName,
  record: RecordTeam,
): string[] {
  if (!isRestrictable(collection)) return [];
  const hidden = new Set<string>();
  for (const rule of rulesAgainst(viewer, policy, collection)) {
    if (seesAnyway(viewer, rule, record)) continue;
    for (const field of coveredFields(collection, rule.field)) hidden.add(field);
  }
  return [...hidden].sort();
}

/** The value a hidden field is replaced by: empty of its type, which every restrictable field's schema takes. */
export function neutralValue(value: unknown): unknown {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return '';
  if (typeof value === 'boolean') return false;
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') return {};
  return value;
}

/** `record` as `viewer` may see it: hidden fields replaced by their neutral value (the same object when none is). */
export function maskRecord<T extends RecordTeam>(
  viewer: FieldViewer,
  policy: FieldPolicy,
  collection: CollectionName,
  record: T,
): T {
  const hidden = hiddenFields(viewer, policy, collection, record);
  if (hidden.length === 0) return record;
  const masked = { ...record } as Record<string, unknown>;
  for (const field of hidden) if (field in masked) masked[field] = neutralValue(masked[field]);
  return masked as T;
}

/**
 * What this viewer's copy of `collection` is masked by, as a short stable text ('' when the policy can hide
 * nothing from them). The pull checkpoint carries it: a replica whose checkpoint names another one holds values
 * masked by an older policy or older rights, and pulls the collection again from the start.
 */
export function maskingVersion(
  viewer: FieldViewer,
  policy: FieldPolicy,
  collection: CollectionName,
): string {
  const rules = rulesAgainst(viewer, policy, collection);
  if (rules.length === 0) return '';
  const fields = rules.map((r) => `${r.field}${r.ownTeam ? '+' : ''}`).sort();
  const ownTeam = rules.some((r) => r.ownTeam);
  const basis = JSON.stringify([
    fields,
    ownTeam ? viewer.userId : '',
    ownTeam ? [...viewer.teamIds].sort() : [],
  ]);
  return `m${fnv1a(basis)}`;
}

/** FNV-1a, 32 bits, base 36: a short fingerprint (not a secret, only "did it change"). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
