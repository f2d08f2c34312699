import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInboxCount } from '../../../entities/inbox/queries';
import { useInboxSnapshot } from '../../../entities/inbox/inbox-items';

/** The red count of the inbox: items that need the person plus refused changes (nothing when there are none). */
export function InboxCountBadge() {
  const { t } = useTranslation();
  const { data: refused = 0 } = useInboxCount();
  const items = useInboxSnapshot()?.total ?? 0;
  const count = refused + items;
  if (count === 0) return null;
  return (
    <Badge
      color="red"
      size="sm"
      circle={count < 10}
      data-testid="inbox-count"
      aria-label={t('inboxItems.badge', { count })}
    >
      {count}
    </Badge>
  );
}
