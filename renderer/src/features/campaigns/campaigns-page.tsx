import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { campaignPhase, type FunnelNumbers, type MetricsPeriod } from '@shared/rules';
import { PageHeader } from '../../components/page-header';
import { todayString } from '../../components/format';
import { useCampaignMetricsQuery } from '../../entities/campaigns/queries';
import { useCampaignWriteAccess } from '../../entities/campaigns/access';
import type { Campaign } from '../../data/repositories/setting-repository';
import { CampaignFormModal } from './components/campaign-form-modal';

const PERIODS = ['all', 'month', 'quarter', 'year'] as const;
type PeriodName = (typeof PERIODS)[number];

/** The period a preset names, as calendar days around `today`. */
function periodOf(name: PeriodName, today: string): MetricsPeriod {
  const day = dayjs(today);
  switch (name) {
    case 'all':
      return { from: '', to: '' };
    case 'month':
      return {
        from: day.startOf('month').format('YYYY-MM-DD'),
        to: day.endOf('month').format('YYYY-MM-DD'),
      };
    case 'quarter': {
      const start = day.month(Math.floor(day.month() / 3) * 3).startOf('month');
      return {
        from: start.format('YYYY-MM-DD'),
        to: start.add(2, 'month').endOf('month').format('YYYY-MM-DD'),
      };
    }
    case 'year':
      return {
        from: day.startOf('year').format('YYYY-MM-DD'),
        to: day.endOf('year').format('YYYY-MM-DD'),
      };
  }
}

/** Number formatters for the UI language; null (a division by zero) is shown as "—". */
function useFormats() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const language = i18n.language;
    const money = new Intl.NumberFormat(language, {
      style: 'currency',
      currency: 'CNY',
      maximumFractionDigits: 2,
    });
    const count = new Intl.NumberFormat(language);
    const percent = new Intl.NumberFormat(language, {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    const or = (f: Intl.NumberFormat) => (value: number | null) =>
      value === null ? '—' : f.format(value);
    return { money: or(money), count: or(count), percent: or(percent) };
  }, [i18n.language]);
}

const PHASE_COLORS = { planned: 'gray', active: 'green', ended: 'blue' } as const;

/**
 * Campaigns (市场活动, issue 19): each campaign with its leads, MQLs, SQLs, won deals, revenue, cost per lead and
 * CAC over a period, and conversion by lead source — the numbers of shared/rules/campaign-metrics.ts.
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  const access = useCampaignWriteAccess();
  const [periodName, setPeriodName] = useState<PeriodName>('all');
  const today = todayString();
  const period = useMemo(() => periodOf(periodName, today), [periodName, today]);
  const metrics = useCampaignMetricsQuery(period);
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const f = useFormats();

  const funnelCells = (n: FunnelNumbers) => (
    <>
      <Table.Td>{f.count(n.leads)}</Table.Td>
      <Table.Td>{f.count(n.mqls)}</Table.Td>
      <Table.Td>{f.count(n.sqls)}</Table.Td>
      <Table.Td>{f.count(n.wonDeals)}</Table.Td>
      <Table.Td>{f.money(n.revenue)}</Table.Td>
    </>
  );
  const rates = (n: FunnelNumbers) => (
    <>
      <Table.Td>{f.percent(n.leadToSql)}</Table.Td>
      <Table.Td>{f.percent(n.sqlToWon)}</Table.Td>
      <Table.Td>{f.percent(n.leadToWon)}</Table.Td>
    </>
  );
  const funnelHeads = (
    <>
      <Table.Th>{t('campaigns.column.leads')}</Table.Th>
      <Table.Th>{t('campaigns.column.mqls')}</Table.Th>
      <Table.Th>{t('campaigns.column.sqls')}</Table.Th>
      <Table.Th>{t('campaigns.column.wonDeals')}</Table.Th>
      <Table.Th>{t('campaigns.column.revenue')}</Table.Th>
    </>
  );
  const rateHeads = (
    <>
      <Table.Th>{t('campaigns.column.leadToSql')}</Table.Th>
      <Table.Th>{t('campaigns.column.sqlToWon')}</Table.Th>
      <Table.Th>{t('campaigns.column.leadToWon')}</Table.Th>
    </>
  );

  const rows = metrics.data?.campaigns ?? [];
  const sources = metrics.data?.sources ?? [];
  return (
    <Stack gap="sm" data-testid="campaigns-page">
      <PageHeader title={t('campaigns.title')}>
        {access.canWrite && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="new-campaign"
          >
            {t('campaigns.new')}
          </Button>
        )}
      </PageHeader>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={periodName}
          onChange={(value) => setPeriodName(value)}
          aria-label={t('campaigns.period.label')}
          data={PERIODS.map((p) => ({ value: p, label: t(`campaigns.period.${p}`) }))}
          data-testid="campaign-period"
        />
        <Text size="xs" c="dimmed" maw={480}>
          {t('campaigns.periodHint')}
        </Text>
      </Group>
      {access.known && !access.canWrite && (
        <Text size="sm" c="dimmed">
          {t('campaigns.readOnly')}
        </Text>
      )}
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('campaigns.byCampaign')}
        </Title>
        {metrics.isSuccess && rows.length === 0 ? (
          <Alert color="gray" data-testid="campaigns-empty">
            {t('campaigns.empty')}
          </Alert>
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table striped highlightOnHover data-testid="campaigns-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.field.name')}</Table.Th>
                  <Table.Th>{t('campaigns.field.channel')}</Table.Th>
                  <Table.Th>{t('campaigns.field.phase')}</Table.Th>
                  {funnelHeads}
                  <Table.Th>{t('campaigns.column.cost')}</Table.Th>
                  <Table.Th>{t('campaigns.column.costPerLead')}</Table.Th>
                  <Table.Th>{t('campaigns.column.cac')}</Table.Th>
                  {rateHeads}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ campaign, numbers }) => {
                  const phase = campaignPhase(campaign.value, today);
                  return (
                    <Table.Tr key={campaign.id} data-testid="campaign-row">
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          onClick={() => setEditing(campaign)}
                          data-testid="campaign-open"
                        >
                          {campaign.value.name}
                        </Button>
                      </Table.Td>
                      <Table.Td>{t(`lists.campaignChannel.${campaign.value.channel}`)}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={PHASE_COLORS[phase]}>
                          {t(`campaigns.phase.${phase}`)}
                        </Badge>
                      </Table.Td>
                      {funnelCells(numbers)}
                      <Table.Td>{f.money(numbers.cost)}</Table.Td>
                      <Table.Td data-testid="campaign-cost-per-lead">
                        {f.money(numbers.costPerLead)}
                      </Table.Td>
                      <Table.Td>{f.money(numbers.cac)}</Table.Td>
                      {rates(numbers)}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('campaigns.bySource')}
        </Title>
        {metrics.isSuccess && sources.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('campaigns.noSources')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="campaign-sources-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.column.source')}</Table.Th>
                  {funnelHeads}
                  {rateHeads}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sources.map((row) => (
                  <Table.Tr key={row.source}>
                    <Table.Td>{t(`lists.source.${row.source}`)}</Table.Td>
                    {funnelCells(row)}
                    {rates(row)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <CampaignFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        campaign={editing === 'new' || editing === null ? undefined : editing}
        access={access}
      />
    </Stack>
  );
}
