import { Alert, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportWizard } from '../use-import-wizard';
import { StepButtons } from './step-buttons';

const LIST_ROUTE = {
  accounts: '/accounts',
  contacts: '/contacts',
  leads: '/leads',
  deals: '/deals',
  activities: '/',
} as const;

/** Step 6 and the end: the import with its progress and cancel, then what it did. */
export function RunStep({ wizard, onBack }: { wizard: ImportWizard; onBack: () => void }) {
  const { t } = useTranslation();
  const { summary, writing, analysis } = wizard;
  if (!analysis) return null;

  if (summary) {
    const rows = [
      ['created', summary.created],
      ['updated', summary.updated],
      ['skipped', summary.skipped],
      ...(summary.unchanged > 0 ? [['unchanged', summary.unchanged] as const] : []),
      ['rejected', analysis.rejectedRows.length],
      ...(summary.failed > 0 ? [['failed', summary.failed] as const] : []),
    ] as const;
    return (
      <Stack mt="md" maw={560} data-testid="import-summary">
        <Alert color={summary.cancelled ? 'yellow' : 'green'} role="status">
          {summary.cancelled ? t('import.summary.cancelled') : t('import.summary.done')}
        </Alert>
        <Table withTableBorder>
          <Table.Tbody>
            {rows.map(([key, value]) => (
              <Table.Tr key={key} data-testid={`import-summary-${key}`}>
                <Table.Th>{t(`import.summary.${key}`)}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button component={Link} to={LIST_ROUTE[wizard.kind]} data-testid="import-open-list">
            {t('import.summary.openList', { kind: t(`import.kinds.${wizard.kind}`) })}
          </Button>
          <Button variant="default" onClick={wizard.restart}>
            {t('import.summary.again')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const plan = wizard.planned;
  const count = plan ? plan.createCount + plan.update.length : 0;
  if (writing) {
    const label = t('import.run.progress', { ...writing });
    return (
      <Stack mt="md" maw={560}>
        <Text aria-live="polite" data-testid="import-progress">
          {label}
        </Text>
        <Progress value={(writing.done / Math.max(1, writing.total)) * 100} aria-label={label} />
        <Group>
          <Button variant="default" color="red" onClick={wizard.cancel} data-testid="import-cancel">
            {t('import.run.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack mt="md">
      {count === 0 && <Text>{t('import.run.nothing')}</Text>}
      <StepButtons
        onBack={onBack}
        onNext={() => void wizard.run()}
        nextDisabled={count === 0}
        nextLabel={t('import.run.start', { count })}
      />
    </Stack>
  );
}
