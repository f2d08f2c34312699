// IndexedDB for repository tests in jsdom (a real IndexedDB implementation, not a mock of our code).
import 'fake-indexeddb/auto';
