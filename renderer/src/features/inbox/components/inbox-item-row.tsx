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
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
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
import { isMacPlatform } from '../../../components/shortcuts/key-match';
import { inboxItemMessage, inboxItemRoute } from '../inbox-texts';
import { inboxKeyAction, type InboxKeyAction } from '../inbox-keys';
import { endsPendingSequence } from '../../../components/shortcuts/use-shortcut';
import classes from './inbox-item-row.module.css';

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

const IS_MAC = isMacPlatform();

/** What the list around a row does for it: the roving focus, keys that move between rows, the last action. */
export interface InboxRowKeyboard {
  /** This row is the list's one stop in the Tab order. */
  active: boolean;
  rowRef: Ref<HTMLLIElement>;
  onFocusRow: () => void;
  /** A key that acts on the list, not on this row (move, undo). */
  onListKey: (action: InboxKeyAction) => void;
  /** The row's item was marked (done, snoozed, dismissed): the list moves the focus on and can undo it. */
  onActed: (item: InboxItem) => void;
}

/**
 * One thing that asks the person to act: what and why (the rule's message), about which record (a link that opens
 * it), since when, and the actions — done, snooze (1 h, tomorrow, next week), dismiss — each with an undo.
 * Focused, the row takes the inbox keys of the shortcut catalog (Enter opens, e done, s snooze, # dismiss).
 */
export function InboxItemRow({
  item,
  service,
  names,
  keyboard,
}: {
  item: InboxItem;
  service: InboxService;
  names: ReadonlyMap<string, string>;
  keyboard?: InboxRowKeyboard;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // How the snooze menu was opened: from the keyboard its first choice takes the focus at once.
  const [snoozeMenu, setSnoozeMenu] = useState<'closed' | 'pointer' | 'key'>('closed');
  const KindIcon = KIND_ICONS[item.kind];
  const title = item.recordTitle || t(`inboxItems.kinds.${item.kind}`);
  const route = inboxItemRoute(item);

  const run = (action: Promise<void>, message: string) => {
    action
      .then(() => {
        keyboard?.onActed(item);
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
  const handleDone = () => run(service.done(item), t('inboxItems.markedDone'));
  const handleDismiss = () => run(service.dismiss(item), t('inboxItems.dismissed'));

  const handleKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    // Keys from the snooze menu (a portal, bubbling here through React) are the menu's.
    if (event.nativeEvent.isComposing || !event.currentTarget.contains(event.target as Node))
      return;
    // `g s` on an item goes to Settings: a pending two-key shortcut wins over the item's `s`.
    if (endsPendingSequence(event.nativeEvent)) return;
    const action = inboxKeyAction(event.nativeEvent, IS_MAC);
    // Enter on the link or a button inside the row is that control's.
    if (!action || (action === 'open' && event.target !== event.currentTarget)) return;
    event.preventDefault();
    if (action === 'open') void navigate(route);
    else if (action === 'done') handleDone();
    else if (action === 'dismiss') handleDismiss();
    else if (action === 'snooze') setSnoozeMenu('key');
    else keyboard?.onListKey(action);
  };

  return (
    <Card
      withBorder
      padding="sm"
      component="li"
      className={classes.row}
      data-testid="inbox-item"
      data-kind={item.kind}
      data-item-key={item.key}
      ref={keyboard?.rowRef}
      tabIndex={keyboard ? (keyboard.active ? 0 : -1) : undefined}
      aria-label={keyboard ? `${inboxItemMessage(t, item, names)} · ${title}` : undefined}
      onFocus={(event) => {
        if (event.target === event.currentTarget) keyboard?.onFocusRow();
      }}
      onKeyDown={keyboard ? handleKeyDown : undefined}
    >
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
              to={route}
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
              onClick={handleDone}
            >
              <IconCheck size={18} />
            </ActionIcon>
          </Tooltip>
          <Menu
            position="bottom-end"
            withinPortal
            opened={snoozeMenu !== 'closed'}
            onChange={(opened) => setSnoozeMenu(opened ? 'pointer' : 'closed')}
            withInitialFocusPlaceholder={snoozeMenu !== 'key'}
          >
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
              {SNOOZE_CHOICES.map((choice, i) => (
                <Menu.Item
                  key={choice}
                  data-autofocus={i === 0 && snoozeMenu === 'key' ? true : undefined}
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
              onClick={handleDismiss}
            >
              <IconX size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  );
}
