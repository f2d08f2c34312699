import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures';
import { allHoursCalendarSetting, uniqueEmail } from './support/factories';
import { buildActivity, buildTicket } from '../support/factories';
import { JOURNEY_PASSWORD as password, type JourneySession } from './support/team-api';

/** Set-up through the journey server's REST API: records as another laptop or an integration writes them. */
async function send(
  request: APIRequestContext,
  method: 'post' | 'patch',
  url: string,
  session: JourneySession,
  data: object,
): Promise<{ id: string }> {
  const response = await request[method](url, {
    headers: { authorization: `Bearer ${session.accessToken}` },
    data,
  });
  expect(response.ok(), `${method} ${url}`).toBe(true);
  return (await response.json()) as { id: string };
}

const stat = (page: Page, id: string) => page.getByTestId(`service-stat-${id}`);

// Issue 22 "Must show" for the service dashboard: a small fixture, the numbers it predicts on screen, a ticket
// resolved on another laptop changing them, a drill-down, and a chart's table exported and read back.
test('service dashboard: predicted numbers, a resolved ticket moves them, drill-down and CSV export', async ({
  syncServer,
  teamApi,
  openLaptop,
  request,
}) => {
  test.setTimeout(360_000);
  const adminEmail = uniqueEmail('admin');
  const admin = await teamApi.createWorkspace({
    workspaceName: '客服中心',
    name: '陈总',
    email: adminEmail,
  });
  const now = Date.now();
  const tickets = `${syncServer.url}/api/records/tickets`;
  // Only the server's SLA sweep records a breach (a client cannot write one), and it runs on real time: every hour
  // is business time and a high-priority ticket has one minute, so the open high ticket breaches within the journey.
  const settings = `${syncServer.url}/api/records/settings`;
  await send(request, 'post', settings, admin, allHoursCalendarSetting(admin.workspace.id));
  const workingDay = { firstResponseMinutes: 480, resolutionMinutes: 2400 };
  await send(request, 'post', settings, admin, {
    id: `${admin.workspace.id}:sla-journey`,
    teamId: '',
    kind: 'slaPolicy',
    key: 'sla-journey',
    value: {
      name: '高优先级一分钟',
      tiers: [],
      targets: {
        low: workingDay,
        normal: workingDay,
        high: { firstResponseMinutes: 1, resolutionMinutes: 1 },
        urgent: workingDay,
      },
      warnAtPercent: 80,
    },
  });
  // Met: answered and resolved at once, CSAT 5.
  await send(request, 'post', tickets, admin, {
    ...buildTicket({ subject: '发票抬头修改', priority: 'normal', status: 'resolved' }),
    firstResponseAt: now,
    resolvedAt: now,
    csat: 5,
    csatAt: now,
  });
  // Breaches its one-minute resolution target while open (the sweep records it).
  await send(request, 'post', tickets, admin, {
    ...buildTicket({ subject: '打印机无法联网', priority: 'high', status: 'open' }),
    firstResponseAt: now,
  });
  // Running: new, urgent, nothing breached yet.
  const running = await send(request, 'post', tickets, admin, {
    ...buildTicket({ subject: '系统无法登录', priority: 'urgent', status: 'new' }),
  });
  // NPS answers 10, 9 and 3: two promoters, one detractor → (2 − 1) / 3 = 33.
  for (const score of [10, 9, 3])
    await send(request, 'post', `${syncServer.url}/api/records/activities`, admin, {
      ...buildActivity({ type: 'nps', subject: `NPS ${score}`, occurredAt: now, done: true }),
      npsScore: score,
    });

  const { page, app } = await openLaptop();
  await app.connectTeam({ mode: 'signIn', serverUrl: syncServer.url, email: adminEmail, password });
  await page.getByTestId('nav-dashboards').click();
  await page.getByTestId('dashboard-tab-service').click();
  const board = page.getByTestId('dashboard-service');
  await expect(board).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });

  // SLA: 1 met, 1 breached, 1 running → 50 %. Backlog 2. CSAT 5. NPS 33.
  await expect(stat(page, 'backlog')).toHaveAttribute('data-value', '2', { timeout: 30_000 });
  await expect(stat(page, 'sla')).toHaveAttribute('data-value', '0.5', { timeout: 180_000 });
  await expect(stat(page, 'sla')).toHaveText('50%');
  await expect(stat(page, 'csat')).toHaveAttribute('data-value', '5');
  await expect(stat(page, 'nps')).toHaveAttribute('data-value', '33');
  await expect(stat(page, 'frt')).not.toHaveText('—');

  // Another laptop resolves the running ticket: the backlog falls to 1 and SLA compliance rises to 2 / 3.
  const resolvedAt = Date.now();
  await send(request, 'patch', `${tickets}/${running.id}`, admin, {
    status: 'resolved',
    firstResponseAt: resolvedAt,
    resolvedAt,
  });
  await expect(stat(page, 'backlog')).toHaveAttribute('data-value', '1', { timeout: 30_000 });
  await expect(stat(page, 'sla')).toHaveAttribute('data-value', String(2 / 3));

  // Drill down: the backlog's table, its "< 1 天" row → the one open ticket.
  const backlog = page.getByTestId('chart-backlog');
  await backlog.getByTestId('chart-backlog-view').getByText('表格').click();
  await expect(page.getByTestId('chart-backlog-cell-0-total')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('chart-backlog-cell-0-high')).toHaveAttribute('data-value', '1');
  await page.getByTestId('chart-backlog-row-0').click();
  const drawer = page.getByTestId('drill-drawer');
  await expect(drawer.getByTestId('drill-row')).toHaveCount(1);
  await expect(drawer).toContainText('打印机无法联网');
  await page.keyboard.press('Escape');

  // Export the SLA chart's table as CSV and read it back: one row per priority, the counts on screen.
  const sla = page.getByTestId('chart-sla');
  await sla.getByTestId('chart-sla-export').click();
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const bytes = await readFile(await (await downloaded).path());
  const parsed = Papa.parse<string[]>(
    new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''),
    {
      skipEmptyLines: true,
    },
  );
  const [header = [], ...rows] = parsed.data;
  expect(header).toEqual(['优先级', '工单数', '达成', '违约', '进行中', '达成率']);
  const byPriority = Object.fromEntries(rows.map((r) => [r[0], r.slice(1)]));
  expect(byPriority['普通'].slice(0, 4)).toEqual(['1', '1', '0', '0']);
  expect(byPriority['高'].slice(0, 4)).toEqual(['1', '0', '1', '0']);
  expect(byPriority['紧急'].slice(0, 4)).toEqual(['1', '1', '0', '0']);
  expect(byPriority['低'].slice(0, 4)).toEqual(['0', '0', '0', '0']);
});
