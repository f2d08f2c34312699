import { expect, test } from './support/fixtures';
import { buildAccount, buildContact } from './support/factories';
import { gridContents, ListExport } from './support/pages/list-export';

/** The wall-clock text of an XLSX date cell (its UTC parts are the local time the list showed). */
function cellDateTime(value: unknown): string {
  expect(value).toBeInstanceOf(Date);
  return (value as Date).toISOString().slice(0, 16).replace('T', ' ');
}

// Journey (zh-CN, issue 17 "Export"): a person filters the accounts list and exports it to CSV and to Excel;
// both files hold what the list shows — its columns and headers, its rows in its order, its labels.
test('客户列表按当前筛选导出 CSV 和 Excel：表头、行数和值与列表一致', async ({ app, page }) => {
  await app.startLocalWorkspace();
  const pine = [buildAccount(), buildAccount()].map((a) => ({
    ...a,
    name: a.name.replace('上海云杉信息技术', '北京松果科技'),
  }));
  const other = buildAccount();
  for (const account of [...pine, other]) await app.createAccount(account);

  await app.accounts.open();
  await expect(app.accounts.grid.grid).toHaveAttribute('aria-rowcount', '4');
  await app.accounts.filterText('松果', 2);
  const grid = await gridContents(app.accounts.grid.grid);
  // The health column (issue 21) is a score computed for the rows on screen, not a stored field: it is not exported.
  const health = grid.header.indexOf('健康度');
  expect(health).toBeGreaterThan(0);
  const shown = {
    header: grid.header.filter((_, c) => c !== health),
    rows: grid.rows.map((row) => row.filter((_, c) => c !== health)),
  };
  expect(shown.header[0]).toBe('公司全称');
  // What the list shows for an empty field ("—") is an empty cell in the file.
  const expected = shown.rows.map((row) => row.map((cell) => (cell === '—' ? '' : cell)));
  expect(expected.map((row) => row[0]).sort()).toEqual(pine.map((a) => a.name).sort());

  const exportMenu = new ListExport(page, 'accounts-export');
  await expect(exportMenu.button).toHaveAccessibleName(/导出/);

  const csv = await exportMenu.csv();
  expect(csv.fileName).toMatch(/^客户-\d{8}-\d{4}\.csv$/);
  expect(csv.bom).toBe(true);
  expect(csv.header).toEqual(shown.header);
  expect(csv.rows).toHaveLength(2);
  expect(csv.rows).toEqual(expected);

  const xlsx = await exportMenu.xlsx();
  expect(xlsx.fileName).toMatch(/^客户-\d{8}-\d{4}\.xlsx$/);
  expect(xlsx.header).toEqual(shown.header);
  expect(xlsx.sheet.getRow(1).font?.bold).toBe(true);
  expect(xlsx.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(xlsx.rows).toHaveLength(2);
  const updated = shown.header.indexOf('更新时间');
  xlsx.rows.forEach((row, i) => {
    const cells = shown.header.map((_, c) => row.getCell(c + 1).value);
    expect(cells[0]).toBe(expected[i][0]);
    // Labels as the list shows them (status in Chinese, the owner's name).
    expect(cells.map((v, c) => (c === updated ? '' : (v ?? '')))).toEqual(
      expected[i].map((v, c) => (c === updated ? '' : v)),
    );
    // The update time is a date cell, showing the time the list shows.
    expect(cellDateTime(cells[updated])).toBe(expected[i][updated]);
  });
});

// Journey (English, issue 17): deals export from the board (every deal) and from the filtered table, with
// English headers, the amount as a number with a money format and the close date as a date.
test('deals export from the board and the filtered table, typed cells in English', async ({
  app,
  page,
}) => {
  await app.startLocalWorkspace({ language: 'en' });
  const account = buildAccount();
  const buyer = buildContact({ name: 'Wang Fang' });
  await app.createAccount(account);
  await app.account.addContact(buyer);
  await app.account.addDeal({
    name: 'Data platform',
    contactName: buyer.name,
    amount: 480000,
    closeDate: '2026-12-31',
  });
  await app.account.addDeal({
    name: 'Support renewal',
    contactName: buyer.name,
    amount: 36000,
    closeDate: '2027-03-31',
  });

  await app.board.open();
  await app.board.showView('board');
  const exportMenu = new ListExport(page, 'deals-export');
  const all = await exportMenu.csv();
  expect(all.bom).toBe(true);
  expect(all.header).toEqual([
    'Deal name',
    'Account',
    'Stage',
    'Status',
    'Amount',
    'Probability',
    'Expected close date',
    'Owner',
    'Last activity',
    'Updated',
    'Forecast category',
  ]);
  expect(all.rows.map((r) => r[0]).sort()).toEqual(['Data platform', 'Support renewal']);
  // An open deal with no call counts as pipeline (issue 20).
  expect(all.rows.every((r) => r[10] === 'Pipeline')).toBe(true);
  // Account names are resolved for every exported row; amounts are plain numbers.
  for (const row of all.rows) expect(row[1]).toBe(account.name);
  expect(all.rows.find((r) => r[0] === 'Data platform')?.[4]).toBe('480000');

  await app.board.showView('table');
  await app.board.searchTable('renewal', 1);
  const shown = await gridContents(page.getByTestId('deal-table'));
  const xlsx = await exportMenu.xlsx();
  expect(xlsx.header).toEqual(shown.header);
  expect(xlsx.rows).toHaveLength(1);
  const [row] = xlsx.rows;
  expect(row.getCell(1).value).toBe('Support renewal');
  expect(row.getCell(2).value).toBe(account.name);
  expect(row.getCell(3).value).toBe(shown.rows[0][2]);
  expect(row.getCell(5).value).toBe(36000);
  expect(row.getCell(5).numFmt).toBe('#,##0.00');
  expect(typeof row.getCell(6).value).toBe('number');
  expect(cellDateTime(row.getCell(7).value)).toBe('2027-03-31 00:00');
  expect(cellDateTime(row.getCell(10).value)).toBe(shown.rows[0][9]);
});

// Journey (English, issue 17): an account's activities export from its timeline with the headers the import
// knows (features/import/round-trip.test.ts proves such a file imports back unchanged).
test("an account's activities export from its timeline to CSV and Excel", async ({ app, page }) => {
  await app.startLocalWorkspace({ language: 'en' });
  const account = buildAccount({ name: 'Suzhou Riverside Robotics Co., Ltd.' });
  await app.createAccount(account);
  await app.account.logActivity('visit', 'On-site visit: line audit');
  await app.account.logActivity('task', 'Send the quote');
  await expect(app.account.timeline.getByTestId('timeline-item')).toHaveCount(2);

  const header = [
    'Subject',
    'Type',
    'Account',
    'Time',
    'Details',
    'Outcome',
    'Next step',
    'Due date',
    'Done',
    'Owner',
  ];
  const exportMenu = new ListExport(page, 'timeline-export');
  const csv = await exportMenu.csv();
  expect(csv.fileName).toMatch(
    /^Suzhou Riverside Robotics Co\., Ltd\.-activities-\d{8}-\d{4}\.csv$/,
  );
  expect(csv.header).toEqual(header);
  // A logged visit is done; a task is open until ticked.
  expect(csv.rows.map((row) => [...row.slice(0, 3), row[8]]).sort()).toEqual([
    ['On-site visit: line audit', 'Visit', account.name, 'Yes'],
    ['Send the quote', 'Task', account.name, 'No'],
  ]);
  for (const row of csv.rows) expect(row[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

  const xlsx = await exportMenu.xlsx();
  expect(xlsx.header).toEqual(header);
  expect(xlsx.rows).toHaveLength(2);
  for (const row of xlsx.rows) expect(row.getCell(4).value).toBeInstanceOf(Date);
});
