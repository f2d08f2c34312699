import { describe, expect, it } from 'vitest';
import type { WireDoc } from '@shared/sync';
import { PushRebase } from './push-rebase';

const doc = (fields: Record<string, unknown>): WireDoc => ({
  id: 'a',
  phone: '',
  website: '',
  notes: '',
  updatedAt: 1,
  updatedBy: 'u1',
  ...fields,
  _deleted: false,
});

describe('PushRebase', () => {
  const base = doc({});
  const first = doc({ phone: 'A1', updatedAt: 2 });
  // The server merged the first push with someone else's website.
  const stored = doc({ phone: 'A1', website: 'B', updatedAt: 3, updatedBy: 'u1' });
  const second = doc({ phone: 'A1', notes: 'A2', updatedAt: 4 });

  it('rebases the next push onto a merged reply RxDB could not adopt (the record was edited meanwhile)', () => {
    const rebase = new PushRebase();
    rebase.sent('accounts', ['a']);
    rebase.edited('accounts', 'a');
    rebase.answered('accounts', base, first, stored);
    // RxDB's next row still assumes the old base.
    const row = rebase.prepare('accounts', base, second);
    expect(row.rebased).toBe(true);
    expect(row.assumed).toBe(stored);
    // What changed since the first push (notes), on what the server stored; the local edit's stamps.
    expect(row.next).toEqual(doc({ phone: 'A1', website: 'B', notes: 'A2', updatedAt: 4 }));
    expect(row.lost).toEqual([]);
  });

  it('merges line items item by item, derives the amount again and reports a deletion the rebase kept', () => {
    const item = (id: string, quantity: number) => ({
      id,
      product: id,
      quantity,
      unitPrice: 10,
      discount: 0,
    });
    const deal = (lineItems: object[], amount: number): WireDoc => ({
      id: 'd',
      name: '商机',
      amount,
      lineItems,
      updatedAt: 1,
      updatedBy: 'u1',
      _deleted: false,
    });
    const sent = deal([item('x', 1), item('y', 1)], 20);
    // The server kept this push and someone else's quantity of y.
    const merged = deal([item('x', 1), item('y', 5)], 60);
    // Meanwhile this laptop deleted y and added z.
    const next = deal([item('x', 1), item('z', 2)], 30);
    const rebase = new PushRebase();
    rebase.sent('deals', ['d']);
    rebase.edited('deals', 'd');
    rebase.answered('deals', deal([item('x', 1)], 10), sent, merged);
    const row = rebase.prepare('deals', deal([item('x', 1)], 10), next);
    expect(row.rebased).toBe(true);
    const items = row.next.lineItems as { id: string }[];
    expect(items.map((i) => i.id).sort()).toEqual(['x', 'y', 'z']);
    expect(row.next.amount).toBe(10 + 50 + 20);
    expect(row.lost).toMatchObject([
      { field: 'lineItems', itemId: 'y', reason: 'editKeepsItem', loser: 'incoming', lost: null },
    ]);
  });

  it('counts an edit made after the reply, before RxDB wrote the resolved state', () => {
    const rebase = new PushRebase();
    rebase.sent('accounts', ['a']);
    rebase.answered('accounts', base, first, stored);
    rebase.edited('accounts', 'a');
    expect(rebase.prepare('accounts', base, second).rebased).toBe(true);
  });

  it('leaves rows alone when RxDB adopted the reply, when it was not merged, or when the base moved', () => {
    const adopted = new PushRebase();
    adopted.sent('accounts', ['a']);
    adopted.answered('accounts', base, first, stored);
    adopted.adopted('accounts', 'a');
    adopted.edited('accounts', 'a');
    expect(adopted.prepare('accounts', stored, second)).toEqual({
      assumed: stored,
      next: second,
      rebased: false,
    });

    const accepted = new PushRebase();
    accepted.sent('accounts', ['a']);
    accepted.edited('accounts', 'a');
    accepted.answered('accounts', base, first, null);
    expect(accepted.prepare('accounts', first, second).rebased).toBe(false);

    const moved = new PushRebase();
    moved.sent('accounts', ['a']);
    moved.edited('accounts', 'a');
    moved.answered('accounts', base, first, stored);
    expect(moved.prepare('accounts', stored, second).rebased).toBe(false);
    expect(moved.prepare('accounts', base, { ...second, _deleted: true }).rebased).toBe(false);
  });

  it('forgets a push that failed', () => {
    const rebase = new PushRebase();
    rebase.sent('accounts', ['a']);
    rebase.failed('accounts', ['a']);
    rebase.edited('accounts', 'a');
    rebase.answered('accounts', base, first, stored);
    // Not edited while out (the failed push does not count): pending until RxDB writes it or an edit comes.
    expect(rebase.prepare('accounts', base, second).rebased).toBe(false);
  });
});
