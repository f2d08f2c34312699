import type { TFunction } from 'i18next';
import type { Deal } from '@shared/domain';
import type { Quote } from '@shared/domain/quote';
import { quoteTotals } from '@shared/rules/quote-math';
import { formatMoney } from '../../components/format';
import type { ContractPrefill } from './components/contract-form-modal';

/** Quote versions a contract may be made from: accepted, or sent and waiting for the customer's answer. */
export function mayMakeContractFrom(quote: Pick<Quote, 'status'>): boolean {
  return quote.status === 'accepted' || quote.status === 'sent';
}

/** A new contract's values from a deal's quote version: account, deal, quote, amount (yuan), title, lines in notes. */
export function contractPrefillFromQuote(
  deal: Pick<Deal, 'id' | 'accountId' | 'name'>,
  quote: Quote,
  t: TFunction,
  language: string,
): ContractPrefill {
  const totalFen = quoteTotals(quote).grandTotalFen;
  const money = (fen: number) => formatMoney(fen / 100, language);
  const lines = quote.lines.map((line) =>
    t('contractFromQuote.line', {
      product: line.product,
      quantity: line.quantity,
      unit: line.unit,
      price: money(line.unitPriceFen),
      discount: line.discountPercent,
    }),
  );
  const notes = [
    t('contractFromQuote.notesHeading', { version: quote.version }),
    ...lines.map((line) => `- ${line}`),
    t('contractFromQuote.total', { total: money(totalFen) }),
  ]
    .join('\n')
    .slice(0, 5000);
  return {
    accountId: deal.accountId,
    dealId: deal.id,
    quoteId: quote.id,
    title: t('contractFromQuote.title', { deal: deal.name, version: quote.version }).slice(0, 200),
    amount: totalFen / 100,
    notes,
  };
}
