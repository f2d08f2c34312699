import type { Bilingual } from './types';

/** The inbox of changes the team server did not accept, and the reasons it gives (shared/sync/scope.ts RejectReason). */
export const inbox: Bilingual = {
  'zh-CN': {
    app: { nav: { inbox: '收件箱' } },
    sync: {
      rejected: {
        validation: '服务器校验未通过',
        outOfScope: '你无权把记录放到该团队或修改其他团队的记录',
        adminOnly: '只有管理员可以修改',
        workspace: '这条记录属于另一个工作区，不能在这里修改',
        stageGate: '进入“{{stage}}”前需要填写：{{fields}}',
        immutable: '记录的标识不能修改',
        hiddenField: '这些字段对你隐藏，不能修改：{{fields}}',
        readOnly: '你对这些记录只有查看权限（只读），不能修改',
        ownerOutOfScope: '你只能把记录交给自己或你权限范围内团队的成员',
        workspaceWide: '只有管理员可以把记录设为整个工作区可见（不属于任何团队）',
        personal: '收件箱标记只属于本人：不能替别人标记，也不能移到团队中',
        commentAuthorOnly: '评论只能由作者修改；作者或管理员可以删除',
        creditCodeTaken:
          '统一社会信用代码 {{creditCode}} 已属于另一个客户（负责人：{{ownerName}}，{{teamName}}）',
        approvalDecided: '这项审批已由 {{decider}} 处理，你的决定没有生效',
        approvalNotApprover: '你不是这项审批当前步骤的审批人',
        approvalOwnRequest: '不能审批自己提交的申请',
        approvalForged: '审批申请提交后不能修改，只能由审批人按审批流程处理',
        quoteFrozen: '报价第 {{version}} 版已发出，不能再修改；请新建一个版本',
        quoteNeedsApproval:
          '报价第 {{version}} 版的折扣 {{discount}}% 超过你的权限 {{threshold}}%，需审批通过后才能标记为已发送',
      },
    },
    inbox: {
      title: '未被接受的修改',
      intro:
        '服务器没有接受下面这些修改。你填写的内容都保存在这里：修正后可以重新应用，也可以放弃。',
      loadFailed: '无法读取待处理的修改：{{reason}}',
      localWorkspace: '本地工作区不与服务器同步，因此不会有未被接受的修改。',
      separator: '、',
      noTeam: '整个工作区',
      unknownReason: '服务器没有接受这项修改（{{reason}}）',
      kinds: {
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
      onlyLocal: '仅在本机',
      onlyLocalHint: '这是一条新记录，服务器没有接受，它只保存在这台电脑上。',
      missingLocally: '这条记录已不在本机：重新应用会按你填写的内容重新创建它。',
      noDifference: '你填写的内容与记录当前的内容相同。',
      columns: { field: '字段', yours: '你填写的值', current: '当前的值' },
      hints: {
        validation: '在记录中修正标出的字段，然后重新应用。',
        outOfScope: '把记录放到你所在的团队（或请管理员调整你的团队）后重新应用；也可以放弃。',
        adminOnly: '请管理员来做这项修改，或者放弃它。',
        workspace: '这项修改不能在当前工作区应用，请放弃它。',
        stageGate: '在记录中填好这些字段后重新应用。',
        immutable: '这项修改不能应用，请放弃它。',
        hiddenField: '隐藏的字段只能由能看到它的人修改，请放弃这项修改。',
        readOnly:
          '你是只读查看者，或该团队只以只读方式共享给你：请管理员修改权限，或者放弃这项修改。',
        ownerOutOfScope: '选择你团队中的负责人后重新应用，或请管理员分配；也可以放弃。',
        workspaceWide: '把记录放到你所在的团队后重新应用，或请管理员来做；也可以放弃。',
        personal: '这项修改不能应用，请放弃它。',
        commentAuthorOnly: '别人的评论不能修改，请放弃这项修改。',
        creditCodeTaken:
          '一家公司只能有一个客户：把两条记录合并，或联系已有客户的负责人；信用代码填错了就改正后重新应用。',
        approvalDecided: '审批页上显示的是已生效的决定，请放弃这项修改。',
        approvalNotApprover: '这项审批不等你处理，请放弃这项修改。',
        approvalOwnRequest: '自己的申请由审批人处理，请放弃这项修改。',
        approvalForged: '请放弃这项修改；需要改内容时，重新提交一个申请。',
        quoteFrozen: '已发出的版本保持原样：在商机的报价中新建一个版本再修改，然后放弃这项修改。',
        quoteNeedsApproval: '在商机的报价中申请折扣审批，审批通过后再标记为已发送；或降低折扣。',
      },
      merge: '合并两个客户',
      openExisting: '打开已有客户',
      apply: '重新应用',
      open: '打开记录',
      discard: '放弃',
      deleteLocal: '删除本地记录',
      applied: '已重新应用，正在同步到服务器',
      discarded: '已放弃这项修改',
      discardedWithRecord: '已放弃这项修改，并删除了本机上的记录',
    },
  },
  en: {
    app: { nav: { inbox: 'Inbox' } },
    sync: {
      rejected: {
        validation: 'The server found invalid values',
        outOfScope: "You may not move records to that team or change another team's records",
        adminOnly: 'Only an admin can change this',
        workspace: 'This record belongs to another workspace and cannot be changed here',
        stageGate: 'Before entering "{{stage}}" fill in: {{fields}}',
        immutable: "A record's id cannot be changed",
        hiddenField: 'These fields are hidden from you and cannot be changed: {{fields}}',
        readOnly: 'You have read-only access to these records and cannot change them',
        ownerOutOfScope:
          'You may hand records only to yourself or to members of the teams in your scope',
        workspaceWide:
          'Only an admin can make a record visible to the whole workspace (in no team)',
        personal:
          "Inbox marks belong to one person: nobody marks someone else's items or moves them to a team",
        commentAuthorOnly: 'Only its author edits a comment; its author or an admin may delete it',
        creditCodeTaken:
          'Credit code {{creditCode}} already belongs to another account (owner: {{ownerName}}, {{teamName}})',
        approvalDecided:
          '{{decider}} already decided this approval; your decision did not take effect',
        approvalNotApprover: 'You are not an approver of the current step of this approval',
        approvalOwnRequest: 'You cannot approve your own request',
        approvalForged:
          'A request cannot be changed once made; only its approvers decide it, step by step',
        quoteFrozen:
          'Quote version {{version}} was sent and can no longer be changed; make a new version',
        quoteNeedsApproval:
          'The discount of quote version {{version}} ({{discount}} %) is above your limit of {{threshold}} %: it needs an approval before it can be marked sent',
      },
    },
    inbox: {
      title: 'Changes not accepted',
      intro:
        'The server did not accept these changes. Everything you typed is kept here: fix and apply it again, or discard it.',
      loadFailed: 'Could not read the changes waiting here: {{reason}}',
      localWorkspace: 'A local workspace does not sync with a server, so no change can be refused.',
      separator: ', ',
      noTeam: 'the whole workspace',
      unknownReason: 'The server did not accept this change ({{reason}})',
      kinds: {
        accounts: 'Account',
        contacts: 'Contact',
        leads: 'Lead',
        deals: 'Deal',
        contracts: 'Contract',
        tickets: 'Ticket',
        activities: 'Activity',
        approvals: 'Approval',
        members: 'Member',
        settings: 'Setting',
        inbox_marks: 'Inbox mark',
      },
      onlyLocal: 'Only on this device',
      onlyLocalHint:
        'This is a new record the server did not accept; it exists only on this computer.',
      missingLocally:
        'This record is no longer on this device: applying again creates it from what you typed.',
      noDifference: 'What you typed matches the record as it is now.',
      columns: { field: 'Field', yours: 'Your value', current: 'Current value' },
      hints: {
        validation: 'Fix the marked fields in the record, then apply again.',
        outOfScope:
          'Put the record in one of your teams (or ask an admin to change your teams), then apply again; or discard it.',
        adminOnly: 'Ask an admin to make this change, or discard it.',
        workspace: 'This change cannot be applied in this workspace: discard it.',
        stageGate: 'Fill in these fields in the record, then apply again.',
        immutable: 'This change cannot be applied: discard it.',
        hiddenField: 'Only someone who can see a hidden field may change it: discard this change.',
        readOnly:
          'You are a read-only viewer, or this team is shared with you read-only: ask an admin to change your rights, or discard the change.',
        ownerOutOfScope:
          'Choose an owner from your teams, then apply again, or ask an admin to assign it; or discard it.',
        workspaceWide:
          'Put the record in one of your teams, then apply again, or ask an admin; or discard it.',
        personal: 'This change cannot be applied: discard it.',
        commentAuthorOnly: "Someone else's comment cannot be changed: discard this change.",
        creditCodeTaken:
          "One company has one account: merge the two records, or talk to the existing account's owner; if the credit code was mistyped, correct it and apply again.",
        approvalDecided: 'The Approvals page shows the decision that stands. Discard this change.',
        approvalNotApprover: 'This approval is not waiting on you. Discard this change.',
        approvalOwnRequest:
          'Your own requests are decided by their approvers. Discard this change.',
        approvalForged: 'Discard this change; to ask for something else, make a new request.',
        quoteFrozen:
          "A sent version stays as it was: make a new version in the deal's quotes and change that one, then discard this change.",
        quoteNeedsApproval:
          "Request a discount approval in the deal's quotes and mark the quote sent once it is approved; or lower the discount.",
      },
      merge: 'Merge the two accounts',
      openExisting: 'Open the existing account',
      apply: 'Apply again',
      open: 'Open record',
      discard: 'Discard',
      deleteLocal: 'Delete the local record',
      applied: 'Applied again; syncing to the server',
      discarded: 'Change discarded',
      discardedWithRecord: 'Change discarded and the local record deleted',
    },
  },
};
