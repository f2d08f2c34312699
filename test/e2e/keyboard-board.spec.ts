import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';
import { buildAccount, buildContact } from './support/factories';
import type { Locator } from '@playwright/test';
import type { CrmApp } from './support/crm-app';

// Issue 16: the deal board driven by the keyboard only — one Tab stop, arrows across columns, Enter opens a
// deal, Space + arrows + Space moves it; the stage gate offers the account's 决策人 as decision maker.

/** Contrast ratio (WCAG) of a focused card's outline against its column's background. */
async function focusRingContrast(card: Locator): Promise<number> {
  const [ring, column] = await card.evaluate((el) => [
    getComputedStyle(el).outlineColor,
    getComputedStyle(el.closest('[data-testid="stage-column"]') ?? el).backgroundColor,
  ]);
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(ring), luminance(column)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

async function accountWithDeals(app: CrmApp, deals: string[]): Promise<void> {
  await app.startLocalWorkspace();
  await app.createAccount(buildAccount());
  await app.account.addContact(buildContact({ name: '王芳', title: '采购总监', role: '决策人' }));
  await app.account.addContact(buildContact({ name: '陈刚', title: 'IT 经理' }));
  for (const name of deals)
    await app.account.addDeal({
      name,
      contactName: '陈刚',
      amount: 12_345_678,
      closeDate: '2026-12-31',
    });
}

test('看板只占一个 Tab 位，方向键在卡片和阶段之间移动，Enter 打开商机', async ({ app, page }) => {
  await accountWithDeals(app, ['云杉数据平台', '海港仓储系统']);
  await app.board.open();
  await expect(app.board.card('海港仓储系统', 'qualify')).toBeVisible();

  // From the last control before the board, one Tab lands on the first card; the next Tab leaves the board.
  await page.getByTestId('new-deal').focus();
  await page.keyboard.press('Tab');
  await expect(app.board.focused).toHaveAttribute('data-testid', 'deal-card');
  await expect(app.board.focused).toHaveAttribute('data-deal-name', '云杉数据平台');
  await page.keyboard.press('Tab');
  await expect(app.board.focused).toHaveCount(0);
  await expect(app.board.root.locator(':focus')).toHaveCount(0);

  // Back into the board: the same card; then down, right (an empty column takes focus itself), left, End.
  await page.keyboard.press('Shift+Tab');
  await expect(app.board.card('云杉数据平台', 'qualify')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(app.board.card('海港仓储系统', 'qualify')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(app.board.columnList('needs')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(app.board.columnList('proposal')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(app.board.card('云杉数据平台', 'qualify')).toBeFocused();
  await page.keyboard.press('End');
  await expect(app.board.card('海港仓储系统', 'qualify')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(app.board.card('云杉数据平台', 'qualify')).toBeFocused();

  // The card is one Tab stop with no link inside, and its focus ring is drawn.
  const card = app.board.card('云杉数据平台', 'qualify');
  await expect(card.locator('a, button, [tabindex]')).toHaveCount(0);
  const outline = await card.evaluate((el) => {
    const style = getComputedStyle(el);
    return { width: style.outlineWidth, style: style.outlineStyle };
  });
  expect(outline).toEqual({ width: '2px', style: 'solid' });
  expect(await focusRingContrast(card)).toBeGreaterThanOrEqual(3);
  // Dark mode: the ring is a lighter shade of the primary colour, still ≥ 3:1 on the dark column.
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await card.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(card).toBeFocused();
  expect(await focusRingContrast(card)).toBeGreaterThanOrEqual(3);

  // Enter opens the deal.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/deals\/[^/]+$/);
  await expect(app.deal.facts).toBeVisible();
});

test('键盘拖动：空格拿起、方向键换阶段、空格放下，卡片在新阶段保持焦点', async ({ app, page }) => {
  await accountWithDeals(app, ['云杉数据平台']);
  await app.board.open();
  await app.board.card('云杉数据平台', 'qualify').focus();

  // Enter does not pick the card up (it opens the deal, tested above); Space does.
  await app.board.keyboardMove(['needs']);
  await expect(app.board.card('云杉数据平台', 'needs')).toBeFocused();
  await app.board.keyboardMove(['proposal']);
  await expect(app.board.card('云杉数据平台', 'proposal')).toBeFocused();

  // Escape cancels a keyboard drag: the card stays where it was, focused.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('deal-card-overlay')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(app.board.column('quote')).toHaveAttribute('data-over', '');
  await page.keyboard.press('Escape');
  await expect(app.board.card('云杉数据平台', 'proposal')).toBeFocused();
  await expect(app.board.card('云杉数据平台', 'quote')).toHaveCount(0);
});

test('阶段关卡缺决策人时，从决策链（标为决策人的联系人）一步填入并移动', async ({ app, page }) => {
  await accountWithDeals(app, ['云杉数据平台']);
  // Budget and competitor are filled in; the decision maker is not.
  await app.board.open();
  await app.board.card('云杉数据平台').click();
  await app.deal.edit({ 'deal-budget': '已批 50 万元', 'deal-competitor': 'Salesforce' });
  await expect(page.getByTestId('deal-budget')).toBeHidden();
  await expect(app.deal.facts).toContainText('Salesforce');
  await app.board.open();
  await app.board.card('云杉数据平台', 'qualify').focus();
  await app.board.keyboardMove(['needs', 'proposal', 'quote']);

  // 报价 needs a decision maker: the gate offers 王芳 (决策人), the only one, chosen already.
  await expect(app.board.stageGateDialog).toBeVisible();
  await expect(app.board.stageGateMissing).toHaveText('决策人');
  await expect(app.board.stageGateCandidates).toHaveCount(1);
  await expect(app.board.stageGateCandidate('王芳')).toBeChecked();
  await app.board.stageGateUseDecisionMaker.click();

  await expect(app.board.stageGateDialog).toHaveCount(0);
  await expect(app.board.card('云杉数据平台', 'quote')).toBeVisible();
  await expect(app.board.card('云杉数据平台', 'quote')).toBeFocused();
  await app.board.card('云杉数据平台', 'quote').click();
  await expect(app.deal.facts).toContainText('王芳');
});

test('a refused keyboard move gives focus back to the card when the gate dialog closes', async ({
  app,
  page,
}) => {
  await accountWithDeals(app, ['Harbour WMS']);
  await app.board.open();
  await app.board.card('Harbour WMS', 'qualify').focus();
  await app.board.keyboardMove(['needs', 'proposal', 'quote']);
  await expect(app.board.stageGateDialog).toBeVisible();
  // Budget and competitor are missing too: the decision-chain pick goes into the form instead.
  await expect(app.board.stageGateUseDecisionMaker).toHaveCount(0);
  await expect(app.board.stageGateCandidate('王芳')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(app.board.stageGateDialog).toHaveCount(0);
  await expect(app.board.card('Harbour WMS', 'qualify')).toBeFocused();
});

for (const viewport of [
  { width: 1400, height: 900 },
  { width: 1600, height: 1000 },
])
  test(`kanban at ${viewport.width}px: close dates are whole, no column scrolls sideways`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await accountWithDeals(app, ['云杉数据平台项目（二期扩容与数据治理）', '海港仓储系统']);
    await app.board.open();
    await expect(app.board.card('海港仓储系统', 'qualify')).toBeVisible();

    const cards = page.getByTestId('deal-card');
    await expect(cards).toHaveCount(2);
    for (const card of await cards.all()) {
      const date = card.getByTestId('deal-card-close-date');
      await expect(date).toHaveText('2026-12-31');
      const fits = await date.evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(fits).toBe(true);
      const [dateBox, cardBox] = [await date.boundingBox(), await card.boundingBox()];
      expect(dateBox && cardBox).toBeTruthy();
      if (!dateBox || !cardBox) return;
      expect(dateBox.x).toBeGreaterThanOrEqual(cardBox.x);
      expect(dateBox.x + dateBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    }
    const overflowing = await page
      .getByTestId('stage-column')
      .evaluateAll((columns) =>
        columns
          .filter((column) =>
            [column, ...column.querySelectorAll('*')].some(
              (el) =>
                el.scrollWidth > el.clientWidth &&
                ['auto', 'scroll'].includes(getComputedStyle(el).overflowX),
            ),
          )
          .map((column) => column.getAttribute('data-stage')),
      );
    expect(overflowing).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`board-${viewport.width}.png`) });

    // The board's structure passes a WCAG 2.1 A/AA scan (colour contrast is the theme's, scanned app-wide).
    const scan = await new AxeBuilder({ page })
      .include('[data-testid="deal-board"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .disableRules(['color-contrast'])
      .analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
