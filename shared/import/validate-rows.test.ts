import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PIPELINE,
  DEFAULT_PIPELINE_ID,
  accountFields,
  accountSchema,
  contactSchema,
} from '../domain';
import { blankFields } from '../domain/blank';
import { storedForm } from '../rules/stored-form';
import { creditCodeCheckChar } from '../validation/credit-code';
import { ValidationMessage } from '../validation/messages';
import { guessMapping } from './header-guess';
import { ImportMessage, accountRefs, validateRows, type ValidateOptions } from './validate-rows';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const CODE_A = code('91110108MA01ABCDE');
const CODE_B = code('91440300MA5FXY312');

function options(kind: ValidateOptions['kind'], headers: string[]): ValidateOptions {
  let n = 0;
  return {
    kind,
    mapping: guessMapping(kind, headers),
    labels: {
      industry: { I65: ['软件和信息技术服务业', 'Software and IT services'] },
      region: { guangdong: ['广东', 'Guangdong'], beijing: ['北京', 'Beijing'] },
    },
    members: [{ id: 'u-zhang', name: '张伟', email: 'zhang.wei@example.com' }],
    accounts: [],
    actor: { userId: 'me', workspaceId: 'ws', teamId: 'team-1' },
    now: 1_700_000_000_000,
    newId: () => `id-${++n}`,
  };
}

describe('validateRows: accounts', () => {
  const headers = ['公司名称', '统一社会信用代码', '行业', '省份', '负责人', '标签'];
  const result = validateRows(
    [
      ['北京示例科技有限公司', CODE_A, '软件和信息技术服务业', '北京', '张伟', 'keyAccount，VIP'],
      ['', CODE_B, '', '', '', ''],
      ['广州坏数据有限公司', '91110108MA01ABCDEX', '餐饮', '火星', '王芳', ''],
      ['', '', '', '', '', ''],
      ['Ｓｈｅｎｚｈｅｎ  Demo Co., Ltd.', '', 'I65', 'guangdong', 'zhang.wei@example.com', ''],
    ],
    { ...options('accounts', headers), kind: 'accounts' },
  );

  it('turns valid rows into records the app schema accepts', () => {
    expect(result.valid.map((v) => v.row)).toEqual([2, 6]);
    const [first, second] = result.valid.map((v) => v.record);
    expect(accountSchema.safeParse(first).success).toBe(true);
    expect(first).toMatchObject({
      id: 'id-1',
      name: '北京示例科技有限公司',
      nameKey: '北京示例科技',
      creditCode: CODE_A,
      industry: 'I65',
      region: 'beijing',
      ownerId: 'u-zhang',
      teamId: 'team-1',
      status: 'prospect',
      tags: ['keyAccount', 'VIP'],
      workspaceId: 'ws',
      createdBy: 'me',
    });
    expect(second).toMatchObject({ name: 'Shenzhen Demo Co., Ltd.', region: 'guangdong' });
  });

  it('explains every bad cell with the file line, field and a stable reason', () => {
    expect(result.rejectedRows).toEqual([3, 4]);
    expect(result.issues).toEqual([
      { row: 3, field: 'name', reason: ValidationMessage.required },
      { row: 4, field: 'industry', reason: ImportMessage.valueUnknown, params: { value: '餐饮' } },
      { row: 4, field: 'region', reason: ImportMessage.valueUnknown, params: { value: '火星' } },
      { row: 4, field: 'ownerId', reason: ImportMessage.ownerUnknown, params: { value: '王芳' } },
      { row: 4, field: 'creditCode', reason: ValidationMessage.creditCodeChecksum },
    ]);
  });

  it('uses the wizard value mapping before the labels', () => {
    const out = validateRows([['某公司', '', '', '华南区', '', '']], {
      ...options('accounts', headers),
      kind: 'accounts',
      valueOverrides: { region: { 华南区: 'guangdong' } },
    });
    expect(out.issues).toEqual([]);
    expect(out.valid[0]?.record.region).toBe('guangdong');
  });
});

describe('validateRows: relations by key', () => {
  it("resolves a contact's company by credit code or name, existing or created by the same import", () => {
    const accounts = validateRows([['新建客户有限公司', CODE_B]], {
      ...options('accounts', ['公司名称', '信用代码']),
      kind: 'accounts',
    });
    const contacts = validateRows(
      [
        [
          '王小明',
          '（不一致的名字）',
          CODE_A,
          '+86 138-0013-8000',
          'WANG@EXAMPLE.COM',
          '2026年1月5日',
        ],
        ['李雷', '新建客户（有限公司）', '', '13900139000', '', ''],
        ['韩梅梅', '不存在的公司', '', '12345', 'bad', '2026-13-01'],
      ],
      {
        ...options('contacts', ['姓名', '公司名称', '统一社会信用代码', '手机', '邮箱', '生日']),
        kind: 'contacts',
        accounts: [
          { id: 'acc-existing', name: '北京示例科技有限公司', creditCode: CODE_A },
          ...accountRefs(accounts.valid),
        ],
      },
    );
    expect(contacts.valid.map((v) => [v.row, v.record.accountId])).toEqual([
      [2, 'acc-existing'],
      [3, accounts.valid[0]?.record.id],
    ]);
    expect(contactSchema.safeParse(contacts.valid[0]?.record).success).toBe(true);
    expect(contacts.valid[0]?.record).toMatchObject({
      mobile: '13800138000',
      email: 'wang@example.com',
      birthday: '2026-01-05',
    });
    expect(contacts.issues).toEqual([
      {
        row: 4,
        field: 'birthday',
        reason: ImportMessage.dateFormat,
        params: { value: '2026-13-01' },
      },
      {
        row: 4,
        field: 'accountName',
        reason: ImportMessage.accountUnknown,
        params: { value: '不存在的公司' },
      },
      { row: 4, field: 'mobile', reason: ValidationMessage.mobileFormat },
      { row: 4, field: 'email', reason: ValidationMessage.emailFormat },
    ]);
  });

  it('deals take their stage probability and amounts with separators', () => {
    const deals = validateRows(
      [['ERP 项目', '北京示例科技有限公司', '需求确认', '1,200,000', '2026/3/31']],
      {
        ...options('deals', ['商机名称', '客户名称', '阶段', '金额', '预计成交日期']),
        kind: 'deals',
        labels: { stage: { needs: ['需求确认', 'Needs'] } },
        accounts: [{ id: 'acc-1', name: '北京示例科技有限公司', creditCode: '' }],
      },
    );
    expect(deals.issues).toEqual([]);
    expect(deals.valid[0]?.record).toMatchObject({
      accountId: 'acc-1',
      stage: 'needs',
      probability: 20,
      amount: 1_200_000,
      closeDate: '2026-03-31',
    });
  });
});

describe('validateRows: deals into a pipeline named in the file', () => {
  const projects = {
    id: 'pipeline-projects',
    name: '项目制销售',
    stages: [
      {
        id: 'survey',
        name: '现场勘察',
        probability: 15,
        outcome: 'open' as const,
        requiredFields: [],
      },
      { id: 'bid', name: '投标', probability: 50, outcome: 'open' as const, requiredFields: [] },
      { id: 'signed', name: '中标', probability: 100, outcome: 'won' as const, requiredFields: [] },
    ],
  };
  const run = (rows: string[][]) =>
    validateRows(rows, {
      ...options('deals', ['商机名称', '销售流程', '阶段']),
      kind: 'deals',
      labels: { stage: { needs: ['需求确认', 'Needs'] } },
      pipelines: [{ id: DEFAULT_PIPELINE_ID, ...DEFAULT_PIPELINE }, projects],
    });

  it('maps the pipeline column by name or id and finds the stage in that pipeline', () => {
    const out = run([
      ['管网改造', '项目制销售', '投标'],
      ['二期扩容', 'pipeline-projects', '中标'],
      ['软件采购', '', '需求确认'],
      ['维保续约', '项目制销售', ''],
    ]);
    expect(out.issues).toEqual([]);
    expect(out.valid.map((v) => v.record)).toMatchObject([
      { pipelineId: 'pipeline-projects', stage: 'bid', probability: 50, status: 'open' },
      { pipelineId: 'pipeline-projects', stage: 'signed', probability: 100, status: 'won' },
      { pipelineId: DEFAULT_PIPELINE_ID, stage: 'needs', probability: 20, status: 'open' },
      { pipelineId: 'pipeline-projects', stage: 'survey', probability: 15 },
    ]);
  });

  it("refuses an unknown pipeline, and a stage its row's pipeline does not have", () => {
    const out = run([
      ['甲', '不存在的流程', '投标'],
      ['乙', '项目制销售', '需求确认'],
    ]);
    expect(out.valid).toEqual([]);
    expect(out.issues).toEqual([
      {
        row: 2,
        field: 'pipelineId',
        reason: ImportMessage.valueUnknown,
        params: { value: '不存在的流程' },
      },
      { row: 3, field: 'stage', reason: ImportMessage.valueUnknown, params: { value: '需求确认' } },
    ]);
  });
});

describe('validateRows: records as the app stores them', () => {
  it("starts from the schema blanks and stores through the repositories' stored form", () => {
    const out = validateRows(
      [['  Ｓｈｅｎｚｈｅｎ  Demo Co., Ltd. ', ' 91110108ma01abcde' + CODE_A.slice(-1)]],
      {
        ...options('accounts', ['公司名称', '信用代码']),
        kind: 'accounts',
      },
    );
    const record = out.valid[0]?.record;
    expect(record).toEqual(
      storedForm('accounts', {
        ...blankFields(accountFields),
        ...record,
        name: '  Ｓｈｅｎｚｈｅｎ  Demo Co., Ltd. ',
        nameKey: '',
        creditCode: ' 91110108ma01abcde' + CODE_A.slice(-1),
      }),
    );
    expect(record).toMatchObject({ creditCode: CODE_A, status: 'prospect', tags: [] });
  });
});

describe('validateRows: leads left for the assignment rules', () => {
  it('leaves a lead without an owner cell unowned when blankOwner is empty, and keeps a named owner', () => {
    const result = validateRows(
      [
        ['王芳', '13912345678', ''],
        ['李雷', '13912345679', '张伟'],
      ],
      { ...options('leads', ['姓名', '手机', '负责人']), blankOwner: '' },
    );
    expect(result.issues).toEqual([]);
    expect(
      result.valid.map((v) => [(v.record as { name: string }).name, v.record.ownerId]),
    ).toEqual([
      ['王芳', ''],
      ['李雷', 'u-zhang'],
    ]);
    // Without the option the importer owns it, as before.
    const own = validateRows(
      [['王芳', '13912345678', '']],
      options('leads', ['姓名', '手机', '负责人']),
    );
    expect(own.valid[0].record.ownerId).toBe('me');
  });
});
