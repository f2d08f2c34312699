import type { Bilingual } from './types';

export const accounts: Bilingual = {
  'zh-CN': {
    accounts: {
      title: '客户',
      new: '新建客户',
      edit: '编辑客户',
      count: '共 {{count}} 个客户',
      searchPlaceholder: '按名称或信用代码筛选',
      sort: { label: '排序', updatedAt: '最近更新', nameKey: '名称' },
      filters: { owner: '负责人', industry: '行业', tag: '标签', status: '客户状态', tier: '价值等级', save: '保存筛选', saveName: '筛选名称', saved: '已保存的筛选', none: '没有保存的筛选' },
      duplicate: {
        title: '可能重复：已有相同的客户',
        description: '防撞单提醒：以下客户与您填写的信息匹配，请确认不是同一家公司。',
        reason: { creditCode: '信用代码相同', name: '公司名称相同', mobile: '手机号相同', email: '邮箱相同' },
        owner: '负责人：{{owner}}',
        saveAnyway: '仍然保存',
        open: '打开已有客户',
      },
      detail: {
        overview: '概览', contacts: '联系人', deals: '商机', tickets: '工单', contracts: '合同', timeline: '跟进时间线',
        addContact: '添加联系人', newDeal: '新建商机', newTicket: '新建工单', newContract: '新建合同', notFound: '客户不存在或已被删除',
        deleted: '此客户已删除', deleteConfirm: '删除客户“{{name}}”？可以在回收站恢复。',
        openDeals: '进行中的商机', pipelineAmount: '商机金额',
      },
      notFullName: '建议填写营业执照上的全称，便于查重。',
    },
    fields: {
      name: '名称', accountName: '公司全称', creditCode: '统一社会信用代码', industry: '行业', industrySection: '行业门类', industryDivision: '行业大类',
      sizeBand: '人员规模', region: '地区', source: '来源', tier: '价值等级', status: '状态', tags: '标签', phone: '电话', website: '网址',
      address: '地址', notes: '备注', ownerId: '负责人',
      contactName: '姓名', title: '职务', department: '部门', mobile: '手机号', email: '邮箱', wechat: '微信', decisionRole: '决策角色',
      decisionPower: '决策影响力', birthday: '生日', accountId: '所属客户',
    },
  },
  en: {
    accounts: {
      title: 'Accounts',
      new: 'New account',
      edit: 'Edit account',
      count: '{{count}} accounts',
      searchPlaceholder: 'Filter by name or credit code',
      sort: { label: 'Sort', updatedAt: 'Recently updated', nameKey: 'Name' },
      filters: { owner: 'Owner', industry: 'Industry', tag: 'Tag', status: 'Status', tier: 'Value tier', save: 'Save filter', saveName: 'Filter name', saved: 'Saved filters', none: 'No saved filters' },
      duplicate: {
        title: 'Possible duplicate: this company already exists',
        description: 'Duplicate check: the accounts below match what you typed. Make sure it is not the same company.',
        reason: { creditCode: 'Same credit code', name: 'Same company name', mobile: 'Same mobile number', email: 'Same e-mail' },
        owner: 'Owner: {{owner}}',
        saveAnyway: 'Save anyway',
        open: 'Open existing account',
      },
      detail: {
        overview: 'Overview', contacts: 'Contacts', deals: 'Deals', tickets: 'Tickets', contracts: 'Contracts', timeline: 'Activity timeline',
        addContact: 'Add contact', newDeal: 'New deal', newTicket: 'New ticket', newContract: 'New contract', notFound: 'This account does not exist or was deleted',
        deleted: 'This account was deleted', deleteConfirm: 'Delete account "{{name}}"? It can be restored from the recycle bin.',
        openDeals: 'Open deals', pipelineAmount: 'Pipeline amount',
      },
      notFullName: 'Use the full registered name so duplicates can be found.',
    },
    fields: {
      name: 'Name', accountName: 'Full company name', creditCode: 'Unified social credit code', industry: 'Industry', industrySection: 'Industry section', industryDivision: 'Industry division',
      sizeBand: 'Company size', region: 'Region', source: 'Source', tier: 'Value tier', status: 'Status', tags: 'Tags', phone: 'Phone', website: 'Website',
      address: 'Address', notes: 'Notes', ownerId: 'Owner',
      contactName: 'Name', title: 'Title', department: 'Department', mobile: 'Mobile', email: 'E-mail', wechat: 'WeChat', decisionRole: 'Decision role',
      decisionPower: 'Decision power', birthday: 'Birthday', accountId: 'Account',
    },
  },
};
