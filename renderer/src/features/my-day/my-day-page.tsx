import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '@shared/domain';
import { PageHeader } from '../../components/page-header';
import { formatDateTime, todayString } from '../../components/format';
import { useUserMap } from '../../entities/members/queries';
import {
  useMyDay,
  useRecentActivities,
  useRelatedLabels,
  type MyDayScope,
} from '../../entities/activities/queries';
import { ActivityFormModal } from '../../entities/activities/components/activity-form-modal';
import {
  ACTIVITY_COLORS,
  ACTIVITY_ICONS,
  relatedPath,
} from '../../entities/activities/components/activity-kinds';
import { TaskList } from '../../entities/activities/components/task-list';
import { useWriteAccess } from '../../hooks/use-write-access';
import { useShortcut } from '../../components/shortcuts/use-shortcut';

/** "我的一天": open tasks by urgency (overdue, today, next 7 days) and the latest logged interactions. */
export function MyDayPage() {
  const { t } = useTranslation();
  // Who may not create here (a viewer) gets no new-record button.
  const canCreate = useWriteAccess('activities', null).canWrite;
  const [scope, setScope] = useState<MyDayScope>('mine');
  // The dialog opens as a new task (n, the button) or a logged interaction (a); the kind stays while it closes.
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<'task' | 'call'>('task');
  const create = (next: 'task' | 'call') => {
    setKind(next);
    setCreating(true);
  };
  useShortcut('newRecord', canCreate ? () => create('task') : null);
  useShortcut('logActivity', canCreate ? () => create('call') : null);
  const { data, isLoading } = useMyDay(scope);
  const showOwner = scope === 'all';

  return (
    <Stack gap="md" data-testid="my-day-page">
      <PageHeader title={t('myDay.title')}>
        <SegmentedControl
          size="xs"
          value={scope}
          onChange={setScope}
          data={[
            { value: 'mine', label: t('myDay.scope.mine') },
            { value: 'all', label: t('myDay.scope.all') },
          ]}
          data-testid="my-day-scope"
        />
        {canCreate && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => create('task')}
            data-testid="new-task"
          >
            {t('myDay.newTask')}
          </Button>
        )}
      </PageHeader>
      <Text c="dimmed" size="sm">
        {t('myDay.today', { date: todayString() })}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {isLoading || !data ? (
            <Center py="xl">
              <Loader />
            </Center>
          ) : (
            <Stack gap="md">
              <TaskSection
                testId="section-overdue"
                color="red"
                title={t('myDay.overdue')}
                tasks={data.overdue}
                empty={t('myDay.noOverdue')}
                showOwner={showOwner}
              />
              <TaskSection
                testId="section-today"
                color="orange"
                title={t('myDay.dueToday')}
                tasks={data.today}
                empty={t('myDay.noToday')}
                showOwner={showOwner}
              />
              <TaskSection
                testId="section-upcoming"
                color="blue"
                title={t('myDay.upcoming')}
                tasks={data.upcoming}
                empty={t('myDay.noUpcoming')}
                showOwner={showOwner}
              />
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <RecentActivities />
        </Grid.Col>
      </Grid>
      <ActivityFormModal opened={creating} onClose={() => setCreating(false)} type={kind} />
    </Stack>
  );
}

interface TaskSectionProps {
  testId: string;
  color: string;
  title: string;
  tasks: Activity[];
  empty: string;
  showOwner: boolean;
}

function TaskSection({ testId, color, title, tasks, empty, showOwner }: TaskSectionProps) {
  return (
    <Card
      withBorder
      padding="md"
      data-testid={testId}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Group gap="xs" mb="sm">
        <Title order={4} c={color === 'red' ? 'red' : undefined}>
          {title}
        </Title>
        <Badge color={color} variant={tasks.length > 0 ? 'filled' : 'light'} circle>
          {tasks.length}
        </Badge>
      </Group>
      <TaskList tasks={tasks} emptyText={empty} showOwner={showOwner} />
    </Card>
  );
}

function RecentActivities() {
  const { t } = useTranslation();
  const { data, isLoading } = useRecentActivities(10);
  const activities = data ?? NO_ACTIVITIES;
  const labels = useRelatedLabels(activities);
  const userMap = useUserMap();
  return (
    <Card withBorder padding="md" data-testid="recent-activities">
      <Title order={4} mb="sm">
        {t('myDay.recent')}
      </Title>
      {isLoading ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : activities.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('myDay.noRecent')}
        </Text>
      ) : (
        <Stack gap="sm">
          {activities.map((activity) => {
            const Icon = ACTIVITY_ICONS[activity.type];
            const path = relatedPath(activity.relatedType, activity.relatedId);
            const author = userMap.get(activity.ownerId)?.name;
            return (
              <Group
                key={activity.id}
                gap="sm"
                wrap="nowrap"
                align="flex-start"
                data-testid="recent-activity"
              >
                <ThemeIcon variant="light" radius="xl" color={ACTIVITY_COLORS[activity.type]}>
                  <Icon size={16} />
                </ThemeIcon>
                <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" fw={500} truncate>
                    {t('activities.typedSubject', {
                      type: t(`lists.activityType.${activity.type}`),
                      subject: activity.subject,
                    })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(activity.occurredAt)}
                    {author ? ` · ${author}` : ''}
                  </Text>
                  {path && activity.relatedType && (
                    <Anchor component={Link} to={path} size="xs" truncate>
                      {labels.has(activity.relatedId)
                        ? t('activities.relatedLink', {
                            type: t(`lists.relatedType.${activity.relatedType}`),
                            label: labels.get(activity.relatedId),
                          })
                        : t(`lists.relatedType.${activity.relatedType}`)}
                    </Anchor>
                  )}
                  {activity.outcome && (
                    <Text size="xs" lineClamp={2}>
                      {activity.outcome}
                    </Text>
                  )}
                </Stack>
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

const NO_ACTIVITIES: Activity[] = [];
