import { describe, expect, it } from 'vitest';
import { encodeStamp, type Stamp } from '@shared/sync';
import { EditLog } from './edit-log';
import type { KeyValueStore } from './key-value-store';

const KEY = 'crm.sync.edits.ws:user';
const LEGACY = 'crm.sync.pending.ws:user';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & {
  data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
}

let tick = 0;
/** Stamps in order, as the engine's clock gives them. */
function nextStamp(node = 'laptop-a'): Stamp {
  tick += 1;
  return encodeStamp({ wall: 1_750_000_000_000 + tick, counter: 0, node });
}

const deal = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'd1',
  name: '华东年度框架',
  amount: 100,
  notes: '',
  lineItems: [{ id: 'i1', name: '服务器', quantity: 1, unitPrice: 100 }],
  updatedAt: 1,
  _deleted: false,
  ...patch,
});

describe('EditLog', () => {
  it('stamps each path of a write and counts records and edits', () => {
    const log = new EditLog(memoryStore(), KEY);
    const s1 = nextStamp();
    expect(log.record('deals', 'd1', deal(), deal({ amount: 200, notes: '加急' }), s1, 1000)).toBe(
      true,
    );
    const s2 = nextStamp();
    log.record('deals', 'd1', deal({ amount: 200 }), deal({ amount: 300 }), s2, 2000);
    expect(log.recordCount).toBe(1);
    expect(log.editCount).toBe(2);
    const [change] = log.changes();
    expect(change).toMatchObject({
      collection: 'deals',
      id: 'd1',
      created: false,
      since: 1000,
      lastAt: 2000,
      edits: 2,
    });
    expect(change.fields).toEqual([
      { path: 'amount', field: 'amount', since: 1000, stamp: s2, edits: 2 },
      { path: 'notes', field: 'notes', since: 1000, stamp: s1, edits: 1 },
    ]);
  });

  it('ignores writes that change only bookkeeping fields', () => {
    const log = new EditLog(memoryStore(), KEY);
    expect(log.record('deals', 'd1', deal(), deal({ updatedAt: 5 }), nextStamp(), 1)).toBe(false);
    expect(log.recordCount).toBe(0);
  });

  it('keeps list item edits per item and field', () => {
    const log = new EditLog(memoryStore(), KEY);
    const added = { id: 'i2', name: '交换机', quantity: 2, unitPrice: 50 };
    const s = nextStamp();
    log.record(
      'deals',
      'd1',
      deal(),
      deal({
        lineItems: [{ id: 'i1', name: '服务器', quantity: 3, unitPrice: 100 }, added],
        amount: 400,
      }),
      s,
      10,
    );
    expect(log.changes()[0].fields.map((f) => [f.path, f.field, f.itemId, f.key])).toEqual([
      ['amount', 'amount', undefined, undefined],
      ['lineItems[i1].quantity', 'lineItems', 'i1', 'quantity'],
      ['lineItems[i2]', 'lineItems', 'i2', undefined],
    ]);
  });

  it('gives a push row the stamp of each changed path, related item paths included', () => {
    const log = new EditLog(memoryStore(), KEY);
    const base = deal();
    const withItem = deal({
      lineItems: [
        ...(base.lineItems as object[]),
        { id: 'i2', name: 'x', quantity: 1, unitPrice: 1 },
      ],
    });
    const sAdd = nextStamp();
    log.record('deals', 'd1', base, withItem, sAdd, 1);
    const edited = deal({
      lineItems: [
        ...(base.lineItems as object[]),
        { id: 'i2', name: 'x', quantity: 5, unitPrice: 1 },
      ],
    });
    const sEdit = nextStamp();
    log.record('deals', 'd1', withItem, edited, sEdit, 2);
    const fresh = nextStamp('fresh');
    // Against the server's state (no i2): the item is added, stamped by its latest edit.
    expect(log.stampsFor('deals', 'd1', base, edited, () => fresh)).toEqual({
      'lineItems[i2]': sEdit,
    });
    // A path nothing logged (the log was lost) is stamped now.
    expect(log.stampsFor('deals', 'd1', base, deal({ name: '改名' }), () => fresh)).toEqual({
      name: fresh,
    });
    // A tombstone carries no stamps.
    expect(log.stampsFor('deals', 'd1', base, deal({ _deleted: true }), () => fresh)).toEqual({});
  });

  it('stamps every field of a created record with its creation and stores no field entries for it', async () => {
    const store = memoryStore();
    const log = new EditLog(store, KEY);
    const created = nextStamp();
    log.record('deals', 'd1', null, deal(), created, 5);
    expect(log.changes()[0]).toMatchObject({ created: true, fields: [], edits: 1 });
    const stamps = log.stampsFor('deals', 'd1', null, deal(), () => nextStamp('fresh'));
    expect(new Set(Object.values(stamps))).toEqual(new Set([created]));
    expect(Object.keys(stamps)).toEqual(
      expect.arrayContaining(['name', 'amount', 'notes', 'lineItems']),
    );
    await Promise.resolve(); // saved once the current run of work is done
    const stored = JSON.parse(store.data.get(KEY)!) as {
      records: Record<string, { paths: object }>;
    };
    expect(stored.records['deals/d1'].paths).toEqual({});
  });

  it('acknowledges what a push carried; an edit made while it was out stays pending', () => {
    const log = new EditLog(memoryStore(), KEY);
    const s1 = nextStamp();
    log.record('deals', 'd1', deal(), deal({ notes: '第一次' }), s1, 1);
    // The push of `notes: 第一次` is sent (watermark), then the person edits again.
    const watermark = s1;
    const s2 = nextStamp();
    log.record('deals', 'd1', deal({ notes: '第一次' }), deal({ notes: '第二次' }), s2, 2);
    const s3 = nextStamp();
    log.record(
      'deals',
      'd1',
      deal({ notes: '第二次' }),
      deal({ notes: '第二次', name: '新名' }),
      s3,
      3,
    );
    log.acknowledge('deals', 'd1', deal({ notes: '第一次' }), watermark);
    const [change] = log.changes();
    expect(change.edits).toBe(2);
    expect(change.fields.map((f) => [f.path, f.stamp, f.edits, f.since])).toEqual([
      ['notes', s2, 1, 2],
      ['name', s3, 1, 3],
    ]);
    // The next push carries both: nothing is left.
    log.acknowledge('deals', 'd1', deal({ notes: '第二次', name: '新名' }), s3);
    expect(log.recordCount).toBe(0);
    expect(log.editCount).toBe(0);
  });

  it('keeps a path the push did not carry (a write RxDB read after building the row)', () => {
    const log = new EditLog(memoryStore(), KEY);
    const s1 = nextStamp();
    log.record('deals', 'd1', deal(), deal({ notes: 'a' }), s1, 1);
    const s2 = nextStamp();
    log.record('deals', 'd1', deal({ notes: 'a' }), deal({ notes: 'a', amount: 7 }), s2, 2);
    // The row was built before the second write, but the watermark was taken after it.
    log.acknowledge('deals', 'd1', deal({ notes: 'a' }), s2);
    expect(log.changes()[0].fields).toEqual([
      { path: 'amount', field: 'amount', since: 2, stamp: s2, edits: 1 },
    ]);
  });

  it('acknowledges an item added and then edited once the push holds the edited item', () => {
    const log = new EditLog(memoryStore(), KEY);
    const item = { id: 'i2', name: 'x', quantity: 1, unitPrice: 1 };
    const base = deal();
    const added = deal({ lineItems: [...(base.lineItems as object[]), item] });
    const edited = deal({ lineItems: [...(base.lineItems as object[]), { ...item, quantity: 4 }] });
    log.record('deals', 'd1', base, added, nextStamp(), 1);
    const s = nextStamp();
    log.record('deals', 'd1', added, edited, s, 2);
    log.acknowledge('deals', 'd1', edited, s);
    expect(log.recordCount).toBe(0);
  });

  it('clears a created record once a push stored it, and keeps a later deletion', () => {
    const log = new EditLog(memoryStore(), KEY);
    const created = nextStamp();
    log.record('deals', 'd1', null, deal(), created, 1);
    const removed = nextStamp();
    log.record('deals', 'd1', deal(), deal({ _deleted: true }), removed, 2);
    expect(log.changes()[0]).toMatchObject({ created: true, deleted: true, edits: 2 });
    // The push of the creation was sent before the deletion.
    log.acknowledge('deals', 'd1', deal(), created);
    expect(log.changes()[0]).toMatchObject({ created: false, deleted: true, edits: 1 });
    log.acknowledge('deals', 'd1', deal({ _deleted: true }), removed);
    expect(log.recordCount).toBe(0);
  });

  it('drops a refused record', () => {
    const log = new EditLog(memoryStore(), KEY);
    log.record('deals', 'd1', deal(), deal({ amount: 9 }), nextStamp(), 1);
    log.drop('deals', 'd1');
    expect(log.changes()).toEqual([]);
    expect(log.keys()).toEqual([]);
  });

  it('survives a restart: the same changes and stamps from the store', async () => {
    const store = memoryStore();
    const log = new EditLog(store, KEY);
    const s = nextStamp();
    log.record('deals', 'd1', deal(), deal({ amount: 9 }), s, 1);
    log.record('accounts', 'a1', null, { id: 'a1', name: '北京一号' }, nextStamp(), 2);
    expect(store.data.has(KEY)).toBe(false); // one save for the whole run, not one per write
    await Promise.resolve();
    const again = new EditLog(store, KEY);
    expect(again.changes()).toEqual(log.changes());
    expect(again.keys().sort()).toEqual(['accounts/a1', 'deals/d1']);
    expect(again.stampsFor('deals', 'd1', deal(), deal({ amount: 9 }), () => 'x')).toEqual({
      amount: s,
    });
  });

  it('starts empty from a damaged store', () => {
    const log = new EditLog(memoryStore({ [KEY]: '{"version":1,"records":{"deals/x":5}}' }), KEY);
    expect(log.recordCount).toBe(0);
  });

  it("carries over the old tracker's ids once, as record-level pending changes", async () => {
    const store = memoryStore({ [LEGACY]: JSON.stringify(['accounts/a1', 'deals/d1', 'junk']) });
    const log = new EditLog(store, KEY, { legacyKey: LEGACY, now: () => 42_000 });
    expect(log.keys().sort()).toEqual(['accounts/a1', 'deals/d1']);
    expect(log.recordCount).toBe(2);
    expect(log.editCount).toBe(2);
    expect(log.changes().find((c) => c.id === 'a1')).toEqual({
      collection: 'accounts',
      id: 'a1',
      created: false,
      fields: [],
      since: 42_000,
      lastAt: 42_000,
      edits: 1,
    });
    expect(store.data.get(LEGACY)).toBe('[]');
    // Pushed with fresh stamps (when the fields were edited is unknown), then acknowledged.
    const fresh = nextStamp();
    expect(
      log.stampsFor(
        'accounts',
        'a1',
        { id: 'a1', name: 'a' },
        { id: 'a1', name: 'b' },
        () => fresh,
      ),
    ).toEqual({ name: fresh });
    log.acknowledge('accounts', 'a1', { id: 'a1', name: 'b' }, fresh);
    expect(log.keys()).toEqual(['deals/d1']);
    await Promise.resolve();
    // Not carried over twice.
    expect(new EditLog(store, KEY, { legacyKey: LEGACY }).keys()).toEqual(['deals/d1']);
  });
});
