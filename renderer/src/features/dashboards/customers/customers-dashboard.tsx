import type { DashboardFilters } from '@shared/rules/dashboards/filters';

/** The customers dashboard (issue 22). Placeholder until its branch lands; the dashboards page mounts it. */
export function CustomersDashboard({ filters }: { filters: DashboardFilters }) {
  return <div data-testid="dashboard-customers" data-period={`${filters.start}..${filters.end}`} />;
}
