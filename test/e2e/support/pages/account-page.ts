import { expect, type Locator, type Page } from '@playwright/test';
import type { ContactData } from '../factories';
import { dialogWith, pickOption } from './controls';

export type AccountTab = 'contacts' | 'deals' | 'tickets' | 'contracts' | 'plan' | 'history';

export type ActivityType = 'call' | 'visit' | 'meeting' | 'email' | 'note' | 'task';

/** An account's 360° page: its fields, contacts, deals, timeline and plan. */
export class AccountPage {
  readonly title: Locator;
  readonly contactRows: Locator;
  readonly deals: Locator;
  readonly timeline: Locator;
  /** The 只读 / Read-only marker of a record the person may not change (page and form alike). */
  readonly readOnlyMarker: Locator;
  /** The decision chain's cells that show a badge (decision role, decision power). */
  readonly contactBadgeCells: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByTestId('account-title');
    this.contactRows = page.getByTestId('account-contact-row');
    this.deals = page.getByTestId('account-deals');
    this.timeline = page.getByTestId('account-timeline');
    this.readOnlyMarker = page.getByTestId('read-only-marker');
    this.contactBadgeCells = this.contactRows
      .getByRole('cell')
      .filter({ has: page.locator('.mantine-Badge-root') });
  }

  /** Opens a read-only account's form (the page offers 查看 / View instead of edit) and returns its dialog. */
  async openReadOnlyForm(): Promise<Locator> {
    await this.page.getByTestId('view-account').click();
    const form = dialogWith(this.page, 'account-fields');
    await expect(form).toBeVisible();
    return form;
  }

  async openTab(tab: AccountTab): Promise<void> {
    await this.page.getByTestId(`tab-${tab}`).click();
  }

  /** Edits fields by their form label (zh-CN|en pattern) and saves. */
  async edit(fields: { label: RegExp; value: string }[]): Promise<void> {
    await this.page.getByTestId('edit-account').click();
    for (const field of fields) await this.page.getByLabel(field.label).fill(field.value);
    await this.page.getByTestId('account-save').click();
  }

  /** The contact form's dialog (for its field messages). */
  get contactForm(): Locator {
    return dialogWith(this.page, 'contact-name');
  }

  /** Opens the contact form, fills it and saves, without waiting for the result. */
  async submitContact(contact: Partial<ContactData>): Promise<void> {
    await this.page.getByTestId('add-contact').click();
    if (contact.name !== undefined) await this.page.getByTestId('contact-name').fill(contact.name);
    if (contact.title !== undefined)
      await this.page.getByTestId('contact-title').fill(contact.title);
    if (contact.mobile !== undefined)
      await this.page.getByTestId('contact-mobile').fill(contact.mobile);
    if (contact.role)
      await pickOption(this.page, this.page.getByTestId('contact-role'), contact.role);
    await this.page.getByTestId('contact-save').click();
  }

  /** Adds a contact with a decision-chain role and waits for it in the list. */
  async addContact(contact: ContactData): Promise<void> {
    await this.openTab('contacts');
    await this.submitContact(contact);
    await expect(this.page.getByTestId('account-contacts').getByText(contact.name)).toBeVisible();
  }

  /** Creates a deal for the account with a contact, amount and close date. */
  async addDeal(deal: {
    name: string;
    contactName: string;
    amount: number;
    closeDate: string;
  }): Promise<void> {
    const { page } = this;
    await this.openTab('deals');
    await page.getByTestId('add-deal').click();
    await page.getByTestId('deal-name').fill(deal.name);
    await pickOption(page, page.getByTestId('deal-contact'), deal.contactName);
    await page.getByTestId('deal-amount').fill(String(deal.amount));
    await page.getByTestId('deal-close-date').fill(deal.closeDate);
    await page.getByTestId('deal-name').click();
    await page.getByTestId('deal-save').click();
    await expect(this.deals.getByText(deal.name)).toBeVisible();
  }

  /** Logs an activity of a type from the record's "log activity" menu (two clicks), then saves. */
  async logActivity(type: ActivityType, subject: string): Promise<void> {
    const { page } = this;
    await page.getByTestId('log-activity').click();
    await page.getByTestId(`log-activity-${type}`).click();
    await page.getByTestId('activity-subject').fill(subject);
    await page.getByTestId('activity-save').click();
    await expect(page.getByTestId('activity-form')).toHaveCount(0);
  }
}
