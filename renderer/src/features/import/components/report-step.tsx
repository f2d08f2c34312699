import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { rejectsCsv, type RejectsInput } from '@shared/import/rejects';
import { CSV_MIME, XLSX_MIME, saveBlob } from '../../../data/services/export/table-export';
import { rejectsXlsx } from '../../../data/services/import/rejects-xlsx';
import { logError } from '../../../platform/log';
import { describeIssue, fieldLabel, issueText } from '../import-texts';
import type { ImportWizard } from '../use-import-wizard';
import { StepButtons } from './step-buttons';

const SHOWN = 200;

function stemOf(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

/** Step 4: every problem per row (row, field, reason, cell), the counts, and the rejected rows as a file. */
export function ReportStep({
  wizard,
  onBack,
  onNext,
}: {
  wizard: ImportWizard;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const { analysis, file, kind } = wizard;
  if (!analysis || !file) return null;
  const { issues, validCount, rejectedRows } = analysis;

  const handleDownload = async (format: 'csv' | 'xlsx') => {
    const name = `${stemOf(file.name)}-${t('import.report.rejectsFile')}.${format}`;
    try {
      const input: RejectsInput = {
        headers: file.table.headers,
        rows: await wizard.rejectedCells(),
        issues,
        reasonHeader: t('import.reasonColumn'),
        describe: (issue) => describeIssue(t, kind, issue),
      };
      if (format === 'csv') saveBlob(new Blob([rejectsCsv(input)], { type: CSV_MIME }), name);
      else saveBlob(new Blob([rejectsXlsx(input)], { type: XLSX_MIME }), name);
    } catch (e) {
      logError('rejects not written', e);
    }
  };
  const csvFirst = file.table.format === 'csv';
  const downloads = [
    <Button
      key="csv"
      variant={csvFirst ? 'filled' : 'default'}
      leftSection={<IconFileTypeCsv size={16} />}
      onClick={() => void handleDownload('csv')}
      data-testid="import-rejects-csv"
    >
      {t('import.report.downloadCsv')}
    </Button>,
    <Button
      key="xlsx"
      variant={csvFirst ? 'default' : 'filled'}
      leftSection={<IconFileSpreadsheet size={16} />}
      onClick={() => void handleDownload('xlsx')}
      data-testid="import-rejects-xlsx"
    >
      {t('import.report.downloadXlsx')}
    </Button>,
  ];

  return (
    <Stack mt="md">
      <Text fw={500} data-testid="import-counts">
        {t('import.report.counts', { valid: validCount, rejected: rejectedRows.length })}
      </Text>
      {issues.length === 0 ? (
        <Alert color="green">{t('import.report.allValid')}</Alert>
      ) : (
        <>
          <Text size="sm">{t('import.report.keepGood')}</Text>
          <Group gap="xs">{csvFirst ? downloads : downloads.reverse()}</Group>
          <Table striped withTableBorder data-testid="import-issues">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.report.row')}</Table.Th>
                <Table.Th>{t('import.report.field')}</Table.Th>
                <Table.Th>{t('import.report.reason')}</Table.Th>
                <Table.Th>{t('import.report.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {issues.slice(0, SHOWN).map((issue, i) => (
                <Table.Tr key={i} data-testid="import-issue">
                  <Table.Td>{issue.row}</Table.Td>
                  <Table.Td>{fieldLabel(t, kind, issue.field)}</Table.Td>
                  <Table.Td>{issueText(t, issue)}</Table.Td>
                  <Table.Td>{String(issue.params?.value ?? '')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {issues.length > SHOWN && (
            <Text size="sm" c="dimmed">
              {t('import.report.more', { shown: SHOWN, total: issues.length })}
            </Text>
          )}
        </>
      )}
      <StepButtons onBack={onBack} onNext={onNext} />
    </Stack>
  );
}
