import { afterEach, describe, expect, it } from 'vitest';
import { openCrmDatabase, type CrmDatabase } from '../data/database';
import { createRepositories, type Repositories } from '../data/repositories';
import { DEFAULT_ACCOUNT_SORT } from '../entities/accounts/queries';
import { buildAccount } from '../../../test/support/factories';
import { createPendingRepositories } from './pending-repositories';

const opened: CrmDatabase[] = [];

async function realRepositories(): Promise<Repositories> {
  const db = await openCrmDatabase({ name: `pending-${crypto.randomUUID()}` });
  opened.push(db);
  return createRepositories({
    db,
    actor: { userId: 'u1', workspaceId: 'w1', teamId: 't1' },
    now: () => 1000,
    newId: () => crypto.randomUUID(),
  });
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.remove();
});

describe('repositories while the replica opens (pending-repositories.ts)', () => {
  it('holds every call until the replica is open, then makes it there', async () => {
    const pending = createPendingRepositories();
    const page = pending.repos.accounts.listPageAfter({}, DEFAULT_ACCOUNT_SORT, 10, null);
    const users = pending.repos.members.users();
    const repos = await realRepositories();
    await repos.accounts.create(buildAccount({ name: '云杉科技有限公司' }));
    pending.resolve(repos);
    expect((await page).rows.map((a) => a.name)).toEqual(['云杉科技有限公司']);
    expect(await users).toEqual([]);
    // Once open, calls go straight to the replica.
    expect(pending.repos.accounts).toBe(repos.accounts);
  });

  it('a replica that fails to open fails the held calls with its reason', async () => {
    const pending = createPendingRepositories();
    const held = pending.repos.accounts.get('x');
    pending.reject(new Error('disk full'));
    await expect(held).rejects.toThrow('disk full');
  });

  it('refuses synchronous members before the replica is open instead of returning a promise', () => {
    const pending = createPendingRepositories();
    expect(() => pending.repos.accounts.validate({})).toThrow(
      /not available until the replica is open/,
    );
    expect(() => pending.repos.accounts.selectorFor({})).toThrow(/not available/);
  });
});
