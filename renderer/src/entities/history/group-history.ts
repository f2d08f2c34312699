import { parseStampPath, type HistoryEntry } from '@shared/sync';

/**
 * Fields a person never typed, left out of every history line (issue 15: history reads like a person wrote it):
 * ids and bookkeeping that change on every write or are set once by the app; keys derived from a name for
 * duplicate checks; a deal's board position (`rank`, moved by drag and drop); its pipeline (the app has one,
 * settings `pipeline-default`); the currency (always CNY); when it was deleted (the `deleted` line says so).
 * The one list of them: the history screen and its restore buttons both read it.
 */
export const HIDDEN_HISTORY_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'workspaceId',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'deletedAt',
  'nameKey',
  'companyKey',
  'rank',
  'pipelineId',
  'currency',
]);

/** The record field a history line is about (`lineItems` for `lineItems[<id>].quantity`). */
export function historyField(entry: Pick<HistoryEntry, 'field'>): string {
  return parseStampPath(entry.field).field;
}

export interface HistoryGroup {
  seq: number;
  at: number;
  userId: string;
  userName: string;
  kind: HistoryEntry['kind'];
  /** Field changes written by this change, in the order they were written (a new record: its fields in order). */
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
    if (HIDDEN_HISTORY_FIELDS.has(historyField(entry))) continue;
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
  // The server reads newest line first: within one write that reverses the order its fields were written in.
  for (const group of groups.values()) {
    group.changes.reverse();
    group.merges.reverse();
  }
  return [...groups.values()].sort((a, b) => b.seq - a.seq || b.at - a.at);
}
