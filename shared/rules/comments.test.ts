import { describe, expect, it } from 'vitest';
import type { Activity } from '../domain';
import { activitySchema } from '../domain';
import { checkWrite, type Principal } from '../sync/scope';
import {
  commentInboxItems,
  commentPlainText,
  commentSubject,
  commentTeam,
  commentWriteRefusal,
  memberToken,
  mentionedMemberIds,
  mentionRef,
  mentionTitle,
  parseCommentBody,
  recordToken,
  withCommentFields,
  withCurrentNames,
} from './comments';
import { withDerivedFields } from './derived-fields';

const body = `请 ${memberToken('u2', '张伟')} 看一下 ${recordToken('accounts', 'a1', '华为')} 的报价`;

function comment(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'c1',
    workspaceId: 'w1',
    teamId: 't1',
    ownerId: 'u1',
    createdAt: 1000,
    updatedAt: 1000,
    createdBy: 'u1',
    updatedBy: 'u1',
    deleted: false,
    type: 'comment',
    subject: '',
    body,
    outcome: '',
    nextStep: '',
    relatedType: 'deal',
    relatedId: 'd1',
    accountId: 'a1',
    occurredAt: 1000,
    dueDate: '',
    done: false,
    mentions: [],
    replyToId: '',
    ...overrides,
  };
}

describe('mention tokens', () => {
  it('reads as text and parses back into members and records', () => {
    expect(body).toBe('请 @[张伟](member:u2) 看一下 #[华为](accounts:a1) 的报价');
    expect(parseCommentBody(body)).toEqual([
      { kind: 'text', text: '请 ' },
      { kind: 'member', id: 'u2', name: '张伟' },
      { kind: 'text', text: ' 看一下 ' },
      { kind: 'record', collection: 'accounts', id: 'a1', name: '华为' },
      { kind: 'text', text: ' 的报价' },
    ]);
    expect(commentPlainText(body)).toBe('请 @张伟 看一下 #华为 的报价');
  });

  it('keeps a name with brackets or a line break inside one token', () => {
    const token = memberToken('u3', 'Li [Sales]\nBJ');
    expect(parseCommentBody(token)).toEqual([{ kind: 'member', id: 'u3', name: 'Li  Sales  BJ' }]);
  });

  it('leaves malformed or mismatched tokens as text', () => {
    for (const text of [
      '@[张伟](member:)',
      '#[张伟](member:u2)',
      '@[华为](accounts:a1)',
      '@[x](users:u1)',
    ])
      expect(parseCommentBody(text)).toEqual([{ kind: 'text', text }]);
  });

  it('lists each mentioned member once, in order, at most 50', () => {
    const many = Array.from({ length: 60 }, (_, i) => memberToken(`u${i}`, `n${i}`)).join(' ');
    expect(
      mentionedMemberIds(
        `${memberToken('u2', 'a')} ${memberToken('u1', 'b')} ${memberToken('u2', 'a')}`,
      ),
    ).toEqual(['u2', 'u1']);
    expect(mentionedMemberIds(many)).toHaveLength(50);
  });

  it('derives subject and mentions from the body, whatever the client sent', () => {
    const derived = withCommentFields(comment({ subject: 'forged', mentions: ['u9'] }));
    expect(derived.subject).toBe('请 @张伟 看一下 #华为 的报价');
    expect(derived.mentions).toEqual(['u2']);
    expect(withDerivedFields('activities', comment({ body: '\n  \n第二行\n第三行' })).subject).toBe(
      '第二行',
    );
    expect(commentSubject('x'.repeat(300))).toHaveLength(200);
    // Other activities are left alone.
    const call = comment({ type: 'call', subject: 'Call', mentions: undefined });
    expect(withCommentFields(call)).toBe(call);
  });

  it('validates against the activity schema; records without mentions still do', () => {
    expect(activitySchema.safeParse(withCommentFields(comment())).success).toBe(true);
    const old = comment({ type: 'call', subject: 'Old call' }) as Partial<Activity>;
    delete old.mentions;
    delete old.replyToId;
    expect(activitySchema.safeParse(old).success).toBe(true);
    // An empty comment has no subject: refused at `subject`.
    const empty = activitySchema.safeParse(withCommentFields(comment({ body: '   ' })));
    expect(empty.success).toBe(false);
  });
});

describe('mention names at display time', () => {
  it('shows the current name of a renamed member or record, keyed by mentionRef', () => {
    const segments = parseCommentBody(body);
    expect(segments.filter((s) => s.kind !== 'text').map((s) => mentionRef(s))).toEqual([
      'member:u2',
      'accounts:a1',
    ]);
    const names = new Map([
      ['member:u2', '张伟（华东）'],
      ['accounts:a1', '华为技术有限公司'],
    ]);
    expect(commentPlainText(body)).toBe('请 @张伟 看一下 #华为 的报价');
    expect(withCurrentNames(segments, names)).toEqual([
      { kind: 'text', text: '请 ' },
      { kind: 'member', id: 'u2', name: '张伟（华东）' },
      { kind: 'text', text: ' 看一下 ' },
      { kind: 'record', collection: 'accounts', id: 'a1', name: '华为技术有限公司' },
      { kind: 'text', text: ' 的报价' },
    ]);
  });

  it('keeps the stored name when the member or record is not known here, or has no name', () => {
    const segments = parseCommentBody(body);
    expect(withCurrentNames(segments, new Map())).toEqual(segments);
    expect(withCurrentNames(segments, new Map([['accounts:a1', '']]))).toEqual(segments);
    // Same id in another collection is another record.
    expect(withCurrentNames(segments, new Map([['deals:a1', '别的商机']]))).toEqual(segments);
  });

  it('names a record by its title field: name, a contract’s title, a ticket’s subject', () => {
    expect(mentionTitle('deals', { name: ' 西溪二期 ' })).toBe('西溪二期');
    expect(mentionTitle('contracts', { title: '年度框架合同', name: 'x' })).toBe('年度框架合同');
    expect(mentionTitle('tickets', { subject: '无法登录' })).toBe('无法登录');
    expect(mentionTitle('accounts', {})).toBe('');
  });
});

describe('who writes a comment', () => {
  const rep = { userId: 'u1', role: 'rep' };
  const other = { userId: 'u2', role: 'rep' };
  const admin = { userId: 'u9', role: 'admin' };
  const stored = comment();

  it('its author writes and edits it', () => {
    expect(commentWriteRefusal(rep, null, stored)).toBeNull();
    expect(commentWriteRefusal(rep, stored, { ...stored, body: 'changed' })).toBeNull();
  });

  it('nobody writes one in someone else’s name or edits someone else’s', () => {
    expect(commentWriteRefusal(other, null, stored)).toBe('authorOnly');
    expect(commentWriteRefusal(other, stored, { ...stored, body: 'changed' })).toBe('authorOnly');
    expect(commentWriteRefusal(admin, stored, { ...stored, body: 'changed' })).toBe('authorOnly');
    // Nor takes it over, or turns it into a note to edit it.
    expect(commentWriteRefusal(other, stored, { ...stored, ownerId: 'u2' })).toBe('authorOnly');
    expect(commentWriteRefusal(other, stored, { ...stored, type: 'note' })).toBe('authorOnly');
    expect(commentWriteRefusal(rep, stored, { ...stored, ownerId: 'u2' })).toBe('authorOnly');
  });

  it('its author or an admin deletes it; an admin changes nothing else on the way', () => {
    const deleted = { ...stored, deleted: true, deletedAt: 2000 };
    expect(commentWriteRefusal(rep, stored, deleted)).toBeNull();
    expect(commentWriteRefusal(admin, stored, deleted)).toBeNull();
    expect(commentWriteRefusal(other, stored, deleted)).toBe('authorOnly');
    expect(commentWriteRefusal(admin, stored, { ...deleted, body: 'edited too' })).toBe(
      'authorOnly',
    );
  });

  it('leaves other activities to the other rules', () => {
    const call = comment({ type: 'call' });
    expect(commentWriteRefusal(other, call, { ...call, body: 'x' })).toBeNull();
    expect(commentWriteRefusal(other, null, call)).toBeNull();
  });

  it('is part of checkWrite, after the scope', () => {
    const principal = (userId: string, role: Principal['role']): Principal => ({
      userId,
      role,
      workspaceId: 'w1',
      teamIds: ['t1'],
      deviceId: 'd',
    });
    const scope = new Set(['t1']);
    expect(checkWrite(principal('u1', 'rep'), scope, 'activities', null, stored)).toEqual({
      ok: true,
    });
    const edited = { ...stored, body: 'x' };
    const deleted = { ...stored, deleted: true };
    expect(checkWrite(principal('u2', 'rep'), scope, 'activities', stored, edited)).toEqual({
      ok: false,
      reason: 'sync.rejected.commentAuthorOnly',
    });
    expect(checkWrite(principal('u2', 'admin'), 'all', 'activities', stored, deleted)).toEqual({
      ok: true,
    });
  });
});

describe('a comment’s team', () => {
  it('is its record’s team when the record is known', () => {
    expect(commentTeam(comment({ teamId: 't1' }), 't2')).toBe('t2');
    expect(commentTeam(comment({ teamId: 't1' }), '')).toBe('');
    expect(commentTeam(comment({ teamId: 't1' }), undefined)).toBe('t1');
    expect(commentTeam(comment({ type: 'call', teamId: 't1' }), 't2')).toBe('t1');
  });
});

describe('inbox items from comments', () => {
  const titles = (collection: string, id: string) => `${collection}/${id}`;
  const mine = comment({ id: 'c0', ownerId: 'u2' });

  it('raises a mention for the member mentioned and a reply for the author answered', () => {
    const mention = withCommentFields(comment({ id: 'c1', createdAt: 5000 }));
    const reply = comment({ id: 'c2', body: 'ok', replyToId: 'c0', createdAt: 6000 });
    const items = commentInboxItems('u2', [mention, reply], new Map([['c0', mine]]), titles);
    expect(items).toEqual([
      {
        key: 'reply:deals:d1:c2',
        kind: 'mention',
        rule: 'reply',
        recipientId: 'u2',
        recordCollection: 'deals',
        recordId: 'd1',
        recordTitle: 'deals/d1',
        dueAt: 6000,
        params: { authorId: 'u1', commentId: 'c2', excerpt: '' },
      },
      expect.objectContaining({ key: 'mention:deals:d1:c1', rule: 'mention', dueAt: 5000 }),
    ]);
  });

  it('raises nothing for one’s own comments, deleted ones, or others’ threads', () => {
    const own = withCommentFields(comment({ ownerId: 'u2' }));
    const deleted = withCommentFields(comment({ deleted: true }));
    const unrelated = comment({ body: 'hi', replyToId: 'cX' });
    const note = comment({ type: 'note', mentions: ['u2'] });
    expect(
      commentInboxItems(
        'u2',
        [own, deleted, unrelated, note],
        new Map([['cX', { ownerId: 'u3' }]]),
        titles,
      ),
    ).toEqual([]);
  });

  it('raises one item when a comment both mentions and answers the viewer', () => {
    const both = withCommentFields(comment({ replyToId: 'c0' }));
    const items = commentInboxItems('u2', [both], new Map([['c0', mine]]), titles);
    expect(items.map((i) => i.key)).toEqual(['mention:deals:d1:c1']);
  });
});
