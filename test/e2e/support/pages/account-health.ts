import type { Locator, Page } from '@playwright/test';

export type HealthPartKind =
  'recency' | 'openTickets' | 'breachedTickets' | 'csat' | 'nps' | 'overduePayments' | 'renewal';

/** The account page's Health card (issue 21): the score, its band, the churn tag and each part with why. */
export class HealthCard {
  readonly root: Locator;
  readonly score: Locator;
  readonly band: Locator;
  readonly churnBadge: Locator;
  readonly previous: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('health-card');
    this.score = this.root.getByTestId('health-score');
    this.band = this.root.getByTestId('health-band');
    this.churnBadge = this.root.getByTestId('health-churn-badge');
    this.previous = this.root.getByTestId('health-previous');
  }

  /** A part's row: its name and its reason. */
  part(kind: HealthPartKind): Locator {
    return this.root.getByTestId(`health-part-${kind}`);
  }

  /** What a part takes off ("−10", or "0"). */
  points(kind: HealthPartKind): Locator {
    return this.root.getByTestId(`health-points-${kind}`);
  }

  churnReason(reason: 'low' | 'drop'): Locator {
    return this.root.getByTestId(`health-churn-${reason}`);
  }
}

/** The renewals view (/renewals): the window control and one row per contract ending in it. */
export class RenewalsPage {
  readonly root: Locator;
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('renewals-page');
    this.rows = page.getByTestId('renewal-row');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-renewals').click();
  }

  /** Picks a window by its label ("30 天内", "Next 60 days"). */
  async showWithin(label: string): Promise<void> {
    await this.page.getByTestId('renewals-window').getByText(label, { exact: true }).click();
  }

  row(contractTitle: string): Locator {
    return this.rows.filter({ hasText: contractTitle });
  }

  createDealButton(row: Locator): Locator {
    return row.getByTestId('renewal-create-deal');
  }

  dealLink(row: Locator): Locator {
    return row.getByTestId('renewal-deal-link');
  }
}
