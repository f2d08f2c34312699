import { expect, test } from './support/fixtures';
import { pickOption } from './support/pages/controls';
import { addWorkingMs, HOUR_MS, weekdayCalendar } from '../../shared/rules/working-calendar';

/** Calendar time in which `hours` working hours (Mon–Fri, the rules' default) pass from `from`. */
function calendarMsFor(from: number, hours: number): number {
  const calendar = weekdayCalendar(-new Date(from).getTimezoneOffset());
  return addWorkingMs(from, hours * HOUR_MS, calendar) - from;
}

// Journey (zh-CN, issue 18): the inbox is used from the keyboard alone. Three leads left without follow-up raise
// three reminders; the person goes to the inbox with g i, tabs into its list, moves with j/k, Home and End, marks
// one done with e (the focus moves on) and takes it back with z, snoozes one with s, dismisses one with #, goes to
// Settings with g s from an item (not its snooze), and opens the last one's lead with Enter. The shortcut help lists the inbox's keys.
test('收件箱：只用键盘移动、完成、撤销、稍后提醒、忽略和打开', async ({ app, page }) => {
  test.setTimeout(300_000);
  await page.clock.install({ time: Date.now() });
  await app.startLocalWorkspace({ userName: '林晓' });
  const leads = ['赵敏', '钱伟', '孙丽'];
  await app.goto('leads');
  for (const name of leads) {
    await page.getByTestId('new-lead').click();
    await page.getByTestId('lead-name').fill(name);
    await pickOption(page, page.getByTestId('lead-source'), '官网');
    await page.getByTestId('lead-save').click();
    await expect(page.getByTestId('lead-form')).toHaveCount(0);
  }
  await expect(app.listRows).toHaveCount(3, { timeout: 30_000 });
  // 49 working hours without follow-up: each lead is past its 48 h threshold.
  await page.clock.fastForward(calendarMsFor(Date.now(), 49));

  // From here on, only keys. g i: the inbox.
  await app.shortcut('g i');
  const inbox = app.inbox;
  await expect(inbox.items).toHaveCount(3, { timeout: 30_000 });
  const titles = await Promise.all([0, 1, 2].map((i) => inbox.titleOf(inbox.items.nth(i))));
  expect([...titles].sort()).toEqual([...leads].sort());
  const [first, second, third] = titles;
  const focusedTitle = inbox.focusedItem.getByTestId('inbox-item-open');

  await inbox.tabIn();
  await expect(focusedTitle).toHaveText(first);
  // A visible focus ring on the focused item.
  await expect(inbox.focusedItem).toHaveCSS('outline-style', 'solid');

  // The shortcut help lists the inbox's keys; Esc gives the focus back to the item.
  await app.shortcutHelp.openWithKey();
  await expect(app.shortcutHelp.group('inbox')).toContainText('在收件箱中');
  await expect(app.shortcutHelp.row('inboxDone')).toContainText('标记为已完成');
  await expect(app.shortcutHelp.row('inboxDismiss')).toContainText('忽略');
  await app.shortcutHelp.closeWithEscape();
  await expect(focusedTitle).toHaveText(first);

  await page.keyboard.press('j');
  await expect(focusedTitle).toHaveText(second);
  await page.keyboard.press('ArrowDown');
  await expect(focusedTitle).toHaveText(third);
  await page.keyboard.press('k');
  await expect(focusedTitle).toHaveText(second);
  await page.keyboard.press('Home');
  await expect(focusedTitle).toHaveText(first);
  await page.keyboard.press('End');
  await expect(focusedTitle).toHaveText(third);
  await page.keyboard.press('Home');

  // e: done. The item leaves and the focus is on the one that took its place.
  await page.keyboard.press('e');
  await expect(inbox.items).toHaveCount(2);
  await expect(focusedTitle).toHaveText(second);
  // z: undone, and the item has the focus again.
  await page.keyboard.press('z');
  await expect(inbox.items).toHaveCount(3);
  await expect(focusedTitle).toHaveText(first);

  // s: the snooze choices, the first focused; ↓ and Enter pick "tomorrow".
  await page.keyboard.press('s');
  await expect(page.getByTestId('inbox-snooze-hour')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('inbox-snooze-tomorrow')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inbox.items).toHaveCount(2);
  await expect(focusedTitle).toHaveText(second);

  // #: dismissed.
  await page.keyboard.press('#');
  await expect(inbox.items).toHaveCount(1);
  await expect(focusedTitle).toHaveText(third);

  // g s on the focused item goes to Settings: the pending g wins over the item's s (snooze). Back with g i, the
  // item is still there (not snoozed).
  await app.shortcut('g s');
  await expect(page).toHaveURL(/#\/settings/);
  await app.shortcut('g i');
  await expect(inbox.items).toHaveCount(1, { timeout: 30_000 });
  await inbox.tabIn();
  await expect(focusedTitle).toHaveText(third);

  // Enter opens the last item's lead (the leads list, with the lead's thread beside it).
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/leads\//);
  await expect(page.getByRole('dialog', { name: new RegExp(third) })).toBeVisible({
    timeout: 30_000,
  });
});
