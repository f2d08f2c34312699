import type { Bilingual } from './types';

/** Shell, navigation, first run, search and shared UI texts. */
export const app: Bilingual = {
  'zh-CN': {
    app: {
      name: '外勤 CRM',
      loading: '正在打开工作区…',
      openFailed: '无法打开本地数据库：{{reason}}',
      nav: {
        myDay: '我的一天', accounts: '客户', contacts: '联系人', leads: '线索', deals: '商机', contracts: '合同',
        tickets: '工单', settings: '设置',
      },
      workspace: { local: '本地工作区', team: '团队工作区' },
      language: '语言',
      theme: { light: '浅色', dark: '深色', toggle: '切换浅色/深色主题' },
      search: {
        placeholder: '搜索客户、联系人、线索、商机、工单…',
        button: '搜索',
        nothingFound: '没有找到匹配的记录',
        hint: '输入名称、手机号、邮箱或信用代码',
        groups: { accounts: '客户', contacts: '联系人', leads: '线索', deals: '商机', tickets: '工单' },
      },
    },
    common: {
      save: '保存', cancel: '取消', create: '新建', edit: '编辑', delete: '删除', restore: '恢复', close: '关闭', back: '返回',
      confirm: '确认', search: '搜索', filter: '筛选', clear: '清除', all: '全部', none: '无', yes: '是', no: '否',
      loading: '加载中…', empty: '暂无数据', saved: '已保存', deleted: '已删除', owner: '负责人', createdAt: '创建时间',
      updatedAt: '更新时间', notes: '备注', actions: '操作', details: '详情', total: '共 {{count}} 条', open: '打开',
      saveFailed: '未保存：{{reason}}', fixErrors: '请修正标出的字段后再保存，未保存任何内容。', unknown: '未知', view: '查看',
      name: '名称', amount: '金额', date: '日期', status: '状态', type: '类型', account: '客户', contact: '联系人',
    },
    firstRun: {
      title: '欢迎使用外勤 CRM',
      subtitle: '客户、商机、工单和跟进记录都保存在这台电脑上，没有网络也能工作。',
      local: { title: '在本机工作', description: '创建本地工作区，无需服务器。之后可以上传到团队服务器。', action: '开始使用' },
      team: { title: '连接团队服务器', description: '与团队同步客户和商机，实时协作。' },
      yourName: '你的名字', workspaceName: '工作区名称', defaultWorkspace: '我的工作区', serverUrl: '服务器地址',
    },
  },
  en: {
    app: {
      name: 'Field CRM',
      loading: 'Opening your workspace…',
      openFailed: 'Could not open the local database: {{reason}}',
      nav: {
        myDay: 'My day', accounts: 'Accounts', contacts: 'Contacts', leads: 'Leads', deals: 'Deals', contracts: 'Contracts',
        tickets: 'Tickets', settings: 'Settings',
      },
      workspace: { local: 'Local workspace', team: 'Team workspace' },
      language: 'Language',
      theme: { light: 'Light', dark: 'Dark', toggle: 'Switch light/dark theme' },
      search: {
        placeholder: 'Search accounts, contacts, leads, deals, tickets…',
        button: 'Search',
        nothingFound: 'No matching records',
        hint: 'Type a name, mobile number, e-mail or credit code',
        groups: { accounts: 'Accounts', contacts: 'Contacts', leads: 'Leads', deals: 'Deals', tickets: 'Tickets' },
      },
    },
    common: {
      save: 'Save', cancel: 'Cancel', create: 'New', edit: 'Edit', delete: 'Delete', restore: 'Restore', close: 'Close', back: 'Back',
      confirm: 'Confirm', search: 'Search', filter: 'Filter', clear: 'Clear', all: 'All', none: 'None', yes: 'Yes', no: 'No',
      loading: 'Loading…', empty: 'Nothing here yet', saved: 'Saved', deleted: 'Deleted', owner: 'Owner', createdAt: 'Created',
      updatedAt: 'Updated', notes: 'Notes', actions: 'Actions', details: 'Details', total: '{{count}} in total', open: 'Open',
      saveFailed: 'Not saved: {{reason}}', fixErrors: 'Fix the marked fields and save again; nothing was saved.', unknown: 'Unknown', view: 'View',
      name: 'Name', amount: 'Amount', date: 'Date', status: 'Status', type: 'Type', account: 'Account', contact: 'Contact',
    },
    firstRun: {
      title: 'Welcome to Field CRM',
      subtitle: 'Accounts, deals, tickets and follow-ups live on this computer and work without a network.',
      local: { title: 'Work locally', description: 'Create a local workspace, no server needed. You can upload it to a team server later.', action: 'Get started' },
      team: { title: 'Connect to a team server', description: 'Sync accounts and deals with your team and work together live.' },
      yourName: 'Your name', workspaceName: 'Workspace name', defaultWorkspace: 'My workspace', serverUrl: 'Server URL',
    },
  },
};
