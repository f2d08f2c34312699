import type { DashboardFilters } from '@shared/rules/dashboards/filters';

/** The service dashboard (issue 22). Placeholder until its branch lands; the dashboards page mounts it. */
export function ServiceDashboard({ filters }: { filters: DashboardFilters }) {
  return <div data-testid="dashboard-service" data-period={`${filters.start}..${filters.end}`} />;
}
