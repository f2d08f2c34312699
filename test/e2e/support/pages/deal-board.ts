import { expect, type Locator, type Page } from '@playwright/test';

/** The deal board: a column per stage, a card per deal; one Tab stop, arrows between cards and columns. */
export class DealBoard {
  readonly root: Locator;
  /** The board item (a card, or an empty column's list) that has focus. */
  readonly focused: Locator;
  readonly stageGateDialog: Locator;
  readonly stageGateMissing: Locator;
  /** The decision-chain contacts the stage gate offers as decision maker. */
  readonly stageGateCandidates: Locator;
  readonly stageGateUseDecisionMaker: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('deal-board');
    this.focused = this.root.locator('[data-board-item]:focus');
    this.stageGateDialog = page.getByTestId('stage-gate-dialog');
    this.stageGateMissing = page.getByTestId('stage-gate-missing');
    this.stageGateCandidates = page.getByTestId('stage-gate-candidate');
    this.stageGateUseDecisionMaker = page.getByTestId('stage-gate-use-decision-maker');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-deals').click();
  }

  /** Switches the deals page between the board and the table. */
  async showView(view: 'board' | 'table'): Promise<void> {
    const label = view === 'board' ? /^(看板|Board)$/ : /^(列表|Table)$/;
    await this.page.getByTestId('deals-view').getByText(label).click();
  }

  /** The table view's text filter (the table must be shown); waits until the table shows `expected` rows. */
  async searchTable(text: string, expected: number): Promise<void> {
    await this.page.getByTestId('deal-search').fill(text);
    await expect(this.page.getByTestId('deal-table').getByTestId('table-row')).toHaveCount(
      expected,
    );
  }

  /** Opens the first card's deal page from the board. */
  async openFirstCard(): Promise<void> {
    await this.page.getByTestId('deal-card').first().click();
    await expect(this.page.getByTestId('deal-detail')).toBeVisible();
  }

  column(stage: string): Locator {
    return this.page.locator(`[data-testid="stage-column"][data-stage="${stage}"]`);
  }

  /** A column's list of cards (its vertical scroller; focusable itself when the column is empty). */
  columnList(stage: string): Locator {
    return this.column(stage).getByTestId('stage-list');
  }

  card(name: string, stage?: string): Locator {
    const card = `[data-testid="deal-card"][data-deal-name="${name}"]`;
    return stage ? this.column(stage).locator(card) : this.page.locator(card);
  }

  /** A stage-gate candidate by the contact's name (a radio input). */
  stageGateCandidate(name: string): Locator {
    return this.page.locator(
      `input[data-testid="stage-gate-candidate"][data-contact-name="${name}"]`,
    );
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

  /**
   * With the keyboard, focus on the card: Space picks it up, one arrow press per stage of `path` (waiting until
   * the card is over that stage, as a person watching the board would), Space drops it.
   */
  async keyboardMove(
    path: string[],
    key: 'ArrowRight' | 'ArrowLeft' = 'ArrowRight',
  ): Promise<void> {
    const { keyboard } = this.page;
    await keyboard.press('Space');
    await expect(this.page.getByTestId('deal-card-overlay')).toBeVisible();
    // The card shows as over its own column once the board has measured the columns; an arrow pressed before
    // that finds no column to go to (seen on a loaded machine).
    await expect(this.root.locator('[data-testid="stage-column"][data-over]')).toHaveCount(1);
    for (const stage of path) {
      await keyboard.press(key);
      await expect(this.column(stage)).toHaveAttribute('data-over', '');
    }
    await keyboard.press('Space');
  }
}
