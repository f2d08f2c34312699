import { expect, type Locator, type Page } from '@playwright/test';
import type { AccountFields } from '../factories';
import { dialogWith } from './controls';
import { RecordGrid } from './record-grid';

/** The accounts list and the new-account form it opens. */
export class AccountsList {
  readonly table: Locator;
  readonly count: Locator;
  readonly duplicateWarning: Locator;
  /** The list as a keyboard-operable grid. */
  readonly grid: RecordGrid;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId('accounts-table');
    this.grid = new RecordGrid(page, 'accounts-table');
    this.count = page.getByTestId('account-count');
    this.duplicateWarning = page.getByTestId('duplicate-warning');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-accounts').click();
  }

  row(name: string): Locator {
    return this.table.getByText(name);
  }

  /** Opens an account from the list and waits for its page. */
  async openAccount(name: string): Promise<void> {
    await this.open();
    await this.row(name).click();
    await expect(this.page.getByTestId('account-title')).toHaveText(name);
  }

  /** Opens the new-account form (the list must be on screen). */
  async startNewAccount(): Promise<void> {
    await this.page.getByTestId('new-account').click();
  }

  /** The account form's dialog (for its field messages). */
  get form(): Locator {
    return dialogWith(this.page, 'account-name');
  }

  /** The form dialog's close button, by its accessible name in the UI language. */
  formCloseButton(name: string): Locator {
    return this.form.getByRole('button', { name });
  }

  /** Types in the list's text filter and waits until the grid counts `expected` rows. */
  async filterText(text: string, expected: number): Promise<void> {
    await this.page.getByTestId('account-filter-text').fill(text);
    await expect(this.grid.grid).toHaveAttribute('aria-rowcount', String(expected + 1));
  }

  /** The sort select's input. */
  get sortSelect(): Locator {
    return this.page.getByRole('combobox', { name: /^(排序|Sort)$/ });
  }

  /** The new-account button (the dialog's trigger). */
  get newAccountButton(): Locator {
    return this.page.getByTestId('new-account');
  }

  async fillForm(account: Pick<AccountFields, 'name' | 'creditCode'>): Promise<void> {
    await this.page.getByTestId('account-name').fill(account.name);
    await this.page.getByTestId('account-credit-code').fill(account.creditCode);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('account-save').click();
  }

  /** Creates an account from the list and lands on its 360° page. */
  async create(account: Pick<AccountFields, 'name' | 'creditCode'>): Promise<void> {
    await this.open();
    await this.startNewAccount();
    await this.fillForm(account);
    await this.save();
    await expect(this.page.getByTestId('account-title')).toHaveText(account.name);
  }
}
