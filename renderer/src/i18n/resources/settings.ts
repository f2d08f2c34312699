import type { Bilingual } from './types';

export const settings: Bilingual = {
  'zh-CN': {
    settings: {
      title: '设置',
      workspace: {
        title: '工作区',
        name: '名称',
        mode: '类型',
        user: '当前用户',
        leave: '退出工作区',
        leaveWarning:
          '退出后会回到欢迎页。本地工作区的数据仍保存在这台电脑上，再次选择“在本机工作”即可继续使用。',
      },
      appearance: { title: '外观与语言', theme: '主题', auto: '跟随系统' },
      sample: {
        title: '示例数据',
        description:
          '载入一套逼真的示例客户、商机、工单和跟进记录（固定随机种子，每次相同），便于体验和演示。',
        counts:
          '{{accounts}} 个客户、{{contacts}} 个联系人、{{deals}} 个商机、{{activities}} 条跟进',
        load: '载入示例数据',
        progress: '已写入 {{done}} / {{total}}（{{collection}}）',
        done: '完成：新增 {{count}} 条记录',
        collections: {
          accounts: '客户',
          contacts: '联系人',
          leads: '线索',
          deals: '商机',
          contracts: '合同',
          tickets: '工单',
          activities: '跟进记录',
          approvals: '审批',
          members: '成员',
          settings: '设置',
          inbox_marks: '收件箱标记',
        },
      },
      pipeline: { title: '销售流程', stage: '阶段', probability: '赢率', required: '进入前必填' },
    },
  },
  en: {
    settings: {
      title: 'Settings',
      workspace: {
        title: 'Workspace',
        name: 'Name',
        mode: 'Type',
        user: 'Signed in as',
        leave: 'Leave workspace',
        leaveWarning:
          'You will return to the welcome screen. A local workspace stays on this computer; choose "Work locally" again to continue with it.',
      },
      appearance: { title: 'Appearance and language', theme: 'Theme', auto: 'System' },
      sample: {
        title: 'Sample data',
        description:
          'Load a realistic set of sample accounts, deals, tickets and activities (fixed seed: the same every time) to explore or demo the CRM.',
        counts:
          '{{accounts}} accounts, {{contacts}} contacts, {{deals}} deals, {{activities}} activities',
        load: 'Load sample data',
        progress: 'Written {{done}} / {{total}} ({{collection}})',
        done: 'Done: {{count}} records added',
        collections: {
          accounts: 'accounts',
          contacts: 'contacts',
          leads: 'leads',
          deals: 'deals',
          contracts: 'contracts',
          tickets: 'tickets',
          activities: 'activities',
          approvals: 'approvals',
          members: 'members',
          settings: 'settings',
          inbox_marks: 'inbox marks',
        },
      },
      pipeline: {
        title: 'Sales pipeline',
        stage: 'Stage',
        probability: 'Probability',
        required: 'Required before entering',
      },
    },
  },
};
