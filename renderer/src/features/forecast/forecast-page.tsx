import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { periodOf, shiftPeriod, type Period, type PeriodKind } from '@shared/rules/forecast';
import { PageHeader } from '../../components/page-header';
import { todayString } from '../../components/format';
import { ForecastTable } from './components/forecast-table';
import { TargetsEditor } from './components/targets-editor';
import { useAccessQuery, useForecastQuery } from './queries';

const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

/** "2026年第4季度" / "Q4 2026". */
export function periodLabel(t: TFunction, period: Period): string {
  const year = period.start.slice(0, 4);
  const month = Number(period.start.slice(5, 7));
  if (period.kind === 'year') return t('forecast.period.yearLabel', { year });
  if (period.kind === 'quarter')
    return t('forecast.period.quarterLabel', { year, quarter: Math.floor((month - 1) / 3) + 1 });
  return t('forecast.period.monthLabel', { year, month });
}

/**
 * 销售预测 (issue 20): per team → person → deal, the target, what was won, commit, best case, the weighted pipeline
 * and the gap for a month, quarter or year — computed on this computer from the replica (shared/rules/forecast.ts),
 * so it works offline. The second tab sets the targets.
 */
export function ForecastPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [offset, setOffset] = useState(0);
  const today = todayString();
  const period = useMemo(() => shiftPeriod(periodOf(kind, today), offset), [kind, today, offset]);
  const forecast = useForecastQuery(period);
  const access = useAccessQuery();
  const label = periodLabel(t, period);
  const view = forecast.data;
  const pipelines = useMemo(
    () => new Map(view?.pipelines.map((p) => [p.id, p.value]) ?? []),
    [view],
  );

  return (
    <Stack gap="sm" data-testid="forecast-page">
      <PageHeader title={t('forecast.title')} />
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <SegmentedControl
            value={kind}
            onChange={(value) => {
              setKind(value);
              setOffset(0);
            }}
            aria-label={t('forecast.period.label')}
            data={KINDS.map((k) => ({ value: k, label: t(`forecast.period.${k}`) }))}
            data-testid="forecast-period-kind"
          />
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setOffset((o) => o - 1)}
            aria-label={t('forecast.period.previous')}
            data-testid="forecast-previous"
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Button
            variant="default"
            onClick={() => setOffset(0)}
            disabled={offset === 0}
            data-testid="forecast-current"
          >
            {t('forecast.period.current')}
          </Button>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setOffset((o) => o + 1)}
            aria-label={t('forecast.period.next')}
            data-testid="forecast-next"
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
        <Text fw={600} data-testid="forecast-period">
          {t('forecast.period.shown', { label, start: period.start, end: period.end })}
        </Text>
      </Group>
      <Tabs defaultValue="forecast" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="forecast" data-testid="forecast-tab">
            {t('forecast.tabs.forecast')}
          </Tabs.Tab>
          <Tabs.Tab value="targets" data-testid="targets-tab">
            {t('forecast.tabs.targets')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="forecast" pt="sm">
          <Card withBorder>
            {view && view.rows.length === 0 ? (
              <Alert color="gray" data-testid="forecast-empty">
                {t('forecast.empty')}
              </Alert>
            ) : view && view.period.key === period.key ? (
              <ForecastTable
                key={period.key}
                rows={view.rows}
                period={view.period}
                pipelines={pipelines}
              />
            ) : null}
            <Text size="xs" c="dimmed" mt="sm">
              {t('forecast.hint')}
            </Text>
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="targets" pt="sm">
          <Card withBorder>
            {view && (
              <TargetsEditor
                members={view.members}
                targets={view.targets}
                periodKey={period.key}
                periodLabel={label}
                access={access.data}
              />
            )}
          </Card>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
