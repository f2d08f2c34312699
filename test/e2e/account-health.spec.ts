import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { allHoursCalendarSetting, buildAccount, uniqueEmail } from './support/factories';
import { buildContract, buildTicket } from '../support/factories';
import { HealthCard, RenewalsPage } from './support/pages/account-health';
import { JOURNEY_PASSWORD as password, type JourneySession } from './support/team-api';

const DAY = 86_400_000;

/** The browser's local day 'YYYY-MM-DD' (contract dates are local days). */
const localToday = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Set-up through the journey server's REST API: a record as another laptop or an integration would write it. */
async function createRecord(
  request: APIRequestContext,
  serverUrl: string,
  session: JourneySession,
  collection: 'accounts' | 'contracts' | 'tickets' | 'settings',
  data: object,
): Promise<{ id: string }> {
  const response = await request.post(`${serverUrl}/api/records/${collection}`, {
    headers: { authorization: `Bearer ${session.accessToken}` },
    data,
  });
  expect(response.status(), `POST /api/records/${collection}`).toBe(201);
  return (await response.json()) as { id: string };
}

// Issue 21 "Must show": the renewals view lists a contract ending in 20 days under 30 days and makes its renewal
// deal once; the account's health falls when it gets a breached ticket (the server's SLA sweep records the breach:
// clients cannot) and an overdue payment (an instalment whose due date the page clock passes), and the card shows
// why — in both languages.
test('renewals and account health: a renewal deal made once, health falling with why', async ({
  syncServer,
  teamApi,
  openLaptop,
  request,
}) => {
  // The server's SLA sweep runs once a minute: the breach takes up to two minutes to be recorded.
  test.setTimeout(300_000);
  const adminEmail = uniqueEmail('admin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '华东客户成功部',
    name: '陈总',
    email: adminEmail,
  });
  const laptop = await openLaptop();
  const { page, app } = laptop;
  await page.clock.install({ time: Date.now() });
  await app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email: adminEmail, password });

  const today = await localToday(page);
  const accountName = '杭州青禾食品有限公司';
  const account = await createRecord(request, syncServer.url, admin, 'accounts', {
    ...buildAccount({ name: accountName }),
    status: 'customer',
  });
  const contractTitle = '年度云服务';
  await createRecord(request, syncServer.url, admin, 'contracts', {
    ...buildContract({
      accountId: account.id,
      title: contractTitle,
      status: 'active',
      amount: 120_000,
      signedDate: addDays(today, -345),
      startDate: addDays(today, -345),
      endDate: addDays(today, 20),
      paymentPlan: [
        { id: 'p1', dueDate: addDays(today, 10), amount: 60_000, note: '' },
        { id: 'p2', dueDate: addDays(today, 19), amount: 60_000, note: '' },
      ],
    }),
  });

  // Renewals: the contract ends in 20 days, so it is under "30 天内" (the default window) and under 60.
  const renewals = new RenewalsPage(page);
  await renewals.open();
  const row = renewals.row(contractTitle);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText(accountName);
  await expect(row).toContainText('陈总');
  await expect(row).toContainText('120,000');
  await expect(row.getByTestId('renewal-days-left')).toHaveText('20 天');
  await renewals.showWithin('60 天内');
  await expect(row).toBeVisible();
  await renewals.showWithin('30 天内');

  // One click makes the renewal deal; the row then shows it instead of the button.
  await renewals.createDealButton(row).click();
  await expect(renewals.dealLink(row)).toHaveText(`续约: ${contractTitle}`);
  await expect(renewals.createDealButton(row)).toHaveCount(0);
  // It reaches the server once, and stays one after the page is opened again.
  const renewalDeals = async () => {
    const response = await request.get(`${syncServer.url}/api/records/deals?since=0&limit=100`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    const body = (await response.json()) as {
      documents: {
        name: string;
        accountId: string;
        amount: number;
        closeDate: string;
        deleted: boolean;
      }[];
    };
    return body.documents.filter((d) => !d.deleted && d.accountId === account.id);
  };
  await expect.poll(async () => (await renewalDeals()).length, { timeout: 15_000 }).toBe(1);
  expect((await renewalDeals())[0]).toMatchObject({
    name: `续约: ${contractTitle}`,
    amount: 120_000,
    closeDate: addDays(today, 20),
  });
  await app.goto('accounts');
  await renewals.open();
  await expect(renewals.dealLink(row)).toBeVisible();
  await expect(renewals.createDealButton(row)).toHaveCount(0);

  // The account's health before: never contacted (−25), the contract ends in 20 days ((90 − 20) / 90 of 10 → −8).
  await row.getByRole('link', { name: accountName }).click();
  const health = new HealthCard(page);
  await expect(health.score).toHaveText('67');
  await expect(health.band).toHaveText('需关注');
  await expect(health.points('breachedTickets')).toHaveText('0');
  await expect(health.points('overduePayments')).toHaveText('0');
  await expect(health.churnBadge).toHaveCount(0);

  // Eleven days later the first instalment is overdue, and a ticket breaches its SLA. The server's sweep runs on
  // real time: every hour is business time and the targets are one minute, so the breach comes within the journey.
  await page.clock.fastForward(11 * DAY);
  await createRecord(
    request,
    syncServer.url,
    admin,
    'settings',
    allHoursCalendarSetting(admin.workspace.id),
  );
  const oneMinute = { firstResponseMinutes: 1, resolutionMinutes: 1 };
  await createRecord(request, syncServer.url, admin, 'settings', {
    id: `${admin.workspace.id}:sla-journey`,
    teamId: '',
    kind: 'slaPolicy',
    key: 'sla-journey',
    value: {
      name: '一分钟',
      tiers: [],
      targets: { low: oneMinute, normal: oneMinute, high: oneMinute, urgent: oneMinute },
      warnAtPercent: 80,
    },
  });
  await createRecord(request, syncServer.url, admin, 'tickets', {
    ...buildTicket({
      accountId: account.id,
      subject: '支付接口超时',
      status: 'open',
      priority: 'urgent',
    }),
  });
  // Now: −25 recency, −2 one open ticket, −10 one breach, −8 one of two instalments overdue, −9 (9 days left) = 46.
  await expect(health.points('breachedTickets')).toHaveText('−10', { timeout: 180_000 });
  await expect(health.part('breachedTickets')).toContainText('1 个超时工单');
  await expect(health.points('overduePayments')).toHaveText('−8');
  await expect(health.part('overduePayments')).toContainText('1 期回款逾期，共 ¥60,000');
  await expect(health.score).toHaveText('46');
  await expect(health.band).toHaveText('风险');
  await expect(health.churnBadge).toHaveText('流失风险');
  // 30 days earlier it was 69 (−25, and 39 days to the end: −6): below 50 and 23 points down.
  await expect(health.previous).toHaveText('30 天前：69 分');
  await expect(health.churnReason('low')).toHaveText('低于 50 分');
  await expect(health.churnReason('drop')).toHaveText('30 天内下降 23 分');

  // The same in English.
  await app.switchLanguage('en');
  await expect(health.churnBadge).toHaveText('Churn risk');
  await expect(health.band).toHaveText('At risk');
  await expect(health.part('breachedTickets')).toContainText('1 breached ticket');
  await expect(health.part('overduePayments')).toContainText('1 overdue instalment, CN¥60,000');
  await expect(health.churnReason('drop')).toHaveText('down 23 points in 30 days');
  await renewals.open();
  await renewals.showWithin('Next 30 days');
  await expect(row.getByTestId('renewal-days-left')).toHaveText('9 days');
  await expect(row.getByTestId('health-churn-badge')).toHaveText('Churn risk');
  await expect(renewals.dealLink(row)).toBeVisible();
});
