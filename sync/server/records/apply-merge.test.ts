import { describe, expect, it } from 'vitest';
import { mergeIncoming, stampServerFields } from './apply-merge';
import { account, principal, pushRow, stored } from './test-fixtures';

describe('mergeIncoming', () => {
  it('takes the pushed state for a new record, or over a deleted one', () => {
    const next = account('a', { notes: 'new' });
    expect(mergeIncoming(pushRow(next), null)).toEqual({ candidate: next, conflicts: [] });
    expect(mergeIncoming(pushRow(next), stored(account('a'), true)).candidate).toEqual(next);
  });

  it('takes the pushed state when the client saw what is stored', () => {
    const base = account('a');
    const next = account('a', { notes: 'typed' });
    expect(mergeIncoming(pushRow(next, base), stored(base))).toEqual({
      candidate: next,
      conflicts: [],
    });
  });

  it('merges field by field with a write the client did not see; the pushed value wins a tie', () => {
    const base = account('a');
    const theirs = account('a', { phone: '010-1', notes: 'theirs', updatedBy: 'u-other' });
    const mine = account('a', { website: 'x.cn', notes: 'mine' });
    const { candidate, conflicts } = mergeIncoming(pushRow(mine, base), stored(theirs));
    expect(candidate).toMatchObject({ phone: '010-1', website: 'x.cn', notes: 'mine' });
    expect(conflicts).toEqual([
      expect.objectContaining({ field: 'notes', kept: 'mine', lost: 'theirs' }),
    ]);
  });

  it('strips replication fields from what it returns', () => {
    const row = pushRow(account('a'));
    row.newDocumentState = { ...row.newDocumentState, _rev: '3-abc' };
    expect(Object.keys(mergeIncoming(row, null).candidate).some((k) => k.startsWith('_'))).toBe(
      false,
    );
  });
});

describe('stampServerFields', () => {
  it('sets the writer and creator of a new record', () => {
    const stamped = stampServerFields(
      account('a', { createdBy: 'forged', updatedBy: 'forged' }),
      principal({ userId: 'u-me' }),
      null,
    );
    expect(stamped).toMatchObject({ createdBy: 'u-me', updatedBy: 'u-me', updatedAt: 1_000 });
  });

  it('keeps the stored creator, creation time and workspace, and moves updatedAt forward', () => {
    const before = account('a', { createdBy: 'u-first', createdAt: 5, updatedAt: 2_000 });
    const stamped = stampServerFields(
      account('a', { createdBy: 'x', createdAt: 9, workspaceId: 'other', updatedAt: 1_500 }),
      principal({ userId: 'u-me' }),
      before,
    );
    expect(stamped).toMatchObject({
      createdBy: 'u-first',
      createdAt: 5,
      workspaceId: before.workspaceId,
      updatedBy: 'u-me',
      updatedAt: 2_001,
    });
    expect(
      stampServerFields(account('a', { updatedAt: 9_000 }), principal(), before).updatedAt,
    ).toBe(9_000);
  });
});
