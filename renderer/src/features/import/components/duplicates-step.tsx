import { Badge, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DuplicateAction } from '@shared/import/duplicates';
import type { ImportWizard } from '../use-import-wizard';
import { StepButtons } from './step-buttons';

const SHOWN = 100;

/** Step 5: groups of rows that collide with the replica or each other; per group skip, update or create. */
export function DuplicatesStep({
  wizard,
  onBack,
  onNext,
}: {
  wizard: ImportWizard;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { analysis } = wizard;
  if (!analysis) return null;
  const { groups, existing } = analysis;
  const options = (updatable: boolean) => [
    { value: 'skip', label: t('import.duplicates.skip') },
    { value: 'update', label: t('import.duplicates.update'), disabled: !updatable },
    { value: 'create', label: t('import.duplicates.create') },
  ];

  return (
    <Stack mt="md">
      {groups.length === 0 ? (
        <Text data-testid="import-no-duplicates">{t('import.duplicates.none')}</Text>
      ) : (
        <>
          <Text>{t('import.duplicates.intro', { count: groups.length })}</Text>
          <Group gap="sm">
            <Text size="sm" id="import-all-actions">
              {t('import.duplicates.allLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="import-all-actions"
              data={options(true)}
              value=""
              onChange={(value) => wizard.setAllActions(value as DuplicateAction)}
              data-testid="import-all-actions"
            />
          </Group>
          {groups.slice(0, SHOWN).map((group, i) => {
            const names = group.existingIds.map((id) => existing.get(id));
            const label = t('import.duplicates.group', { n: i + 1 });
            return (
              <Paper
                key={i}
                withBorder
                p="sm"
                role="group"
                aria-label={label}
                data-testid="import-duplicate-group"
              >
                <Group justify="space-between" align="flex-start">
                  <Stack gap={4}>
                    <Text fw={500}>{label}</Text>
                    <Text size="sm">
                      {t('import.duplicates.rows', { rows: group.rows.join(', ') })}
                    </Text>
                    {names.length === 0 ? (
                      <Text size="sm">{t('import.duplicates.withinFile')}</Text>
                    ) : (
                      names.map((record, n) => (
                        <Text size="sm" key={n} data-testid="import-duplicate-existing">
                          {t('import.duplicates.existing', {
                            name: record
                              ? [record.name, record.detail].filter(Boolean).join(' · ')
                              : '',
                          })}
                        </Text>
                      ))
                    )}
                    <Group gap={4}>
                      {group.reasons.map((reason) => (
                        <Badge key={reason} variant="light">
                          {t(`import.duplicates.reason.${reason}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                  <SegmentedControl
                    aria-label={`${label}: ${t('import.duplicates.action')}`}
                    data={options(group.existingIds.length === 1)}
                    value={wizard.actions.get(i) ?? group.action}
                    onChange={(value) => wizard.setAction(i, value as DuplicateAction)}
                  />
                </Group>
              </Paper>
            );
          })}
          {groups.length > SHOWN && (
            <Text size="sm" c="dimmed">
              {t('import.duplicates.more', { shown: SHOWN, total: groups.length })}
            </Text>
          )}
        </>
      )}
      <StepButtons onBack={onBack} onNext={onNext} />
    </Stack>
  );
}
