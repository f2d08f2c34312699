import { type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { numberOrNaN, useSettingDraft } from './use-setting-draft';
import {
  DEFAULT_HEALTH_SCORING,
  healthScoringValueSchema,
  type HealthScoringValue,
} from '@shared/domain';
import type { HealthPartKind } from '@shared/rules';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { useWorkspace } from '../../../hooks/use-workspace';
import {
  useHealthScoringQuery,
  useSaveHealthScoringMutation,
} from '../../../entities/accounts/health';

const WEIGHTS: HealthPartKind[] = [
  'recency',
  'openTickets',
  'breachedTickets',
  'csat',
  'nps',
  'overduePayments',
  'renewal',
];
type RuleField = Exclude<keyof HealthScoringValue, 'weights'>;
const THRESHOLDS: RuleField[] = ['churnBelow', 'watchBelow', 'dropPoints'];
const RULES: RuleField[] = [
  'freshDays',
  'staleDays',
  'openTicketsFull',
  'breachedTicketsFull',
  'overdueFull',
  'windowDays',
  'renewalDays',
];

/**
 * Account health (issue 21): the weights and thresholds of shared/rules/account-health.ts, validated by the schema
 * the server holds the setting to. Admins edit (everyone in a local workspace); scores follow at once, since they
 * are computed, not stored.
 */
export function HealthScoringCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const access = useWriteAccess('settings', {
    id: '',
    teamId: '',
    ownerId: session.userId,
    workspaceId: session.workspaceId,
  });
  const canEdit = access.canWrite;
  const saved = useHealthScoringQuery();
  const save = useSaveHealthScoringMutation();
  const { draft, change, errorAt, handleSave } = useSettingDraft({
    schema: healthScoringValueSchema,
    fallback: DEFAULT_HEALTH_SCORING,
    saved: saved.data,
    save,
  });

  const number = (
    label: string,
    path: string,
    current: number,
    onChange: (n: number) => void,
    testId: string,
  ) => (
    <NumberInput
      key={path}
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
  const group = (title: string, body: ReactNode) => (
    <Fieldset legend={<Text fw={500}>{title}</Text>}>{body}</Fieldset>
  );
  const ruleInputs = (fields: RuleField[]) =>
    fields.map((field) =>
      number(
        t(`health.settings.${field}`),
        field,
        draft[field],
        (n) => change({ ...draft, [field]: n }),
        `health-scoring-${field}`,
      ),
    );

  return (
    <Card withBorder data-testid="health-scoring-card">
      <Title order={4} mb={4}>
        {t('health.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('health.settings.description')}
      </Text>
      {access.known && !canEdit && (
        <Alert color="gray" mb="sm">
          {t('health.settings.adminOnly')}
        </Alert>
      )}
      <Stack gap="sm">
        {group(
          t('health.settings.thresholds'),
          <SimpleGrid cols={{ base: 1, sm: 3 }}>{ruleInputs(THRESHOLDS)}</SimpleGrid>,
        )}
        {group(
          t('health.settings.weights'),
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {WEIGHTS.map((kind) =>
              number(
                t(`health.part.${kind}`),
                `weights.${kind}`,
                draft.weights[kind],
                (n) => change({ ...draft, weights: { ...draft.weights, [kind]: n } }),
                `health-scoring-weight-${kind}`,
              ),
            )}
          </SimpleGrid>,
        )}
        {group(
          t('health.settings.rules'),
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{ruleInputs(RULES)}</SimpleGrid>,
        )}
      </Stack>
      {canEdit && (
        <Group mt="sm">
          <Button onClick={handleSave} loading={save.isPending} data-testid="health-scoring-save">
            {t('health.settings.save')}
          </Button>
        </Group>
      )}
      {save.isSuccess && (
        <Alert color="green" mt="sm" data-testid="health-scoring-saved">
          {t('health.settings.saved')}
        </Alert>
      )}
    </Card>
  );
}
