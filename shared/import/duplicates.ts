import { duplicateKeys, type DuplicateProbe, type DuplicateReason } from '../rules/duplicates';
import type { ImportKind } from './header-guess';
import { normalizeValue } from './value-map';

/**
 * Duplicate preview for imports (issue 17, 防撞单): rows that collide with each other or with records already in
 * the replica, by credit code, normalized company name, mobile or e-mail — the app's own rule
 * (shared/rules/duplicates.ts), used through its keys so 100,000 rows are grouped in one pass, not by pairs.
 */

/**
 * What happens to a group when the import runs:
 * - `skip`: none of its rows is written (records in the replica stay as they are);
 * - `update`: its first row updates the one existing record it matches; its other rows are not written;
 * - `create`: its first row becomes a new record; its other rows (copies within the file) are not written.
 */
export type DuplicateAction = 'skip' | 'update' | 'create';

export interface DuplicateGroup {
  /** File line numbers of the rows in the group, in file order. */
  rows: number[];
  /** Ids of the replica's records the group matches. */
  existingIds: string[];
  /** Every reason that joined a pair in the group, strongest first. */
  reasons: ImportDuplicateReason[];
  /** The default: skip when the replica holds a match (nothing is overwritten unasked), else create once. */
  action: DuplicateAction;
}

/**
 * Why rows are one group: the app's duplicate reasons (accounts, contacts, leads), or for records that have no
 * company or person to compare — `deal`: the same deal name at the same account; `activity`: the same kind and
 * subject at the same account in the same minute. What a re-imported list holds, so "update existing" finds each
 * record it came from.
 */
export type ImportDuplicateReason = DuplicateReason | 'deal' | 'activity';

/** What a row or stored record is compared by: the app's probe, plus a deal's or activity's identity. */
export interface ImportProbe extends DuplicateProbe {
  deal?: string;
  activity?: string;
}

/** A deal's identity for the duplicate preview: its account and its name (width, case and spaces folded). */
export function dealKey(accountId: string, name: string): string {
  const key = normalizeValue(name);
  return key === '' ? '' : `${accountId}|${key}`;
}

/**
 * An activity's identity: its account, kind, subject and minute (a file holds moments to the minute, as the
 * export writes them).
 */
export function activityKey(
  accountId: string,
  type: string,
  subject: string,
  occurredAt: number,
): string {
  const key = normalizeValue(subject);
  return key === '' ? '' : `${accountId}|${type}|${Math.floor(occurredAt / 60_000)}|${key}`;
}

/** The fields compared for a kind. */
export function duplicateProbe(
  kind: ImportKind,
  record: Record<string, unknown>,
): ImportProbe | null {
  const s = (k: string) => (typeof record[k] === 'string' ? record[k] : '');
  if (kind === 'accounts') return { name: s('name'), creditCode: s('creditCode') };
  // A person's name is not a company name: contacts and leads collide by how they are reached.
  if (kind === 'contacts' || kind === 'leads') return { mobile: s('mobile'), email: s('email') };
  if (kind === 'deals') return { deal: dealKey(s('accountId'), s('name')) };
  const at = typeof record.occurredAt === 'number' ? record.occurredAt : 0;
  return { activity: activityKey(s('accountId'), s('type'), s('subject'), at) };
}

function importKeys(probe: ImportProbe): string[] {
  const keys = duplicateKeys(probe);
  if (probe.deal) keys.push(`deal:${probe.deal}`);
  if (probe.activity) keys.push(`activity:${probe.activity}`);
  return keys;
}

const REASON_ORDER: ImportDuplicateReason[] = [
  'creditCode',
  'name',
  'mobile',
  'email',
  'deal',
  'activity',
];

/**
 * Groups incoming rows that share a key with each other or with existing records (transitively: A and B share
 * a mobile, B and C an e-mail → one group). Rows that collide with nothing are in no group.
 */
export function groupDuplicates(
  incoming: readonly { row: number; probe: ImportProbe }[],
  existing: readonly { id: string; probe: ImportProbe }[],
): DuplicateGroup[] {
  // Union-find over incoming rows (by index); existing records attach to the key's first row.
  const parent = incoming.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const reasonsOf = new Map<number, Set<ImportDuplicateReason>>();
  const addReason = (i: number, reason: ImportDuplicateReason) => {
    const set = reasonsOf.get(i) ?? new Set();
    set.add(reason);
    reasonsOf.set(i, set);
  };
  const firstByKey = new Map<string, number>();
  incoming.forEach(({ probe }, i) => {
    for (const key of importKeys(probe)) {
      const first = firstByKey.get(key);
      if (first === undefined) firstByKey.set(key, i);
      else {
        const reason = key.slice(0, key.indexOf(':')) as ImportDuplicateReason;
        addReason(i, reason);
        addReason(first, reason);
        parent[find(i)] = find(first);
      }
    }
  });
  const existingOf = new Map<number, Set<string>>();
  for (const { id, probe } of existing)
    for (const key of importKeys(probe)) {
      const i = firstByKey.get(key);
      if (i === undefined) continue;
      addReason(i, key.slice(0, key.indexOf(':')) as ImportDuplicateReason);
      const set = existingOf.get(i) ?? new Set();
      set.add(id);
      existingOf.set(i, set);
    }

  const groups = new Map<
    number,
    { members: number[]; ids: Set<string>; reasons: Set<ImportDuplicateReason> }
  >();
  incoming.forEach((_, i) => {
    if (!reasonsOf.has(i)) return;
    const root = find(i);
    const group = groups.get(root) ?? { members: [], ids: new Set(), reasons: new Set() };
    group.members.push(i);
    for (const id of existingOf.get(i) ?? []) group.ids.add(id);
    for (const r of reasonsOf.get(i) ?? []) group.reasons.add(r);
    groups.set(root, group);
  });
  return [...groups.values()]
    .map((g): DuplicateGroup => ({
      rows: g.members.map((i) => incoming[i].row),
      existingIds: [...g.ids],
      reasons: REASON_ORDER.filter((r) => g.reasons.has(r)),
      action: g.ids.size > 0 ? 'skip' : 'create',
    }))
    .sort((a, b) => a.rows[0] - b.rows[0]);
}

export interface ImportPlan<T> {
  create: T[];
  /** Existing record id → the row that updates it (`ownerDefaulted`: the row named no owner; the update keeps it). */
  update: { id: string; row: number; record: T; ownerDefaulted?: true }[];
  /** Rows not written because of their group's action. */
  skipped: number[];
}

/**
 * Applies the chosen actions to the valid rows: rows in no group are created; for each group, see
 * `DuplicateAction`. `update` on a group that matches several records (or none) falls back to `skip`, so an
 * ambiguous choice never overwrites the wrong record.
 */
export function planImport<T>(
  valid: readonly { row: number; record: T; ownerDefaulted?: true }[],
  groups: readonly DuplicateGroup[],
): ImportPlan<T> {
  const groupOfRow = new Map<number, DuplicateGroup>();
  for (const g of groups) for (const row of g.rows) groupOfRow.set(row, g);
  const plan: ImportPlan<T> = { create: [], update: [], skipped: [] };
  const seen = new Set<DuplicateGroup>();
  for (const { row, record, ownerDefaulted } of valid) {
    const group = groupOfRow.get(row);
    if (!group) {
      plan.create.push(record);
      continue;
    }
    // The group's first valid row acts for it; later rows of the group are copies.
    if (seen.has(group) || group.action === 'skip') {
      plan.skipped.push(row);
      seen.add(group);
      continue;
    }
    seen.add(group);
    if (group.action === 'create') plan.create.push(record);
    else if (group.existingIds.length === 1)
      plan.update.push({
        id: group.existingIds[0],
        row,
        record,
        ...(ownerDefaulted ? { ownerDefaulted } : {}),
      });
    else plan.skipped.push(row);
  }
  return plan;
}
