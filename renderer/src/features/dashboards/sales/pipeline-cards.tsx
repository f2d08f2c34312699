import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { salesDrillIds, type StageBucket } from '@shared/rules/dashboards/sales-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../chart-card';
import { useDrill } from '../drill-drawer';
import { useDashboardFormats } from '../dashboard-formats';
import { barDrillProps } from './chart-drill';
import { useSalesLabels } from './sales-labels';
import type { SalesInputRef } from './use-sales-dashboard';

/** The open pipeline by stage (every pipeline's open stages, in order). */
export function PipelineStageCard({
  buckets,
  input,
  showPipeline,
}: {
  buckets: readonly StageBucket[];
  /** Read when someone drills in (the latest deals; a new value does not redraw the card). */
  input: SalesInputRef;
  /** Several pipelines: name the pipeline with the stage. */
  showPipeline: boolean;
}) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const labels = useSalesLabels();
  const openDrill = useDrill();
  const stageOf = (b: StageBucket) =>
    showPipeline
      ? `${labels.pipeline(b.pipelineName)} · ${labels.stage(b.stageName)}`
      : labels.stage(b.stageName);
  const columns: DashboardColumn<StageBucket>[] = [
    ...(showPipeline
      ? [
          {
            key: 'pipeline',
            header: t('dashboards.sales.column.pipeline'),
            type: 'text' as const,
            value: (b: StageBucket) => labels.pipeline(b.pipelineName),
          },
        ]
      : []),
    {
      key: 'stage',
      header: t('dashboards.sales.column.stage'),
      type: 'text',
      value: (b) => labels.stage(b.stageName),
    },
    {
      key: 'deals',
      header: t('dashboards.sales.column.deals'),
      type: 'number',
      value: (b) => b.deals,
    },
    {
      key: 'amount',
      header: t('dashboards.sales.column.amount'),
      type: 'money',
      value: (b) => b.amount,
    },
  ];
  const drill = (b: StageBucket): DrillTarget => ({
    title: t('dashboards.sales.drill.stage', { stage: stageOf(b) }),
    collection: 'deals',
    ids: salesDrillIds(input.current, {
      kind: 'pipelineStage',
      pipelineId: b.pipelineId,
      stageId: b.stageId,
    }),
  });
  return (
    <ChartCard
      title={t('dashboards.sales.chart.pipelineStage')}
      testId="chart-pipeline-stage"
      rows={buckets}
      columns={columns}
      drill={drill}
      empty={buckets.every((b) => b.deals === 0)}
    >
      <BarChart
        h={260}
        data={buckets.map((b) => ({ stage: stageOf(b), amount: b.amount }))}
        dataKey="stage"
        series={[{ name: 'amount', label: t('dashboards.sales.series.amount'), color: 'teal.6' }]}
        valueFormatter={(value) => formats.compactMoney(value)}
        barProps={barDrillProps(buckets, drill, openDrill)}
      />
    </ChartCard>
  );
}
