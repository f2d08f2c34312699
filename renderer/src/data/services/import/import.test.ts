import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupDuplicates, duplicateProbe, planImport } from '@shared/import/duplicates';
import { guessMapping } from '@shared/import/header-guess';
import { ImportMessage, mappedFields, validateRows } from '@shared/import/validate-rows';
import { RejectReason } from '@shared/sync';
import type { CrmDatabase } from '../../database';
import type { Repositories } from '../../repositories';
import { openTestReplica } from '../../test-replica';
import { parseCsvBytes, parseImportFile } from './parse-file';
import { ImportService, type ImportProgress } from './import-service';
import { ImportJob } from './import-job';
import { accountFields } from '@shared/domain';
import { blankFields } from '@shared/domain/blank';

describe('parsing import files', () => {
  it('reads the first sheet of an XLSX workbook with typed cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['公司名称', '金额', '成立日期', '备注']);
    sheet.addRow([
      '北京示例科技有限公司',
      1234.5,
      new Date(Date.UTC(2026, 0, 5)),
      { richText: [{ text: '重' }, { text: '点' }] },
    ]);
    sheet.addRow([]);
    sheet.addRow(['上海示例有限公司', { formula: '1+1', result: 2 }, null, null]);
    workbook.addWorksheet('Other').addRow(['ignored']);
    const buffer = await workbook.xlsx.writeBuffer();
    const table = await parseImportFile('客户.xlsx', buffer);
    expect(table.headers).toEqual(['公司名称', '金额', '成立日期', '备注']);
    // The blank row stays, so rows keep the line numbers Excel shows (上海示例 is line 4).
    expect(table.rows).toEqual([
      ['北京示例科技有限公司', 1234.5, new Date(Date.UTC(2026, 0, 5)), '重点'],
      [null, null, null, null],
      ['上海示例有限公司', 2, null, null],
    ]);
    const checked = validateRows(table.rows, {
      kind: 'accounts',
      mapping: ['name', null, null, 'creditCode'],
      labels: {},
      members: [],
      accounts: [],
      actor: { userId: 'u1', workspaceId: 'w1', teamId: '' },
      now: 1_700_000_000_000,
      newId: () => crypto.randomUUID(),
    });
    expect(checked.valid.map((v) => v.row)).toEqual([4]);
    expect(checked.issues.map((i) => [i.row, i.field])).toEqual([[2, 'creditCode']]);
  });

  it('reads a UTF-8 CSV with a BOM, quoted commas and blank lines', () => {
    const text = '\uFEFF公司名称,备注\n"甲,乙有限公司","说""好"""\n\n丙公司,\n';
    const table = parseCsvBytes(new TextEncoder().encode(text));
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.headers).toEqual(['公司名称', '备注']);
    // The blank line keeps its place (丙公司 is line 4); the newline at the end makes no row.
    expect(table.rows).toEqual([['甲,乙有限公司', '说"好"'], [''], ['丙公司', '']]);
  });
});

describe('ImportService', () => {
  let db: CrmDatabase;
  let repos: Repositories;
  beforeEach(async () => {
    ({ db, repos } = await openTestReplica());
  });
  afterEach(async () => {
    await db.close();
  });

  function plan(count: number) {
    const rows = Array.from({ length: count }, (_, i) => [`导入公司${i}有限公司`]);
    let n = 0;
    const result = validateRows(rows, {
      kind: 'accounts',
      mapping: guessMapping('accounts', ['公司名称']),
      labels: {},
      members: [],
      accounts: [],
      actor: { userId: 'u1', workspaceId: 'w1', teamId: '' },
      now: 1_700_000_000_000,
      newId: () => `imp-${++n}`,
    });
    const groups = groupDuplicates(
      result.valid.map((v) => ({ row: v.row, probe: duplicateProbe('accounts', v.record) ?? {} })),
      [],
    );
    return planImport(result.valid, groups);
  }

  it('writes in batches with progress', async () => {
    const progress: ImportProgress[] = [];
    const summary = await new ImportService(repos).write('accounts', plan(25), {
      batchSize: 10,
      onProgress: (p) => progress.push(p),
    });
    expect(summary).toEqual({
      created: 25,
      updated: 0,
      skipped: 0,
      unchanged: 0,
      failed: 0,
      cancelled: false,
    });
    expect(progress).toEqual([
      { done: 10, total: 25 },
      { done: 20, total: 25 },
      { done: 25, total: 25 },
    ]);
    expect(await repos.accounts.count({ deleted: false })).toBe(25);
  });

  it('stops between batches on cancel and says how many were written', async () => {
    const controller = new AbortController();
    const summary = await new ImportService(repos).write('accounts', plan(25), {
      batchSize: 10,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 10) controller.abort();
      },
    });
    expect(summary).toMatchObject({ created: 10, cancelled: true });
    expect(await repos.accounts.count({ deleted: false })).toBe(10);
  });

  it('updates the existing record with the filled cells only', async () => {
    const existing = await repos.accounts.create({
      name: '老客户有限公司',
      nameKey: '',
      creditCode: '',
      industry: '',
      sizeBand: '',
      region: '',
      source: '',
      tier: 'A',
      status: 'customer',
      tags: [],
      phone: '010-1234',
      website: '',
      address: '',
      notes: '',
    });
    const result = validateRows([['老客户有限公司', '上海']], {
      kind: 'accounts',
      mapping: ['name', 'address'],
      labels: {},
      members: [],
      accounts: [],
      actor: { userId: 'u1', workspaceId: 'w1', teamId: '' },
      now: 1_700_000_000_000,
      newId: () => 'new-id',
    });
    const groups = groupDuplicates(
      result.valid.map((v) => ({ row: v.row, probe: duplicateProbe('accounts', v.record) ?? {} })),
      [{ id: existing.id, probe: existing }],
    );
    expect(groups).toHaveLength(1);
    const summary = await new ImportService(repos).write(
      'accounts',
      planImport(result.valid, [{ ...groups[0], action: 'update' }]),
      { updateFields: mappedFields(['name', 'address']) },
    );
    expect(summary).toMatchObject({ created: 0, updated: 1 });
    expect(await repos.accounts.get(existing.id)).toMatchObject({
      address: '上海',
      phone: '010-1234',
      tier: 'A',
      status: 'customer',
    });
  });

  it('does not rewrite a record whose mapped values equal the stored ones', async () => {
    const same = await repos.accounts.create({
      ...blankFields(accountFields),
      name: '不变客户有限公司',
      address: '北京',
      tags: ['renewal'],
    } as Parameters<typeof repos.accounts.create>[0]);
    const changed = await repos.accounts.create({
      ...blankFields(accountFields),
      name: '变化客户有限公司',
      address: '北京',
    } as Parameters<typeof repos.accounts.create>[0]);
    const revisionOf = async (id: string) => (await db.accounts.findOne(id).exec())?.revision;
    const before = { same: await revisionOf(same.id), changed: await revisionOf(changed.id) };
    const result = validateRows(
      [
        ['不变客户有限公司', '北京', 'renewal'],
        ['变化客户有限公司', '上海', ''],
      ],
      {
        kind: 'accounts',
        mapping: ['name', 'address', 'tags'],
        labels: {},
        members: [],
        accounts: [],
        actor: { userId: 'u1', workspaceId: 'w1', teamId: '' },
        now: 1_800_000_000_000,
        newId: () => crypto.randomUUID(),
      },
    );
    expect(result.issues).toEqual([]);
    const groups = groupDuplicates(
      result.valid.map((v) => ({ row: v.row, probe: duplicateProbe('accounts', v.record) ?? {} })),
      [same, changed].map((a) => ({ id: a.id, probe: a })),
    ).map((g) => ({ ...g, action: 'update' as const }));
    const progress: ImportProgress[] = [];
    const summary = await new ImportService(repos).write(
      'accounts',
      planImport(result.valid, groups),
      {
        updateFields: mappedFields(['name', 'address', 'tags']),
        onProgress: (p) => progress.push(p),
      },
    );
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: 1, failed: 0 });
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 });
    // The same record is untouched: same document revision (so no change to push) and updatedAt.
    expect(await revisionOf(same.id)).toBe(before.same);
    expect(await repos.accounts.get(same.id)).toEqual(same);
    expect(await revisionOf(changed.id)).not.toBe(before.changed);
    expect(await repos.accounts.get(changed.id)).toMatchObject({ address: '上海' });
  });
});

describe('ImportService: the owner → team rule', () => {
  let db: CrmDatabase;
  let repos: Repositories;
  beforeEach(async () => {
    ({ db, repos } = await openTestReplica());
    // The replica acts as u1 (team t1); south is a team below t1, north a team beside it.
    const team = (id: string, parentTeamId = '') =>
      repos.members.create({
        id,
        teamId: id,
        kind: 'team',
        name: id,
        email: '',
        role: '',
        parentTeamId,
        teamIds: [],
        active: true,
      });
    const user = (id: string, role: 'admin' | 'manager' | 'rep', teamId: string, name: string) =>
      repos.members.create({
        id,
        teamId,
        kind: 'user',
        name,
        email: '',
        role,
        parentTeamId: '',
        teamIds: [teamId],
        active: true,
      });
    await team('t1');
    await team('south', 't1');
    await team('north');
    await user('u1', 'rep', 't1', '我');
    await user('rep-s', 'rep', 'south', '南区销售');
    await user('rep-n', 'rep', 'north', '北区销售');
  });
  afterEach(async () => {
    await db.close();
  });

  async function importRows(rows: string[][], teamFor?: (ownerId: string) => string | null) {
    let n = 0;
    const members = (await repos.members.users()).map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
    }));
    const result = validateRows(rows, {
      kind: 'accounts',
      mapping: ['name', 'ownerId'],
      labels: {},
      members,
      accounts: [],
      actor: { userId: 'u1', workspaceId: 'w1', teamId: 't1' },
      now: 1_700_000_000_000,
      newId: () => `imp-${++n}`,
      teamFor,
    });
    const summary = await new ImportService(repos).write('accounts', planImport(result.valid, []));
    return { result, summary };
  }

  it("saves an imported record in its owner's team, as create does", async () => {
    await repos.members.update('u1', { role: 'admin' });
    const { summary } = await importRows([
      ['南区客户有限公司', '南区销售'],
      ['我的客户有限公司', ''],
    ]);
    expect(summary).toMatchObject({ created: 2, failed: 0 });
    expect(await repos.accounts.get('imp-1')).toMatchObject({ ownerId: 'rep-s', teamId: 'south' });
    expect(await repos.accounts.get('imp-2')).toMatchObject({ ownerId: 'u1', teamId: 't1' });
  });

  it('reports an owner outside the scope at validation, and refuses it at write', async () => {
    // A manager of t1 hands records to people in t1 and the teams below it, not to north.
    await repos.members.update('u1', { role: 'manager' });
    const teamFor = await new ImportService(repos).teamFor('accounts', 't1');
    const checked = await importRows([['北区客户有限公司', '北区销售']], teamFor);
    expect(checked.result.issues).toEqual([
      { row: 2, field: 'ownerId', reason: ImportMessage.ownerOutOfScope },
    ]);
    // Without the check, the write itself refuses the row and says so.
    const { summary } = await importRows([
      ['北区客户有限公司', '北区销售'],
      ['南区客户有限公司', '南区销售'],
    ]);
    expect(summary).toMatchObject({
      created: 1,
      failed: 1,
      refused: [{ id: 'imp-1', reason: RejectReason.ownerOutOfScope }],
    });
    expect(await repos.accounts.get('imp-2')).toMatchObject({ teamId: 'south' });
  });
});

describe('ImportJob: parse → analyze → plan → write in batches', () => {
  let db: CrmDatabase;
  let repos: Repositories;
  beforeEach(async () => {
    ({ db, repos } = await openTestReplica());
  });
  afterEach(async () => {
    await db.close();
  });

  it('reports bad rows and duplicates, and writes the plan batch by batch', async () => {
    const existing = await repos.accounts.create({
      ...blankFields(accountFields),
      name: '老客户有限公司',
    } as Parameters<typeof repos.accounts.create>[0]);
    const csv =
      '\uFEFF公司名称,电话\n甲有限公司,010-1\n老客户有限公司,010-2\n,010-3\n乙有限公司,010-4\n甲有限公司,010-5\n丙有限公司,\n';
    const job = ImportJob.open({ worker: false });
    try {
      const table = await job.parse('客户.csv', new TextEncoder().encode(csv).buffer);
      expect(table).toMatchObject({
        encoding: 'utf-8-bom',
        headers: ['公司名称', '电话'],
        rowCount: 6,
      });
      const report = await job.analyze({
        kind: 'accounts',
        mapping: guessMapping('accounts', table.headers),
        labels: {},
        members: [],
        accounts: [],
        actor: { userId: 'u1', workspaceId: 'w1', teamId: '' },
        now: 1_700_000_000_000,
        existing: [{ id: existing.id, probe: existing }],
      });
      expect(report).toMatchObject({ validCount: 5, rejectedRows: [4] });
      expect(report.groups.map((g) => [g.rows, g.existingIds, g.action])).toEqual([
        [[2, 6], [], 'create'],
        [[3], [existing.id], 'skip'],
      ]);
      expect(await job.rows([4])).toEqual({ 4: ['', '010-3'] });
      const plan = await job.plan(report.groups);
      expect(plan).toMatchObject({ createCount: 3, skipped: [3, 6] });
      const progress: ImportProgress[] = [];
      const summary = await new ImportService(repos).write(
        'accounts',
        job.streamedPlan<'accounts'>(plan),
        {
          batchSize: 2,
          onProgress: (p) => progress.push(p),
        },
      );
      expect(summary).toMatchObject({ created: 3, skipped: 2, failed: 0, cancelled: false });
      expect(progress.map((p) => p.done)).toEqual([2, 3]);
      const names = (await repos.accounts.find({ selector: { deleted: false }, limit: 10 })).map(
        (a) => a.name,
      );
      expect(names.sort()).toEqual(['丙有限公司', '乙有限公司', '甲有限公司', '老客户有限公司']);
    } finally {
      job.close();
    }
  });
});

describe('rejectsXlsx', () => {
  it('writes rejected rows with a reason column that reads back', async () => {
    const { rejectsXlsx } = await import('./rejects-xlsx');
    const data = rejectsXlsx({
      headers: ['公司名称', '手机'],
      rows: [
        ['好公司', '13800138000'],
        ['', '123'],
      ],
      issues: [{ row: 3, field: 'name', reason: 'validation.required' }],
      reasonHeader: '错误原因',
      describe: () => '公司名称：此项为必填项',
    });
    const table = await parseImportFile('rejects.xlsx', data);
    expect(table.headers).toEqual(['公司名称', '手机', '错误原因']);
    // The empty name is an empty cell, as Excel keeps it (the import reads both as blank).
    expect(table.rows).toEqual([[null, '123', '公司名称：此项为必填项']]);
  });
});
