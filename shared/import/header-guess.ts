import { toHalfWidth } from '../validation/company-name';

/**
 * Column mapping for imports (issue 17): which field of a record kind each column of a file fills, guessed
 * from the file's headers in Chinese or English. Headers are compared after `normalizeHeader`, so
 * "公司名称 ", "公司名称（必填）" and "Company Name" all find their field.
 */
export const IMPORT_KINDS = ['accounts', 'contacts', 'leads', 'deals', 'activities'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A target field and the header spellings that mean it (normalized on use, so write them as people do). */
export interface ImportField {
  field: string;
  synonyms: readonly string[];
  /** A value is needed for a valid row (the row is rejected without it). */
  required?: boolean;
}

const OWNER: ImportField = {
  field: 'ownerId',
  synonyms: ['负责人', '归属人', '所有人', '销售', '客户经理', 'Owner', 'Owner email', 'Sales rep'],
};
const NOTES: ImportField = {
  field: 'notes',
  synonyms: ['备注', '说明', 'Notes', 'Note', 'Remark'],
};
const MOBILE: ImportField = {
  field: 'mobile',
  synonyms: [
    '手机',
    '手机号',
    '手机号码',
    '移动电话',
    'Mobile',
    'Mobile phone',
    'Cell',
    'Cell phone',
  ],
};
const EMAIL: ImportField = {
  field: 'email',
  synonyms: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'E-mail', 'Email', 'Email address', 'Mail'],
};
const REGION: ImportField = {
  field: 'region',
  synonyms: ['地区', '省份', '区域', '所在地区', '省', 'Region', 'Province', 'State'],
};
const SIZE_BAND: ImportField = {
  field: 'sizeBand',
  synonyms: ['规模', '人员规模', '公司规模', '员工人数', 'Size', 'Company size', 'Employees'],
};
const INDUSTRY: ImportField = {
  field: 'industry',
  synonyms: ['行业', '所属行业', '行业分类', 'Industry', 'Sector'],
};
const SOURCE: ImportField = {
  field: 'source',
  synonyms: ['来源', '客户来源', '线索来源', '渠道', 'Source', 'Lead source', 'Channel'],
};
const CREDIT_CODE: ImportField = {
  field: 'creditCode',
  synonyms: [
    '统一社会信用代码',
    '信用代码',
    '社会信用代码',
    '税号',
    'Credit code',
    'USCC',
    'Tax ID',
  ],
};
/** A contact's or deal's company, resolved to an account id by name or credit code (validate-rows.ts). */
const ACCOUNT_NAME: ImportField = {
  field: 'accountName',
  synonyms: [
    '公司名称',
    '客户名称',
    '企业名称',
    '所属客户',
    '公司',
    '客户',
    'Company',
    'Account',
    'Account name',
  ],
};
const ACCOUNT_CREDIT_CODE: ImportField = {
  field: 'accountCreditCode',
  synonyms: ['统一社会信用代码', '信用代码', '客户信用代码', 'Credit code', 'Account credit code'],
};

/** Target fields per kind, in the order a wizard lists them. */
export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  accounts: [
    {
      field: 'name',
      required: true,
      synonyms: [
        '公司名称',
        '客户名称',
        '企业名称',
        '单位名称',
        '名称',
        'Company',
        'Company name',
        'Account name',
        'Name',
      ],
    },
    CREDIT_CODE,
    INDUSTRY,
    SIZE_BAND,
    REGION,
    SOURCE,
    { field: 'tier', synonyms: ['等级', '客户等级', '级别', 'Tier', 'Grade'] },
    { field: 'status', synonyms: ['状态', '客户状态', 'Status'] },
    { field: 'tags', synonyms: ['标签', '生命周期', 'Tags', 'Lifecycle', 'Labels'] },
    { field: 'phone', synonyms: ['电话', '座机', '公司电话', '总机', 'Phone', 'Telephone', 'Tel'] },
    { field: 'website', synonyms: ['网站', '官网', '网址', 'Website', 'Web', 'URL'] },
    { field: 'address', synonyms: ['地址', '公司地址', '详细地址', 'Address'] },
    OWNER,
    NOTES,
  ],
  contacts: [
    {
      field: 'name',
      required: true,
      synonyms: ['姓名', '联系人', '联系人姓名', 'Name', 'Contact', 'Contact name', 'Full name'],
    },
    ACCOUNT_NAME,
    ACCOUNT_CREDIT_CODE,
    { field: 'title', synonyms: ['职位', '职务', '头衔', 'Title', 'Job title', 'Position'] },
    { field: 'department', synonyms: ['部门', 'Department', 'Dept'] },
    MOBILE,
    EMAIL,
    {
      field: 'phone',
      synonyms: ['电话', '座机', '办公电话', 'Phone', 'Office phone', 'Telephone'],
    },
    { field: 'wechat', synonyms: ['微信', '微信号', 'WeChat', 'WeChat ID'] },
    { field: 'decisionRole', synonyms: ['决策角色', '角色', 'Decision role', 'Role'] },
    { field: 'decisionPower', synonyms: ['影响力', '决策权', 'Decision power', 'Influence'] },
    { field: 'birthday', synonyms: ['生日', '出生日期', 'Birthday', 'Date of birth'] },
    OWNER,
    NOTES,
  ],
  leads: [
    {
      field: 'name',
      required: true,
      synonyms: ['姓名', '联系人', '线索名称', 'Name', 'Lead', 'Lead name', 'Full name'],
    },
    {
      field: 'company',
      synonyms: [
        '公司名称',
        '公司',
        '企业名称',
        '客户名称',
        'Company',
        'Company name',
        'Organization',
      ],
    },
    { field: 'title', synonyms: ['职位', '职务', 'Title', 'Job title'] },
    MOBILE,
    EMAIL,
    SOURCE,
    { field: 'campaign', synonyms: ['市场活动', '活动', '营销活动', 'Campaign'] },
    { field: 'status', synonyms: ['状态', '线索状态', 'Status'] },
    { field: 'score', synonyms: ['评分', '分数', '线索评分', 'Score'] },
    REGION,
    INDUSTRY,
    SIZE_BAND,
    OWNER,
    NOTES,
  ],
  deals: [
    {
      field: 'name',
      required: true,
      synonyms: ['商机名称', '名称', '项目名称', 'Deal', 'Deal name', 'Opportunity', 'Name'],
    },
    ACCOUNT_NAME,
    ACCOUNT_CREDIT_CODE,
    {
      field: 'pipelineId',
      synonyms: ['销售流程', '商机流程', '流程', 'Pipeline', 'Sales pipeline'],
    },
    { field: 'stage', synonyms: ['阶段', '销售阶段', 'Stage'] },
    { field: 'status', synonyms: ['状态', '赢单状态', 'Status'] },
    { field: 'amount', synonyms: ['金额', '预计金额', '商机金额', 'Amount', 'Value'] },
    {
      field: 'probability',
      synonyms: ['赢率', '成交概率', '概率', 'Probability', 'Win probability'],
    },
    {
      field: 'closeDate',
      synonyms: ['预计成交日期', '成交日期', '结单日期', 'Close date', 'Expected close'],
    },
    SOURCE,
    { field: 'competitor', synonyms: ['竞争对手', 'Competitor'] },
    OWNER,
    NOTES,
  ],
  activities: [
    {
      field: 'subject',
      required: true,
      synonyms: ['主题', '标题', '内容摘要', 'Subject', 'Title'],
    },
    { field: 'type', synonyms: ['类型', '跟进方式', '活动类型', 'Type', 'Activity type'] },
    ACCOUNT_NAME,
    ACCOUNT_CREDIT_CODE,
    { field: 'body', synonyms: ['内容', '详情', '跟进内容', 'Body', 'Details', 'Description'] },
    { field: 'outcome', synonyms: ['结果', '跟进结果', 'Outcome', 'Result'] },
    { field: 'nextStep', synonyms: ['下一步', '下一步计划', 'Next step'] },
    {
      field: 'occurredAt',
      synonyms: ['时间', '跟进时间', '日期', '发生时间', 'Date', 'Occurred at', 'When'],
    },
    { field: 'dueDate', synonyms: ['截止日期', '到期日', 'Due date', 'Due'] },
    { field: 'done', synonyms: ['已完成', '完成', 'Done', 'Completed'] },
    OWNER,
  ],
};

/**
 * A header as compared: full-width → half-width, lower case, and spaces, punctuation and a trailing note in
 * brackets ("手机（必填）", "Name *") removed.
 */
export function normalizeHeader(header: string): string {
  return toHalfWidth(header)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([【][^)\]】]*[)\]】]\s*$/u, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Column index → field name, or null for a column that is not imported. */
export type ColumnMapping = (string | null)[];

/** Field → the app's own column labels for it (both languages), from the caller's i18n resources. */
export type HeaderLabels = Readonly<Record<string, readonly string[]>>;

/**
 * Guesses which field each column fills. An exact synonym wins over a partial one ("手机号码" over "号码"),
 * and no field is given two columns: the first column that matches it best takes it, later ones stay null.
 * `labels` are the headers the app's own lists export with ("公司全称", "Full company name"): an exact one wins
 * over every synonym, so an exported list maps back column for column.
 */
export function guessMapping(
  kind: ImportKind,
  headers: readonly string[],
  labels: HeaderLabels = {},
): ColumnMapping {
  const fields = IMPORT_FIELDS[kind];
  const normalized = headers.map(normalizeHeader);
  const candidates: { column: number; field: string; score: number }[] = [];
  normalized.forEach((header, column) => {
    if (header === '') return;
    fields.forEach((target, order) => {
      for (const label of labels[target.field] ?? [])
        if (normalizeHeader(label) === header)
          candidates.push({ column, field: target.field, score: 2000 - order });
    });
    fields.forEach((target, order) => {
      for (const synonym of target.synonyms) {
        const s = normalizeHeader(synonym);
        // Exact beats contains; earlier fields (and earlier synonyms) win ties so "公司名称" is the account's name.
        if (s === header) candidates.push({ column, field: target.field, score: 1000 - order });
        else if (s.length >= 2 && header.includes(s))
          candidates.push({ column, field: target.field, score: 500 + s.length * 10 - order });
      }
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.column] !== null || taken.has(c.field)) continue;
    mapping[c.column] = c.field;
    taken.add(c.field);
  }
  return mapping;
}

/**
 * The layout of a file: its normalized headers in order. A mapping saved under this signature is offered
 * again for the next file with the same columns, whatever their spelling of spaces or width.
 */
export function layoutSignature(kind: ImportKind, headers: readonly string[]): string {
  return `${kind}:${headers.map(normalizeHeader).join('|')}`;
}

/**
 * A short key for a layout signature (settings keys hold 100 characters; a signature of 60 columns is longer):
 * the kind and a 64-bit FNV-1a hash of the signature. Two layouts sharing a key are told apart by the signature
 * stored with the mapping.
 */
export function layoutKey(signature: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < signature.length; i++) {
    const c = signature.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  const kind = signature.slice(0, signature.indexOf(':'));
  return `${kind}:${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/** Required fields of a kind that no column fills (the wizard cannot go on until they are mapped). */
export function missingRequired(kind: ImportKind, mapping: ColumnMapping): string[] {
  return IMPORT_FIELDS[kind]
    .filter((f) => f.required && !mapping.includes(f.field))
    .map((f) => f.field);
}
