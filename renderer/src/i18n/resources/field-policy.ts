import type { Bilingual } from './types';

/** Field-level restrictions: how a hidden field looks, and the admin's settings card (shared/sync/field-policy.ts). */
export const fieldPolicy: Bilingual = {
  'zh-CN': {
    fieldPolicy: {
      hidden: '已隐藏',
      hiddenHint: '管理员设置了字段权限：你无权查看或修改这个字段。',
      title: '字段权限',
      description:
        '把敏感字段只显示给指定的角色和记录所属团队的成员。其他人同步到的记录里没有这些值，显示为“已隐藏”，也不能修改。管理员始终可以看到。',
      adminOnly: '只有管理员可以修改字段权限。',
      columns: {
        record: '记录',
        field: '字段',
        restricted: '限制',
        roles: '始终可见的角色',
        ownTeam: '记录所属团队可见',
      },
      collections: {
        deals: '商机',
        contracts: '合同',
        contacts: '联系人',
        leads: '线索',
        accounts: '客户',
      },
      covers: '（含 {{fields}}）',
      save: '保存字段权限',
      saved: '字段权限已保存，所有在线的电脑会立即按新规则重新同步。',
    },
  },
  en: {
    fieldPolicy: {
      hidden: 'Hidden',
      hiddenHint: 'An admin restricted this field: you may not see or change it.',
      title: 'Field permissions',
      description:
        "Show sensitive fields only to the roles you choose and to members of the record's own team. Everyone else syncs the record without these values, sees them as “Hidden” and cannot change them. Admins always see them.",
      adminOnly: 'Only an admin can change field permissions.',
      columns: {
        record: 'Record',
        field: 'Field',
        restricted: 'Restricted',
        roles: 'Roles that always see it',
        ownTeam: "Record's own team sees it",
      },
      collections: {
        deals: 'Deals',
        contracts: 'Contracts',
        contacts: 'Contacts',
        leads: 'Leads',
        accounts: 'Accounts',
      },
      covers: '(with {{fields}})',
      save: 'Save field permissions',
      saved:
        'Field permissions saved; every computer online syncs again under the new rules at once.',
    },
  },
};
