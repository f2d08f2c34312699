import { Alert, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardFilters } from '@shared/rules/dashboards/filters';
import type { ServiceMetrics } from '@shared/rules/dashboards/service-metrics';
import { Stat } from '../stat';
import { BacklogChart } from './components/backlog-chart';
import { hoursOf } from './components/bar-drill';
import { CsatChart } from './components/csat-chart';
import { NpsChart } from './components/nps-chart';
import { ResponseTimesChart } from './components/response-times-chart';
import { SlaChart } from './components/sla-chart';
import { useServiceMetrics } from './service-source';

/**
 * The service dashboard (issue 22): SLA compliance, today's backlog, response times and the CSAT and NPS trends,
 * computed from the replica by shared/rules/dashboards/service-metrics.ts. `data-ready` turns true once the
 * numbers on screen are those of the current filters.
 */
export function ServiceDashboard({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation();
  const query = useServiceMetrics(filters);
  const ready = query.data !== undefined && !query.isPlaceholderData;
  return (
    <Stack
      gap="md"
      data-testid="dashboard-service"
      data-ready={ready ? 'true' : 'false'}
      data-period={`${filters.start}..${filters.end}`}
    >
      {query.error ? (
        <Alert color="red" data-testid="service-error">
          {t('dashboards.service.error', { message: query.error.message })}
        </Alert>
      ) : query.data === undefined ? (
        <Stack align="center" py="xl">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('dashboards.service.loading')}
          </Text>
        </Stack>
      ) : (
        <ServiceBoard metrics={query.data} />
      )}
    </Stack>
  );
}

function ServiceBoard({ metrics }: { metrics: ServiceMetrics }) {
  const { t } = useTranslation();
  const { sla, backlog, responseTimes, csat, nps } = metrics;
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <Stat
          label={t('dashboards.service.stats.sla')}
          value={sla.total.compliance}
          format="percent"
          testId="service-stat-sla"
          hint={t('dashboards.service.stats.slaHint', {
            met: sla.total.met,
            breached: sla.total.breached,
            running: sla.total.running,
          })}
        />
        <Stat
          label={t('dashboards.service.stats.backlog')}
          value={backlog.total}
          format="number"
          testId="service-stat-backlog"
          hint={t('dashboards.service.stats.backlogHint')}
        />
        <Stat
          label={t('dashboards.service.stats.frt')}
          value={hoursOf(responseTimes.total.firstResponseAvgMs)}
          format="number"
          testId="service-stat-frt"
          hint={t('dashboards.service.stats.frtHint', {
            count: responseTimes.total.firstResponses,
          })}
        />
        <Stat
          label={t('dashboards.service.stats.csat')}
          value={csat.total.average}
          format="number"
          testId="service-stat-csat"
          hint={t('dashboards.service.stats.csatHint', { count: csat.total.responses })}
        />
        <Stat
          label={t('dashboards.service.stats.nps')}
          value={nps.total.score}
          format="number"
          testId="service-stat-nps"
          hint={t('dashboards.service.stats.npsHint', { count: nps.total.responses })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <SlaChart rows={sla.rows} />
        <BacklogChart rows={backlog.rows} />
        <ResponseTimesChart rows={responseTimes.rows} />
        <CsatChart months={csat.months} />
        <NpsChart months={nps.months} />
      </SimpleGrid>
    </>
  );
}
