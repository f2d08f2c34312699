import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@shared/domain';
import source from '../public/warm-replica.js?raw';
import { REPLICA_OPEN_EVENT } from './data/workspace';
import { databaseNameFor, saveSession, clearSession, type Session } from './data/session';

const local: Session = {
  mode: 'local',
  workspaceId: 'local',
  workspaceName: 'Mine',
  userId: 'local-user',
  userName: 'Lin',
  teamId: 'local-team',
};
const team: Session = {
  mode: 'team',
  workspaceId: 'W-1',
  workspaceName: 'Team',
  userId: 'U:2',
  userName: 'Zhou',
  teamId: 't',
  serverUrl: 'http://x',
};

type WarmWindow = Window & { __crmWarmed?: boolean; __crmWarmReplica?: string };

/** Runs public/warm-replica.js as the page would, with a recording IndexedDB; returns what it opened. */
function runWarmScript(): { opened: string[]; closed: () => boolean; succeed: () => void } {
  const opened: string[] = [];
  let isClosed = false;
  const request: {
    onsuccess?: () => void;
    onupgradeneeded?: () => void;
    onerror?: () => void;
    result?: unknown;
    transaction?: null;
  } = { transaction: null };
  const fake = {
    open(name: string) {
      opened.push(name);
      request.result = { close: () => (isClosed = true), onversionchange: null };
      return request;
    },
  };
  const previous = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
  Object.defineProperty(globalThis, 'indexedDB', {
    value: fake,
    configurable: true,
    writable: true,
  });
  try {
    delete (window as WarmWindow).__crmWarmed;
    // The public script is plain JS the page runs as it is: run it the same way (no module wrapper).
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const script = new Function(source) as () => void;
    script();
  } finally {
    if (previous) Object.defineProperty(globalThis, 'indexedDB', previous);
    else delete (globalThis as { indexedDB?: unknown }).indexedDB;
  }
  return { opened, closed: () => isClosed, succeed: () => request.onsuccess?.() };
}

describe('warm-replica.js (the first script of a cold start)', () => {
  afterEach(() => clearSession());

  it('opens the Dexie database RxDB keeps the saved session’s accounts in', () => {
    saveSession(local);
    expect(runWarmScript().opened).toEqual([
      `rxdb-dexie-${databaseNameFor(local)}--${SCHEMA_VERSION}--accounts`,
    ]);
    saveSession(team);
    expect(runWarmScript().opened).toEqual([
      `rxdb-dexie-${databaseNameFor(team)}--${SCHEMA_VERSION}--accounts`,
    ]);
  });

  it('does nothing on a first run or with a damaged session', () => {
    expect(runWarmScript().opened).toEqual([]);
    localStorage.setItem('crm.session', '{not json');
    expect(runWarmScript().opened).toEqual([]);
  });

  it('lets the connection go once the app says its replica is open', () => {
    saveSession(local);
    const run = runWarmScript();
    run.succeed();
    expect(run.closed()).toBe(false);
    window.dispatchEvent(new Event(REPLICA_OPEN_EVENT));
    expect(run.closed()).toBe(true);
  });
});
