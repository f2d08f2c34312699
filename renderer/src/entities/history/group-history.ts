import type { HistoryEntry } from '@shared/sync';

/** Bookkeeping fields a person never typed: left out of the history (they change on every write). */
export const HIDDEN_HISTORY_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'workspaceId',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'nameKey',
  'companyKey',
]);

export interface HistoryGroup {
  seq: number;
  at: number;
  userId: string;
  userName: string;
  kind: HistoryEntry['kind'];
  /** Field changes written by this change, in the server's order. */
  changes: HistoryEntry[];
  /** Values overwritten when this change was merged with someone else's (attributed to their writer). */
  merges: HistoryEntry[];
}

/**
 * Groups history rows by server sequence: one group per write, newest first, with the merge losers of that
 * write kept apart so the UI can highlight them.
 */
export function groupHistory(entries: readonly HistoryEntry[]): HistoryGroup[] {
  const groups = new Map<number, HistoryGroup>();
  for (const entry of entries) {
    if (HIDDEN_HISTORY_FIELDS.has(entry.field)) continue;
    let group = groups.get(entry.seq);
    if (!group) {
      group = {
        seq: entry.seq,
        at: entry.at,
        userId: entry.userId,
        userName: entry.userName,
        kind: entry.kind,
        changes: [],
        merges: [],
      };
      groups.set(entry.seq, group);
    }
    if (entry.kind === 'merge') {
      group.merges.push(entry);
      continue;
    }
    // The writer of the change (not the person whose value lost a merge) is who the group is about.
    if (group.changes.length === 0)
      Object.assign(group, {
        at: entry.at,
        userId: entry.userId,
        userName: entry.userName,
        kind: entry.kind,
      });
    group.changes.push(entry);
  }
  return [...groups.values()].sort((a, b) => b.seq - a.seq || b.at - a.at);
}
