import type { CollectionName } from '../domain';

/**
 * The inbox's one contract (issue 18): everything that asks a person to act is an `InboxItem`, computed from the
 * replica by a pure rule (follow-up rules, key dates, mentions, approvals waiting on them) — never stored. What the
 * person *did* with an item (done, snoozed, dismissed) is stored and synced as an inbox mark keyed by the item's
 * `key`, so the same item computed on another laptop is already dismissed there.
 */
export const INBOX_ITEM_KINDS = [
  'reminder',
  'escalation',
  'keyDate',
  'mention',
  'assignment',
  'approval',
] as const;
export type InboxItemKind = (typeof INBOX_ITEM_KINDS)[number];

export interface InboxItem {
  /** Stable across laptops and recomputations (`inboxItemKey`); a mark with this key hides or snoozes the item. */
  key: string;
  kind: InboxItemKind;
  /** The rule that raised it, e.g. 'leadNoActivity', 'dealNoActivity', 'taskOverdue', 'mention' (i18n key part). */
  rule: string;
  /** The member who should act. */
  recipientId: string;
  recordCollection: CollectionName;
  recordId: string;
  /** The record's name or subject when the item was computed (what the inbox shows). */
  recordTitle: string;
  /** When it became due (epoch ms): sorts the inbox; a notification is only sent for items due after the last one sent. */
  dueAt: number;
  /** Message parameters, strings only (i18n interpolation): days idle, the owner's name, the amount overdue … */
  params: Record<string, string>;
}

/**
 * `rule:collection:recordId:lapse`. The lapse names the occurrence (the last activity time a "no activity" reminder
 * counts from, the due date of a task, the comment id of a mention, the year of a birthday), so a new lapse is a new
 * item and the same lapse is never raised twice.
 */
export function inboxItemKey(
  rule: string,
  collection: CollectionName,
  recordId: string,
  lapse: string | number,
): string {
  return `${rule}:${collection}:${recordId}:${lapse}`;
}

/** What a person did with an item. */
export const INBOX_MARK_STATES = ['done', 'snoozed', 'dismissed'] as const;
export type InboxMarkState = (typeof INBOX_MARK_STATES)[number];

/** Is the item hidden from the inbox at `now` by its mark (a snoozed item comes back when the snooze ends)? */
export function isHiddenByMark(
  mark: { state: InboxMarkState; snoozedUntil: number } | undefined,
  now: number,
): boolean {
  if (!mark) return false;
  return mark.state !== 'snoozed' || mark.snoozedUntil > now;
}

/**
 * The id of a person's mark on an item: the same on every laptop (two laptops dismissing the same item write one
 * record that merges, not two), short enough for an id (≤ 64), and not revealing the key's record ids.
 */
export function inboxMarkId(userId: string, itemKey: string): string {
  return `m_${hash53(`${userId}|${itemKey}`, 1)}${hash53(`${itemKey}|${userId}`, 2)}`;
}

/** cyrb53: a fast, well-spread 53-bit string hash (public domain), as 14 hex digits. Not for security. */
function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
