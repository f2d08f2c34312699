import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { CampaignNumbers, SourceNumbers } from '@shared/rules/campaign-metrics';
import { salesDrillIds } from '@shared/rules/dashboards/sales-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../chart-card';
import { useDrill } from '../drill-drawer';
import { useDashboardFormats } from '../dashboard-formats';
import { barDrillProps } from './chart-drill';
import { useSalesLabels } from './sales-labels';
import type { SalesInputRef } from './use-sales-dashboard';

/** Leads and won deals by lead source in the period (campaign-metrics.ts `sourceNumbers`). */
export function LeadSourceCard({
  sources,
  input,
}: {
  sources: readonly SourceNumbers[];
  /** Read when someone drills in (the latest deals; a new value does not redraw the card). */
  input: SalesInputRef;
}) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const labels = useSalesLabels();
  const openDrill = useDrill();
  const columns: DashboardColumn<SourceNumbers>[] = [
    {
      key: 'source',
      header: t('dashboards.sales.column.source'),
      type: 'text',
      value: (r) => labels.source(r.source),
    },
    {
      key: 'leads',
      header: t('dashboards.sales.column.leads'),
      type: 'number',
      value: (r) => r.leads,
    },
    {
      key: 'sqls',
      header: t('dashboards.sales.column.sqls'),
      type: 'number',
      value: (r) => r.sqls,
    },
    {
      key: 'wonDeals',
      header: t('dashboards.sales.column.wonDeals'),
      type: 'number',
      value: (r) => r.wonDeals,
    },
    {
      key: 'revenue',
      header: t('dashboards.sales.column.revenue'),
      type: 'money',
      value: (r) => r.revenue,
    },
    {
      key: 'leadToWon',
      header: t('dashboards.sales.column.leadToWon'),
      type: 'percent',
      value: (r) => r.leadToWon,
    },
  ];
  const drill = (r: SourceNumbers): DrillTarget => ({
    title: t('dashboards.sales.drill.source', { name: labels.source(r.source) }),
    collection: 'deals',
    ids: salesDrillIds(input.current, { kind: 'source', source: r.source }),
  });
  return (
    <ChartCard
      title={t('dashboards.sales.chart.sources')}
      testId="chart-sources"
      rows={sources}
      columns={columns}
      drill={drill}
      empty={sources.length === 0}
    >
      <BarChart
        h={260}
        data={sources.map((r) => ({
          source: labels.source(r.source),
          leads: r.leads,
          wonDeals: r.wonDeals,
        }))}
        dataKey="source"
        series={[
          { name: 'leads', label: t('dashboards.sales.series.leads'), color: 'indigo.5' },
          { name: 'wonDeals', label: t('dashboards.sales.series.wonDeals'), color: 'teal.6' },
        ]}
        withLegend
        valueFormatter={(value) => formats.number(value)}
        barProps={barDrillProps(sources, drill, openDrill)}
      />
    </ChartCard>
  );
}

/** A campaign's numbers with its name. */
export interface CampaignRow extends CampaignNumbers {
  name: string;
}

/** Cost, revenue, cost per lead, CAC and ROI per campaign (campaign-metrics.ts `campaignNumbers`). */
export function CampaignCard({
  campaigns,
  input,
}: {
  campaigns: readonly CampaignRow[];
  /** Read when someone drills in (the latest deals; a new value does not redraw the card). */
  input: SalesInputRef;
}) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const openDrill = useDrill();
  const columns: DashboardColumn<CampaignRow>[] = [
    {
      key: 'campaign',
      header: t('dashboards.sales.column.campaign'),
      type: 'text',
      value: (r) => r.name,
    },
    {
      key: 'leads',
      header: t('dashboards.sales.column.leads'),
      type: 'number',
      value: (r) => r.leads,
    },
    {
      key: 'wonDeals',
      header: t('dashboards.sales.column.wonDeals'),
      type: 'number',
      value: (r) => r.wonDeals,
    },
    { key: 'cost', header: t('dashboards.sales.column.cost'), type: 'money', value: (r) => r.cost },
    {
      key: 'revenue',
      header: t('dashboards.sales.column.revenue'),
      type: 'money',
      value: (r) => r.revenue,
    },
    {
      key: 'costPerLead',
      header: t('dashboards.sales.column.costPerLead'),
      type: 'money',
      value: (r) => r.costPerLead,
    },
    { key: 'cac', header: t('dashboards.sales.column.cac'), type: 'money', value: (r) => r.cac },
    { key: 'roi', header: t('dashboards.sales.column.roi'), type: 'percent', value: (r) => r.roi },
  ];
  const drill = (r: CampaignRow): DrillTarget => ({
    title: t('dashboards.sales.drill.campaign', { name: r.name }),
    collection: 'deals',
    ids: salesDrillIds(input.current, { kind: 'campaign', campaignId: r.campaignId }),
  });
  return (
    <ChartCard
      title={t('dashboards.sales.chart.campaigns')}
      testId="chart-campaigns"
      rows={campaigns}
      columns={columns}
      drill={drill}
      empty={campaigns.length === 0}
    >
      <BarChart
        h={260}
        data={campaigns.map((r) => ({ campaign: r.name, cost: r.cost, revenue: r.revenue }))}
        dataKey="campaign"
        series={[
          { name: 'cost', label: t('dashboards.sales.series.cost'), color: 'orange.6' },
          { name: 'revenue', label: t('dashboards.sales.series.revenue'), color: 'teal.6' },
        ]}
        withLegend
        valueFormatter={(value) => formats.compactMoney(value)}
        barProps={barDrillProps(campaigns, drill, openDrill)}
      />
    </ChartCard>
  );
}
