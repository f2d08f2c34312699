import type { Bilingual } from './types';

/** Handover when someone leaves (离职交接, issue 19): the team-admin screen's handover card. */
export const handover: Bilingual = {
  'zh-CN': {
    handover: {
      title: '离职交接',
      intro:
        '把一位同事名下的客户、联系人、线索、进行中的商机、未关闭的工单和未完成的任务一次性转给另一位同事。已赢单/输单的商机、已解决或已关闭的工单和已完成的任务留作历史，不会转移。',
      from: '离职人员',
      to: '接收人',
      pick: '请选择',
      inactive: '（已停用）',
      preview: '预览',
      previewing: '正在统计…',
      previewTitle: '将转给 {{name}} 的记录',
      nothing: '{{name}} 名下没有需要交接的记录',
      truncated: '列表只显示前 {{count}} 条，交接会转移全部记录',
      skipped: '另有 {{count}} 条记录不在你的管理范围内，不会转移',
      kind: '类型',
      name: '名称',
      kinds: {
        accounts: '客户',
        contacts: '联系人',
        leads: '线索',
        deals: '进行中的商机',
        tickets: '未关闭的工单',
        tasks: '未完成的任务',
      },
      deactivate: '交接后停用 {{name}} 的账号',
      deactivateWarning:
        '停用后，TA 的电脑和手机将无法再同步：请先让 TA 的电脑完成同步，否则尚未同步的修改会丢失。',
      offlineEdits:
        '不停用时，TA 离线时做的修改以后同步上来仍会保留（字段合并），负责人仍是接收人。',
      execute: '执行交接',
      confirmTitle: '把 {{from}} 的记录交接给 {{to}}？',
      confirmBody:
        '共 {{total}} 条记录的负责人将改为 {{to}}，团队随负责人调整；每条记录的历史中会记下这次交接。此操作不能自动撤销。',
      confirmDeactivate: '同时停用 {{from}} 的账号：TA 的设备下次连接时会被清除本机数据。',
      done: '交接完成：{{total}} 条记录已转给 {{to}}',
      resultTitle: '交接结果',
      resultDeactivated: '{{name}} 的账号已停用',
      errors: {
        handover_not_allowed: '只有管理员或该成员的经理可以办理交接',
        handover_receiver_out_of_scope: '接收人不在你管理的团队中',
        handover_same_user: '接收人不能是离职人员本人',
        handover_receiver_inactive: '接收人的账号已停用',
        not_found: '找不到该成员，请刷新后重试',
      },
    },
    history: { handover: '离职交接：{{from}} → {{to}}' },
  },
  en: {
    handover: {
      title: 'Handover when someone leaves',
      intro:
        "Move a colleague's accounts, contacts, leads, open deals, open tickets and open tasks to another colleague in one step. Won or lost deals, resolved or closed tickets and done tasks stay as history and do not move.",
      from: 'Leaving person',
      to: 'Receiver',
      pick: 'Choose',
      inactive: '(deactivated)',
      preview: 'Preview',
      previewing: 'Counting…',
      previewTitle: 'Records that go to {{name}}',
      nothing: '{{name}} owns nothing to hand over',
      truncated: 'The list shows the first {{count}}; the handover moves them all',
      skipped: '{{count}} more records are outside the teams you manage and stay',
      kind: 'Kind',
      name: 'Name',
      kinds: {
        accounts: 'Accounts',
        contacts: 'Contacts',
        leads: 'Leads',
        deals: 'Open deals',
        tickets: 'Open tickets',
        tasks: 'Open tasks',
      },
      deactivate: "Deactivate {{name}}'s account after the handover",
      deactivateWarning:
        'Once deactivated, their laptop can no longer sync: sync their laptop first, or their unsynced edits are lost.',
      offlineEdits:
        'Without deactivation, edits they made offline still land when they sync later (merged field by field); the owner stays the receiver.',
      execute: 'Hand over',
      confirmTitle: "Hand {{from}}'s records over to {{to}}?",
      confirmBody:
        "{{total}} records get {{to}} as owner, their team follows the owner, and each record's history notes the handover. This cannot be undone automatically.",
      confirmDeactivate:
        "{{from}}'s account is deactivated too: their devices wipe their local data when they next connect.",
      done: 'Handover done: {{total}} records went to {{to}}',
      resultTitle: 'Handover result',
      resultDeactivated: "{{name}}'s account is deactivated",
      errors: {
        handover_not_allowed: "Only an admin or the person's manager may hand over their records",
        handover_receiver_out_of_scope: 'The receiver is outside the teams you manage',
        handover_same_user: 'The receiver must be someone other than the leaving person',
        handover_receiver_inactive: "The receiver's account is deactivated",
        not_found: 'That person no longer exists: refresh and try again',
      },
    },
    history: { handover: 'Handover: {{from}} → {{to}}' },
  },
};
