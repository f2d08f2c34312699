import { expect, type Page } from '@playwright/test';
import { SyncStatus } from './sync-status';

export type Language = 'zh-CN' | 'en';

/** What the team connect form asks for (first run, or after leaving a workspace). */
export interface TeamConnection {
  mode: 'create' | 'signIn' | 'join';
  serverUrl: string;
  email: string;
  password: string;
  name?: string;
  workspaceName?: string;
  inviteCode?: string;
  /** Create mode: upload the local workspace this computer holds into the new team workspace. */
  upload?: boolean;
  /** How long opening the workspace may take before it is online (a loaded machine: longer). */
  onlineTimeoutMs?: number;
}

const modeLabels = {
  create: /创建团队工作区|Create team workspace/,
  signIn: /^(登录|Sign in)$/,
  join: /用邀请码加入|Join with invite/,
};

/** The first-run screen: work locally, or connect to a team server (create, sign in, join). */
export class FirstRunPage {
  constructor(private readonly page: Page) {}

  async open(language?: Language): Promise<void> {
    await this.page.goto('/');
    if (language === 'en') await this.page.getByTestId('language-switch').getByText('EN').click();
  }

  /** "Work locally" under this name; resolves when the shell is there. */
  async startLocal(userName: string): Promise<void> {
    await this.page.getByTestId('first-run-name').fill(userName);
    await this.page.getByTestId('start-local').click();
    await expect(this.page.getByTestId('nav-accounts')).toBeVisible();
  }

  /** Fills the team connect form and submits it; resolves when the app is online with the server. */
  async connectTeam(connection: TeamConnection): Promise<void> {
    const { page } = this;
    await page.getByTestId('connect-mode').getByText(modeLabels[connection.mode]).click();
    await page.getByTestId('connect-server').fill(connection.serverUrl);
    if (connection.workspaceName)
      await page.getByTestId('connect-workspace').fill(connection.workspaceName);
    if (connection.inviteCode) await page.getByTestId('connect-invite').fill(connection.inviteCode);
    if (connection.name) await page.getByTestId('connect-name').fill(connection.name);
    await page.getByTestId('connect-email').fill(connection.email);
    await page.getByTestId('connect-password').fill(connection.password);
    if (connection.upload) await page.getByTestId('connect-upload').check();
    await page.getByTestId('connect-submit').click();
    await new SyncStatus(page).expectConnection('online', connection.onlineTimeoutMs ?? 15_000);
  }
}
