import { describe, expect, it } from 'vitest';
import { traySyncStatus, type SyncFacts } from './tray-sync-status';

describe('traySyncStatus', () => {
  it.each<[string, SyncFacts, ReturnType<typeof traySyncStatus>]>([
    [
      'a local workspace',
      { mode: 'local', connection: 'online', pending: 3 },
      { state: 'local-only' },
    ],
    [
      'signed out',
      { mode: 'team', connection: 'online', signedOut: true, pending: 2 },
      { state: 'error', pendingChanges: 2 },
    ],
    [
      'revoked',
      { mode: 'team', connection: 'offline', revoked: true },
      { state: 'error', pendingChanges: 0 },
    ],
    [
      'offline with changes waiting',
      { mode: 'team', connection: 'offline', pending: 4 },
      { state: 'offline', pendingChanges: 4 },
    ],
    ['not started yet', { mode: 'team' }, { state: 'offline', pendingChanges: 0 }],
    [
      'connecting',
      { mode: 'team', connection: 'connecting' },
      { state: 'syncing', pendingChanges: 0 },
    ],
    [
      'first download',
      { mode: 'team', connection: 'online', initialDownload: { done: 10, total: 100 } },
      { state: 'syncing', pendingChanges: 0 },
    ],
    [
      'uploading',
      { mode: 'team', connection: 'online', pending: 1 },
      { state: 'syncing', pendingChanges: 1 },
    ],
    [
      'up to date',
      { mode: 'team', connection: 'online', pending: 0 },
      { state: 'synced', pendingChanges: 0 },
    ],
    [
      'a nonsense count',
      { mode: 'team', connection: 'offline', pending: -2.5 },
      { state: 'offline', pendingChanges: 0 },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(traySyncStatus(facts)).toEqual(expected);
  });
});
