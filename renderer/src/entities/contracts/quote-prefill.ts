import type { TFunction } from 'i18next';
import type { Deal } from '@shared/domain';
import type { Quote } from '@shared/domain/quote';
import { formatMoney } from '../../components/format';
import type { ContractPrefill } from './components/contract-form-modal';

/**
 * TODO-merge: replace with the quotes helper's shared rule (shared/rules/quote-math.ts, grand total in fen) once
 * merged; this is the one place the contract prefill computes a quote's total. Lines: quantity × unit price less the
 * line discount, each rounded to the fen; then the overall discount, then tax, each rounded to the fen.
 */
export function quoteGrandTotalFen(
  quote: Pick<Quote, 'lines' | 'discountPercent' | 'taxRatePercent'>,
): number {
  let net = 0;
  for (const line of quote.lines)
    net += Math.round(line.quantity * line.unitPriceFen * (1 - line.discountPercent / 100));
  const discounted = Math.round(net * (1 - quote.discountPercent / 100));
  return discounted + Math.round(discounted * (quote.taxRatePercent / 100));
}

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
  const totalFen = quoteGrandTotalFen(quote);
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
