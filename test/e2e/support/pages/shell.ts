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

  /**
   * Whether each element's text is shown whole (not cut with an ellipsis): for an input its value, or else its
   * placeholder, measured in its font against its content box; for anything else, nothing of it or its
   * children scrolls sideways. Returns the texts that do not fit.
   */
  async cutTexts(elements: Locator): Promise<string[]> {
    return elements.evaluateAll((nodes) => {
      const canvas = document.createElement('canvas').getContext('2d')!;
      const cut: string[] = [];
      for (const node of nodes as HTMLElement[]) {
        if (node instanceof HTMLInputElement) {
          const style = getComputedStyle(node);
          canvas.font = style.font;
          const text = node.value || node.placeholder;
          const room =
            node.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          if (canvas.measureText(text).width > room) cut.push(text);
          continue;
        }
        const all = [node, ...Array.from(node.querySelectorAll<HTMLElement>('*'))];
        if (all.some((el) => el.scrollWidth > el.clientWidth + 1)) cut.push(node.textContent ?? '');
      }
      return cut;
    });
  }
}
