import { useState } from 'react';
import { Button, Chip, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconInboxOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INBOX_ITEM_KINDS, type InboxItemKind } from '@shared/rules';
import { useInboxService, useInboxSnapshot } from '../../../entities/inbox/inbox-items';
import { useMemberNames } from '../../../entities/members/queries';
import { InboxItemRow } from './inbox-item-row';

type Filter = 'all' | InboxItemKind;

/** Items shown at first and added per "show more": a manager's inbox can hold thousands, each a card with menus. */
const PAGE = 100;

/** What needs the person: the items of the inbox service, filterable by kind (kinds with none are not offered). */
export function InboxItemsSection({ pageSize = PAGE }: { pageSize?: number }) {
  const { t } = useTranslation();
  const service = useInboxService();
  const snapshot = useInboxSnapshot();
  const names = useMemberNames();
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(pageSize);
  if (!service || !snapshot) return null;
  const kinds = INBOX_ITEM_KINDS.filter((kind) => snapshot.counts[kind] > 0);
  const shown = filter === 'all' ? snapshot.items : snapshot.items.filter((i) => i.kind === filter);

  return (
    <Stack component="section" aria-labelledby="inbox-items-title" data-testid="inbox-items">
      <Title order={3} id="inbox-items-title">
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
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {shown.slice(0, limit).map((item) => (
              <InboxItemRow key={item.key} item={item} service={service} names={names} />
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
