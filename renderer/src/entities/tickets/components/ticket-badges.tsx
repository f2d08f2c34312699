import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '@shared/domain';

const STATUS_COLORS: Readonly<Record<Ticket['status'], string>> = {
  new: 'blue',
  open: 'indigo',
  pending: 'yellow',
  resolved: 'green',
  closed: 'gray',
};
const PRIORITY_COLORS: Readonly<Record<Ticket['priority'], string>> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export function TicketStatusBadge({ status, ...props }: { status: Ticket['status'] } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={STATUS_COLORS[status]}
      data-testid="ticket-status"
      data-status={status}
      {...props}
    >
      {t(`lists.ticketStatus.${status}`)}
    </Badge>
  );
}

export function TicketPriorityBadge({
  priority,
  ...props
}: { priority: Ticket['priority'] } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      variant={priority === 'urgent' ? 'filled' : 'outline'}
      color={PRIORITY_COLORS[priority]}
      {...props}
    >
      {t(`lists.ticketPriority.${priority}`)}
    </Badge>
  );
}
