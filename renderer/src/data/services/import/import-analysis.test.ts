import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guessMapping, layoutSignature } from '@shared/import/header-guess';
import { ImportMessage } from '@shared/import/validate-rows';
import { buildAccount, validCreditCode } from '../../../../../test/support/factories';
import type { CrmDatabase } from '../../database';
import type { Repositories } from '../../repositories';
import { openTestReplica } from '../../test-replica';
import { analyzeImport, importContext, unmatchedValues } from './import-analysis';
import { ImportJob } from './import-job';

const ACTOR = { userId: 'u1', workspaceId: 'w1', teamId: 't1' };

/** A CSV file's bytes (UTF-8 with BOM) with `headers` and `rows`. */
function csvBytes(headers: string[], rows: string[][]): ArrayBuffer {
  return new TextEncoder().encode('\uFEFF' + Papa.unparse([headers, ...rows])).buffer;
}

describe("analyzeImport: the wizard's check through the import job", () => {
  let db: CrmDatabase;
  let repos: Repositories;
  let job: ImportJob;
  beforeEach(async () => {
    ({ db, repos } = await openTestReplica());
    job = ImportJob.open({ worker: false });
  });
  afterEach(async () => {
    job.close();
    await db.close();
  });

  it('reports problems with their file line numbers', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => [`行号测试${i}有限公司`, '', '']);
    rows[3999] = ['', '', '没有名称'];
    rows[4200] = ['坏代码有限公司', 'NOT-A-CODE', ''];
    await job.parse('客户.csv', csvBytes(['公司名称', '统一社会信用代码', '备注'], rows));
    const analysis = await analyzeImport(job, await importContext(repos, 'accounts', ACTOR), {
      mapping: ['name', 'creditCode', 'notes'],
      valueOverrides: {},
    });
    expect(analysis.validCount).toBe(4498);
    expect(analysis.rejectedRows).toEqual([4001, 4202]);
    expect(analysis.issues.map((i) => [i.row, i.field])).toEqual([
      [4001, 'name'],
      [4202, 'creditCode'],
    ]);
    expect(Object.keys(await job.rows(analysis.rejectedRows))).toEqual(['4001', '4202']);
  });

  it('groups rows with the replica, names the matched record and plans the chosen actions', async () => {
    const existing = await repos.accounts.create(buildAccount({ creditCode: validCreditCode() }));
    const headers = ['公司名称', '统一社会信用代码', '省份'];
    await job.parse(
      '客户.csv',
      csvBytes(headers, [
        [existing.name, existing.creditCode, '广东'],
        ['全新客户有限公司', '', '火星'],
        ['另一家新客户有限公司', '', '上海'],
      ]),
    );
    const analysis = await analyzeImport(job, await importContext(repos, 'accounts', ACTOR), {
      mapping: guessMapping('accounts', headers),
      valueOverrides: {},
    });
    expect(analysis.groups).toHaveLength(1);
    expect(analysis.groups[0]).toMatchObject({ rows: [2], existingIds: [existing.id] });
    expect(analysis.existing.get(existing.id)).toMatchObject({ name: existing.name });
    expect(unmatchedValues(analysis.issues)).toEqual(new Map([['region', ['火星']]]));

    const plan = await job.plan([{ ...analysis.groups[0], action: 'update' }]);
    expect(plan.update.map((u) => u.id)).toEqual([existing.id]);
    const created = await job.streamedPlan<'accounts'>(plan).createBatch(0, 10);
    expect(created.map((r) => r.name)).toEqual(['另一家新客户有限公司']);
  });

  it('applies a value chosen by hand', async () => {
    await job.parse('客户.csv', csvBytes(['公司名称', '区域'], [['全新客户有限公司', '华南区']]));
    const analysis = await analyzeImport(job, await importContext(repos, 'accounts', ACTOR), {
      mapping: ['name', 'region'],
      valueOverrides: { region: { 华南区: 'guangdong' } },
    });
    expect(analysis.issues).toEqual([]);
    const plan = await job.plan(analysis.groups);
    const [record] = await job.streamedPlan<'accounts'>(plan).createBatch(0, 1);
    expect(record.region).toBe('guangdong');
  });

  it("reports an owner outside the writer's scope, by the write's owner → team rule", async () => {
    // u1 manages t1; north is a team beside it, so u1 cannot hand records to its people.
    for (const [id, parentTeamId] of [
      ['t1', ''],
      ['north', ''],
    ])
      await repos.members.create({
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
    for (const [id, role, teamId, name] of [
      ['u1', 'manager', 't1', '我'],
      ['rep-n', 'rep', 'north', '北区销售'],
    ] as const)
      await repos.members.create({
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
    await job.parse(
      '客户.csv',
      csvBytes(
        ['公司名称', '负责人'],
        [
          ['北区客户有限公司', '北区销售'],
          ['我的客户有限公司', '我'],
        ],
      ),
    );
    const analysis = await analyzeImport(job, await importContext(repos, 'accounts', ACTOR), {
      mapping: ['name', 'ownerId'],
      valueOverrides: {},
    });
    expect(analysis.issues).toEqual([
      { row: 2, field: 'ownerId', reason: ImportMessage.ownerOutOfScope },
    ]);
    expect(analysis.validCount).toBe(1);
  });
});

describe('saved import mappings', () => {
  let db: CrmDatabase;
  let repos: Repositories;
  beforeEach(async () => {
    ({ db, repos } = await openTestReplica());
  });
  afterEach(async () => {
    await db.close();
  });

  it('recalls the mapping of a layout, whatever its spelling of spaces and width, and replaces it', async () => {
    const headers = Array.from({ length: 40 }, (_, i) => `很长的列名称第${i}列`);
    const signature = layoutSignature('accounts', headers);
    expect(await repos.settings.importMapping(signature)).toBeNull();
    const mapping = headers.map((_, i) => (i === 0 ? 'name' : null));
    await repos.settings.saveImportMapping({ kind: 'accounts', signature, mapping });
    const respelled = headers.map((h) => ` ${h} `);
    expect(await repos.settings.importMapping(layoutSignature('accounts', respelled))).toEqual({
      kind: 'accounts',
      signature,
      mapping,
    });
    const changed = headers.map((_, i) => (i === 1 ? 'name' : null));
    await repos.settings.saveImportMapping({ kind: 'accounts', signature, mapping: changed });
    expect((await repos.settings.importMapping(signature))?.mapping).toEqual(changed);
    expect(await repos.settings.count({ kind: 'importMapping', deleted: false })).toBe(1);
    // Another kind with the same headers is another layout.
    expect(await repos.settings.importMapping(layoutSignature('contacts', headers))).toBeNull();
  });
});
