import { useState } from 'react';
import {
  ActionIcon,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '@shared/domain';
import { formatDateTime } from '../../../components/format';
import { useUserMap } from '../../members/queries';
import { useActivitiesByRelated } from '../queries';
import { ActivityFormModal } from './activity-form-modal';
import { ACTIVITY_COLORS, ACTIVITY_ICONS } from './activity-kinds';
import { TaskList } from './task-list';

/** Time, author, outcome and next step of one logged interaction (shared by lists and the timeline). */
export function ActivitySummary({
  activity,
  authorName,
}: {
  activity: Activity;
  authorName?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {formatDateTime(activity.occurredAt)}
        {authorName ? ` · ${authorName}` : ''}
      </Text>
      {activity.outcome && (
        <Text size="sm">
          <Text span fw={500}>
            {t('activities.labelColon', { label: t('fields.outcome') })}
          </Text>
          {activity.outcome}
        </Text>
      )}
      {activity.nextStep && (
        <Text size="sm">
          <Text span fw={500}>
            {t('activities.labelColon', { label: t('fields.nextStep') })}
          </Text>
          {activity.nextStep}
        </Text>
      )}
      {activity.body && (
        <Text size="sm" c="dimmed" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
          {activity.body}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Everything logged against one record (a ticket, deal, contract …): its open tasks first, then the
 * interactions newest first.
 */
export function ActivityList({ relatedId }: { relatedId: string }) {
  const { t } = useTranslation();
  const { data, isLoading } = useActivitiesByRelated(relatedId);
  const userMap = useUserMap();
  const [editing, setEditing] = useState<Activity | null>(null);
  if (isLoading)
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  const activities = data ?? [];
  const tasks = activities
    .filter((a) => a.type === 'task')
    .sort((a, b) => Number(a.done) - Number(b.done) || a.dueDate.localeCompare(b.dueDate));
  const logged = activities.filter((a) => a.type !== 'task');
  return (
    <Stack gap="md" data-testid="activity-list">
      {tasks.length > 0 && (
        <Stack gap="xs">
          <Title order={5}>{t('activities.tasks.title')}</Title>
          <TaskList tasks={tasks} showRelated={false} showOwner />
        </Stack>
      )}
      {logged.length === 0 && tasks.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('activities.none')}
        </Text>
      )}
      {logged.map((activity) => {
        const Icon = ACTIVITY_ICONS[activity.type];
        return (
          <Paper
            key={activity.id}
            withBorder
            p="sm"
            radius="sm"
            data-testid="activity-item"
            data-activity-subject={activity.subject}
          >
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <ThemeIcon variant="light" color={ACTIVITY_COLORS[activity.type]} radius="xl">
                <Icon size={16} />
              </ThemeIcon>
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={500} size="sm" truncate>
                    {t('activities.typedSubject', {
                      type: t(`lists.activityType.${activity.type}`),
                      subject: activity.subject,
                    })}
                  </Text>
                  <Tooltip label={t('common.edit')}>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      onClick={() => setEditing(activity)}
                      aria-label={t('common.edit')}
                    >
                      <IconPencil size={14} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                <ActivitySummary
                  activity={activity}
                  authorName={userMap.get(activity.ownerId)?.name}
                />
              </Stack>
            </Group>
          </Paper>
        );
      })}
      <ActivityFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        activity={editing ?? undefined}
      />
    </Stack>
  );
}
