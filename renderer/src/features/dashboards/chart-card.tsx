import { useMemo, useState, type ReactNode } from 'react';
import {
  Card,
  Center,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../components/export-menu';
import type { Column } from '../../components/virtual-table';
import type { ExportCellType } from '../../data/services/export/table-export';
import { useDashboardFormats, type DashboardFormats } from './dashboard-formats';
import { useDrill } from './drill-drawer';
import { useTurnToDraw } from './draw-queue';
import type { DrillTarget } from './drill-target';

export type { DrillTarget } from './drill-target';

/** One column of a chart's table (what the table shows and the export writes). */
export interface DashboardColumn<Row> {
  key: string;
  /** Already translated. */
  header: string;
  type: 'text' | 'number' | 'money' | 'percent' | 'date';
  /** The raw value: money in yuan, percent as 0–1, null = '—'. */
  value: (row: Row) => string | number | null;
}

export interface ChartCardProps<Row> {
  /** Translated. */
  title: string;
  /** The card root gets data-testid={testId}; cells `<testId>-cell-<row>-<column>`. */
  testId: string;
  /** The chart's table: what the chart shows, one row per bar/point/cell. */
  rows: readonly Row[];
  columns: readonly DashboardColumn<Row>[];
  /** Clicking a table row drills into its records (charts call `useDrill()` themselves). */
  drill?: (row: Row) => DrillTarget | null;
  /** The chart itself (@mantine/charts). */
  children: ReactNode;
  /** Shows "no data in this period" instead of the chart. */
  empty?: boolean;
}

/** What a chart takes up while it waits for its turn to be drawn (most charts are 260 px high). */
const CHART_PLACEHOLDER_HEIGHT = 260;

/** A cell's text as the table shows it. */
export function formatCell(
  formats: DashboardFormats,
  type: DashboardColumn<unknown>['type'],
  value: string | number | null,
): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return type === 'date' ? formats.date(value) : value;
  switch (type) {
    case 'money':
      return formats.money(value);
    case 'percent':
      return formats.percent(value);
    case 'number':
      return formats.number(value);
    default:
      return String(value);
  }
}

/** Percentages export as their 0–1 number (Excel formats it); the rest keep their type. */
function exportType(type: DashboardColumn<unknown>['type']): ExportCellType {
  return type === 'percent' ? 'number' : type;
}

/**
 * A dashboard chart with its table: the chart, a 图表/表格 toggle showing the rows as a locale-formatted table
 * (rows drill down), and an export (CSV, XLSX) of exactly that table through the app's table export.
 */
export function ChartCard<Row>({
  title,
  testId,
  rows,
  columns,
  drill,
  children,
  empty = false,
}: ChartCardProps<Row>) {
  const { t } = useTranslation();
  const formats = useDashboardFormats();
  const openDrill = useDrill();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const drawn = useTurnToDraw();
  const exportColumns = useMemo<Column<Row>[]>(
    () =>
      columns.map((c) => ({
        key: c.key,
        header: c.header,
        render: () => null,
        export: { type: exportType(c.type), value: c.value },
      })),
    [columns],
  );
  const handleRow = (row: Row) => {
    const target = drill?.(row);
    if (target) openDrill(target);
  };

  return (
    <Card withBorder padding="md" data-testid={testId} data-empty={empty || undefined}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={5}>{title}</Title>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
              aria-label={t('dashboards.frame.chart.view')}
              data={[
                { value: 'chart', label: t('dashboards.frame.chart.chart') },
                { value: 'table', label: t('dashboards.frame.chart.table') },
              ]}
              data-testid={`${testId}-view`}
            />
            <ExportMenu
              columns={exportColumns}
              source={() => rows}
              total={rows.length}
              name={title}
              testId={`${testId}-export`}
            />
          </Group>
        </Group>
        {view === 'table' ? (
          <Table.ScrollContainer minWidth={320}>
            <Table striped highlightOnHover={drill !== undefined} data-testid={`${testId}-table`}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th
                      key={c.key}
                      ta={c.type === 'text' || c.type === 'date' ? undefined : 'right'}
                    >
                      {c.header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => (
                  <Table.Tr
                    key={index}
                    data-testid={`${testId}-row-${index}`}
                    onClick={drill ? () => handleRow(row) : undefined}
                    style={drill ? { cursor: 'pointer' } : undefined}
                  >
                    {columns.map((c) => {
                      const value = c.value(row);
                      return (
                        <Table.Td
                          key={c.key}
                          ta={c.type === 'text' || c.type === 'date' ? undefined : 'right'}
                          data-testid={`${testId}-cell-${index}-${c.key}`}
                          data-value={value ?? ''}
                        >
                          {formatCell(formats, c.type, value)}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {drill && rows.length > 0 && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('dashboards.frame.chart.drillHint')}
              </Text>
            )}
          </Table.ScrollContainer>
        ) : empty ? (
          <Center mih={160} data-testid={`${testId}-empty`}>
            <Text c="dimmed" size="sm">
              {t('dashboards.frame.chart.empty')}
            </Text>
          </Center>
        ) : drawn ? (
          children
        ) : (
          <Skeleton h={CHART_PLACEHOLDER_HEIGHT} data-chart-pending="" />
        )}
      </Stack>
    </Card>
  );
}
