import { useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  LOGGED_ACTIVITY_TYPES,
  type Activity,
  type ActivityType,
  type RelatedType,
} from '@shared/domain';
import { useWorkspace } from '../../../hooks/use-workspace';
import { addDays, todayString } from '../../../components/format';
import { notifySaved, reportWriteError } from '../../../components/write-errors';
import { useOwnerOptions } from '../../members/queries';
import {
  useCreateActivityMutation,
  useUpdateActivityMutation,
  type ActivityInput,
} from '../mutations';
import { useRelatedLabels, type RelatedRef } from '../queries';
import { RecordNotes } from '../../plans/components/record-plan';
import { AccountSelect } from '../../accounts/components/account-select';

/** The record an activity is logged against; accountId puts it on that customer's timeline. */
export interface ActivityRelated {
  type: RelatedType;
  id: string;
  accountId: string;
  /** Shown in the dialog ("Related to …"). */
  label?: string;
}

export interface ActivityFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Type to start with (the menu item the person chose); ignored when editing. */
  type?: ActivityType;
  related?: ActivityRelated;
  /** Edit this activity instead of creating one. */
  activity?: Activity;
  onSaved?: (activity: Activity) => void;
}

const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** Log a call / meeting / e-mail / visit / note, or create a task (跟进记录, and reminders). */
export function ActivityFormModal({
  opened,
  onClose,
  type,
  related,
  activity,
  onSaved,
}: ActivityFormModalProps) {
  const { t } = useTranslation();
  // The title follows the type chosen inside the dialog ("New task" vs "Log activity").
  const [chosenType, setChosenType] = useState<ActivityType | null>(null);
  const shownType = chosenType ?? type;
  const handleClose = () => {
    setChosenType(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={handleClose}
      title={
        activity
          ? t('activities.form.editTitle')
          : shownType === 'task'
            ? t('activities.form.taskTitle')
            : t('activities.form.title')
      }
      size="lg"
    >
      {opened && (
        <ActivityForm
          type={type}
          related={related}
          activity={activity}
          onClose={handleClose}
          onSaved={onSaved}
          onTypeChange={setChosenType}
        />
      )}
      {opened && activity && activity.type !== 'task' && (
        // Meeting notes (会议纪要), written together like account plans; saved as you type, not by the form.
        <Stack gap="xs" mt="lg" data-testid="activity-notes">
          <Title order={5}>{t('plans.activityNotes')}</Title>
          <RecordNotes kind="activity-notes" recordId={activity.id} title={activity.subject} />
        </Stack>
      )}
    </Modal>
  );
}

interface FormValues {
  type: ActivityType;
  subject: string;
  occurredAt: string;
  outcome: string;
  nextStep: string;
  body: string;
  dueDate: string;
  ownerId: string;
  accountId: string;
  followUp: boolean;
  followUpDate: string;
}

interface ActivityFormProps extends Omit<ActivityFormModalProps, 'opened'> {
  onTypeChange: (type: ActivityType) => void;
}

function ActivityForm({
  type,
  related,
  activity,
  onClose,
  onSaved,
  onTypeChange,
}: ActivityFormProps) {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const ownerOptions = useOwnerOptions(activity?.ownerId);
  const createActivity = useCreateActivityMutation();
  const updateActivity = useUpdateActivityMutation();
  const defaultSubject = (kind: ActivityType) => t(`activities.defaultSubject.${kind}`);
  const initialType = activity?.type ?? type ?? 'call';
  const today = todayString();

  const form = useForm<FormValues>({
    initialValues: {
      type: initialType,
      subject: activity?.subject ?? defaultSubject(initialType),
      occurredAt: dayjs(activity?.occurredAt ?? Date.now()).format(DATE_TIME_FORMAT),
      outcome: activity?.outcome ?? '',
      nextStep: activity?.nextStep ?? '',
      body: activity?.body ?? '',
      dueDate: activity?.dueDate || today,
      ownerId: activity?.ownerId ?? session.userId,
      accountId: activity?.accountId ?? related?.accountId ?? '',
      followUp: false,
      followUpDate: addDays(today, 1),
    },
    validate: {
      subject: (value) => (value.trim() ? null : t('validation.required')),
      occurredAt: (value, values) =>
        values.type === 'task' || value ? null : t('validation.required'),
      dueDate: (value, values) =>
        values.type !== 'task' || value ? null : t('validation.required'),
      followUpDate: (value, values) =>
        !values.followUp || value ? null : t('validation.required'),
    },
  });
  const values = form.getValues();
  const isTask = values.type === 'task';
  const pending = createActivity.isPending || updateActivity.isPending;
  // A task or note can be made without a record; then the person may still put it on a customer.
  const linkedRelated =
    related ??
    (activity?.relatedType
      ? { type: activity.relatedType, id: activity.relatedId, accountId: activity.accountId }
      : undefined);
  const linkedType = linkedRelated?.type ?? '';
  const linkedId = linkedRelated?.id ?? '';
  const labelRefs = useMemo<RelatedRef[]>(
    () => (related?.label ? [] : [{ relatedType: linkedType, relatedId: linkedId }]),
    [related?.label, linkedType, linkedId],
  );
  const fetchedLabels = useRelatedLabels(labelRefs);
  const relatedLabel = related?.label ?? fetchedLabels.get(linkedId) ?? '';

  const handleTypeChange = (next: string) => {
    const nextType = next as ActivityType;
    const current = form.getValues();
    // Keep what the person typed; only replace the suggested subject of the previous type.
    if (!current.subject.trim() || current.subject === defaultSubject(current.type))
      form.setFieldValue('subject', defaultSubject(nextType));
    form.setFieldValue('type', nextType);
    onTypeChange(nextType);
  };

  const handleSubmit = (v: FormValues) => {
    const accountId = linkedRelated?.accountId ?? v.accountId;
    const relatedType: RelatedType | '' = linkedRelated?.type ?? (v.accountId ? 'account' : '');
    const relatedId = linkedRelated?.id ?? v.accountId;
    const task = v.type === 'task';
    const fields = {
      type: v.type,
      subject: v.subject,
      body: v.body,
      outcome: task ? '' : v.outcome,
      nextStep: task ? '' : v.nextStep,
      occurredAt: task ? (activity?.occurredAt ?? Date.now()) : dayjs(v.occurredAt).valueOf(),
      dueDate: task ? v.dueDate : '',
    };
    const onError = (error: unknown) => reportWriteError(error, t, form);
    const onSuccess = (saved: Activity) => {
      notifySaved(t);
      onSaved?.(saved);
      onClose();
    };
    if (activity) {
      updateActivity.mutate(
        {
          id: activity.id,
          patch: {
            ...fields,
            accountId,
            relatedType,
            relatedId,
            ...(task ? { ownerId: v.ownerId } : {}),
          },
        },
        { onSuccess, onError },
      );
      return;
    }
    const input: ActivityInput = {
      ...fields,
      accountId,
      relatedType,
      relatedId,
      // A logged interaction already happened; only tasks are open work.
      done: !task,
      ...(task ? { ownerId: v.ownerId } : {}),
    };
    const followUp: ActivityInput | undefined =
      !task && v.followUp && v.nextStep.trim()
        ? {
            type: 'task',
            subject: v.nextStep.trim().slice(0, 200),
            body: '',
            outcome: '',
            nextStep: '',
            accountId,
            relatedType,
            relatedId,
            occurredAt: Date.now(),
            dueDate: v.followUpDate,
            done: false,
          }
        : undefined;
    createActivity.mutate(
      { input, followUp },
      { onSuccess: ({ activity: saved }) => onSuccess(saved), onError },
    );
  };

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} data-testid="activity-form">
      <Stack gap="sm">
        {linkedRelated?.type && (
          <Text size="sm" c="dimmed">
            {t('activities.form.relatedTo', {
              type: t(`lists.relatedType.${linkedRelated.type}`),
              label: relatedLabel,
            })}
          </Text>
        )}
        <SegmentedControl
          data={LOGGED_ACTIVITY_TYPES.map((kind) => ({
            value: kind,
            label: t(`lists.activityType.${kind}`),
          }))}
          value={values.type}
          onChange={handleTypeChange}
          data-testid="activity-type"
          fullWidth
        />
        <TextInput
          label={t('fields.subject')}
          withAsterisk
          {...form.getInputProps('subject')}
          data-testid="activity-subject"
          data-autofocus
        />
        {isTask ? (
          <Group grow align="flex-start">
            <DateInput
              label={t('fields.dueDate')}
              withAsterisk
              valueFormat="YYYY-MM-DD"
              {...form.getInputProps('dueDate')}
              data-testid="activity-due-date"
            />
            <Select
              label={t('fields.ownerId')}
              data={ownerOptions}
              allowDeselect={false}
              {...form.getInputProps('ownerId')}
            />
          </Group>
        ) : (
          <DateTimePicker
            label={t('fields.occurredAt')}
            withAsterisk
            valueFormat="YYYY-MM-DD HH:mm"
            {...form.getInputProps('occurredAt')}
            data-testid="activity-occurred-at"
          />
        )}
        {!linkedRelated && (
          <AccountSelect
            label={t('fields.accountId')}
            placeholder={t('activities.form.accountPlaceholder')}
            value={values.accountId}
            onChange={(id) => form.setFieldValue('accountId', id)}
            error={form.errors.accountId}
          />
        )}
        {!isTask && (
          <>
            <TextInput
              label={t('fields.outcome')}
              placeholder={t('activities.form.outcomePlaceholder')}
              {...form.getInputProps('outcome')}
              data-testid="activity-outcome"
            />
            <TextInput
              label={t('fields.nextStep')}
              placeholder={t('activities.form.nextStepPlaceholder')}
              {...form.getInputProps('nextStep')}
              data-testid="activity-next-step"
            />
            {!activity && values.nextStep.trim() !== '' && (
              <Group align="center" gap="xs">
                <Checkbox
                  label={t('activities.form.followUp')}
                  {...form.getInputProps('followUp', { type: 'checkbox' })}
                  data-testid="activity-follow-up"
                />
                {values.followUp && (
                  <DateInput
                    aria-label={t('fields.dueDate')}
                    valueFormat="YYYY-MM-DD"
                    size="xs"
                    {...form.getInputProps('followUpDate')}
                  />
                )}
              </Group>
            )}
          </>
        )}
        <Textarea
          label={isTask ? t('fields.description') : t('fields.body')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('body')}
          data-testid="activity-body"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} data-testid="activity-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
