import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '@shared/domain';
import type { CrmDatabase } from '../database';
import { BusinessRuleError } from '../errors';
import { openTestReplica } from '../test-replica';
import { createRepositories, type Repositories } from './index';

// The replica acts as u1, a rep of t1; m1 manages t1.
let db: CrmDatabase;
let repos: Repositories;
let now: () => number;

const user = (id: string, role: Member['role']) => ({
  id,
  teamId: 't1',
  kind: 'user' as const,
  name: id,
  email: '',
  role,
  parentTeamId: 't1',
  teamIds: ['t1'],
  active: true,
});

beforeEach(async () => {
  ({ db, repos, now } = await openTestReplica());
  await repos.members.create({
    ...user('t1', ''),
    kind: 'team',
    parentTeamId: '',
    teamIds: [],
  });
  await repos.members.create(user('u1', 'rep'));
  await repos.members.create(user('m1', 'manager'));
});
afterEach(async () => {
  await db.close();
});

describe('approvals', () => {
  const expense = {
    kind: 'expense' as const,
    title: '差旅',
    amount: 800,
    subjectType: '' as const,
    subjectId: '',
    requestNote: '上海',
  };

  it("routes a request to the requester's manager; the requester cannot decide it", async () => {
    const created = await repos.approvals.request(expense);
    expect(created).toMatchObject({ requesterId: 'u1', status: 'pending', currentStep: 0 });
    expect(created.steps).toEqual([
      expect.objectContaining({ approverKind: 'manager', memberIds: ['m1'], status: 'pending' }),
    ]);
    await expect(repos.approvals.decide(created.id, 'approved', '')).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
  });

  it('the manager decides it through the shared rule', async () => {
    const created = await repos.approvals.request(expense);
    const asManager = createRepositories({
      db,
      actor: { userId: 'm1', workspaceId: 'w1', teamId: 't1' },
      now,
      newId: () => 'x',
    });
    const decided = await asManager.approvals.decide(created.id, 'approved', ' 同意 ');
    expect(decided).toMatchObject({ status: 'approved', decidedBy: 'm1', comment: '同意' });
    expect(decided.steps[0]).toMatchObject({ status: 'approved', decidedBy: 'm1' });
    await expect(asManager.approvals.decide(created.id, 'rejected', '')).rejects.toMatchObject({
      messageKey: 'approvals.errors.alreadyDecided',
    });
  });
});
