import { Alert, Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconCloudCheck, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../components/format';
import { pendingTotals, usePendingChanges } from '../../hooks/use-pending-changes';
import { useTeamSyncState } from '../../hooks/use-team-sync-state';
import { useWorkspace } from '../../hooks/use-workspace';
import { recordRoute, recordTitle } from '../../entities/inbox/inbox-model';
import { useInboxCount } from '../../entities/inbox/queries';
import { usePendingRecords } from '../../entities/sync/queries';
import { pendingFieldNames, pendingFieldsText, sinceText } from '../../entities/sync/pending-model';

/**
 * 等待同步: every change made on this device the server has not confirmed yet — record, fields, since when, on
 * which laptop (issue 15 "Pending changes where they are"). Kept apart from the changes the server refused
 * (the inbox), which need the person; these only need a connection.
 */
export function PendingPage() {
  const { t, i18n } = useTranslation();
  const { sync, session } = useWorkspace();
  const state = useTeamSyncState(sync);
  const changes = usePendingChanges();
  const records = usePendingRecords(changes);
  const refused = useInboxCount();
  const totals = pendingTotals(state);
  const device = session.deviceName
    ? t('pending.deviceName', { name: session.deviceName })
    : t('pending.thisDevice');

  return (
    <Stack data-testid="pending-page" maw={1100}>
      <PageHeader title={t('pending.title')} />
      {!sync && <Alert color="gray">{t('pending.localWorkspace')}</Alert>}
      {sync && state?.connection === 'offline' && (
        <Alert color="gray" icon={<IconCloudOff size={18} />} data-testid="pending-offline">
          {t('pending.offline')}
        </Alert>
      )}
      {totals.records > 0 && (
        <Text size="sm" data-testid="pending-totals">
          {t('pending.totals', {
            edits: t('pending.edits', { count: totals.edits }),
            records: t('sync.pendingRecords', { count: totals.records }),
          })}
          {' · '}
          {t('pending.intro')}
        </Text>
      )}
      {sync && changes.length === 0 ? (
        <Stack align="center" gap="xs" py="xl" data-testid="pending-empty">
          <IconCloudCheck size={36} stroke={1.5} />
          <Text c="dimmed">{t('pending.empty')}</Text>
        </Stack>
      ) : (
        changes.length > 0 && (
          <Table withTableBorder striped data-testid="pending-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pending.columns.record')}</Table.Th>
                <Table.Th>{t('pending.columns.fields')}</Table.Th>
                <Table.Th>{t('pending.columns.since')}</Table.Th>
                <Table.Th>{t('pending.columns.device')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((change) => {
                const record = records.data?.get(`${change.collection}/${change.id}`) ?? null;
                const title = record
                  ? recordTitle({ attempted: record, recordId: change.id }, null)
                  : t('pending.untitled');
                const route = recordRoute(change.collection, change.id, record);
                return (
                  <Table.Tr
                    key={`${change.collection}/${change.id}`}
                    data-testid="pending-row"
                    data-collection={change.collection}
                    data-record-id={change.id}
                    data-fields={pendingFieldNames(change).join(',')}
                  >
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Badge variant="light">
                          {t(`inbox.kinds.${change.collection}`, {
                            defaultValue: change.collection,
                          })}
                        </Badge>
                        {route ? (
                          <Anchor component={Link} to={route} data-testid="pending-record">
                            {title}
                          </Anchor>
                        ) : (
                          <Text data-testid="pending-record">{title}</Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td data-testid="pending-fields">
                      {pendingFieldsText(t, change)}
                      {change.edits > 1 && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({t('pending.edits', { count: change.edits })})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(change.since)}</Text>
                      <Text size="xs" c="dimmed">
                        {sinceText(change.since, i18n.language)}
                      </Text>
                    </Table.Td>
                    <Table.Td data-testid="pending-device">{device}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )
      )}
      {(refused.data ?? 0) > 0 && (
        <Alert color="orange" data-testid="pending-refused">
          <Group gap="xs" wrap="wrap">
            <Text size="sm">{t('pending.refused', { count: refused.data ?? 0 })}</Text>
            <Anchor component={Link} to="/inbox" size="sm">
              {t('pending.openRefused')}
            </Anchor>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
