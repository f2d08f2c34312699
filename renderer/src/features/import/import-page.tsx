import { useEffect, useRef } from 'react';
import { Alert, Box, Button, Group, Progress, Stepper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IMPORT_KINDS, type ImportKind } from '@shared/import/header-guess';
import { PageHeader } from '../../components/page-header';
import { FileStep } from './components/file-step';
import { MappingStep } from './components/mapping-step';
import { ValuesStep } from './components/values-step';
import { ReportStep } from './components/report-step';
import { DuplicatesStep } from './components/duplicates-step';
import { RunStep } from './components/run-step';
import { STEPS, useImportWizard } from './use-import-wizard';

function kindOf(value: string | null): ImportKind {
  return IMPORT_KINDS.find((k) => k === value) ?? 'accounts';
}

/**
 * The import wizard (issue 17): file and kind → column mapping → value mapping → validation report →
 * duplicate preview → import with progress and cancel → summary. `?kind=` pre-selects what a list's
 * toolbar opened it for.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const wizard = useImportWizard(kindOf(params.get('kind')));
  const active = wizard.summary ? STEPS.length : STEPS.indexOf(wizard.step);
  const go = (step: (typeof STEPS)[number]) => () => wizard.setStep(step);
  // The button that moved on is gone with its step: the keyboard goes on from the new step's top.
  const content = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    content.current?.focus();
  }, [active]);

  return (
    <>
      <PageHeader title={t('import.title')}>
        {wizard.step !== 'file' && !wizard.writing && (
          <Button variant="default" onClick={wizard.restart} data-testid="import-restart">
            {t('import.restart')}
          </Button>
        )}
      </PageHeader>
      {wizard.error && (
        <Alert color="red" mb="md" role="alert" data-testid="import-error">
          {t(wizard.error.key, wizard.error.values)}
        </Alert>
      )}
      {wizard.checking && (
        <Group mb="md" gap="sm" data-testid="import-checking">
          <Text size="sm" aria-live="polite">
            {t('import.checking', { ...wizard.checking })}
          </Text>
          {/* The worker checks the rows in one request: a running bar, not a fraction. */}
          <Progress
            flex={1}
            value={100}
            striped
            animated
            aria-label={t('import.checking', { ...wizard.checking })}
          />
        </Group>
      )}
      <Box ref={content} tabIndex={-1} style={{ outline: 'none' }}>
        <Stepper
          active={active}
          size="sm"
          allowNextStepsSelect={false}
          data-testid="import-stepper"
        >
          <Stepper.Step label={t('import.steps.file')}>
            <FileStep wizard={wizard} onNext={go('mapping')} />
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.mapping')}>
            <MappingStep wizard={wizard} onBack={go('file')} />
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.values')}>
            <ValuesStep wizard={wizard} onBack={go('mapping')} />
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.report')}>
            <ReportStep wizard={wizard} onBack={go('values')} onNext={go('duplicates')} />
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.duplicates')}>
            <DuplicatesStep
              wizard={wizard}
              onBack={go('report')}
              onNext={() => void wizard.confirmDuplicates()}
            />
          </Stepper.Step>
          <Stepper.Step label={t('import.steps.run')}>
            <RunStep wizard={wizard} onBack={go('duplicates')} />
          </Stepper.Step>
          <Stepper.Completed>
            <RunStep wizard={wizard} onBack={go('duplicates')} />
          </Stepper.Completed>
        </Stepper>
      </Box>
    </>
  );
}
