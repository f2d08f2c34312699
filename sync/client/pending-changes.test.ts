import { describe, expect, it } from 'vitest';
import { PendingChanges } from './pending-changes';
import type { KeyValueStore } from './pending-tracker';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
}

const S1 = '000000000001000-0000-dev';
const S2 = '000000000002000-0000-dev';

describe('PendingChanges', () => {
  it('keeps the changed fields of each record, with since when and how many edits', () => {
    const log = new PendingChanges(memoryStore(), 'k');
    const before = { id: 'd1', name: 'A', amount: 1, updatedAt: 1 };
    log.record('deals', 'd1', before, { ...before, amount: 2, updatedAt: 2 }, S1, 1000);
    log.record(
      'deals',
      'd1',
      before,
      { ...before, amount: 3, stage: 'won', updatedAt: 3 },
      S2,
      2000,
    );
    const [change] = log.list();
    expect(change).toMatchObject({ collection: 'deals', id: 'd1', created: false, since: 1000 });
    expect(change.lastAt).toBe(2000);
    expect(change.edits).toBe(2);
    expect(change.fields.map((f) => [f.path, f.since, f.edits, f.stamp])).toEqual([
      ['amount', 1000, 2, S2],
      ['stage', 2000, 1, S2],
    ]);
    expect(log.editCount).toBe(2);
  });

  it('names list items by id and marks a record created on this device', () => {
    const log = new PendingChanges(memoryStore(), 'k');
    log.record('deals', 'n1', null, { id: 'n1', name: 'New' }, S1, 5);
    const items = { id: 'd2', lineItems: [{ id: 'i1', quantity: 1 }] };
    log.record(
      'deals',
      'd2',
      items,
      {
        id: 'd2',
        lineItems: [
          { id: 'i1', quantity: 2 },
          { id: 'i2', quantity: 1 },
        ],
      },
      S2,
      6,
    );
    const [created, edited] = log.list();
    expect(created.created).toBe(true);
    expect(edited.fields.map((f) => [f.path, f.field, f.itemId, f.key])).toEqual([
      ['lineItems[i1].quantity', 'lineItems', 'i1', 'quantity'],
      ['lineItems[i2]', 'lineItems', 'i2', undefined],
    ]);
  });

  it('forgets a record once its push is acknowledged, and survives a restart', () => {
    const store = memoryStore();
    const log = new PendingChanges(store, 'k');
    log.record('accounts', 'a1', { id: 'a1', name: 'A' }, { id: 'a1', name: 'B' }, S1, 1);
    log.record('accounts', 'a2', { id: 'a2', name: 'A' }, { id: 'a2', name: 'C' }, S1, 2);
    log.acknowledge('accounts', ['a1']);
    const again = new PendingChanges(store, 'k');
    expect(again.list().map((c) => c.id)).toEqual(['a2']);
    expect(again.editCount).toBe(1);
  });

  it('ignores a write that changed nothing and a damaged saved value', () => {
    const store = memoryStore();
    store.set('k', '{not json');
    const log = new PendingChanges(store, 'k');
    log.record(
      'accounts',
      'a1',
      { id: 'a1', name: 'A' },
      { id: 'a1', name: 'A', updatedAt: 2 },
      S1,
      1,
    );
    expect(log.list()).toEqual([]);
    store.set('k', JSON.stringify([{ collection: 'nope', id: 'x' }]));
    expect(new PendingChanges(store, 'k').list()).toEqual([]);
  });
});
