import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote } from '@shared/domain';
import { quoteTotals } from '@shared/rules/quote-math';
import { formatFen } from './quote-format';

/** A version's totals (shared/rules/quote-math.ts quoteTotals), as on the printed quote. */
export function QuoteTotalsTable({
  quote,
}: {
  quote: Pick<Quote, 'lines' | 'discountPercent' | 'taxRatePercent'>;
}) {
  const { t, i18n } = useTranslation();
  const totals = quoteTotals(quote);
  const money = (fen: number) => formatFen(fen, i18n.language);
  const rows: [string, string, string][] = [
    ['subtotal', t('quotes.totals.subtotal'), money(totals.subtotalFen)],
    [
      'discount',
      `${t('quotes.totals.discount')} (${quote.discountPercent} %)`,
      `− ${money(totals.discountFen)}`,
    ],
    ['net', t('quotes.totals.net'), money(totals.netFen)],
    ['tax', `${t('quotes.totals.tax')} (${quote.taxRatePercent} %)`, money(totals.taxFen)],
    ['grand-total', t('quotes.totals.grandTotal'), money(totals.grandTotalFen)],
  ];
  return (
    <Table w="auto" ml="auto" data-testid="quote-totals">
      <Table.Tbody>
        {rows.map(([key, label, value]) => (
          <Table.Tr key={key}>
            <Table.Td>{label}</Table.Td>
            <Table.Td
              ta="right"
              fw={key === 'grand-total' ? 700 : undefined}
              data-testid={`quote-total-${key}`}
            >
              {value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
