import { useMemo, useState } from 'react';
import { Button, Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TICKET_STATUSES } from '@shared/domain';
import { PageHeader } from '../../components/page-header';
import { useFilterShortcut } from '../../components/use-filter-shortcut';
import { VirtualTable, type Column } from '../../components/virtual-table';
import { formatDateTime } from '../../components/format';
import { useUserMap } from '../../entities/members/queries';
import { useTicketList, type TicketFilter, type TicketRow } from '../../entities/tickets/queries';
import { TicketFormModal } from '../../entities/tickets/components/ticket-form-modal';
import {
  TicketPriorityBadge,
  TicketStatusBadge,
} from '../../entities/tickets/components/ticket-badges';
import { useWriteAccess } from '../../hooks/use-write-access';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { usePendingRowMark } from '../../entities/sync/components/pending-mark';
import { ExportMenu } from '../../components/export-menu';
import { SlaListTimer, useSlaSettings } from '../../entities/tickets/sla';

const ALL = 'all';

/** Service tickets (工单): filter by status, search by subject or number, open one to work on it. */
export function TicketsPage() {
  const { t } = useTranslation();
  const pendingMark = usePendingRowMark('tickets');
  // Who may not create here (a viewer) gets no new-record button.
  const canCreate = useWriteAccess('tickets', null).canWrite;
  const navigate = useNavigate();
  const userMap = useUserMap();
  const [status, setStatus] = useState<string>(ALL);
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 250);
  const [creating, setCreating] = useState(false);
  useShortcut('newRecord', canCreate ? () => setCreating(true) : null);
  const filter = useMemo<TicketFilter>(
    () => ({
      status: status === ALL ? undefined : status,
      text: debouncedText.trim() || undefined,
    }),
    [status, debouncedText],
  );
  const { rows, loadMore, fetchMore, isLoading, exportPages } = useTicketList(filter);
  const filterInput = useFilterShortcut();
  const slaSettings = useSlaSettings();

  const columns = useMemo<Column<TicketRow>[]>(
    () => [
      {
        key: 'number',
        header: t('fields.number'),
        width: 170,
        render: (row) => (
          <Text size="sm" ff="monospace">
            {row.number}
          </Text>
        ),
        export: { type: 'text', value: (row) => row.number },
      },
      {
        key: 'subject',
        header: t('fields.subject'),
        width: 'minmax(200px, 2fr)',
        render: (row) => (
          <Text size="sm" fw={500} truncate>
            {row.subject}
          </Text>
        ),
        export: { type: 'text', value: (row) => row.subject },
      },
      {
        key: 'account',
        header: t('fields.accountId'),
        render: (row) => (
          <Text size="sm" truncate>
            {row.accountName || '—'}
          </Text>
        ),
        export: { type: 'text', value: (row) => row.accountName },
      },
      {
        key: 'priority',
        header: t('fields.priority'),
        width: 100,
        render: (row) => <TicketPriorityBadge priority={row.priority} size="sm" />,
        export: { type: 'text', value: (row) => t(`lists.ticketPriority.${row.priority}`) },
      },
      {
        key: 'status',
        header: t('fields.status'),
        width: 110,
        render: (row) => <TicketStatusBadge status={row.status} size="sm" />,
        export: { type: 'text', value: (row) => t(`lists.ticketStatus.${row.status}`) },
      },
      {
        key: 'sla',
        header: t('tickets.sla.column'),
        width: 170,
        render: (row) => (
          <SlaListTimer ticket={row} tier={row.accountTier} settings={slaSettings} />
        ),
      },
      {
        key: 'assignee',
        header: t('fields.assigneeId'),
        width: 120,
        render: (row) => (
          <Text size="sm" truncate>
            {userMap.get(row.assigneeId)?.name ?? '—'}
          </Text>
        ),
        export: { type: 'text', value: (row) => userMap.get(row.assigneeId)?.name ?? '' },
      },
      {
        key: 'updatedAt',
        header: t('common.updatedAt'),
        width: 150,
        render: (row) => (
          <Text size="sm" c="dimmed">
            {formatDateTime(row.updatedAt)}
          </Text>
        ),
        export: { type: 'datetime', value: (row) => row.updatedAt },
      },
    ],
    [t, userMap, slaSettings],
  );

  return (
    <Stack gap="sm" data-testid="tickets-page">
      <PageHeader title={t('tickets.title')}>
        <ExportMenu
          columns={columns}
          source={exportPages}
          name={t('tickets.title')}
          testId="tickets-export"
        />
        {canCreate && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="new-ticket"
          >
            {t('tickets.new')}
          </Button>
        )}
      </PageHeader>
      <Group justify="space-between" wrap="wrap">
        <Chip.Group value={status} onChange={setStatus}>
          <Group gap="xs" data-testid="ticket-status-filter">
            <Chip value={ALL} size="sm" data-testid="ticket-filter-all">
              {t('common.all')}
            </Chip>
            {TICKET_STATUSES.map((s) => (
              <Chip key={s} value={s} size="sm" data-testid={`ticket-filter-${s}`}>
                {t(`lists.ticketStatus.${s}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <TextInput
          ref={filterInput}
          placeholder={t('tickets.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={280}
          data-testid="ticket-search"
        />
      </Group>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(row) => row.id}
        onRowClick={(row) => void navigate(`/tickets/${row.id}`)}
        label={t('tickets.title')}
        positionKey={`tickets:${JSON.stringify(filter)}`}
        sequence={{ kind: 'tickets', href: (row) => `/tickets/${row.id}`, fetchMore }}
        onEndReached={loadMore}
        loading={isLoading}
        testId="tickets-table"
        rowMark={(row) => pendingMark(row.id)}
      />
      <TicketFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(ticket) => void navigate(`/tickets/${ticket.id}`)}
      />
    </Stack>
  );
}
