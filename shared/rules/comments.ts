import type { Activity, CollectionName, RelatedType } from '../domain';
import { inboxItemKey, type InboxItem } from './inbox-items';

/**
 * Comments and @mentions (issue 18; the plan in shared/domain/README.md): a comment is an `activities` row of type
 * 'comment' on a record. Its body is plain text with mention tokens that still read well where they are shown as
 * text (exports, notifications, old clients): `@[张伟](member:u1)` names a member, `#[华为](accounts:a1)` a record.
 * `mentions` (the member ids) and `subject` (the first line, tokens as names) are derived from the body by
 * `withCommentFields`, the same function in the app's repository and on the server.
 */

/** Collections a `#` token may name (the records that have a comment thread). */
export const COMMENTABLE_COLLECTIONS = [
  'accounts',
  'contacts',
  'leads',
  'deals',
  'contracts',
  'tickets',
] as const satisfies readonly CollectionName[];
export type CommentableCollection = (typeof COMMENTABLE_COLLECTIONS)[number];

/** How many members one comment may mention (the entity schema's bound on `mentions`). */
export const MAX_MENTIONS = 50;

export type CommentSegment =
  | { kind: 'text'; text: string }
  | { kind: 'member'; id: string; name: string }
  | { kind: 'record'; collection: CommentableCollection; id: string; name: string };

const TOKEN =
  /([@#])\[([^\]\n]{1,100})\]\((member|accounts|contacts|leads|deals|contracts|tickets):([^)\s]{1,64})\)/g;

/** A name as a token holds it: no brackets or line breaks (they would end the token), at most 100 characters. */
function tokenName(name: string): string {
  const clean = name.replace(/[[\]\r\n]/g, ' ').trim();
  return (clean || '?').slice(0, 100);
}

/** The token that @mentions a member. */
export function memberToken(id: string, name: string): string {
  return `@[${tokenName(name)}](member:${id})`;
}

/** The token that #mentions a record. */
export function recordToken(collection: CommentableCollection, id: string, name: string): string {
  return `#[${tokenName(name)}](${collection}:${id})`;
}

/** A comment's body as text and mentions, in order (a malformed token stays text). */
export function parseCommentBody(body: string): CommentSegment[] {
  const out: CommentSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    const [whole, sigil, name, target, id] = match;
    const at = match.index;
    // '@' goes with member, '#' with a record: anything else is text.
    if ((sigil === '@') !== (target === 'member')) continue;
    if (at > last) out.push({ kind: 'text', text: body.slice(last, at) });
    out.push(
      target === 'member'
        ? { kind: 'member', id, name }
        : { kind: 'record', collection: target as CommentableCollection, id, name },
    );
    last = at + whole.length;
  }
  if (last < body.length) out.push({ kind: 'text', text: body.slice(last) });
  return out;
}

/** The key a mention's current name is looked up by: `member:<id>` or `<collection>:<id>`. */
export function mentionRef(segment: Exclude<CommentSegment, { kind: 'text' }>): string {
  return `${segment.kind === 'member' ? 'member' : segment.collection}:${segment.id}`;
}

/** The field that names a record of each commentable collection (what a `#` token shows). */
const TITLE_FIELD: Record<CommentableCollection, 'name' | 'title' | 'subject'> = {
  accounts: 'name',
  contacts: 'name',
  leads: 'name',
  deals: 'name',
  contracts: 'title',
  tickets: 'subject',
};

/** A record's current name as a `#` mention shows it ('' when it has none). */
export function mentionTitle(collection: CommentableCollection, record: object): string {
  const value = (record as Record<string, unknown>)[TITLE_FIELD[collection]];
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The segments with each mention's current name (issue 18: a renamed member or record reads as it is called now),
 * `names` keyed by `mentionRef`. A mention whose member or record is not known here (not in the replica, out of
 * scope, nameless) keeps the name stored in its token.
 */
export function withCurrentNames(
  segments: readonly CommentSegment[],
  names: ReadonlyMap<string, string>,
): CommentSegment[] {
  return segments.map((segment) => {
    if (segment.kind === 'text') return segment;
    const current = names.get(mentionRef(segment));
    return current ? { ...segment, name: current } : segment;
  });
}

/** The members a body @mentions: each once, in order of first mention, at most MAX_MENTIONS. */
export function mentionedMemberIds(body: string): string[] {
  const ids = new Set<string>();
  for (const segment of parseCommentBody(body)) if (segment.kind === 'member') ids.add(segment.id);
  return [...ids].slice(0, MAX_MENTIONS);
}

/** The body as a person reads it without chips: `@张伟`, `#华为`. */
export function commentPlainText(body: string): string {
  return parseCommentBody(body)
    .map((s) => (s.kind === 'text' ? s.text : `${s.kind === 'member' ? '@' : '#'}${s.name}`))
    .join('');
}

/** The subject a comment is listed and searched by: its first non-empty line as text, at most 200 characters. */
export function commentSubject(body: string): string {
  const line =
    commentPlainText(body)
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Is this activity a comment? */
export function isComment(activity: object): boolean {
  return (activity as { type?: unknown }).type === 'comment';
}

/**
 * A comment with its derived fields: `subject` and `mentions` from its body (whatever a client sent). Other
 * activities are returned unchanged. Called by the activity repository and by the server on every write.
 */
export function withCommentFields<T extends Record<string, unknown>>(record: T): T {
  if (!isComment(record) || typeof record.body !== 'string') return record;
  const subject = commentSubject(record.body);
  return {
    ...record,
    // An empty body leaves the subject empty, which the schema refuses at `subject` ("required").
    subject,
    mentions: mentionedMemberIds(record.body),
    replyToId: typeof record.replyToId === 'string' ? record.replyToId : '',
  };
}

/** The collection a related type's records live in. */
export function collectionOfRelated(type: RelatedType): CommentableCollection {
  return `${type}s`;
}

/** The related type of a commentable collection. */
export function relatedOfCollection(collection: CommentableCollection): RelatedType {
  return collection.slice(0, -1) as RelatedType;
}

/** Why a write to a comment is refused (null: allowed). */
export type CommentWriteRefusal = 'authorOnly' | null;

/**
 * Who may write a comment: its author writes and edits it (the author is its owner, who stays the same); its
 * author or an admin deletes or restores it — an admin changes nothing else. A write that makes a comment out of
 * another activity, or another activity out of a comment, counts as both, so nobody turns someone else's comment
 * into a note to edit it.
 */
export function commentWriteRefusal(
  writer: { userId: string; role: string },
  before: Partial<Activity> | null,
  after: Partial<Activity>,
): CommentWriteRefusal {
  if (!isComment(after) && !(before && isComment(before))) return null;
  const author = before ? before.ownerId : after.ownerId;
  const isAuthor = author === writer.userId && after.ownerId === author;
  if (isAuthor && (!before || isComment(before)) && isComment(after)) return null;
  if (!before) return 'authorOnly';
  if (
    writer.role === 'admin' &&
    isComment(before) &&
    isComment(after) &&
    before.deleted !== after.deleted &&
    sameContent(before, after)
  )
    return null;
  // A write of the stored state onto itself (a replication tombstone by its author) is the author's only.
  return isAuthor && isComment(before) && isComment(after) ? null : 'authorOnly';
}

const CONTENT_FIELDS = [
  'body',
  'subject',
  'relatedType',
  'relatedId',
  'accountId',
  'ownerId',
  'replyToId',
  'occurredAt',
] as const;

function sameContent(a: Partial<Activity>, b: Partial<Activity>): boolean {
  return CONTENT_FIELDS.every((field) => (a[field] ?? '') === (b[field] ?? ''));
}

/**
 * A comment's team is its record's team (comments follow the record's scope: nobody receives a comment on a
 * record they cannot see). `recordTeamId` is the team of the record the comment is on; undefined when it is not
 * known (not synced yet), which leaves the team as written.
 */
export function commentTeam(
  comment: { type?: unknown; teamId: string },
  recordTeamId: string | undefined,
): string {
  return isComment(comment) && recordTeamId !== undefined ? recordTeamId : comment.teamId;
}

/** What the mention rule reads of a comment. */
export type MentionComment = Pick<
  Activity,
  'id' | 'ownerId' | 'relatedType' | 'relatedId' | 'subject' | 'createdAt' | 'deleted' | 'type'
> &
  Pick<Partial<Activity>, 'mentions' | 'replyToId'>;

/**
 * The inbox items comments raise for `viewerId` (issue 18): a comment that @mentions them (rule 'mention') or
 * answers one of their comments (rule 'reply'), never one they wrote themselves. The item opens the commented
 * record; its lapse is the comment id, so each comment raises one item, once. `parents` holds the comments
 * replied to (by id); `titleOf` names a record (its name or subject; '' when unknown).
 */
export function commentInboxItems(
  viewerId: string,
  comments: Iterable<MentionComment>,
  parents: ReadonlyMap<string, Pick<MentionComment, 'ownerId'>>,
  titleOf: (collection: CommentableCollection, id: string) => string,
): InboxItem[] {
  const items: InboxItem[] = [];
  for (const comment of comments) {
    if (!isComment(comment) || comment.deleted || comment.ownerId === viewerId) continue;
    if (!comment.relatedType || !comment.relatedId) continue;
    const mentioned = (comment.mentions ?? []).includes(viewerId);
    const parent = comment.replyToId ? parents.get(comment.replyToId) : undefined;
    const reply = parent?.ownerId === viewerId;
    if (!mentioned && !reply) continue;
    const rule = mentioned ? 'mention' : 'reply';
    const collection = collectionOfRelated(comment.relatedType);
    items.push({
      key: inboxItemKey(rule, collection, comment.relatedId, comment.id),
      kind: 'mention',
      rule,
      recipientId: viewerId,
      recordCollection: collection,
      recordId: comment.relatedId,
      recordTitle: titleOf(collection, comment.relatedId),
      dueAt: comment.createdAt,
      params: { authorId: comment.ownerId, commentId: comment.id, excerpt: comment.subject },
    });
  }
  return items.sort((a, b) => b.dueAt - a.dueAt || a.key.localeCompare(b.key));
}
