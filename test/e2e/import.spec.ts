import ExcelJS from 'exceljs';
import { expect, test } from './support/fixtures';
import { buildAccount, invalidCreditCode, validCreditCode } from './support/factories';
import { encodeGb18030, ImportWizard } from './support/pages/import-wizard';
import { gridContents } from './support/pages/list-export';
import { describeViolations, scanScreen } from './support/accessibility';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Each journey walks all six steps (three axe scans in the first) on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

// Journey (zh-CN, issue 17 "Import"): a company's Excel sheet of customers goes in through the wizard. The
// bad rows are explained row by row and can be downloaded in the same format with a reason column; a
// controlled-list cell that matched nothing is mapped by hand; the row that names an existing customer
// updates it; the good rows appear in the list. The wizard's screens pass the axe scan.
test('从 Excel 导入客户：逐行校验、对应值、更新已有客户、下载问题行', async ({ app, page }) => {
  await app.startLocalWorkspace();
  const existing = buildAccount();
  await app.createAccount(existing);
  const [first, second, badCode, unknownRegion] = [0, 1, 2, 3].map(() => buildAccount());

  const headers = ['公司名称', '统一社会信用代码', '行业', '省份', '客户等级', '备注'];
  const rows = [
    [first.name, first.creditCode, '软件和信息技术服务业', '广东', 'A', ''],
    [second.name, '', '互联网和相关服务', '上海', 'VIP', '展会认识'],
    ['', validCreditCode(), '', '', '', '没有名称'],
    [badCode.name, invalidCreditCode(), '', '', '', ''],
    [existing.name, existing.creditCode, '', '浙江', '', '来自展会名单'],
    [unknownRegion.name, '', '', '火星', '', ''],
  ];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const file = { name: '客户名单.xlsx', mimeType: XLSX_MIME, buffer };

  await app.accounts.open();
  const wizard = new ImportWizard(page);
  await wizard.openFrom('accounts');
  await expect(page.getByRole('combobox', { name: '导入到' })).toHaveValue('客户');
  await wizard.chooseFile(file, 6);
  await wizard.goNext();

  // Columns are guessed from the Chinese headers.
  await expect(wizard.fieldOf('公司名称')).toHaveValue('公司名称 *');
  await expect(wizard.fieldOf('统一社会信用代码')).toHaveValue('统一社会信用代码');
  await expect(wizard.fieldOf('省份')).toHaveValue('地区');
  await expect(wizard.fieldOf('客户等级')).toHaveValue('客户等级');
  const onMapping = await scanScreen(page);
  expect(onMapping, describeViolations('import, columns', onMapping)).toEqual([]);
  await wizard.goNext();

  // "VIP" is no tier: the person says it means tier A; "火星" stays unmapped and its row is refused.
  await expect(page.getByTestId('import-values-tier')).toContainText('VIP');
  await expect(page.getByTestId('import-values-region')).toContainText('火星');
  await wizard.mapValue('VIP', 'A 类（战略客户）');
  await wizard.goNext();

  await expect(wizard.counts).toHaveText('可导入 3 行，有问题 3 行。');
  const issues = await wizard.issueRows();
  expect(issues.map(([row, field]) => [row, field])).toEqual([
    ['4', '公司名称'],
    ['5', '统一社会信用代码'],
    ['7', '地区'],
  ]);
  expect(issues[0][2]).toBe('此项为必填项');
  expect(issues[1][2]).toBe('统一社会信用代码校验位不正确，请核对营业执照');
  expect(issues[2][2]).toContain('“火星”不是可选的值');
  expect(issues[2][3]).toBe('火星');
  const onReport = await scanScreen(page);
  expect(onReport, describeViolations('import, report', onReport)).toEqual([]);

  // The rejects come back as Excel, the file's own columns plus the reason, ready to fix and import again.
  const rejects = await wizard.downloadRejectsXlsx();
  expect(rejects.fileName).toBe('客户名单-未导入的行.xlsx');
  expect(rejects.header).toEqual([...headers, '错误原因']);
  expect(rejects.rows.map((r) => r.slice(0, headers.length))).toEqual([rows[2], rows[3], rows[5]]);
  expect(rejects.rows.map((r) => r[headers.length])).toEqual([
    '公司名称: 此项为必填项',
    '统一社会信用代码: 统一社会信用代码校验位不正确，请核对营业执照',
    expect.stringContaining('地区: “火星”不是可选的值'),
  ]);
  await wizard.goNext();

  // The row naming an existing customer (same credit code and name) updates it.
  await expect(wizard.groups).toHaveCount(1);
  const [group] = await wizard.groups.all();
  await expect(group).toContainText(`文件第 6 行`);
  await expect(group).toContainText(`已有：${existing.name}`);
  await expect(group.getByRole('radio', { name: '跳过' })).toBeChecked();
  await wizard.resolveGroup(group, '更新已有记录');
  const onDuplicates = await scanScreen(page);
  expect(onDuplicates, describeViolations('import, duplicates', onDuplicates)).toEqual([]);
  await wizard.goNext();

  await expect(wizard.next).toHaveText('开始导入 3 行');
  await wizard.run();
  await expect(wizard.summaryCount('created')).toHaveText('2');
  await expect(wizard.summaryCount('updated')).toHaveText('1');
  await expect(wizard.summaryCount('skipped')).toHaveText('0');
  await expect(wizard.summaryCount('rejected')).toHaveText('3');

  await page.getByTestId('import-open-list').click();
  await expect(app.accounts.grid.grid).toHaveAttribute('aria-rowcount', '4');
  const list = await gridContents(app.accounts.grid.grid);
  const byName = new Map(list.rows.map((row) => [row[0], row]));
  expect([...byName.keys()].sort()).toEqual([existing.name, first.name, second.name].sort());
  const region = list.header.indexOf('地区');
  expect(byName.get(existing.name)?.[region]).toBe('浙江');
  expect(byName.get(first.name)?.[region]).toBe('广东');
  expect(byName.get(first.name)?.[list.header.indexOf('行业')]).toBe('软件和信息技术服务业');

  // The next file with the same headers is mapped as saved.
  await wizard.openFrom('accounts');
  await wizard.chooseFile(file, 6);
  await wizard.goNext();
  await expect(page.getByTestId('import-saved-mapping')).toBeVisible();
});

// Journey (zh-CN, issue 17): contacts from a CSV that Excel on a Chinese Windows saved (GB18030, Chinese
// headers). Contacts find their account by company name; a bad mobile and an unknown company are refused and
// downloaded as CSV; two rows with the same mobile are one group, imported once.
test('导入 GB18030 编码的联系人 CSV：按公司名称关联客户，文件内重复只导入一次', async ({
  app,
  page,
}) => {
  await app.startLocalWorkspace();
  const account = buildAccount();
  await app.createAccount(account);

  const headers = ['姓名', '公司名称', '手机', '邮箱', '职位'];
  const rows = [
    ['王芳', account.name, '13800138000', 'wangfang@example.com', '采购经理'],
    ['李雷', account.name, '12345', '', '工程师'],
    ['韩梅梅', '不存在的贸易有限公司', '13900139000', '', ''],
    ['王芳（重复）', account.name, '138 0013 8000', '', ''],
    ['张伟', account.name, '13700137000', 'zhangwei@example.com', '总经理'],
  ];
  const text = [headers, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
  const file = { name: '联系人.csv', mimeType: 'text/csv', buffer: encodeGb18030(text) };

  await app.goto('contacts');
  const wizard = new ImportWizard(page);
  await wizard.openFrom('contacts');
  await expect(page.getByRole('combobox', { name: '导入到' })).toHaveValue('联系人');
  await wizard.chooseFile(file, 5);
  await expect(page.getByTestId('import-file-status')).toContainText('GB18030');
  await wizard.goNext();

  await expect(wizard.fieldOf('姓名')).toHaveValue('姓名 *');
  await expect(wizard.fieldOf('公司名称')).toHaveValue('所属客户（公司名称）');
  await expect(wizard.fieldOf('手机')).toHaveValue('手机');
  await wizard.goNext();
  await expect(page.getByText('所有列表值都已自动对应，无需设置。')).toBeVisible();
  await wizard.goNext();

  await expect(wizard.counts).toHaveText('可导入 3 行，有问题 2 行。');
  const issues = await wizard.issueRows();
  expect(issues.map(([row, field]) => [row, field])).toEqual([
    ['3', '手机'],
    ['4', '所属客户（公司名称）'],
  ]);
  expect(issues[1][2]).toContain('找不到客户“不存在的贸易有限公司”');

  const rejects = await wizard.downloadRejectsCsv();
  expect(rejects.fileName).toBe('联系人-未导入的行.csv');
  expect(rejects.header).toEqual([...headers, '错误原因']);
  expect(rejects.rows.map((r) => r.slice(0, headers.length))).toEqual([rows[1], rows[2]]);
  expect(rejects.rows[0][headers.length]).toMatch(/^手机: /);
  await wizard.goNext();

  // Rows 2 and 5 share a mobile: one group within the file, created once.
  await expect(wizard.groups).toHaveCount(1);
  const [group] = await wizard.groups.all();
  await expect(group).toContainText('文件第 2, 5 行');
  await expect(group).toContainText('文件内重复');
  await expect(group.getByRole('radio', { name: '新建' })).toBeChecked();
  await expect(group.getByRole('radio', { name: '更新已有记录' })).toBeDisabled();
  await wizard.goNext();

  await expect(wizard.next).toHaveText('开始导入 2 行');
  await wizard.run();
  await expect(wizard.summaryCount('created')).toHaveText('2');
  await expect(wizard.summaryCount('skipped')).toHaveText('1');
  await expect(wizard.summaryCount('rejected')).toHaveText('2');

  await page.getByTestId('import-open-list').click();
  await expect(app.listRows).toHaveCount(2);
  await expect(app.listRows.filter({ hasText: '王芳' })).toHaveCount(1);
  await expect(app.listRows.filter({ hasText: '张伟' })).toHaveCount(1);
});
