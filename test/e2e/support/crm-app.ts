import { expect, type Locator, type Page } from '@playwright/test';
import type { AccountFields } from './factories';
import { AccountPage } from './pages/account-page';
import { AccountsList } from './pages/accounts-list';
import { DealBoard } from './pages/deal-board';
import { DealPage } from './pages/deal-page';
import { FieldPolicySettings } from './pages/field-policy-settings';
import { FollowUpRulesSettings } from './pages/follow-up-rules-settings';
import { FirstRunPage, type Language, type TeamConnection } from './pages/first-run';
import { Inbox } from './pages/inbox';
import { PlanEditor } from './pages/plan-editor';
import { GlobalSearch } from './pages/search';
import { SignOutDialog } from './pages/sign-out';
import { PendingChanges } from './pages/pending-changes';
import { SyncStatus } from './pages/sync-status';
import { Shell } from './pages/shell';
import { SampleData } from './pages/sample-data';
import { ShortcutHelp } from './pages/shortcut-help';
import { WebhookSettings } from './pages/webhook-settings';

export type Section =
  | 'myDay'
  | 'accounts'
  | 'contacts'
  | 'leads'
  | 'deals'
  | 'contracts'
  | 'tickets'
  | 'settings'
  | 'inbox'
  | 'pending'
  | 'team';

/**
 * The CRM's web build as journeys see it: one page object per screen they share (support/pages/), so
 * journeys speak in user actions and each selector lives in one place.
 */
export class CrmApp {
  readonly firstRun: FirstRunPage;
  readonly accounts: AccountsList;
  readonly account: AccountPage;
  readonly board: DealBoard;
  readonly deal: DealPage;
  readonly fieldPolicy: FieldPolicySettings;
  readonly followUpRules: FollowUpRulesSettings;
  readonly plan: PlanEditor;
  readonly search: GlobalSearch;
  readonly inbox: Inbox;
  readonly syncStatus: SyncStatus;
  readonly signOut: SignOutDialog;
  readonly pending: PendingChanges;
  readonly shell: Shell;
  readonly sampleData: SampleData;
  readonly shortcutHelp: ShortcutHelp;
  readonly webhooks: WebhookSettings;

  constructor(readonly page: Page) {
    this.firstRun = new FirstRunPage(page);
    this.accounts = new AccountsList(page);
    this.account = new AccountPage(page);
    this.board = new DealBoard(page);
    this.deal = new DealPage(page);
    this.fieldPolicy = new FieldPolicySettings(page);
    this.followUpRules = new FollowUpRulesSettings(page);
    this.plan = new PlanEditor(page);
    this.search = new GlobalSearch(page);
    this.inbox = new Inbox(page);
    this.syncStatus = new SyncStatus(page);
    this.signOut = new SignOutDialog(page);
    this.pending = new PendingChanges(page);
    this.shell = new Shell(page);
    this.sampleData = new SampleData(page);
    this.shortcutHelp = new ShortcutHelp(page);
    this.webhooks = new WebhookSettings(page);
  }

  /** First run: choose "work locally" (optionally in English) and wait for the shell. */
  async startLocalWorkspace(options: { language?: Language; userName?: string } = {}) {
    await this.firstRun.open(options.language);
    await this.firstRun.startLocal(options.userName ?? 'Lin');
  }

  /** First run: connect to the team server (create a workspace, sign in or join) and wait until online. */
  async connectTeam(connection: TeamConnection & { language?: Language }): Promise<void> {
    await this.firstRun.open(connection.language);
    await this.firstRun.connectTeam(connection);
  }

  /**
   * Presses a keyboard shortcut as the catalog writes it (components/shortcuts/catalog.ts): 'n', 'g a' (g, then
   * a), 'mod+k' (Control+K here: the journeys run in Linux Chromium).
   */
  async shortcut(spec: string): Promise<void> {
    for (const stroke of spec.split(' '))
      await this.page.keyboard.press(stroke.replace(/^mod\+/, 'Control+'));
  }

  /** Presses Tab, as a person would, until `target` has the focus (fails after `max` presses). */
  async tabTo(target: Locator, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await this.page.keyboard.press('Tab');
    }
    await expect(target).toBeFocused();
  }

  async goto(section: Section): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
  }

  /** The rows of the list on screen (accounts, contacts, leads, contracts, tickets, deals table). */
  get listRows(): Locator {
    return this.page.getByTestId('table-row');
  }

  /** Opens a list section and then the record in its first row. */
  async openFirstRecord(section: Section): Promise<void> {
    await this.goto(section);
    await this.listRows.first().click();
  }

  /** The header's language buttons (中文 / EN). */
  async switchLanguage(language: Language): Promise<void> {
    await this.page
      .getByTestId('language-switch')
      .getByText(language === 'en' ? 'EN' : '中文')
      .click();
  }

  /** The header's light/dark toggle. */
  async toggleColorScheme(): Promise<void> {
    await this.page.getByTestId('theme-toggle').click();
  }

  /** Creates an account from the list page and lands on its 360° page. */
  async createAccount(account: Pick<AccountFields, 'name' | 'creditCode'>): Promise<void> {
    await this.accounts.create(account);
  }
}
