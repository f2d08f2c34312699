import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { buildAccount, uniqueEmail } from './support/factories';
import { buildContract } from '../support/factories';
import { DashboardsPage } from './support/pages/dashboards';
import { ListExport } from './support/pages/list-export';
import { JOURNEY_PASSWORD as password, type JourneySession } from './support/team-api';

const DAY = 86_400_000;

/** The browser's local day 'YYYY-MM-DD' (contract and payment dates are local days). */
const localToday = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const payment = (id: string, date: string, amount: number) => ({
  id,
  date,
  amount,
  method: 'bankTransfer' as const,
  planItemId: '',
  note: '',
});

/** Set-up through the journey server's REST API, as another laptop or an integration would write it. */
async function createRecord(
  request: APIRequestContext,
  serverUrl: string,
  session: JourneySession,
  collection: 'accounts' | 'contracts',
  data: object,
): Promise<{ id: string }> {
  const response = await request.post(`${serverUrl}/api/records/${collection}`, {
    headers: { authorization: `Bearer ${session.accessToken}` },
    data,
  });
  expect(response.status(), `POST /api/records/${collection}`).toBe(201);
  return (await response.json()) as { id: string };
}

// Issue 22 "Must show" (customers): a fixture whose RFM segments are known, the dashboard shows those numbers,
// a segment drills down to its accounts, and the segments' table exports to CSV and XLSX that read back the same.
test('customers dashboard: RFM segments from contracts and payments, drill-down and export', async ({
  syncServer,
  teamApi,
  app,
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const adminEmail = uniqueEmail('admin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华南大客户部',
    name: '林经理',
    email: adminEmail,
  });
  await app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email: adminEmail, password });
  const today = await localToday(page);
  const start = addDays(today, -60);

  // 甲: two contracts signed 20 days ago, paid ¥400,000 and ¥200,000 (5 days ago): R 5 days → 5, F 4 → 3,
  //     M ¥600,000 → 4:
  //     重要价值客户. 乙: paid 200 days ago only (before the period): R → 2, F 0, M 0: 一般挽留客户.
  // 丙: signed 6 days ago, unpaid: R 5, F 1, M 0: 一般发展客户. 丁: no contract — not a customer yet.
  const names = {
    a: '广州甲辰科技有限公司',
    b: '深圳乙木贸易有限公司',
    c: '佛山丙火制造有限公司',
    d: '东莞丁香物流有限公司',
  };
  const ids: Record<keyof typeof names, string> = { a: '', b: '', c: '', d: '' };
  for (const key of Object.keys(names) as (keyof typeof names)[])
    ids[key] = (
      await createRecord(request, syncServer.url, admin, 'accounts', {
        ...buildAccount({ name: names[key] }),
        status: 'customer',
      })
    ).id;
  const contract = (accountId: string, signedDate: string, payments: object[]) =>
    createRecord(request, syncServer.url, admin, 'contracts', {
      ...buildContract({
        accountId,
        status: 'active',
        amount: 500_000, // at the approval threshold: above it an active contract needs approval first
        signedDate,
        startDate: signedDate,
        endDate: addDays(today, 300),
      }),
      payments,
    });
  await contract(ids.a, addDays(today, -20), [payment('a1', addDays(today, -15), 400_000)]);
  await contract(ids.a, addDays(today, -20), [payment('a2', addDays(today, -5), 200_000)]);
  await contract(ids.b, addDays(today, -400), [payment('b1', addDays(today, -200), 50_000)]);
  await contract(ids.c, addDays(today, -6), []);

  const dashboards = new DashboardsPage(page);
  await dashboards.open('customers');
  await dashboards.customPeriod('自定义', start, today);
  await expect(page).toHaveURL(new RegExp(`period=custom&start=${start}&end=${today}`));

  // The headline numbers and the segment grid the fixture predicts.
  await expect(page.getByTestId('customers-stat-customers')).toHaveText('3', { timeout: 30_000 });
  await expect(page.getByTestId('customers-stat-monetary')).toHaveText('¥60万');
  await expect(page.getByTestId('customers-stat-monetary')).toHaveAttribute('data-value', '600000');
  await expect(page.getByTestId('rfm-cell-importantValue-count')).toHaveText('1');
  await expect(page.getByTestId('rfm-cell-generalRetain-count')).toHaveText('1');
  await expect(page.getByTestId('rfm-cell-generalDevelop-count')).toHaveText('1');
  await expect(page.getByTestId('rfm-cell-importantKeep-count')).toHaveText('0');

  // Drill-down: the 重要价值客户 cell lists 甲, whose link opens its page.
  await page.getByTestId('rfm-cell-importantValue').click();
  await expect(dashboards.drillRows).toHaveCount(1);
  await expect(dashboards.drillRows.first()).toContainText(names.a);
  await expect(dashboards.drillRows.first()).toContainText('林经理');
  await page.keyboard.press('Escape');
  await expect(dashboards.drillRows).toHaveCount(0);

  // The table behind the grid: one row per segment, formatted for the locale, the raw value kept.
  const rfm = 'chart-rfm-segments';
  await dashboards.showTable(rfm, '表格');
  await expect(dashboards.cell(rfm, 0, 'segment')).toHaveText('重要价值客户');
  await expect(dashboards.cell(rfm, 0, 'count')).toHaveText('1');
  await expect(dashboards.cell(rfm, 0, 'share')).toHaveText('33.3%');
  await expect(dashboards.cell(rfm, 0, 'monetary')).toHaveText('¥600,000');
  await expect(dashboards.cell(rfm, 0, 'averageRecencyDays')).toHaveText('5');
  await expect(dashboards.cell(rfm, 7, 'segment')).toHaveText('一般挽留客户');
  await expect(dashboards.cell(rfm, 7, 'averageRecencyDays')).toHaveText('200');
  await expect(dashboards.cell(rfm, 3, 'averageRecencyDays')).toHaveText('—');
  // A table row drills down too.
  await page.getByTestId(`${rfm}-row-5`).click();
  await expect(dashboards.drillRows).toHaveCount(1);
  await expect(dashboards.drillRows.first()).toContainText(names.c);
  await page.keyboard.press('Escape');
  await expect(dashboards.drillRows).toHaveCount(0);

  // Export: the file holds exactly the table (raw numbers, headers in the UI language).
  const exportMenu = new ListExport(page, `${rfm}-export`);
  const header = ['分群', '客户数', '占比', '本期回款', '平均距今天数'];
  const csv = await exportMenu.csv();
  expect(csv.fileName).toMatch(/^RFM 客户分群-\d{8}-\d{4}\.csv$/);
  expect(csv.bom).toBe(true);
  expect(csv.header).toEqual(header);
  expect(csv.rows).toHaveLength(8);
  expect(csv.rows[0]).toEqual(['重要价值客户', '1', String(1 / 3), '600000', '5']);
  expect(csv.rows[3]).toEqual(['重要挽留客户', '0', '0', '0', '']);
  expect(csv.rows[7]).toEqual(['一般挽留客户', '1', String(1 / 3), '0', '200']);
  const xlsx = await exportMenu.xlsx();
  expect(xlsx.header).toEqual(header);
  expect(xlsx.rows).toHaveLength(8);
  expect([1, 2, 3, 4, 5].map((c) => xlsx.rows[0]?.getCell(c).value)).toEqual([
    '重要价值客户',
    1,
    1 / 3,
    600_000,
    5,
  ]);

  // Health: every account is scored once, whatever its band.
  const health = 'chart-health-bands';
  await dashboards.showTable(health, '表格');
  const counts = await Promise.all(
    [0, 1, 2].map(async (row) =>
      Number(await dashboards.cell(health, row, 'count').getAttribute('data-value')),
    ),
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(4);

  // The same view in English: segment names and compact money (K/M).
  await app.switchLanguage('en');
  await expect(page.getByTestId('customers-stat-monetary')).toHaveText('CN¥600K');
  await expect(dashboards.cell(rfm, 0, 'segment')).toHaveText('Champions');
  await expect(dashboards.cell(rfm, 0, 'monetary')).toHaveText('CN¥600,000');
});

// A workspace without contracts: the dashboards open from the navigation, the filters go into the URL, and the
// customers dashboard says there is nothing in the period instead of drawing empty charts.
test('dashboards frame: tabs, filters in the URL and the empty customers dashboard', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.startLocalWorkspace();
  const dashboards = new DashboardsPage(page);
  await dashboards.open('customers');
  await expect(page).toHaveURL(/#\/dashboards\/customers$/);
  await page.getByTestId('dashboard-period').getByText('本年', { exact: true }).click();
  await expect(page).toHaveURL(/#\/dashboards\/customers\?period=year$/);
  await expect(page.getByTestId('customers-stat-customers')).toHaveText('0', { timeout: 30_000 });
  await expect(page.getByTestId('customers-stat-average')).toHaveText('—');
  await expect(page.getByTestId('chart-rfm-segments-empty')).toHaveText('这段时间没有数据');
  await page.getByTestId('dashboard-tab-sales').click();
  await expect(page).toHaveURL(/#\/dashboards\/sales\?period=year$/);
  await expect(page.getByTestId('dashboard-sales')).toBeAttached();
});
