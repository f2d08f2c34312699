import { useRef } from 'react';
import { Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Column } from './virtual-table';
import {
  exportTable,
  type ExportColumn,
  type ExportFormat,
  type ExportRowSource,
} from '../data/services/export/table-export';
import { logError } from '../platform/log';

/** From this many rows on (or when the count is not known) the export shows its progress and a cancel. */
const PROGRESS_FROM = 1000;

/** The export columns of a list: the columns it shows that say how they export, with their own headers. */
export function exportColumns<T>(columns: readonly Column<T>[]): ExportColumn<T>[] {
  return columns.flatMap((column) => {
    const spec = column.export;
    if (!spec) return [];
    const header = spec.header ?? (typeof column.header === 'string' ? column.header : column.key);
    return [{ key: column.key, header, type: spec.type, value: spec.value }];
  });
}

export interface ExportMenuProps<T> {
  /** The list's own columns (those with an `export` description are written, in this order). */
  columns: readonly Column<T>[];
  /** The rows as the list shows them (its filter and sort), read page by page when the export starts. */
  source: () => ExportRowSource<T>;
  /** How many rows the list has, when known. */
  total?: number;
  /** The list's title: the file's name (with the date and time) and the progress's title. */
  name: string;
  testId?: string;
}

function fileStem(name: string): string {
  return `${name.replace(/[\\/:*?"<>|]/g, '_')}-${dayjs().format('YYYYMMDD-HHmm')}`;
}

function reason(error: unknown, t: TFunction): string {
  return error instanceof Error && error.message ? error.message : t('export.unknownReason');
}

/** "Export" in a list's header: CSV or Excel of the list with its current filters, sort and visible columns. */
export function ExportMenu<T>({ columns, source, total, name, testId }: ExportMenuProps<T>) {
  const { t } = useTranslation();
  const running = useRef<AbortController | null>(null);

  const handleExport = async (format: ExportFormat) => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    const id = `export-${Date.now()}`;
    const showProgress = total === undefined || total >= PROGRESS_FROM;
    const progressMessage = (done: number) => (
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" data-testid="export-progress">
          {total === undefined
            ? t('export.progressUnknown', { done })
            : t('export.progress', { done, total })}
        </Text>
        <Button size="compact-xs" variant="default" onClick={() => controller.abort()}>
          {t('export.cancel')}
        </Button>
      </Group>
    );
    if (showProgress)
      notifications.show({
        id,
        loading: true,
        title: t('export.progressTitle', { name }),
        message: progressMessage(0),
        autoClose: false,
        withCloseButton: false,
      });
    const finish = (props: { color: string; message: string }) => {
      if (showProgress)
        notifications.update({ id, ...props, title: undefined, loading: false, autoClose: 5000 });
      else notifications.show({ ...props, autoClose: 5000 });
    };
    try {
      const stem = fileStem(name);
      const count = await exportTable({
        columns: exportColumns(columns),
        rows: source(),
        format,
        fileName: stem,
        total,
        signal: controller.signal,
        onProgress: showProgress
          ? (done) => notifications.update({ id, message: progressMessage(done) })
          : undefined,
      });
      finish({
        color: 'green',
        message: t('export.done', { count, file: `${stem}.${format}` }),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        finish({ color: 'gray', message: t('export.cancelled') });
      } else {
        logError('export failed', error);
        finish({ color: 'red', message: t('export.failed', { reason: reason(error, t) }) });
      }
    } finally {
      running.current = null;
    }
  };

  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          aria-label={t('export.menuLabel')}
          data-testid={testId ?? 'export-menu'}
        >
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconFileTypeCsv size={16} />}
          onClick={() => void handleExport('csv')}
          data-testid="export-csv"
        >
          {t('export.csv')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconFileSpreadsheet size={16} />}
          onClick={() => void handleExport('xlsx')}
          data-testid="export-xlsx"
        >
          {t('export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
