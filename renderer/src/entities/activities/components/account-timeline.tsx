import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Tooltip,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LOGGED_ACTIVITY_TYPES, type Activity } from '@shared/domain';
import { formatDate, formatDateTime, formatMoney } from '../../../components/format';
import { useUserMap } from '../../members/queries';
import { useAccountNames } from '../../accounts/queries';
import { ExportMenu } from '../../../components/export-menu';
import type { Column } from '../../../components/virtual-table';
import { activityExports } from '../activity-exports';
import { useFieldHider } from '../../settings/field-policy';
import { HiddenValue } from '../../../components/hidden-value';
import { useAccountTimeline, useRelatedLabels, type TimelineItem } from '../queries';
import { ActivityFormModal } from './activity-form-modal';
import { ActivitySummary } from './activity-list';
import { ACTIVITY_COLORS, ACTIVITY_ICONS, RECORD_ICONS, relatedPath } from './activity-kinds';
import { TaskRow } from './task-list';
import { CommentBody } from '../../comments/components/comment-body';
import { TicketPriorityBadge, TicketStatusBadge } from '../../tickets/components/ticket-badges';

type TimelineFilter = 'all' | TimelineItem['kind'];
const LOGGED: ReadonlySet<string> = new Set(LOGGED_ACTIVITY_TYPES);
const FILTERS: TimelineFilter[] = ['all', 'activity', 'deal', 'ticket', 'contract'];

const DEAL_STATUS_COLORS: Readonly<Record<string, string>> = {
  open: 'blue',
  won: 'green',
  lost: 'red',
};
const CONTRACT_STATUS_COLORS: Readonly<Record<string, string>> = {
  draft: 'gray',
  active: 'green',
  expired: 'orange',
  terminated: 'red',
};

/**
 * One timeline per customer: calls, visits, meetings, e-mails, notes and tasks together with
 * the customer's deals, tickets and contracts, newest first. Tasks can be ticked done in place.
 */
export function AccountTimeline({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { data, isLoading } = useAccountTimeline(accountId);
  const userMap = useUserMap();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [editing, setEditing] = useState<Activity | null>(null);
  // Activities logged on a deal, ticket or contact of this account link to that record.
  const elsewhere = useMemo(
    () =>
      (data ?? []).flatMap((item) =>
        item.kind === 'activity' &&
        item.activity.relatedType &&
        item.activity.relatedType !== 'account'
          ? [item.activity]
          : [],
      ),
    [data],
  );
  const labels = useRelatedLabels(elsewhere);
  const accountName = useAccountNames([accountId]).get(accountId) ?? '';
  const exportColumns = useMemo<Column<Activity>[]>(
    () =>
      Object.entries(activityExports(t, userMap, () => accountName)).map(([key, spec]) => ({
        key,
        header: spec.header,
        render: () => null,
        export: spec,
      })),
    [t, userMap, accountName],
  );

  if (isLoading)
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  const items = (data ?? []).filter((item) => filter === 'all' || item.kind === filter);

  return (
    <Stack gap="md" data-testid="account-timeline">
      <Group justify="space-between" wrap="nowrap">
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={setFilter}
          data={FILTERS.map((f) => ({ value: f, label: t(`activities.timeline.filter.${f}`) }))}
        />
        {/* The account's activities (the kinds an import takes back), newest first as the timeline. */}
        <ExportMenu
          columns={exportColumns}
          source={() =>
            (data ?? []).flatMap((item) =>
              item.kind === 'activity' && LOGGED.has(item.activity.type) ? [item.activity] : [],
            )
          }
          name={t('activities.timeline.exportName', { account: accountName })}
          testId="timeline-export"
        />
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('activities.timeline.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={28} lineWidth={2}>
          {items.map((item) => (
            <Timeline.Item
              key={`${item.kind}-${item.id}`}
              bullet={<TimelineBullet item={item} />}
              title={<TimelineTitle item={item} onEdit={setEditing} />}
              data-testid="timeline-item"
              data-kind={item.kind}
            >
              <TimelineBody
                item={item}
                authorName={userMap.get(item.ownerId)?.name}
                labels={labels}
                onEdit={setEditing}
              />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <ActivityFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        activity={editing ?? undefined}
      />
    </Stack>
  );
}

function TimelineBullet({ item }: { item: TimelineItem }) {
  if (item.kind === 'activity') {
    const Icon = ACTIVITY_ICONS[item.activity.type];
    return (
      <ThemeIcon size={28} radius="xl" variant="light" color={ACTIVITY_COLORS[item.activity.type]}>
        <Icon size={16} />
      </ThemeIcon>
    );
  }
  const Icon = RECORD_ICONS[item.kind];
  return (
    <ThemeIcon
      size={28}
      radius="xl"
      variant="filled"
      color={item.kind === 'deal' ? 'indigo' : item.kind === 'ticket' ? 'pink' : 'green'}
    >
      <Icon size={16} />
    </ThemeIcon>
  );
}

function TimelineTitle({
  item,
  onEdit,
}: {
  item: TimelineItem;
  onEdit: (activity: Activity) => void;
}) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'activity': {
      const { activity } = item;
      if (activity.type === 'task' || activity.type === 'comment')
        return (
          <Text size="sm" fw={500}>
            {t(`lists.activityType.${activity.type}`)}
          </Text>
        );
      return (
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={500} truncate>
            {t('activities.typedSubject', {
              type: t(`lists.activityType.${activity.type}`),
              subject: activity.subject,
            })}
          </Text>
          <Tooltip label={t('common.edit')}>
            <ActionIcon
              variant="subtle"
              size="xs"
              onClick={() => onEdit(activity)}
              aria-label={t('common.edit')}
            >
              <IconPencil size={12} />
            </ActionIcon>
          </Tooltip>
        </Group>
      );
    }
    case 'deal':
      return (
        <Anchor component={Link} to={`/deals/${item.deal.id}`} size="sm" fw={500}>
          {t('activities.timeline.deal', { name: item.deal.name })}
        </Anchor>
      );
    case 'ticket':
      return (
        <Anchor component={Link} to={`/tickets/${item.ticket.id}`} size="sm" fw={500}>
          {t('activities.timeline.ticket', {
            number: item.ticket.number,
            subject: item.ticket.subject,
          })}
        </Anchor>
      );
    case 'contract':
      return (
        <Anchor component={Link} to={`/contracts/${item.contract.id}`} size="sm" fw={500}>
          {t('activities.timeline.contract', {
            number: item.contract.number,
            title: item.contract.title,
          })}
        </Anchor>
      );
  }
}

interface TimelineBodyProps {
  item: TimelineItem;
  authorName?: string;
  labels: Map<string, string>;
  onEdit: (activity: Activity) => void;
}

function TimelineBody({ item, authorName, labels, onEdit }: TimelineBodyProps) {
  const { t, i18n } = useTranslation();
  const hidesDeal = useFieldHider('deals');
  const hidesContract = useFieldHider('contracts');
  const meta = (at: number, withTime = true) => (
    <Text size="xs" c="dimmed">
      {withTime ? formatDateTime(at) : formatDate(at)}
      {authorName ? ` · ${authorName}` : ''}
    </Text>
  );
  switch (item.kind) {
    case 'activity': {
      const { activity } = item;
      const elsewhere = activity.relatedType !== '' && activity.relatedType !== 'account';
      if (activity.type === 'task') {
        return (
          <TaskRow
            task={activity}
            showRelated={elsewhere}
            relatedLabel={labels.get(activity.relatedId)}
            ownerName={authorName}
            onEdit={() => onEdit(activity)}
          />
        );
      }
      const path = elsewhere ? relatedPath(activity.relatedType, activity.relatedId) : null;
      const label = labels.get(activity.relatedId);
      return (
        <Stack gap={2}>
          {activity.type === 'comment' ? (
            <>
              {meta(item.at)}
              <CommentBody body={activity.body} lineClamp={4} />
            </>
          ) : (
            <ActivitySummary activity={activity} authorName={authorName} />
          )}
          {path && activity.relatedType && (
            <Anchor component={Link} to={path} size="xs">
              {label
                ? t('activities.relatedLink', {
                    type: t(`lists.relatedType.${activity.relatedType}`),
                    label,
                  })
                : t(`lists.relatedType.${activity.relatedType}`)}
            </Anchor>
          )}
        </Stack>
      );
    }
    case 'deal': {
      const { deal } = item;
      return (
        <Stack gap={2}>
          {meta(item.at)}
          <Group gap="xs">
            <Badge size="sm" variant="light" color={DEAL_STATUS_COLORS[deal.status]}>
              {t(`lists.dealStatus.${deal.status}`)}
            </Badge>
            {deal.status === 'open' && (
              <Badge size="sm" variant="outline">
                {t(`lists.stage.${deal.stage}`, { defaultValue: deal.stage })}
              </Badge>
            )}
            {hidesDeal(deal, 'amount') ? (
              <HiddenValue />
            ) : (
              <Text size="sm">{formatMoney(deal.amount, i18n.language)}</Text>
            )}
          </Group>
        </Stack>
      );
    }
    case 'ticket': {
      const { ticket } = item;
      return (
        <Stack gap={2}>
          {meta(item.at)}
          <Group gap="xs">
            <TicketStatusBadge size="sm" status={ticket.status} />
            <TicketPriorityBadge size="sm" priority={ticket.priority} />
          </Group>
        </Stack>
      );
    }
    case 'contract': {
      const { contract } = item;
      return (
        <Stack gap={2}>
          {meta(item.at, false)}
          <Group gap="xs">
            <Badge size="sm" variant="light" color={CONTRACT_STATUS_COLORS[contract.status]}>
              {t(`lists.contractStatus.${contract.status}`)}
            </Badge>
            {hidesContract(contract, 'amount') ? (
              <HiddenValue />
            ) : (
              <Text size="sm">{formatMoney(contract.amount, i18n.language)}</Text>
            )}
            {contract.endDate && (
              <Text size="xs" c="dimmed">
                {t('activities.timeline.contractEnds', { date: contract.endDate })}
              </Text>
            )}
          </Group>
        </Stack>
      );
    }
  }
}
