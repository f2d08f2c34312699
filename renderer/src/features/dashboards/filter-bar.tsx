import { useMemo } from 'react';
import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DASHBOARD_PERIOD_KINDS,
  isDashboardDay,
  ownersInScope,
  type DashboardFilters,
} from '@shared/rules/dashboards/filters';
import { useDashboardMembers } from './use-dashboard-filters';

/** The pickers' "all" option (Select options need a non-empty value; the filters say ''). */
const ALL = '*';

export interface FilterBarProps {
  filters: DashboardFilters;
  onChange: (patch: Partial<DashboardFilters>) => void;
}

/** Period (本月/本季度/本年/自定义), team and owner: what every dashboard is filtered by. */
export function FilterBar({ filters, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const members = useDashboardMembers();
  const teamOptions = useMemo(
    () => [
      { value: ALL, label: t('dashboards.frame.team.all') },
      ...members.filter((m) => m.kind === 'team').map((m) => ({ value: m.id, label: m.name })),
    ],
    [members, t],
  );
  const ownerOptions = useMemo(() => {
    const inTeam = ownersInScope({ teamId: filters.teamId, ownerId: '' }, members);
    return [
      { value: ALL, label: t('dashboards.frame.owner.all') },
      ...members
        .filter((m) => m.kind === 'user' && (inTeam === null || inTeam.has(m.id)))
        .map((m) => ({ value: m.id, label: m.name })),
    ];
  }, [members, filters.teamId, t]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="dashboard-filters">
      <SegmentedControl
        value={filters.periodKind}
        onChange={(value) => onChange({ periodKind: value })}
        aria-label={t('dashboards.frame.period.label')}
        data={DASHBOARD_PERIOD_KINDS.map((kind) => ({
          value: kind,
          label: t(`dashboards.frame.period.${kind}`),
        }))}
        data-testid="dashboard-period"
      />
      {filters.periodKind === 'custom' && (
        <Group gap="xs" wrap="nowrap" role="group" aria-label={t('dashboards.frame.period.range')}>
          <TextInput
            type="date"
            aria-label={t('dashboards.frame.period.range')}
            value={filters.start}
            onChange={(e) => {
              const start = e.currentTarget.value;
              if (isDashboardDay(start)) onChange({ start });
            }}
            data-testid="dashboard-start"
          />
          <TextInput
            type="date"
            aria-label={t('dashboards.frame.period.range')}
            value={filters.end}
            onChange={(e) => {
              const end = e.currentTarget.value;
              if (isDashboardDay(end)) onChange({ end });
            }}
            data-testid="dashboard-end"
          />
        </Group>
      )}
      <Select
        label={t('dashboards.frame.team.label')}
        data={teamOptions}
        value={filters.teamId || ALL}
        onChange={(value) => onChange({ teamId: value && value !== ALL ? value : '' })}
        allowDeselect={false}
        searchable
        w={180}
        data-testid="dashboard-team"
      />
      <Select
        label={t('dashboards.frame.owner.label')}
        data={ownerOptions}
        value={filters.ownerId || ALL}
        onChange={(value) => onChange({ ownerId: value && value !== ALL ? value : '' })}
        allowDeselect={false}
        searchable
        w={180}
        data-testid="dashboard-owner"
      />
    </Group>
  );
}
