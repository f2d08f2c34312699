/** Where the pending set is kept between runs (localStorage in the app, a Map in tests). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/**
 * Counts local changes not yet acknowledged by the server ("3 changes waiting"), persisted so the count
 * survives a restart and sign-out can warn about unsynced work.
 */
export class PendingTracker {
  private readonly ids: Set<string>;

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {
    let saved: unknown = [];
    try {
      saved = JSON.parse(store.get(key) ?? '[]');
    } catch {
      saved = [];
    }
    this.ids = new Set(
      Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : [],
    );
  }

  get count(): number {
    return this.ids.size;
  }

  add(collection: string, id: string): void {
    const before = this.ids.size;
    this.ids.add(`${collection}/${id}`);
    if (this.ids.size !== before) this.save();
  }

  remove(collection: string, id: string): void {
    if (this.ids.delete(`${collection}/${id}`)) this.save();
  }

  keys(): string[] {
    return [...this.ids];
  }

  clear(): void {
    this.ids.clear();
    this.save();
  }

  private save(): void {
    this.store.set(this.key, JSON.stringify([...this.ids]));
  }
}
