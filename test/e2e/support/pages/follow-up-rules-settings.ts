import type { Locator, Page } from '@playwright/test';

/** Settings → follow-up rules (跟进提醒规则): the thresholds of reminders and escalations. */
export class FollowUpRulesSettings {
  readonly card: Locator;
  readonly saved: Locator;
  readonly invalid: Locator;

  constructor(private readonly page: Page) {
    this.card = page.getByTestId('follow-up-rules-card');
    this.saved = page.getByTestId('follow-up-saved');
    this.invalid = page.getByTestId('follow-up-invalid');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
  }

  field(testId: string): Locator {
    return this.card.getByTestId(testId);
  }

  async save(): Promise<void> {
    await this.card.getByTestId('follow-up-save').click();
  }
}
