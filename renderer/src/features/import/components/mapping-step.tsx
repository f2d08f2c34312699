import { Alert, Checkbox, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, missingRequired } from '@shared/import/header-guess';
import type { ImportCell } from '../../../data/services/import/parse-file';
import { fieldLabel } from '../import-texts';
import type { ImportWizard } from '../use-import-wizard';
import { StepButtons } from './step-buttons';

const SKIP = '__skip';

function sampleOf(rows: readonly (readonly ImportCell[])[], column: number): string {
  for (const row of rows.slice(0, 20)) {
    const cell = row[column];
    if (cell === null || cell === undefined || cell === '') continue;
    return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  }
  return '';
}

/** Step 2: which field each column fills (guessed or recalled), a select per column. */
export function MappingStep({ wizard, onBack }: { wizard: ImportWizard; onBack: () => void }) {
  const { t } = useTranslation();
  const { kind, file, mapping } = wizard;
  if (!file) return null;
  const options = [
    { value: SKIP, label: t('import.mapping.skip') },
    ...IMPORT_FIELDS[kind].map((f) => ({
      value: f.field,
      label: fieldLabel(t, kind, f.field) + (f.required ? ' *' : ''),
    })),
  ];
  const missing = missingRequired(kind, mapping);
  const counts = new Map<string, number>();
  for (const field of mapping) if (field) counts.set(field, (counts.get(field) ?? 0) + 1);
  const twice = [...counts].find(([, n]) => n > 1)?.[0];
  const handleChange = (column: number, value: string | null) =>
    wizard.setMapping(mapping.map((f, i) => (i === column ? (value === SKIP ? null : value) : f)));

  return (
    <Stack mt="md">
      <Text>{t('import.mapping.intro')}</Text>
      {wizard.savedMappingUsed && (
        <Alert color="blue" data-testid="import-saved-mapping">
          {t('import.mapping.saved')}
        </Alert>
      )}
      <Table striped withTableBorder data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.mapping.column')}</Table.Th>
            <Table.Th>{t('import.mapping.sample')}</Table.Th>
            <Table.Th>{t('import.mapping.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {file.table.headers.map((header, column) => (
            <Table.Tr key={column} data-testid="import-mapping-row">
              <Table.Td>{header}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {sampleOf(file.table.preview, column)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('import.mapping.fieldFor', { header })}
                  data={options}
                  value={mapping[column] ?? SKIP}
                  allowDeselect={false}
                  onChange={(value) => handleChange(column, value)}
                  searchable
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {missing.length > 0 && (
        <Text c="red" role="alert" data-testid="import-mapping-missing">
          {t('import.mapping.missing', {
            fields: missing.map((f) => fieldLabel(t, kind, f)).join('、'),
          })}
        </Text>
      )}
      {twice && (
        <Text c="red" role="alert">
          {t('import.mapping.duplicate', { field: fieldLabel(t, kind, twice) })}
        </Text>
      )}
      <Checkbox
        label={t('import.mapping.remember')}
        checked={wizard.remember}
        onChange={(e) => wizard.setRemember(e.currentTarget.checked)}
      />
      <StepButtons
        onBack={onBack}
        onNext={() => void wizard.confirmMapping()}
        nextDisabled={missing.length > 0 || twice !== undefined}
        nextLoading={wizard.checking !== null}
      />
    </Stack>
  );
}
