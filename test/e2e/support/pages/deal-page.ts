import { expect, type Locator, type Page } from '@playwright/test';

/** A deal's page (商机详情): its facts and line items. */
export class DealPage {
  readonly amount: Locator;
  readonly hiddenAmount: Locator;
  readonly hiddenLineItems: Locator;
  /** The record's history card (who changed what, merges included). */
  readonly history: Locator;

  constructor(private readonly page: Page) {
    this.amount = page.getByTestId('deal-amount-value');
    this.hiddenAmount = page.getByTestId('deal-amount-hidden');
    this.hiddenLineItems = page.getByTestId('deal-line-items-hidden');
    this.history = page.getByTestId('deal-history');
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
}
