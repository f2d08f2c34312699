import { expect, type Locator, type Page } from '@playwright/test';

/** The deal board: a column per stage, a card per deal. */
export class DealBoard {
  readonly stageGateDialog: Locator;
  readonly stageGateMissing: Locator;

  constructor(private readonly page: Page) {
    this.stageGateDialog = page.getByTestId('stage-gate-dialog');
    this.stageGateMissing = page.getByTestId('stage-gate-missing');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-deals').click();
  }

  /** Switches the deals page between the board and the table. */
  async showView(view: 'board' | 'table'): Promise<void> {
    const label = view === 'board' ? /^(看板|Board)$/ : /^(列表|Table)$/;
    await this.page.getByTestId('deals-view').getByText(label).click();
  }

  /** Opens the first card's deal page from the board. */
  async openFirstCard(): Promise<void> {
    await this.page.getByTestId('deal-card-link').first().click();
    await expect(this.page.getByTestId('deal-detail')).toBeVisible();
  }

  column(stage: string): Locator {
    return this.page.locator(`[data-testid="stage-column"][data-stage="${stage}"]`);
  }

  card(name: string, stage?: string): Locator {
    const card = `[data-testid="deal-card"][data-deal-name="${name}"]`;
    return stage ? this.column(stage).locator(card) : this.page.locator(card);
  }

  /** Drags a card onto a column (pointer drag with intermediate moves, as a person does). */
  async drag(name: string, stage: string): Promise<void> {
    await this.card(name).dragTo(this.column(stage), { steps: 10 });
  }

  /** Drags a card onto a column and waits for it there. */
  async move(name: string, stage: string): Promise<void> {
    await this.drag(name, stage);
    await expect(this.card(name, stage)).toBeVisible();
  }
}
