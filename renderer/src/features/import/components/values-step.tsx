import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserMap } from '../../../entities/members/queries';
import { fieldLabel, valueChoices } from '../import-texts';
import type { ImportWizard } from '../use-import-wizard';
import { StepButtons } from './step-buttons';

/** Step 3: list and owner cells that matched nothing, each mapped by hand to a value (or left). */
export function ValuesStep({ wizard, onBack }: { wizard: ImportWizard; onBack: () => void }) {
  const { t } = useTranslation();
  const users = useUserMap();
  const members = [...users.values()].filter((m) => m.kind === 'user');
  const fields = [...wizard.unmatched];
  return (
    <Stack mt="md">
      <Text>{fields.length > 0 ? t('import.values.intro') : t('import.values.none')}</Text>
      {fields.map(([field, values]) => {
        const choices = valueChoices(t, wizard.kind, field, members);
        return (
          <Stack key={field} gap="xs" data-testid={`import-values-${field}`}>
            <Title order={4}>{fieldLabel(t, wizard.kind, field)}</Title>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.values.cell')}</Table.Th>
                  <Table.Th>{t('import.values.choose')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {values.slice(0, 200).map((value) => (
                  <Table.Tr key={value}>
                    <Table.Td>{value}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('import.values.chooseFor', { value })}
                        placeholder={t('import.values.unmapped')}
                        data={choices}
                        value={wizard.overrides[field]?.[value] ?? null}
                        onChange={(code) => wizard.setOverride(field, value, code)}
                        searchable
                        clearable
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        );
      })}
      <StepButtons
        onBack={onBack}
        onNext={() => void wizard.confirmValues()}
        nextLoading={wizard.checking !== null}
      />
    </Stack>
  );
}
