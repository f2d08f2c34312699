import type { RxJsonSchema } from 'rxdb';

/**
 * "Changes the server did not accept": a local-only collection (never replicated) keeping what the person
 * typed, the server's reason and the field issues, until they fix or discard it (nothing is
 * dropped silently).
 */
export interface InboxEntry {
  id: string;
  /** The record's collection ('collection' itself is reserved by RxDB documents). */
  recordCollection: string;
  recordId: string;
  reason: string;
  params: Record<string, string>;
  issues: { path: string; message: string }[];
  attempted: Record<string, unknown>;
  createdAt: number;
}

export const INBOX_COLLECTION = 'sync_inbox';

export const inboxSchema: RxJsonSchema<InboxEntry> = {
  version: 0,
  title: INBOX_COLLECTION,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 200 },
    recordCollection: { type: 'string', maxLength: 40 },
    recordId: { type: 'string', maxLength: 64 },
    reason: { type: 'string' },
    params: { type: 'object' },
    issues: { type: 'array', items: { type: 'object' } },
    attempted: { type: 'object' },
    createdAt: { type: 'number', minimum: 0, maximum: 8_640_000_000_000, multipleOf: 1 },
  },
  required: [
    'id',
    'recordCollection',
    'recordId',
    'reason',
    'params',
    'issues',
    'attempted',
    'createdAt',
  ],
  indexes: ['createdAt'],
};
