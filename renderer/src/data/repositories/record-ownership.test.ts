import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '@shared/domain';
import { RejectReason } from '@shared/sync';
import { buildAccount, buildDeal } from '../../../../test/support/factories';
import type { CrmDatabase } from '../database';
import { BusinessRuleError } from '../errors';
import { openTestReplica } from '../test-replica';
import type { Repositories } from './index';

// The replica acts as u1 (team t1). company(t1) → south; north is a top-level team too.
let db: CrmDatabase;
let repos: Repositories;

const team = (id: string, parentTeamId = '') => ({
  id,
  teamId: id,
  kind: 'team' as const,
  name: id,
  email: '',
  role: '' as const,
  parentTeamId,
  teamIds: [],
  active: true,
});
const user = (id: string, role: Member['role'], teamIds: string[]) => ({
  id,
  kind: 'user' as const,
  name: id,
  email: '',
  role,
  parentTeamId: '',
  teamIds,
  active: true,
});

async function people(myRole: Member['role']) {
  for (const t of [team('t1'), team('south', 't1'), team('north')]) await repos.members.create(t);
  await repos.members.create({ ...user('u1', myRole, ['t1']), teamId: 't1' });
  await repos.members.create({ ...user('rep-t1', 'rep', ['t1']), teamId: 't1' });
  await repos.members.create({ ...user('rep-s', 'rep', ['south']), teamId: 'south' });
  await repos.members.create({ ...user('rep-n', 'rep', ['north']), teamId: 'north' });
}

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
});
afterEach(async () => {
  await db.close();
});

describe('choosing an owner sets the team (shared/rules/record-ownership.ts)', () => {
  it("an admin's account owned by a South rep is saved in South, not the admin's team", async () => {
    await people('admin');
    const created = await repos.accounts.create(buildAccount({ ownerId: 'rep-s' }));
    expect(created).toMatchObject({ ownerId: 'rep-s', teamId: 'south' });
    expect(await repos.accounts.get(created.id)).toMatchObject({ teamId: 'south' });
  });

  it('reassigning a deal to someone of another team the writer sees moves it there', async () => {
    await people('manager');
    const deal = await repos.deals.create(buildDeal());
    expect(deal.teamId).toBe('t1');
    const moved = await repos.deals.update(deal.id, { ownerId: 'rep-s' });
    expect(moved).toMatchObject({ ownerId: 'rep-s', teamId: 'south' });
    // An edit that changes neither owner nor team leaves the team alone.
    expect((await repos.deals.update(deal.id, { notes: '跟进' })).teamId).toBe('south');
  });

  it('refuses a rep handing an account to someone outside their scope, and saves nothing', async () => {
    await people('rep');
    const error = await repos.accounts
      .create(buildAccount({ ownerId: 'rep-n' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusinessRuleError);
    expect((error as BusinessRuleError).messageKey).toBe(RejectReason.ownerOutOfScope);
    expect(await repos.accounts.count({ deleted: false })).toBe(0);
  });

  it('refuses a rep putting an account in no team', async () => {
    await people('rep');
    const error = await repos.accounts
      .create(buildAccount({ teamId: '' }))
      .catch((e: unknown) => e);
    expect((error as BusinessRuleError).messageKey).toBe(RejectReason.workspaceWide);
  });

  it('offers as owners only the people the writer may assign to', async () => {
    await people('rep');
    expect((await repos.members.assignableOwners()).map((m) => m.id)).toEqual(['rep-t1', 'u1']);
  });

  it('leaves the team to the server when the replica has no record of the writer', async () => {
    const created = await repos.accounts.create(buildAccount({ ownerId: 'someone' }));
    expect(created.teamId).toBe('t1');
  });
});
