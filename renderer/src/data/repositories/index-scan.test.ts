import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Account } from '@shared/domain';
import { openCrmDatabase, type CrmDatabase } from '../database';
import {
  createRepositories,
  type AccountCursor,
  type AccountFilter,
  type AccountSort,
  type Repositories,
} from './index';
import { buildAccount, withMeta } from '../../../../test/support/factories';
import { scanIndex } from './index-scan';

const OWNERS = ['u1', 'u2', 'u3'];
const INDUSTRIES = ['I65', 'I64', 'C27', 'C13', 'A01'];
const TAGS = [[], ['mql'], ['keyAccount', 'renewal'], ['churnRisk']];

function accounts(n: number): Account[] {
  return Array.from({ length: n }, (_, i) => {
    const fields = buildAccount({
      name: `公司${i}`,
      nameKey: `key-${String((i * 37) % n).padStart(3, '0')}`,
      industry: INDUSTRIES[i % 5],
      tier: i % 2 ? 'A' : 'B',
      status: i % 4 === 0 ? 'partner' : 'customer',
      tags: TAGS[i % 4],
    });
    const id = `acc-${String(i).padStart(3, '0')}`;
    return {
      ...withMeta(fields, { id, workspaceId: 'w1', by: 'u1', teamId: 't1', at: 1000 }),
      ownerId: OWNERS[i % 3],
      updatedAt: 10_000 + ((i * 7919) % n) * 10,
      deleted: i % 11 === 5,
    };
  });
}

/** What the list must show: filters applied in memory, newest first (ties by id, descending) or by name. */
function expected(all: Account[], filter: AccountFilter, sort: AccountSort): string[] {
  return all
    .filter(
      (a) =>
        !a.deleted &&
        (!filter.ownerId || a.ownerId === filter.ownerId) &&
        (!filter.industry || a.industry.startsWith(filter.industry)) &&
        (!filter.tag || a.tags.includes(filter.tag)) &&
        (!filter.status || a.status === filter.status) &&
        (!filter.tier || a.tier === filter.tier),
    )
    .sort((a, b) =>
      sort.field === 'nameKey'
        ? a.nameKey < b.nameKey
          ? -1
          : 1
        : b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1),
    )
    .map((a) => a.id);
}

const open: CrmDatabase[] = [];
async function repositories(storage: 'dexie' | 'memory'): Promise<Repositories> {
  const db = await openCrmDatabase({
    name: `scan-${Math.random().toString(36).slice(2)}`,
    collections: ['accounts'],
    ...(storage === 'memory' ? { storage: getRxStorageMemory() } : {}),
  });
  open.push(db);
  return createRepositories({
    db,
    actor: { userId: 'u1', workspaceId: 'w1', teamId: 't1' },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.remove();
});

const CASES: [AccountFilter, AccountSort][] = [
  [{}, { field: 'updatedAt', direction: 'desc' }],
  [{}, { field: 'nameKey', direction: 'asc' }],
  [{ ownerId: 'u2' }, { field: 'updatedAt', direction: 'desc' }],
  [{ industry: 'C' }, { field: 'updatedAt', direction: 'desc' }],
  [{ industry: 'I65' }, { field: 'updatedAt', direction: 'desc' }],
  [{ tag: 'mql' }, { field: 'updatedAt', direction: 'desc' }],
  [
    { ownerId: 'u1', tag: 'churnRisk' },
    { field: 'nameKey', direction: 'asc' },
  ],
  [
    { status: 'partner', tier: 'B' },
    { field: 'updatedAt', direction: 'desc' },
  ],
];

describe('accounts list through IndexedDB indexes (Dexie storage)', () => {
  it('walks an index backwards and forwards with keyset pages, the same rows as filtering everything', async () => {
    const repos = await repositories('dexie');
    const all = accounts(60);
    await repos.accounts.bulkInsertValidated(all);
    for (const [filter, sort] of CASES) {
      const seen: string[] = [];
      let cursor: AccountCursor | null = null;
      for (let page = 0; page < 20; page++) {
        const result = await repos.accounts.listPageAfter(filter, sort, 7, cursor);
        seen.push(...result.rows.map((a) => a.id));
        if (!result.next) break;
        expect(result.next).toHaveProperty('key');
        cursor = result.next;
      }
      expect(seen, JSON.stringify([filter, sort])).toEqual(expected(all, filter, sort));
      // Offset pages (pickers, global search without an index) give the same rows.
      expect((await repos.accounts.listPage(filter, sort, 5, 3)).map((a) => a.id)).toEqual(
        expected(all, filter, sort).slice(3, 8),
      );
    }
  });

  it('falls back to RxDB queries on other storages', async () => {
    const repos = await repositories('memory');
    const all = accounts(30);
    await repos.accounts.bulkInsertValidated(all);
    const db = open[open.length - 1];
    expect(
      await scanIndex(db.accounts, {
        index: ['deleted', 'updatedAt'],
        equal: [false],
        direction: 'desc',
        limit: 5,
      }),
    ).toBeNull();
    const page = await repos.accounts.listPageAfter(
      { tag: 'mql' },
      { field: 'updatedAt', direction: 'desc' },
      50,
      null,
    );
    expect(page.rows.map((a) => a.id)).toEqual(
      expected(all, { tag: 'mql' }, { field: 'updatedAt', direction: 'desc' }),
    );
  });
});

describe('readIndexRanges: many ranges, first pages in one transaction', () => {
  const ranges = (owner: string) => ({
    scan: { index: ['deleted', 'ownerId', 'updatedAt'], equal: [false, owner] },
    selector: { deleted: false, ownerId: owner },
  });
  const byOwner = (all: Account[], owner: string) =>
    all
      .filter((a) => !a.deleted && a.ownerId === owner)
      .sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1))
      .map((a) => a.id);

  for (const storage of ['dexie', 'memory'] as const)
    it(`answers each range in order, continuing ranges longer than a page (${storage})`, async () => {
      const repos = await repositories(storage);
      const all = accounts(60);
      await repos.accounts.bulkInsertValidated(all);
      const results = await repos.accounts.readIndexRanges(
        [...OWNERS.map(ranges), { ...ranges('u2'), limit: 3 }, ranges('nobody')],
        // A page smaller than each owner's rows: every range but the limited one goes on past its first page.
        4,
      );
      expect(results.map((rows) => rows.map((a) => a.id))).toEqual([
        ...OWNERS.map((owner) => byOwner(all, owner)),
        byOwner(all, 'u2').slice(0, 3),
        [],
      ]);
    });
});
