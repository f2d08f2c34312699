import { describe, expect, it } from 'vitest';
import { encodeStamp } from '@shared/sync';
import {
  legacyStamp,
  mergeIncoming,
  stampServerFields,
  storedClocks,
  type RowStamping,
} from './apply-merge';
import { account, principal, pushRow, stored } from './test-fixtures';

const at = (wall: number, node = 'dev-1') => encodeStamp({ wall, counter: 0, node });
/** An unstamped push received at 10 000 (the fixtures' records were written at 1 000). */
const RECEIVED: RowStamping = { incoming: {}, server: at(10_000, 'server:n1') };

describe('mergeIncoming', () => {
  it('takes the pushed state for a new record, or over a deleted one', () => {
    const next = account('a', { notes: 'new' });
    expect(mergeIncoming(pushRow(next), null, RECEIVED)).toMatchObject({
      candidate: next,
      conflicts: [],
    });
    expect(mergeIncoming(pushRow(next), stored(account('a'), true), RECEIVED).candidate).toEqual(
      next,
    );
  });

  it('takes the pushed state when the client saw what is stored', () => {
    const base = account('a');
    const next = account('a', { notes: 'typed' });
    expect(mergeIncoming(pushRow(next, base), stored(base), RECEIVED)).toMatchObject({
      candidate: next,
      conflicts: [],
    });
  });

  it('merges field by field with a write the client did not see; an unstamped push counts as received now', () => {
    const base = account('a');
    const theirs = account('a', { phone: '010-1', notes: 'theirs', updatedBy: 'u-other' });
    const mine = account('a', { website: 'x.cn', notes: 'mine' });
    // Stored before stamps existed: its fields count as edited at its last write (1 000 < 10 000).
    const { candidate, conflicts } = mergeIncoming(pushRow(mine, base), stored(theirs), RECEIVED);
    expect(candidate).toMatchObject({ phone: '010-1', website: 'x.cn', notes: 'mine' });
    expect(conflicts).toEqual([
      expect.objectContaining({
        field: 'notes',
        kept: 'mine',
        lost: 'theirs',
        reason: 'laterEdit',
        keptStamp: at(10_000, 'server:n1'),
        lostStamp: at(1_000, 'legacy'),
      }),
    ]);
  });

  it('keeps a stored edit stamped later than the pushed one (the later edit, not the later upload)', () => {
    const base = account('a');
    const theirs = {
      ...stored(account('a', { notes: 'tuesday' })),
      field_clocks: { notes: at(2_000, 'dev-2') },
    };
    const row = { ...pushRow(account('a', { notes: 'monday' }), base) };
    const stamping = { incoming: { notes: at(1_500) }, server: at(10_000, 'server:n1') };
    const { candidate, conflicts } = mergeIncoming(row, theirs, stamping);
    expect(candidate.notes).toBe('tuesday');
    expect(conflicts).toEqual([
      expect.objectContaining({ loser: 'incoming', lost: 'monday', kept: 'tuesday' }),
    ]);
  });

  it('gives a legacy record every field at its last write', () => {
    const row = { ...stored(account('a')), updated_at: 4_000 };
    expect(legacyStamp(row)).toBe(at(4_000, 'legacy'));
    expect(storedClocks(row)).toMatchObject({
      name: at(4_000, 'legacy'),
      notes: at(4_000, 'legacy'),
    });
    expect(storedClocks(row).updatedAt).toBeUndefined();
    expect(storedClocks({ ...row, field_clocks: { name: at(1) } })).toEqual({ name: at(1) });
  });

  it('strips replication fields from what it returns', () => {
    const row = pushRow(account('a'));
    row.newDocumentState = { ...row.newDocumentState, _rev: '3-abc' };
    expect(
      Object.keys(mergeIncoming(row, null, RECEIVED).candidate).some((k) => k.startsWith('_')),
    ).toBe(false);
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
