import type { Locator, Page } from '@playwright/test';

/** The dashboards page (/dashboards/:board, issue 22): tabs, the filter bar, chart cards and the drill drawer. */
export class DashboardsPage {
  readonly root: Locator;
  readonly drawer: Locator;
  readonly drillRows: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('dashboards-page');
    this.drawer = page.getByTestId('drill-drawer');
    this.drillRows = page.getByTestId('drill-row');
  }

  async open(board: 'sales' | 'service' | 'customers'): Promise<void> {
    await this.page.getByTestId('nav-dashboards').click();
    await this.page.getByTestId(`dashboard-tab-${board}`).click();
  }

  /** Picks 自定义 / Custom and types the range's days ('YYYY-MM-DD'). */
  async customPeriod(label: string, start: string, end: string): Promise<void> {
    await this.page.getByTestId('dashboard-period').getByText(label, { exact: true }).click();
    await this.page.getByTestId('dashboard-end').fill(end);
    await this.page.getByTestId('dashboard-start').fill(start);
  }

  /** A chart card by its testId ('chart-rfm-segments'). */
  card(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Shows a card's table instead of its chart (the toggle's label: 表格 / Table). */
  async showTable(testId: string, label: string): Promise<void> {
    await this.page.getByTestId(`${testId}-view`).getByText(label, { exact: true }).click();
  }

  /** A formatted cell of a card's table (its raw value is in data-value). */
  cell(testId: string, row: number, column: string): Locator {
    return this.page.getByTestId(`${testId}-cell-${row}-${column}`);
  }
}
