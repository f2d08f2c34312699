import type { DashboardFilters } from '@shared/rules/dashboards/filters';

/** The sales dashboard (issue 22). Placeholder until its branch lands; the dashboards page mounts it. */
export function SalesDashboard({ filters }: { filters: DashboardFilters }) {
  return <div data-testid="dashboard-sales" data-period={`${filters.start}..${filters.end}`} />;
}
