import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { docNameFor } from '@shared/sync';
import { DocManager } from './doc-manager';
import { NameSet, dirtyListKey, unsyncedDocNames } from './doc-lists';

/** localStorage as the app uses it: one store shared by every tab of the browser. */
function memoryStore() {
  const map = new Map<string, string>();
  return {
    get: (k: string) => map.get(k) ?? null,
    set: (k: string, v: string) => void map.set(k, v),
  };
}

const namespace = 'team:ws-1:user-1';
const planA = docNameFor('account-plan', 'acc-a');
const notesB = docNameFor('deal-notes', 'deal-b');
const managers: DocManager[] = [];

/** A team document engine with no network (the OS says offline) and no device copy. */
function offlineEngine(store: ReturnType<typeof memoryStore>): DocManager {
  const manager = new DocManager({
    mode: 'team',
    namespace,
    store,
    user: { name: '林晓', color: '#1c7ed6' },
    serverUrl: 'http://127.0.0.1:9',
    getAccessToken: () => Promise.resolve('token'),
    persistence: null,
    online: false,
    WebSocketPolyfill: WebSocket,
  });
  managers.push(manager);
  return manager;
}

function type(manager: DocManager, name: string, text: string): void {
  const lease = manager.open(name);
  lease.handle.doc.getText('t').insert(0, text);
  lease.release();
}

afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.destroy();
});

describe('counting unsynced documents (dirty list)', () => {
  it('counts each document edited offline once, without the engine, and after a reload', async () => {
    const store = memoryStore();
    const engine = offlineEngine(store);
    type(engine, planA, '离线写的目标');
    type(engine, planA, '再写一句');
    type(engine, notesB, '会议纪要');
    expect(unsyncedDocNames(store, namespace).sort()).toEqual([notesB, planA].sort());
    expect(engine.unsyncedCount$.value).toBe(2);

    await engine.destroy();
    // The app starts again: the list is read from storage, with or without a running engine.
    expect(unsyncedDocNames(store, namespace)).toHaveLength(2);
    expect(offlineEngine(store).dirtyDocs()).toHaveLength(2);
  });

  it('does not count documents only read, remote updates or another namespace', () => {
    const store = memoryStore();
    const engine = offlineEngine(store);
    const lease = engine.open(planA);
    const remote = new Y.Doc();
    remote.getText('t').insert(0, '同事写的');
    Y.applyUpdate(lease.handle.doc, Y.encodeStateAsUpdate(remote), lease.handle.provider);
    lease.release();
    expect(unsyncedDocNames(store, namespace)).toEqual([]);
    type(engine, notesB, '我的纪要');
    expect(unsyncedDocNames(store, 'team:ws-1:someone-else')).toEqual([]);
  });

  it('keeps the marks of two tabs on the same storage (neither writes back a stale list)', () => {
    const store = memoryStore();
    const tabOne = offlineEngine(store);
    const tabTwo = offlineEngine(store);
    type(tabOne, planA, '第一个标签页');
    type(tabTwo, notesB, '第二个标签页');
    // The server acknowledged tab two's document: only that one leaves the list.
    tabTwo.markClean(notesB);
    expect(unsyncedDocNames(store, namespace)).toEqual([planA]);
  });

  it('ignores a damaged list and names that are not documents', () => {
    const store = memoryStore();
    store.set(dirtyListKey(namespace), '{not json');
    expect(unsyncedDocNames(store, namespace)).toEqual([]);
    store.set(dirtyListKey(namespace), JSON.stringify([planA, 42, 'bad name!', planA]));
    expect(unsyncedDocNames(store, namespace)).toEqual([planA]);
    const set = new NameSet(store, dirtyListKey(namespace));
    set.add(notesB);
    expect(set.list()).toEqual([planA, notesB]);
  });
});
