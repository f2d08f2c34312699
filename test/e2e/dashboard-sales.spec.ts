import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { addDays, format } from './support/forecast-dates';
import { expect, test } from './support/fixtures';
import { uniqueEmail } from './support/factories';
import { JOURNEY_PASSWORD as password } from './support/team-api';
import { SalesDashboardPage } from './support/pages/sales-dashboard';
import {
  periodOf,
  shiftPeriod,
  targetRecordId,
  targetSettingKey,
} from '../../shared/rules/forecast';
import { buildActivity } from '../support/factories';

// Issue 22, the sales dashboard: from a fixture set up on the server, the dashboard on a laptop shows the numbers
// the fixture predicts (read from the rendered stats and table cells); a chart drills down to its deals; winning
// a deal on its page moves the funnel and the forecast; a chart's table exports to CSV and XLSX and reads back.
test('the sales dashboard shows the predicted numbers, drills down, follows a won deal and exports', async ({
  syncServer,
  teamApi,
  openLaptop,
}) => {
  test.setTimeout(180_000);
  const adminEmail = uniqueEmail('admin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东销售',
    name: '陈总',
    email: adminEmail,
  });
  const east = await teamApi.createTeam(admin, '华东组');
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

  const today = format(new Date());
  const quarter = periodOf('quarter', today);
  const nextQuarter = shiftPeriod(quarter, 1);
  // A day of this quarter after today (or today on its last day), so "closing this quarter" holds.
  const laterThisQuarter = addDays(today, 1) <= quarter.end ? addDays(today, 1) : today;

  // A campaign (cost 6 000) with two leads this quarter, and the targets of the quarter.
  const campaignId = 'cmp-expo';
  await teamApi.createRecord(admin, 'settings', {
    id: campaignId,
    teamId: '',
    kind: 'campaign',
    key: campaignId,
    value: {
      name: '秋季展会',
      channel: 'exhibition',
      startDate: quarter.start,
      endDate: '',
      budget: 10_000,
      actualCost: 6_000,
      notes: '',
    },
  });
  for (const [member, amount] of [
    [li, 200_000],
    [han, 100_000],
  ] as const)
    await teamApi.createRecord(admin, 'settings', {
      id: targetRecordId(member.user.id, quarter.key),
      teamId: east,
      kind: 'target',
      key: targetSettingKey(member.user.id, quarter.key),
      value: { period: quarter.key, memberId: member.user.id, amount },
    });
  await teamApi.createLead(admin, {
    ownerId: li.user.id,
    teamId: east,
    source: 'event',
    campaignId,
  });
  await teamApi.createLead(admin, {
    ownerId: han.user.id,
    teamId: east,
    source: 'event',
    campaignId,
  });

  // The deals, all created today (this quarter's funnel cohort).
  const deal = (owner: typeof li, name: string, fields: Record<string, unknown>) =>
    teamApi.createDeal(admin, { name, ownerId: owner.user.id, teamId: east, ...fields });
  await deal(li, '赢单-甲', {
    stage: 'won',
    status: 'won',
    probability: 100,
    amount: 80_000,
    closeDate: today,
    source: 'event',
    campaignId,
  });
  await deal(li, '方案-乙', {
    stage: 'proposal', // 40 %
    amount: 100_000,
    closeDate: laterThisQuarter,
    forecastCategory: 'commit',
  });
  const negotiation = await deal(han, '谈判-丙', {
    stage: 'negotiation', // 80 %
    amount: 20_000,
    closeDate: laterThisQuarter,
  });
  await deal(han, '输单-丁', {
    stage: 'lost',
    status: 'lost',
    probability: 0,
    amount: 50_000,
    closeDate: today,
    lostReason: '预算取消',
  });
  await deal(han, '初筛-戊', {
    stage: 'qualify',
    amount: 30_000,
    closeDate: addDays(nextQuarter.start, 3),
  });

  // Activities this quarter: 李雷 two calls, 韩梅 one meeting (that comments never count is unit-tested).
  const now = Date.now();
  for (const [owner, type] of [
    [li, 'call'],
    [li, 'call'],
    [han, 'meeting'],
  ] as const)
    await teamApi.createRecord(admin, 'activities', {
      ...buildActivity({ type, occurredAt: now - 60_000 }),
      ownerId: owner.user.id,
      teamId: east,
    });

  const { page, app } = await openLaptop();
  await app.connectTeam({
    mode: 'signIn',
    serverUrl: syncServer.url,
    email: adminEmail,
    password,
    onlineTimeoutMs: 60_000,
  });
  const dashboard = new SalesDashboardPage(page);
  await dashboard.open('quarter');

  // The headline numbers: won 80 000 (1 won, 1 lost → 50 %); open pipeline 100 000 + 20 000 + 30 000;
  // forecast = won 80 000 + weighted (100 000 × 40 % + 20 000 × 80 %) = 136 000 against 300 000.
  // The last deal set up (初筛-戊) in the open pipeline: the replica has caught up with the whole fixture.
  await expect(dashboard.stat('pipeline')).toHaveText('¥150,000', { timeout: 60_000 });
  await expect(dashboard.stat('won')).toHaveText('¥80,000');
  await expect(dashboard.stat('win-rate')).toHaveText('50%');
  await expect(dashboard.stat('avg-deal')).toHaveText('¥80,000');
  await expect(dashboard.stat('cycle')).toHaveText(/^0\b/);
  await expect(dashboard.stat('pipeline')).toHaveText('¥150,000');
  await expect(dashboard.stat('forecast')).toHaveText('¥136,000');

  // The funnel: 5 created; 3 reached 需求确认 (the lost one sits in 输单, the 初筛 one stayed); 1 won.
  await dashboard.showTable('chart-funnel');
  expect(await dashboard.column('chart-funnel', 'reached')).toEqual(['5', '3', '3', '2', '2', '1']);
  expect(await dashboard.column('chart-funnel', 'fromPrevious')).toEqual([
    '—',
    '60%',
    '100%',
    '66.7%',
    '100%',
    '50%',
  ]);
  // Forecast vs target: the total row first.
  await dashboard.showTable('chart-forecast');
  await expect(dashboard.cell('chart-forecast', 0, 'target')).toHaveText('¥300,000');
  await expect(dashboard.cell('chart-forecast', 0, 'attainment')).toHaveText('26.7%');
  // The leaderboards and the campaign.
  await dashboard.showTable('chart-leaderboard-activities');
  await expect(dashboard.cell('chart-leaderboard-activities', 0, 'owner')).toHaveText('李雷');
  await expect(dashboard.cell('chart-leaderboard-activities', 0, 'activities')).toHaveText('2');
  await expect(dashboard.cell('chart-leaderboard-activities', 1, 'activities')).toHaveText('1');
  // Money per owner: the open pipeline (李雷 100 000; 韩梅 20 000 + 30 000) and the won leaderboard.
  await dashboard.showTable('chart-pipeline-owner');
  await expect(dashboard.cell('chart-pipeline-owner', 0, 'owner')).toHaveText('李雷');
  await expect(dashboard.cell('chart-pipeline-owner', 0, 'amount')).toHaveText('¥100,000');
  await expect(dashboard.cell('chart-pipeline-owner', 1, 'amount')).toHaveText('¥50,000');
  await dashboard.showTable('chart-leaderboard-won');
  await expect(dashboard.cell('chart-leaderboard-won', 0, 'owner')).toHaveText('李雷');
  await expect(dashboard.cell('chart-leaderboard-won', 0, 'amount')).toHaveText('¥80,000');
  await dashboard.showTable('chart-campaigns');
  await expect(dashboard.cell('chart-campaigns', 0, 'costPerLead')).toHaveText('¥3,000');
  await expect(dashboard.cell('chart-campaigns', 0, 'cac')).toHaveText('¥6,000');

  // Drill down: the deals that reached 商务谈判, and from there the deal's page.
  await dashboard.cell('chart-funnel', 4, 'stage').click();
  const drawer = page.getByTestId('drill-drawer');
  await expect(drawer.getByTestId('drill-row')).toHaveCount(2);
  await expect(drawer).toContainText('谈判-丙');
  await expect(drawer).toContainText('赢单-甲');
  await drawer.getByRole('link', { name: '谈判-丙' }).click();
  await expect(page.getByTestId('deal-stage-stepper')).toBeVisible({ timeout: 20_000 });
  expect(page.url()).toContain(negotiation.id);

  // 韩梅 wins 谈判-丙: won 100 000, two won of three closed, the funnel's won step is 2, the forecast follows.
  await page.getByTestId('deal-mark-won').click();
  await expect(
    page.getByTestId('deal-stage-stepper').locator('[data-stage="won"][data-current="true"]'),
  ).toBeVisible();
  await dashboard.open('quarter');
  await expect(dashboard.stat('won')).toHaveText('¥100,000', { timeout: 30_000 });
  await expect(dashboard.stat('win-rate')).toHaveText('66.7%');
  // 100 000 won + 100 000 × 40 % weighted
  await expect(dashboard.stat('forecast')).toHaveText('¥140,000');
  await dashboard.showTable('chart-funnel');
  expect(await dashboard.column('chart-funnel', 'reached')).toEqual(['5', '3', '3', '2', '2', '2']);

  // Export the funnel's table and read both files back.
  const csv = await dashboard.export('chart-funnel', 'csv');
  const parsed = Papa.parse<string[]>(new TextDecoder('utf-8').decode(await readFile(csv)), {
    skipEmptyLines: true,
  });
  const [header, ...rows] = parsed.data;
  expect(header).toEqual(['阶段', '到达商机数', '阶段转化率', '累计转化率']);
  expect(rows.map((r) => r[1])).toEqual(['5', '3', '3', '2', '2', '2']);
  const xlsx = await dashboard.export('chart-funnel', 'xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const sheet = workbook.worksheets[0];
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
  expect(Number(sheet.getRow(2).getCell(2).value)).toBe(5);
  expect(Number(sheet.getRow(7).getCell(2).value)).toBe(2);

  // The same numbers in English.
  await app.switchLanguage('en');
  await expect(dashboard.stat('won')).toHaveText('CN¥100,000');
  await expect(dashboard.stat('win-rate')).toHaveText('66.7%');
});
