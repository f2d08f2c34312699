import type { Bilingual } from './types';

export const contacts: Bilingual = {
  'zh-CN': {
    contacts: {
      title: '联系人',
      new: '新建联系人',
      edit: '编辑联系人',
      searchPlaceholder: '按姓名、手机号或邮箱筛选',
      decisionChain: '决策链',
    },
  },
  en: {
    contacts: {
      title: 'Contacts',
      new: 'New contact',
      edit: 'Edit contact',
      searchPlaceholder: 'Filter by name, mobile or e-mail',
      decisionChain: 'Decision chain',
    },
  },
};
