import { expect, type Locator, type Page } from '@playwright/test';
import type { AccountData, ContactData } from './factories';

/** The sync server Playwright starts (playwright.config.ts). */
export const SYNC_URL = `http://127.0.0.1:${process.env.SYNC_PORT ?? 8797}`;

/**
 * Page model of the CRM's web build: journeys speak in user actions (create an account, move a deal),
 * and the selectors live here once.
 */
export class CrmApp {
  constructor(readonly page: Page) {}

  /** First run: choose "work locally" (optionally in English) and wait for the shell. */
  async startLocalWorkspace(
    options: { language?: 'zh-CN' | 'en'; userName?: string } = {},
  ): Promise<void> {
    await this.page.goto('/');
    if (options.language === 'en')
      await this.page.getByTestId('language-switch').getByText('EN').click();
    await this.page.getByTestId('first-run-name').fill(options.userName ?? 'Lin');
    await this.page.getByTestId('start-local').click();
    await expect(this.page.getByTestId('nav-accounts')).toBeVisible();
  }

  /** First run: connect to the team server (create a workspace, sign in or join). */
  async connectTeam(options: {
    mode: 'create' | 'signIn' | 'join';
    email: string;
    password: string;
    name?: string;
    workspaceName?: string;
    inviteCode?: string;
    language?: 'zh-CN' | 'en';
  }): Promise<void> {
    await this.page.goto('/');
    if (options.language === 'en')
      await this.page.getByTestId('language-switch').getByText('EN').click();
    const labels = {
      create: /创建团队工作区|Create team workspace/,
      signIn: /^(登录|Sign in)$/,
      join: /用邀请码加入|Join with invite/,
    };
    await this.page.getByTestId('connect-mode').getByText(labels[options.mode]).click();
    await this.page.getByTestId('connect-server').fill(SYNC_URL);
    if (options.workspaceName)
      await this.page.getByTestId('connect-workspace').fill(options.workspaceName);
    if (options.inviteCode) await this.page.getByTestId('connect-invite').fill(options.inviteCode);
    if (options.name) await this.page.getByTestId('connect-name').fill(options.name);
    await this.page.getByTestId('connect-email').fill(options.email);
    await this.page.getByTestId('connect-password').fill(options.password);
    await this.page.getByTestId('connect-submit').click();
    await expect(this.page.getByTestId('sync-status')).toHaveAttribute(
      'data-connection',
      'online',
      { timeout: 15_000 },
    );
  }

  async goto(
    section:
      | 'myDay'
      | 'accounts'
      | 'contacts'
      | 'leads'
      | 'deals'
      | 'contracts'
      | 'tickets'
      | 'settings'
      | 'inbox'
      | 'team',
  ): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
  }

  /** Opens a Mantine Select and picks the option with this visible label. */
  async pick(input: Locator, option: string | RegExp): Promise<void> {
    await input.click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  modal(testId: string): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByTestId(testId) });
  }

  async fillAccountForm(account: AccountData): Promise<void> {
    await this.page.getByTestId('account-name').fill(account.name);
    await this.page.getByTestId('account-credit-code').fill(account.creditCode);
  }

  /** Creates an account from the list page and lands on its 360° page. */
  async createAccount(account: AccountData): Promise<void> {
    await this.goto('accounts');
    await this.page.getByTestId('new-account').click();
    await this.fillAccountForm(account);
    await this.page.getByTestId('account-save').click();
    await expect(this.page.getByTestId('account-title')).toHaveText(account.name);
  }

  /** On an account page: adds a contact with a decision-chain role. */
  async addContact(contact: ContactData): Promise<void> {
    await this.page.getByTestId('tab-contacts').click();
    await this.page.getByTestId('add-contact').click();
    await this.page.getByTestId('contact-name').fill(contact.name);
    await this.page.getByTestId('contact-title').fill(contact.title);
    await this.page.getByTestId('contact-mobile').fill(contact.mobile);
    if (contact.role) await this.pick(this.page.getByTestId('contact-role'), contact.role);
    await this.page.getByTestId('contact-save').click();
    await expect(this.page.getByTestId('account-contacts').getByText(contact.name)).toBeVisible();
  }

  /** On an account page: creates a deal for the account with a contact, amount and close date. */
  async addDeal(deal: {
    name: string;
    contactName: string;
    amount: number;
    closeDate: string;
  }): Promise<void> {
    await this.page.getByTestId('tab-deals').click();
    await this.page.getByTestId('add-deal').click();
    await this.page.getByTestId('deal-name').fill(deal.name);
    await this.pick(this.page.getByTestId('deal-contact'), deal.contactName);
    await this.page.getByTestId('deal-amount').fill(String(deal.amount));
    await this.page.getByTestId('deal-close-date').fill(deal.closeDate);
    await this.page.getByTestId('deal-name').click();
    await this.page.getByTestId('deal-save').click();
    await expect(this.page.getByTestId('account-deals').getByText(deal.name)).toBeVisible();
  }

  /** Logs an activity of a type from the record's "log activity" menu (two clicks), then saves. */
  async logActivity(
    type: 'call' | 'visit' | 'meeting' | 'email' | 'note' | 'task',
    subject: string,
  ): Promise<void> {
    await this.page.getByTestId('log-activity').click();
    await this.page.getByTestId(`log-activity-${type}`).click();
    await this.page.getByTestId('activity-subject').fill(subject);
    await this.page.getByTestId('activity-save').click();
    await expect(this.page.getByTestId('activity-form')).toHaveCount(0);
  }

  dealCard(name: string, stage?: string): Locator {
    const card = `[data-testid="deal-card"][data-deal-name="${name}"]`;
    return stage ? this.stageColumn(stage).locator(card) : this.page.locator(card);
  }

  stageColumn(stage: string): Locator {
    return this.page.locator(`[data-testid="stage-column"][data-stage="${stage}"]`);
  }

  /** Drags a deal card onto a stage column (pointer drag with intermediate moves, as a person does). */
  async dragDealTo(name: string, stage: string): Promise<void> {
    await this.dealCard(name).dragTo(this.stageColumn(stage), { steps: 10 });
    await expect(this.dealCard(name, stage)).toBeVisible();
  }
}
