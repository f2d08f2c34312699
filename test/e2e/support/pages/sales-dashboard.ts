import { expect, type Locator, type Page } from '@playwright/test';

/** The sales dashboard (issue 22): headline stats, each chart's table, drill-down and export. */
export class SalesDashboardPage {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('dashboard-sales');
  }

  /** Opens /dashboards/sales for a period (the app routes by hash) and waits for the numbers. */
  async open(period: 'month' | 'quarter' | 'year'): Promise<void> {
    await this.page.evaluate((kind) => {
      window.location.hash = `#/dashboards/sales?period=${kind}`;
    }, period);
    await expect(this.root).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  }

  /** A headline number (`sales-stat-<name>`), as shown. */
  stat(name: string): Locator {
    return this.page.getByTestId(`sales-stat-${name}`);
  }

  /** Shows a chart card's table instead of the chart. */
  async showTable(chart: string): Promise<void> {
    const card = this.page.getByTestId(chart);
    await card
      .getByTestId(`${chart}-view`)
      .getByText(/^(表格|Table)$/)
      .click();
    await expect(card.getByTestId(`${chart}-table`)).toBeVisible();
  }

  /** One cell of a chart's table (formatted text; the raw value in data-value). */
  cell(chart: string, row: number, column: string): Locator {
    return this.page.getByTestId(`${chart}-cell-${row}-${column}`);
  }

  /** A column of a chart's table, top to bottom, as shown. */
  async column(chart: string, column: string): Promise<string[]> {
    const cells = this.page.locator(`[data-testid^="${chart}-cell-"][data-testid$="-${column}"]`);
    return (await cells.allTextContents()).map((text) => text.trim());
  }

  /** Exports a chart's table and returns the downloaded file's path. */
  async export(chart: string, format: 'csv' | 'xlsx'): Promise<string> {
    const card = this.page.getByTestId(chart);
    await card.getByTestId(`${chart}-export`).click();
    const downloaded = this.page.waitForEvent('download');
    await this.page.getByTestId(`export-${format}`).click();
    const path = await (await downloaded).path();
    return path;
  }
}
