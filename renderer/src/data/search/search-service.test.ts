import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openCrmDatabase, type CrmDatabase } from '../database';
import { createRepositories, type Repositories } from '../repositories';
import { searchEverything } from '../services/global-search';
import { buildAccount, buildContact } from '../../../../test/support/factories';
import { SearchService } from './search-service';

const accountInput = (name: string) =>
  buildAccount({ name, industry: 'I65', tier: 'A', status: 'customer', tags: ['mql'] });
const contactInput = (accountId: string, name: string, mobile: string) =>
  buildContact({ accountId, name, mobile, title: '' });

const open: { db: CrmDatabase; search: SearchService }[] = [];
let clock = 1_700_000_000_000;
let seq = 0;

async function workspace(
  name = `search-${Math.random().toString(36).slice(2)}`,
  persist = false,
): Promise<{ db: CrmDatabase; repos: Repositories; search: SearchService }> {
  const db = await openCrmDatabase({
    name,
    storage: getRxStorageMemory(),
    collections: ['accounts', 'contacts', 'leads', 'deals', 'tickets', 'activities'],
  });
  const search = new SearchService(db, { name: `crm-search-${name}`, persist, worker: false });
  const repos = createRepositories({
    db,
    actor: { userId: 'u1', workspaceId: 'w1', teamId: 't1' },
    now: () => (clock += 1000),
    newId: () => `id-${++seq}`,
    textIndex: search,
  });
  open.push({ db, search });
  return { db, repos, search };
}

afterEach(async () => {
  for (const { db, search } of open.splice(0)) {
    await search.stop();
    await db.close();
  }
});

describe('SearchService', () => {
  it('indexes what is already in the replica, then follows every change', async () => {
    const { repos, search } = await workspace();
    const account = await repos.accounts.create(accountInput('杭州星河数据有限公司'));
    await repos.contacts.create(contactInput(account.id, '张伟', '13800138000'));
    void search.start();
    await search.ready;
    expect((await search.search('星河', 5)).map((h) => h.id)).toEqual([account.id]);
    const lead = await repos.contacts.create(contactInput(account.id, '王芳', '13912345678'));
    expect((await search.search('1234', 5)).map((h) => h.id)).toEqual([lead.id]);
    await repos.accounts.update(account.id, { name: '杭州银河数据有限公司' });
    expect(await search.search('星河', 5)).toEqual([]);
    await repos.contacts.softDelete(lead.id);
    expect(await search.search('1234', 5)).toEqual([]);
  });

  it('answers global search with the records themselves, and list text filters and counts', async () => {
    const { repos, search } = await workspace();
    void search.start();
    const a = await repos.accounts.create(accountInput('北京星河科技有限公司'));
    await repos.accounts.create(accountInput('上海明月贸易有限公司'));
    await search.ready;
    const hits = await searchEverything(repos, '星河', 5, undefined, search);
    expect(hits).toMatchObject([{ kind: 'accounts', id: a.id, title: '北京星河科技有限公司' }]);
    const page = await repos.accounts.listPageAfter(
      { text: '有限公司' },
      { field: 'nameKey', direction: 'asc' },
      1,
      null,
    );
    expect(page.rows).toHaveLength(1);
    expect(page.next).toEqual({ offset: 1 });
    expect(await repos.accounts.countMatching({ text: '有限' })).toBe(2);
    expect(await repos.accounts.countMatching({ tag: 'mql', text: '明月' })).toBe(1);
    expect(await repos.contacts.listPage('无此人', 10, 0)).toEqual([]);
  });

  it('saves a snapshot on stop and catches up from it on the next start', async () => {
    const name = `persisted-${Math.random().toString(36).slice(2)}`;
    const first = await workspace(name, true);
    void first.search.start();
    const a = await first.repos.accounts.create(accountInput('深圳快照测试有限公司'));
    await first.search.ready;
    await first.search.stop();
    // Written while the index was not running: found through the change feed on the next start.
    const b = await first.repos.accounts.create(accountInput('深圳追赶测试有限公司'));
    const second = new SearchService(first.db, {
      name: `crm-search-${name}`,
      persist: true,
      worker: false,
    });
    open.push({ db: first.db, search: second });
    void second.start();
    await second.ready;
    expect((await second.openResult()).fromSnapshot).toBe(true);
    expect((await second.search('深圳', 5)).map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
  });
});
