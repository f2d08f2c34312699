import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmDatabase } from '../database';
import type { Repositories } from '../repositories';
import { openTestReplica } from '../test-replica';
import { buildDeal, buildLead } from '../../../../test/support/factories';
import { loadCampaignMetrics } from './campaign-metrics';

let db: CrmDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await openTestReplica());
});
afterEach(async () => {
  await db.close();
});

describe('loadCampaignMetrics', () => {
  it('reads the period’s leads and won deals from the replica and counts them per campaign and source', async () => {
    const expo = await repos.settings.saveCampaign(undefined, {
      name: '春季展会',
      channel: 'exhibition',
      startDate: '2023-11-01',
      endDate: '',
      budget: 50_000,
      actualCost: 30_000,
      notes: '',
    });
    // The test replica's clock is in November 2023.
    await repos.leads.create(buildLead({ source: 'event', campaignId: expo.id }));
    await repos.leads.create(buildLead({ source: 'event', campaignId: expo.id }));
    await repos.leads.create(buildLead({ source: 'website' }));
    await repos.deals.create(
      buildDeal({
        campaignId: expo.id,
        source: 'event',
        status: 'won',
        stage: 'won',
        probability: 100,
        amount: 120_000,
        closeDate: '2023-11-20',
      }),
    );
    await repos.deals.create(buildDeal({ campaignId: expo.id, closeDate: '2023-11-20' }));

    const all = await loadCampaignMetrics(repos, { from: '', to: '' });
    expect(all.campaigns).toHaveLength(1);
    expect(all.campaigns[0].campaign.value.name).toBe('春季展会');
    expect(all.campaigns[0].numbers).toMatchObject({
      leads: 2,
      wonDeals: 1,
      revenue: 120_000,
      costPerLead: 15_000,
      cac: 30_000,
    });
    expect(all.sources.map((s) => [s.source, s.leads, s.wonDeals])).toEqual([
      ['event', 2, 1],
      ['website', 1, 0],
    ]);

    const later = await loadCampaignMetrics(repos, { from: '2024-01-01', to: '2024-12-31' });
    expect(later.campaigns[0].numbers).toMatchObject({ leads: 0, wonDeals: 0, costPerLead: null });
    expect(later.sources).toEqual([]);
  });
});
