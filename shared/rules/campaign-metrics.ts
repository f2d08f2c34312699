import type { CampaignValue, Deal, Lead } from '../domain';

/**
 * Campaign numbers (市场活动效果, issue 19): the leads, MQLs, SQLs, won deals and revenue of each campaign and each
 * lead source over a period, with cost per lead, cost per won customer (CAC) and conversion. Computed from the
 * replica here only, so the campaigns screen and the dashboards read the same numbers. Money is summed in integer
 * fen (never a float running total) and given back in yuan; a ratio whose denominator is zero is null ("—").
 */

/** An inclusive period of 'YYYY-MM-DD' days; '' on either side leaves it open. */
export interface MetricsPeriod {
  from: string;
  to: string;
}

/** The numbers of one group of leads and deals (a campaign, a source, or all). */
export interface FunnelNumbers {
  leads: number;
  /** Leads qualified MQL or better (an SQL was an MQL first). */
  mqls: number;
  sqls: number;
  wonDeals: number;
  /** Sum of the won deals' amounts, yuan (exact to the fen). */
  revenue: number;
  /** SQLs / leads, 0–1; null without leads. */
  leadToSql: number | null;
  /** Won deals / SQLs, 0–1; null without SQLs. */
  sqlToWon: number | null;
  /** Won deals / leads, 0–1; null without leads. */
  leadToWon: number | null;
}

export interface CampaignNumbers extends FunnelNumbers {
  campaignId: string;
  /** The campaign's actual cost, yuan (the whole campaign's, not prorated to the period). */
  cost: number;
  budget: number;
  /** cost / leads, yuan; null without leads. */
  costPerLead: number | null;
  /** cost / won deals (cost per won customer), yuan; null without won deals. */
  cac: number | null;
  /** (revenue − cost) / cost, null when the cost is zero. */
  roi: number | null;
}

export interface SourceNumbers extends FunnelNumbers {
  source: Lead['source'];
}

export type MetricsLead = Pick<
  Lead,
  'id' | 'source' | 'campaignId' | 'qualification' | 'createdAt' | 'deleted' | 'mergedIntoId'
>;
export type MetricsDeal = Pick<
  Deal,
  'id' | 'status' | 'amount' | 'campaignId' | 'source' | 'closeDate' | 'deleted'
>;
export interface MetricsCampaign {
  id: string;
  value: Pick<CampaignValue, 'budget' | 'actualCost'>;
}

/** Yuan → integer fen, so sums of amounts like 0.1 + 0.2 stay exact. */
export const toFen = (yuan: number): number => Math.round(yuan * 100);
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
/** fen / count, in yuan rounded to the fen; null when count is zero. */
const perUnit = (fen: number, count: number): number | null =>
  count === 0 ? null : Math.round(fen / count) / 100;

/** 'YYYY-MM-DD' of an epoch ms in UTC+8 (China Standard Time, the CRM's business day; no DST). */
export function businessDayOf(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
}

const inPeriod = (day: string, period: MetricsPeriod): boolean =>
  day !== '' &&
  (period.from === '' || day >= period.from) &&
  (period.to === '' || day <= period.to);

const BUSINESS_DAY_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The instants [lower, upper) whose business day (businessDayOf) is in the period: leads are compared by number,
 * not by formatting each one's date (100k leads of set L took hundreds of ms that way).
 */
function periodInstants(period: MetricsPeriod): { lower: number; upper: number } {
  const startOf = (day: string) => Date.parse(`${day}T00:00:00Z`) - BUSINESS_DAY_OFFSET_MS;
  return {
    lower: period.from === '' ? -Infinity : startOf(period.from),
    upper: period.to === '' ? Infinity : startOf(period.to) + DAY_MS,
  };
}

/** A lead counts in the period of its creation; merged-away and deleted leads never count. */
function countedLeads(leads: readonly MetricsLead[], period: MetricsPeriod): MetricsLead[] {
  const { lower, upper } = periodInstants(period);
  return leads.filter(
    (l) => !l.deleted && !l.mergedIntoId && l.createdAt >= lower && l.createdAt < upper,
  );
}

/** A won deal counts in the period of its close date. */
function wonDealsIn(deals: readonly MetricsDeal[], period: MetricsPeriod): MetricsDeal[] {
  return deals.filter((d) => !d.deleted && d.status === 'won' && inPeriod(d.closeDate, period));
}

function funnel(leads: readonly MetricsLead[], won: readonly MetricsDeal[]): FunnelNumbers {
  const sqls = leads.filter((l) => l.qualification === 'sql').length;
  const mqls = leads.filter((l) => l.qualification !== '').length;
  const revenueFen = won.reduce((sum, d) => sum + toFen(d.amount), 0);
  return {
    leads: leads.length,
    mqls,
    sqls,
    wonDeals: won.length,
    revenue: revenueFen / 100,
    leadToSql: ratio(sqls, leads.length),
    sqlToWon: ratio(won.length, sqls),
    leadToWon: ratio(won.length, leads.length),
  };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/**
 * The numbers of every campaign over `period`, in the order of `campaigns`: its leads (created in the period),
 * their qualification, its won deals (closed in the period) and their revenue, against the campaign's cost.
 */
export function campaignNumbers(
  campaigns: readonly MetricsCampaign[],
  leads: readonly MetricsLead[],
  deals: readonly MetricsDeal[],
  period: MetricsPeriod,
): CampaignNumbers[] {
  const leadsBy = groupBy(countedLeads(leads, period), (l) => l.campaignId);
  const wonBy = groupBy(wonDealsIn(deals, period), (d) => d.campaignId);
  return campaigns.map((campaign) => {
    const numbers = funnel(leadsBy.get(campaign.id) ?? [], wonBy.get(campaign.id) ?? []);
    const costFen = toFen(campaign.value.actualCost);
    const revenueFen = toFen(numbers.revenue);
    return {
      campaignId: campaign.id,
      ...numbers,
      cost: costFen / 100,
      budget: toFen(campaign.value.budget) / 100,
      costPerLead: perUnit(costFen, numbers.leads),
      cac: perUnit(costFen, numbers.wonDeals),
      roi: ratio(revenueFen - costFen, costFen),
    };
  });
}

/**
 * The funnel of every lead source over `period` (conversion by source): sources with neither a lead nor a won
 * deal in the period are left out; deals count under their own `source` ('' → left out).
 */
export function sourceNumbers(
  leads: readonly MetricsLead[],
  deals: readonly MetricsDeal[],
  period: MetricsPeriod,
): SourceNumbers[] {
  const leadsBy = groupBy(countedLeads(leads, period), (l) => l.source);
  const wonBy = groupBy(
    wonDealsIn(deals, period).filter((d) => d.source !== ''),
    (d) => d.source as Lead['source'],
  );
  const sources = [...new Set([...leadsBy.keys(), ...wonBy.keys()])].sort();
  return sources.map((source) => ({
    source,
    ...funnel(leadsBy.get(source) ?? [], wonBy.get(source) ?? []),
  }));
}

/** The campaign's phase on `today`: before its start, between start and end (or no end), after its end. */
export function campaignPhase(
  campaign: Pick<CampaignValue, 'startDate' | 'endDate'>,
  today: string,
): 'planned' | 'active' | 'ended' {
  if (today < campaign.startDate) return 'planned';
  if (campaign.endDate !== '' && today > campaign.endDate) return 'ended';
  return 'active';
}
