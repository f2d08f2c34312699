import type { Deal, Member } from '@shared/domain';
import {
  forecastTree,
  indexTargets,
  type ForecastDeal,
  type ForecastRow,
  type Period,
} from '@shared/rules/forecast';
import type { Repositories } from '../repositories';
import type { StoredPipeline, StoredTarget } from '../repositories/setting-repository';

/** What the forecast page shows for one period: the rollup, and what it was computed from. */
export interface ForecastView {
  period: Period;
  rows: ForecastRow[];
  members: Member[];
  /** The targets of the period's year (the Targets editor shows them). */
  targets: StoredTarget[];
  /** The pipelines, for the stage names of the deals drilled down to. */
  pipelines: StoredPipeline[];
}

const FORECAST_FIELDS = [
  'id',
  'name',
  'ownerId',
  'pipelineId',
  'stage',
  'status',
  'amount',
  'probability',
  'closeDate',
  'forecastCategory',
] as const;

/** Only the fields the forecast reads, so a large replica's deals do not stay in the query cache whole. */
function forecastDeal(deal: Deal): ForecastDeal {
  const out = {} as Record<string, unknown>;
  for (const field of FORECAST_FIELDS) out[field] = deal[field];
  return out as ForecastDeal;
}

/**
 * Reads the forecast's inputs from the replica by index and lets the shared rule add up (shared/rules/forecast.ts):
 * the open and the won deals closing in the period (two ranges of `[deleted, status, closeDate]`, never the whole
 * collection), the people and teams, the year's targets (one range of `[kind, key]`) and the pipelines. Works
 * offline: nothing here asks the server.
 */
export async function loadForecast(
  repos: Pick<Repositories, 'deals' | 'settings' | 'members'>,
  period: Period,
): Promise<ForecastView> {
  const range = { lower: period.start, upper: period.end };
  const read = (status: 'open' | 'won') => ({
    scan: { index: ['deleted', 'status', 'closeDate'], equal: [false, status], range },
    selector: {
      deleted: false,
      status,
      closeDate: { $gte: period.start, $lte: period.end },
    },
  });
  const [[open, won], users, teams, targets, pipelines] = await Promise.all([
    repos.deals.readIndexRanges([read('open'), read('won')]),
    repos.members.users(),
    repos.members.teams(),
    repos.settings.targets(period.start.slice(0, 4)),
    repos.settings.pipelines(),
  ]);
  const deals = [...open, ...won].map(forecastDeal);
  const members = [...teams, ...users];
  const rows = forecastTree({
    members,
    deals,
    targets: indexTargets(targets),
    pipelines: new Map(pipelines.map((p) => [p.id, p.value])),
    period,
  });
  return { period, rows, members, targets, pipelines };
}
