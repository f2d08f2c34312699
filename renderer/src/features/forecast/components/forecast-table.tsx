import { Fragment, useState } from 'react';
import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  forecastCategoryOf,
  stageProbability,
  type ForecastRow,
  type PipelinesById,
  type Period,
  dealContribution,
} from '@shared/rules/forecast';
import { stageLabel } from '../../../entities/settings/stage-label';
import { useForecastFormats } from './use-forecast-formats';

const COLUMNS = ['target', 'won', 'commit', 'bestCase', 'weighted', 'gap', 'attainment'] as const;

/**
 * The forecast rows: teams → sub-teams and people → a person's deals (drill down with the chevrons). Each number
 * cell has a test id `forecast-<memberId>-<column>`, so journeys read the rendered values.
 */
export function ForecastTable({
  rows,
  period,
  pipelines,
}: {
  rows: ForecastRow[];
  period: Period;
  pipelines: PipelinesById;
}) {
  const { t } = useTranslation();
  const f = useForecastFormats();
  // Top-level teams open by default (team → people); a person's deals on demand.
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(rows.filter((r) => r.kind === 'team').map((r) => `/${r.memberId}`)),
  );
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const renderRow = (row: ForecastRow, depth: number, path: string): React.ReactNode => {
    const key = `${path}/${row.memberId}`;
    const expanded = open.has(key);
    const canOpen = row.kind === 'team' ? row.children.length > 0 : true;
    const n = row.numbers;
    const value = (column: (typeof COLUMNS)[number]) =>
      column === 'attainment' ? f.percent(n.attainment) : f.money(n[column]);
    return (
      <Fragment key={key}>
        <Table.Tr data-testid={`forecast-row-${row.memberId}`} fw={row.kind === 'team' ? 600 : 400}>
          <Table.Td>
            <Group gap={4} wrap="nowrap" pl={depth * 20}>
              {canOpen ? (
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  onClick={() => toggle(key)}
                  aria-label={t(expanded ? 'forecast.collapse' : 'forecast.expand', {
                    name: row.name,
                  })}
                  aria-expanded={expanded}
                  data-testid={`forecast-toggle-${row.memberId}`}
                >
                  {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                </ActionIcon>
              ) : (
                <span style={{ width: 22 }} />
              )}
              {row.kind === 'team' ? <IconUsersGroup size={14} /> : <IconUser size={14} />}
              <Text size="sm" fw="inherit">
                {row.name}
              </Text>
            </Group>
          </Table.Td>
          {COLUMNS.map((column) => (
            <Table.Td key={column} ta="right" data-testid={`forecast-${row.memberId}-${column}`}>
              {column === 'target' && row.targetSource && row.targetSource !== 'set' ? (
                <Tooltip label={t(`forecast.targetFrom.${row.targetSource}`)}>
                  <span>{value(column)}*</span>
                </Tooltip>
              ) : (
                value(column)
              )}
            </Table.Td>
          ))}
        </Table.Tr>
        {expanded && row.children.map((child) => renderRow(child, depth + 1, key))}
        {expanded && row.kind === 'user' && (
          <Table.Tr>
            <Table.Td colSpan={COLUMNS.length + 1} p={0}>
              <DealRows row={row} period={period} pipelines={pipelines} depth={depth + 1} />
            </Table.Td>
          </Table.Tr>
        )}
      </Fragment>
    );
  };

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover data-testid="forecast-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('forecast.column.name')}</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th key={column} ta="right">
                {t(`forecast.column.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows.map((row) => renderRow(row, 0, ''))}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A person's deals in the period, each a link to its page, with its category and weighted amount. */
function DealRows({
  row,
  period,
  pipelines,
  depth,
}: {
  row: ForecastRow;
  period: Period;
  pipelines: PipelinesById;
  depth: number;
}) {
  const { t } = useTranslation();
  const f = useForecastFormats();
  if (row.deals.length === 0)
    return (
      <Text size="sm" c="dimmed" py="xs" pl={depth * 20 + 30} data-testid="forecast-no-deals">
        {t('forecast.noDeals')}
      </Text>
    );
  return (
    <Table withRowBorders={false} data-testid={`forecast-deals-${row.memberId}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th pl={depth * 20 + 30}>{t('forecast.deal.name')}</Table.Th>
          <Table.Th>{t('forecast.deal.stage')}</Table.Th>
          <Table.Th>{t('forecast.deal.category')}</Table.Th>
          <Table.Th>{t('forecast.deal.closeDate')}</Table.Th>
          <Table.Th ta="right">{t('forecast.deal.amount')}</Table.Th>
          <Table.Th ta="right">{t('forecast.deal.weighted')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row.deals.map((deal) => {
          const pipeline = pipelines.get(deal.pipelineId);
          const stage = pipeline?.stages.find((s) => s.id === deal.stage);
          const { stageFound } = stageProbability(deal, pipelines);
          const category = forecastCategoryOf(deal);
          const weighted = dealContribution(deal, period, pipelines).weighted / 100;
          return (
            <Table.Tr key={deal.id} data-testid={`forecast-deal-${deal.id}`}>
              <Table.Td pl={depth * 20 + 30}>
                <Anchor component={Link} to={`/deals/${deal.id}`} size="sm">
                  {deal.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {stage ? stageLabel(t, stage) : deal.stage}
                {!stageFound && (
                  <Badge ml={4} size="xs" color="orange" variant="light">
                    {t('forecast.deal.stageMissing')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {deal.status === 'won' ? (
                  <Badge size="sm" color="green" variant="light">
                    {t('forecast.deal.won')}
                  </Badge>
                ) : (
                  t(`lists.forecastCategory.${category}`)
                )}
              </Table.Td>
              <Table.Td>{deal.closeDate}</Table.Td>
              <Table.Td ta="right">{f.money(deal.amount)}</Table.Td>
              <Table.Td ta="right">{deal.status === 'won' ? '—' : f.money(weighted)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
