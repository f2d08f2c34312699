import { useMemo, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '@shared/domain';
import { todayString } from '../../../components/format';
import { reportWriteError } from '../../../components/write-errors';
import { useUserMap } from '../../members/queries';
import { useSetActivityDoneMutation } from '../mutations';
import { useRelatedLabels } from '../queries';
import { ActivityFormModal } from './activity-form-modal';
import { relatedPath } from './activity-kinds';

export interface TaskListProps {
  tasks: Activity[];
  /** Shown when there are no tasks. */
  emptyText?: string;
  /** Show the record each task belongs to (off inside that record's own page). */
  showRelated?: boolean;
  /** Show the owner (useful when the list holds several people's tasks). */
  showOwner?: boolean;
}

/**
 * Open (or done) tasks, each with a checkbox to tick it done; the subject opens the task for editing.
 * A task ticked here stays in the list (struck through) until the page is left, even when the list only
 * holds open tasks, so the person sees what they did and can untick it.
 */
export function TaskList({
  tasks,
  emptyText,
  showRelated = true,
  showOwner = false,
}: TaskListProps) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<Activity[]>([]);
  const shown = useMemo(() => {
    const ids = new Set(tasks.map((task) => task.id));
    const tickedIds = new Set(ticked.map((task) => task.id));
    const merged = [
      ...tasks.map((task) => (tickedIds.has(task.id) ? { ...task, done: true } : task)),
      ...ticked.filter((task) => !ids.has(task.id)),
    ];
    // Stable: keeps the caller's order and puts kept tasks back where their due date belongs.
    return merged.sort((a, b) => (a.dueDate && b.dueDate ? a.dueDate.localeCompare(b.dueDate) : 0));
  }, [tasks, ticked]);
  const labels = useRelatedLabels(showRelated ? shown : NO_TASKS);
  const userMap = useUserMap();
  const [editing, setEditing] = useState<Activity | null>(null);

  const handleDoneChange = (task: Activity, done: boolean) => {
    setTicked((current) =>
      done
        ? [...current.filter((c) => c.id !== task.id), { ...task, done: true }]
        : current.filter((c) => c.id !== task.id),
    );
  };

  if (shown.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {emptyText ?? t('activities.tasks.empty')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {shown.map((task) => (
        <TaskRow
          key={task.id}
          task={task}
          showRelated={showRelated}
          relatedLabel={showRelated ? labels.get(task.relatedId) : undefined}
          ownerName={showOwner ? userMap.get(task.ownerId)?.name : undefined}
          onEdit={() => setEditing(task)}
          onDoneChange={(done) => handleDoneChange(task, done)}
        />
      ))}
      <ActivityFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        activity={editing ?? undefined}
      />
    </Stack>
  );
}

const NO_TASKS: Activity[] = [];

interface TaskRowProps {
  task: Activity;
  /** Link to the record the task belongs to (off on that record's own page). */
  showRelated?: boolean;
  relatedLabel?: string;
  ownerName?: string;
  onEdit: () => void;
  /** Told as soon as the person ticks or unticks (before the write finishes). */
  onDoneChange?: (done: boolean) => void;
}

/** One task; ticking it done offers an undo, since the task then leaves "My day". */
export function TaskRow({
  task,
  showRelated = true,
  relatedLabel,
  ownerName,
  onEdit,
  onDoneChange,
}: TaskRowProps) {
  const { t } = useTranslation();
  const setDone = useSetActivityDoneMutation();
  const today = todayString();
  const overdue = !task.done && task.dueDate !== '' && task.dueDate < today;
  const path = relatedPath(task.relatedType, task.relatedId);
  const dueColor = overdue ? 'red' : task.dueDate === today ? 'orange' : 'gray';

  const handleToggle = (done: boolean) => {
    onDoneChange?.(done);
    setDone.mutate(
      { id: task.id, done },
      {
        onSuccess: () => {
          if (!done) return;
          const notificationId = `task-done-${task.id}`;
          notifications.show({
            id: notificationId,
            color: 'green',
            autoClose: 4000,
            message: (
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{t('activities.tasks.doneNotice', { subject: task.subject })}</Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => {
                    notifications.hide(notificationId);
                    onDoneChange?.(false);
                    setDone.mutate(
                      { id: task.id, done: false },
                      { onError: (error) => reportWriteError(error, t) },
                    );
                  }}
                >
                  {t('activities.tasks.undo')}
                </Button>
              </Group>
            ),
          });
        },
        onError: (error) => {
          onDoneChange?.(!done);
          reportWriteError(error, t);
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      radius="sm"
      px="sm"
      py={6}
      data-testid="task-item"
      data-task-subject={task.subject}
      data-done={task.done ? 'true' : 'false'}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Checkbox
          mt={3}
          checked={task.done}
          disabled={setDone.isPending}
          onChange={(event) => handleToggle(event.currentTarget.checked)}
          aria-label={t('activities.tasks.markDone', { subject: task.subject })}
          data-testid="task-done"
        />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <UnstyledButton onClick={onEdit} title={t('activities.tasks.edit')}>
            <Text
              size="sm"
              fw={500}
              td={task.done ? 'line-through' : undefined}
              c={task.done ? 'dimmed' : undefined}
              truncate
            >
              {task.subject}
            </Text>
          </UnstyledButton>
          <Group gap="xs" wrap="wrap">
            {task.dueDate && (
              <Badge
                size="sm"
                variant="light"
                color={dueColor}
                leftSection={<IconCalendar size={12} />}
              >
                {overdue
                  ? t('activities.tasks.overdueSince', { date: task.dueDate })
                  : task.dueDate === today
                    ? t('activities.tasks.dueToday')
                    : task.dueDate}
              </Badge>
            )}
            {showRelated && path && task.relatedType && (
              <Anchor component={Link} to={path} size="xs" data-testid="task-related">
                {relatedLabel
                  ? t('activities.relatedLink', {
                      type: t(`lists.relatedType.${task.relatedType}`),
                      label: relatedLabel,
                    })
                  : t(`lists.relatedType.${task.relatedType}`)}
              </Anchor>
            )}
            {ownerName && (
              <Text size="xs" c="dimmed">
                {ownerName}
              </Text>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
