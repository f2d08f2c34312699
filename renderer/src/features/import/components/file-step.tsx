import { useState, type DragEvent } from 'react';
import { Button, FileButton, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS } from '@shared/import/header-guess';
import type { ImportWizard } from '../use-import-wizard';
import { StepButtons } from './step-buttons';

const ACCEPT =
  '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1: what to import into, and the file (chosen or dropped). */
export function FileStep({ wizard, onNext }: { wizard: ImportWizard; onNext: () => void }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const kinds = IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }));
  const handleDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void wizard.chooseFile(event.dataTransfer.files[0] ?? null);
  };
  const table = wizard.file?.table;
  return (
    <Stack maw={720} mt="md">
      <Select
        label={t('import.file.kind')}
        data={kinds}
        value={wizard.kind}
        allowDeselect={false}
        onChange={(value) => value && wizard.chooseKind(value)}
        data-testid="import-kind"
      />
      <Paper
        withBorder
        p="xl"
        radius="md"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={handleDrop}
        bg={over ? 'var(--mantine-color-blue-light)' : undefined}
        data-testid="import-drop-zone"
      >
        <Group justify="center" gap="sm">
          <IconFileUpload size={28} aria-hidden />
          <Text>{t('import.file.drop')}</Text>
          <FileButton
            onChange={(file) => void wizard.chooseFile(file)}
            accept={ACCEPT}
            inputProps={{ 'aria-label': t('import.file.choose') }}
          >
            {(props) => (
              <Button {...props} loading={wizard.reading !== null} data-testid="import-choose">
                {t('import.file.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed" ta="center" mt="sm">
          {t('import.file.hint')}
        </Text>
      </Paper>
      <Text aria-live="polite" data-testid="import-file-status">
        {wizard.reading
          ? t('import.file.reading', { name: wizard.reading })
          : wizard.file && table
            ? t('import.file.read', {
                name: wizard.file.name,
                rows: table.rowCount,
                columns: table.headers.length,
                format: table.encoding ? `CSV ${table.encoding.toUpperCase()}` : 'XLSX',
              })
            : ''}
      </Text>
      <StepButtons onNext={onNext} nextDisabled={!wizard.file || wizard.reading !== null} />
    </Stack>
  );
}
