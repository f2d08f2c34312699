import {
  campaignNumbers,
  sourceNumbers,
  type CampaignNumbers,
  type MetricsPeriod,
  type SourceNumbers,
} from '@shared/rules';
import type { Repositories } from '../repositories';
import type { Campaign } from '../repositories/setting-repository';

/** The campaigns screen's numbers: each campaign with its numbers, and the funnel by lead source. */
export interface CampaignMetrics {
  campaigns: { campaign: Campaign; numbers: CampaignNumbers }[];
  sources: SourceNumbers[];
}

/** Midnight in Beijing (UTC+8) starting a 'YYYY-MM-DD' day, epoch ms; 0 for an open start (''). */
const startOfBusinessDay = (day: string): number =>
  day === '' ? 0 : Date.parse(`${day}T00:00:00+08:00`);

/**
 * Reads what the campaign numbers need from the replica by index and lets the shared rule count
 * (shared/rules/campaign-metrics.ts): leads changed since the period began (a lead created in the period was
 * updated in it or later: the `[deleted, updatedAt]` index) and deals won with a close date in the period
 * (`[deleted, status, closeDate]`).
 */
export async function loadCampaignMetrics(
  repos: Pick<Repositories, 'leads' | 'deals' | 'settings'>,
  period: MetricsPeriod,
): Promise<CampaignMetrics> {
  const [campaigns, leads, deals] = await Promise.all([
    repos.settings.campaigns(),
    repos.leads.readIndexRange(
      {
        index: ['deleted', 'updatedAt'],
        equal: [false],
        range: { lower: startOfBusinessDay(period.from), upper: Number.MAX_SAFE_INTEGER },
      },
      { deleted: false, updatedAt: { $gte: startOfBusinessDay(period.from) } },
    ),
    repos.deals.readIndexRange(
      {
        index: ['deleted', 'status', 'closeDate'],
        equal: [false, 'won'],
        range: { lower: period.from || '0000-00-00', upper: period.to || '9999-12-31' },
      },
      {
        deleted: false,
        status: 'won',
        closeDate: { $gte: period.from || '0000-00-00', $lte: period.to || '9999-12-31' },
      },
    ),
  ]);
  const numbers = campaignNumbers(campaigns, leads, deals, period);
  return {
    campaigns: campaigns.map((campaign, i) => ({ campaign, numbers: numbers[i] })),
    sources: sourceNumbers(leads, deals, period),
  };
}
