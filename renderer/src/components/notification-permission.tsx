import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  notificationPermission,
  requestNotificationPermission,
} from '../platform/notification-permission';

/**
 * Whether this window may show notifications, and (in a browser that has not been asked) the button that asks:
 * browsers only ask from a click. `compact` shows nothing once allowed (the inbox page).
 */
export function NotificationPermission({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(notificationPermission);
  if (compact && permission !== 'default') return null;
  return (
    <Group gap="sm" data-testid="notification-permission" data-permission={permission}>
      {!compact && (
        <Text size="sm" c={permission === 'denied' ? 'red' : undefined}>
          {t(`inboxItems.settings.permission.${permission}`)}
        </Text>
      )}
      {permission === 'default' && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconBell size={16} />}
          onClick={() => void requestNotificationPermission().then(setPermission)}
          data-testid="notification-allow"
        >
          {t('inboxItems.settings.allow')}
        </Button>
      )}
    </Group>
  );
}
