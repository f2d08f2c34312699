import { expect, type Locator, type Page } from '@playwright/test';

/** A deal's page (商机详情): its facts, line items and change history. */
export class DealPage {
  readonly amount: Locator;
  readonly hiddenAmount: Locator;
  readonly hiddenLineItems: Locator;
  readonly facts: Locator;
  readonly lineItems: Locator;
  readonly lineItemsTotal: Locator;
  /** The record history card's content (data-state: loading, ready, offline…), merges included. */
  readonly history: Locator;

  constructor(private readonly page: Page) {
    this.amount = page.getByTestId('deal-amount-value');
    this.hiddenAmount = page.getByTestId('deal-amount-hidden');
    this.hiddenLineItems = page.getByTestId('deal-line-items-hidden');
    this.facts = page.getByTestId('deal-detail');
    this.lineItems = page.getByTestId('deal-line-items');
    this.lineItemsTotal = page.getByTestId('deal-line-items-total');
    this.history = page.getByTestId('deal-history').getByTestId('record-history');
  }

  /** Opens the deal form, types a new amount and saves. */
  async editAmount(amount: number): Promise<void> {
    await this.page.getByTestId('edit-deal').click();
    const input = this.page.getByTestId('deal-amount');
    await input.fill(String(amount));
    await this.page.getByTestId('deal-save').click();
    await expect(input).toBeHidden();
  }

  /** Opens the deal by id (the app routes by hash). */
  async open(id: string): Promise<void> {
    await this.page.evaluate((dealId) => {
      window.location.hash = `#/deals/${dealId}`;
    }, id);
  }

  /** History lines about `field` of one kind (create, change, merge), newest first. */
  historyLines(field: string, kind: 'create' | 'change' | 'merge'): Locator {
    return this.history.locator(
      `[data-testid="history-entry"][data-field="${field}"][data-kind="${kind}"]`,
    );
  }

  /** Removes the line item at `index` in the deal form and saves. */
  async removeLineItem(index: number): Promise<void> {
    await this.page.getByTestId('edit-deal').click();
    await this.page
      .getByTestId('line-item-row')
      .nth(index)
      .getByRole('button', { name: /删除此行|Remove this line/ })
      .click();
    await this.page.getByTestId('deal-save').click();
  }

  /** Edits fields of the deal form by their test id (`deal-competitor`…) and saves. */
  async edit(fields: Record<string, string>): Promise<void> {
    await this.page.getByTestId('edit-deal').click();
    for (const [testId, value] of Object.entries(fields))
      await this.page.getByTestId(testId).fill(value);
    await this.page.getByTestId('deal-save').click();
  }
}
