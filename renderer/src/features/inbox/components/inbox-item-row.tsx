import { ActionIcon, Anchor, Badge, Card, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlarmSnooze,
  IconAt,
  IconCalendarEvent,
  IconCheck,
  IconClockExclamation,
  IconGavel,
  IconTrendingUp,
  IconUserShare,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  SNOOZE_CHOICES,
  snoozeUntil,
  type InboxItem,
  type InboxItemKind,
  type SnoozeChoice,
} from '@shared/rules';
import { formatDateTime } from '../../../components/format';
import { errorMessage } from '../../../components/error-messages';
import type { InboxService } from '../../../data/services/inbox/inbox-service';
import { inboxItemMessage, inboxItemRoute } from '../inbox-texts';

const KIND_ICONS: Record<InboxItemKind, Icon> = {
  reminder: IconClockExclamation,
  escalation: IconTrendingUp,
  keyDate: IconCalendarEvent,
  mention: IconAt,
  assignment: IconUserShare,
  approval: IconGavel,
};
const KIND_COLORS: Record<InboxItemKind, string> = {
  reminder: 'orange',
  escalation: 'red',
  keyDate: 'grape',
  mention: 'blue',
  assignment: 'teal',
  approval: 'indigo',
};

/**
 * One thing that asks the person to act: what and why (the rule's message), about which record (a link that opens
 * it), since when, and the actions — done, snooze (1 h, tomorrow, next week), dismiss — each with an undo.
 */
export function InboxItemRow({
  item,
  service,
  names,
}: {
  item: InboxItem;
  service: InboxService;
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const KindIcon = KIND_ICONS[item.kind];
  const title = item.recordTitle || t(`inboxItems.kinds.${item.kind}`);

  const run = (action: Promise<void>, message: string) => {
    action
      .then(() => {
        const id = `inbox-undo-${item.key}`;
        notifications.show({
          id,
          color: 'green',
          message: (
            <Group gap="sm" justify="space-between" wrap="nowrap">
              <Text size="sm">{message}</Text>
              <Anchor
                component="button"
                type="button"
                size="sm"
                data-testid="inbox-undo"
                onClick={() => {
                  notifications.hide(id);
                  service
                    .undo(item)
                    .then(() => notifications.show({ message: t('inboxItems.undone') }))
                    .catch(failed);
                }}
              >
                {t('inboxItems.undo')}
              </Anchor>
            </Group>
          ),
        });
      })
      .catch(failed);
  };
  const failed = (error: unknown) =>
    notifications.show({
      color: 'red',
      message: t('inboxItems.actionFailed', { reason: errorMessage(error, t) }),
    });
  const handleSnooze = (choice: SnoozeChoice) => {
    const now = Date.now();
    const until = snoozeUntil(choice, now, -new Date(now).getTimezoneOffset());
    run(service.snooze(item, until), t('inboxItems.snoozed', { time: formatDateTime(until) }));
  };

  return (
    <Card withBorder padding="sm" component="li" data-testid="inbox-item" data-kind={item.kind}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <KindIcon
            size={20}
            aria-hidden
            color={`var(--mantine-color-${KIND_COLORS[item.kind]}-6)`}
          />
          <Stack gap={2}>
            <Text size="sm" fw={500} data-testid="inbox-item-message">
              {inboxItemMessage(t, item, names)}
            </Text>
            <Anchor
              component={Link}
              to={inboxItemRoute(item)}
              size="sm"
              aria-label={t('inboxItems.openLabel', { title })}
              data-testid="inbox-item-open"
            >
              {title}
            </Anchor>
            <Group gap="xs">
              <Badge size="xs" variant="light" color={KIND_COLORS[item.kind]}>
                {t(`inboxItems.kinds.${item.kind}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('inboxItems.since', { time: formatDateTime(item.dueAt) })}
              </Text>
            </Group>
          </Stack>
        </Group>
        <Group
          gap={4}
          wrap="nowrap"
          role="group"
          aria-label={t('inboxItems.actionsFor', { title })}
        >
          <Tooltip label={t('inboxItems.done')}>
            <ActionIcon
              variant="subtle"
              color="green"
              aria-label={t('inboxItems.done')}
              data-testid="inbox-item-done"
              onClick={() => run(service.done(item), t('inboxItems.markedDone'))}
            >
              <IconCheck size={18} />
            </ActionIcon>
          </Tooltip>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Tooltip label={t('inboxItems.snooze')}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('inboxItems.snooze')}
                  data-testid="inbox-item-snooze"
                >
                  <IconAlarmSnooze size={18} />
                </ActionIcon>
              </Tooltip>
            </Menu.Target>
            <Menu.Dropdown>
              {SNOOZE_CHOICES.map((choice) => (
                <Menu.Item
                  key={choice}
                  onClick={() => handleSnooze(choice)}
                  data-testid={`inbox-snooze-${choice}`}
                >
                  {t(`inboxItems.snoozeChoices.${choice}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Tooltip label={t('inboxItems.dismiss')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('inboxItems.dismiss')}
              data-testid="inbox-item-dismiss"
              onClick={() => run(service.dismiss(item), t('inboxItems.dismissed'))}
            >
              <IconX size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  );
}
