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
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { numberOrNaN, useSettingDraft } from './use-setting-draft';
import {
  DEFAULT_LEAD_SCORING,
  INDUSTRY_SECTIONS,
  LEAD_SOURCES,
  SCORED_LEAD_FIELDS,
  SIZE_BANDS,
  leadScoringValueSchema,
} from '@shared/domain';
import { useWriteAccess } from '../../../hooks/use-write-access';
import { useWorkspace } from '../../../hooks/use-workspace';
import { useLeadScoringQuery, useSaveLeadScoringMutation } from '../../../entities/leads/scoring';

/**
 * Lead scoring (issue 19): the points and MQL/SQL thresholds of shared/rules/lead-scoring.ts, validated by the
 * schema the server holds the setting to. Admins edit (everyone in a local workspace); saving scores the
 * replica's leads again.
 */
export function LeadScoringCard() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const access = useWriteAccess('settings', {
    id: '',
    teamId: '',
    ownerId: session.userId,
    workspaceId: session.workspaceId,
  });
  const canEdit = access.canWrite;
  const saved = useLeadScoringQuery();
  const save = useSaveLeadScoringMutation();
  const { draft, change, errors, errorAt, tried, handleSave } = useSettingDraft({
    schema: leadScoringValueSchema,
    fallback: DEFAULT_LEAD_SCORING,
    saved: saved.data,
    save,
  });

  const number = (
    label: string,
    path: string,
    current: number | undefined,
    onChange: (n: number) => void,
    testId: string,
  ) => (
    <NumberInput
      key={path}
      label={label}
      value={current === undefined || Number.isNaN(current) ? '' : current}
      onChange={(v) => onChange(numberOrNaN(v))}
      error={errorAt(path)}
      disabled={!canEdit}
      allowDecimal={false}
      min={0}
      max={100}
      data-testid={testId}
    />
  );
  const group = (title: string, body: ReactNode) => (
    <Fieldset legend={<Text fw={500}>{title}</Text>}>{body}</Fieldset>
  );

  return (
    <Card withBorder data-testid="lead-scoring-card">
      <Title order={4} mb={4}>
        {t('leadScoring.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('leadScoring.description')}
      </Text>
      {access.known && !canEdit && (
        <Alert color="gray" mb="sm">
          {t('leadScoring.adminOnly')}
        </Alert>
      )}
      <Stack gap="sm">
        <Switch
          label={t('leadScoring.enabled')}
          checked={draft.enabled}
          disabled={!canEdit}
          onChange={(e) => change({ ...draft, enabled: e.currentTarget.checked })}
          data-testid="lead-scoring-enabled"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {number(
            t('leadScoring.mqlThreshold'),
            'mqlThreshold',
            draft.mqlThreshold,
            (n) => change({ ...draft, mqlThreshold: n }),
            'lead-scoring-mql',
          )}
          {number(
            t('leadScoring.sqlThreshold'),
            'sqlThreshold',
            draft.sqlThreshold,
            (n) => change({ ...draft, sqlThreshold: n }),
            'lead-scoring-sql',
          )}
        </SimpleGrid>
        {group(
          t('leadScoring.sourceTitle'),
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {LEAD_SOURCES.map((source) =>
              number(
                t(`lists.source.${source}`),
                `sourcePoints.${source}`,
                draft.sourcePoints[source] ?? 0,
                (n) => change({ ...draft, sourcePoints: { ...draft.sourcePoints, [source]: n } }),
                `lead-scoring-source-${source}`,
              ),
            )}
          </SimpleGrid>,
        )}
        {group(
          t('leadScoring.completenessTitle'),
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {SCORED_LEAD_FIELDS.map((field) =>
              number(
                t(`leadScoring.field.${field}`),
                `completenessPoints.${field}`,
                draft.completenessPoints[field],
                (n) =>
                  change({
                    ...draft,
                    completenessPoints: { ...draft.completenessPoints, [field]: n },
                  }),
                `lead-scoring-field-${field}`,
              ),
            )}
          </SimpleGrid>,
        )}
        {group(
          t('leadScoring.engagementTitle'),
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {number(
              t('leadScoring.engagementDays'),
              'engagement.days',
              draft.engagement.days,
              (n) => change({ ...draft, engagement: { ...draft.engagement, days: n } }),
              'lead-scoring-days',
            )}
            {number(
              t('leadScoring.pointsPerActivity'),
              'engagement.pointsPerActivity',
              draft.engagement.pointsPerActivity,
              (n) =>
                change({ ...draft, engagement: { ...draft.engagement, pointsPerActivity: n } }),
              'lead-scoring-per-activity',
            )}
            {number(
              t('leadScoring.maxPoints'),
              'engagement.maxPoints',
              draft.engagement.maxPoints,
              (n) => change({ ...draft, engagement: { ...draft.engagement, maxPoints: n } }),
              'lead-scoring-max-engagement',
            )}
          </SimpleGrid>,
        )}
        {group(
          t('leadScoring.sizeTitle'),
          <SimpleGrid cols={{ base: 2, sm: 6 }}>
            {SIZE_BANDS.map((band) =>
              number(
                t(`lists.sizeBand.${band}`),
                `sizePoints.${band}`,
                draft.sizePoints[band] ?? 0,
                (n) => change({ ...draft, sizePoints: { ...draft.sizePoints, [band]: n } }),
                `lead-scoring-size-${band}`,
              ),
            )}
          </SimpleGrid>,
        )}
        {group(
          t('leadScoring.industryTitle'),
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {INDUSTRY_SECTIONS.map((section) =>
              number(
                `${section} ${t(`industry.${section}`)}`,
                `industryPoints.${section}`,
                draft.industryPoints[section] ?? 0,
                (n) =>
                  change({ ...draft, industryPoints: { ...draft.industryPoints, [section]: n } }),
                `lead-scoring-industry-${section}`,
              ),
            )}
          </SimpleGrid>,
        )}
      </Stack>
      {tried && Object.keys(errors).length > 0 && (
        <Alert color="red" mt="sm" role="alert" data-testid="lead-scoring-invalid">
          {t('leadScoring.invalid')}
        </Alert>
      )}
      {canEdit && (
        <Group mt="sm">
          <Button onClick={handleSave} loading={save.isPending} data-testid="lead-scoring-save">
            {t('leadScoring.save')}
          </Button>
          <Button
            variant="default"
            onClick={() => change(DEFAULT_LEAD_SCORING)}
            data-testid="lead-scoring-reset"
          >
            {t('leadScoring.reset')}
          </Button>
        </Group>
      )}
      {save.isSuccess && (
        <Alert color="green" mt="sm" data-testid="lead-scoring-saved">
          {t('leadScoring.saved', { count: save.data.rescored })}
        </Alert>
      )}
    </Card>
  );
}
