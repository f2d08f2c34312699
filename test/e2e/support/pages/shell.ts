import type { Locator, Page } from '@playwright/test';

/** The app frame around every screen: skip link, landmarks, the not-found page. */
export class Shell {
  readonly skipLink: Locator;
  readonly main: Locator;
  readonly navigation: Locator;
  readonly notFound: Locator;
  readonly notFoundHome: Locator;

  constructor(private readonly page: Page) {
    this.skipLink = page.getByTestId('skip-link');
    this.main = page.getByRole('main');
    this.navigation = page.getByRole('navigation');
    this.notFound = page.getByTestId('not-found');
    this.notFoundHome = page.getByTestId('not-found-home');
  }

  /** Opens an address of the app directly (the web build routes by hash). */
  async openPath(path: string): Promise<void> {
    await this.page.goto(`/#${path}`);
  }
}
