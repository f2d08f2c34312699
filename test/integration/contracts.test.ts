import { describe, expect, it } from 'vitest';
import { RejectReason } from '../../shared/sync';
import { buildContract } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';
import { decideApproval } from './support/approvals';

/**
 * Contracts to cash on the server (issue 20): a contract number belongs to one live contract per workspace, also
 * for contracts created offline on another laptop; and a contract above the approval threshold becomes active only
 * with an approved contract approval, whichever client pushes it.
 */
describe(`contracts (${engineName})`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['contracts'] });

  it('refuses a duplicate contract number pushed from a second laptop, naming the first contract', async () => {
    const east = await env.createTeam('华东销售部');
    const north = await env.createTeam('华北销售部');
    const wang = await env.addUser('rep', east, 'wang-fang');
    const li = await env.addUser('rep', north, 'li-lei');

    // Wang's second laptop is offline while the first one creates HT-202612-0001.
    const first = await env.connect(wang, { synced: true });
    const second = await env.connect(wang, { synced: true });
    second.engine.pause();
    const original = await first.repos.contracts.create(
      buildContract({ number: 'HT-202612-0001', title: '云栖年度服务合同' }),
    );
    await eventually(async () => {
      const found = await api(
        env.server,
        'GET',
        `/api/records/contracts/${original.id}`,
        undefined,
        wang.accessToken,
      );
      expect(found.status).toBe(200);
    });
    const copy = await second.repos.contracts.create(
      buildContract({ number: 'HT-202612-0001', title: '云栖二期合同' }),
    );
    second.engine.resume();
    await eventually(() => expect(second.rejections.map((r) => r.id)).toContain(copy.id));
    const rejection = second.rejections.find((r) => r.id === copy.id)!;
    expect(rejection.reason).toBe(RejectReason.contractNumberTaken);
    expect(rejection.params).toEqual({
      number: 'HT-202612-0001',
      existingTitle: '云栖年度服务合同',
      ownerName: 'wang-fang',
      existingId: original.id,
    });
    // What was typed is kept, so the person can apply it again with a new number.
    expect(rejection.attempted).toMatchObject({ title: '云栖二期合同' });

    // Someone who cannot see the first contract learns its title and owner, not its id.
    const other = await env.connect(li, { synced: true });
    other.engine.pause();
    const third = await other.repos.contracts.create(
      buildContract({ number: ' HT-202612-0001 ', title: '华北合同' }),
    );
    other.engine.resume();
    await eventually(() => expect(other.rejections.map((r) => r.id)).toContain(third.id));
    expect(other.rejections.find((r) => r.id === third.id)!.params).toEqual({
      number: 'HT-202612-0001',
      existingTitle: '云栖年度服务合同',
      ownerName: 'wang-fang',
    });

    // Over REST: 422 at the number. Deleting the first frees the number.
    const rest = await api<{ error: { code: string; message: string } }>(
      env.server,
      'POST',
      '/api/records/contracts',
      buildContract({ number: 'HT-202612-0001' }),
      wang.accessToken,
    );
    expect(rest.status).toBe(422);
    expect(rest.body.error.code).toBe(RejectReason.contractNumberTaken);
    expect(rest.body.error.message).toContain('云栖年度服务合同');
    expect(
      (
        await api(
          env.server,
          'DELETE',
          `/api/records/contracts/${original.id}`,
          undefined,
          wang.accessToken,
        )
      ).status,
    ).toBeLessThan(300);
    const again = await api(
      env.server,
      'POST',
      '/api/records/contracts',
      buildContract({ number: 'HT-202612-0001' }),
      wang.accessToken,
    );
    expect(again.status).toBe(201);
  });

  it('refuses an active contract above the threshold until its approval is approved', async () => {
    const team = await env.createTeam('华南销售部');
    const rep = await env.addUser('rep', team, 'zhao-lei');
    const manager = await env.addUser('manager', team, 'qian-jing');
    const created = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/contracts',
      buildContract({ number: 'HT-APPROVE-1', amount: 800_000, status: 'draft' }),
      rep.accessToken,
    );
    expect(created.status).toBe(201);
    const activate = () =>
      api<{ error: { code: string } }>(
        env.server,
        'PATCH',
        `/api/records/contracts/${created.body.id}`,
        { status: 'active' },
        rep.accessToken,
      );

    // Pushed from a laptop that skipped the check (the replica's repository would refuse it first).
    const laptop = await env.connect(rep, { synced: true });
    await eventually(async () =>
      expect(await laptop.repos.contracts.get(created.body.id)).not.toBeNull(),
    );
    const stored = (await laptop.repos.contracts.get(created.body.id))!;
    laptop.engine.pause();
    const doc = await laptop.db.contracts.findOne(created.body.id).exec();
    await doc!.incrementalPatch({ status: 'active', updatedAt: Date.now() });
    laptop.engine.resume();
    await eventually(() =>
      expect(laptop.rejections.map((r) => [r.id, r.reason])).toContainEqual([
        stored.id,
        RejectReason.contractApproval,
      ]),
    );
    expect(laptop.rejections.find((r) => r.id === stored.id)!.params).toEqual({
      threshold: '500000',
      amount: '800000',
    });

    expect((await activate()).body.error.code).toBe(RejectReason.contractApproval);
    // A pending request is not enough.
    const approval = await api<{ id: string }>(
      env.server,
      'POST',
      '/api/records/approvals',
      {
        kind: 'contract',
        title: 'HT-APPROVE-1',
        subjectType: 'contract',
        subjectId: created.body.id,
        subjectKey: '',
        amount: 800_000,
        requesterId: rep.user.id,
        approverRole: 'manager',
        status: 'pending',
        decidedBy: '',
        comment: '',
        steps: [],
        currentStep: 0,
      },
      rep.accessToken,
    );
    expect(approval.status).toBe(201);
    expect((await activate()).status).toBe(422);
    expect(await decideApproval(env.server, approval.body.id, manager, 'approved')).toBe(200);
    expect((await activate()).status).toBe(200);
  });
});
