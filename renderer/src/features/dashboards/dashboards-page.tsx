import '@mantine/charts/styles.css';
import { Group, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { CustomersDashboard } from './customers/customers-dashboard';
import { DrillProvider } from './drill-drawer';
import { FilterBar } from './filter-bar';
import { SalesDashboard } from './sales/sales-dashboard';
import { ServiceDashboard } from './service/service-dashboard';
import { useDashboardFilters } from './use-dashboard-filters';

export const DASHBOARD_BOARDS = ['sales', 'service', 'customers'] as const;
export type DashboardBoard = (typeof DASHBOARD_BOARDS)[number];

function isBoard(value: string | undefined): value is DashboardBoard {
  return (DASHBOARD_BOARDS as readonly (string | undefined)[]).includes(value);
}

/**
 * 仪表盘 (issue 22): the sales, service and customers dashboards, computed on this computer from the replica
 * (so a manager offline sees the same numbers), filtered by period, team and owner kept in the URL.
 */
export function DashboardsPage() {
  const { t } = useTranslation();
  const { board } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const [filters, setFilters] = useDashboardFilters();
  if (!isBoard(board)) return <Navigate to={`/dashboards/sales${search}`} replace />;

  return (
    <Stack gap="sm" data-testid="dashboards-page">
      <PageHeader title={t('dashboards.frame.title')} />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <FilterBar filters={filters} onChange={setFilters} />
        <Text size="xs" c="dimmed" data-testid="dashboard-period-summary">
          {t('dashboards.frame.period.summary', { start: filters.start, end: filters.end })}
        </Text>
      </Group>
      <Tabs
        value={board}
        onChange={(next) => {
          if (isBoard(next ?? undefined)) void navigate(`/dashboards/${next}${search}`);
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {DASHBOARD_BOARDS.map((b) => (
            <Tabs.Tab key={b} value={b} data-testid={`dashboard-tab-${b}`}>
              {t(`dashboards.frame.tabs.${b}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <DrillProvider key={board}>
          <Tabs.Panel value="sales" pt="sm">
            <SalesDashboard filters={filters} />
          </Tabs.Panel>
          <Tabs.Panel value="service" pt="sm">
            <ServiceDashboard filters={filters} />
          </Tabs.Panel>
          <Tabs.Panel value="customers" pt="sm">
            <CustomersDashboard filters={filters} />
          </Tabs.Panel>
        </DrillProvider>
      </Tabs>
    </Stack>
  );
}
