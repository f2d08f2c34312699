import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_FOLLOW_UP_RULES,
  followUpRulesValueSchema,
  type FollowUpRulesValue,
} from '@shared/domain';
import { reportWriteError } from '../../../components/write-errors';
import { useWorkspace } from '../../../hooks/use-workspace';
import { usePipelineQuery } from '../../../entities/deals/queries';
import { useFieldViewer } from '../../../entities/settings/field-policy';
import {
  useFollowUpRulesQuery,
  useSaveFollowUpRulesMutation,
} from '../../../entities/settings/follow-up-rules';

/** A NumberInput left empty holds '' until it is saved; the schema refuses it with the field's message. */
const numberOrNaN = (value: string | number): number =>
  typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);

/** '90, 60, 30' → [90, 60, 30]; anything not a number stays NaN so the schema names the field. */
function parseWindows(text: string): number[] {
  return text
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : NaN));
}

/** Field errors by path ('leadNoActivity.remindAfterHours'), as i18n keys from the shared schema. */
function errorsOf(value: unknown): Record<string, string> {
  const result = followUpRulesValueSchema.safeParse(value);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    // A bad window number reports at windowsDays.<i>: show it on the one input.
    const path = issue.path.filter((p) => typeof p === 'string').join('.');
    const stage = issue.path[0] === 'dealNoActivity' && issue.path[1] === 'stages';
    const key = stage ? issue.path.slice(0, 4).join('.') : path;
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Follow-up rules (issue 18): the thresholds of the reminders and escalations computed on every laptop
 * (shared/rules/follow-up.ts, key-dates.ts). Validated by the same schema the server holds the setting to; admins
 * edit (everyone in a local workspace), everyone else reads.
 */
export function FollowUpRulesCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const viewer = useFieldViewer();
  const canEdit = session.mode === 'local' || viewer?.role === 'admin';
  const saved = useFollowUpRulesQuery();
  const pipeline = usePipelineQuery();
  const save = useSaveFollowUpRulesMutation();
  const [draft, setDraft] = useState<FollowUpRulesValue>(DEFAULT_FOLLOW_UP_RULES);
  const [windowsText, setWindowsText] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!saved.data) return;
    setDraft(saved.data);
    setWindowsText(saved.data.contractRenewal.windowsDays.join(', '));
  }, [saved.data]);

  const value = useMemo<FollowUpRulesValue>(
    () => ({
      ...draft,
      contractRenewal: { ...draft.contractRenewal, windowsDays: parseWindows(windowsText) },
    }),
    [draft, windowsText],
  );
  const errors = useMemo(() => errorsOf(value), [value]);
  const errorAt = (path: string) => (tried && errors[path] ? t(errors[path]) : undefined);

  const patch = <K extends keyof FollowUpRulesValue>(
    key: K,
    change: Partial<FollowUpRulesValue[K]>,
  ) => {
    save.reset();
    setDraft((current) => ({ ...current, [key]: { ...(current[key] as object), ...change } }));
  };
  const openStages = (pipeline.data?.stages ?? []).filter((s) => s.outcome === 'open');
  const stageRule = (stageId: string) =>
    draft.dealNoActivity.stages.find((s) => s.stageId === stageId);
  const setStage = (
    stageId: string,
    change: { remindAfterDays?: number; escalateAfterDays?: number } | null,
  ) => {
    const others = draft.dealNoActivity.stages.filter((s) => s.stageId !== stageId);
    const current = stageRule(stageId) ?? {
      stageId,
      remindAfterDays: draft.dealNoActivity.remindAfterDays,
      escalateAfterDays: draft.dealNoActivity.escalateAfterDays,
    };
    patch('dealNoActivity', {
      stages: change === null ? others : [...others, { ...current, ...change }],
    });
  };

  const handleSave = () => {
    setTried(true);
    const parsed = followUpRulesValueSchema.safeParse(value);
    if (!parsed.success) return;
    save.mutate(parsed.data, { onError: (error) => reportWriteError(error, t) });
  };

  const number = (
    label: string,
    path: string,
    current: number,
    onChange: (n: number) => void,
    testId: string,
  ) => (
    <NumberInput
      label={label}
      value={Number.isNaN(current) ? '' : current}
      onChange={(v) => onChange(numberOrNaN(v))}
      error={errorAt(path)}
      disabled={!canEdit}
      allowDecimal={false}
      min={0}
      data-testid={testId}
    />
  );
  const section = (
    title: string,
    enabled: boolean,
    onEnabled: (on: boolean) => void,
    id: string,
    body: ReactNode,
  ) => (
    <Fieldset
      legend={
        <Group gap="xs">
          <Text fw={500}>{title}</Text>
          <Switch
            checked={enabled}
            onChange={(e) => onEnabled(e.currentTarget.checked)}
            disabled={!canEdit}
            aria-label={`${title}: ${t('followUpRules.enabled')}`}
            data-testid={`follow-up-${id}-enabled`}
          />
        </Group>
      }
    >
      {body}
    </Fieldset>
  );

  return (
    <Card withBorder data-testid="follow-up-rules-card">
      <Title order={4} mb={4}>
        {t('followUpRules.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('followUpRules.description')}
      </Text>
      {!canEdit && (
        <Alert color="gray" mb="sm">
          {t('followUpRules.adminOnly')}
        </Alert>
      )}
      <Stack gap="sm">
        <Checkbox
          label={t('followUpRules.workingDaysOnly')}
          checked={draft.workingDaysOnly}
          disabled={!canEdit}
          onChange={(e) => {
            save.reset();
            setDraft({ ...draft, workingDaysOnly: e.currentTarget.checked });
          }}
          data-testid="follow-up-working-days"
        />
        {section(
          t('followUpRules.lead.title'),
          draft.leadNoActivity.enabled,
          (enabled) => patch('leadNoActivity', { enabled }),
          'lead',
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {number(
              t('followUpRules.lead.remindAfterHours'),
              'leadNoActivity.remindAfterHours',
              draft.leadNoActivity.remindAfterHours,
              (n) => patch('leadNoActivity', { remindAfterHours: n }),
              'follow-up-lead-remind',
            )}
            {number(
              t('followUpRules.lead.escalateAfterHours'),
              'leadNoActivity.escalateAfterHours',
              draft.leadNoActivity.escalateAfterHours,
              (n) => patch('leadNoActivity', { escalateAfterHours: n }),
              'follow-up-lead-escalate',
            )}
          </SimpleGrid>,
        )}
        {section(
          t('followUpRules.deal.title'),
          draft.dealNoActivity.enabled,
          (enabled) => patch('dealNoActivity', { enabled }),
          'deal',
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {number(
                t('followUpRules.deal.remindAfterDays'),
                'dealNoActivity.remindAfterDays',
                draft.dealNoActivity.remindAfterDays,
                (n) => patch('dealNoActivity', { remindAfterDays: n }),
                'follow-up-deal-remind',
              )}
              {number(
                t('followUpRules.deal.escalateAfterDays'),
                'dealNoActivity.escalateAfterDays',
                draft.dealNoActivity.escalateAfterDays,
                (n) => patch('dealNoActivity', { escalateAfterDays: n }),
                'follow-up-deal-escalate',
              )}
            </SimpleGrid>
            <Text size="sm" fw={500}>
              {t('followUpRules.deal.stagesTitle')}
            </Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('followUpRules.deal.stage')}</Table.Th>
                  <Table.Th>{t('followUpRules.deal.override')}</Table.Th>
                  <Table.Th>{t('followUpRules.deal.remindAfterDays')}</Table.Th>
                  <Table.Th>{t('followUpRules.deal.escalateAfterDays')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {openStages.map((stage) => {
                  const rule = stageRule(stage.id);
                  const index = draft.dealNoActivity.stages.findIndex(
                    (s) => s.stageId === stage.id,
                  );
                  const label = t(`lists.stage.${stage.name}`, { defaultValue: stage.name });
                  return (
                    <Table.Tr key={stage.id}>
                      <Table.Td>{label}</Table.Td>
                      <Table.Td>
                        <Checkbox
                          checked={Boolean(rule)}
                          disabled={!canEdit}
                          aria-label={`${label}: ${t('followUpRules.deal.override')}`}
                          onChange={(e) => setStage(stage.id, e.currentTarget.checked ? {} : null)}
                          data-testid={`follow-up-stage-${stage.id}`}
                        />
                      </Table.Td>
                      <Table.Td>
                        {rule && (
                          <NumberInput
                            aria-label={`${label}: ${t('followUpRules.deal.remindAfterDays')}`}
                            value={Number.isNaN(rule.remindAfterDays) ? '' : rule.remindAfterDays}
                            onChange={(v) =>
                              setStage(stage.id, { remindAfterDays: numberOrNaN(v) })
                            }
                            error={errorAt(`dealNoActivity.stages.${index}.remindAfterDays`)}
                            disabled={!canEdit}
                            allowDecimal={false}
                            data-testid={`follow-up-stage-${stage.id}-remind`}
                          />
                        )}
                      </Table.Td>
                      <Table.Td>
                        {rule && (
                          <NumberInput
                            aria-label={`${label}: ${t('followUpRules.deal.escalateAfterDays')}`}
                            value={
                              Number.isNaN(rule.escalateAfterDays) ? '' : rule.escalateAfterDays
                            }
                            onChange={(v) =>
                              setStage(stage.id, { escalateAfterDays: numberOrNaN(v) })
                            }
                            error={errorAt(`dealNoActivity.stages.${index}.escalateAfterDays`)}
                            disabled={!canEdit}
                            allowDecimal={false}
                            data-testid={`follow-up-stage-${stage.id}-escalate`}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>,
        )}
        {section(
          t('followUpRules.task.title'),
          draft.taskOverdue.enabled,
          (enabled) => patch('taskOverdue', { enabled }),
          'task',
          <Text size="sm" c="dimmed">
            {t('followUpRules.task.hint')}
          </Text>,
        )}
        {section(
          t('followUpRules.payment.title'),
          draft.paymentOverdue.enabled,
          (enabled) => patch('paymentOverdue', { enabled }),
          'payment',
          number(
            t('followUpRules.payment.escalateAfterDays'),
            'paymentOverdue.escalateAfterDays',
            draft.paymentOverdue.escalateAfterDays,
            (n) => patch('paymentOverdue', { escalateAfterDays: n }),
            'follow-up-payment-escalate',
          ),
        )}
        {section(
          t('followUpRules.renewal.title'),
          draft.contractRenewal.enabled,
          (enabled) => patch('contractRenewal', { enabled }),
          'renewal',
          <TextInput
            label={t('followUpRules.renewal.windowsDays')}
            value={windowsText}
            onChange={(e) => {
              save.reset();
              setWindowsText(e.currentTarget.value);
            }}
            error={errorAt('contractRenewal.windowsDays')}
            disabled={!canEdit}
            data-testid="follow-up-renewal-windows"
          />,
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {section(
            t('followUpRules.birthday.title'),
            draft.birthday.enabled,
            (enabled) => patch('birthday', { enabled }),
            'birthday',
            number(
              t('followUpRules.birthday.leadDays'),
              'birthday.leadDays',
              draft.birthday.leadDays,
              (n) => patch('birthday', { leadDays: n }),
              'follow-up-birthday-days',
            ),
          )}
          {section(
            t('followUpRules.anniversary.title'),
            draft.anniversary.enabled,
            (enabled) => patch('anniversary', { enabled }),
            'anniversary',
            number(
              t('followUpRules.anniversary.leadDays'),
              'anniversary.leadDays',
              draft.anniversary.leadDays,
              (n) => patch('anniversary', { leadDays: n }),
              'follow-up-anniversary-days',
            ),
          )}
        </SimpleGrid>
      </Stack>
      {tried && Object.keys(errors).length > 0 && (
        <Alert color="red" mt="sm" role="alert" data-testid="follow-up-invalid">
          {t('followUpRules.invalid')}
        </Alert>
      )}
      {canEdit && (
        <Group mt="sm">
          <Button onClick={handleSave} loading={save.isPending} data-testid="follow-up-save">
            {t('followUpRules.save')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              save.reset();
              setDraft(DEFAULT_FOLLOW_UP_RULES);
              setWindowsText(DEFAULT_FOLLOW_UP_RULES.contractRenewal.windowsDays.join(', '));
            }}
            data-testid="follow-up-reset"
          >
            {t('followUpRules.reset')}
          </Button>
        </Group>
      )}
      {save.isSuccess && (
        <Alert color="green" mt="sm" data-testid="follow-up-saved">
          {t('followUpRules.saved')}
        </Alert>
      )}
    </Card>
  );
}
