/** Where the engine keeps small state between runs (localStorage in the app, a Map in tests). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}
