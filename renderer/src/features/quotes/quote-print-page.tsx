import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { quoteLineTotalFen } from '@shared/rules/quote-math';
import { useWorkspace } from '../../hooks/use-workspace';
import { useDealQuery } from '../../entities/deals/queries';
import { useAccountQuery } from '../../entities/accounts/queries';
import { getBridge } from '../../platform/bridge';
import { formatFen } from '../../entities/quotes/components/quote-format';
import { QuoteTotalsTable } from '../../entities/quotes/components/quote-totals';

/**
 * A quote version as the customer receives it, in the current language, with the company's (workspace's) and the
 * customer's names. "Print / PDF" uses the desktop app's PDF export, the browser's print dialog on the web build
 * (platform/bridge.ts); the app chrome and the buttons are not printed (platform/print.css).
 */
export function QuotePrintPage() {
  const { id = '', quoteId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { session } = useWorkspace();
  const deal = useDealQuery(id);
  const account = useAccountQuery(deal.data?.accountId ?? '');
  if (deal.isLoading) return null;
  const quote = deal.data?.quotes.find((q) => q.id === quoteId);
  if (!deal.data || !quote) {
    return (
      <Alert
        color="gray"
        title={t('quotes.printView.notFound')}
        data-testid="quote-print-not-found"
      >
        <Anchor component={Link} to={`/deals/${id}`}>
          {t('quotes.printView.back')}
        </Anchor>
      </Alert>
    );
  }
  const money = (fen: number) => formatFen(fen, i18n.language);
  const handlePrint = () => {
    void getBridge().exportPdf({
      suggestedName: `${deal.data?.name ?? 'quote'}-V${quote.version}`.replace(
        /[\\/:*?"<>|]/g,
        '_',
      ),
    });
  };
  return (
    <Stack maw={960} data-testid="quote-print-view">
      <Group justify="space-between" data-print="hide">
        <Button
          variant="subtle"
          component={Link}
          to={`/deals/${id}`}
          leftSection={<IconArrowLeft size={16} />}
        >
          {t('quotes.printView.back')}
        </Button>
        <Button
          leftSection={<IconPrinter size={16} />}
          onClick={handlePrint}
          data-testid="quote-print-button"
        >
          {t('quotes.print')}
        </Button>
      </Group>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{t('quotes.printView.heading')}</Title>
          <Text size="sm">
            {t('quotes.printView.company')}:{' '}
            <b data-testid="quote-print-company">{session.workspaceName}</b>
          </Text>
          <Text size="sm">
            {t('quotes.printView.customer')}:{' '}
            <b data-testid="quote-print-customer">{account.data?.name ?? ''}</b>
          </Text>
          <Text size="sm">
            {t('quotes.printView.deal')}: {deal.data.name}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <Text size="sm" data-testid="quote-print-version">
            {t('quotes.printView.version')}: V{quote.version}
          </Text>
          <Text size="sm">
            {t('quotes.printView.date')}:{' '}
            {new Date(quote.sentAt || quote.createdAt).toISOString().slice(0, 10)}
          </Text>
          {quote.validUntil && (
            <Text size="sm">
              {t('quotes.printView.validUntil')}: {quote.validUntil}
            </Text>
          )}
        </Stack>
      </Group>
      <Table withTableBorder data-testid="quote-print-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('quotes.printView.line')}</Table.Th>
            <Table.Th>{t('quotes.editor.product')}</Table.Th>
            <Table.Th>{t('quotes.editor.quantity')}</Table.Th>
            <Table.Th>{t('quotes.editor.unit')}</Table.Th>
            <Table.Th ta="right">{t('quotes.editor.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('quotes.editor.lineDiscount')}</Table.Th>
            <Table.Th ta="right">{t('quotes.editor.lineTotal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quote.lines.map((line, i) => (
            <Table.Tr key={line.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{line.product}</Table.Td>
              <Table.Td>{line.quantity}</Table.Td>
              <Table.Td>{line.unit}</Table.Td>
              <Table.Td ta="right">{money(line.unitPriceFen)}</Table.Td>
              <Table.Td ta="right">
                {line.discountPercent ? `${line.discountPercent} %` : ''}
              </Table.Td>
              <Table.Td ta="right">{money(quoteLineTotalFen(line))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <QuoteTotalsTable quote={quote} />
      {quote.note && <Text size="sm">{quote.note}</Text>}
    </Stack>
  );
}
