import { addDays, format } from './support/forecast-dates';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { pickOption } from './support/pages/controls';
import { ForecastPage } from './support/pages/forecast-page';
import { JOURNEY_PASSWORD as password } from './support/team-api';
import { periodOf, shiftPeriod } from '../../shared/rules/forecast';
import type { DealFields } from '../support/factories';

// Issue 20 "Targets and forecast": a manager sets targets for the team's people, and the forecast page shows the
// numbers the fixture predicts (read from the rendered cells) — per person and rolled up to the team; drilling
// down lists a person's deals in the period; a deal closing next quarter counts there; changing a deal's forecast
// category changes the numbers. Chinese first, then the same page in English.
test('the forecast shows the predicted numbers, drills down to deals and follows a category change', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  // A long journey (about 40 s on a quiet machine, over 60 s in CI): many steps, each within its own expect timeout.
  test.setTimeout(180_000);
  const adminEmail = uniqueEmail('admin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东销售',
    name: '陈总',
    email: adminEmail,
  });
  const east = await teamApi.createTeam(admin, '华东组');
  const managerEmail = uniqueEmail('manager');
  await teamApi.join({
    inviteCode: await teamApi.invite(admin, 'manager', east),
    name: '王经理',
    email: managerEmail,
  });
  const li = await teamApi.join({
    inviteCode: await teamApi.invite(admin, 'rep', east),
    name: '李雷',
    email: uniqueEmail('li'),
  });
  const han = await teamApi.join({
    inviteCode: await teamApi.invite(admin, 'rep', east),
    name: '韩梅',
    email: uniqueEmail('han'),
  });

  // The fixture: this quarter's deals in several stages and categories, one won, one closing next quarter.
  const quarter = periodOf('quarter', format(new Date()));
  const nextQuarter = shiftPeriod(quarter, 1);
  const deal = (
    owner: typeof li,
    name: string,
    fields: Pick<DealFields, 'stage' | 'amount' | 'closeDate'> &
      Partial<Pick<DealFields, 'forecastCategory'>>,
  ) =>
    teamApi.createDeal(admin, {
      name,
      ownerId: owner.user.id,
      teamId: east,
      status: fields.stage === 'won' ? 'won' : 'open',
      probability: 5, // stale on purpose: the forecast weights by the stage's probability
      ...fields,
    });
  await deal(li, '方案-承诺', {
    stage: 'proposal', // 40 %
    amount: 100_000,
    closeDate: addDays(quarter.start, 9),
    forecastCategory: 'commit',
  });
  await deal(li, '初筛-最佳', {
    stage: 'qualify', // 10 %
    amount: 50_000,
    closeDate: addDays(quarter.start, 19),
    forecastCategory: 'bestCase',
  });
  await deal(li, '已赢单', { stage: 'won', amount: 80_000, closeDate: addDays(quarter.start, 4) });
  await deal(li, '下季度', {
    stage: 'proposal',
    amount: 30_000,
    closeDate: addDays(nextQuarter.start, 2),
  });
  await deal(han, '谈判-管道', {
    stage: 'negotiation', // 80 %
    amount: 20_000,
    closeDate: addDays(quarter.start, 14),
  });
  await deal(han, '不计入', {
    stage: 'qualify',
    amount: 70_000,
    closeDate: addDays(quarter.start, 29),
    forecastCategory: 'omitted',
  });

  const { page, app } = await openLaptop();
  await app.connectTeam({
    mode: 'signIn',
    serverUrl: syncServer.url,
    email: managerEmail,
    password,
  });
  const forecast = new ForecastPage(page);
  await forecast.open();
  await expect(forecast.period).toContainText(quarter.start);
  // The manager sets the targets of the team's people (设定目标).
  await forecast.setTarget(li.user.id, 200_000);
  await forecast.setTarget(han.user.id, 100_000);

  // 李雷: won 80 000; commit 100 000; best case 150 000; weighted 40 % × 100 000 + 10 % × 50 000.
  await expect(forecast.cell(li.user.id, 'weighted')).toHaveText('¥45,000.00', { timeout: 15_000 });
  expect(await forecast.row(li.user.id)).toEqual({
    target: '¥200,000.00',
    won: '¥80,000.00',
    commit: '¥100,000.00',
    bestCase: '¥150,000.00',
    weighted: '¥45,000.00',
    gap: '¥20,000.00',
    attainment: '40%',
  });
  // 韩梅: one pipeline deal at 80 %; the omitted one counts nowhere.
  expect(await forecast.row(han.user.id)).toEqual({
    target: '¥100,000.00',
    won: '¥0.00',
    commit: '¥0.00',
    bestCase: '¥0.00',
    weighted: '¥16,000.00',
    gap: '¥100,000.00',
    attainment: '0%',
  });
  // The team: no target of its own, so its people's add up (marked *).
  expect(await forecast.row(east)).toEqual({
    target: '¥300,000.00*',
    won: '¥80,000.00',
    commit: '¥100,000.00',
    bestCase: '¥150,000.00',
    weighted: '¥61,000.00',
    gap: '¥120,000.00',
    attainment: '26.7%',
  });

  // Drill down to 李雷's deals of the quarter (not next quarter's).
  await forecast.toggle(li.user.id);
  await expect(forecast.deals(li.user.id)).toHaveCount(3);
  await expect(forecast.deals(li.user.id).first()).toContainText('方案-承诺');
  await expect(page.getByTestId(`forecast-deals-${li.user.id}`)).not.toContainText('下季度');

  // Next quarter: only the deal closing then (pipeline 30 000 at 40 %).
  await forecast.next();
  await expect(forecast.period).toContainText(nextQuarter.start);
  await expect(forecast.cell(li.user.id, 'weighted')).toHaveText('¥12,000.00');
  expect((await forecast.row(li.user.id)).won).toBe('¥0.00');
  await forecast.current();

  // The rep's call changes: best case → commit, on the deal's page (through the drill-down link).
  await forecast.toggle(li.user.id);
  await page.getByRole('link', { name: '初筛-最佳' }).click();
  await expect(page.getByTestId('deal-forecast-category-value')).toHaveText('最佳情况');
  await page.getByTestId('edit-deal').click();
  await pickOption(page, page.getByTestId('deal-forecast-category'), '承诺');
  await page.getByTestId('deal-save').click();
  await expect(page.getByTestId('deal-forecast-category-value')).toHaveText('承诺');

  await forecast.open();
  await expect(forecast.cell(li.user.id, 'commit')).toHaveText('¥150,000.00');
  expect(await forecast.row(li.user.id)).toMatchObject({
    commit: '¥150,000.00',
    bestCase: '¥150,000.00',
    gap: '-¥30,000.00',
  });
  expect(await forecast.row(east)).toMatchObject({ commit: '¥150,000.00', gap: '¥70,000.00' });

  // The same page in English.
  await app.switchLanguage('en');
  await expect(page.getByRole('columnheader', { name: 'Weighted pipeline' })).toBeVisible();
  await expect(forecast.cell(li.user.id, 'commit')).toHaveText('CN¥150,000.00');
  await expect(forecast.cell(east, 'attainment')).toHaveText('26.7%');
  await expect(forecast.period).toContainText(
    `Q${quarter.key.slice(-1)} ${quarter.key.slice(0, 4)}`,
  );
});
