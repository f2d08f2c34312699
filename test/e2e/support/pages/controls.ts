import type { Locator, Page } from '@playwright/test';

/** Opens a Mantine Select and picks the option with this visible label. */
export async function pickOption(
  page: Page,
  input: Locator,
  option: string | RegExp,
): Promise<void> {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The dialog that holds the element with this test id. */
export function dialogWith(page: Page, testId: string): Locator {
  return page.getByRole('dialog').filter({ has: page.getByTestId(testId) });
}
