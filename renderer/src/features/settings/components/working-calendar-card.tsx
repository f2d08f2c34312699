import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_WORKING_CALENDAR,
  workingCalendarValueSchema,
  type WorkingCalendarValue,
  type WorkingPeriod,
} from '@shared/domain';
import { STATUTORY_LAST_YEAR } from '@shared/rules';
import { reportWriteError } from '../../../components/write-errors';
import { useWorkspace } from '../../../hooks/use-workspace';
import { useFieldViewer } from '../../../entities/settings/field-policy';
import {
  useSaveWorkingCalendarMutation,
  useWorkingCalendarQuery,
} from '../../../entities/settings/sla';

/** Monday first, as people read a week; the setting's index is the JS weekday (0 = Sunday). */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** '09:00-12:00, 13:00-18:00' → periods; null when a part is not 'HH:MM-HH:MM'. */
function parsePeriods(text: string): WorkingPeriod[] | null {
  const parts = text
    .split(/[,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: WorkingPeriod[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2}:\d{2})\s*[-–~至]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!match) return null;
    out.push({ start: match[1].padStart(5, '0'), end: match[2].padStart(5, '0') });
  }
  return out;
}

function formatPeriods(periods: readonly WorkingPeriod[]): string {
  return periods.map((p) => `${p.start}-${p.end}`).join(', ');
}

/**
 * The working calendar (issue 21): working hours per weekday (a lunch break is the gap between two periods), the
 * UTC offset, the mainland's statutory holidays and 调休 (chinese-days), company days off and extra working days.
 * SLA clocks count only this time (shared/rules/business-hours.ts). Admins edit; everyone else reads.
 */
export function WorkingCalendarCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const viewer = useFieldViewer();
  const canEdit = session.mode === 'local' || viewer?.role === 'admin';
  const saved = useWorkingCalendarQuery();
  const save = useSaveWorkingCalendarMutation();
  const [draft, setDraft] = useState<WorkingCalendarValue>(DEFAULT_WORKING_CALENDAR);
  const [hoursText, setHoursText] = useState<string[]>(
    DEFAULT_WORKING_CALENDAR.weekHours.map(formatPeriods),
  );
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!saved.data) return;
    setDraft(saved.data);
    setHoursText(saved.data.weekHours.map(formatPeriods));
  }, [saved.data]);

  const parsedHours = useMemo(() => hoursText.map(parsePeriods), [hoursText]);
  const candidate = useMemo(
    () => ({ ...draft, weekHours: parsedHours.map((p) => p ?? []) }),
    [draft, parsedHours],
  );
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    parsedHours.forEach((p, day) => {
      if (!p) out[`weekHours.${day}`] = 'validation.calendar.clockTime';
    });
    const result = workingCalendarValueSchema.safeParse(candidate);
    if (!result.success)
      for (const issue of result.error.issues) {
        const path = issue.path.slice(0, issue.path[0] === 'weekHours' ? 2 : 1).join('.');
        out[path] ??= issue.message;
      }
    return out;
  }, [candidate, parsedHours]);
  const errorAt = (path: string) => (tried && errors[path] ? t(errors[path]) : undefined);
  const change = (patch: Partial<WorkingCalendarValue>) => {
    save.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };

  const handleSave = () => {
    setTried(true);
    if (Object.keys(errors).length > 0) return;
    save.mutate(workingCalendarValueSchema.parse(candidate), {
      onError: (error) => reportWriteError(error, t),
    });
  };

  return (
    <Card withBorder data-testid="working-calendar-card">
      <Title order={4} mb={4}>
        {t('sla.calendar.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sla.calendar.description')}
      </Text>
      {!canEdit && (
        <Alert color="gray" mb="sm">
          {t('sla.adminOnly')}
        </Alert>
      )}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {WEEK_ORDER.map((day) => (
            <TextInput
              key={day}
              label={t(`sla.calendar.weekday.${day}`)}
              placeholder={t('sla.calendar.closed')}
              value={hoursText[day]}
              disabled={!canEdit}
              error={errorAt(`weekHours.${day}`)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                save.reset();
                setHoursText((current) => current.map((text, i) => (i === day ? value : text)));
              }}
              data-testid={`working-hours-${day}`}
            />
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('sla.calendar.hoursHint')}
        </Text>
        <NumberInput
          label={t('sla.calendar.utcOffset')}
          description={t('sla.calendar.utcOffsetHint')}
          value={draft.utcOffsetMinutes}
          disabled={!canEdit}
          allowDecimal={false}
          error={errorAt('utcOffsetMinutes')}
          onChange={(value) =>
            change({ utcOffsetMinutes: typeof value === 'number' ? value : NaN })
          }
          w={220}
          data-testid="working-calendar-offset"
        />
        <Switch
          label={t('sla.calendar.statutory', { year: STATUTORY_LAST_YEAR })}
          checked={draft.statutoryHolidays}
          disabled={!canEdit}
          onChange={(e) => change({ statutoryHolidays: e.currentTarget.checked })}
          data-testid="working-calendar-statutory"
        />
        <TagsInput
          label={t('sla.calendar.daysOff')}
          description={t('sla.calendar.dayHint')}
          value={draft.daysOff}
          disabled={!canEdit}
          error={errorAt('daysOff')}
          onChange={(daysOff) => change({ daysOff })}
          data-testid="working-calendar-days-off"
        />
        <TagsInput
          label={t('sla.calendar.extraDays')}
          description={t('sla.calendar.dayHint')}
          value={draft.extraWorkingDays}
          disabled={!canEdit}
          error={errorAt('extraWorkingDays')}
          onChange={(extraWorkingDays) => change({ extraWorkingDays })}
          data-testid="working-calendar-extra-days"
        />
        {canEdit && (
          <Group>
            <Button
              onClick={handleSave}
              loading={save.isPending}
              data-testid="working-calendar-save"
            >
              {t('common.save')}
            </Button>
            {save.isSuccess && (
              <Text size="sm" c="green" data-testid="working-calendar-saved">
                {t('sla.saved')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
