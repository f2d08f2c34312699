import { useState } from 'react';
import { Button, Card, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../hooks/use-workspace';
import {
  loadQuietHours,
  minutesToTime,
  saveQuietHours,
  timeToMinutes,
} from '../../../platform/inbox-preferences';
import { NotificationPermission } from '../../../components/notification-permission';

/**
 * Desktop notifications of the inbox (issue 18): permission (browsers ask from a click) and the person's quiet
 * hours, kept on this computer. Notifications held during quiet hours arrive as one when they end.
 */
export function NotificationsCard() {
  const { t } = useTranslation();
  const { userId } = useWorkspace().session;
  const [stored] = useState(() => loadQuietHours(userId));
  const [enabled, setEnabled] = useState(stored.enabled);
  const [from, setFrom] = useState(minutesToTime(stored.start));
  const [to, setTo] = useState(minutesToTime(stored.end));
  const start = timeToMinutes(from);
  const end = timeToMinutes(to);

  const handleSave = () => {
    if (start === null || end === null) return;
    saveQuietHours(userId, { enabled, start, end });
    notifications.show({ color: 'green', message: t('inboxItems.settings.saved') });
  };

  return (
    <Card withBorder data-testid="notifications-card">
      <Title order={4} mb="xs">
        {t('inboxItems.settings.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('inboxItems.settings.description')}
        </Text>
        <NotificationPermission />
        <Switch
          label={t('inboxItems.settings.quiet')}
          checked={enabled}
          onChange={(event) => setEnabled(event.currentTarget.checked)}
          data-testid="quiet-hours-enabled"
        />
        <Group align="flex-start">
          <TextInput
            type="time"
            label={t('inboxItems.settings.quietFrom')}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            error={start === null ? t('inboxItems.settings.quietInvalid') : undefined}
            disabled={!enabled}
            w={140}
            data-testid="quiet-hours-from"
          />
          <TextInput
            type="time"
            label={t('inboxItems.settings.quietTo')}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            error={end === null ? t('inboxItems.settings.quietInvalid') : undefined}
            disabled={!enabled}
            w={140}
            data-testid="quiet-hours-to"
          />
        </Group>
        <Group>
          <Button
            size="xs"
            onClick={handleSave}
            disabled={start === null || end === null}
            data-testid="quiet-hours-save"
          >
            {t('inboxItems.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
