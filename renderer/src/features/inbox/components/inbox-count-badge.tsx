import { Badge } from '@mantine/core';
import { useInboxCount } from '../../../entities/inbox/queries';

/** The red count of changes waiting in the inbox (nothing when there are none). */
export function InboxCountBadge() {
  const { data: count = 0 } = useInboxCount();
  if (count === 0) return null;
  return (
    <Badge color="red" size="sm" circle={count < 10} data-testid="inbox-count">
      {count}
    </Badge>
  );
}
