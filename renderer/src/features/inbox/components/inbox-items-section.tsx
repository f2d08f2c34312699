import { useEffect, useRef, useState } from 'react';
import { Button, Chip, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconInboxOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INBOX_ITEM_KINDS, type InboxItem, type InboxItemKind } from '@shared/rules';
import { useInboxService, useInboxSnapshot } from '../../../entities/inbox/inbox-items';
import { useMemberNames } from '../../../entities/members/queries';
import { errorMessage } from '../../../components/error-messages';
import { notifications } from '@mantine/notifications';
import { movedIndex, type InboxKeyAction } from '../inbox-keys';
import { InboxItemRow, type InboxRowKeyboard } from './inbox-item-row';

type Filter = 'all' | InboxItemKind;

/** Items shown at first and added per "show more": a manager's inbox can hold thousands, each a card with menus. */
const PAGE = 100;

/** Where the focus goes once the list has changed: on from an item that was acted on, or back to one restored. */
type PendingFocus = { after: 'gone'; key: string; index: number } | { after: 'back'; key: string };

/**
 * What needs the person: the items of the inbox service, filterable by kind (kinds with none are not offered).
 * The items are a list operated by keys (roving focus; the catalog's `inbox` group): the focus moves with j/k, the
 * arrows, Home and End, stays in the list when an item is done or dismissed, and `z` undoes the last action.
 */
export function InboxItemsSection({ pageSize = PAGE }: { pageSize?: number }) {
  const { t } = useTranslation();
  const service = useInboxService();
  const snapshot = useInboxSnapshot();
  const names = useMemberNames();
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(pageSize);
  // The list's stop in the Tab order, by key (a reordered list keeps it on the same item) and index.
  const [active, setActive] = useState<{ key: string | null; index: number }>({
    key: null,
    index: 0,
  });
  const [lastActed, setLastActed] = useState<InboxItem | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const list = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<PendingFocus | null>(null);

  const shown = !snapshot
    ? []
    : filter === 'all'
      ? snapshot.items
      : snapshot.items.filter((i) => i.kind === filter);
  const visible = shown.slice(0, limit);
  const keyedIndex = active.key ? visible.findIndex((i) => i.key === active.key) : -1;
  const activeIndex =
    keyedIndex >= 0 ? keyedIndex : Math.max(0, Math.min(visible.length - 1, active.index));

  const focusAt = (index: number) => {
    const item = visible[index];
    if (!item) return;
    setActive({ key: item.key, index });
    rows.current.get(item.key)?.focus();
  };

  // Once the acted-on item has left the list (or the restored one is back), the focus goes to its place.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const at = visible.findIndex((i) => i.key === pending.key);
    if (pending.after === 'gone') {
      if (at >= 0) return;
      pendingFocus.current = null;
      if (visible.length === 0) heading.current?.focus();
      else focusAt(Math.min(pending.index, visible.length - 1));
    } else if (at >= 0) {
      pendingFocus.current = null;
      focusAt(at);
    }
  });

  if (!service || !snapshot) return null;
  const kinds = INBOX_ITEM_KINDS.filter((kind) => snapshot.counts[kind] > 0);

  const handleUndo = () => {
    if (!lastActed) return;
    const item = lastActed;
    setLastActed(null);
    // Set before the undo: the item may be back in the list before the promise settles.
    pendingFocus.current = { after: 'back', key: item.key };
    service
      .undo(item)
      .then(() => notifications.show({ message: t('inboxItems.undone') }))
      .catch((error: unknown) => {
        pendingFocus.current = null;
        notifications.show({
          color: 'red',
          message: t('inboxItems.actionFailed', { reason: errorMessage(error, t) }),
        });
      });
  };
  const keyboardOf = (item: InboxItem, index: number): InboxRowKeyboard => ({
    active: index === activeIndex,
    rowRef: (element) => {
      if (element) rows.current.set(item.key, element);
      else rows.current.delete(item.key);
    },
    onFocusRow: () => setActive({ key: item.key, index }),
    onListKey: (action: InboxKeyAction) => {
      if (action === 'undo') return handleUndo();
      const target = movedIndex(action, index, visible.length);
      if (target !== null) focusAt(target);
    },
    onActed: (acted) => {
      setLastActed(acted);
      // Only when the person was in the list (the focus there, or lost with the row that left).
      const focused = document.activeElement;
      if (focused === document.body || (focused && list.current?.contains(focused)))
        pendingFocus.current = { after: 'gone', key: acted.key, index };
    },
  });

  return (
    <Stack component="section" aria-labelledby="inbox-items-title" data-testid="inbox-items">
      <Title order={3} id="inbox-items-title" ref={heading} tabIndex={-1}>
        {t('inboxItems.needsYou')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('inboxItems.intro')}
      </Text>
      {kinds.length > 0 && (
        <Chip.Group
          multiple={false}
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setLimit(pageSize);
          }}
        >
          <Group gap="xs" role="radiogroup" aria-label={t('inboxItems.filter')}>
            <Chip value="all" size="sm" data-testid="inbox-filter-all">
              {t('inboxItems.all', { count: snapshot.total })}
            </Chip>
            {kinds.map((kind) => (
              <Chip key={kind} value={kind} size="sm" data-testid={`inbox-filter-${kind}`}>
                {t('inboxItems.kindCount', {
                  kind: t(`inboxItems.kinds.${kind}`),
                  count: snapshot.counts[kind],
                })}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      {!snapshot.ready && snapshot.total === 0 ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('inboxItems.loading')}
          </Text>
        </Group>
      ) : shown.length === 0 ? (
        <Stack align="center" gap="xs" py="md" data-testid="inbox-items-empty">
          <IconInboxOff size={32} stroke={1.5} aria-hidden />
          <Text c="dimmed">
            {filter === 'all' ? t('inboxItems.empty') : t('inboxItems.emptyKind')}
          </Text>
        </Stack>
      ) : (
        <>
          <Stack
            component="ul"
            ref={list}
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('inboxItems.listLabel')}
            data-testid="inbox-item-list"
          >
            {visible.map((item, index) => (
              <InboxItemRow
                key={item.key}
                item={item}
                service={service}
                names={names}
                keyboard={keyboardOf(item, index)}
              />
            ))}
          </Stack>
          {shown.length > limit && (
            <Button
              variant="default"
              onClick={() => setLimit((n) => n + pageSize)}
              data-testid="inbox-show-more"
            >
              {t('inboxItems.showMore', {
                count: Math.min(pageSize, shown.length - limit),
                left: shown.length - limit,
              })}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
