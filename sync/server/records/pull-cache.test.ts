import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../fanout';
import { PullCache, pullScopeKey, type PullRequest } from './pull-cache';
import type { PullPage } from './types';

/** A fake bus: the test announces changes itself. */
function fakeBus() {
  let listener: ((event: ChangeEvent) => void) | null = null;
  return {
    subscribe(l: (event: ChangeEvent) => void) {
      listener = l;
      return () => (listener = null);
    },
    announce(teams?: string[], collection: 'accounts' | 'members' = 'accounts') {
      listener?.({ kind: 'records', workspaceId: 'ws', collections: [collection], seq: 99, teams });
    },
  };
}

const page = (seqs: number[], complete = true): PullPage => ({
  items: seqs.map((seq) => ({ seq, json: `{"id":"r${seq}"}` })),
  checkpoint: seqs.length ? { seq: seqs[seqs.length - 1] } : null,
  remaining: complete ? 0 : 5,
  complete,
});

function request(since: number, overrides: Partial<PullRequest> = {}): PullRequest {
  return {
    workspaceId: 'ws',
    scope: new Set(['team-a']),
    collection: 'accounts',
    checkpoint: since ? { seq: since } : null,
    batchSize: 10,
    ...overrides,
  };
}

/** A loader that counts its calls and answers `answer`. */
function loader(answer: PullPage) {
  const keys: string[] = [];
  return {
    keys,
    load: (key: string) => {
      keys.push(key);
      return Promise.resolve(answer);
    },
  };
}

describe('pullScopeKey', () => {
  it('is the same whatever order the teams are in, and * for everyone-sees collections', () => {
    expect(pullScopeKey('ws', 'accounts', new Set(['b', 'a']))).toBe('ws|accounts|a,b');
    expect(pullScopeKey('ws', 'accounts', new Set(['a', 'b']))).toBe('ws|accounts|a,b');
    expect(pullScopeKey('ws', 'accounts', 'all')).toBe('ws|accounts|*');
    expect(pullScopeKey('ws', 'members', new Set(['a']))).toBe('ws|members|*');
  });
});

describe('PullCache', () => {
  it('answers a second pull of the same scope from the first read', async () => {
    const cache = new PullCache(fakeBus());
    const db = loader(page([11, 12]));
    expect(await cache.page(request(10), db.load)).toEqual(page([11, 12]));
    expect(await cache.page(request(10), db.load)).toEqual(page([11, 12]));
    expect(db.keys).toEqual(['ws|accounts|team-a']);
  });

  it('answers a later checkpoint by dropping what the caller already has', async () => {
    const cache = new PullCache(fakeBus());
    const db = loader(page([11, 12, 13]));
    await cache.page(request(10), db.load);
    expect(await cache.page(request(12), db.load)).toEqual({
      items: [{ seq: 13, json: '{"id":"r13"}' }],
      checkpoint: { seq: 13 },
      remaining: 0,
      complete: true,
    });
    // Nothing left: the caller's own checkpoint comes back.
    expect((await cache.page(request(13), db.load)).checkpoint).toEqual({ seq: 13 });
    expect(db.keys).toHaveLength(1);
  });

  it('joins a read of the same checkpoint that is under way', async () => {
    const cache = new PullCache(fakeBus());
    let release: (p: PullPage) => void = () => undefined;
    let calls = 0;
    const load = () => {
      calls += 1;
      return new Promise<PullPage>((resolve) => (release = resolve));
    };
    const first = cache.page(request(10), load);
    const second = cache.page(request(10), load);
    release(page([11]));
    expect(await first).toEqual(page([11]));
    expect(await second).toEqual(page([11]));
    expect(calls).toBe(1);
  });

  it('reads again after a change to a team in scope or to everyone, not after another team changed', async () => {
    const bus = fakeBus();
    const cache = new PullCache(bus);
    const db = loader(page([11]));
    await cache.page(request(10), db.load);
    bus.announce(['team-b']);
    await cache.page(request(10), db.load);
    expect(db.keys).toHaveLength(1);
    bus.announce(['team-a']);
    await cache.page(request(10), db.load);
    expect(db.keys).toHaveLength(2);
    bus.announce(undefined);
    await cache.page(request(10), db.load);
    expect(db.keys).toHaveLength(3);
    bus.announce(['']);
    await cache.page(request(10), db.load);
    expect(db.keys).toHaveLength(4);
  });

  it('keeps neither an incomplete page (a download) nor a big one, nor a failed read', async () => {
    const cache = new PullCache(fakeBus());
    const partial = loader(page([11], false));
    await cache.page(request(10), partial.load);
    await cache.page(request(10), partial.load);
    expect(partial.keys).toHaveLength(2);

    const big = loader(page(Array.from({ length: 51 }, (_, i) => 100 + i)));
    await cache.page(request(99, { batchSize: 100 }), big.load);
    await cache.page(request(99, { batchSize: 100 }), big.load);
    expect(big.keys).toHaveLength(2);

    const failing = () => Promise.reject(new Error('db down'));
    await expect(cache.page(request(5), failing)).rejects.toThrow('db down');
    const after = loader(page([6]));
    expect(await cache.page(request(5), after.load)).toEqual(page([6]));
    expect(after.keys).toHaveLength(1);
  });

  it('does not share answers between scopes', async () => {
    const cache = new PullCache(fakeBus());
    const db = loader(page([11]));
    await cache.page(request(10), db.load);
    await cache.page(request(10, { scope: new Set(['team-b']) }), db.load);
    await cache.page(request(10, { scope: 'all' }), db.load);
    expect(db.keys).toEqual(['ws|accounts|team-a', 'ws|accounts|team-b', 'ws|accounts|*']);
  });
});
