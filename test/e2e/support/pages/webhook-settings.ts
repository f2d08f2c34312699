import { expect, type Locator, type Page } from '@playwright/test';

/** Team page → Webhooks (admins): add a receiver, read its secret once, pause, resume, delete, the log. */
export class WebhookSettings {
  readonly card: Locator;
  readonly rows: Locator;
  readonly secret: Locator;
  readonly secretValue: Locator;

  constructor(private readonly page: Page) {
    this.card = page.getByTestId('team-webhooks');
    this.rows = this.card.getByTestId('webhook-row');
    this.secret = this.card.getByTestId('webhook-secret');
    this.secretValue = this.card.getByTestId('webhook-secret-value');
  }

  /** Closes the one-time secret (it cannot be shown again). */
  async closeSecret(): Promise<void> {
    await this.secret.getByRole('button', { name: /关闭|close/i }).click();
  }

  row(url: string): Locator {
    return this.rows.filter({ hasText: url });
  }

  /** Adds a hook for the URL with the default events (all). */
  async add(url: string): Promise<void> {
    await this.card.getByTestId('webhook-url').fill(url);
    await this.card.getByTestId('webhook-create').click();
  }

  async toggle(url: string): Promise<void> {
    await this.row(url).getByTestId('webhook-toggle').click();
  }

  state(url: string): Locator {
    return this.row(url).getByTestId('webhook-state');
  }

  async showLog(url: string): Promise<void> {
    await this.row(url).getByTestId('webhook-log-toggle').click();
  }

  async delete(url: string): Promise<void> {
    await this.row(url).getByTestId('webhook-delete').click();
    await this.page.getByTestId('webhook-delete-confirm').click();
    await expect(this.row(url)).toHaveCount(0);
  }
}
