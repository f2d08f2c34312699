import type { Locator, Page } from '@playwright/test';

/** A deal's page (商机详情): its facts and line items. */
export class DealPage {
  readonly amount: Locator;
  readonly hiddenAmount: Locator;
  readonly hiddenLineItems: Locator;

  constructor(private readonly page: Page) {
    this.amount = page.getByTestId('deal-amount-value');
    this.hiddenAmount = page.getByTestId('deal-amount-hidden');
    this.hiddenLineItems = page.getByTestId('deal-line-items-hidden');
  }

  /** Opens the deal by id (the app routes by hash). */
  async open(id: string): Promise<void> {
    await this.page.evaluate((dealId) => {
      window.location.hash = `#/deals/${dealId}`;
    }, id);
  }
}
