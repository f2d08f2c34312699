import { expect, type Locator, type Page } from '@playwright/test';

export type ForecastColumn =
  'target' | 'won' | 'commit' | 'bestCase' | 'weighted' | 'gap' | 'attainment';

/** 销售预测 (issue 20): the forecast table (team → person → deals) and the Targets tab. */
export class ForecastPage {
  readonly period: Locator;

  constructor(private readonly page: Page) {
    this.period = page.getByTestId('forecast-period');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-forecast').click();
    await expect(this.page.getByTestId('forecast-page')).toBeVisible();
  }

  /** The rendered value of one number of a team's or person's row. */
  cell(memberId: string, column: ForecastColumn): Locator {
    return this.page.getByTestId(`forecast-${memberId}-${column}`);
  }

  /** Every number of a row, as shown, by column. */
  async row(memberId: string): Promise<Record<ForecastColumn, string>> {
    const columns: ForecastColumn[] = [
      'target',
      'won',
      'commit',
      'bestCase',
      'weighted',
      'gap',
      'attainment',
    ];
    const out = {} as Record<ForecastColumn, string>;
    for (const column of columns)
      out[column] = ((await this.cell(memberId, column).textContent()) ?? '').trim();
    return out;
  }

  /** Opens (or closes) a row's drill-down: a team's people, a person's deals. */
  async toggle(memberId: string): Promise<void> {
    await this.page.getByTestId(`forecast-toggle-${memberId}`).click();
  }

  /** The deals listed under a person once drilled down. */
  deals(memberId: string): Locator {
    return this.page
      .getByTestId(`forecast-deals-${memberId}`)
      .locator('[data-testid^="forecast-deal-"]');
  }

  async next(): Promise<void> {
    await this.page.getByTestId('forecast-next').click();
  }

  async current(): Promise<void> {
    await this.page.getByTestId('forecast-current').click();
  }

  /** Sets a member's target for the period on screen on the Targets tab (设定目标), then back to the forecast. */
  async setTarget(memberId: string, amount: number): Promise<void> {
    await this.page.getByTestId('targets-tab').click();
    const input = this.page.getByTestId(`target-amount-${memberId}`);
    await input.fill(String(amount));
    await this.page.getByTestId(`target-save-${memberId}`).click();
    await expect(this.page.getByTestId(`target-clear-${memberId}`)).toBeVisible();
    await this.page.getByTestId('forecast-tab').click();
  }
}
