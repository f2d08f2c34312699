import type { Bilingual } from './types';

/** Leads (线索): list, form and conversion into account + contact + deal. */
export const leads: Bilingual = {
  'zh-CN': {
    leads: {
      title: '线索',
      new: '新建线索',
      edit: '编辑线索',
      searchPlaceholder: '按姓名、公司或手机号搜索',
      scoreHint: '0–100，分数越高越值得优先跟进',
      duplicateAccount: '防撞单提醒：这家公司已经是客户',
      duplicateAccountOwner: '{{name}}（负责人：{{owner}}）',
      followUps: '跟进记录',
      convert: {
        action: '转化为客户',
        title: '转化线索',
        description: '“{{name}}”将成为客户的联系人；可以同时创建一个商机。',
        duplicatesTitle: '已有相同的客户（防撞单）',
        attachTo: '关联到已有客户“{{name}}”（负责人：{{owner}}）',
        createNew: '仍然新建客户',
        reason: { creditCode: '信用代码相同', name: '公司名称相同', mobile: '手机号相同', email: '邮箱相同' },
        createDeal: '同时创建商机',
        defaultDealName: '{{company}} 新商机',
        submit: '转化',
        done: '已转化，客户：{{account}}',
      },
    },
    fields: {
      contactName: '姓名', title: '职务', company: '公司', mobile: '手机号', email: '邮箱', source: '来源', campaign: '市场活动',
      region: '地区', industrySection: '行业门类', industryDivision: '行业大类', score: '线索评分', status: '状态', notes: '备注',
      accountName: '公司全称', dealName: '商机名称', dealAmount: '商机金额',
    },
  },
  en: {
    leads: {
      title: 'Leads',
      new: 'New lead',
      edit: 'Edit lead',
      searchPlaceholder: 'Search by name, company or mobile',
      scoreHint: '0–100; the higher, the sooner to follow up',
      duplicateAccount: 'Duplicate check: this company is already an account',
      duplicateAccountOwner: '{{name}} (owner: {{owner}})',
      followUps: 'Follow-ups',
      convert: {
        action: 'Convert to account',
        title: 'Convert lead',
        description: '"{{name}}" becomes a contact of the account; a deal can be created at the same time.',
        duplicatesTitle: 'This account already exists (duplicate check)',
        attachTo: 'Attach to the existing account "{{name}}" (owner: {{owner}})',
        createNew: 'Create a new account anyway',
        reason: { creditCode: 'Same credit code', name: 'Same company name', mobile: 'Same mobile number', email: 'Same e-mail' },
        createDeal: 'Also create a deal',
        defaultDealName: '{{company}} – new deal',
        submit: 'Convert',
        done: 'Converted; account: {{account}}',
      },
    },
    fields: {
      contactName: 'Name', title: 'Title', company: 'Company', mobile: 'Mobile', email: 'E-mail', source: 'Source', campaign: 'Campaign',
      region: 'Region', industrySection: 'Industry section', industryDivision: 'Industry division', score: 'Lead score', status: 'Status', notes: 'Notes',
      accountName: 'Full company name', dealName: 'Deal name', dealAmount: 'Deal amount',
    },
  },
};
