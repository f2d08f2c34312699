import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guessMapping, layoutSignature } from '@shared/import/header-guess';
import { buildAccount, validCreditCode } from '../../../../../test/support/factories';
import type { CrmDatabase } from '../../database';
import type { Repositories } from '../../repositories';
import { openTestReplica } from '../../test-replica';
import { analyzeImport, importPlan, unmatchedValues } from './import-analysis';

const ACTOR = { userId: 'u1', workspaceId: 'w1', teamId: 't1' };

describe('analyzeImport', () => {
  let db: CrmDatabase;
  let repos: Repositories;
  beforeEach(async () => {
    ({ db, repos } = await openTestReplica());
  });
  afterEach(async () => {
    await db.close();
  });

  it('checks rows in slices and keeps the file line numbers across slices', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => [`切片测试${i}有限公司`, '', '']);
    rows[3999] = ['', '', '没有名称'];
    rows[4200] = ['坏代码有限公司', 'NOT-A-CODE', ''];
    const progress: number[] = [];
    const analysis = await analyzeImport(repos, {
      kind: 'accounts',
      rows,
      mapping: ['name', 'creditCode', 'notes'],
      valueOverrides: {},
      actor: ACTOR,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([2000, 4000, 4500]);
    expect(analysis.validation.valid).toHaveLength(4498);
    expect(analysis.validation.rejectedRows).toEqual([4001, 4202]);
    expect(analysis.validation.issues.map((i) => [i.row, i.field])).toEqual([
      [4001, 'name'],
      [4202, 'creditCode'],
    ]);
  });

  it('groups rows with the replica and plans the chosen actions', async () => {
    const existing = await repos.accounts.create(buildAccount({ creditCode: validCreditCode() }));
    const analysis = await analyzeImport(repos, {
      kind: 'accounts',
      rows: [
        [existing.name, existing.creditCode, '广东'],
        ['全新客户有限公司', '', '火星'],
        ['另一家新客户有限公司', '', '上海'],
      ],
      mapping: guessMapping('accounts', ['公司名称', '统一社会信用代码', '省份']),
      valueOverrides: {},
      actor: ACTOR,
    });
    expect(analysis.groups).toHaveLength(1);
    expect(analysis.groups[0]).toMatchObject({ rows: [2], existingIds: [existing.id] });
    expect(analysis.existing.get(existing.id)).toMatchObject({ name: existing.name });
    expect(unmatchedValues(analysis.validation.issues)).toEqual(new Map([['region', ['火星']]]));

    const plan = importPlan(analysis, new Map([[0, 'update']]));
    expect(plan.update.map((u) => u.id)).toEqual([existing.id]);
    expect(plan.create.map((r) => r.name)).toEqual(['另一家新客户有限公司']);
  });

  it('applies a value chosen by hand', async () => {
    const analysis = await analyzeImport(repos, {
      kind: 'accounts',
      rows: [['全新客户有限公司', '华南区']],
      mapping: ['name', 'region'],
      valueOverrides: { region: { 华南区: 'guangdong' } },
      actor: ACTOR,
    });
    expect(analysis.validation.issues).toEqual([]);
    expect(analysis.validation.valid[0].record.region).toBe('guangdong');
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
