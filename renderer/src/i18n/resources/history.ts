import type { Bilingual } from './types';

/** Record history (who changed what, from the team server). */
export const history: Bilingual = {
  'zh-CN': {
    history: {
      tab: '历史',
      title: '修改历史',
      localOnly: '修改历史只在团队工作区中提供：本地工作区不记录谁改了什么。',
      offline: '修改历史保存在团队服务器上，联网后即可查看。',
      notOnServer: '这条记录还没有同步到服务器，暂无修改历史。',
      empty: '暂无修改历史',
      failed: '无法读取修改历史：{{reason}}',
      deletedRecord: '删除了这条记录',
      kind: { create: '创建了记录', change: '修改了记录', delete: '删除了记录', merge: '合并了修改' },
      merge: { title: '合并时被覆盖', detail: '{{user}} 填写的“{{lost}}”被“{{kept}}”覆盖' },
      fieldNames: {
        teamId: '团队', ownerId: '负责人', deleted: '已删除', deletedAt: '删除时间', _deleted: '记录', type: '类型', kind: '种类',
        done: '已完成', doneAt: '完成时间', relatedType: '关联类型', relatedId: '关联记录', csat: '满意度', key: '键', value: '内容',
        role: '角色', teamIds: '所属团队', active: '启用', parentTeamId: '上级团队', convertedAccountId: '转化的客户',
        convertedContactId: '转化的联系人', convertedDealId: '转化的商机', comment: '意见', decidedBy: '审批人', decidedAt: '审批时间',
        requesterId: '申请人', approverRole: '审批角色', subjectType: '审批对象类型', subjectId: '审批对象',
      },
    },
  },
  en: {
    history: {
      tab: 'History',
      title: 'Change history',
      localOnly: 'Change history is kept in team workspaces only: a local workspace does not record who changed what.',
      offline: 'Change history lives on the team server: connect to the network to see it.',
      notOnServer: 'This record has not reached the server yet, so it has no history.',
      empty: 'No changes recorded yet',
      failed: 'Could not read the history: {{reason}}',
      deletedRecord: 'Deleted this record',
      kind: { create: 'created the record', change: 'changed the record', delete: 'deleted the record', merge: 'merged changes' },
      merge: { title: 'Overwritten in a merge', detail: '{{user}}\'s value "{{lost}}" was overwritten by "{{kept}}"' },
      fieldNames: {
        teamId: 'Team', ownerId: 'Owner', deleted: 'Deleted', deletedAt: 'Deleted at', _deleted: 'Record', type: 'Type', kind: 'Kind',
        done: 'Done', doneAt: 'Done at', relatedType: 'Related to', relatedId: 'Related record', csat: 'Satisfaction', key: 'Key', value: 'Value',
        role: 'Role', teamIds: 'Teams', active: 'Active', parentTeamId: 'Parent team', convertedAccountId: 'Converted account',
        convertedContactId: 'Converted contact', convertedDealId: 'Converted deal', comment: 'Comment', decidedBy: 'Decided by', decidedAt: 'Decided at',
        requesterId: 'Requested by', approverRole: 'Approver role', subjectType: 'Subject type', subjectId: 'Subject',
      },
    },
  },
};
