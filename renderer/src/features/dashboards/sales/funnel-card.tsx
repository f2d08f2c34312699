import { useState } from 'react';
import { Select } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PIPELINE_ID } from '@shared/domain/defaults';
import {
  salesDrillIds,
  type FunnelStep,
  type PipelineFunnel,
} from '@shared/rules/dashboards/sales-metrics';
import { ChartCard, type DashboardColumn, type DrillTarget } from '../chart-card';
import { useDrill } from '../drill-drawer';
import { useDashboardFormats } from '../dashboard-formats';
import { barDrillProps } from './chart-drill';
import { useSalesLabels } from './sales-labels';
import type { SalesInputRef } from './use-sales-dashboard';

/** The funnel of one pipeline (a picker when there are several): deals reached per stage, and conversion. */
export function FunnelCard({
  funnels,
  input,
}: {
  funnels: readonly PipelineFunnel[];
  /** Read when someone drills in (the latest deals; a new value does not redraw the card). */
  input: SalesInputRef;
}) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const labels = useSalesLabels();
  const openDrill = useDrill();
  const fallback =
    funnels.find((f) => f.pipelineId === DEFAULT_PIPELINE_ID)?.pipelineId ??
    funnels[0]?.pipelineId ??
    '';
  const [picked, setPicked] = useState<string | null>(null);
  const funnel =
    funnels.find((f) => f.pipelineId === picked) ?? funnels.find((f) => f.pipelineId === fallback);
  const rows: readonly FunnelStep[] = funnel?.steps ?? [];

  const columns: DashboardColumn<FunnelStep>[] = [
    {
      key: 'stage',
      header: t('dashboards.sales.column.stage'),
      type: 'text',
      value: (r) => labels.stage(r.stageName),
    },
    {
      key: 'reached',
      header: t('dashboards.sales.column.reached'),
      type: 'number',
      value: (r) => r.reached,
    },
    {
      key: 'fromPrevious',
      header: t('dashboards.sales.column.fromPrevious'),
      type: 'percent',
      value: (r) => r.fromPrevious,
    },
    {
      key: 'fromFirst',
      header: t('dashboards.sales.column.fromFirst'),
      type: 'percent',
      value: (r) => r.fromFirst,
    },
  ];
  const drill = (row: FunnelStep): DrillTarget | null =>
    funnel
      ? {
          title: t('dashboards.sales.drill.funnel', { stage: labels.stage(row.stageName) }),
          collection: 'deals',
          ids: salesDrillIds(input.current, {
            kind: 'funnel',
            pipelineId: funnel.pipelineId,
            stageId: row.stageId,
          }),
        }
      : null;
  const data = rows.map((r) => ({ stage: labels.stage(r.stageName), reached: r.reached }));

  return (
    <ChartCard
      title={t('dashboards.sales.chart.funnel')}
      testId="chart-funnel"
      rows={rows}
      columns={columns}
      drill={drill}
      empty={!funnel || funnel.deals === 0}
    >
      {funnels.length > 1 && (
        <Select
          size="xs"
          mb="xs"
          w={220}
          label={t('dashboards.sales.pipelinePicker')}
          value={funnel?.pipelineId ?? null}
          onChange={setPicked}
          allowDeselect={false}
          data={funnels.map((f) => ({
            value: f.pipelineId,
            label: labels.pipeline(f.pipelineName),
          }))}
          data-testid="chart-funnel-pipeline"
        />
      )}
      <BarChart
        h={260}
        data={data}
        dataKey="stage"
        orientation="vertical"
        yAxisProps={{ width: 90 }}
        series={[{ name: 'reached', label: t('dashboards.sales.series.reached'), color: 'blue.6' }]}
        valueFormatter={(value) => formats.number(value)}
        withBarValueLabel
        barProps={barDrillProps(rows, drill, openDrill)}
      />
    </ChartCard>
  );
}
