import { useState } from 'react';
import { Badge, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote, QuoteLine } from '@shared/domain';
import { diffQuoteVersions, type QuoteLineDiff, type QuoteTotals } from '@shared/rules/quote-math';
import { formatFen } from './quote-format';

const CHANGE_COLOR: Record<QuoteLineDiff['change'], string> = {
  added: 'green',
  removed: 'red',
  changed: 'orange',
  same: 'gray',
};

/** Two versions side by side (shared/rules/quote-math.ts diffQuoteVersions): what changed per line and in the totals. */
export function QuoteCompareModal({
  versions,
  onClose,
}: {
  /** Newest first. */
  versions: Quote[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [beforeId, setBeforeId] = useState(versions[1].id);
  const [afterId, setAfterId] = useState(versions[0].id);
  const before = versions.find((q) => q.id === beforeId) ?? versions[1];
  const after = versions.find((q) => q.id === afterId) ?? versions[0];
  const diff = diffQuoteVersions(before, after);
  const money = (fen: number) => formatFen(fen, i18n.language);
  const options = versions.map((q) => ({
    value: q.id,
    label: t('quotes.version', { version: q.version }),
  }));
  const describe = (line: QuoteLine | null) =>
    line
      ? `${line.quantity} ${line.unit} × ${money(line.unitPriceFen)}${line.discountPercent ? ` −${line.discountPercent} %` : ''}`
      : '—';
  const totalRows: [keyof QuoteTotals, string][] = [
    ['subtotalFen', t('quotes.totals.subtotal')],
    ['discountFen', t('quotes.totals.discount')],
    ['netFen', t('quotes.totals.net')],
    ['taxFen', t('quotes.totals.tax')],
    ['grandTotalFen', t('quotes.totals.grandTotal')],
  ];

  return (
    <Modal opened onClose={onClose} size="80rem" title={t('quotes.compareDialog.title')}>
      <Stack data-testid="quote-compare-dialog">
        <Group>
          <Select
            label={t('quotes.compareDialog.before')}
            data={options}
            value={beforeId}
            onChange={(v) => v && setBeforeId(v)}
            allowDeselect={false}
            data-testid="quote-compare-before"
          />
          <Select
            label={t('quotes.compareDialog.after')}
            data={options}
            value={afterId}
            onChange={(v) => v && setAfterId(v)}
            allowDeselect={false}
            data-testid="quote-compare-after"
          />
        </Group>
        <Table data-testid="quote-compare-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quotes.editor.product')}</Table.Th>
              <Table.Th />
              <Table.Th>{t('quotes.version', { version: before.version })}</Table.Th>
              <Table.Th>{t('quotes.version', { version: after.version })}</Table.Th>
              <Table.Th>{t('quotes.compareDialog.fields')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {diff.lines.map((line) => (
              <Table.Tr key={line.id} data-testid="quote-compare-line" data-change={line.change}>
                <Table.Td>{(line.after ?? line.before)?.product}</Table.Td>
                <Table.Td>
                  <Badge color={CHANGE_COLOR[line.change]} variant="light">
                    {t(`quotes.compareDialog.change.${line.change}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{describe(line.before)}</Text>
                  <Text size="xs" c="dimmed">
                    {line.before ? money(line.totalBeforeFen) : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{describe(line.after)}</Text>
                  <Text size="xs" c="dimmed">
                    {line.after ? money(line.totalAfterFen) : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {line.fields
                    .map((f) => t(`quotes.compareDialog.field.${f}`))
                    .join(i18n.language === 'en' ? ', ' : '、')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" data-testid="quote-compare-terms">
          {diff.fields.length > 0
            ? `${t('quotes.compareDialog.quoteFields')}: ${diff.fields.map((f) => `${t(`quotes.compareDialog.field.${f}`)} ${String(before[f])} → ${String(after[f])}`).join(' · ')}`
            : t('quotes.compareDialog.noQuoteFields')}
        </Text>
        <Table w="auto" data-testid="quote-compare-totals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('quotes.version', { version: before.version })}</Table.Th>
              <Table.Th>{t('quotes.version', { version: after.version })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totalRows.map(([key, label]) => (
              <Table.Tr key={key} data-testid={`quote-compare-total-${key}`}>
                <Table.Td>{label}</Table.Td>
                <Table.Td ta="right">{money(diff.totalsBefore[key])}</Table.Td>
                <Table.Td
                  ta="right"
                  fw={diff.totalsBefore[key] !== diff.totalsAfter[key] ? 700 : undefined}
                >
                  {money(diff.totalsAfter[key])}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Modal>
  );
}
