import { openDestructiveConfirm } from '../../../components/confirm-destructive';
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceLaptop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../hooks/use-workspace';
import { formatDateTime } from '../../../components/format';
import { useRevokeDeviceMutation } from '../mutations';
import { useAdminDevicesQuery } from '../queries';
import { apiErrorMessage, reportApiError } from '../report-api-error';
import type { DeviceRow, UserRow } from '../schemas';

/**
 * Devices signed in to the workspace. Revoking one signs it out for good; the next time it connects it
 * wipes its local copy of the team's data (a lost laptop keeps no customer data).
 */
export function DevicesCard({ users }: { users: UserRow[] }) {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const devices = useAdminDevicesQuery(true);
  const revoke = useRevokeDeviceMutation();
  const userName = new Map(users.map((u) => [u.id, u.name]));

  const handleRevoke = (device: DeviceRow) => {
    const own = device.id === session.deviceId;
    openDestructiveConfirm({
      title: t('teamAdmin.devices.revokeTitle', { name: device.name }),
      children: (
        <Stack gap="xs">
          <Text size="sm">
            {t('teamAdmin.devices.revokeWarning', {
              user: userName.get(device.user_id) ?? device.user_id,
            })}
          </Text>
          {own && <Alert color="red">{t('teamAdmin.devices.revokeOwn')}</Alert>}
        </Stack>
      ),
      labels: { confirm: t('teamAdmin.devices.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red', 'data-testid': 'device-revoke-confirm' } as Record<
        string,
        string
      >,
      onConfirm: () =>
        revoke.mutate(device.id, {
          onSuccess: () =>
            notifications.show({
              color: 'green',
              message: t('teamAdmin.devices.revoked', { name: device.name }),
            }),
          onError: (error) => reportApiError(error, t),
        }),
    });
  };

  return (
    <Card withBorder data-testid="team-devices">
      <Title order={4} mb="sm">
        {t('teamAdmin.devices.title')}
      </Title>
      {devices.isError && <Alert color="red">{apiErrorMessage(devices.error, t)}</Alert>}
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('teamAdmin.devices.name')}</Table.Th>
              <Table.Th>{t('teamAdmin.devices.user')}</Table.Th>
              <Table.Th>{t('teamAdmin.devices.createdAt')}</Table.Th>
              <Table.Th>{t('teamAdmin.devices.lastSeenAt')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(devices.data ?? []).map((device) => (
              <Table.Tr
                key={device.id}
                data-testid="device-row"
                data-device-id={device.id}
                data-revoked={device.revoked_at ? 'true' : 'false'}
              >
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <IconDeviceLaptop size={16} />
                    <Text size="sm">{device.name}</Text>
                    {device.id === session.deviceId && (
                      <Badge size="xs" variant="light">
                        {t('teamAdmin.devices.thisDevice')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{userName.get(device.user_id) ?? device.user_id}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(device.created_at)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {device.last_seen_at ? formatDateTime(device.last_seen_at) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {device.revoked_at ? (
                    <Badge color="red" variant="light">
                      {t('teamAdmin.devices.revokedAt', {
                        date: formatDateTime(device.revoked_at),
                      })}
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      {t('teamAdmin.devices.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    disabled={!!device.revoked_at}
                    onClick={() => handleRevoke(device)}
                    data-testid="device-revoke"
                  >
                    {t('teamAdmin.devices.revoke')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
