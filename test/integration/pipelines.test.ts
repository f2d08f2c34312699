import { describe, expect, it } from 'vitest';
import type { Deal, PipelineValue } from '../../shared/domain';
import { buildDeal } from '../support/factories';
import { api, engineName, eventually, useTestServer } from './support/harness';

interface ErrorReply {
  error: { code: string };
}

/**
 * Several pipelines (issue 20): the server holds each deal to the stage gate of its OWN pipeline (`pipelineId`,
 * the settings key), edited in Settings and synced as a settings record — not only the default one.
 */
describe(`pipelines on ${engineName}`, { timeout: 60_000 }, () => {
  const env = useTestServer({ collections: ['settings', 'deals'] });
  const renewal: PipelineValue = {
    name: '续约',
    stages: [
      { id: 'renew-check', name: '续约评估', probability: 30, outcome: 'open', requiredFields: [] },
      {
        id: 'renew-offer',
        name: '续约报价',
        probability: 70,
        outcome: 'open',
        requiredFields: ['competitor'],
        exitCriteria: ['客户确认续约范围'],
        taskTemplates: [{ id: 't1', title: '上传竞品分析', dueInDays: 2 }],
      },
      { id: 'renew-won', name: '续约成功', probability: 100, outcome: 'won', requiredFields: [] },
      { id: 'renew-lost', name: '流失', probability: 0, outcome: 'lost', requiredFields: [] },
    ],
  };
  const postDeal = (fields: Partial<Deal>) =>
    api<ErrorReply>(
      env.server,
      'POST',
      '/api/records/deals',
      buildDeal({
        name: '年度续约',
        accountId: 'acc-1',
        teamId: '',
        ownerId: env.admin.user.id,
        ...fields,
      }),
      env.admin.accessToken,
    );

  it('stores a pipeline with exit criteria and task templates, and gates deals by their own pipeline', async () => {
    const saved = await api(
      env.server,
      'POST',
      '/api/records/settings',
      { id: 'renewal', kind: 'pipeline', key: 'renewal', teamId: '', value: renewal },
      env.admin.accessToken,
    );
    expect(saved.status).toBe(201);

    // The renewal pipeline's gate: 续约报价 wants a competitor.
    const refused = await postDeal({ pipelineId: 'renewal', stage: 'renew-offer', competitor: '' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('sync.rejected.stageGate');
    // A stage of the default pipeline is no stage of the renewal one.
    const foreign = await postDeal({ pipelineId: 'renewal', stage: 'qualify' });
    expect(foreign.status).toBe(403);
    // Filled in, the deal enters; a default-pipeline deal still meets the default gate.
    expect(
      (await postDeal({ pipelineId: 'renewal', stage: 'renew-offer', competitor: '友商A' })).status,
    ).toBe(201);
    expect((await postDeal({ stage: 'qualify' })).status).toBe(201);
  });

  it('names the missing field of the deal’s pipeline in a pushed move’s rejection', async () => {
    const laptop = await env.connect(env.admin, { synced: true });
    await eventually(async () =>
      expect(await laptop.db.settings.findOne('renewal').exec()).not.toBeNull(),
    );
    const now = Date.now();
    const deal = {
      ...buildDeal({
        name: '续约推送',
        accountId: 'acc-1',
        pipelineId: 'renewal',
        stage: 'renew-offer',
      }),
      id: crypto.randomUUID(),
      workspaceId: env.admin.workspace.id,
      teamId: '',
      ownerId: env.admin.user.id,
      createdAt: now,
      updatedAt: now,
      createdBy: env.admin.user.id,
      updatedBy: env.admin.user.id,
      deleted: false,
      status: 'open',
      rank: 1,
      competitor: '',
    } as Deal;
    await laptop.db.deals.insert(deal);
    await eventually(() => expect(laptop.rejections.map((r) => r.id)).toContain(deal.id));
    const rejection = laptop.rejections.find((r) => r.id === deal.id);
    expect(rejection?.reason).toBe('sync.rejected.stageGate');
    expect(rejection?.params).toEqual({ stage: 'renew-offer', fields: 'competitor' });
  });
});
