import { useMemo } from 'react';
import { Alert, Group, Loader, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { BarChart, DonutChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { Account } from '@shared/domain';
import {
  customerHealth,
  customerRfm,
  RFM_SEGMENTS,
  type HealthBandRow,
  type RfmSegment,
  type RfmSegmentRow,
} from '@shared/rules/dashboards/customer-metrics';
import { dashboardScope, type DashboardFilters } from '@shared/rules/dashboards/filters';
import { todayString } from '../../../components/format';
import { useMemberNames } from '../../../entities/members/queries';
import { HEALTH_COLORS } from '../../../entities/accounts/components/health-card';
import { ChartCard, type DashboardColumn } from '../chart-card';
import { useDashboardFormats } from '../dashboard-formats';
import { useDrill } from '../drill-drawer';
import { Stat } from '../stat';
import { useDashboardMembers } from '../use-dashboard-filters';
import { useCustomersData } from './customers-source';

/** Segments in the grid: important (high M) on the left, general on the right; value → retain downwards. */
const GRID_ORDER: readonly RfmSegment[] = [
  'importantValue',
  'generalValue',
  'importantDevelop',
  'generalDevelop',
  'importantKeep',
  'generalKeep',
  'importantRetain',
  'generalRetain',
];
const SEGMENT_COLORS: Record<RfmSegment, string> = {
  importantValue: 'teal',
  importantDevelop: 'blue',
  importantKeep: 'orange',
  importantRetain: 'red',
  generalValue: 'cyan',
  generalDevelop: 'indigo',
  generalKeep: 'yellow',
  generalRetain: 'gray',
};

interface ChurnRow {
  account: Account;
  score: number;
  band: HealthBandRow['band'];
}

/**
 * 客户仪表盘 (issue 22): RFM segments from contracts and payments (shared/rules/dashboards/customer-metrics.ts),
 * and the accounts by health band and churn risk (the accounts list's health, shared/rules/account-health.ts),
 * for the accounts in the team/owner filter.
 */
export function CustomersDashboard({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const openDrill = useDrill();
  const members = useDashboardMembers();
  const names = useMemberNames();
  const data = useCustomersData();
  const today = todayString();

  const computed = useMemo(() => {
    if (!data.data) return null;
    const scope = dashboardScope(filters, members);
    const rfm = customerRfm({
      accounts: data.data.accounts,
      contracts: data.data.contracts,
      filters,
      scope,
      today,
    });
    const health = customerHealth({
      accounts: data.data.accounts,
      health: data.data.health,
      scope,
    });
    const byId = new Map(data.data.accounts.map((a) => [a.id, a]));
    const churn: ChurnRow[] = health.churnRiskIds.flatMap((id) => {
      const account = byId.get(id);
      const h = data.data?.health.get(id);
      return account && h ? [{ account, score: h.score, band: h.band }] : [];
    });
    return { rfm, health, churn };
  }, [data.data, filters, members, today]);

  const segmentName = (segment: RfmSegment) => t(`dashboards.customers.rfm.segments.${segment}`);
  const segmentColumns = useMemo<DashboardColumn<RfmSegmentRow>[]>(
    () => [
      {
        key: 'segment',
        header: t('dashboards.customers.rfm.segment'),
        type: 'text',
        value: (r) => t(`dashboards.customers.rfm.segments.${r.segment}`),
      },
      {
        key: 'count',
        header: t('dashboards.customers.rfm.count'),
        type: 'number',
        value: (r) => r.count,
      },
      {
        key: 'share',
        header: t('dashboards.customers.rfm.share'),
        type: 'percent',
        value: (r) => r.share,
      },
      {
        key: 'monetary',
        header: t('dashboards.customers.rfm.monetary'),
        type: 'money',
        value: (r) => r.monetary,
      },
      {
        key: 'averageRecencyDays',
        header: t('dashboards.customers.rfm.averageRecency'),
        type: 'number',
        value: (r) => r.averageRecencyDays,
      },
    ],
    [t],
  );
  const healthColumns = useMemo<DashboardColumn<HealthBandRow>[]>(
    () => [
      {
        key: 'band',
        header: t('dashboards.customers.health.band'),
        type: 'text',
        value: (r) => t(`health.band.${r.band}`),
      },
      {
        key: 'count',
        header: t('dashboards.customers.health.count'),
        type: 'number',
        value: (r) => r.count,
      },
      {
        key: 'churnRisk',
        header: t('dashboards.customers.health.churnRisk'),
        type: 'number',
        value: (r) => r.churnRisk,
      },
      {
        key: 'share',
        header: t('dashboards.customers.health.share'),
        type: 'percent',
        value: (r) => r.share,
      },
    ],
    [t],
  );
  const churnColumns = useMemo<DashboardColumn<ChurnRow>[]>(
    () => [
      {
        key: 'account',
        header: t('dashboards.customers.churn.account'),
        type: 'text',
        value: (r) => r.account.name,
      },
      {
        key: 'owner',
        header: t('dashboards.customers.churn.owner'),
        type: 'text',
        value: (r) => names.get(r.account.ownerId) ?? '',
      },
      {
        key: 'score',
        header: t('dashboards.customers.churn.score'),
        type: 'number',
        value: (r) => r.score,
      },
      {
        key: 'band',
        header: t('dashboards.customers.churn.band'),
        type: 'text',
        value: (r) => t(`health.band.${r.band}`),
      },
    ],
    [t, names],
  );

  if (data.isError)
    return (
      <Alert color="red" data-testid="dashboard-customers">
        {t('dashboards.customers.failed', {
          reason: data.error instanceof Error ? data.error.message : String(data.error),
        })}
      </Alert>
    );
  if (!computed)
    return (
      <Group gap="xs" data-testid="dashboard-customers" data-ready="false">
        <Loader size="sm" />
        <Text size="sm">{t('dashboards.customers.loading')}</Text>
      </Group>
    );

  const { rfm, health, churn } = computed;
  const drillSegment = (row: RfmSegmentRow) =>
    row.count === 0
      ? null
      : {
          title: `${segmentName(row.segment)} · ${filters.start} – ${filters.end}`,
          collection: 'accounts' as const,
          ids: row.accountIds,
        };
  const drillBand = (row: HealthBandRow) =>
    row.count === 0
      ? null
      : {
          title: t(`health.band.${row.band}`),
          collection: 'accounts' as const,
          ids: row.accountIds,
        };
  const segmentRows = RFM_SEGMENTS.map(
    (segment) => rfm.segments.find((s) => s.segment === segment) as RfmSegmentRow,
  );

  return (
    <Stack
      gap="md"
      data-testid="dashboard-customers"
      data-ready="true"
      data-period={`${filters.start}..${filters.end}`}
    >
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat
          label={t('dashboards.customers.stats.customers')}
          hint={t('dashboards.customers.stats.customersHint')}
          value={rfm.customers}
          format="number"
          testId="customers-stat-customers"
        />
        <Stat
          label={t('dashboards.customers.stats.monetary')}
          value={rfm.monetary}
          format="compactMoney"
          testId="customers-stat-monetary"
        />
        <Stat
          label={t('dashboards.customers.stats.averagePerPayer')}
          value={rfm.averageMonetaryPerPayer}
          format="compactMoney"
          testId="customers-stat-average"
        />
        <Stat
          label={t('dashboards.customers.stats.churnRisk')}
          hint={formats.percent(health.churnRiskShare)}
          value={health.churnRiskIds.length}
          format="number"
          testId="customers-stat-churn-risk"
        />
      </SimpleGrid>

      <ChartCard
        title={t('dashboards.customers.rfm.title')}
        testId="chart-rfm-segments"
        rows={segmentRows}
        columns={segmentColumns}
        drill={drillSegment}
        empty={rfm.customers === 0}
      >
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {t('dashboards.customers.rfm.hint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" data-testid="rfm-grid">
            {GRID_ORDER.map((segment) => {
              const row = segmentRows.find((r) => r.segment === segment) as RfmSegmentRow;
              const target = drillSegment(row);
              return (
                <UnstyledButton
                  key={segment}
                  onClick={target ? () => openDrill(target) : undefined}
                  disabled={!target}
                  data-testid={`rfm-cell-${segment}`}
                  data-value={row.count}
                  p="sm"
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    borderLeft: `4px solid var(--mantine-color-${SEGMENT_COLORS[segment]}-filled)`,
                    background: 'var(--mantine-color-default-hover)',
                  }}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {segmentName(segment)}
                    </Text>
                    <Text size="lg" fw={700} data-testid={`rfm-cell-${segment}-count`}>
                      {formats.number(row.count)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formats.compactMoney(row.monetary)} · {formats.percent(row.share)}
                  </Text>
                </UnstyledButton>
              );
            })}
          </SimpleGrid>
          <BarChart
            h={220}
            data={segmentRows.map((r) => ({ segment: segmentName(r.segment), count: r.count }))}
            dataKey="segment"
            orientation="vertical"
            yAxisProps={{ width: 110 }}
            valueFormatter={(value) => formats.number(value)}
            series={[
              { name: 'count', label: t('dashboards.customers.rfm.count'), color: 'teal.6' },
            ]}
            barProps={{
              onClick: (_data: unknown, index: number) => {
                const row = segmentRows[index];
                const target = row ? drillSegment(row) : null;
                if (target) openDrill(target);
              },
              style: { cursor: 'pointer' },
            }}
          />
        </Stack>
      </ChartCard>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          title={t('dashboards.customers.health.title')}
          testId="chart-health-bands"
          rows={health.bands}
          columns={healthColumns}
          drill={drillBand}
          empty={health.scored === 0}
        >
          <Group justify="center">
            <DonutChart
              size={180}
              thickness={28}
              withLabels
              withLabelsLine
              withTooltip
              valueFormatter={(value) => formats.number(value)}
              data={health.bands.map((b) => ({
                name: t(`health.band.${b.band}`),
                value: b.count,
                color: `${HEALTH_COLORS[b.band]}.6`,
              }))}
              pieProps={{
                onClick: (_data: unknown, index: number) => {
                  const row = health.bands[index];
                  const target = row ? drillBand(row) : null;
                  if (target) openDrill(target);
                },
                style: { cursor: 'pointer' },
              }}
            />
          </Group>
        </ChartCard>
        <ChartCard
          title={t('dashboards.customers.churn.title')}
          testId="chart-churn-risk"
          rows={churn}
          columns={churnColumns}
          drill={(row) => ({
            title: row.account.name,
            collection: 'accounts',
            ids: [row.account.id],
          })}
          empty={churn.length === 0}
        >
          <BarChart
            h={Math.max(120, Math.min(churn.length, 12) * 28 + 40)}
            data={churn.slice(0, 12).map((r) => ({ account: r.account.name, score: r.score }))}
            dataKey="account"
            orientation="vertical"
            yAxisProps={{ width: 120 }}
            xAxisProps={{ domain: [0, 100] }}
            series={[
              { name: 'score', label: t('dashboards.customers.churn.score'), color: 'red.6' },
            ]}
          />
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}
