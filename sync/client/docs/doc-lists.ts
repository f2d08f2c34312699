import { parseDocName } from '@shared/sync';
import type { KeyValueStore } from '../key-value-store';

/**
 * The persisted lists of a document engine (no Yjs here, so the app can count unsynced documents without loading
 * the engine): the dirty list — documents with local edits the server has not acknowledged storing — and the
 * documents known on this device.
 */

/** Storage key of the dirty list of a namespace (`team:<workspaceId>:<userId>`). */
export function dirtyListKey(namespace: string): string {
  return `crm.docs.dirty.${namespace}`;
}

/** Storage key of the documents with a device copy in a namespace (wiped on sign-out). */
export function knownListKey(namespace: string): string {
  return `crm.docs.known.${namespace}`;
}

/** Documents of a namespace edited on this device and not yet confirmed stored by the server. */
export function unsyncedDocNames(store: KeyValueStore, namespace: string): string[] {
  return readNames(store, dirtyListKey(namespace));
}

function readNames(store: KeyValueStore, key: string): string[] {
  let saved: unknown = [];
  try {
    saved = JSON.parse(store.get(key) ?? '[]');
  } catch {
    saved = [];
  }
  return Array.isArray(saved)
    ? [
        ...new Set(
          saved.filter((x): x is string => typeof x === 'string' && parseDocName(x) !== null),
        ),
      ]
    : [];
}

/**
 * A persisted set of document names. Every change re-reads the store first: another tab of the same person
 * keeps its own engine on the same lists, and writing back a stale copy would drop its marks.
 */
export class NameSet {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  has(name: string): boolean {
    return this.list().includes(name);
  }

  add(name: string): void {
    const names = this.list();
    if (names.includes(name)) return;
    this.save([...names, name]);
  }

  delete(name: string): void {
    const names = this.list();
    if (names.includes(name)) this.save(names.filter((n) => n !== name));
  }

  list(): string[] {
    return readNames(this.store, this.key);
  }

  clear(): void {
    this.save([]);
  }

  private save(names: string[]): void {
    this.store.set(this.key, JSON.stringify(names));
  }
}
